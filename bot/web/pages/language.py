"""Which language a page is shown in: `?lang=` (the visible switch, then remembered in a
cookie), else the cookie, else the browser's Accept-Language, else English."""

from __future__ import annotations

from functools import lru_cache

from bot.domain.agenda import primary_language
from bot.web.conditional import weighted

LANGUAGES = ("en", "zh")
DEFAULT = "en"
COOKIE = "lang"
# The value of <html lang>: Simplified Chinese is what the Chinese pages are written in.
HTML_LANG = {"en": "en", "zh": "zh-CN"}
# Babel's locale for dates in each language.
BABEL_LOCALE = {"en": "en", "zh": "zh_Hans_CN"}
_MOST_RANGES = 32  # a longer header is cut: nobody prefers a 33rd language


def supported(value: str | None) -> str | None:
    """The language `value` names ("zh", "zh-TW", "EN"), if it is one we write; else None."""
    primary = primary_language(value)
    return primary if primary in LANGUAGES else None


@lru_cache(maxsize=512)  # browsers send a handful of distinct values
def from_accept_language(header: str | None) -> str:
    """The language we write that the header ranks highest (q-values honoured, ties in the
    header's order; `q=0` means "not this one"); English when it names neither."""
    if not header:
        return DEFAULT
    ranked: list[tuple[float, int, str]] = []
    for position, (tag, quality) in enumerate(weighted(header, _MOST_RANGES)):
        if quality <= 0 or quality > 1:
            continue
        language = DEFAULT if tag == "*" else supported(tag)
        if language is not None:
            ranked.append((-quality, position, language))
    return min(ranked)[2] if ranked else DEFAULT


def choose(query: str | None, cookie: str | None, accept_language: str | None) -> str:
    """The page's language: the switch, the remembered choice, the browser's preference."""
    return supported(query) or supported(cookie) or from_accept_language(accept_language)
