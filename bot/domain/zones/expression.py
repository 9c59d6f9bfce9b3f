"""One time written with its zone, read strictly: "9am Eastern", "14h Berliner Zeit", "3pm IST
(Israel)", "2024-03-10 02:30 America/New_York", "4pm UTC / 9am PT".

This is what `agenda-bot convert` reads. Unlike page prose, everything in the text must make
sense: a clock time that cannot be one ("13pm", "25:00"), an offset out of range ("UTC+25") or a
word that looks like a zone but is none ("Eastren", "Europe/Lodnon") is an error naming the
nearest known zones, and a text with no zone is an error unless a zone is given for it. The
first time is the one read, in the zone written after it; another time written with its own
zone ("/ 9am PT") is checked against it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from bot.domain.patterns import compiled
from bot.domain.timetext.clock import ClockSpan, find_bad_clocks, find_clock_spans
from bot.domain.timetext.dates import DateError, find_dates
from bot.domain.timetext.quotes import pair_zones
from bot.domain.zones.local_time import elapsed, localize
from bot.domain.zones.naming import zone_name
from bot.domain.zones.resolve import (
    UnknownZoneError,
    ZoneMention,
    ZoneResolver,
    invalid_offsets,
)

# Words around a time that say nothing about its zone.
_FILLER_WORDS = """
    a à am an and as at by de del el from in la le los next of on or the this to today tomorrow
    tonight um until und y yesterday
    morning afternoon evening night
    monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
"""
_FILLER = frozenset(_FILLER_WORDS.split())
_PIECES = compiled(r"[^\s,;|()（）\[\]]+(?:\s+[^\s,;|()（）\[\]]+)*")
_LOOKS_LIKE_A_ZONE = compiled(r"[A-Za-z]/[A-Za-z]|^[A-Z]|[+−]\d|[\u3040-\u30ff\u4e00-\u9fff]")


class ExpressionError(ValueError):
    """A text that cannot be read as one time in one zone; the message says why."""


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """The time a text gives, as instants in the zone it was written in."""

    start: datetime
    end: datetime | None
    source: tzinfo
    notes: tuple[str, ...] = ()
    zone_written: bool = True  # False when the text named no zone and `fallback` was used


def read_time_expression(
    text: str,
    resolver: ZoneResolver,
    *,
    now: datetime,
    on: date | None = None,
    fallback: tzinfo | None = None,
) -> TimeExpression:
    """The first time in `text` with its zone. `on` is the day when the text gives none (else
    today in that zone, from `now`); `fallback` the zone when the text names none."""
    bad = find_bad_clocks(text)
    if bad:
        raise ExpressionError(f"{bad[0].text!r} is not a time of day: {bad[0].reason}")
    spans = find_clock_spans(text)
    if not spans:
        raise ExpressionError(f"no time of day in {text!r}")
    for problem in invalid_offsets(text):
        raise ExpressionError(problem)
    notes: list[str] = []
    dates = find_dates(text)
    day = on
    if day is None and dates:
        try:
            day, _, date_notes = dates[0].resolve(now.date())
        except DateError as exc:
            raise ExpressionError(str(exc)) from None
        notes.extend(date_notes)
    mentions = resolver.find(text)
    covered = [(s.begin, s.finish) for s in spans]
    covered += [(m.start, m.end) for m in mentions] + [(d.begin, d.finish) for d in dates]
    written = _zone_in_leftovers(text, covered, resolver, day or now.date(), bool(mentions))
    paired = pair_zones(text, spans, mentions)
    own = paired[0][1]  # the zone written after the first time
    mention = own or (mentions[0] if mentions else None)
    if mention is not None:
        resolved = resolver.decide(mention, day or now.date())
        source, notes = resolved.tz, [*notes, *resolved.notes]
    elif written is not None:
        source = written
    elif fallback is not None:
        source = fallback
    else:
        raise ExpressionError(f"{text!r} names no time zone; pass --from ZONE")
    day = day or now.astimezone(source).date()
    span = spans[0]
    start = localize(datetime.combine(day, span.start), source)
    if start.note:
        notes.append(start.note)
    end = None
    if span.end is not None:
        end = localize(datetime.combine(day, span.end), source).moment
        if elapsed(end, start.moment) <= timedelta(0):
            end = localize(datetime.combine(day + timedelta(days=1), span.end), source).moment
            notes.append(
                f"the end {span.end:%H:%M} is before the start {span.start:%H:%M}; "
                "read as the next day"
            )
    first = text[span.begin : own.end if own is not None else span.finish]
    for other, other_zone in paired[1:]:
        if other_zone is not None:
            notes.extend(
                _disagreement(
                    text,
                    first,
                    start=start.moment,
                    day=day,
                    other=other,
                    mention=other_zone,
                    resolver=resolver,
                )
            )
    return TimeExpression(
        start.moment, end, source, tuple(notes), mention is not None or written is not None
    )


def _zone_in_leftovers(
    text: str,
    covered: list[tuple[int, int]],
    resolver: ZoneResolver,
    day: date,
    found: bool,
) -> tzinfo | None:
    """What is left once times, dates and zones are taken out must be filler, or a zone the
    finder does not read in prose ("14:00 Tokyo"); a zone-like word that is no zone is an error
    ("9am Eastren")."""
    mask = list(text)
    for start, end in covered:
        mask[start:end] = " " * (end - start)
    zone = None
    for match in _PIECES.finditer("".join(mask)):
        words = match.group(0).strip(" -–—/:.·").split()
        while words and words[0].lower() in _FILLER:
            words.pop(0)
        while words and words[-1].lower() in _FILLER:
            words.pop()
        piece = " ".join(words)
        if not piece:
            continue
        try:
            resolved = resolver.parse(piece, day)
        except UnknownZoneError as exc:
            if not _LOOKS_LIKE_A_ZONE.search(piece):
                continue  # "sharp", "please": words, not zones
            if found and "did you mean" not in str(exc) and "/" not in piece:
                continue  # "Meeting at 3pm Eastern": a word, and the zone is there
            raise ExpressionError(str(exc)) from None
        zone = zone or resolved.tz
    return zone


def _disagreement(
    text: str,
    first: str,
    *,
    start: datetime,
    day: date,
    other: ClockSpan,
    mention: ZoneMention,
    resolver: ZoneResolver,
) -> list[str]:
    """A note when a second time with its own zone is another instant ("4pm UTC / 9am PT" in
    winter): the first is used."""
    tz = resolver.decide(mention, day).tz
    moment = localize(datetime.combine(day, other.start), tz).moment
    if elapsed(moment, start) % timedelta(days=1) == timedelta(0):
        return []
    written = text[other.begin : mention.end]
    shown = moment.astimezone(start.tzinfo)
    where = zone_name(start.tzinfo) if start.tzinfo is not None else "UTC"
    return [
        f"{written!r} is {shown:%H:%M} in {where}, not {start:%H:%M} as {first!r} says; "
        f"using {first!r}"
    ]
