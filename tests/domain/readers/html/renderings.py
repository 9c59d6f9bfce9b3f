"""Markdown agenda pages rendered to HTML the way static site generators publish them.

Two real renderers: markdown-it-py's GFM-like preset (Hugo's and GitHub's CommonMark dialect) and
Python-Markdown with its tables extension (the dialect of many older sites and MkDocs). The front
matter is taken off as a generator takes it: its title goes into <title> and the layout's <h1>, its
date into the article:published_time meta tag that the generators' SEO templates write, and the
rest is lost. Layouts put the body among a site's navigation, banner, sidebar and footer.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import markdown
from markdown_it import MarkdownIt

from bot.domain.readers.markdown.front_matter import FrontMatterError, split_front_matter

_MARKDOWN_IT = MarkdownIt("gfm-like", {"linkify": False})


def markdown_it(body: str) -> str:
    return _MARKDOWN_IT.render(body)


def python_markdown(body: str) -> str:
    return markdown.markdown(body, extensions=["tables"])


RENDERERS: dict[str, Callable[[str], str]] = {
    "markdown-it": markdown_it,
    "python-markdown": python_markdown,
}


def _value(value: Any) -> str | None:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _head(title: str | None, published: str | None, lang: str | None) -> str:
    parts = ['<meta charset="utf-8">', '<meta name="viewport" content="width=device-width">']
    if title:
        parts.append(f"<title>{html.escape(title)} | Example Community</title>")
        parts.append(f'<meta property="og:title" content="{html.escape(title)}">')
    if published:
        parts.append(f'<meta property="article:published_time" content="{html.escape(published)}">')
    parts.append('<link rel="stylesheet" href="/css/site.css">')
    parts.append("<script>window.dataLayer = [{'event': '09:00 pageview'}];</script>")
    opening = f'<html lang="{html.escape(lang)}">' if lang else "<html>"
    return "<!DOCTYPE html>\n" + opening + "\n<head>\n" + "\n".join(parts) + "\n</head>\n"


_NAV = """<nav class="site-nav">
<a href="/">Home</a> <a href="/events/">Events</a> <a href="/about/">About</a>
<ul><li><a href="/2024/">2024</a></li><li><a href="/talks/">Talks at 19:00</a></li></ul>
</nav>
"""
_SIDEBAR = """<aside class="sidebar">
<h2>Upcoming</h2>
<ul><li>Monday, 1 January 2024, 18:00 Another meetup</li></ul>
</aside>
"""
_FOOTER = """<footer class="site-footer">
<p>© 2024 Example Community · Built at 12:00 UTC</p>
</footer>
"""


def hugo_layout(body: str, title: str | None, published: str | None, lang: str | None) -> str:
    """A Hugo theme: banner and menu, the page's title as its <h1> in the article's header, the
    content, a sidebar and a footer."""
    heading = f"<header>\n<h1>{html.escape(title)}</h1>\n</header>\n" if title else ""
    return (
        _head(title, published, lang)
        + '<body>\n<header class="site-header"><a class="logo" href="/">Example Community</a>\n'
        + _NAV
        + "</header>\n<main>\n<article>\n"
        + heading
        + '<div class="content">\n'
        + body
        + "</div>\n</article>\n"
        + _SIDEBAR
        + "</main>\n"
        + _FOOTER
        + "</body>\n</html>\n"
    )


def jekyll_layout(body: str, title: str | None, published: str | None, lang: str | None) -> str:
    """Jekyll's minima theme: the post's header (title and publication date) above
    `.post-content`, which holds the rendered Markdown."""
    meta = ""
    if published:
        meta = (
            f'<p class="post-meta"><time class="dt-published" datetime="{html.escape(published)}">'
            f"{html.escape(published)}</time></p>\n"
        )
    heading = f'<h1 class="post-title p-name">{html.escape(title)}</h1>\n' if title else ""
    return (
        _head(title, published, lang)
        + '<body>\n<header class="site-header" role="banner">\n<div class="wrapper">\n'
        + _NAV
        + '</div>\n</header>\n<main class="page-content" aria-label="Content">\n'
        + '<div class="wrapper">\n<article class="post h-entry">\n<header class="post-header">\n'
        + heading
        + meta
        + '</header>\n<div class="post-content e-content" itemprop="articleBody">\n'
        + body
        + "</div>\n</article>\n</div>\n</main>\n"
        + _FOOTER
        + "</body>\n</html>\n"
    )


def bare_layout(body: str, title: str | None, published: str | None, lang: str | None) -> str:
    """The rendered body alone in a document, as GitHub or a preview shows it."""
    return _head(title, published, lang) + "<body>\n" + body + "</body>\n</html>\n"


LAYOUTS = {"hugo": hugo_layout, "jekyll": jekyll_layout, "bare": bare_layout}


def render_page(text: str, renderer: str, layout: str) -> str:
    """A Markdown page (front matter and body) as the HTML a site publishes for it."""
    try:
        front = split_front_matter(text)
        fields, body = front.fields, front.body
    except FrontMatterError:  # a generator stops at broken front matter; the body is kept
        fields, body = {}, text
    title = _value(fields.get("title"))
    published = _value(fields.get("date"))
    lang = _value(fields.get("lang")) or _value(fields.get("language"))
    return LAYOUTS[layout](RENDERERS[renderer](body), title, published, lang)
