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

from babel.dates import get_timezone_location

from bot.domain.zones.current_names import aliases, current_name
from bot.web.pages.language import BABEL_LOCALE


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
