"""Times quoted in a message ("13:30 (CST)", "9am PT / 4pm UTC"), as instants.

Used by /convert and the "Convert times" message command: only on request, never by scanning chat.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from bot.domain.timetext.clock import ClockSpan, find_clock_spans
from bot.domain.timetext.dates import DateError, find_dates
from bot.domain.zones.local_time import localize
from bot.domain.zones.resolve import ZoneMention, ZoneResolver


@dataclass(frozen=True, slots=True)
class QuotedTime:
    text: str  # the time as written, with its zone when it had one
    start: datetime
    end: datetime | None
    source: tzinfo
    notes: tuple[str, ...] = ()
    zone_assumed: bool = False


def pair_zones(
    text: str, spans: list[ClockSpan], mentions: list[ZoneMention]
) -> list[tuple[ClockSpan, ZoneMention | None]]:
    """Each time with the zone written after it and before the next time ("9am PT / 4pm UTC")."""
    paired = []
    for index, span in enumerate(spans):
        limit = spans[index + 1].begin if index + 1 < len(spans) else len(text)
        zone = next((m for m in mentions if span.finish <= m.start < limit), None)
        paired.append((span, zone))
    return paired


def quoted_times(
    text: str,
    resolver: ZoneResolver,
    today: date,
    fallback: tzinfo | None = None,
    now: datetime | None = None,
) -> list[QuotedTime]:
    """Every time in `text` as an instant: on the date the text gives, else today in the
    time's own zone when `now` is given ("19:00 UTC" at 18:08 UTC is today's, whatever the
    date is in Shanghai), else `today`; in the zone written after it, else the one written
    after the text's last time, else `fallback` (noted as assumed), else the resolver's
    default zone."""
    spans = find_clock_spans(text)
    if not spans:
        return []
    day = today
    dates = find_dates(text)
    if dates:
        try:
            day = dates[0].resolve(today)[0]
        except DateError:
            day = today
    mentions = resolver.find(text)
    paired = pair_zones(text, spans, mentions)
    trailing = next((m for _, m in reversed(paired) if m is not None), None)
    found = []
    for span, mention in paired:
        notes: list[str] = []
        assumed = False
        chosen = mention or (trailing if len({id(m) for _, m in paired if m}) <= 1 else None)
        if chosen is not None:
            resolved = resolver.decide(chosen, day)
            source, notes = resolved.tz, list(resolved.notes)
        else:
            source = fallback or resolver.default_zone
            assumed = True
        on = day if dates or now is None else now.astimezone(source).date()
        start = localize(datetime.combine(on, span.start), source)
        end = None
        if span.end is not None:
            end_day = on if not span.end_next_day else date.fromordinal(on.toordinal() + 1)
            end = localize(datetime.combine(end_day, span.end), source).moment
        if start.note:
            notes.append(start.note)
        written = text[
            span.begin : (chosen.end if mention is not None and chosen is not None else span.finish)
        ]
        found.append(QuotedTime(written.strip(), start.moment, end, source, tuple(notes), assumed))
    return found
