"""The walk: a Markdown page, block by block, into events and session drafts.

The walk keeps the context a reader keeps in their head: the event being described, the current
day, the last heading or bold title, and the session a nested bullet belongs to. Tables are read
in tables.py, what the page says about zones is collected in zone_context.py, and the drafts
become schedules of instants in assembly.py. A new line shape is one branch in `_line` or one
label in vocabulary.py; a new column shape belongs in tables.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time
from functools import cached_property

from bot.domain.agenda import Schedule, Speaker, text_key
from bot.domain.diagnostics import Diagnostics
from bot.domain.readers.context import ReadOptions
from bot.domain.readers.markdown.assembly import Assembler
from bot.domain.readers.markdown.blocks import Line, Table, parse_blocks
from bot.domain.readers.markdown.drafts import (
    Draft,
    EventDraft,
    add_clock,
    links_of,
    text_field,
    year_in,
)
from bot.domain.readers.markdown.front_fields import FrontFields
from bot.domain.readers.markdown.front_matter import FrontMatter
from bot.domain.readers.markdown.speakers import (
    looks_like_person,
    parse_speakers,
    split_title_and_speakers,
)
from bot.domain.readers.markdown.tables import TableReader
from bot.domain.readers.markdown.vocabulary import (
    GENERIC_HEADINGS,
    Role,
    is_day_label,
    normalise_label,
    split_label,
)
from bot.domain.readers.markdown.zone_context import ZoneContext
from bot.domain.timetext.clock import (
    BadClock,
    ClockSpan,
    find_bad_clocks,
    find_clock_spans,
    leading_clock_span,
)
from bot.domain.timetext.dates import DateError, DateMention, find_dates
from bot.domain.timetext.durations import find_prose_duration
from bot.domain.timetext.languages import ALL_WEEKDAYS
from bot.domain.timetext.quotes import pair_zones
from bot.domain.zones.places import find_places
from bot.domain.zones.resolve import ZoneMention

_SESSION_LEAD = re.compile(r"^[\s:：\-–—|.)）\]*_~〜～]+")
_RESTATED = re.compile(r"^\s*(?:/|\||·|,|=|or)\s*")
_LABEL_FIRST = re.compile(
    r"^\s*[*_]*(?P<label>[^:：\d][^:：]{0,38}?)[*_]*\s*[:：]\s*(?P<value>.+)$"
)
_LABEL_VERB = re.compile(
    r"(?i)\s+(?:begins?|starts?|opens?|kicks? off|commences?|beginnt|commence)$"
)
_UNTIL = re.compile(
    r"(?i)(?:\s|[(（])(?:until|till|to|bis|jusqu'à|jusqu’à|hasta|até|ate)\s+|(?:至|到|まで)\s*"
)
_WEEKDAY_WORDS = frozenset(w.casefold() for w in ALL_WEEKDAYS)
_END_PHRASE = re.compile(
    r"(?i)\b(?:wrap(?:s|ping)? up|end(?:s|ing)?|finish(?:es|ing)?|clos(?:e|es|ing)|ende|endet|"
    r"schluss|fin|termina(?:mos)?|encerramento)\s+(?:by|at|around|about|gegen|um|vers|à|a las|às|"
    r"por volta das)?\s*|(?:结束|終了|종료)(?:时间)?[:：]?\s*"
)
_BOOK_TITLE = re.compile(r"[《「『“\"](.+?)[》」』”\"]")
_PROSE_LIMIT = 100  # an unlabelled line longer than this is prose, unless it also gives a time


class PageReader:
    """Reads one page. Create one per file; call `read` once."""

    def __init__(
        self, front: FrontMatter, diagnostics: Diagnostics, options: ReadOptions, stem: str
    ) -> None:
        self.front = front
        self.diag = diagnostics
        self.resolver = options.resolver
        self.today = options.today
        self.stem = stem
        self.fields = front.fields
        self.front_fields = FrontFields(front, diagnostics, self.resolver)
        self.reference = self.front_fields.reference
        self.events: list[EventDraft] = [EventDraft(line=front.body_line)]
        self.page_title: str | None = text_field(self.fields, ("title", "name"))
        self.day: date | None = None
        self.title_candidate: tuple[str, int] | None = None
        self.heading_since_event: tuple[str, int] | None = None
        self.list_session: Draft | None = None
        self.block_session: Draft | None = None
        self.pending_speakers: list[Speaker] = []
        self.prose_dates: list[tuple[DateMention, int, int]] = []  # (date, line, event index)
        self.pending_time: _PendingTime | None = None
        self.texts: list[tuple[int, str]] = []  # every line's text, for what prose says
        self.zones = ZoneContext(self)
        self.tables = TableReader(self)

    # ---- walking ------------------------------------------------------------------------

    @property
    def event(self) -> EventDraft:
        return self.events[-1]

    def read(self) -> list[Schedule]:
        blocks = parse_blocks(self.front.body, self.front.body_line)
        for block in blocks:
            if isinstance(block, Table):
                self.list_session = None
                self.tables.read(block)
            else:
                self._line(block)
                self.texts.append((block.number, block.inline.text))
                self.zones.scan_prose(block.inline.text, block.number, heading=bool(block.heading))
        return self._finish()

    def _line(self, line: Line) -> None:
        text = line.inline.text
        if line.heading:
            self.pending_time = None
            self._heading(line)
            return
        if (
            self.pending_time is not None
            and leading_clock_span(text) is None
            and self._pending_title(line)
        ):
            return
        if line.depth == 0:
            self.list_session = None
        elif self.list_session is not None and line.depth > self.list_session.depth:
            self._attach(self.list_session, line)
            return
        bad = _bad_time_at_start(text)
        if bad is not None:
            self.diag.error(
                line.number, f"{bad.text!r} is not a time ({bad.reason}); line not imported"
            )
            return
        labeled = split_label(text)
        leading = leading_clock_span(text)
        if leading is None and self._label_first(line, labeled):
            return
        if leading is not None and labeled is None:
            self._session_line(line, leading)
            return
        if labeled is not None:
            self._labeled_line(line, *labeled)
            return

        if line.depth == 0 and self.block_session is not None and not line.inline.bold:
            self._attach(self.block_session, line)
            return
        dates = find_dates(text)
        if dates and self._dated_session(line, dates[0]):
            return
        if dates:
            self._date_line(line, text, dates, labeled=False)
        elif line.inline.bold and line.depth == 0:
            self.title_candidate = (text, line.number)
            self.block_session = None
            self.pending_speakers = []

    def _heading(self, line: Line) -> None:
        text = line.inline.text
        self.list_session = None
        self.block_session = None
        self.pending_speakers = []
        leading = leading_clock_span(text)
        if leading is not None:
            self._session_line(line, leading)
            return
        dates = find_dates(text)
        if dates:
            resolved = self.resolve_date(dates[0], line.number)
            if resolved is None:
                return
            first, last = resolved
            rest = normalise_label(text.replace(dates[0].text, " "))
            only_date = not rest or is_day_label(text) or _weekday_only(rest)
            if not only_date and (self.event.sessions or self.event.stated_line):
                self._new_event(line.number, text)
            if not only_date:
                self.zones.place_in(text, line.number, page_wide=line.heading == 1)
            if not self.event.stated_line and not self.event.sessions:
                self.event.first_day, self.event.last_day = first, last
                if not only_date and self.event.heading is None:
                    self.event.heading = text
                    self.event.section = self.event.section or line.number
                self._event_times(line.number, text)
            self.day = first
            return
        if normalise_label(text) in GENERIC_HEADINGS:
            return
        if line.heading == 1:
            self.zones.place_in(text, line.number, page_wide=True)
        if line.heading == 1 and self.page_title is None:
            self.page_title = text
            self.reference = self.reference or year_in(text)
            return
        self.title_candidate = (text, line.number)
        self.heading_since_event = (text, line.number)
        if line.heading <= 2:
            self.zones.place_in(text, line.number)  # "## Beijing", "## Lyon, 16 May"

    def _labeled_line(self, line: Line, role: Role, label: str, value: str) -> None:
        session = self.block_session or self.list_session
        if role in (Role.TIME, Role.DATE):
            dates = find_dates(value)
            if dates:
                self._date_line(line, value, dates, labeled=True)
                return
            spans = find_clock_spans(value)
            if spans:
                self._time_only_line(line, value, spans)
            return
        if role in (Role.TITLE, Role.KIND, Role.TRACK) and find_dates(value):
            # "Next session: Monday, April 7, 2025 at 7 PM"
            self._date_line(line, value, find_dates(value), labeled=True)
            return
        if role is Role.SPEAKER:
            speakers = parse_speakers(value)
            if session is not None:
                session.speakers.extend(speakers)
            else:
                self.pending_speakers.extend(speakers)
        elif role is Role.ZONE:
            mentions = self.resolver.find(value) or _place_mentions(value)
            if mentions:
                self.event.zone, self.event.zone_line = mentions[0], line.number
                self.zones.stated(mentions[0], line.number)
            else:
                self.diag.warn(line.number, f"time zone {value!r} not recognised; ignored")
        elif role is Role.TITLE:
            self.title_candidate = (value, line.number)
            self.block_session = None
        elif role is Role.VENUE or (role is Role.LOCATION and session is None):
            self.event.venue = self.event.venue or value
            self.zones.place_in(value, line.number)
        elif role is Role.LOCATION and session is not None:
            session.location = value
        elif role is Role.TRACK and session is not None:
            session.track = value
        elif role is Role.LINKS and session is not None:
            session.links.extend(links_of(line.inline, label))
        elif role is Role.DESCRIPTION and session is not None:
            session.description = value

    def _date_line(self, line: Line, text: str, dates: list[DateMention], labeled: bool) -> None:
        if labeled and self._details_block(line, dates[0]):
            return
        spans = find_clock_spans(text)
        if not labeled and not spans and len(text) > _PROSE_LIMIT:
            # "We meet on Thursday, March 6th at ...": the event's date if nothing better comes.
            self.prose_dates.append((dates[0], line.number, len(self.events) - 1))
            return
        resolved = self.resolve_date(dates[0], line.number)
        if resolved is None:
            return
        first, last = resolved
        event = self.event
        if (
            not labeled
            and not spans
            and event.first_day is not None
            and not event.first_day <= first <= (event.last_day or event.first_day)
        ):
            return  # "DST starts on Sunday, March 10" beside an event on the 12th: an aside
        if event.stated_line and labeled:
            same = (first, last) == (event.first_day, event.last_day)
            if event.sessions or not same:
                self._new_event(line.number, None)
                event = self.event
        if not event.stated_line and not (event.sessions and not labeled):
            event.first_day, event.last_day = first, last
            event.stated_line = line.number
            if self.heading_since_event is not None:
                event.heading = self.heading_since_event[0]
                event.section = event.section or self.heading_since_event[1]
            self._event_times(line.number, text)
            self.zones.place_in(text, line.number)  # "on March 6th at Station F, Paris"
        self.day = first
        self.title_candidate = None

    def _details_block(self, line: Line, mention: DateMention) -> bool:
        """ "### Talk title" + "**When:** 13 September, 19:30" after an agenda that already lists
        the talk: a details block for that session, not a new event. Its speaker and abstract
        lines go to the session; a date that disagrees with the agenda is reported, and the
        agenda's (the majority, and checked against its weekday) is kept."""
        if self.title_candidate is None:
            return False
        key = text_key(self.title_candidate[0])
        session = next(
            (d for e in self.events for d in e.sessions if text_key(d.title) == key), None
        )
        if session is None:
            return False
        resolved = self.resolve_date(mention, line.number)
        if resolved is not None and session.day is not None and resolved[0] != session.day:
            self.diag.warn(
                line.number,
                f"{mention.text!r} for {session.title!r} disagrees with the agenda's "
                f"{session.day:%A %Y-%m-%d}; kept the agenda's date",
            )
        self.title_candidate = None
        self.block_session = session
        return True

    def _event_times(self, number: int, text: str) -> None:
        """The event's own times and zone from its date line ("13:30-17:30 (CST), July 10")."""
        event = self.event
        spans = find_clock_spans(text)
        mentions = self.resolver.find(text)
        paired = pair_zones(text, spans, mentions)
        if spans:
            event.start, event.end = spans[0].start, spans[0].end
            if spans[0].end is None and spans[0].duration is not None:
                event.end = add_clock(spans[0].start, spans[0].duration)
            event.stated_line = event.stated_line or number
            event.alternates = [(s, m) for s, m in paired[1:] if m is not None]
        zone = paired[0][1] if paired and paired[0][1] is not None else None
        zone = zone or (mentions[0] if mentions else None)
        if zone is not None:
            event.zone, event.zone_line = zone, number
            self.zones.stated(zone, number)

    def _time_only_line(self, line: Line, text: str, spans: list[ClockSpan]) -> None:
        """ "**时间：** 13:30-14:30" under a talk's title, or the event's hours on their own line."""
        mentions = self.resolver.find(text)
        zone = mentions[0] if mentions else None
        if self.title_candidate is not None:
            title, title_line = self.title_candidate
            self.title_candidate = None
            draft = Draft(title_line, title, self.day, spans[0].start, spans[0].end)
            draft.stated_duration = spans[0].duration
            draft.speakers.extend(self.pending_speakers)
            self.pending_speakers = []
            if zone is not None:
                draft.zone, draft.zone_line = zone, line.number
            self.event.sessions.append(draft)
            self.block_session = draft
            return
        if self.event.start is None and not self.event.sessions:
            self._event_times(line.number, text)

    def _session_line(self, line: Line, span: ClockSpan) -> None:
        text = line.inline.text
        rest, zone = self._strip_zone(text[span.finish :])
        # "10AM PDT / 1PM EDT / 17:00 UTC: Talk": the same instant restated, then the title.
        while (restated := _RESTATED.match(rest)) is not None:
            again = leading_clock_span(rest[restated.end() :])
            if again is None:
                break
            rest, other = self._strip_zone(rest[restated.end() + again.finish :])
            zone = zone or other
        sentence_goes_on = re.match(r"^\s*[.,;]\s", rest) is not None
        rest = _SESSION_LEAD.sub("", rest).strip(" *_")
        title, speakers = split_title_and_speakers(rest)
        self.pending_time = None
        event = self.event
        if (
            (not title or sentence_goes_on)
            and not line.heading
            and event.first_day
            and event.start is None
            and not event.sessions
            and 0 < line.number - event.stated_line <= 2
        ):
            self._event_times(line.number, text)  # "5:30 PM - 8:30 PM PST" under the date
            return
        if not title:
            # "**6:30 PM – 7:00 PM**" or "### 9:00 AM" with the title on the lines below.
            self.pending_time = _PendingTime(span, zone, line.number, bool(line.heading))
            self.list_session = self.block_session = None
            return
        self._add_session(line, span, zone, title, speakers)

    def _dated_session(self, line: Line, mention: DateMention) -> bool:
        """ "6 月 11 日 凌晨 1:00 — 主题演讲直播", "Mar 3, 4pm - 5pm: Talk": a session with its date."""
        text = line.inline.text
        if (
            not (self.event.stated_line or self.event.sessions)
            or _SESSION_LEAD.sub("", text[: mention.begin]).strip()
        ):
            return False
        after = text[mention.finish :]
        lead = re.match(r"^[\s,，:：|·—–-]*", after)
        offset = mention.finish + (lead.end() if lead else 0)
        span = leading_clock_span(text[offset:])
        if span is None:
            return False
        resolved = self.resolve_date(mention, line.number)
        if resolved is None:
            return True
        self.day = resolved[0]
        moved = ClockSpan(
            span.start,
            span.end,
            span.duration,
            span.begin + offset,
            span.finish + offset,
            span.twelve_hour,
        )
        self._session_line(line, moved)
        return True

    def _label_first(self, line: Line, labeled: tuple[Role, str, str] | None) -> bool:
        """ "Doors: 18:00", "开场：14:00 - 14:10", "分享一：14:10 - 14:50 《题目》 王磊"."""
        if labeled is not None and labeled[0] in (Role.TIME, Role.DATE, Role.ZONE):
            return False
        match = _LABEL_FIRST.match(line.inline.text)
        if match is None or find_dates(match.group("label")):
            return False
        span = leading_clock_span(match.group("value"))
        if span is None:
            return False
        rest, zone = self._strip_zone(match.group("value")[span.finish :])
        rest = _SESSION_LEAD.sub("", rest).strip(" *_")
        label = _LABEL_VERB.sub("", match.group("label").strip(" *_"))
        quoted = _BOOK_TITLE.search(rest)
        if quoted is not None:
            title = quoted.group(1).strip()
            after = rest[quoted.end() :].strip(" ,，、-–—")
            speakers = parse_speakers(after) if after else []
        elif len(rest.strip("()（）")) > 3:
            title, speakers = split_title_and_speakers(rest)
        else:
            title, speakers = label, []
        shifted = ClockSpan(span.start, span.end, span.duration, 0, 0, span.twelve_hour)
        self._add_session(line, shifted, zone, title, speakers)
        return True

    def _strip_zone(self, rest: str) -> tuple[str, ZoneMention | None]:
        mentions = self.resolver.find(rest[:40])
        if mentions and not _SESSION_LEAD.sub("", rest[: mentions[0].start]).strip():
            return rest[mentions[0].end :], mentions[0]
        return rest, None

    def _add_session(
        self,
        line: Line,
        span: ClockSpan,
        zone: ZoneMention | None,
        title: str,
        speakers: list[Speaker],
    ) -> Draft:
        until = _UNTIL.search(title) if span.end is None else None
        ends = find_clock_spans(title[until.end() :]) if until else []
        if until and ends and ends[0].begin == 0:
            # "8:00 PM — Networking until 9:00 PM", "Networking (bis 22:00 Uhr)"
            cut = title[: until.start()].rstrip(" (（,-–—")
            span = ClockSpan(span.start, ends[0].start, None, span.begin, span.finish, False)
            title = cut or title
        draft = Draft(line.number, title, self.day, span.start, span.end, depth=line.depth)
        draft.stated_duration = span.duration
        draft.twelve_hour = span.twelve_hour
        if span.end is None and span.duration is not None:
            draft.duration = span.duration
        draft.speakers.extend(speakers)
        draft.links.extend(line.inline.links)
        if zone is not None:
            draft.zone, draft.zone_line = zone, line.number
        self.event.sessions.append(draft)
        self.list_session = draft if line.depth else None
        # A session heading ("### 14:00 Keynote") owns the lines under it: speaker, abstract.
        self.block_session = draft if line.heading else None
        return draft

    def _pending_title(self, line: Line) -> bool:
        """A line under a time that had no title: it is the session (under a time heading,
        each bullet is one of parallel sessions); the lines after it belong to it."""
        pending = self.pending_time
        if pending is None:
            return False
        if pending.taken and not line.depth:
            self.pending_time = None  # the bullets under a time heading have ended
            return False
        parts = [p.strip(" *_") for p in re.split(r"\s+[·•|]\s+", line.inline.text)]
        title, speakers = split_title_and_speakers(parts[0])
        if not title:
            return False
        location = None
        for part in parts[1:]:
            person = looks_like_person(part)
            if person is not None:
                speakers.append(person)
            elif location is None:
                location = part
        draft = self._add_session(line, pending.span, pending.zone, title, speakers)
        draft.location = location
        draft.depth = 0
        pending.taken = True
        if not (pending.heading and line.depth):
            self.pending_time = None
            self.list_session = None
            self.block_session = draft
        return True

    def _attach(self, session: Draft, line: Line) -> None:
        """A nested bullet or a following line under a session: speakers, slides, abstract."""
        inline = line.inline
        labeled = split_label(inline.text)
        if labeled is not None:
            role, label, value = labeled
            if role is Role.SPEAKER:
                session.speakers.extend(parse_speakers(value))
            elif role in (Role.LINKS,):
                session.links.extend(links_of(inline, label))
            elif role is Role.DESCRIPTION:
                session.description = value
            elif role in (Role.LOCATION, Role.VENUE):
                session.location = value
            elif role is Role.TRACK:
                session.track = value
            elif inline.links:
                session.links.extend(links_of(inline, label))
            return
        if inline.links:
            session.links.extend(links_of(inline, ""))
            return
        person = looks_like_person(inline.text) or _person_with_role(inline.text)
        if person is not None:
            session.speakers.append(person)
        elif line.depth and len(inline.text) <= 80:
            session.speakers.extend(parse_speakers(inline.text))
        elif session.description is None:
            session.description = inline.text

    # ---- helpers ------------------------------------------------------------------------

    def resolve_date(self, mention: DateMention, number: int) -> tuple[date, date] | None:
        try:
            first, last, notes = mention.resolve(
                self.reference or self.event.first_day or self.day, today=self.today
            )
        except DateError as exc:
            self.diag.error(number, str(exc))
            return None
        for note in notes:
            self.diag.warn(number, note)
        return first, last

    def _new_event(self, number: int, heading: str | None) -> None:
        section = number
        if heading is None and self.heading_since_event is not None:
            heading, section = self.heading_since_event
        self.events.append(EventDraft(line=number, heading=heading, section=section))
        self.heading_since_event = None
        self.title_candidate = None
        self.block_session = None

    # ---- after the walk -------------------------------------------------------------------

    def _finish(self) -> list[Schedule]:
        self._settle_dates()
        self._prose_lengths()
        page_places = self.zones.places
        self.zones.places = []
        for text, line in self.front_fields.places():
            self.zones.place_in(text, line, page_wide=True)
        self.zones.places.extend(page_places)
        return Assembler(self).build()

    @cached_property
    def stated_clocks(self) -> frozenset[time]:
        """Every time the page writes unambiguously (18:00, 6 PM), for settling bare ones."""
        return frozenset(
            span.start
            for _, text in self.texts
            for span in find_clock_spans(text)
            if not span.twelve_hour
        )

    def _prose_lengths(self) -> None:
        """An event that gives its start and says "about 2 hours" in its prose (one with an agenda:
        on its date line, "10AM PDT, for three hours of talks")."""
        for index, event in enumerate(self.events):
            following = self.events[index + 1].line if index + 1 < len(self.events) else None
            if event.end is None and event.sessions:
                event.end = self._stated_end(event.line, following)
            if event.start is None or event.end is not None:
                continue
            for number, text in self.texts:
                if number < event.line or (following is not None and number >= following):
                    continue
                if event.sessions and number not in (event.stated_line, event.stated_line + 1):
                    continue  # with an agenda, only the date line's own "for three hours" counts
                length = find_prose_duration(text)
                if length is not None:
                    event.end = add_clock(event.start, length)
                    break

    def _stated_end(self, first: int, following: int | None) -> time | None:
        """ "... and we wrap up by 8:30pm", "Ende gegen 21:30 Uhr": when an agenda ends."""
        for number, text in self.texts:
            if number < first or (following is not None and number >= following):
                continue
            phrase = _END_PHRASE.search(text)
            if phrase is not None:
                spans = find_clock_spans(text[phrase.end() :])
                if spans and spans[0].begin <= 2:
                    return spans[0].end or spans[0].start
        return None

    def _settle_dates(self) -> None:
        """An event whose body names no date takes it from the front matter's event fields, then
        from a date in its prose, and only then from the publication date (assembly.py)."""
        if not any(e.sessions or e.first_day for e in self.events):
            self.front_fields.fill_event(self.events[0])
            if self.events[0].first_day is not None:
                return
        for index, event in enumerate(self.events):
            if event.first_day is not None:
                continue
            if index == 0 and self.front_fields.has_event_start:
                self.front_fields.fill_event(event)
            prose = [p for p in self.prose_dates if p[2] == index or len(self.events) == 1]
            if prose and not _dated(event):
                resolved = self.resolve_date(prose[0][0], prose[0][1])
                if resolved is not None:
                    event.first_day, event.last_day = resolved


@dataclass(slots=True)
class _PendingTime:
    """A time line that had no title: the next line names the session."""

    span: ClockSpan
    zone: ZoneMention | None
    line: int
    heading: bool
    taken: bool = False


def _person_with_role(text: str) -> Speaker | None:
    """ "Wei Ling Tan, Platform Engineer, DBS Bank": a name, a role, and the company last."""
    parts = [p.strip() for p in re.split(r"[,，]", text)]
    if len(parts) < 2 or len(text) > 100:
        return None
    person = looks_like_person(parts[0])
    return Speaker(person.name, parts[-1]) if person is not None else None


def _bad_time_at_start(text: str) -> BadClock | None:
    """ "25:99 Talk" or "15:30-19:75 Break": a line that starts with an impossible time."""
    for bad in find_bad_clocks(text[:40]):
        before = text[: bad.begin]
        lead = leading_clock_span(before)
        if lead is not None:
            before = before[lead.finish :]
        if not before.strip(" -–—~〜～:：*_[(（.)、・0123456789"):
            return bad
    return None


def _weekday_only(rest: str) -> bool:
    """ "## Samstag (12. Oktober 2019)": what is left beside the date is only its weekday."""
    words = rest.replace(",", " ").split()
    return bool(words) and all(
        w.casefold() in _WEEKDAY_WORDS or w.casefold().rstrip(".") in _WEEKDAY_WORDS for w in words
    )


def _dated(event: EventDraft) -> bool:
    return event.first_day is not None


def _place_mentions(text: str) -> list[ZoneMention]:
    """ "Time zone: Lyon": a place named where a zone is expected stands for its zone."""
    return [ZoneMention(p.start, p.end, p.text, phrase_zone=p.zone) for p in find_places(text)[:1]]
