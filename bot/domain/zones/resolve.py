"""From what organizers write to a real zone.

Finding and deciding are two steps. `find_zones` lists what a text says about zones (an IANA name,
a phrase, an abbreviation, an offset) without judging it. `ZoneResolver.decide` then picks the zone
for a given date: an IANA name wins, a phrase or abbreviation is checked against a stated offset,
an abbreviation follows the place written beside it ("IST (Israel)"), and every guess comes back
as a note for the organizer.
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from functools import cache, lru_cache
from zoneinfo import ZoneInfo

import pytz

from bot.domain.patterns import compiled
from bot.domain.zones.abbreviations import DEFAULT_ABBREVIATIONS, Abbreviation
from bot.domain.zones.naming import fixed_offset, format_offset, zone_name
from bot.domain.zones.phrases import REGION_WORDS, find_phrases
from bot.domain.zones.places import place_zone
from bot.domain.zones.suggest import unknown_zone_message

DEFAULT_ZONE = "Asia/Shanghai"

_MINUS = "-−–"  # ASCII hyphen-minus, Unicode minus, en dash: all seen in the wild as a minus
_SIGN = rf"[+{re.escape(_MINUS)}]"  # escaped: "+-−" unescaped would be a range of characters
_OFFSET = compiled(
    rf"(?<![A-Za-z])(?:UTC|GMT|UT)\s*(?P<sign>{_SIGN})\s*(?P<h>\d{{1,2}})(?::?(?P<m>\d{{2}}))?(?!\d)"
    rf"|(?<![\w:])(?P<bsign>[+−])(?P<bh>\d{{2}}):?(?P<bm>\d{{2}})(?!\d)"
)
_IANA = compiled(r"(?<![\w/.])[A-Za-z][A-Za-z_-]+(?:/[A-Za-z][A-Za-z0-9_+-]+){1,2}(?![\w/])")
# A place in brackets right after an abbreviation: "IST (Israel)", "CDT (Mexico City)".
_PLACE_AFTER = compiled(r"[ \t]*[(（][ \t]*([^()（）\d]{2,40}?)[ \t]*[)）]")
# "CET", "AEST"; and the few written otherwise: "AoE" (Anywhere on Earth), Turkish "TSİ"
# ("NT$600" is money: New Taiwan dollars, not Newfoundland Time)
_WORD = compiled(r"(?<![A-Za-z])(?:AoE|TSİ|[A-Z]{2,5})(?![A-Za-zİ$＄])")
_ZONE_CHARACTERS = compiled(
    r"[A-Za-z+−\u0400-\u04ff\u0600-\u06ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]"
)  # Latin, Cyrillic ("за київським часом"), Arabic ("بتوقيت الرياض"), kana, Han, Hangul


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
    place_zone: str | None = None  # the zone of a place written beside an abbreviation


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
    return list(_zones_with_offset(offset, on))


@lru_cache(maxsize=512)
def _zones_with_offset(offset: timedelta, on: date) -> tuple[str, ...]:
    """`zones_with_offset`, remembered: a page asks it for every session on the same day, and
    the answer depends only on the zone tables, which do not change while the bot runs."""
    moment = datetime(on.year, on.month, on.day, 12, tzinfo=UTC)
    return tuple(z.key for z in _common_zones() if moment.astimezone(z).utcoffset() == offset)


def _offset_at(zone: str, on: date) -> timedelta:
    moment = datetime(on.year, on.month, on.day, 12, tzinfo=UTC).astimezone(ZoneInfo(zone))
    offset = moment.utcoffset()
    assert offset is not None  # an aware datetime always has one
    return offset


def _offsets_in_year(zone: str, on: date) -> set[timedelta]:
    """The offsets a zone keeps in winter and summer of `on`'s year."""
    return {_offset_at(zone, date(on.year, month, 15)) for month in (1, 7)}


def _clocks_change_on(zone: str, on: date) -> bool:
    """Whether a zone keeps both its seasons on a date: the day its clocks change."""
    tz = ZoneInfo(zone)
    midnight = datetime(on.year, on.month, on.day, tzinfo=tz)
    return midnight.dst() != (midnight + timedelta(days=1)).astimezone(tz).dst()


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


def invalid_offsets(text: str) -> list[str]:
    """What is wrong with each offset in the text that cannot be one ("UTC+25", "UTC+5:90").

    `find_zones` passes over these silently, as prose may hold anything; a text given to be read
    as a time and its zone (`convert`) should stop on them."""
    problems = []
    for match in _OFFSET.finditer(text):
        try:
            parse_offset(match)
        except UnknownZoneError as exc:
            problems.append(str(exc))
    return problems


def find_zones(text: str, abbreviations: Mapping[str, Abbreviation]) -> list[ZoneMention]:
    """What the text says about zones, in order. Adjacent parts merge into one mention.

    "中国本地时间GMT+8" and "CST (UTC+8)" each give one mention carrying a phrase or abbreviation
    and the offset that checks it.
    """
    parts: list[ZoneMention] = []
    if not _ZONE_CHARACTERS.search(text):
        return parts  # "13:30 - 14:00": nothing that could name a zone
    for match in _IANA.finditer(text):
        key = _lower_iana().get(match.group(0).lower())
        if key is not None:
            parts.append(ZoneMention(match.start(), match.end(), match.group(0), iana=key))
            continue
        misnamed = misnamed_zone(match.group(0))
        if misnamed is not None:
            parts.append(
                ZoneMention(match.start(), match.end(), match.group(0), place_zone=misnamed)
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
        parts.append(_abbreviation_mention(text, match, word))
    parts.sort(key=lambda p: (p.start, -p.end))
    return _merge_adjacent(text, parts)


# The old areas that still name zones ("US/Eastern", "Canada/Pacific"), by the area they are in.
_LEGACY_AREAS = {"us": "america", "canada": "america", "mexico": "america", "brazil": "america"}


@cache
def _areas() -> frozenset[str]:
    """The first parts of the IANA names: "europe", "america", "asia"…"""
    return frozenset(n.split("/")[0].lower() for n in iana_names() if "/" in n)


def misnamed_zone(name: str) -> str | None:
    """The zone an IANA-shaped name that is no zone means, when its last part is a place in its
    area: "Asia/Beijing" is Asia/Shanghai, "America/San_Francisco" America/Los_Angeles,
    "Europe/Lyon" Europe/Paris. "Asia/Pacific" and "and/or" mean no zone."""
    area = name.partition("/")[0].lower()
    if area not in _areas() and area not in _LEGACY_AREAS:
        return None
    place = place_zone(_place_part(name))
    if place is None or place.zone.split("/")[0].lower() != _LEGACY_AREAS.get(area, area):
        return None
    return place.zone


def _place_part(name: str) -> str:
    """The place an IANA-shaped name ends with: "America/San_Francisco" -> "San Francisco"."""
    return name.rpartition("/")[2].replace("_", " ")


def _abbreviation_mention(text: str, match: re.Match[str], word: str) -> ZoneMention:
    """The abbreviation, with the place in brackets after it when there is one."""
    after = _PLACE_AFTER.match(text, match.end())
    if after is not None:
        place = place_zone(after.group(1))
        if place is not None:
            end = after.end()
            return ZoneMention(
                match.start(),
                end,
                text[match.start() : end],
                abbreviation=word,
                place_zone=place.zone,
            )
    return ZoneMention(match.start(), match.end(), word, abbreviation=word)


_GLUE = compiled(r"[\s()（）\[\],，/:：=]*")


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
                    place_zone=last.place_zone or part.place_zone,
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


_REMEMBERED_TEXTS = 4096  # texts of at most _REMEMBERED_LENGTH characters: under 1 MiB in all
_REMEMBERED_LENGTH = 160


class ZoneResolver:
    """Decides zones with one abbreviation table and one default zone."""

    def __init__(
        self,
        abbreviations: Mapping[str, Abbreviation] = DEFAULT_ABBREVIATIONS,
        default_zone: tzinfo | None = None,
    ) -> None:
        self.abbreviations = abbreviations
        self.default_zone: tzinfo = default_zone or ZoneInfo(DEFAULT_ZONE)
        # What each text said, remembered: pages repeat their lines ("Break", "10:00 Talk"),
        # and every line is asked twice (its prose, then what follows its time).
        self._found: dict[str, tuple[ZoneMention, ...]] = {}

    def find(self, text: str) -> list[ZoneMention]:
        if len(text) > _REMEMBERED_LENGTH:  # a long text is rarely asked twice: not kept
            return find_zones(text, self.abbreviations)
        found = self._found.get(text)
        if found is None:
            found = tuple(find_zones(text, self.abbreviations))
            if len(self._found) >= _REMEMBERED_TEXTS:
                self._found.clear()
            self._found[text] = found
        return list(found)

    def parse(self, name: str, on: date | None = None) -> ResolvedZone:
        """A zone given on its own, as in `--tz`, `timezone:` or a member's setting.

        Accepts IANA names (any case), offsets, phrases, abbreviations, region words ("Eastern")
        and places ("Lyon", "深圳", "Japan"). Raises UnknownZoneError naming what is wrong:
        an offset out of range, or an unknown name with the nearest known ones.
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
        region = REGION_WORDS.get(" ".join(cleaned.split()).lower())
        if region is not None:
            return ResolvedZone(ZoneInfo(region))
        bare = re.fullmatch(rf"({_SIGN})(\d{{1,2}})(?::?(\d{{2}}))?", cleaned)
        if bare:
            cleaned = f"UTC{cleaned}"
        offset = _OFFSET.fullmatch(cleaned)
        if offset is not None:
            try:
                parse_offset(offset)
            except UnknownZoneError:
                raise UnknownZoneError(f"offset {name.strip()!r} is out of range") from None
        mentions = self.find(cleaned)
        if (
            len(mentions) == 1
            and (mentions[0].abbreviation or not mentions[0].place_zone)  # "Asia/Beijing": no
            and _GLUE.fullmatch(cleaned[: mentions[0].start])
            and _GLUE.fullmatch(cleaned[mentions[0].end :])
        ):
            return self.decide(mentions[0], on)
        place = place_zone(cleaned)
        if place is not None:
            return ResolvedZone(ZoneInfo(place.zone))
        misnamed = misnamed_zone(cleaned)
        if misnamed is not None:  # "Asia/Beijing": said, not guessed, where a zone is asked for
            raise UnknownZoneError(
                f"unknown time zone {name.strip()!r}; {_place_part(cleaned)} keeps {misnamed}"
            )
        raise UnknownZoneError(unknown_zone_message(name, self.abbreviations))

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
        if mention.abbreviation and mention.place_zone:
            return self._decide_beside_place(mention, mention.abbreviation, day, on)
        if mention.place_zone:  # "Europe/Lyon": no zone, but a place in its area
            zone, place = mention.place_zone, _place_part(mention.text)
            note = f"{mention.text!r} is no time zone; read as {zone}, the zone of {place}"
            return ResolvedZone(ZoneInfo(zone), (note,))
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
        if (
            on is not None
            and entry.daylight is not None
            and entry.zone != "UTC"
            and not _clocks_change_on(entry.zone, day)  # ("12:30 AM MDT" the night they go back)
        ):
            actual = _is_daylight(entry.zone, day)
            if actual != entry.daylight:
                season = "summer" if entry.daylight else "standard"
                offset = format_offset(_offset_at(entry.zone, day))
                notes.append(
                    f"{word} names {season} time, which {entry.zone} does not keep on "
                    f"{day.isoformat()}; read as local time there (UTC{offset})"
                )
        return ResolvedZone(_zone(entry.zone), tuple(notes))

    def _decide_beside_place(
        self, mention: ZoneMention, word: str, day: date, on: date | None
    ) -> ResolvedZone:
        """ "IST (Israel)", "AST (Kuwait)", "CDT (Mexico City)": the place picks the zone when it
        keeps one of the abbreviation's offsets; otherwise the abbreviation is read as usual and
        the place is reported."""
        entry = self.abbreviations[word]
        place = mention.place_zone
        assert place is not None
        if place in entry.candidates or any(
            _offsets_in_year(place, day) & _offsets_in_year(c, day) for c in entry.candidates
        ):
            notes = []
            if on is not None and entry.daylight is not None and place != "UTC":
                actual = _is_daylight(place, day)
                if actual != entry.daylight:
                    season = "summer" if entry.daylight else "standard"
                    notes.append(
                        f"{word} names {season} time, which {place} does not keep on "
                        f"{day.isoformat()}; read as local time there "
                        f"(UTC{format_offset(_offset_at(place, day))})"
                    )
            return ResolvedZone(_zone(place), tuple(notes))
        usual = self._decide_abbreviation(mention, word, mention.offset, day, on)
        note = (
            f"{mention.text!r}: {place} keeps none of the offsets of {word} "
            f"({', '.join(entry.candidates)}); using {usual.name}"
        )
        return ResolvedZone(usual.tz, (note, *usual.notes))

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
