"""Zone names as the tz database writes them today: "Asia/Kolkata" for a zone reported or
typed by an older name ("Asia/Calcutta", "Europe/Kiev", "US/Eastern"), from CLDR's aliases
(Babel's), so that people see, and members store, current names."""

from __future__ import annotations

import zoneinfo
from functools import lru_cache

from babel.core import get_global

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
