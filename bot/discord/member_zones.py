"""A member's zone: the one form it is stored in, and how it is shown to them.

It is stored as an IANA key, because every reader opens it with `ZoneInfo` (replies here,
DM and channel reminders). A zone picked by name is stored as it is. A fixed offset becomes the
IANA zone that is exactly that offset: `Etc/GMT+3` for UTC-03:00 (the Etc names count the
other way round). Offsets that are not whole hours have no such zone; they become the most
populous zone that keeps the offset all year (UTC+05:30 is Asia/Kolkata), and an offset that no
zone keeps all year (UTC-03:30, Newfoundland in winter only) is refused with zones to pick from.
"""

from __future__ import annotations

from datetime import date, timedelta, tzinfo
from functools import cache
from zoneinfo import ZoneInfo

from bot.discord.errors import UserError
from bot.domain.patterns import compiled
from bot.domain.zones.current_names import current_name
from bot.domain.zones.naming import format_offset, zone_name
from bot.domain.zones.place_index import gazetteer_index
from bot.domain.zones.resolve import zones_with_offset

_ETC = compiled(r"Etc/GMT([+-])(\d{1,2})")


def stored_zone(tz: tzinfo, today: date) -> ZoneInfo:
    """The IANA zone to store for a zone a member chose, by its current name (Asia/Kolkata
    for Asia/Calcutta); UserError when none fits."""
    if isinstance(tz, ZoneInfo):
        current = current_name(tz.key)
        return tz if current == tz.key else ZoneInfo(current)
    offset = tz.utcoffset(None)  # the resolver's other zones are fixed offsets
    if not offset:
        return ZoneInfo("UTC")
    hours, rest = divmod(int(offset.total_seconds()), 3600)
    if not rest:
        return ZoneInfo(f"Etc/GMT{-hours:+d}")
    year_round = _year_round(offset, today)
    if year_round:
        return ZoneInfo(max(year_round, key=lambda key: (_people().get(key, 0), key)))
    label = f"UTC{format_offset(offset)}"
    today_zones = zones_with_offset(offset, today)
    if today_zones:
        raise UserError("offset_no_zone_examples", offset=label, zones=", ".join(today_zones[:3]))
    raise UserError("offset_no_zone", offset=label)


def stand_in_for(tz: tzinfo, stored: ZoneInfo) -> str | None:
    """ "UTC+05:30" when `stored` stands for that offset as a zone that keeps it all year."""
    if isinstance(tz, ZoneInfo) or stored.key == "UTC" or _ETC.fullmatch(stored.key):
        return None
    offset = tz.utcoffset(None)
    return f"UTC{format_offset(offset)}" if offset is not None else None


def zone_label(tz: tzinfo) -> str:
    """How a zone is named to members: its IANA key, but `UTC-03:00` for `Etc/GMT+3`."""
    name = zone_name(tz)
    found = _ETC.fullmatch(name)
    if found is None:
        return "UTC" if name in ("Etc/UTC", "Etc/GMT", "Etc/GMT+0", "Etc/GMT-0") else name
    hours = int(found[2]) * (-1 if found[1] == "+" else 1)
    return f"UTC{format_offset(timedelta(hours=hours))}" if hours else "UTC"


def _year_round(offset: timedelta, today: date) -> list[str]:
    """Zones at `offset` in both January and July of this year: no daylight saving time."""
    january = zones_with_offset(offset, date(today.year, 1, 15))
    july = set(zones_with_offset(offset, date(today.year, 7, 15)))
    return [key for key in january if key in july]


@cache
def _people() -> dict[str, int]:
    """The population of each zone's largest place in the gazetteer."""
    largest: dict[str, int] = {}
    for entry in gazetteer_index().latin.values():
        largest[entry.zone] = max(largest.get(entry.zone, 0), entry.population)
    return largest
