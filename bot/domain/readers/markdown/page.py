"""Reading a Markdown page into schedules.

The page is walked block by block, keeping the context a reader keeps in their head: the event
being described, the current day, the last heading or bold title, and the session a nested bullet
belongs to. Times stay wall-clock times until the end, when each event's zone is decided and every
session becomes a pair of instants.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any, TypeVar

from bot.domain.agenda import (
    Link,
    Schedule,
    Session,
    SessionKind,
    SourceRef,
    Speaker,
    slugify,
    text_key,
    unique_ids,
)
from bot.domain.diagnostics import Diagnostics
from bot.domain.readers.context import ReadOptions
from bot.domain.readers.markdown.blocks import Inline, Line, Table, parse_blocks
from bot.domain.readers.markdown.front_matter import FrontMatter
from bot.domain.readers.markdown.speakers import parse_speakers, split_title_and_speakers
from bot.domain.readers.markdown.vocabulary import (
    GENERIC_HEADINGS,
    Role,
    is_day_label,
    kind_from_text,
    kind_of,
    normalise_label,
    role_of,
    split_label,
)
from bot.domain.timetext.clock import (
    ClockSpan,
    find_clock_spans,
    find_duration,
    leading_clock_span,
)
from bot.domain.timetext.dates import DateError, DateMention, find_dates
from bot.domain.timetext.quotes import pair_zones
from bot.domain.zones.local_time import elapsed, localize, midnight, same_instant, shift
from bot.domain.zones.naming import zone_name
from bot.domain.zones.resolve import UnknownZoneError, ZoneMention

_REFERENCE_DATE_FIELDS = ("event_date", "eventdate", "date", "publishdate", "publish_date")
_EVENT_START_FIELDS = ("event_date", "eventdate", "start_date", "startdate", "starts", "start")
_EVENT_END_FIELDS = ("date_end", "end_date", "enddate", "event_end", "ends", "end")
_ZONE_FIELDS = ("timezone", "time_zone", "tz", "timezone_name")
_VENUE_FIELDS = ("venue", "location", "place", "address")
_URL_FIELDS = ("url", "link", "event_url", "permalink")
_SESSION_LEAD = re.compile(r"^[\s:：\-–—|.)）\]*_]+")
_T = TypeVar("_T")
_PROSE_LIMIT = 100  # an unlabelled line longer than this is prose, unless it also gives a time


@dataclass(slots=True)
class _Draft:
    """A session as read, before its zone is known."""

    line: int
    title: str
    day: date | None
    start: time | None = None
    end: time | None = None
    duration: timedelta | None = None
    stated_duration: timedelta | None = None
    all_day: bool = False
    last_day: date | None = None
    speakers: list[Speaker] = field(default_factory=list)
    kind: SessionKind | None = None
    track: str | None = None
    location: str | None = None
    links: list[Link] = field(default_factory=list)
    description: str | None = None
    zone: ZoneMention | None = None
    zone_line: int = 0
    depth: int = 0
    twelve_hour: bool = False  # written without am/pm with hours 1-12


@dataclass(slots=True)
class _Event:
    """One event on the page: its own date line, zone, venue and sessions."""

    line: int
    first_day: date | None = None
    last_day: date | None = None
    start: time | None = None
    end: time | None = None
    stated_line: int = 0  # the event's date/time line, 0 until one is read
    zone: ZoneMention | None = None
    zone_line: int = 0
    venue: str | None = None
    sessions: list[_Draft] = field(default_factory=list)
    alternates: list[tuple[ClockSpan, ZoneMention]] = field(default_factory=list)
    heading: str | None = None  # the heading that introduces it, when the page has one


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
        self.reference = self._reference_date()
        self.explicit_zone = self._explicit_zone()
        self.events: list[_Event] = [_Event(line=front.body_line)]
        self.page_title: str | None = _text_field(self.fields, ("title", "name"))
        self.page_zone: tuple[ZoneMention, int] | None = None
        self.day: date | None = None
        self.title_candidate: tuple[str, int] | None = None
        self.heading_since_event: tuple[str, int] | None = None
        self.list_session: _Draft | None = None
        self.block_session: _Draft | None = None
        self.pending_speakers: list[Speaker] = []

    # ---- front matter -------------------------------------------------------------------

    def _reference_date(self) -> date | None:
        """The front matter's date, else the start of a year named in its title ("KubeDay 2025")."""
        for key in _REFERENCE_DATE_FIELDS:
            value = self.fields.get(key)
            parsed = _date_value(value)
            if parsed is not None:
                return parsed
        return _year_in(_text_field(self.fields, ("title", "name")))

    def _explicit_zone(self) -> tzinfo | None:
        for key in _ZONE_FIELDS:
            value = self.fields.get(key)
            if value is None:
                continue
            line = self.front.lines.get(key, 1)
            try:
                resolved = self.resolver.parse(str(value), self.reference)
            except UnknownZoneError as exc:
                self.diag.error(line, f"front matter {key}: {exc}")
                return None
            for note in resolved.notes:
                self.diag.warn(line, note)
            return resolved.tz
        return None

    # ---- walking ------------------------------------------------------------------------

    @property
    def event(self) -> _Event:
        return self.events[-1]

    def read(self) -> list[Schedule]:
        blocks = parse_blocks(self.front.body, self.front.body_line)
        for block in blocks:
            if isinstance(block, Table):
                self.list_session = None
                self._table(block)
            else:
                self._line(block)
        return self._finish()

    def _line(self, line: Line) -> None:
        text = line.inline.text
        if line.heading:
            self._heading(line)
            return
        if line.depth == 0:
            self.list_session = None
        elif self.list_session is not None and line.depth > self.list_session.depth:
            self._attach(self.list_session, line)
            return
        labeled = split_label(text)
        leading = leading_clock_span(text)
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
            resolved = self._resolve_date(dates[0], line.number)
            if resolved is None:
                return
            first, last = resolved
            rest = normalise_label(text.replace(dates[0].text, " "))
            only_date = not rest or is_day_label(text)
            if not only_date and (self.event.sessions or self.event.stated_line):
                self._new_event(line.number, text)
            if not self.event.stated_line and not self.event.sessions:
                self.event.first_day, self.event.last_day = first, last
                if not only_date and self.event.heading is None:
                    self.event.heading = text
                self._event_times(line.number, text)
            self.day = first
            return
        if normalise_label(text) in GENERIC_HEADINGS:
            return
        if line.heading == 1 and self.page_title is None:
            self.page_title = text
            self.reference = self.reference or _year_in(text)
            return
        self.title_candidate = (text, line.number)
        self.heading_since_event = (text, line.number)

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
        if role is Role.SPEAKER:
            speakers = parse_speakers(value)
            if session is not None:
                session.speakers.extend(speakers)
            else:
                self.pending_speakers.extend(speakers)
        elif role is Role.ZONE:
            mentions = self.resolver.find(value)
            if mentions:
                self.event.zone, self.event.zone_line = mentions[0], line.number
                self._note_page_zone(mentions[0], line.number)
            else:
                self.diag.warn(line.number, f"time zone {value!r} not recognised; ignored")
        elif role is Role.TITLE:
            self.title_candidate = (value, line.number)
            self.block_session = None
        elif role is Role.VENUE or (role is Role.LOCATION and session is None):
            self.event.venue = self.event.venue or value
        elif role is Role.LOCATION and session is not None:
            session.location = value
        elif role is Role.TRACK and session is not None:
            session.track = value
        elif role is Role.LINKS and session is not None:
            session.links.extend(_links_of(line.inline, label))
        elif role is Role.DESCRIPTION and session is not None:
            session.description = value

    def _date_line(self, line: Line, text: str, dates: list[DateMention], labeled: bool) -> None:
        spans = find_clock_spans(text)
        if not labeled and not spans and len(text) > _PROSE_LIMIT:
            return
        resolved = self._resolve_date(dates[0], line.number)
        if resolved is None:
            return
        first, last = resolved
        event = self.event
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
            self._event_times(line.number, text)
        self.day = first
        self.title_candidate = None

    def _event_times(self, number: int, text: str) -> None:
        """The event's own times and zone from its date line ("13:30-17:30 (CST), July 10")."""
        event = self.event
        spans = find_clock_spans(text)
        mentions = self.resolver.find(text)
        paired = pair_zones(text, spans, mentions)
        if spans:
            event.start, event.end = spans[0].start, spans[0].end
            if spans[0].end is None and spans[0].duration is not None:
                event.end = _add(spans[0].start, spans[0].duration)
            event.stated_line = event.stated_line or number
            event.alternates = [(s, m) for s, m in paired[1:] if m is not None]
        zone = paired[0][1] if paired and paired[0][1] is not None else None
        zone = zone or (mentions[0] if mentions else None)
        if zone is not None:
            event.zone, event.zone_line = zone, number
            self._note_page_zone(zone, number)

    def _time_only_line(self, line: Line, text: str, spans: list[ClockSpan]) -> None:
        """ "**时间：** 13:30-14:30" under a talk's title, or the event's hours on their own line."""
        mentions = self.resolver.find(text)
        zone = mentions[0] if mentions else None
        if self.title_candidate is not None:
            title, title_line = self.title_candidate
            self.title_candidate = None
            draft = _Draft(title_line, title, self.day, spans[0].start, spans[0].end)
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
        rest = text[span.finish :]
        mentions = self.resolver.find(rest[:40])
        zone = None
        if mentions and not _SESSION_LEAD.sub("", rest[: mentions[0].start]).strip():
            zone = mentions[0]
            rest = rest[mentions[0].end :]
        rest = _SESSION_LEAD.sub("", rest).strip(" *_")
        title, speakers = split_title_and_speakers(rest)
        if not title:
            self.diag.warn(
                line.number,
                f"time {text[span.begin : span.finish]!r} has no session title; skipped",
            )
            return
        draft = _Draft(line.number, title, self.day, span.start, span.end, depth=line.depth)
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

    def _attach(self, session: _Draft, line: Line) -> None:
        """A nested bullet or a following line under a session: speakers, slides, abstract."""
        inline = line.inline
        labeled = split_label(inline.text)
        if labeled is not None:
            role, label, value = labeled
            if role is Role.SPEAKER:
                session.speakers.extend(parse_speakers(value))
            elif role in (Role.LINKS,):
                session.links.extend(_links_of(inline, label))
            elif role is Role.DESCRIPTION:
                session.description = value
            elif role in (Role.LOCATION, Role.VENUE):
                session.location = value
            elif role is Role.TRACK:
                session.track = value
            elif inline.links:
                session.links.extend(_links_of(inline, label))
            return
        if inline.links:
            session.links.extend(_links_of(inline, ""))
            return
        if line.depth and len(inline.text) <= 80:
            session.speakers.extend(parse_speakers(inline.text))
        elif session.description is None:
            session.description = inline.text

    # ---- tables -------------------------------------------------------------------------

    def _table(self, table: Table) -> None:
        headers = [cell.text for cell in table.header]
        roles = [role_of(h) for h in headers]
        for header, role in zip(headers, roles, strict=True):
            for mention in self._header_zones(header, role):
                self._note_page_zone(mention, table.number)
                if self.event.zone is None:
                    self.event.zone, self.event.zone_line = mention, table.number
        time_col = _first(roles, Role.TIME)
        if time_col is None:
            time_col = _time_column_by_content(table)
            if time_col is None:
                return
            roles[time_col] = Role.TIME
        title_col = _first(roles, Role.TITLE)
        unclassified = [i for i, r in enumerate(roles) if r is None and i != time_col]
        # "Time | Main Hall | Room 101": with no title column, room-like columns are tracks.
        roomlike = [
            i
            for i, r in enumerate(roles)
            if r in (None, Role.LOCATION, Role.TRACK) and i != time_col
        ]
        if (
            title_col is None
            and len(unclassified) == 2
            and _looks_like_people(table, unclassified[1])
        ):
            # "| Zeit | Vortrag | Sprecher |" in a language we lack words for: titles, then names.
            title_col = unclassified[0]
            roles[unclassified[1]] = Role.SPEAKER
            roomlike = [i for i in roomlike if i not in unclassified]
        tracks = roomlike if title_col is None and len(roomlike) >= 2 else []
        if title_col is None and not tracks and unclassified:
            title_col = unclassified[0]
        self.block_session = None
        previous_end: time | None = None
        previous_day = self.day
        for number, cells in table.rows:
            row = _Row(number, cells, roles, time_col, title_col, tracks, headers)
            if self.day != previous_day:
                previous_end, previous_day = None, self.day
            previous_end = self._table_row(row, previous_end)

    def _header_zones(self, header: str, role: Role | None) -> list[ZoneMention]:
        """Zones a column header names: "Time (CST)", and "Time (London)" for a time column."""
        found = self.resolver.find(header)
        if found or role is not Role.TIME:
            return found
        inside = re.search(r"[(（]([^()（）]{2,40})[)）]", header)
        if inside is None:
            return []
        place = inside.group(1).strip()
        mentions = self.resolver.find(f"{place} time")
        return [m for m in mentions if m.start == 0]

    def _table_row(self, row: _Row, previous_end: time | None) -> time | None:
        time_text = row.text(row.time_col)
        spans = find_clock_spans(time_text)
        row_dates = find_dates(time_text)
        date_col = _first(row.roles, Role.DATE)
        if date_col is not None:
            row_dates = row_dates or find_dates(row.text(date_col))
        if not spans:
            filled = [c.text for c in row.cells if c.text]
            if not filled:
                return previous_end
            any_dates = row_dates or [d for c in row.cells for d in find_dates(c.text)]
            if any_dates and (len(filled) == 1 or all(c.bold for c in row.cells if c.text)):
                resolved = self._resolve_date(any_dates[0], row.number)
                if resolved is not None:
                    self.day = resolved[0]
                return None
            duration = find_duration(time_text)
            if duration is not None and previous_end is not None:
                spans = [ClockSpan(previous_end, _add(previous_end, duration), None, 0, 0)]
            elif duration is not None:
                self.diag.warn(
                    row.number, f"row starts after an unknown end ({time_text!r}); skipped"
                )
                return None
            else:
                self.diag.warn(row.number, f"row has no time ({time_text or 'empty'!r}); skipped")
                return previous_end
        day = self.day
        if row_dates:
            resolved = self._resolve_date(row_dates[0], row.number)
            if resolved is not None:
                day = resolved[0]
                self.day = day
        span = spans[0]
        mentions = self.resolver.find(time_text)
        duration_col = _first(row.roles, Role.DURATION)
        duration = find_duration(row.text(duration_col)) if duration_col is not None else None
        end = span.end
        if end is None and (duration or span.duration):
            end = _add(span.start, duration or span.duration or timedelta())
        drafts = self._row_sessions(row, day, span.start, end)
        for draft in drafts:
            draft.stated_duration = span.duration if span.end is not None else None
            draft.twelve_hour = span.twelve_hour
            if mentions:
                draft.zone, draft.zone_line = mentions[0], row.number
        self.event.sessions.extend(drafts)
        return end

    def _row_sessions(
        self, row: _Row, day: date | None, start: time, end: time | None
    ) -> list[_Draft]:
        common_links = [
            link
            for i, c in enumerate(row.cells)
            if row.roles[i] is Role.LINKS
            for link in _links_of(c, row.headers[i])
        ]
        location = row.first_text(Role.LOCATION)
        track = row.first_text(Role.TRACK)
        kind_text = row.first_text(Role.KIND)
        description = row.first_text(Role.DESCRIPTION)
        speakers = _row_speakers(row)
        if row.tracks:
            filled = [
                (i, row.cells[i]) for i in row.tracks if i < len(row.cells) and row.cells[i].text
            ]
            if not filled:
                return []
            texts = {c.text for _, c in filled}
            plenary = len(texts) == 1 and (
                len(filled) == len(row.tracks) or filled[0][0] == row.tracks[0]
            )
            chosen = filled[:1] if plenary else filled
            drafts = []
            for index, cell in chosen:
                title, cell_speakers = split_title_and_speakers(cell.text)
                draft = _Draft(row.number, title, day, start, end)
                draft.track = None if plenary else row.headers[index] or None
                draft.speakers = cell_speakers + speakers
                draft.links = [*cell.links, *common_links]
                draft.location = location
                drafts.append(draft)
            return drafts
        title_cell = row.cell(row.title_col)
        title_text = title_cell.text if title_cell else ""
        title, inline_speakers = split_title_and_speakers(title_text)
        if not title:
            if speakers:
                title = ", ".join(s.name for s in speakers)
            else:
                if any(c.text for i, c in enumerate(row.cells) if i != row.time_col):
                    self.diag.warn(row.number, "row has no session title; skipped")
                return []
        draft = _Draft(row.number, title, day, start, end)
        draft.speakers = inline_speakers + speakers
        draft.links = [*(title_cell.links if title_cell else []), *common_links]
        draft.location = location
        draft.track = track
        draft.description = description
        draft.kind = kind_from_text(kind_text) if kind_text else None
        return [draft]

    # ---- helpers ------------------------------------------------------------------------

    def _resolve_date(self, mention: DateMention, number: int) -> tuple[date, date] | None:
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
        if heading is None and self.heading_since_event is not None:
            heading = self.heading_since_event[0]
        self.events.append(_Event(line=number, heading=heading))
        self.heading_since_event = None
        self.title_candidate = None
        self.block_session = None

    def _note_page_zone(self, mention: ZoneMention, number: int) -> None:
        if self.page_zone is None:
            self.page_zone = (mention, number)

    # ---- building schedules -------------------------------------------------------------

    def _finish(self) -> list[Schedule]:
        self._front_matter_event()
        events = [e for e in self.events if e.sessions or e.first_day or e.start]
        if not events:
            self.diag.error(0, "no agenda found: the page gives no event date and no session times")
            return []
        keys = [
            self.stem
            if len(events) == 1
            else f"{self.stem}-{text_key(e.heading or str(i + 1), 'e')}"
            for i, e in enumerate(events)
        ]
        schedules = []
        for event, key in zip(events, unique_ids(keys), strict=True):
            schedule = self._schedule(event, key, several=len(events) > 1)
            if schedule is not None:
                schedules.append(schedule)
        return schedules

    def _front_matter_event(self) -> None:
        """`date` + `date_end` (or similar) in front matter, when the body gives no times."""
        if any(e.sessions or e.first_day for e in self.events):
            return
        start_value = next((self.fields[k] for k in _EVENT_START_FIELDS if k in self.fields), None)
        end_value = next((self.fields[k] for k in _EVENT_END_FIELDS if k in self.fields), None)
        if end_value is None and start_value is None:
            return
        start_value = start_value if start_value is not None else self.fields.get("date")
        line = next(
            (self.front.lines[k] for k in (*_EVENT_START_FIELDS, "date") if k in self.front.lines),
            1,
        )
        start = _datetime_value(start_value)
        end = _datetime_value(end_value) if end_value is not None else None
        if start is None:
            self.diag.error(line, f"front matter date {start_value!r} is not a date")
            return
        event = self.events[0]
        if isinstance(start, datetime):
            event.first_day, event.start = start.date(), start.time()
            if start.tzinfo is not None and event.zone is None and self.explicit_zone is None:
                self.explicit_zone = start.tzinfo
        else:
            event.first_day = start
        event.last_day = event.first_day
        if isinstance(end, datetime):
            event.last_day, event.end = end.date(), end.time()
        elif isinstance(end, date):
            event.last_day = end
        event.stated_line = line

    def _zone_for(self, event: _Event) -> tzinfo:
        day = event.first_day or next((s.day for s in event.sessions if s.day), None)
        mention = (event.zone, event.zone_line) if event.zone else self.page_zone
        if mention is None:
            # Only rows name a zone ("| 15:00 UTC | ..."): that is the agenda's zone too.
            mention = next(((s.zone, s.zone_line) for s in event.sessions if s.zone), None)
        if self.explicit_zone is not None:
            if mention is not None:
                stated = self.resolver.decide(mention[0], day).tz
                if day is not None and _offset_on(stated, day) != _offset_on(
                    self.explicit_zone, day
                ):
                    self.diag.warn(
                        mention[1],
                        f"{mention[0].text!r} differs from the front matter time zone "
                        f"{zone_name(self.explicit_zone)}, which wins",
                    )
            return self.explicit_zone
        if mention is not None:
            resolved = self.resolver.decide(mention[0], day)
            for note in resolved.notes:
                self.diag.warn(mention[1], note)
            return resolved.tz
        default = self.resolver.default_zone
        self.diag.warn(
            event.stated_line or event.line,
            f"no time zone stated; assumed {zone_name(default)} (the configured default)",
        )
        return default

    def _schedule(self, event: _Event, key: str, *, several: bool) -> Schedule | None:
        tz = self._zone_for(event)
        # One event: the page's title. Several: each its own heading, or the page's and its date.
        if several:
            title = event.heading or self.page_title or self.stem
            if event.heading is None and event.first_day:
                title = f"{title} ({event.first_day.isoformat()})"
        else:
            title = self.page_title or event.heading or self.stem
        drafts = event.sessions or self._event_as_session(event, title)
        sessions = self._sessions(event, drafts, tz)
        self._check_alternates(event, tz)
        if not sessions:
            self.diag.error(event.line, f"event {title!r} has no session that could be read")
            return None
        return Schedule(
            id=slugify(key) or key,
            title=title,
            timezone=tz,
            sessions=tuple(sessions),
            source=SourceRef(self.diag.file, event.stated_line or event.line),
            description=_text_field(self.fields, ("description", "summary")),
            url=_text_field(self.fields, _URL_FIELDS),
            venue=event.venue or _text_field(self.fields, _VENUE_FIELDS),
        )

    def _event_as_session(self, event: _Event, title: str) -> list[_Draft]:
        if event.first_day is None:
            return []
        draft = _Draft(
            event.stated_line or event.line, title, event.first_day, event.start, event.end
        )
        draft.kind = SessionKind.EVENT
        if event.start is None:
            draft.all_day = True
            draft.last_day = event.last_day
        elif event.last_day and event.last_day != event.first_day and event.end is not None:
            draft.last_day = event.last_day
        return [draft]

    def _sessions(self, event: _Event, drafts: list[_Draft], tz: tzinfo) -> list[Session]:
        built: list[tuple[_Draft, datetime, datetime | None, tzinfo]] = []
        fallback = self._front_matter_day(event, drafts)
        for draft in drafts:
            day = draft.day or event.first_day or fallback
            if day is None:
                self.diag.error(
                    draft.line,
                    f"session {draft.title!r} has no date (no event date or day heading before it)",
                )
                continue
            zone = tz
            if draft.zone is not None:
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
            start = self._instant(day, draft.start, zone, draft.line)
            end: datetime | None = None
            if draft.end is not None:
                end_day: date | None = draft.last_day or day
                if draft.end <= draft.start and draft.last_day is None:
                    if _crosses_midnight(draft.start, draft.end):
                        end_day = day + timedelta(days=1)
                    else:
                        self.diag.error(
                            draft.line,
                            f"end {draft.end:%H:%M} is before start {draft.start:%H:%M}; end ignored",
                        )
                        end_day = None
                if end_day is not None:
                    end = self._instant(end_day, draft.end, zone, draft.line)
                if (
                    draft.stated_duration is not None
                    and end is not None
                    and elapsed(end, start) != draft.stated_duration
                ):
                    self.diag.warn(
                        draft.line,
                        f"stated duration {_minutes(draft.stated_duration)} does not match "
                        f"{draft.start:%H:%M}-{draft.end:%H:%M}; using the times",
                    )
            elif draft.duration is not None:
                end = shift(start, draft.duration)
            built.append((draft, start, end, zone))
        filled = self._fill_ends(built, event, tz)
        ids = unique_ids(text_key(d.title) for d, *_ in filled)
        sessions = [
            Session(
                id=session_id,
                title=draft.title,
                start=start,
                end=end,
                all_day=draft.all_day,
                speakers=tuple(_dedupe(draft.speakers)),
                kind=draft.kind or (SessionKind.EVENT if draft.all_day else kind_of(draft.title)),
                track=draft.track,
                location=draft.location,
                links=tuple(_dedupe(draft.links)),
                description=draft.description,
                line=draft.line,
            )
            for session_id, (draft, start, end, _zone) in zip(ids, filled, strict=True)
        ]
        return sorted(sessions, key=lambda s: (s.start.astimezone(UTC), s.line))

    def _afternoon(self, event: _Event, draft: _Draft) -> None:
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

    def _front_matter_day(self, event: _Event, drafts: list[_Draft]) -> date | None:
        """The front matter's date for an agenda whose body never says which day it is."""
        if event.first_day is not None or self.reference is None:
            return None
        undated = [d for d in drafts if d.day is None]
        if not undated:
            return None
        self.diag.warn(
            undated[0].line,
            f"the page gives no date for its agenda; assumed the front matter date "
            f"{self.reference.isoformat()}",
        )
        return self.reference

    def _fill_ends(
        self,
        built: list[tuple[_Draft, datetime, datetime | None, tzinfo]],
        event: _Event,
        tz: tzinfo,
    ) -> list[tuple[_Draft, datetime, datetime | None, tzinfo]]:
        """Rows with a start only end when the next one (same day and track) starts; the last of a
        day ends when the event does, if the page says."""
        order = sorted(
            range(len(built)), key=lambda i: (built[i][1].astimezone(UTC), built[i][0].line)
        )
        result = list(built)
        for position, index in enumerate(order):
            draft, start, end, zone = built[index]
            if end is not None or draft.all_day:
                continue
            for later in order[position + 1 :]:
                other, other_start, _, _ = built[later]
                if elapsed(other_start, start) <= timedelta(0) or other.all_day:
                    continue
                if other_start.astimezone(zone).date() != start.astimezone(zone).date():
                    break
                if draft.track and other.track and draft.track != other.track:
                    continue
                end = other_start
                break
            if end is None and event.end is not None and event.first_day is not None:
                event_end_day = event.last_day or event.first_day
                if start.astimezone(tz).date() == event_end_day:
                    candidate = self._instant(event_end_day, event.end, tz, draft.line)
                    if candidate > start:
                        end = candidate
            result[index] = (draft, start, end, zone)
        return result

    def _instant(self, day: date, clock: time, tz: tzinfo, number: int) -> datetime:
        localized = localize(datetime.combine(day, clock), tz)
        if localized.note:
            self.diag.warn(number, localized.note)
        return localized.moment

    def _check_alternates(self, event: _Event, tz: tzinfo) -> None:
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


@dataclass(slots=True)
class _Row:
    number: int
    cells: list[Inline]
    roles: list[Role | None]
    time_col: int
    title_col: int | None
    tracks: list[int]
    headers: list[str]

    def cell(self, index: int | None) -> Inline | None:
        if index is None or index >= len(self.cells):
            return None
        return self.cells[index]

    def text(self, index: int | None) -> str:
        cell = self.cell(index)
        return cell.text if cell else ""

    def first_text(self, role: Role) -> str | None:
        index = _first(self.roles, role)
        return self.text(index) or None


def _row_speakers(row: _Row) -> list[Speaker]:
    speaker_col = _first(row.roles, Role.SPEAKER)
    if speaker_col is None:
        return []
    speakers = parse_speakers(row.text(speaker_col))
    company_col = _first(row.roles, Role.AFFILIATION)
    if company_col is None:
        return speakers
    companies = [
        c.strip() for c in re.split(r"\n|;|、|,|，|&|/", row.text(company_col)) if c.strip()
    ]
    if len(companies) == len(speakers):
        return [
            Speaker(s.name, s.affiliation or c) for s, c in zip(speakers, companies, strict=True)
        ]
    if len(companies) == 1:
        return [Speaker(s.name, s.affiliation or companies[0]) for s in speakers]
    return speakers


def _looks_like_people(table: Table, index: int) -> bool:
    """Whether a column holds names ("Max Müller", "张三（某公司）") rather than session titles."""
    cells = [
        cells[index].text for _, cells in table.rows if index < len(cells) and cells[index].text
    ]
    if not cells:
        return False
    named = 0
    for text in cells:
        people = parse_speakers(text)
        if people and all(
            len(p.name.split()) <= 4
            and not any(ch.isdigit() for ch in p.name)
            and ":" not in p.name
            for p in people
        ):
            named += 1
    return named * 10 >= len(cells) * 8


def _time_column_by_content(table: Table) -> int | None:
    """A column whose cells mostly start with a time, for tables without a "Time" header."""
    width = len(table.header)
    for index in range(width):
        cells = [
            cells[index].text for _, cells in table.rows if index < len(cells) and cells[index].text
        ]
        if not cells:
            continue
        timed = sum(1 for c in cells if leading_clock_span(c) is not None)
        if timed * 2 >= len(cells) and timed >= 1:
            return index
    return None


def _year_in(text: str | None) -> date | None:
    """January 1st of a year named in a title, as the reference for dates written without one."""
    match = re.search(r"(?<!\d)(19[7-9]\d|20\d\d)(?!\d)", text or "")
    return date(int(match.group(1)), 1, 1) if match else None


def _crosses_midnight(start: time, end: time) -> bool:
    """23:00-01:00 is a night session; 14:30-14:00 is a typo."""
    return start.hour >= 18 and end.hour < 8


def _add(clock: time, amount: timedelta) -> time:
    return (datetime.combine(date(2000, 1, 1), clock) + amount).time()


def _minutes(amount: timedelta) -> str:
    return f"{int(amount.total_seconds() // 60)}m"


def _offset_on(tz: tzinfo, day: date) -> timedelta | None:
    return datetime.combine(day, time(12), tz).utcoffset()


def _first(roles: list[Role | None], role: Role) -> int | None:
    return next((i for i, r in enumerate(roles) if r is role), None)


def _links_of(inline: Inline, label: str) -> list[Link]:
    links = [Link(link.url, link.label or label) for link in inline.links]
    if not links:
        for url in re.findall(r"https?://[^\s)）>\]]+", inline.text):
            links.append(Link(url, label))
    return links


def _dedupe(items: list[_T]) -> list[_T]:
    seen: list[_T] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


def _text_field(fields: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = fields.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _date_value(value: object) -> date | None:
    parsed = _datetime_value(value)
    if isinstance(parsed, datetime):
        return parsed.date()
    return parsed


def _datetime_value(value: object) -> date | datetime | None:
    """A front-matter date: "2021-07-10", "2021-07-10T13:30:00+08:00", or a TOML date/datetime."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        if len(text) <= 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text.replace(" ", "T", 1) if "T" not in text else text)
    except ValueError:
        return None
