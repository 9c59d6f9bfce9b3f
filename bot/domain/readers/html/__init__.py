"""Rendered HTML pages (Hugo, Jekyll and GitHub renderings of Markdown agendas, and event sites'
own pages), read through the same walk as Markdown: a page and its rendering give one schedule."""

from __future__ import annotations

from bot.domain.agenda import Schedule
from bot.domain.diagnostics import Diagnostics
from bot.domain.readers.context import ReadOptions
from bot.domain.readers.html.document import HtmlError, HtmlPage, read_page
from bot.domain.readers.markdown import read_blocks
from bot.domain.readers.markdown.front_matter import FrontMatter


def read_html(
    text: str, diagnostics: Diagnostics, options: ReadOptions, stem: str
) -> list[Schedule]:
    """Every schedule an HTML page describes; problems go to `diagnostics` with the lines of the
    HTML file."""
    try:
        page = read_page(text)
    except HtmlError as exc:
        diagnostics.error(0, str(exc))
        return []
    for line, message in page.problems:
        diagnostics.warn(line, message)
    front = FrontMatter(dict(page.fields), dict(page.lines), page.text, page.first_line)
    return read_blocks(page.blocks, front, diagnostics, options, stem)


__all__ = ["HtmlPage", "read_html", "read_page"]
