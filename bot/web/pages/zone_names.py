"""Zone names as people read them today: the current IANA name of a zone a browser may report
by an older one (Chromium says "Asia/Calcutta" for Asia/Kolkata, "Europe/Kiev" for Europe/Kyiv),
and each zone's city in the page's language, from the same CLDR data (Babel's) the server
writes the organizers' city with.

The script gets both as a small file of ours per language (`zones-en.js`, `zones-zh.js`): the
page's Content-Security-Policy allows no inline script and no request for data.
"""

from __future__ import annotations

import json
import zoneinfo
from functools import lru_cache

from babel.core import get_global
from babel.dates import get_timezone_location

from bot.web.pages.language import BABEL_LOCALE

# The zones that are UTC under other names: shown as "UTC".
_UTC_NAMES = frozenset(("Etc/UTC", "Etc/GMT"))


@lru_cache(maxsize=1)
def aliases() -> dict[str, str]:
    """Each older name of a zone (a backward link) to the name the tz database uses today:
    "Asia/Calcutta" to "Asia/Kolkata", "US/Eastern" to "America/New_York", "Etc/UCT" to
    "UTC". Only names whose current one the zone database here can open."""
    known = zoneinfo.available_timezones()
    found: dict[str, str] = {}
    for old, current in sorted(get_global("zone_aliases").items()):
        target = "UTC" if current in _UTC_NAMES else current
        if old != target and (target == "UTC" or target in known):
            found[old] = target
    for name in _UTC_NAMES:
        found[name] = "UTC"
    return found


def current_name(name: str) -> str:
    """The zone's current IANA name ("Asia/Kolkata" for "Asia/Calcutta"); `name` when it is
    current already or unknown."""
    return aliases().get(name, name)


def fallback_city(name: str) -> str:
    """What the script shows when it has no city for a zone: the name's last part, readable
    ("America/Los_Angeles": "Los Angeles")."""
    return name.rsplit("/", 1)[-1].replace("_", " ")


@lru_cache(maxsize=4)
def cities(lang: str) -> dict[str, str]:
    """Each current zone name to its city in `lang` ("Asia/Tokyo": "东京"), where that differs
    from `fallback_city`. Zones without a place (UTC, Etc/GMT+5) have none."""
    locale = BABEL_LOCALE[lang]
    named: dict[str, str] = {}
    for name in sorted({current_name(z) for z in zoneinfo.available_timezones()}):
        if "/" not in name or name.startswith("Etc/"):
            continue
        try:
            city = str(get_timezone_location(name, locale, return_city=True))
        except LookupError:  # a zone newer than Babel's data: the script's fallback
            continue
        if city and city != fallback_city(name):
            named[name] = city
    return named


@lru_cache(maxsize=4)
def zone_script(lang: str) -> bytes:
    """The script that hands the page's script both tables, for pages in `lang`."""
    data = {"aliases": aliases(), "cities": cities(lang)}
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return f"window.agendaBotZones = {text};\n".encode()
