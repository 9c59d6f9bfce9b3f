"""Time zone abbreviations: the table agendas are read with.

An abbreviation is not a zone: "CST" is China, US Central or Cuba depending on who wrote it. Each
entry names the zone it means by default and every zone it is used for, so that a stated offset
("CST (UTC-6)") can pick the right one and an ambiguous guess can be reported. The default for CST
is Asia/Shanghai, our home community. A config file can override any entry or add new ones.

This table is documented in docs/time-zones.md; a test keeps the two in step.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class Abbreviation:
    """What an abbreviation means: the zone used by default, and every zone it can mean.

    `daylight` is True for a summer-time name (PDT), False for a standard-time name (PST) and
    None for a generic one (PT) or one used all year (JST).
    """

    zone: str
    candidates: tuple[str, ...]
    daylight: bool | None = None

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1


def _entry(zone: str, *others: str, daylight: bool | None = None) -> Abbreviation:
    return Abbreviation(zone, (zone, *others), daylight)


DEFAULT_ABBREVIATIONS: Mapping[str, Abbreviation] = MappingProxyType(
    {
        # East Asia
        "CST": _entry("Asia/Shanghai", "America/Chicago", "America/Havana"),
        "HKT": _entry("Asia/Hong_Kong"),
        "JST": _entry("Asia/Tokyo"),
        "KST": _entry("Asia/Seoul"),
        "SGT": _entry("Asia/Singapore"),
        "PHT": _entry("Asia/Manila"),
        "ICT": _entry("Asia/Bangkok"),
        "WIB": _entry("Asia/Jakarta"),
        "WITA": _entry("Asia/Makassar"),
        "MYT": _entry("Asia/Kuala_Lumpur"),
        "NPT": _entry("Asia/Kathmandu"),
        "IST": _entry("Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"),
        "PKT": _entry("Asia/Karachi"),
        # Europe and Africa
        "UTC": _entry("UTC"),
        "GMT": _entry("UTC", "Europe/London"),
        "Z": _entry("UTC"),
        # Anywhere on Earth: a deadline that has passed everywhere once it passes at UTC-12
        "AoE": _entry("Etc/GMT+12"),
        "BST": _entry("Europe/London", daylight=True),
        "WET": _entry("Europe/Lisbon", daylight=False),
        "WEST": _entry("Europe/Lisbon", daylight=True),
        "CET": _entry("Europe/Berlin", daylight=False),
        "CEST": _entry("Europe/Berlin", daylight=True),
        "MEZ": _entry("Europe/Berlin", daylight=False),
        "MESZ": _entry("Europe/Berlin", daylight=True),
        "EET": _entry("Europe/Helsinki", daylight=False),
        "EEST": _entry("Europe/Helsinki", daylight=True),
        "MSK": _entry("Europe/Moscow"),
        "TRT": _entry("Europe/Istanbul"),
        "TSİ": _entry("Europe/Istanbul"),
        "WAT": _entry("Africa/Lagos"),
        "CAT": _entry("Africa/Maputo"),
        "EAT": _entry("Africa/Nairobi"),
        "SAST": _entry("Africa/Johannesburg"),
        # The Americas
        "PT": _entry("America/Los_Angeles"),
        "PST": _entry("America/Los_Angeles", daylight=False),
        "PDT": _entry("America/Los_Angeles", daylight=True),
        "MT": _entry("America/Denver", "America/Phoenix"),
        "MST": _entry("America/Denver", "America/Phoenix", daylight=False),
        "MDT": _entry("America/Denver", daylight=True),
        "CT": _entry("America/Chicago"),
        "CDT": _entry("America/Chicago", "America/Havana", daylight=True),
        "ET": _entry("America/New_York"),
        "EST": _entry("America/New_York", daylight=False),
        "EDT": _entry("America/New_York", daylight=True),
        "AST": _entry("America/Halifax", "Asia/Riyadh"),
        "ADT": _entry("America/Halifax", daylight=True),
        "NT": _entry("America/St_Johns"),  # Newfoundland Time: "6:30 PM NT"
        "NST": _entry("America/St_Johns", daylight=False),
        "NDT": _entry("America/St_Johns", daylight=True),
        "AKST": _entry("America/Anchorage", daylight=False),
        "AKDT": _entry("America/Anchorage", daylight=True),
        "HST": _entry("Pacific/Honolulu"),
        "BRT": _entry("America/Sao_Paulo"),
        "ART": _entry("America/Argentina/Buenos_Aires"),
        # Oceania
        "AEST": _entry("Australia/Sydney", "Australia/Brisbane", daylight=False),
        "AEDT": _entry("Australia/Sydney", daylight=True),
        "AET": _entry("Australia/Sydney"),
        "ACST": _entry("Australia/Adelaide", "Australia/Darwin", daylight=False),
        "ACDT": _entry("Australia/Adelaide", daylight=True),
        "AWST": _entry("Australia/Perth"),
        "NZST": _entry("Pacific/Auckland", daylight=False),
        "NZDT": _entry("Pacific/Auckland", daylight=True),
    }
)


def with_overrides(
    table: Mapping[str, Abbreviation], overrides: Mapping[str, str]
) -> Mapping[str, Abbreviation]:
    """The table with some abbreviations pointed at other zones (from a config file).

    The overriding zone becomes the default; the other candidates are kept so ambiguity is still
    reported. Zone names are checked by the caller (see `zones.resolve.check_zone_name`).
    """
    merged = dict(table)
    for key, zone in overrides.items():
        name = key.strip().upper()
        previous = merged.get(name)
        others = tuple(c for c in previous.candidates if c != zone) if previous else ()
        merged[name] = Abbreviation(zone, (zone, *others), previous.daylight if previous else None)
    return MappingProxyType(merged)
