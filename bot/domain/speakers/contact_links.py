"""A speaker's links from how pages write them: "* Email x@y", "- GitHub: [me](https://…)",
"- 微信：zhao_huabing", a bare address, or front matter fields (`email:`, `github:`).

Every link is a `Link(url, label)` with the kind as its label ("Email", "WeChat", "LinkedIn",
"GitHub", "Twitter", "Website"...). An e-mail address becomes a `mailto:` URL and a GitHub or
Twitter handle its profile's address; a WeChat id has no web address, so its `url` is the id as
written (no scheme): something to show, not to follow.
"""

from __future__ import annotations

import re

from bot.domain.agenda import Link

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"https?://[^\s<>()\[\]]+", re.IGNORECASE)
_HANDLE = re.compile(r"@?([A-Za-z0-9][A-Za-z0-9_.-]{0,38})")
_WECHAT_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]{5,19}")

# The words pages label a link with, lowercased, and the kind each means.
_KINDS = {
    "email": "Email",
    "e-mail": "Email",
    "mail": "Email",
    "邮箱": "Email",
    "电子邮件": "Email",
    "邮件": "Email",
    "wechat": "WeChat",
    "weixin": "WeChat",
    "微信": "WeChat",
    "linkedin": "LinkedIn",
    "领英": "LinkedIn",
    "github": "GitHub",
    "gitlab": "GitLab",
    "twitter": "Twitter",
    "x": "Twitter",
    "mastodon": "Mastodon",
    "bluesky": "Bluesky",
    "weibo": "Weibo",
    "微博": "Weibo",
    "zhihu": "Zhihu",
    "知乎": "Zhihu",
    "website": "Website",
    "web": "Website",
    "site": "Website",
    "homepage": "Website",
    "home page": "Website",
    "home": "Website",
    "blog": "Website",
    "网站": "Website",
    "个人网站": "Website",
    "主页": "Website",
    "个人主页": "Website",
    "博客": "Website",
}
# Where a handle written without its address lives.
_PROFILE_URLS = {
    "GitHub": "https://github.com/{}",
    "GitLab": "https://gitlab.com/{}",
    "Twitter": "https://twitter.com/{}",
    "LinkedIn": "https://www.linkedin.com/in/{}",
    "Zhihu": "https://www.zhihu.com/people/{}",
}
# Front matter fields that hold one link each.
FRONT_FIELDS = (
    "email",
    "wechat",
    "linkedin",
    "github",
    "gitlab",
    "twitter",
    "mastodon",
    "bluesky",
    "weibo",
    "zhihu",
    "website",
    "site",
    "homepage",
    "blog",
)
_COLON_LABEL = re.compile(r"\s*([^:：]{1,16}?)\s*[:：]\s*(.+)$")
_WORD_LABEL = re.compile(r"\s*(\S+(?:\s+page)?)\s+(.+)$", re.IGNORECASE)


def kind_of(label: str) -> str | None:
    """The kind a page's label names ("E-mail:" -> "Email", "微信" -> "WeChat"), or None."""
    return _KINDS.get(label.strip().rstrip(":：").strip().casefold())


def link_from(kind: str, value: str, url: str | None = None) -> Link | None:
    """A link of `kind` from what the page wrote (`value`, and the URL of a Markdown link on it,
    if any); None when the value is not one ("Email me for talks" holds no address)."""
    value = value.strip()
    if kind == "Email":
        found = _EMAIL.search(url.removeprefix("mailto:") if url else value)
        return Link(f"mailto:{found.group()}", kind) if found else None
    if url and not url.startswith("mailto:"):
        return Link(url, kind)
    address = _URL.search(value)
    if address:
        return Link(address.group().rstrip(".,;"), kind)
    if kind == "WeChat":
        wechat = _WECHAT_ID.fullmatch(value)
        return Link(value, kind) if wechat else None
    handle = _HANDLE.fullmatch(value)
    if handle and kind in _PROFILE_URLS:
        return Link(_PROFILE_URLS[kind].format(handle.group(1)), kind)
    if kind == "Website" and re.fullmatch(r"[\w-]+(?:\.[\w-]+)+(?:/\S*)?", value):
        return Link(f"https://{value}", kind)
    return None


def line_link(text: str, links: list[Link]) -> Link | None:
    """The link one list item holds: "Email x@y", "GitHub: [me](url)", "[LinkedIn](url)", or a
    bare address; None for an item that is not a link ("Envoy Gateway maintainer")."""
    text = text.strip()
    if links and len(links) == 1 and text.casefold() == links[0].label.casefold():
        kind = kind_of(links[0].label) or _kind_of_url(links[0].url)
        return link_from(kind, text, links[0].url) if kind else None
    for pattern in (_COLON_LABEL, _WORD_LABEL):
        label = pattern.match(text)
        kind = kind_of(label.group(1)) if label else None
        if label is not None and kind is not None:
            return link_from(kind, label.group(2), links[0].url if links else None)
    if _EMAIL.fullmatch(text):
        return Link(f"mailto:{text}", "Email")
    if _URL.fullmatch(text):
        kind = _kind_of_url(text)
        return Link(text, kind) if kind else None
    return None


def _kind_of_url(url: str) -> str | None:
    lowered = url.casefold()
    if lowered.startswith("mailto:"):
        return "Email"
    for host, kind in (
        ("linkedin.com", "LinkedIn"),
        ("github.com", "GitHub"),
        ("gitlab.com", "GitLab"),
        ("twitter.com", "Twitter"),
        ("//x.com", "Twitter"),
        ("weibo.com", "Weibo"),
        ("zhihu.com", "Zhihu"),
        ("bsky.app", "Bluesky"),
    ):
        if host in lowered:
            return kind
    return "Website" if lowered.startswith(("http://", "https://")) else None


def same_link(a: Link, b: Link) -> bool:
    """Whether two links lead to the same place (case, a trailing slash and http/https aside)."""
    return link_key(a) == link_key(b)


def link_key(link: Link) -> str:
    """What two pages of one person share when they give the same address."""
    url = link.url.strip().casefold().rstrip("/")
    return re.sub(r"^https?://(?:www\.)?", "", url)
