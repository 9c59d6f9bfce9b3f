"""The walk: a Markdown page, block by block, into events and session drafts.

The walk keeps the context a reader keeps in their head: the event being described, the current
day, the last heading or bold title, and the session a nested bullet belongs to. Lines that are
sessions are read in session_lines.py, lines that date the event in event_lines.py, tables in
tables.py (a table of dates under hours stated once in listed_dates.py); what a date stands for
and the year it takes in page_dates.py; prose that only looks like an agenda line in
prose_lines.py; what the page says about zones is collected in zone_context.py, and the drafts
become schedules of instants in assembly.py. A new line shape is one branch in `_line` or one
label in vocabulary.py; a new column shape belongs in tables.py.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from bot.domain.agenda import Schedule, Speaker
from bot.domain.diagnostics import Diagnostics
from bot.domain.patterns import compiled
from bot.domain.readers.context import ReadOptions
from bot.domain.readers.markdown.assembly import Assembler
from bot.domain.readers.markdown.blocks import Line, Table, joined_ranges, parse_blocks
from bot.domain.readers.markdown.capacity import CapacityLines
from bot.domain.readers.markdown.drafts import (
    DAYS_OF_ONE_EVENT,
    Draft,
    EventDraft,
    add_clock,
    links_of,
    text_field,
    year_in,
)
from bot.domain.readers.markdown.event_lines import (
    EventLines,
    about_a_past_event,
    across_days,
    heads_past_events,
    of_a_past_event,
)
from bot.domain.readers.markdown.front_fields import FrontFields
from bot.domain.readers.markdown.front_matter import FrontMatter
from bot.domain.readers.markdown.kinds import GENERIC_HEADINGS, is_day_label
from bot.domain.readers.markdown.listed_dates import read_listed_items
from bot.domain.readers.markdown.page_dates import PageDates
from bot.domain.readers.markdown.page_facts import PageFacts
from bot.domain.readers.markdown.prose_lines import (
    CLOCK_CHANGE,
    REVISION_NOTE,
    UPDATE_NOTE,
    after_time_words,
    inside_a_sentence,
    room_label,
)
from bot.domain.readers.markdown.recurring import RecurringLines
from bot.domain.readers.markdown.session_lines import (
    SessionLines,
    bad_time_at_start,
    is_room,
)
from bot.domain.readers.markdown.speakers import (
    parse_speakers,
)
from bot.domain.readers.markdown.tables import TableReader
from bot.domain.readers.markdown.vocabulary import VENUE_PIN, Role, normalise_label, split_label
from bot.domain.readers.markdown.zone_context import ZoneContext
from bot.domain.timetext.clock import (
    ClockSpan,
    find_clock_spans,
    leading_clock_span,
)
from bot.domain.timetext.dates import DateMention, find_dates
from bot.domain.timetext.durations import cell_duration, find_prose_duration
from bot.domain.timetext.languages import ALL_WEEKDAYS, alternation
from bot.domain.timetext.quotes import pair_zones
from bot.domain.zones.places import find_places
from bot.domain.zones.resolve import ZoneMention

_WEEKDAY_WORDS = frozenset(w.casefold() for w in ALL_WEEKDAYS)
_TALK_TITLE_LABELS = frozenset(
    ("title", "talk", "talk title", "titel", "titre", "título", "题目", "題目", "topic")
)
# An e-mail's subject names its one meeting, unless a title or topic line says more.
_SUBJECT_LABELS = frozenset(("subject", "asunto", "assunto", "betreff", "objet", "oggetto"))
_FORWARDED = compiled(r"(?i)^(?:(?:fwd?|re|aw|wg|tr|rv|enc)\s*:\s*)+")


_DIGIT = compiled(r"\d")
_GOES_ON = ("·", "/", "|", ",", "—", "–")  # a line ending so goes on in the next
# "**SUNDAY 3/9**", "**Samstag:**": a weekday alone (its date, if any, without a year)
_WEEKDAY_LABEL = compiled(
    rf"[\W_]*(?i:{alternation(w for w in ALL_WEEKDAYS if len(w) > 2)})[\s,.:]*"
    r"(?:\d{1,2}/\d{1,2}[\s.:]*)?"
)
# What a day of a several-day event is called beside its date: "— Workshops", "— Conference".
_DAY_SECTION = compiled(
    r"(?i)(?:(?:main |pre-?|post-?|community |hands-on )?(?:workshops?|tutorials?|trainings?|"
    r"conference|talks|sessions|sprints?|hackathon|keynotes?|expo|summit|unconference|"
    r"programm?e?|schedule|agenda|party|social|networking|day|evening|main day|"
    r"konferenz|vorträge|tagung|conférence|conférences|ateliers?|talleres?|conferencias?|"
    r"charlas|palestras|oficinas|ワークショップ|カンファレンス|工作坊|大会|主会场)"
    r"(?:\s*(?:&|and|und|et|y|e)\s*\w+)?(?:\s+(?:day|tag|jour))?|(?:day|tag|jour|día|dia)\s*\d)?"
    r"(?:\s*[(（][^()（）]{1,40}[)）])?"  # "Workshop day (ICE, level 2)"
)
_TALK_NUMBER = compiled(
    r"[\W_]*(?:(?:议题|議題|分享|话题|話題|演讲|演講)[一二三四五六七八九十\d]+|"
    r"(?i:talk|session|vortrag|charla|palestra|sesión|sessão)\s*#?\d{1,2})[\W_]*"
)
_HEADING_MARKS = compiled(r"^[\W_]+|[\W_]+$")  # "🎤 Auditório 1", "Sala 2 —"
_BRACKETED = compiled(r"[(（][^()（）]{1,30}[)）]")
# The last part of a heading after a dash: "Trilha 1 · Cloud — Auditório"
_AFTER_LAST_DASH = compiled(r"\s[—–-]\s+([^—–]{2,40})$")
# Marks that open a footnote in Chinese, Japanese and Korean pages.
_FOOTNOTE_MARKS = ("※", "注：", "注:", "備考：", "備考:", "참고:")


def _timeless(table: Table) -> bool:
    """Whether no cell of a table gives a clock time (a table of dates and notes)."""
    return not any(find_clock_spans(cell.text) for _, cells in table.rows for cell in cells)


class PageReader:
    """Reads one page. Create one per file; call `read` once."""

    def __init__(
        self,
        front: FrontMatter,
        diagnostics: Diagnostics,
        options: ReadOptions,
        stem: str,
        blocks: list[Line | Table] | None = None,  # made already (an HTML page's), not parsed
    ) -> None:
        self.front = front
        self.given_blocks = blocks
        self.diag = diagnostics
        self.resolver = options.resolver
        self.today = options.today
        self.stem = stem
        self.fields = front.fields
        self.front_fields = FrontFields(front, diagnostics, self.resolver)
        self.reference = self.front_fields.reference
        self.events: list[EventDraft] = [EventDraft(line=front.body_line)]
        self.page_title: str | None = text_field(self.fields, ("title", "name"))
        self.last_heading = ""  # the text of the last heading read
        self.day: date | None = None
        self.title_candidate: tuple[str, int] | None = None
        self.heading_since_event: tuple[str, int] | None = None
        self.heading_title: tuple[str, int] | None = None  # a heading a time line below titles
        self.list_session: Draft | None = None
        self.block_session: Draft | None = None
        self.pending_speakers: list[Speaker] = []
        self.prose_dates: list[tuple[DateMention, int, int]] = []  # (date, line, event index)
        self.date_errors: list[int] = []  # lines whose date could not be a date
        self.list_room: tuple[str, int] | None = None  # a list item naming a room, its depth
        self.heading_room: str | None = None  # "### Sala 2" over a room's table or list
        self.heading_lines: list[int] = []  # where each section of the page starts
        self.past_section = 0  # the level of a heading over events already held, while under it
        self.texts: list[tuple[int, str]] = []  # every line's text, for what prose says
        self._blocks: list[Line | Table] = []  # the page's blocks, and the one being read
        self._at = 0
        self.hours_lines: set[int] = set()  # lines that state the hours of a list of dates
        self.subject: str | None = None  # an e-mail's subject line, "FW:" and all taken off
        self.dates = PageDates(self)
        self.zones = ZoneContext(self)
        self.tables = TableReader(self)
        self.sessions = SessionLines(self)
        self.event_lines = EventLines(self)
        self.facts = PageFacts(self)
        self.recurring = RecurringLines(self)
        self.capacity = CapacityLines(self, front.body if blocks is None else None)

    # ---- walking ------------------------------------------------------------------------

    @property
    def event(self) -> EventDraft:
        return self.events[-1]

    def read(self) -> list[Schedule]:
        blocks = self.given_blocks
        if blocks is None:
            blocks = parse_blocks(self.front.body, self.front.body_line)
        self._blocks = joined_ranges(blocks)
        for index, block in enumerate(self._blocks):
            self._at = index
            if self._in_past_section(block) and isinstance(block, Table) and _timeless(block):
                continue  # "## Past calls" over a table of their dates: history, not agenda
            if isinstance(block, Table):
                self.list_session = None
                self.sessions.pending = None  # a time line's title is on its next line, not a table
                self.tables.read(block)
            else:
                self.read_line(block)
        return self._finish()

    def _in_past_section(self, block: Line | Table) -> bool:
        """Whether a block stands under a heading that names events already held ("## Past
        calls", "### Previous meetups"), up to the next heading of its level or above. (Their
        agendas, when given with their hours, are still read: the page keeps them.)"""
        if isinstance(block, Line) and block.heading:
            if self.past_section and block.heading <= self.past_section:
                self.past_section = 0
            if not self.past_section and heads_past_events(block.inline.text):
                self.past_section = block.heading
            return False
        return bool(self.past_section)

    def lines_ahead(self, count: int) -> list[Line]:
        """The next lines of the page after the block being read, up to `count` of them and not
        past a heading or a table (what a table's note below it may say)."""
        ahead = []
        for block in self._blocks[self._at + 1 : self._at + 1 + count]:
            if isinstance(block, Table) or block.heading:
                break
            ahead.append(block)
        return ahead

    def read_line(self, line: Line) -> None:
        """One line of the page: what it is, then what it says about zones and seats."""
        seats = self.capacity.seats_in(line.inline.text)
        owner = None if seats is None else self._session_of(line)
        if line.number not in self.hours_lines and not self.recurring.take(line):
            self._line(line)
        self.texts.append((line.number, line.inline.text))
        self.zones.scan_prose(line.inline.text, line.number, heading=bool(line.heading))
        if seats is not None:
            sessions = self.event.sessions
            if owner is None and sessions and sessions[-1].line == line.number:
                owner = sessions[-1]  # "- 14:00 Workshop (limited to 20 seats)"
            self.capacity.add(seats, line.number, owner)

    def _time_right_above(self, line: Line) -> bool:
        """Whether the line right above a heading was a time alone, waiting for its title."""
        pending = self.sessions.pending
        if pending is None or pending.heading or not self.texts:
            return False
        number, above = self.texts[-1]
        return (
            number == pending.line == line.number - 1
            and leading_clock_span(above) is not None
            and not find_dates(above)
            and leading_clock_span(line.inline.text) is None
            and not find_dates(line.inline.text)
        )

    def _session_of(self, line: Line) -> Draft | None:
        """The session a line under it belongs to, as `_line` attaches it."""
        if line.heading:
            return None
        if self.list_session is not None and line.depth > self.list_session.depth:
            return self.list_session
        if line.depth == 0 and self.block_session is not None and not line.inline.bold:
            return self.block_session
        return None

    def _line(self, line: Line) -> None:
        text = line.inline.text
        if about_a_past_event(text):
            return  # "Previous event: 12 November": not an event of this page
        if self.sessions.conversion(text, continued=line.wrapped[0].rstrip().endswith(_GOES_ON)):
            # "13:00 UTC is 06:00 PDT · 09:00 EDT · 15:00 CEST": one time, many zones (the
            # event's time, when no line gave it before)
            if self.event.start is None and self.event.first_day is not None:
                self._event_times(line.number, text)
            return
        if text.startswith(_FOOTNOTE_MARKS):
            return  # "※ 19時30分以降の入場は裏口から": a note on the agenda, not a session
        if line.heading:
            if self._time_right_above(line) and self.sessions.pending_title(line):
                return  # "**9:30 a. m. - 10:00 a. m.**" right over "### Registro y café"
            self.sessions.pending = None
            self._heading(line)
            return
        if (
            self.sessions.pending is not None
            and leading_clock_span(text) is None
            and self.sessions.pending_title(line)
        ):
            return
        if self.sessions.parallel_list_item(line):
            return  # "- *Lab 2:* Hands-on: M-Pesa Daraja API" under "13:30 – 14:30 — Breakouts"
        if self.list_room is not None and line.depth <= self.list_room[1]:
            self.list_room = None
        named = text.strip(" *_:") if line.depth else room_label(text)
        if named and is_room(named) and leading_clock_span(text) is None:
            # "- **Salle Lovelace**" over talks; "Room 16B (small room, 40 seats):" over a list
            self.list_room = (named, line.depth)
        if line.depth == 0:
            self.list_session = None
        elif self.list_session is not None and line.depth > self.list_session.depth:
            self.sessions.attach(self.list_session, line)
            return
        elif (
            self.list_session is None
            and self.block_session is not None
            and line.depth == 1
            and not _DIGIT.search(text[:12])
        ):
            # "- 발표자: 김민수 님 (토스)" under "**오후 7:10 ~ 7:50 | …**" or "### 14:00 Keynote"
            self.sessions.attach(self.block_session, line)
            return
        elif self.list_session is not None and not _DIGIT.search(text[:12]):
            # "- **Salle Lovelace**" after "- **Accueil café** : 8h45 – 9h30": a sibling item
            # closes the session above; the items under it are not that session's
            self.list_session = None
        bad = bad_time_at_start(text)
        if bad is not None:
            self.diag.error(
                line.number, f"{bad.text!r} is not a time ({bad.reason}); line not imported"
            )
            return
        if self.sessions.wrapped_line(line):
            return  # "*Priya Raghavan, Community Lead*" under "**11:00 AM** — Welcome Note"
        if self.event_lines.hours_after_venue(line, text):
            return
        if UPDATE_NOTE.match(text) and _dated_label(text):
            return  # "**Update 19 Sept:** Ruairí has had to pull out of the 15:10 slot"
        labeled = split_label(text)
        if labeled is not None and self.dates.mail_header(text):
            return  # "Date: Tue, 18 Feb 2025 at 16:02" under "From: …": when a mail was sent
        if labeled is not None and self._revision_note(text):
            return  # "*Dernière mise à jour : 28 janvier 2026.*": when the page changed
        leading = leading_clock_span(text) or after_time_words(text)
        if (
            labeled is not None
            and labeled[0] is Role.END
            and self.event_lines.end_label(line, labeled[2])
        ):
            return  # "**Ends:** 21:15" before or after the agenda: when the event ends
        if leading is None and self.sessions.length_item(line):
            return  # "1. Opening words (10 min) — Amandine Leroy" under "starting 16:00"
        if leading is None and self.sessions.label_first(line, labeled):
            return
        if leading is None and labeled is None and self.sessions.compact_schedule(line):
            return  # "Doors 6pm, talks 6:30pm, ends 9pm."
        if leading is None and labeled is None and self.sessions.title_then_time(line):
            return  # "- Welcome (18:30)", "- Talk Go generics, 19:00 – 19:45"
        if leading is not None and inside_a_sentence(line):
            return  # "…Check-in opens at" / "8:00 AM and we'll wrap by 5:00 PM.": prose
        if (
            leading is not None
            and not line.depth
            and text.lstrip("(（")[:1].islower()  # the sentence of the line before goes on
            and CLOCK_CHANGE.search(f"{line.wrapped[0]} {text[: leading.begin]}")
        ):
            return  # "…Zeitumstellung! … werden die Uhren" / "um 2 Uhr auf 3 Uhr vorgestellt"
        if (
            leading is not None
            and leading.start.hour < 4
            and _the_clocks_move(leading)
            and CLOCK_CHANGE.search(text)
        ):
            # "⏰ 2 h → 3 h : on avance l'heure!": the clocks, not a session ("02h30 – 03h00
            # (heure d'hiver, après le recul des montres) — Point mentors" is one)
            return
        if leading is not None and self._hours_then_date(line, text, leading):
            return
        if leading is not None and self.event_lines.hours_at_venue(line, text, leading):
            return  # "**19:00〜22:30** @ Bar Pixel Tanuki": the event's hours, and where
        if leading is not None and self.event_lines.hours_then_remark(line, text, leading):
            return  # "🕓 **16:00–17:45 CET** (Berlin) — the agenda below shows…": the hours
        if leading is not None and self.event_lines.from_then_end(line, text):
            return  # "🕕 od 18:00, akce končí ve 22:00": the event's hours
        if leading is not None and (labeled is None or leading_clock_span(labeled[1])):
            # "- 7pm Talk: Typed pandas — Sam Lee": a line that starts with a clock is a session
            # titled by the rest, even when a label word follows the clock.
            self.sessions.session_line(line, leading)
            return
        if labeled is not None:
            self._labeled_line(line, *labeled)
            return

        if _TALK_NUMBER.fullmatch(text):
            # "▍议题二", "Talk 2", "Session 3": the next talk's block begins, no line of the last
            self.block_session = self.list_session = None
            return
        if line.depth == 0 and self.block_session is not None and not line.inline.bold:
            self.sessions.attach(self.block_session, line)
            return
        dates = [d for d in find_dates(text) if not of_a_past_event(text, d)]
        if not dates and not line.depth and VENUE_PIN.match(text) and not find_clock_spans(text):
            # "📍 **Dubai Internet City**, Building 1, Auditorium": where the event is
            self.event.venue = self.event.venue or _venue_only(VENUE_PIN.sub("", text))
            self.zones.place_in(text, line.number)
            return
        if dates and self.dates.byline(line, text, dates[0]):
            return
        if dates and CLOCK_CHANGE.search(f"{line.wrapped[0]} {text}"):
            return  # "passage à l'heure d'hiver ce dimanche 26 octobre": about the clocks
        if dates and self._revision_note(text):
            return  # "（2025/05/20 更新）": when the page changed
        if dates and self._day_line(line, dates[0]):
            # "**Saturday, Dec 5**" between the lists of a several-day event: that day's heading
            self._heading(replace(line, heading=6))
            return
        if dates:
            self.facts.note_date_item(line, dates[0])
        if dates and self.sessions.dated_session(line, dates[0]):
            return
        if dates:
            self.event_lines.date_line(line, text, dates, labeled=False)
            return
        self.facts.note_shared_hours(line)
        self.facts.note_day_item(line)
        if self.event_lines.starts_at(line, text) or self.event_lines.hours_in_a_sentence(
            line, text
        ):
            return
        if self.sessions.heading_over_prose(line):
            return  # "## 懇親会" over "カンファレンス終了後、**18:00〜20:00** に…で懇親会を開催します"
        if (
            line.inline.bold
            and line.depth == 0
            and (is_day_label(text) or _WEEKDAY_LABEL.fullmatch(text) is not None)
            and self.event_lines.day_of_event(text)
        ):
            # "**Day 2**", "**SUNDAY 3/9**" between the lists of an event of several days, as a
            # heading would say it
            self.list_session = self.block_session = None
            return
        if line.inline.bold and line.depth == 0:
            event = self.event
            if (
                event.start is not None
                and not event.sessions
                and event.named_below is None
                and line.number - event.stated_line == 1
            ):
                event.named_below = text
            self.title_candidate = (text, line.number)
            self.block_session = None
            self.pending_speakers = []

    @staticmethod
    def _revision_note(text: str) -> bool:
        return bool(not find_clock_spans(text) and REVISION_NOTE.search(text) and find_dates(text))

    def _heading(self, line: Line) -> None:
        text = line.inline.text
        self.last_heading = text
        self.heading_lines.append(line.number)
        leading = leading_clock_span(text)
        if leading is None:
            named = _HEADING_MARKS.sub("", text)
            self.heading_room = named if line.heading >= 2 and is_room(named) else None
            after = _AFTER_LAST_DASH.search(named)
            if self.heading_room is None and line.heading >= 2 and after and is_room(after[1]):
                self.heading_room = after[1]  # "## Trilha 2 · Mobile & Web — Sala 3": its room
        self.list_session = None
        self.block_session = None
        self.pending_speakers = []
        self.heading_title = None
        if leading is None and self.past_section == line.heading and find_dates(text):
            return  # "### Open action items from Feb 27": a meeting already held, not an event
        if leading is not None:
            self.sessions.session_line(line, leading)
            return
        dates = find_dates(text)
        if dates:
            resolved = self.resolve_date(dates[0], line.number, heading=True)
            if resolved is None:
                return
            first, last = resolved
            rest = normalise_label(text.replace(dates[0].text, " "))
            only_date = (
                not any(c.isalnum() for c in rest)
                or is_day_label(text)
                or any(map(is_day_label, _LABEL_PARTS.split(rest)))  # "2-күн / День 2 —"
                or _weekday_only(rest)
                # "### Agenda — January 14" under the invitation for that day: its agenda
                or (rest.strip(" —–") in GENERIC_HEADINGS and first == self.event.first_day)
            )
            # "## Friday, October 30 — Workshops" under "October 30 – November 1, 2026": a day
            # of the event the page dated, not an event of its own.
            in_stated_range = self._day_of_stated_range(first)
            only_date = only_date or in_stated_range or self._next_day_section(line, first, rest)
            # "### Wednesday 18 September 2024", then "### Wednesday 16 October 2024": a month
            # apart, the next meetup of a series, not the next day of the same event.
            next_meeting = (
                only_date
                and bool(self.event.sessions)
                and self.day is not None
                and abs((first - self.day).days) >= DAYS_OF_ONE_EVENT
                and not in_stated_range
            )
            if (not only_date or next_meeting) and (self.event.sessions or self.event.stated_line):
                self.new_event(line.number, text)
            if not only_date:
                self.zones.place_in(text, line.number, page_wide=line.heading == 1)
                # "## Upcoming talks", then "### Thursday 12 March — Dynamic matching" and
                # "**Time:** 14:15–15:15": the hours of the dated heading's event, not a talk
                # titled by the heading above
                self.title_candidate = None
            if not self.event.stated_line and not self.event.sessions:
                self.event.first_day, self.event.last_day = first, last
                if not only_date and self.event.heading is None:
                    self.event.heading = text
                    self.event.section = self.event.section or line.number
                self._event_times(line.number, text)
            self.day = first
            if only_date:
                self.facts.date_heading = line.number
            return
        if self.event_lines.day_of_event(text):
            return
        if normalise_label(text) in GENERIC_HEADINGS:
            return
        if (
            line.heading >= 2
            and (self.day or self.event.first_day)
            and self.sessions.title_then_time(line)
        ):
            return  # "### Keynote — 10:00–10:45", "### Keynote (10:00)"
        if line.heading == 1:
            self.zones.place_in(text, line.number, page_wide=True)
        if line.heading == 1 and self.page_title is None:
            self.page_title = text
            self.reference = self.reference or year_in(text)
            return
        self.title_candidate = (text, line.number)
        self.heading_since_event = (text, line.number)
        if line.heading >= 2:
            self.heading_title = (text, line.number)
        if line.heading <= 2:
            self.zones.place_in(text, line.number)  # "## Beijing", "## Lyon, 16 May"

    def _labeled_line(self, line: Line, role: Role, label: str, value: str) -> None:
        session = self.block_session or self.list_session
        if role in (Role.TIME, Role.DATE):
            dates = find_dates(value)
            if dates:
                self.event_lines.date_line(line, value, dates, labeled=True)
                return
            spans = find_clock_spans(value)
            if spans:
                self.event_lines.time_only_line(line, value, spans)
            return
        if role in (Role.TITLE, Role.KIND, Role.TRACK) and find_dates(value):
            # "Next session: Monday, April 7, 2025 at 7 PM"
            self.event_lines.date_line(line, value, find_dates(value), labeled=True)
            return
        if role is Role.SPEAKER:
            speakers = parse_speakers(value)
            if session is not None:
                session.speakers.extend(speakers)
            else:
                self.pending_speakers.extend(speakers)
                self.event.speakers.extend(speakers)
        elif role is Role.DURATION:
            # "| **Duration** | 45 minutes |" under the event's date and start
            length = find_prose_duration(value) or cell_duration(value)
            event = self.event
            if length and event.start is not None and event.end is None and not event.sessions:
                event.end = add_clock(event.start, length)
        elif role is Role.ZONE:
            mentions = self.resolver.find(value) or _place_mentions(value)
            if mentions:
                self.event.zone, self.event.zone_line = mentions[0], line.number
                self.zones.stated(mentions[0], line.number)
            else:
                self.diag.warn(line.number, f"time zone {value!r} not recognised; ignored")
        elif role is Role.TITLE:
            self.title_candidate = (value, line.number)
            key = label.strip(" *_").casefold()
            if not self.event.sessions and key in _TALK_TITLE_LABELS:
                if self.event.title is None or self.event.title == self.subject:
                    self.event.title = value  # "Topic: …" says more than the mail's subject
            elif not self.event.sessions and key in _SUBJECT_LABELS and self.event.title is None:
                self.subject = self.event.title = _FORWARDED.sub("", value).strip()
            self.block_session = None
        elif role is Role.VENUE or (role is Role.LOCATION and session is None):
            following = line.wrapped[1]
            if (
                following
                and not value.rstrip().endswith((".", "。"))
                and not split_label(following)
            ):
                value = f"{value} {following}"  # "…, s/n, Cidade" / "Universitária, Recife – PE"
            self.event.venue = self.event.venue or _venue_only(value)
            self.zones.place_in(value, line.number)
            if role is Role.LOCATION and label.strip(" *_:：").casefold() in _ROOM_LABELS:
                self.event.room = self.event.room or value  # "**Room:** Lille UP1"
        elif role is Role.LOCATION and session is not None:
            session.location = value
        elif role is Role.TRACK and session is not None:
            session.track = value
        elif role is Role.LINKS and session is not None:
            session.links.extend(links_of(line.inline, label))
        elif role is Role.DESCRIPTION and session is not None:
            session.description = value

    def _event_times(self, number: int, text: str) -> None:
        """The event's own times and zone from its date line ("13:30-17:30 (CST), July 10")."""
        event = self.event
        spans = find_clock_spans(text)
        mentions = self.resolver.find(text)
        paired = pair_zones(text, spans, mentions)
        if spans:
            event.start, event.end = spans[0].start, spans[0].end
            end = event.end
            # "9:00 – 5:30" without am/pm: a day until half past five, not a night
            if (
                spans[0].twelve_hour
                and end is not None
                and 1 <= end.hour <= 11
                and end < event.start < end.replace(hour=end.hour + 12)
            ):
                event.end = end.replace(hour=end.hour + 12)
            if spans[0].end is None and spans[0].duration is not None:
                event.end = add_clock(spans[0].start, spans[0].duration)
            event.stated_line = event.stated_line or number
            event.hours_day = event.last_day or event.first_day
            across = across_days(text, find_dates(text), spans) if len(spans) > 1 else None
            event.across = across is not None
            if across is not None:
                event.end = across[1].start  # on the range's last day, not another zone's time
                days = self.resolve_date(across[0], number)
                if days is not None and event.first_day is not None and days[0] > event.first_day:
                    event.last_day = max(event.last_day or days[0], days[0])
            else:
                event.alternates = [(s, m) for s, m in paired[1:] if m is not None]
        zone = paired[0][1] if paired and paired[0][1] is not None else None
        zone = zone or (mentions[0] if mentions else None)
        if zone is not None:
            event.zone, event.zone_line = zone, number
            self.zones.stated(zone, number)

    # ---- helpers ------------------------------------------------------------------------

    def resolve_date(
        self, mention: DateMention, number: int, *, heading: bool = False
    ) -> tuple[date, date] | None:
        """The days `mention` stands for on this page (page_dates.py), or None, reported."""
        return self.dates.resolve(mention, number, heading=heading)

    def _day_line(self, line: Line, mention: DateMention) -> bool:
        """A bold or capitalised line that is only a date (with its weekday), once the event has
        a date ("**Saturday, Dec 5**", "SONNTAG, 16. NOVEMBER" as plain-text timetables write it)."""
        text = line.inline.text
        shouted = text.isupper()
        if not (line.inline.bold or shouted) or line.depth or self.event.first_day is None:
            return False
        # ("**Saturday 4 Oct (optional)**": a remark in brackets beside the date)
        rest = normalise_label(_BRACKETED.sub(" ", line.inline.text.replace(mention.text, " ")))
        return not rest or _weekday_only(rest)

    def _hours_then_date(self, line: Line, text: str, leading: ClockSpan) -> bool:
        """ "**14h00 – 17h30, Thứ Bảy, ngày 22/03/2025** (giờ Việt Nam, GMT+7)": hours and then
        a whole date, before the page has dated anything, are the event's date line."""
        event = self.event
        if event.sessions or event.first_day is not None or line.heading:
            return False
        labeled = split_label(text)
        if line.depth and (labeled is None or labeled[0] not in (Role.TIME, Role.DATE)):
            return False  # (but "- 🕗 **Thời gian:** 8h00 – 12h00, Thứ Bảy, ngày 20/03/2027")
        dates = find_dates(text)
        if not dates or dates[0].year is None or dates[0].begin < leading.finish:
            return False
        self.event_lines.date_line(line, text, dates, labeled=False)
        return True

    def _next_day_section(self, line: Line, first: date, rest: str) -> bool:
        """ "## Thursday, March 12 — Conference" after "## Wednesday, March 11 — Workshops" with
        its agenda, under the page's one title: the next day of the same event. `rest`: the
        heading's words beside its date."""
        event = self.event
        if line.heading < 2 or not event.sessions or self.day is None or self.page_title is None:
            return False
        opened_by = event.heading is not None and find_dates(event.heading)
        if not opened_by or not 1 <= (first - self.day).days <= 2:
            return False
        # not "Київ", "Buenos Aires": a tour's stops
        return bool(_DAY_SECTION.fullmatch(rest.strip(" -–—|·:,")))

    def _day_of_stated_range(self, day: date) -> bool:
        first, last = self.event.first_day, self.event.last_day
        if not self.event.stated_line or first is None or last is None:
            return False
        if day == first - timedelta(days=1) and not self.event.sessions:
            # "## Quarta, 25/11 — Esquenta 🍻" on a page dated "26 e 27 de novembro": the eve
            # of the event, its first day now
            self.event.first_day = day
            return True
        return first <= day <= last and first != last

    def new_event(self, number: int, heading: str | None) -> None:
        """Start the page's next event at line `number`, under `heading` or the last one seen."""
        section = number
        if heading is None and self.heading_since_event is not None:
            heading, section = self.heading_since_event
            # "### Windy City Meetup — Chicago 🇺🇸" over "**Wednesday, June 3, 2026** · 7 PM"
            self.zones.place_in(heading, section)
        self.events.append(EventDraft(line=number, heading=heading, section=section))
        self.heading_since_event = None
        self.title_candidate = None
        self.block_session = None

    # ---- after the walk -------------------------------------------------------------------

    def _finish(self) -> list[Schedule]:
        read_listed_items(self)
        self.facts.sessions_at_shared_hours()
        self.facts.settle_dates()
        self.facts.prose_lengths()
        self.recurring.standing_hours()
        self.capacity.settle()
        page_places = self.zones.places
        self.zones.places = []
        for text, line in self.front_fields.places():
            self.zones.place_in(text, line, page_wide=True)
        self.zones.places.extend(page_places)
        return Assembler(self).build()


# The parts of a heading that says it twice, in two languages: "2-күн / День 2 — сенбі, 23 мамыр"
_LABEL_PARTS = compiled(r"\s+[/|]\s+")


# Labels that name a room, not a venue: an event that is one talk takes it as the talk's room
_ROOM_LABELS = frozenset(
    ("room", "raum", "salle", "sala", "zaal", "aula", "rum", "sal", "sali", "huone", "lokal")
)


def _the_clocks_move(span: ClockSpan) -> bool:
    """Whether a time, or a range of two whole hours an hour apart ("2 h → 3 h", "3:00 → 2:00"),
    can be the clocks' change rather than a session's hours."""
    if span.end is None:
        return True
    whole = span.start.minute == span.end.minute == 0
    return whole and (span.start.hour - span.end.hour) % 24 in (1, 23)  # ("24:00 → 23:00")


def _weekday_only(rest: str) -> bool:
    """ "## Samstag (12. Oktober 2019)": what is left beside the date is only its weekday."""
    words = rest.replace(",", " ").split()
    return bool(words) and all(
        w.casefold() in _WEEKDAY_WORDS or w.casefold().rstrip(".") in _WEEKDAY_WORDS for w in words
    )


def _place_mentions(text: str) -> list[ZoneMention]:
    """ "Time zone: Lyon": a place named where a zone is expected stands for its zone."""
    return [ZoneMention(p.start, p.end, p.text, phrase_zone=p.zone) for p in find_places(text)[:1]]


# A sentence after the venue's that says what zone the times are in ("Venue: CTICC, Cape Town.
# All times UTC+2."): read for the zone, never part of the place.
_ZONE_SENTENCE = compiled(
    r"(?i)\b(?:all times|times are|times in|time ?zone|utc|gmt)\b|时间|時間|시간"
)
_SENTENCE_END = compiled(r"(?<=[.!?。])\s+")


def _venue_only(value: str) -> str:
    """The venue without the sentences after it that state the times' zone."""
    sentences = _SENTENCE_END.split(value)
    for index, sentence in enumerate(sentences[1:], start=1):
        if _ZONE_SENTENCE.search(sentence):
            return " ".join(sentences[:index]).rstrip(" .") or value
    return value


def _dated_label(text: str) -> bool:
    """Whether a note's label carries its date ("Update 19 Sept:"), not "Update: new date! …"."""
    label = text.split(":", 1)[0] if ":" in text else ""
    return bool(label) and bool(find_dates(label))
