"""How zones are named in output: IANA keys, or "UTC+05:30" for fixed offsets. Never abbreviations."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pytz


def format_offset(offset: timedelta) -> str:
    """`+08:00` style, with seconds only when the offset has them (historical LMT offsets)."""
    total = int(offset.total_seconds())
    sign = "-" if total < 0 else "+"
    hours, rest = divmod(abs(total), 3600)
    minutes, seconds = divmod(rest, 60)
    text = f"{sign}{hours:02d}:{minutes:02d}"
    return f"{text}:{seconds:02d}" if seconds else text


def fixed_offset(offset: timedelta) -> tzinfo:
    """A fixed-offset zone named after its offset; zero offset is plain UTC."""
    if not offset:
        return UTC
    return timezone(offset, f"UTC{format_offset(offset)}")


def zone_name(tz: tzinfo) -> str:
    """The name to show and store for a zone: its IANA key, "UTC", or "UTC+08:00"."""
    if isinstance(tz, ZoneInfo):
        return tz.key
    if tz is UTC:
        return "UTC"
    offset = tz.utcoffset(None)
    if offset is None:  # pragma: no cover - every tzinfo we create answers for None
        raise ValueError(f"zone {tz!r} has no fixed offset")
    return "UTC" if not offset else f"UTC{format_offset(offset)}"


def offset_label(moment: datetime) -> str:
    """`UTC+08:00` for an aware datetime, as shown beside local times."""
    offset = moment.utcoffset()
    if offset is None:
        raise ValueError("offset_label needs an aware datetime")
    return "UTC" if not offset else f"UTC{format_offset(offset)}"


@lru_cache(maxsize=1024)
def open_zone(name: str | None) -> ZoneInfo | None:
    """The zone named `name`, or None when it is empty or the zone database cannot open it
    ("UTC-03:00", "America", a name the system's zone files no longer have). Remembered: the
    zone database keeps only a few zones, and a failed open searches the zone files again."""
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    return {zone: code for code, zones in pytz.country_timezones.items() for zone in zones}


def zone_country(name: str) -> str | None:
    """The ISO country code whose clock an IANA zone keeps ("America/Costa_Rica" -> "CR")."""
    return _countries().get(name)
