"""Pages rendered with Jinja2 (autoescaped: an agenda's text never becomes markup), the static
files they use, and the rendered bytes kept per agenda version, language and address."""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from bot.texts.web import WEB_TEXTS
from bot.web.pages.language import HTML_LANG, LANGUAGES
from bot.web.pages.zone_names import zone_script

if TYPE_CHECKING:
    from jinja2 import Environment

STATIC_TYPES = {
    "app.js": "text/javascript; charset=utf-8",
    "style.css": "text/css; charset=utf-8",
    "favicon.svg": "image/svg+xml",
}


def etag(data: bytes) -> str:
    """A strong validator computed from the bytes."""
    return '"' + hashlib.sha256(data).hexdigest()[:40] + '"'


@dataclass(frozen=True, slots=True)
class Rendered:
    """One page as served: its bytes and their ETag."""

    data: bytes
    etag: str


@dataclass(frozen=True, slots=True)
class Asset:
    """A static file: its bytes, type, ETag, and the address pages link it under (with a
    version taken from its bytes, so a new file is never served from an old cache)."""

    data: bytes
    content_type: str
    etag: str
    href: str


class Assets:
    """The static files shipped in the package, read at start, and the zone names' script for
    each language (`zones-en.js`: made from the zone data the server has), made when a page in
    that language is first rendered: its city names load most of Babel's data for the language
    (about 9 MiB for both), which a server whose pages nobody opens never needs."""

    def __init__(self) -> None:
        folder = resources.files("bot.web.pages") / "static"
        self._made = {name: _asset(name, (folder / name).read_bytes()) for name in STATIC_TYPES}
        self._zone_languages = {zone_asset(lang): lang for lang in LANGUAGES}

    def get(self, name: str) -> Asset | None:
        """The file served as `/static/{name}`, or None."""
        lang = self._zone_languages.get(name)
        return self._made.get(name) if lang is None else self._zone_script(lang)

    def hrefs(self) -> dict[str, str]:
        """The addresses of the shipped files, by name."""
        return {name: self._made[name].href for name in STATIC_TYPES}

    def zone_href(self, lang: str) -> str:
        """The address of the zone names' script for pages in `lang`."""
        return self._zone_script(lang).href

    def _zone_script(self, lang: str) -> Asset:
        name = zone_asset(lang)
        asset = self._made.get(name)
        if asset is None:
            asset = self._made[name] = _asset(name, zone_script(lang))
        return asset


def _asset(name: str, data: bytes) -> Asset:
    tag = etag(data)
    content_type = STATIC_TYPES.get(name, STATIC_TYPES["app.js"])
    return Asset(data, content_type, tag, f"/static/{name}?v={tag.strip(chr(34))[:12]}")


def zone_asset(lang: str) -> str:
    """The name of the zone names' script for pages in `lang`."""
    return f"zones-{lang}.js"


class Templates:
    """The page templates, with what every page needs (the language's words, the assets).
    Jinja2 is loaded with the first page rendered: a server whose pages nobody opens does
    without it (about 2 MiB)."""

    def __init__(self, assets: Assets) -> None:
        self.assets = assets
        self._environment: Environment | None = None

    @property
    def environment(self) -> Environment:
        if self._environment is None:
            from jinja2 import Environment, PackageLoader, StrictUndefined  # noqa: PLC0415

            self._environment = Environment(
                loader=PackageLoader("bot.web.pages", "templates"),
                autoescape=True,
                undefined=StrictUndefined,
                trim_blocks=True,
                lstrip_blocks=True,
                keep_trailing_newline=True,
            )
        return self._environment

    def render(self, template: str, lang: str, **values: object) -> bytes:
        page = self.environment.get_template(template).render(
            lang=lang,
            html_lang=HTML_LANG[lang],
            t=WEB_TEXTS[lang],
            assets=self.assets.hrefs(),
            zone_script=self.assets.zone_href(lang),
            **values,
        )
        return page.encode()


class PageCache:
    """Rendered pages for the agendas being served: emptied when they change (a reload), at
    most `limit` pages kept (the address a page's links use may come from the request)."""

    def __init__(self, limit: int = 512) -> None:
        self._limit = limit
        self._version: object = None
        self._pages: OrderedDict[Hashable, Rendered] = OrderedDict()

    def get(
        self, version: object, key: Hashable, render: Callable[[], bytes | None]
    ) -> Rendered | None:
        """The page for `key` under the agendas `version` (compared by identity), rendered on
        first use; None when `render` finds nothing to show (not kept)."""
        if version is not self._version:
            self._pages = OrderedDict()
            self._version = version
        pages = self._pages
        found = pages.get(key)
        if found is not None:
            pages.move_to_end(key)
            return found
        data = render()
        if data is None:
            return None
        found = pages[key] = Rendered(data, etag(data))
        while len(pages) > self._limit:
            pages.popitem(last=False)
        return found
