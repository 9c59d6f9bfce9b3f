"""Recurring meetings on a page: "Every Wednesday at 5pm UTC", "每月第一个周三晚上 8 点（北京时间）".

The walk hands every line here first (a quick look decides most). A line that states a
recurrence with a time of day is taken whole; one that states it without a time ("When: every
other Tuesday") is noted and left to the walk, and takes its time from the next line that gives
one ("Time: 9am PT"). Lines that only name skipped dates ("No meeting on Dec 25", "12月25日暂停")
after a recurrence are taken too. Once the event's zone is known, each recurrence becomes a
series (`Session.repeat`): its first occurrence is the first matching day on or after the stated
first date, else on or after `ANCHOR`, a fixed day, so that reading never depends on the clock.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING

from bot.domain.agenda import Recurrence, Session, SessionKind, text_key
from bot.domain.patterns import compiled
from bot.domain.readers.markdown.blocks import Line
from bot.domain.readers.markdown.drafts import Draft, EventDraft, crosses_midnight, offset_on
from bot.domain.readers.markdown.kinds import kind_of
from bot.domain.readers.markdown.vocabulary import Role, split_label
from bot.domain.recurrence import RecurrenceError, check_rule, rule_start, starts_on_day
from bot.domain.timetext.clock import ClockSpan, find_clock_spans, leading_clock_span
from bot.domain.timetext.dates import DateError, DateMention, find_dates
from bot.domain.timetext.durations import find_prose_duration
from bot.domain.timetext.recurrence_phrases import (
    ANCHOR,
    DAY_CODES,
    Repetition,
    first_matching_day,
    read_repetition,
    skipped_days,
)
from bot.domain.zones.local_time import localize, same_instant, shift
from bot.domain.zones.naming import zone_name
from bot.domain.zones.resolve import ZoneMention

if TYPE_CHECKING:
    from bot.domain.readers.markdown.page import PageReader

_FOLLOWING_LINES = 3  # how far below a recurrence without a time its time may be given
_EVERY_DAY = compiled(r"(?i)\b(?:every|each)\s+day\b|每天|每日|天天")
_WORKDAY_CUE = compiled(r"(?i)\b(?:every|each|weekdays|workdays)\b|每|工作日")
_MEETING_NAME = compiled(r"(?i)\b(?:office|consultation|drop-in)\s+hours?\b|答疑")
# Words that say a length is the meetings' ("lasts one hour", "Length 10 minutes", "每次 1 小时").
_LENGTH_CUE = compiled(
    r"(?i)\b(?:last(?:s|ing)?|length|duration|long|runs?\s+for|takes?)\b|每次|每场|每場|时长|時長|"
    r"持续|持續|历时|歷時"
)
_LONGEST_MEETING = timedelta(hours=24)
# "this time on", "This edition:", "本期": the date on the line is one meeting of the series.
_ONE_EDITION = compiled(
    r"(?i)\bthis\s+(?:time|week|month|edition|issue|meetup|session|one)\b|"
    r"\b(?:next|upcoming)\s+edition\b|本期|这一期|這一期|这期|這期|本次|这次|這次|本月这次"
)
_TITLE_SPLIT = compiled(r"\s*(?:[:：]|\s[-–—]\s)\s*")


@dataclass(slots=True, eq=False)
class RecurringDraft:
    """A recurrence as the page states it, before its zone is known."""

    line: int
    text: str
    phrase: Repetition
    event: EventDraft
    title: str | None
    clock: ClockSpan | None = None
    zone: ZoneMention | None = None
    zone_line: int = 0
    skipped: list[tuple[DateMention, int]] = field(default_factory=list)
    consumed: bool = False  # the whole line was taken (it does not date the event)
    weak: bool = False  # "weekly", "daily" without a day: counts only on a page without agenda
    dated: bool = False  # the line also dates a meeting ("this time on December 16, 2026")
    listed: bool = False  # a table lists its meetings by date (listed_dates.py): no series


def meets_on(rule: str, day: date) -> bool:
    """Whether a weekly rule meets on `day`'s weekday, or a monthly one on that weekday of
    `day`'s month: every one ("BYDAY=TH"), the nth ("1TH") or the last ("-1WE")."""
    frequency = _rule_part(rule, "FREQ")
    code = DAY_CODES[day.weekday()]
    days = (_rule_part(rule, "BYDAY") or "").split(",")
    if frequency == "WEEKLY":
        return code in days
    if frequency != "MONTHLY":
        return False
    which = {"", str((day.day - 1) // 7 + 1)}
    if (day + timedelta(days=7)).month != day.month:
        which.add("-1")
    return any(written.endswith(code) and written[: -len(code)] in which for written in days)


class RecurringLines:
    """Collects a page's recurrences during the walk and builds their series after it."""

    def __init__(self, page: PageReader) -> None:
        self.page = page
        self.drafts: list[RecurringDraft] = []

    def standing_hours(self) -> None:
        """An agenda dated on a meeting day of a recurrence that gave its hours ("every other
        Tuesday, 16:00–17:00 UTC", then "## Next call — Tuesday, 17 March 2026" over the call's
        agenda from 16:00), or a monthly one ("el primer jueves de cada mes, de 19:00 a 21:00"
        over a table of its dates): that meeting keeps those hours, so its last item ends with
        them."""
        for event in self.page.events:
            day = event.first_day
            if event.sessions and event.start is None and day is None:
                self._standing_hours_by_row(event)
            if not event.sessions or event.start is not None or day is None:
                continue
            if event.last_day not in (None, day):
                continue
            starts = [s.start for s in event.sessions if s.day in (None, day) and s.start]
            for draft in self.drafts:
                clock, rule = draft.clock, draft.phrase.rule
                if clock is None or clock.end is None or draft.phrase.problems:
                    continue
                if not meets_on(rule, day):
                    continue
                if starts and min(starts) == clock.start:
                    event.start, event.end, event.hours_day = clock.start, clock.end, day
                    break

    def _standing_hours_by_row(self, event: EventDraft) -> None:
        """A table of the meetings' dates and their items, under "the first Thursday of each
        month, 19:00 to 21:00": each meeting's last item ends with those hours."""
        days: dict[date, list[Draft]] = {}
        for session in event.sessions:
            if session.day is not None and session.start is not None:
                days.setdefault(session.day, []).append(session)
        for draft in self.drafts:
            clock = draft.clock
            if clock is None or clock.end is None or draft.phrase.problems:
                continue
            for day, sessions in days.items():
                if not meets_on(draft.phrase.rule, day):
                    continue
                starts = [s.start for s in sessions if s.start is not None]
                last = max(sessions, key=lambda s: (s.start or time.min, s.line))
                if min(starts) != clock.start or last.end is not None or last.duration:
                    continue
                if last.start is not None and last.start < clock.end:
                    last.end = clock.end

    def for_event(self, event: EventDraft) -> list[RecurringDraft]:
        return [d for d in self.drafts if d.event is event]

    # ---- during the walk -------------------------------------------------------------------

    def take(self, line: Line) -> bool:
        """Whether `line` is about a recurrence and taken whole (the walk skips it then)."""
        text = line.inline.text
        if leading_clock_span(text) is not None:
            return False  # "- 10:00 Daily standup": a session of the agenda
        phrase = read_repetition(text, self.page.resolver.find)
        if phrase is None:
            return self._follow_up(line, text)
        if phrase.dated:
            # "We meet every month; this time on Wednesday, December 16, 2026 at 19:00": the
            # line dates the event and the walk reads it. Its recurrence counts only when it
            # makes a series as it stands, and only on a page without an agenda of its own.
            if phrase.complete and not _ONE_EDITION.search(text):
                draft = self._draft(line, text, phrase)
                draft.dated = True
                self.drafts.append(draft)
            return False
        if phrase.sub_daily:
            if phrase.first is None and phrase.clock is None:
                return False  # "buses leave every hour": prose
            self.page.diag.error(
                line.number, f"{phrase.problems[0]}; recurring meeting not imported"
            )
            return True
        if _weak(phrase, text):
            # "Weekly sync at 5pm UTC": a recurrence only on a page that says nothing else.
            draft = self._draft(line, text, phrase)
            draft.weak = True
            self.drafts.append(draft)
            return False
        if phrase.clock is None:
            if not phrase.problems:
                # "When: every other Tuesday; next: 2024-10-08": the walk reads the line too.
                self.drafts.append(self._draft(line, text, phrase))
            return False  # with problems and no time: prose that happens to say "every month"
        draft = self._draft(line, text, phrase)
        draft.consumed = True
        self.drafts.append(draft)
        return True

    def _draft(self, line: Line, text: str, phrase: Repetition) -> RecurringDraft:
        return RecurringDraft(
            line=line.number,
            text=text,
            phrase=phrase,
            event=self.page.event,
            title=_title_in(text),
            clock=phrase.clock,
            zone=phrase.zone,
            zone_line=line.number if phrase.zone is not None else 0,
            skipped=[(d, line.number) for d in phrase.skipped],
        )

    def _follow_up(self, line: Line, text: str) -> bool:
        """A line below a recurrence: its time ("Time: 9am PT") or its skipped dates."""
        if not self.drafts:
            return False
        last = self.drafts[-1]
        if last.weak:
            return False
        skipped = skipped_days(text)
        if skipped:
            last.skipped.extend((d, line.number) for d in skipped)
            return True
        if last.clock is not None or line.number - last.line > _FOLLOWING_LINES:
            return False
        labeled = split_label(text)
        if labeled is None or labeled[0] is not Role.TIME or find_dates(text):
            return False  # only "Time: 9am PT" gives a recurrence its time
        spans = find_clock_spans(text)
        if not spans:
            return False
        last.clock = spans[0]
        mentions = self.page.resolver.find(text)
        if mentions:
            last.zone, last.zone_line = mentions[0], line.number
        return True

    # ---- after the walk --------------------------------------------------------------------

    def series(
        self, event: EventDraft, tz: tzinfo, title: str, taken_ids: set[str]
    ) -> list[Session]:
        """The series of `event`'s recurrences, each reported at its line when it cannot be."""
        found = []
        usable = self.usable(event)
        dated_elsewhere = self._dated_elsewhere(event)
        for draft in self.for_event(event):
            if draft.listed or (draft.weak and draft not in usable):
                continue
            if draft.dated and event.sessions:
                continue  # the event's own date line, with an agenda under it
            if dated_elsewhere and not draft.phrase.complete and draft.clock is None:
                continue  # prose about the meetup on a page of one dated event
            if draft.clock is None:
                if not event.sessions:
                    self.page.diag.error(
                        draft.line,
                        f"{draft.text.strip()!r} gives no time of day; recurring meeting not "
                        "imported",
                    )
                continue
            if dated_elsewhere and (draft.phrase.problems or draft.phrase.needs_a_day):
                continue
            made = self._series(draft, tz, title)
            if made is not None:
                found.append(made)
        sessions = []
        for made in found:
            key = made.id
            number = 1
            while key in taken_ids:
                number += 1
                key = f"{made.id}-{number}"
            taken_ids.add(key)
            sessions.append(replace(made, id=key))
        return sessions

    def _dated_elsewhere(self, event: EventDraft) -> bool:
        """Whether `event` has a date of its own, stated on a line that is not a recurrence's
        (a page of one dated event that also says how often the meetup happens)."""
        if event.first_day is None:
            return False
        own = {d.line for d in self.for_event(event) if not d.dated}
        return event.stated_line not in own

    def first_day(self, event: EventDraft) -> date | None:
        """The day `event`'s first recurrence starts on, roughly (the stated first date, else
        the anchor): the day its zone is judged on when the event has no date of its own."""
        for draft in self.usable(event):
            if draft.phrase.first is not None:
                try:
                    return draft.phrase.first.resolve(self.page.reference)[0]
                except DateError:
                    return None
            return ANCHOR
        return None

    def usable(self, event: EventDraft) -> list[RecurringDraft]:
        """The recurrences of `event` that have a time of day ("weekly" or "daily" without a
        day only on a page that has no agenda of its own)."""
        drafts = self.for_event(event)
        alone = not event.sessions and (
            not event.first_day or any(d.line == event.stated_line for d in drafts)
        )
        return [d for d in drafts if d.clock is not None and (alone or not d.weak)]

    def _series(self, draft: RecurringDraft, tz: tzinfo, page_title: str) -> Session | None:
        diag = self.page.diag
        phrase = draft.phrase
        problems = list(phrase.problems)
        if phrase.needs_a_day:
            problems.append(phrase.day_problem(draft.text))
        for problem in problems:
            diag.error(draft.line, f"{problem}; recurring meeting not imported")
        if problems:
            return None
        for note in phrase.notes:
            diag.warn(draft.line, note)
        if draft.clock is None:
            return None  # reported by the assembly when the page has nothing else
        reference = self.page.reference
        stated: date | None = None
        if phrase.first is not None:
            try:
                stated, _, notes = phrase.first.resolve(reference)
            except DateError as exc:
                diag.error(draft.line, f"{exc}; recurring meeting not imported")
                return None
            for note in notes:
                diag.warn(draft.line, note)
        if phrase.needs_a_date and stated is None:
            diag.error(
                draft.line,
                f"{draft.text.strip()!r} does not say which weeks: add the date of one meeting "
                '("every other Tuesday, next on 2026-01-13"); recurring meeting not imported',
            )
            return None
        rule = phrase.rule
        if _rule_part(rule, "FREQ") == "WEEKLY" and _rule_part(rule, "BYDAY") is None:
            assert stated is not None  # the phrase asks for a date otherwise
            rule = f"{rule};BYDAY={DAY_CODES[stated.weekday()]}"
        extra_hours = sorted({s.start.hour for s in phrase.also} - {draft.clock.start.hour})
        if extra_hours:
            hours = ",".join(str(h) for h in sorted({draft.clock.start.hour, *extra_hours}))
            rule = f"{rule};BYHOUR={hours};BYMINUTE={draft.clock.start.minute}"
        anchor = stated or ANCHOR
        first = first_matching_day(rule, anchor)
        if first is None:
            diag.error(draft.line, f"{draft.text.strip()!r} never meets; not imported")
            return None
        if stated is not None and first != stated:
            diag.warn(
                draft.line,
                f"{phrase.first.text if phrase.first else stated.isoformat()!r} is not a day the "
                f"meeting is on; the first meeting is {first.isoformat()}",
            )
        zone = self._zone(draft, tz, first)
        # Written wall clock kept: a first start in a DST gap moves, the rule's time does not.
        start = rule_start(
            self._instant(first, draft.clock.start, zone, draft.line),
            datetime.combine(first, draft.clock.start),
        )
        end = self._end(draft, draft.clock, first, start, zone)
        if end is None:
            length = self._prose_length(draft)
            if length is not None:
                end = shift(start, length)
        try:
            rule = check_rule(rule, start)
        except RecurrenceError as exc:
            diag.error(draft.line, f"{exc}; recurring meeting not imported")
            return None
        title = draft.title or page_title
        series = Session(
            id=text_key(title),
            title=title,
            start=start,
            end=end,
            kind=SessionKind.EVENT if kind_of(title) is SessionKind.TALK else kind_of(title),
            line=draft.line,
            repeat=Recurrence(rule),
        )
        exdates = self._exdates(draft, series, first, stated is not None or bool(reference))
        if exdates:
            series = replace(series, repeat=Recurrence(rule, exdates=tuple(exdates)))
        self._check_alternates(draft, start, first)
        return series

    def _zone(self, draft: RecurringDraft, tz: tzinfo, day: date) -> tzinfo:
        """The zone written with the recurrence, judged as everywhere on the page; an
        abbreviation the event's zone agrees with is the event's zone ("CET" on a Paris page)."""
        if draft.zone is None:
            return tz
        resolved = self.page.resolver.decide(draft.zone, day)
        where = draft.zone_line or draft.line
        for note in resolved.notes:  # (said once, though the page's zone may come from here)
            self.page.diag.warn(where, note)
        if (
            not (draft.zone.iana or draft.zone.phrase_zone)
            and offset_on(tz, day) == offset_on(resolved.tz, day)
            and zone_name(tz) != "UTC"
        ):
            return tz
        return resolved.tz

    def _instant(self, day: date, clock: time, tz: tzinfo, number: int) -> datetime:
        localized = localize(datetime.combine(day, clock), tz)
        if localized.note:
            self.page.diag.warn(number, localized.note)
        return localized.moment

    def _end(
        self, draft: RecurringDraft, clock: ClockSpan, day: date, start: datetime, tz: tzinfo
    ) -> datetime | None:
        if clock.end is not None:
            end_day = day
            if clock.end <= clock.start:
                if not crosses_midnight(clock.start, clock.end):
                    self.page.diag.warn(
                        draft.line,
                        f"end {clock.end:%H:%M} is before start {clock.start:%H:%M}; "
                        "the meeting is read without an end",
                    )
                    return None
                end_day = day + timedelta(days=1)
            return self._instant(end_day, clock.end, tz, draft.line)
        if clock.duration is not None:
            return shift(start, clock.duration)
        return None

    def _prose_length(self, draft: RecurringDraft) -> timedelta | None:
        """A length the page says in words about its meetings ("Each meeting lasts one
        hour.", "每次 1 小时"), on the recurrence's line or another of its event's lines that is
        not a session of an agenda."""
        event = draft.event
        events = self.page.events
        index = next((i for i, e in enumerate(events) if e is event), None)
        following = (
            events[index + 1].line if index is not None and index + 1 < len(events) else None
        )
        sessions = {s.line for s in event.sessions}
        for number, text in self.page.texts:
            if number < event.line or (following is not None and number >= following):
                continue
            if number in sessions or not _LENGTH_CUE.search(text):
                continue
            length = find_prose_duration(text)
            if length is not None and timedelta(0) < length <= _LONGEST_MEETING:
                return length
        return None

    def _exdates(
        self, draft: RecurringDraft, series: Session, first: date, dated: bool
    ) -> list[datetime]:
        diag = self.page.diag
        assert draft.clock is not None
        found: list[datetime] = []
        # "No meeting on 2026-12-30; 12 月 23 日不开会": a year written beside says which year.
        years = [m.year for m, _ in draft.skipped if m.year is not None]
        reference = self.page.reference or (first if dated or not years else date(years[0], 1, 1))
        dated = dated or bool(years)
        for mention, number in draft.skipped:
            try:
                if mention.year is None and not dated:
                    # "12月25日暂停" on a page without a year: the next such date on or after
                    # the reader's today, else on or after the first meeting.
                    day, last, notes = _next_on_or_after(mention, self.page.today or first)
                else:
                    day, last, notes = mention.resolve(reference)
            except DateError as exc:
                diag.error(number, str(exc))
                continue
            for note in notes:
                diag.warn(number, note)
            if mention.year is None and not dated:
                diag.warn(
                    number,
                    f"{mention.text!r} has no year; skipped on {day.isoformat()} only (write "
                    "the year)",
                )
            current = day
            while current <= last:
                on_day = starts_on_day(series, current)  # a date skips every meeting that day
                if on_day:
                    found.extend(on_day)
                elif current == day:
                    diag.warn(
                        number,
                        f"{mention.text!r} ({current.isoformat()}) is not a day the meeting "
                        "is on; nothing skipped",
                    )
                current += timedelta(days=1)
        return sorted(set(found))

    def _check_alternates(self, draft: RecurringDraft, start: datetime, day: date) -> None:
        """ "9am PT / 17:00 UTC": the other zone's time must be the same moment."""
        for span, mention in draft.phrase.alternates:
            other_zone = self.page.resolver.decide(mention, day).tz
            other = localize(datetime.combine(day, span.start), other_zone).moment
            if not same_instant(other, start):
                self.page.diag.warn(
                    draft.line,
                    f"{span.start:%H:%M} {mention.text} is not the same moment as "
                    f"{start:%H:%M} {zone_name(start.tzinfo) if start.tzinfo else ''}; "
                    "using the first",
                )


def _weak(phrase: Repetition, text: str) -> bool:
    """ "Daily standup", "Weekly review": no day named, words that also make titles."""
    if "BYDAY=MO,TU,WE,TH,FR" in phrase.rule and not _WORKDAY_CUE.search(text):
        return True  # "June 2-6, Monday to Friday 9:00-17:00": a week-long event
    return (
        "BYDAY=" not in phrase.rule
        and "BYMONTHDAY=" not in phrase.rule
        and phrase.first is None
        and not _EVERY_DAY.search(text)
    )


def _rule_part(rule: str, name: str) -> str | None:
    for part in rule.split(";"):
        key, _, value = part.partition("=")
        if key == name:
            return value
    return None


def _title_in(text: str) -> str | None:
    """ "Community call: every Wednesday at 5pm UTC": the words before the recurrence."""
    parts = _TITLE_SPLIT.split(text.strip(), maxsplit=1)
    if len(parts) != 2:
        return None
    head = parts[0].strip(" *_#")
    if not head or any(c.isdigit() for c in head) or len(head) > 80:
        return None
    labeled = split_label(f"{head}: x")
    if labeled is not None and not (labeled[0] is Role.TIME and _MEETING_NAME.search(head)):
        return None  # "When:", "Time:", "时间：" (but "Office hours:" names a meeting)
    if read_repetition(head, lambda _text: []) is not None:
        return None
    return head


def _next_on_or_after(mention: DateMention, day: date) -> tuple[date, date, list[str]]:
    """A date written without a year, in the first year that puts it on or after `day`."""
    for year in (day.year, day.year + 1):
        try:
            found, last, notes = replace(mention, year=year).resolve(None)
        except DateError:
            continue  # February 29 in a year without one
        if found >= day:
            return found, last, notes
    return replace(mention, year=day.year + 1).resolve(None)
