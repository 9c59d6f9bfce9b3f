"""Links a speaker page writes as paths on its own site (`[slides](/slides/cds23.pdf)`), made
whole addresses so they can be followed from anywhere the profile is shown.

A page copied from a speaker's site keeps its links relative to that site. The site is what the
page says of itself: a front matter address (`baseURL`, `url`, `canonical`, `permalink`...),
else the site of the page's absolute links under the same folder (`https://janedoe.dev/slides/
devconf23.pdf` beside `/slides/cds23.pdf`), else the page's own website link. A path the page
gives no site for is kept as written; the reader warns on its line.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urljoin, urlsplit

from bot.domain.agenda import Link
from bot.domain.diagnostics import Diagnostics
from bot.domain.patterns import compiled
from bot.domain.speakers.profile import Talk, Work

# Front matter fields that give the page's own address or its site's.
_SITE_FIELDS = ("baseurl", "base_url", "canonicalurl", "canonical", "url", "permalink")
_SCHEME = compiled(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_UNKNOWN_SITE = (
    "{url} is a path on the page's site and the page does not say which site; kept as written "
    "(give the site in the front matter: `baseURL: https://…`)"
)


def is_relative(url: str) -> bool:
    """Whether `url` is a path on the page's site ("/slides/x.pdf", "slides/x.pdf",
    "../x.pdf"), not an address ("https://…", "mailto:…") nor a place on the page ("#talks")."""
    url = url.strip()
    return bool(url) and not url.startswith("#") and _SCHEME.match(url) is None


def site_of(
    fields: Mapping[str, Any],
    addresses: Iterable[str],
    websites: Iterable[str],
    paths: Iterable[str],
) -> str | None:
    """The address the page's relative `paths` are on: a front matter address, else the site
    most of the page's absolute `addresses` under the paths' first folder are on, else the
    page's first website link; None when the page does not say."""
    for key in _SITE_FIELDS:
        value = fields.get(key)
        if isinstance(value, str) and _origin(value) is not None:
            return value.strip()
    folders = {_first_folder(p) for p in paths} - {None}
    hosts = Counter(
        origin
        for address in addresses
        if _first_folder(urlsplit_path(address)) in folders
        and (origin := _origin(address)) is not None
    )
    if hosts:
        return hosts.most_common(1)[0][0] + "/"
    for website in websites:
        if _origin(website) is not None:
            return website.strip()
    return None


def resolved(url: str, site: str | None) -> str:
    """`url` made whole against `site` ("/slides/x.pdf" on "https://janedoe.dev/about/" is
    "https://janedoe.dev/slides/x.pdf"); as written when it is no path or there is no site."""
    if site is None or not is_relative(url):
        return url
    if url.startswith("//"):
        return f"https:{url}"
    return urljoin(site if site.endswith("/") or url.startswith("/") else f"{site}/", url)


def urlsplit_path(url: str) -> str:
    try:
        return urlsplit(url).path
    except ValueError:
        return ""


def _origin(url: str) -> str | None:
    """ "https://janedoe.dev" for "https://janedoe.dev/slides/x.pdf"; None for no web address."""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.casefold() not in ("http", "https") or not host:
        return None
    if host in ("localhost", "127.0.0.1") or "." not in host:  # a preview server's address
        return None
    return f"{parts.scheme.casefold()}://{parts.netloc}"


def _first_folder(path: str) -> str | None:
    """ "slides" for "/slides/cds23.pdf" and "slides/x.pdf"; None for a file at the root."""
    parts = [p for p in path.split("?", 1)[0].split("/") if p and p not in (".", "..")]
    return parts[0].casefold() if len(parts) > 1 else None


@dataclass(slots=True)
class SiteLinks:
    """The paths a page wrote (`paths`: each with the line it is first written on) made whole
    against `site`; without a site, each kept as written with a warning on that line (once)."""

    site: str | None
    paths: dict[str, int]
    diagnostics: Diagnostics
    warned: set[str] = field(default_factory=set)

    def url(self, url: str | None) -> str | None:
        if url is None or url.strip() not in self.paths:
            return url
        if self.site is not None:
            return resolved(url.strip(), self.site)
        if url not in self.warned:
            self.warned.add(url)
            self.diagnostics.warn(self.paths[url.strip()], _UNKNOWN_SITE.format(url=url))
        return url

    def link(self, link: Link) -> Link:
        made = self.url(link.url)
        return link if made == link.url or made is None else Link(made, link.label)

    def talk(self, talk: Talk) -> Talk:
        return replace(
            talk,
            event_url=self.url(talk.event_url),
            url=self.url(talk.url),
            slides=self.url(talk.slides),
            video=self.url(talk.video),
        )

    def work(self, work: Work) -> Work:
        return replace(work, links=tuple(self.link(link) for link in work.links))
