"""The assembly step: events and session drafts, still on wall clocks, become schedules of instants.

Each event gets its zone (zone_context.py), then every draft its start and end: stated ends,
durations, or (session_ends.py) the next session's start or the event's end; 12-hour times are
settled by the event's hours and DST gaps and folds follow the one rule in zones/local_time.py.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from itertools import pairwise
from typing import TYPE_CHECKING

from bot.domain.agenda import (
    Schedule,
    Session,
    SessionKind,
    SourceRef,
    slugify,
    text_key,
    unique_ids,
)
from bot.domain.diagnostics import Severity
from bot.domain.patterns import compiled
from bot.domain.readers.languages import declared_language
from bot.domain.readers.markdown.drafts import (
    DAYS_OF_ONE_EVENT,
    TRAILING_REMARK,
    Draft,
    EventDraft,
    crosses_midnight,
    dedupe,
    meeting_event,
    minutes_text,
    text_field,
)
from bot.domain.readers.markdown.kinds import kind_of
from bot.domain.readers.markdown.recurring import RecurringDraft, RecurringLines, meets_on
from bot.domain.readers.markdown.session_ends import Built, fill_ends, without_closing_markers
from bot.domain.readers.markdown.zone_context import goes_by
from bot.domain.timetext.clock import find_clock_spans
from bot.domain.timetext.dates import find_dates
from bot.domain.zones.local_time import elapsed, localize, midnight, same_instant, shift
from bot.domain.zones.naming import zone_name

if TYPE_CHECKING:
    from bot.domain.readers.markdown.page import PageReader

_VENUE_FIELDS = ("venue", "location", "place", "address")
_URL_FIELDS = ("url", "link", "event_url", "permalink")


class Assembler:
    """Builds the schedules of one page once its walk is done."""

    def __init__(self, page: PageReader) -> None:
        self.page = page
        self.diag = page.diag
        self.resolver = page.resolver

    def build(self) -> list[Schedule]:
        recurring = self.page.recurring
        events = [
            e
            for e in self.page.events
            if e.sessions or e.first_day or e.start or recurring.usable(e)
        ]
        events = [part for e in events for part in self._meetings_of_a_series(e)]
        timed_days = {e.first_day for e in events if e.sessions or e.start}
        # "Sydney on **Wednesday 25 March** and Melbourne on **Thursday 26 March**" above both
        # meetups: the days of the events below, told in passing, not an all-day event
        events = [e for e in events if not _told_again(e, timed_days, recurring)]
        if not events:
            without_time = recurring.drafts[0] if recurring.drafts else None
            if without_time is not None:
                self.diag.error(
                    without_time.line,
                    f'{without_time.text.strip()!r} gives no time of day ("every Wednesday at '
                    '17:00 UTC"); recurring meeting not imported',
                )
                return []
            self.diag.error(0, "no agenda found: the page gives no event date and no session times")
            return []
        keys = [
            self.page.stem
            if len(events) == 1
            else f"{self.page.stem}-{text_key(e.heading or str(i + 1), 'e')}"
            for i, e in enumerate(events)
        ]
        schedules = []
        for event, key in zip(events, unique_ids(keys), strict=True):
            schedule = self._schedule(event, key, several=len(events) > 1)
            if schedule is not None:
                schedules.append(schedule)
        return schedules

    def _meetings_of_a_series(self, event: EventDraft) -> list[EventDraft]:
        """An event read as one session on each of three days or more, a week apart or more
        (a table of a year's meetings with their own hours): one event per meeting."""
        days = sorted({d.day for d in event.sessions if d.day is not None})
        if (
            len(days) < 3
            or any(d.day is None for d in event.sessions)
            or min(b - a for a, b in pairwise(days)) < _SERIES_GAP
        ):
            return [event]
        # (a meeting of several items a day, "| Jueves 2 de abril | 19:00 | Bienvenida |" over
        # "| | 19:20 | …|", is one when "el primer jueves de cada mes" says so)
        if len(days) == len(event.sessions):
            if self.page.recurring.for_event(event):
                return [event]  # a show's episodes, one a day: one programme
        elif not self._meetings_of_a_rule(days):
            return [event]
        parts = []
        for day in days:
            drafts = sorted((d for d in event.sessions if d.day == day), key=lambda d: d.line)
            part = meeting_event(drafts[0], event)
            part.sessions = drafts
            parts.append(part)
        for part in parts:
            self.page.zones.adopt(part, event)
        return sorted(parts, key=lambda p: (p.first_day or date.min, p.line))

    def _meetings_of_a_rule(self, days: list[date]) -> bool:
        """Whether every one of `days` is a meeting day of one recurrence the page states (a
        table of its dates lists its meetings, not one event's days)."""
        return any(
            all(meets_on(draft.phrase.rule, day) for day in days)
            for draft in self.page.recurring.drafts
        )

    def _schedule(self, event: EventDraft, key: str, *, several: bool) -> Schedule | None:
        tz = self.page.zones.zone_for(event, self.page.recurring.first_day(event))
        # One event: the page's title. Several: each its own heading, or the page's and its date.
        if several:
            title = event.heading or self.page.page_title or self.page.stem
            if event.heading is None and event.first_day:
                title = f"{title} ({event.first_day.isoformat()})"
        else:
            named = next((d.title for d in self.page.recurring.usable(event) if d.title), None)
            title = self.page.page_title or event.heading or named or self.page.stem
        recurring = self.page.recurring.for_event(event)
        drafts = event.sessions
        if not drafts and not _dates_only_a_recurrence(event, recurring):
            drafts = self._event_as_session(event, title)
        sessions = self._sessions(event, drafts, tz)
        self._check_alternates(event, tz)
        series = self.page.recurring.series(event, tz, title, {s.id for s in sessions})
        if not sessions and not series:
            told = {d.line for d in self.diag.items if d.severity is Severity.ERROR}
            if not any(d.line in told for d in recurring):
                self.diag.error(event.line, f"event {title!r} has no session that could be read")
            return None
        return Schedule(
            id=slugify(key) or key,
            title=title,
            timezone=tz,
            sessions=tuple(sessions),
            source=SourceRef(self.diag.file, event.stated_line or event.line),
            description=text_field(self.page.fields, ("description", "summary")),
            url=text_field(self.page.fields, _URL_FIELDS),
            venue=event.venue or text_field(self.page.fields, _VENUE_FIELDS),
            series=tuple(series),
            capacity=event.capacity,
            language=declared_language(self.page.fields),
        )

    def _event_as_session(self, event: EventDraft, title: str) -> list[Draft]:
        if event.first_day is None:
            return []
        listed = event.named_below if len(self.page.events) > 1 else None
        draft = Draft(
            event.stated_line or event.line,
            event.title or listed or event.name or _without_its_date(title),
            event.first_day,
            event.start,
            event.end,
        )
        draft.speakers = list(event.speakers)
        draft.location = event.room
        draft.kind = SessionKind.TALK if event.title else SessionKind.EVENT
        if event.start is None:
            draft.all_day = True
            draft.last_day = event.last_day
        elif event.last_day and event.last_day != event.first_day and event.end is not None:
            days = (event.last_day - event.first_day).days + 1
            if event.across or event.end <= event.start or days > DAYS_OF_ONE_EVENT:
                draft.last_day = event.last_day
            else:
                # "Monday, March 9 – Wednesday, March 11" and "9:00 a.m. – 4:30 p.m.": those
                # hours on each day
                return [
                    replace(
                        draft,
                        day=event.first_day + timedelta(days=n),
                        speakers=list(draft.speakers),
                    )
                    for n in range(days)
                ]
        return [draft]

    def _sessions(self, event: EventDraft, drafts: list[Draft], tz: tzinfo) -> list[Session]:
        built: list[Built] = []
        fallback = self._front_matter_day(event, drafts)
        self._evening(event, drafts)
        self._past_noon(drafts)
        after_midnight = _after_midnight(drafts, event.through_the_night())
        for draft in drafts:
            day = draft.day or event.first_day or fallback
            if day is not None and id(draft) in after_midnight:
                day += timedelta(days=1)
            if day is None:
                self.diag.error(
                    draft.line,
                    f"session {draft.title!r} has no date (no event date or day heading before it)",
                )
                continue
            zone = tz
            if draft.zone is not None and not self._names_the_schedules_zone(draft, day, tz):
                resolved = self.resolver.decide(draft.zone, day)
                zone = resolved.tz
                for note in resolved.notes:
                    self.diag.warn(draft.zone_line, note)
            if draft.all_day:
                start = midnight(day, zone)
                after = midnight((draft.last_day or day) + timedelta(days=1), zone)
                built.append((draft, start, after, zone))
                continue
            assert draft.start is not None
            self._afternoon(event, draft)
            start = self._instant(day, draft.start, zone, draft.line, _said_of(draft))
            end: datetime | None = None
            if draft.end is not None:
                end_day = draft.last_day or day
                if draft.end <= draft.start and draft.last_day is None and not draft.overnight:
                    self._afternoon_end(draft)
                if draft.end <= draft.start and draft.last_day is None:
                    if draft.overnight or crosses_midnight(draft.start, draft.end):
                        end_day = day + timedelta(days=1)
                    else:
                        self.diag.error(
                            draft.line,
                            f"end {draft.end:%H:%M} is before start {draft.start:%H:%M}; "
                            "session not imported",
                        )
                        continue
                end = self._instant(end_day, draft.end, zone, draft.line, _said_of(draft))
                if (
                    draft.stated_duration is not None
                    and end is not None
                    and elapsed(end, start) != draft.stated_duration
                ):
                    self.diag.warn(
                        draft.line,
                        f"stated duration {minutes_text(draft.stated_duration)} does not match "
                        f"{draft.start:%H:%M}-{draft.end:%H:%M}; using the times",
                    )
            elif draft.duration is not None:
                end = shift(start, draft.duration)
            built.append((draft, start, end, zone))
        self._afternoon_close(event, built, tz)
        event_end = None
        if event.end is not None and event.first_day is not None:
            event_end = localize(
                datetime.combine(event.last_day or event.first_day, event.end), tz
            ).moment
        filled = without_closing_markers(
            fill_ends(built, event, tz, self._instant, self.page.heading_lines), event_end
        )
        filled = _written_once(_summaries_listed_again(filled))
        ids = unique_ids(text_key(d.title) for d, *_ in filled)
        sessions = [
            Session(
                id=session_id,
                title=clean_title(draft.title, end - start if end is not None else None),
                start=start,
                end=end,
                all_day=draft.all_day,
                speakers=tuple(dedupe(draft.speakers)),
                kind=draft.kind or (SessionKind.EVENT if draft.all_day else kind_of(draft.title)),
                track=draft.track,
                location=draft.location,
                links=tuple(dedupe(draft.links)),
                description=draft.description,
                line=draft.line,
            )
            for session_id, (draft, start, end, _zone) in zip(ids, filled, strict=True)
        ]
        return sorted(sessions, key=lambda s: (s.start.astimezone(UTC), s.line))

    def _names_the_schedules_zone(self, draft: Draft, day: date, tz: tzinfo) -> bool:
        """ "**Time:** 18:45 – 19:20 IST" on a Dublin page: the abbreviation is the name of the
        schedule's own clock that day (Irish Standard Time), not India's."""
        mention = draft.zone
        if mention is None or not mention.abbreviation or mention.offset is not None:
            return False
        entry = self.resolver.abbreviations.get(mention.abbreviation)
        if entry is None or not entry.ambiguous:
            return False
        return goes_by(tz, mention.abbreviation, entry, day)

    def _afternoon_end(self, draft: Draft) -> None:
        """ "12:00 - 1:00" without am/pm is noon to one: the end is in the afternoon."""
        assert draft.start is not None and draft.end is not None
        if crosses_midnight(draft.start, draft.end) or draft.end.hour >= 12:
            return
        later = draft.end.replace(hour=draft.end.hour + 12)
        if later > draft.start:
            self.diag.warn(
                draft.line,
                f"end {draft.end:%H:%M} before start {draft.start:%H:%M}; read as {later:%H:%M}",
            )
            draft.end = later

    def _evening(self, event: EventDraft, drafts: list[Draft]) -> None:
        """ "Doors open at 6 PM" over "* 6:00 Doors", "* 6:30 Talks": times written without
        am/pm on a page that states the first of them (in page order) as an afternoon time are
        afternoon times. So are they, with nothing stated, when the first is before 7:00 and
        none is 12:xx ("- 6:00 Pizza", "- 6:30 Talk", "- 8:30 Wrap-up"): an agenda that starts
        at six in the evening is far likelier than one at six in the morning."""
        timed = sorted((d for d in drafts if d.start is not None), key=lambda d: d.line)
        bare = [d for d in timed if d.twelve_hour]
        if not bare or len(bare) != len(timed):
            return
        first = bare[0].start
        assert first is not None
        if not 1 <= first.hour <= 11:
            return
        later = first.replace(hour=first.hour + 12)
        stated = self.page.facts.stated_clocks
        if later in stated or later == event.start:
            reason = "as the page states"
        elif (
            first.hour < 7
            and event.start is None
            and first not in stated
            and all(d.start is not None and d.start.hour != 12 for d in bare)
        ):
            reason = f"not {first:%H:%M} in the morning"
        else:
            return
        self.diag.warn(
            bare[0].line,
            f"times without am/pm read from {later:%H:%M}, {reason} "
            f"({first:%H:%M} -> {later:%H:%M})",
        )
        for draft in bare:
            for name in ("start", "end"):
                clock = getattr(draft, name)
                if clock is not None and 1 <= clock.hour <= 11:
                    setattr(draft, name, clock.replace(hour=clock.hour + 12))

    def _past_noon(self, drafts: list[Draft]) -> None:
        """ "11:00 Talks", "12:00 Lunch", "1:00 Workshops", "4:00 Closing": a time without am/pm
        earlier than the one before it (in page order, the same day) has crossed noon when twelve
        hours later it follows that one closely; so "12:00 PM Lunch" carries to "1:00" after it.
        A time far earlier ("9:00" after "12:00") starts another list, and is left as it is; so
        does any earlier time on a page that writes the 24-hour clock ("17:15" and, in the next
        room's table, "11:00")."""
        if any(d.twenty_four_hour for d in drafts):
            return
        previous: Draft | None = None
        for draft in sorted(drafts, key=lambda d: d.line):
            if draft.start is None or draft.all_day:
                continue
            if previous is not None and previous.start is not None and draft.day == previous.day:
                before = previous.start
                if draft.twelve_hour and 1 <= draft.start.hour <= 11 and draft.start < before:
                    later = draft.start.replace(hour=draft.start.hour + 12)
                    if before <= later and _minutes_of(later) - _minutes_of(before) <= 6 * 60:
                        if draft.line != previous.line:  # one warning for a row of tracks
                            self.diag.warn(
                                draft.line,
                                f"{draft.start:%H:%M} without am/pm after {before:%H:%M}: "
                                f"past noon, read as {later:%H:%M}",
                            )
                        draft.start = later
                        if draft.end is not None and 1 <= draft.end.hour <= 11:
                            draft.end = draft.end.replace(hour=draft.end.hour + 12)
            previous = draft

    @staticmethod
    def _afternoon_close(event: EventDraft, built: list[Built], tz: tzinfo) -> None:
        """ "Doors close at 5:30." after "5:00 Wrap-up & raffle" read as 17:00: a closing time
        without am/pm before the last session of its day is that evening's (12 hours later)."""
        end, day = event.end, event.last_day or event.first_day
        if not event.end_twelve_hour or end is None or day is None or not 1 <= end.hour <= 11:
            return
        local = [start.astimezone(tz) for _, start, *_ in built]
        starts = [moment.time() for moment in local if moment.date() == day]
        later = end.replace(hour=end.hour + 12)
        if starts and end <= max(starts) < later:
            event.end = later

    def _afternoon(self, event: EventDraft, draft: Draft) -> None:
        """ "6:30 - Doors open" on an evening event (18:00-21:00) means 18:30: a 12-hour time
        outside the event's hours that fits them twelve hours later is moved, with a warning."""
        if event.start is None or event.end is None or draft.start is None or not draft.twelve_hour:
            return
        if not 1 <= draft.start.hour <= 11 or event.end <= event.start:
            return
        if event.start <= draft.start <= event.end:
            return
        later = draft.start.replace(hour=draft.start.hour + 12)
        if not event.start <= later <= event.end:
            return
        self.diag.warn(
            draft.line,
            f"{draft.start:%H:%M} is outside the event's {event.start:%H:%M}-{event.end:%H:%M}; "
            f"read as {later:%H:%M}",
        )
        draft.start = later
        if draft.end is not None and draft.end.hour < 12:
            draft.end = draft.end.replace(hour=draft.end.hour + 12)

    def _front_matter_day(self, event: EventDraft, drafts: list[Draft]) -> date | None:
        """The front matter's date for an agenda whose body never says which day it is."""
        stated = self.page.front_fields.stated_date
        if event.first_day is not None or stated is None or self.page.date_errors:
            return None  # after "31 September", no date is better than a guessed one
        undated = [d for d in drafts if d.day is None]
        if not undated:
            return None
        self.diag.warn(
            undated[0].line,
            f"the page gives no date for its agenda; assumed the front matter date "
            f"{stated.isoformat()}",
        )
        self.page.front_fields.fill_hours(event, stated)
        return stated

    def _instant(self, day: date, clock: time, tz: tzinfo, number: int, said: str = "") -> datetime:
        """The instant of a wall time; in the hour the clocks go back, the second one when the
        line says so ("1:30 AM MST" in Denver, "02h30 (heure d'hiver)" in Lyon)."""
        localized = localize(datetime.combine(day, clock), tz)
        if localized.note:
            second = datetime.combine(day, clock, tz).replace(fold=1)
            folded = second.utcoffset() != localized.moment.utcoffset()
            if folded and said and (second.tzname() == said or _WINTER_TIME.search(said)):
                return second
            self.diag.warn(number, localized.note)
        return localized.moment

    def _check_alternates(self, event: EventDraft, tz: tzinfo) -> None:
        """ "9am PT / 4pm UTC": the second time must be the same instant as the first."""
        if not event.alternates or event.start is None or event.first_day is None:
            return
        main = self._instant(event.first_day, event.start, tz, event.stated_line)
        for span, mention in event.alternates:
            zone = self.resolver.decide(mention, event.first_day).tz
            other = localize(datetime.combine(event.first_day, span.start), zone).moment
            if not same_instant(other, main):
                self.diag.warn(
                    event.stated_line,
                    f"{span.start:%H:%M} {mention.text} is not the same moment as "
                    f"{event.start:%H:%M} {zone_name(tz)}; using the first",
                )


# Words that say a time in the hour the clocks go back is its second occurrence
_WINTER_TIME = compiled(
    r"(?i)heure d['’]hiver|winter ?time|winterzeit|hora de invierno|horário de inverno"
    r"|standard time|the second\b|la seconde|die zweite|après le recul|after the clocks"
)


def _said_of(draft: Draft) -> str:
    """What a session's line says of its clock: its zone's abbreviation, or its words."""
    if draft.zone is not None and draft.zone.abbreviation:
        return draft.zone.abbreviation
    return draft.written or draft.title


# "议题一：", "分享二：": a number in front of a talk's title, like "1." in a list.
_ORDINAL_LABEL = compiled(
    r"^(?:议题|議題|主题|主題|分享|话题|話題|演讲|演講)[一二三四五六七八九十\d]+\s*[:：]\s*"
)


# "Intervalo (20 min)", "Pause (1 h)", "茶歇（15 分钟）": the session's length after its title.
_LENGTH_AFTER = compiled(
    r"\s*[(（]\s*(?P<n>\d{1,3}(?:[.,]\d)?)\s*(?P<unit>min(?:ute)?s?|minutos?|minuten|mn|"
    r"h|hrs?|hours?|horas?|stunden?|heures?|分钟|分鐘|分|小时|小時|時間)\.?\s*[)）]\s*$",
    re.IGNORECASE,
)


def clean_title(title: str, length: timedelta | None = None) -> str:
    """A session's title without a numbering label in front, nor its own length after it
    ("Intervalo (20 min)" for a session of 20 minutes: the times already say it)."""
    cleaned = _ORDINAL_LABEL.sub("", title).strip()
    stated = _LENGTH_AFTER.search(cleaned)
    if stated is not None and length is not None:
        amount = float(stated.group("n").replace(",", "."))
        unit = stated.group("unit").lower()
        minutes = amount if unit.startswith(("m", "分")) else amount * 60
        if timedelta(minutes=minutes) == length and stated.start() > 0:
            cleaned = cleaned[: stated.start()].rstrip(" -–—:")
    cleaned = _unquoted(cleaned)
    remark = TRAILING_REMARK.search(cleaned)
    if remark is not None and remark.start() > 0 and _only_a_time(remark.group(1)):
        cleaned = cleaned[: remark.start()].rstrip()  # "Açılış (17:00 CET)": the time elsewhere
    return cleaned or title


def _only_a_time(text: str) -> bool:
    """Whether a remark is a time and at most a zone's abbreviation ("17:00 CET", "10am PT")."""
    spans = find_clock_spans(text)
    if not spans:
        return False
    rest = text[: spans[0].begin] + text[spans[-1].finish :]
    letters = "".join(c for c in rest if c.isalpha())
    return (len(letters) <= 5 and letters.isupper()) or not letters


# A title written wholly inside quotation marks („Cluster-Upgrades ohne Downtime“, « Les
# signaux dans Angular 19 »): the marks say "this is the title", they are not part of it.
# Chinese book-title marks (《…》) are part of a title as Chinese pages write it: kept.
_QUOTE_PAIRS = {"„": "“", "«": "»", "“": "”", '"': '"', "‚": "‘", "‹": "›", "»": "«"}


def _unquoted(title: str) -> str:
    if len(title) < 3:
        return title
    close = _QUOTE_PAIRS.get(title[0])
    inner = title[1:-1].strip()
    if close is None or title[-1] != close or not inner:
        return title
    if any(mark in inner for mark in (title[0], close)):
        return title  # „A“ und „B“: two quotations, not one wrapped title
    return inner


# What joins a date to the rest of a heading: "Mardi 17 février 2026 — Soirée lightning talks"
_DATE_JOINT = compiled(r"^[\s,:·|/\-–—]+|[\s,:·|/\-–—]+$")


def _without_its_date(heading: str) -> str:
    """A heading's words without the date at either end ("Mardi 17 février 2026 — Soirée
    lightning talks": "Soirée lightning talks"); the heading when it is only a date."""
    dates = find_dates(heading)
    if len(dates) != 1:
        return heading
    mention = dates[0]
    before, after = heading[: mention.begin], heading[mention.finish :]
    if before.strip() and after.strip():
        return heading  # "Meetup on 12 May, then drinks": the date stands inside
    rest = _DATE_JOINT.sub("", before + after)
    return rest if len(rest) >= 3 else heading


_SERIES_GAP = timedelta(days=6)  # meetings a week apart or more are a series, not one event


def _told_again(event: EventDraft, days: set[date | None], recurring: RecurringLines) -> bool:
    """Whether a dated event without hours or sessions is only the `days` of timed events."""
    if event.sessions or event.start or event.first_day is None or recurring.usable(event):
        return False
    length = ((event.last_day or event.first_day) - event.first_day).days + 1
    return length <= DAYS_OF_ONE_EVENT and all(
        event.first_day + timedelta(days=n) in days for n in range(length)
    )


def _dates_only_a_recurrence(event: EventDraft, recurring: list[RecurringDraft]) -> bool:
    """ "When: every other Tuesday; next: 2024-10-08" dated the event: that date is the series'
    first meeting, not a meeting of its own."""
    return any(not d.consumed and d.line == event.stated_line for d in recurring)


def _after_midnight(drafts: list[Draft], overnight: bool = False) -> set[int]:
    """ "11:20pm Talk", "12:00am Talk": in an evening agenda, a time earlier than the one before
    it (from the evening to the small hours) is on the next day, and so is what follows it. In
    an event said to run through the night, any time earlier than the one before it is."""
    rolled: set[int] = set()
    previous: Draft | None = None
    crossed = False
    for draft in sorted(drafts, key=lambda d: d.line):
        if draft.start is None or draft.all_day:
            continue
        if previous is None or draft.day != previous.day:
            crossed = False
        elif (
            not crossed
            and previous.start is not None
            and (
                (overnight and draft.start < previous.start)
                or (
                    previous.start.hour >= 18
                    and draft.start.hour < 8
                    and (
                        _minutes_of(draft.start) + 24 * 60 - _minutes_of(previous.start) <= 6 * 60
                        # "21.00 – 04.00 Kodlama", then "04.00 – 05.00 Sahur": after the night
                        or (
                            previous.end is not None
                            and previous.end <= draft.start < previous.start
                        )
                    )
                )
            )
        ):
            crossed = True
        if crossed:
            rolled.add(id(draft))
        previous = draft
    return rolled


def _minutes_of(clock: time) -> int:
    return clock.hour * 60 + clock.minute


def _summaries_listed_again(built: list[Built]) -> list[Built]:
    """ "Einlass 18:30, Beginn 19:00" over an agenda whose first row is "18:30 | Einlass, Pizza &
    Getränke": the summary's item is the agenda's, said twice."""
    listed = {start for draft, start, _end, _zone in built if not draft.summary}
    return [item for item in built if not (item[0].summary and item[1] in listed)]


def _written_once(built: list[Built]) -> list[Built]:
    """A break written in every track's table or column ("14:50 茶歇" under both sub-forums) is
    one session: the same title at the same times, no speakers. It is everyone's, so it keeps
    no room."""
    seen: dict[tuple[str, datetime, datetime | None], Draft] = {}
    kept: list[Built] = []
    for item in built:
        draft, start, end, _zone = item
        if draft.speakers or draft.all_day:
            kept.append(item)
            continue
        key = (text_key(draft.title), start.astimezone(UTC), end.astimezone(UTC) if end else None)
        first = seen.get(key)
        if first is None:
            seen[key] = draft
            kept.append(item)
        elif first.location != draft.location:
            first.location = None
    return kept
