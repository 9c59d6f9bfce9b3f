"""Pages rendered with Jinja2 (autoescaped: an agenda's text never becomes markup), the static
files they use, and the rendered bytes kept per agenda version, language and address."""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from importlib import resources

from jinja2 import Environment, PackageLoader, StrictUndefined

from bot.texts.web import WEB_TEXTS
from bot.web.pages.language import HTML_LANG, LANGUAGES
from bot.web.pages.zone_names import zone_script

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


def load_assets() -> dict[str, Asset]:
    """The static files shipped in the package, and the zone names for the script in each
    language (`zones-en.js`: made from the zone data the server has)."""
    folder = resources.files("bot.web.pages") / "static"
    files = {name: (folder / name).read_bytes() for name in STATIC_TYPES}
    for lang in LANGUAGES:
        files[zone_asset(lang)] = zone_script(lang)
    assets = {}
    for name, data in files.items():
        tag = etag(data)
        content_type = STATIC_TYPES.get(name, STATIC_TYPES["app.js"])
        assets[name] = Asset(data, content_type, tag, f"/static/{name}?v={tag.strip(chr(34))[:12]}")
    return assets


def zone_asset(lang: str) -> str:
    """The name of the zone names' script for pages in `lang`."""
    return f"zones-{lang}.js"


class Templates:
    """The page templates, with what every page needs (the language's words, the assets)."""

    def __init__(self, assets: dict[str, Asset]) -> None:
        self.environment = Environment(
            loader=PackageLoader("bot.web.pages", "templates"),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.assets = assets

    def render(self, template: str, lang: str, **values: object) -> bytes:
        page = self.environment.get_template(template).render(
            lang=lang,
            html_lang=HTML_LANG[lang],
            t=WEB_TEXTS[lang],
            assets={name: asset.href for name, asset in self.assets.items()},
            zone_script=self.assets[zone_asset(lang)].href,
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
