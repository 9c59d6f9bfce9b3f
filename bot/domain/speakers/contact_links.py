"""A speaker's links from how pages write them: "* Email x@y", "- GitHub: [me](https://…)",
"- 微信：zhao_huabing", "- Podcast: https://…", a bare address, or front matter fields
(`email:`, `github:`).

Every link is a `Link(url, label)`. A label the reader knows names the link's kind ("Email",
"WeChat", "LinkedIn", "GitHub", "Twitter", "Website"..., in the languages pages are written
in: "Webseite", "ブログ", "블로그"); any other label is kept as written ("Meetup", "Podcast").
An e-mail address becomes a `mailto:` URL and a GitHub or Twitter handle its profile's address;
a WeChat id has no web address, so its `url` is the id as written (no scheme): something to
show, not to follow. A path on the page's own site ("/cv.pdf") is kept as written; the page
reader resolves it against the site.

`personal_id` tells which links name one person (an e-mail address, a profile such as
github.com/<user>) as opposed to what several people share (an organisation's site, a meetup).
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from bot.domain.agenda import Link
from bot.domain.patterns import compiled

_EMAIL = compiled(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
_URL = compiled(r"https?://[^\s<>()\[\]]+", re.IGNORECASE)
_HANDLE = compiled(r"@?([A-Za-z0-9][A-Za-z0-9_.-]{0,38})")
_WECHAT_ID = compiled(r"[A-Za-z][A-Za-z0-9_-]{5,19}")

# The words pages label a link with, casefolded, and the kind each means.
_KIND_WORDS: dict[str, tuple[str, ...]] = {
    "Email": (
        "email", "e-mail", "mail", "邮箱", "电子邮件", "邮件", "電子郵件", "メール", "メールアドレス",
        "이메일", "메일", "courriel", "correo", "correo electrónico", "e-mail-adresse",
    ),
    "WeChat": ("wechat", "weixin", "微信"),
    "LinkedIn": ("linkedin", "领英"),
    "GitHub": ("github",),
    "GitLab": ("gitlab",),
    "Twitter": ("twitter", "x", "x (twitter)", "twitter/x", "x/twitter"),
    "Mastodon": ("mastodon", "fediverse"),
    "Bluesky": ("bluesky", "bsky"),
    "Weibo": ("weibo", "微博"),
    "Zhihu": ("zhihu", "知乎"),
    "Website": (
        "website", "web", "site", "homepage", "home page", "home", "blog", "网站", "个人网站",
        "主页", "个人主页", "博客", "網站", "部落格", "ブログ", "ホームページ", "ウェブサイト",
        "サイト", "블로그", "홈페이지", "웹사이트", "webseite", "homepage", "site web",
        "site internet", "sitio web", "página web", "página", "sitio", "sítio", "blogue",
    ),
}  # fmt: skip
_KINDS = {word: kind for kind, words in _KIND_WORDS.items() for word in words}
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
_COLON_LABEL = compiled(r"\s*([^:：]{1,40}?)\s*[:：]\s*(.+)$")
_WORD_LABEL = compiled(r"\s*(\S+(?:\s+page)?)\s+(.+)$", re.IGNORECASE)
# A label kept as written: a few words, not a sentence ("Podcast", "Meetup group").
_LABEL_WORDS = 4
# An item with more words than this is prose, even when it holds an address.
_PROSE_WORDS = 14
# A path on the page's site that names a file ("/cv.pdf"), not a page of a menu ("/about/").
_FILE_PATH = compiled(r"(?i)^(?!//)(?:/|\./|\.\./)?[^\s:?#]*\.(?:pdf|pptx?|key|odp|docx?)$")
# Links several people share, whatever page lists them: an organisation's address.
_SHARED_MAILBOXES = frozenset(
    (
        "info", "hello", "hi", "contact", "team", "speakers", "speaker", "admin", "office",
        "organizers", "organisers", "orga", "events", "event", "press", "media", "mail", "noreply",
        "no-reply", "support", "help", "meetup", "community", "sponsors", "cfp", "talks",
    )
)  # fmt: skip
# Profile addresses: host, the path that names the person, and the service.
_PROFILES = (
    (("github.com",), compiled(r"/([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))/?$"), "github"),
    (("gitlab.com",), compiled(r"/([A-Za-z0-9][A-Za-z0-9_.-]{0,254})/?$"), "gitlab"),
    (("twitter.com", "x.com"), compiled(r"/@?([A-Za-z0-9_]{1,15})/?$"), "twitter"),
    (("linkedin.com",), compiled(r"/in/([^/?#]+)/?$"), "linkedin"),
    (("zhihu.com",), compiled(r"/people/([^/?#]+)/?$"), "zhihu"),
    (("weibo.com",), compiled(r"/(?:u/)?([^/?#]+)/?$"), "weibo"),
    (("bsky.app",), compiled(r"/profile/([^/?#]+)/?$"), "bluesky"),
)
# First path parts of those hosts that are not people ("github.com/sponsors").
_NOT_PEOPLE = frozenset(
    (
        "about", "orgs", "sponsors", "topics", "features", "marketplace", "explore", "settings",
        "login", "signup", "home", "search", "i", "intent", "share", "hashtag", "company",
        "school", "groups", "pulse", "jobs", "events", "apps", "site", "pricing",
    )
)  # fmt: skip


def kind_of(label: str) -> str | None:
    """The kind a page's label names ("E-mail:" -> "Email", "微信" -> "WeChat",
    "Webseite" -> "Website"), or None."""
    return _KINDS.get(_label_text(label).casefold())


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


def line_link(text: str, links: list[Link], *, any_label: bool = True) -> Link | None:
    """The link one list item holds: "Email x@y", "GitHub: [me](url)", "[LinkedIn](url)",
    "Podcast: https://…" (the label kept as written), "How to reach me: x@y", or a bare
    address; None for an item that is not a link ("Envoy Gateway maintainer"). Without
    `any_label` (a list of projects: "- Aeraki Mesh: https://aeraki.net"), only the kinds of
    link the reader knows."""
    text = text.strip()
    if links and len(links) == 1 and text.casefold() == links[0].label.casefold():
        whole = _whole_link(links[0])
        return whole if any_label or whole is None or kind_of(whole.label) else None
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
    labelled = _labelled_link(text, links) if any_label else None
    if labelled is not None:
        return labelled
    address = _EMAIL.search(text)
    if address and len(text.split()) <= _PROSE_WORDS and not _URL.search(text):
        return Link(f"mailto:{address.group()}", "Email")
    return None


def badge_link(alt: str, url: str) -> Link | None:
    """The link of a badge image ("[![Twitter](…shields.io…)](https://twitter.com/me)") when it
    leads to a profile or an address the page's author can be reached at; None for the rest
    (a build status, a visitor counter)."""
    kind = kind_of(alt)
    if kind is None and personal_id(Link(url, "")) is not None:
        kind = _kind_of_url(url)  # a badge reading "@me" or a follower count
    return link_from(kind, alt, url) if kind is not None else None


def _whole_link(link: Link) -> Link | None:
    """An item that is one Markdown link: "[LinkedIn](…)", "[Podcast](…)", "[CV](/cv.pdf)"."""
    kind = kind_of(link.label) or _known_host(link.url)
    if kind is not None:
        return link_from(kind, link.label, link.url)
    if link.url.casefold().startswith(("http://", "https://")):
        label = _label_text(link.label)
        if not label or _looks_like_address(label):
            return Link(link.url, "Website")
        return Link(link.url, label)
    if _FILE_PATH.match(link.url):
        return Link(link.url, _label_text(link.label) or link.url)
    return None


def _labelled_link(text: str, links: list[Link]) -> Link | None:
    """ "Podcast: https://…", "Meetup https://…", "Slides: [deck](/deck.pdf)": a label the
    reader does not know, kept as written, before an address."""
    for pattern in (_COLON_LABEL, _WORD_LABEL):
        found = pattern.match(text)
        if found is None:
            continue
        label = _label_text(found.group(1))
        if not label or len(label.split()) > _LABEL_WORDS:
            continue
        address = _address(found.group(2).strip(), links)
        if address is not None:
            return Link(address, "Email" if address.startswith("mailto:") else label)
    return None


def _address(value: str, links: list[Link]) -> str | None:
    """The address `value` is: a Markdown link written over all of it, an address written
    out, or an e-mail address; None for words."""
    if links and len(links) == 1 and value.casefold() == links[0].label.casefold():
        url = links[0].url
        return url if url and not url.startswith("#") else None
    if _URL.fullmatch(value):
        return value.rstrip(".,;")
    if _EMAIL.fullmatch(value):
        return f"mailto:{value}"
    return None


def _label_text(label: str) -> str:
    """A label without the emoji and the punctuation around it ("📫 Email:" -> "Email")."""
    kept = "".join(ch for ch in label if unicodedata.category(ch) not in ("So", "Sk", "Cf"))
    return kept.strip().rstrip(":：").strip(" -–—*·|")


def _looks_like_address(label: str) -> bool:
    return bool(re.fullmatch(r"(?i)(?:https?://)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?", label))


def _known_host(url: str) -> str | None:
    kind = _kind_of_url(url)
    return None if kind == "Website" else kind


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
    """What two pages give when they give the same address."""
    url = link.url.strip().casefold().rstrip("/")
    return re.sub(r"^https?://(?:www\.)?", "", url)


def personal_id(link: Link) -> tuple[str, str] | None:
    """The service and the account when `link` names one person: an e-mail address that is no
    shared mailbox (`info@`, `speakers@`), a WeChat id, a profile such as github.com/<user>,
    twitter.com/<user>, linkedin.com/in/<user>, <host>/@<user> (Mastodon). None for anything
    several people may list: a site, a meetup, a podcast, an organisation's page."""
    url = link.url.strip()
    if url.casefold().startswith("mailto:"):
        address = url[len("mailto:") :].split("?", 1)[0].casefold()
        local = address.split("@", 1)[0].split("+", 1)[0]
        return None if local in _SHARED_MAILBOXES else ("email", address)
    if link.label == "WeChat" and "://" not in url:
        return ("wechat", url.casefold())
    try:
        parts = urlsplit(url)
        hostname = parts.hostname or ""
    except ValueError:  # an address no browser would open ("ww：w.example.com")
        return None
    if parts.scheme.casefold() not in ("http", "https"):
        return None
    host = hostname.casefold().removeprefix("www.").removeprefix("m.")
    path = parts.path
    for hosts, pattern, service in _PROFILES:
        if host in hosts:
            found = pattern.fullmatch(path)
            if found is None or found.group(1).casefold() in _NOT_PEOPLE:
                return None
            return (service, found.group(1).casefold())
    mastodon = re.fullmatch(r"/@([A-Za-z0-9_]{1,30})/?", path)
    if mastodon and host:
        return ("mastodon", f"{mastodon.group(1).casefold()}@{host}")
    return None
