"""From what organizers write to a real zone.

Finding and deciding are two steps. `find_zones` lists what a text says about zones (an IANA name,
a phrase, an abbreviation, an offset) without judging it. `ZoneResolver.decide` then picks the zone
for a given date: an IANA name wins, a phrase or abbreviation is checked against a stated offset,
and every guess comes back as a note for the organizer.
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from functools import cache
from zoneinfo import ZoneInfo

import pytz

from bot.domain.zones.abbreviations import DEFAULT_ABBREVIATIONS, Abbreviation
from bot.domain.zones.naming import fixed_offset, format_offset, zone_name
from bot.domain.zones.phrases import find_phrases

DEFAULT_ZONE = "Asia/Shanghai"

_MINUS = "-−–"  # ASCII hyphen-minus, Unicode minus, en dash: all seen in the wild as a minus
_OFFSET = re.compile(
    rf"(?<![A-Za-z])(?:UTC|GMT|UT)\s*(?P<sign>[+{_MINUS}])\s*(?P<h>\d{{1,2}})(?::?(?P<m>\d{{2}}))?(?!\d)"
    rf"|(?<![\w:])(?P<bsign>[+−])(?P<bh>\d{{2}}):?(?P<bm>\d{{2}})(?!\d)"
)
_IANA = re.compile(r"\b[A-Z][A-Za-z_-]+(?:/[A-Z][A-Za-z0-9_+-]+){1,2}\b")
_WORD = re.compile(r"(?<![A-Za-z])[A-Z]{2,5}(?![A-Za-z])")
_ZONE_CHARACTERS = re.compile(r"[A-Za-z+−\u3040-\u30ff\u4e00-\u9fff]")


class UnknownZoneError(ValueError):
    """A zone name that means nothing we know."""


@dataclass(frozen=True, slots=True)
class ZoneMention:
    """Everything one stretch of text says about a zone, not yet judged."""

    start: int
    end: int
    text: str
    iana: str | None = None
    phrase_zone: str | None = None
    abbreviation: str | None = None
    offset: timedelta | None = None


@dataclass(frozen=True, slots=True)
class ResolvedZone:
    tz: tzinfo
    notes: tuple[str, ...] = field(default=())

    @property
    def name(self) -> str:
        return zone_name(self.tz)


@cache
def iana_names() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


@cache
def _common_zones() -> tuple[ZoneInfo, ...]:
    return tuple(
        ZoneInfo(n) for n in pytz.common_timezones if "/" in n and not n.startswith("Etc/")
    )


def zones_with_offset(offset: timedelta, on: date) -> list[str]:
    """Common IANA zones whose offset at noon UTC on `on` is `offset`."""
    moment = datetime(on.year, on.month, on.day, 12, tzinfo=UTC)
    return [z.key for z in _common_zones() if moment.astimezone(z).utcoffset() == offset]


def _offset_at(zone: str, on: date) -> timedelta:
    moment = datetime(on.year, on.month, on.day, 12, tzinfo=UTC).astimezone(ZoneInfo(zone))
    offset = moment.utcoffset()
    assert offset is not None  # an aware datetime always has one
    return offset


def _is_daylight(zone: str, on: date) -> bool:
    moment = datetime(on.year, on.month, on.day, 12, tzinfo=UTC).astimezone(ZoneInfo(zone))
    return bool(moment.dst())


def parse_offset(match: re.Match[str]) -> timedelta:
    sign = match.group("sign") or match.group("bsign")
    hours = int(match.group("h") or match.group("bh"))
    minutes = int(match.group("m") or match.group("bm") or 0)
    if hours > 14 or minutes >= 60:
        raise UnknownZoneError(f"offset {match.group(0)!r} is out of range")
    value = timedelta(hours=hours, minutes=minutes)
    return -value if sign in _MINUS else value


def find_zones(text: str, abbreviations: Mapping[str, Abbreviation]) -> list[ZoneMention]:
    """What the text says about zones, in order. Adjacent parts merge into one mention.

    "中国本地时间GMT+8" and "CST (UTC+8)" each give one mention carrying a phrase or abbreviation
    and the offset that checks it.
    """
    parts: list[ZoneMention] = []
    if not _ZONE_CHARACTERS.search(text):
        return parts  # "13:30 - 14:00": nothing that could name a zone
    for match in _IANA.finditer(text):
        if match.group(0) in iana_names():
            parts.append(
                ZoneMention(match.start(), match.end(), match.group(0), iana=match.group(0))
            )
    for start, end, matched, zone in find_phrases(text):
        parts.append(ZoneMention(start, end, matched, phrase_zone=zone))
    for match in _OFFSET.finditer(text):
        try:
            offset = parse_offset(match)
        except UnknownZoneError:
            continue
        parts.append(ZoneMention(match.start(), match.end(), match.group(0), offset=offset))
    covered = [(p.start, p.end) for p in parts]
    for match in _WORD.finditer(text):
        word = match.group(0)
        if word == "UT" or word not in abbreviations:
            continue
        if any(s <= match.start() < e for s, e in covered):
            continue
        parts.append(ZoneMention(match.start(), match.end(), word, abbreviation=word))
    parts.sort(key=lambda p: (p.start, -p.end))
    return _merge_adjacent(text, parts)


_GLUE = re.compile(r"[\s()（）\[\],，/:：=]*")


def _merge_adjacent(text: str, parts: list[ZoneMention]) -> list[ZoneMention]:
    merged: list[ZoneMention] = []
    for part in parts:
        if merged and part.start < merged[-1].end:
            continue  # inside a longer mention already taken ("UTC" inside "UTC+8")
        if (
            merged
            and _GLUE.fullmatch(text[merged[-1].end : part.start])
            and _compatible(merged[-1], part)
        ):
            last = merged.pop()
            merged.append(
                ZoneMention(
                    last.start,
                    part.end,
                    text[last.start : part.end],
                    iana=last.iana or part.iana,
                    phrase_zone=last.phrase_zone or part.phrase_zone,
                    abbreviation=last.abbreviation or part.abbreviation,
                    offset=last.offset if last.offset is not None else part.offset,
                )
            )
            continue
        merged.append(part)
    return merged


def _compatible(a: ZoneMention, b: ZoneMention) -> bool:
    """Two parts describe one zone only if they do not both carry the same kind of fact."""
    return not (
        (a.iana and b.iana)
        or (a.offset is not None and b.offset is not None)
        or (a.abbreviation and b.abbreviation)
    )


class ZoneResolver:
    """Decides zones with one abbreviation table and one default zone."""

    def __init__(
        self,
        abbreviations: Mapping[str, Abbreviation] = DEFAULT_ABBREVIATIONS,
        default_zone: tzinfo | None = None,
    ) -> None:
        self.abbreviations = abbreviations
        self.default_zone: tzinfo = default_zone or ZoneInfo(DEFAULT_ZONE)

    def find(self, text: str) -> list[ZoneMention]:
        return find_zones(text, self.abbreviations)

    def parse(self, name: str, on: date | None = None) -> ResolvedZone:
        """A zone given on its own, as in `--tz`, `timezone:` or a member's setting.

        Accepts IANA names (any case), offsets, phrases and abbreviations. Raises
        UnknownZoneError with the name when nothing matches.
        """
        cleaned = name.strip()
        if not cleaned:
            raise UnknownZoneError("empty time zone name")
        exact = _iana_case_insensitive(cleaned)
        if exact:
            return ResolvedZone(ZoneInfo(exact))
        if cleaned.upper() in ("UTC", "Z", "GMT"):
            return ResolvedZone(UTC)
        if cleaned.upper() in self.abbreviations:
            word = cleaned.upper()
            return self.decide(ZoneMention(0, len(word), word, abbreviation=word), on)
        bare = re.fullmatch(rf"([+{_MINUS}])(\d{{1,2}})(?::?(\d{{2}}))?", cleaned)
        if bare:
            cleaned = f"UTC{cleaned}"
        mentions = self.find(cleaned)
        if (
            len(mentions) == 1
            and _GLUE.fullmatch(cleaned[: mentions[0].start])
            and _GLUE.fullmatch(cleaned[mentions[0].end :])
        ):
            return self.decide(mentions[0], on)
        raise UnknownZoneError(f"unknown time zone {name!r}")

    def decide(self, mention: ZoneMention, on: date | None) -> ResolvedZone:
        """The zone a mention means on a given date, with a note for every guess."""
        day = on or date(2000, 1, 1)
        stated = mention.offset
        if mention.iana or mention.phrase_zone:
            key = mention.iana or mention.phrase_zone
            assert key is not None
            tz = UTC if key == "UTC" else ZoneInfo(key)
            notes: list[str] = []
            if stated is not None and on is not None and _offset_at(key, day) != stated:
                notes.append(
                    f"{mention.text!r}: {key} is UTC{format_offset(_offset_at(key, day))} on "
                    f"{day.isoformat()}, not the stated UTC{format_offset(stated)}; using {key}"
                )
            return ResolvedZone(tz, tuple(notes))
        if mention.abbreviation:
            return self._decide_abbreviation(mention, mention.abbreviation, stated, day, on)
        assert stated is not None  # a mention carries at least one fact
        return self._decide_offset(mention.text, stated, day, on)

    def _decide_abbreviation(
        self,
        mention: ZoneMention,
        word: str,
        stated: timedelta | None,
        day: date,
        on: date | None,
    ) -> ResolvedZone:
        entry = self.abbreviations[word]
        if stated is not None:
            matching = [c for c in entry.candidates if _offset_at(c, day) == stated]
            if matching:
                return ResolvedZone(_zone(matching[0]))
            return ResolvedZone(
                fixed_offset(stated),
                (
                    f"{mention.text!r}: {word} is none of {', '.join(entry.candidates)} at "
                    f"UTC{format_offset(stated)}; using the stated offset",
                ),
            )
        notes = []
        if entry.ambiguous:
            notes.append(
                f"{word} is ambiguous ({', '.join(entry.candidates)}); assumed {entry.zone}"
            )
        if on is not None and entry.daylight is not None and entry.zone != "UTC":
            actual = _is_daylight(entry.zone, day)
            if actual != entry.daylight:
                season = "summer" if entry.daylight else "standard"
                offset = format_offset(_offset_at(entry.zone, day))
                notes.append(
                    f"{word} names {season} time, which {entry.zone} does not keep on "
                    f"{day.isoformat()}; read as local time there (UTC{offset})"
                )
        return ResolvedZone(_zone(entry.zone), tuple(notes))

    def _decide_offset(
        self, text: str, stated: timedelta, day: date, on: date | None
    ) -> ResolvedZone:
        if not stated:
            return ResolvedZone(UTC)
        if on is not None:
            zones = zones_with_offset(stated, day)
            # One zone only: the offset names it. Several (UTC+8 is China, Singapore, Perth...):
            # keep the fixed offset, which is exact for the stated instant.
            if len(zones) == 1:
                return ResolvedZone(ZoneInfo(zones[0]))
        return ResolvedZone(fixed_offset(stated))


def _zone(key: str) -> tzinfo:
    return UTC if key == "UTC" else ZoneInfo(key)


@cache
def _lower_iana() -> Mapping[str, str]:
    return {n.lower(): n for n in iana_names()}


def _iana_case_insensitive(name: str) -> str | None:
    return _lower_iana().get(name.replace(" ", "_").lower())
