"""Agenda tables: which column holds what, and each row as one or more session drafts.

Columns are named by their headers in any language we have words for (vocabulary.py); when the
header says nothing, a column's content decides (times, names). A bold date row starts a day.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, time, timedelta
from typing import TYPE_CHECKING

from bot.domain.agenda import Speaker, text_key
from bot.domain.patterns import compiled
from bot.domain.readers.markdown.blocks import Inline, Line, Table
from bot.domain.readers.markdown.drafts import (
    TRAILING_REMARK,
    Draft,
    add_clock,
    end_weekday_day,
    first_index,
    links_of,
)
from bot.domain.readers.markdown.event_lines import across_days
from bot.domain.readers.markdown.kinds import day_number, kind_from_text
from bot.domain.readers.markdown.listed_dates import read_listed_dates
from bot.domain.readers.markdown.session_ends import own_end, own_end_on_a_later_day, own_range
from bot.domain.readers.markdown.session_lines import goes_on, is_room, room_after
from bot.domain.readers.markdown.speakers import parse_speakers, split_title_and_speakers
from bot.domain.readers.markdown.vocabulary import Role, is_note_header, role_of
from bot.domain.timetext.clock import (
    ClockSpan,
    find_bad_clocks,
    find_clock_spans,
    leading_clock_span,
)
from bot.domain.timetext.dates import find_dates
from bot.domain.timetext.durations import cell_duration
from bot.domain.zones.places import find_places
from bot.domain.zones.resolve import ZoneMention

if TYPE_CHECKING:
    from bot.domain.readers.markdown.page import PageReader


_DETAIL_ROLES = frozenset(
    (Role.DATE, Role.TIME, Role.VENUE, Role.LOCATION, Role.ZONE, Role.SPEAKER)
)


def _detail_label(text: str) -> bool:
    """A label of the event's details: "Date", "Venue", "Speaker"; "Duration" too, but not a
    length itself ("15 min" is a row of an agenda of lengths)."""
    role = role_of(text)
    return role in _DETAIL_ROLES or (role is Role.DURATION and not any(c.isdigit() for c in text))


class TableReader:
    """Reads the tables of one page into the page's current event."""

    def __init__(self, page: PageReader) -> None:
        self.page = page
        # The time of the row just read and its cell's text, for a row beside it.
        self.above: tuple[ClockSpan, str] | None = None
        # Each row's drafts, whether its time cell is dated and whether it gives an end.
        self.timeline: list[tuple[list[Draft], bool, bool]] = []

    def _sessions_again(self, table: Table, title_col: int, time_col: int) -> bool:
        """Whether every row names a session already read, at the time it was read at: a table
        restating some of the agenda's talks (for other zones, most often), not more of it."""
        read: dict[str, time | None] = {}
        for event in self.page.events:
            for draft in event.sessions:
                read.setdefault(text_key(draft.title), draft.start)
        if len(table.rows) < 2 or not read:
            return False
        for _, cells in table.rows:
            if max(title_col, time_col) >= len(cells):
                return False
            title, spans = text_key(cells[title_col].text), find_clock_spans(cells[time_col].text)
            if not title or not spans:
                return False
            starts = [start for key, start in read.items() if key.startswith(title)]
            if spans[0].start not in starts:
                return False
        return True

    def read(self, table: Table) -> None:
        if self._details(table):
            return
        headers = [cell.text for cell in table.header]
        roles = [role_of(h) for h in headers]
        # A table with an End column gives clock times: "| 00:00 | 00:30 | Countdown |" is a
        # start at midnight, not a length.
        ended = Role.END in roles
        for index, role in enumerate(roles):
            if not ended and role in (Role.TIME, None) and is_duration_column(table, index):
                roles[index] = (
                    Role.DURATION
                )  # "| 時間 | 内容 |" with "15分" rows: lengths, not clocks
        time_col = first_index(roles, Role.TIME)
        if time_col is None:
            time_col = time_column_by_content(table, roles)
        if time_col is None:
            # Only lengths: the sessions run one after another from the event's start.
            time_col = first_index(roles, Role.DURATION)
            if time_col is None:
                read_listed_dates(self.page, table, headers, roles)  # dates, the hours once
                return
        else:
            roles[time_col] = Role.TIME
        restated = _restated_time_columns(table, roles, time_col)
        for index in restated:
            roles[index] = Role.ZONE  # "| 🇲🇽 CDMX | 🇨🇴 Bogotá | Actividad |": the first says when
        self._zones_of_headers(table, headers, roles, time_col)
        for index, header in enumerate(headers):
            if roles[index] is None and is_note_header(header):
                roles[index] = Role.DESCRIPTION  # "| … | Notes |": remarks, not a track
        title_col = first_index(roles, Role.TITLE)
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
            # (not "| 第一會議室 | 第二會議室 |", "| The Hive | Seminar Room 2 |": rooms)
            and not any(is_room(headers[i]) for i in unclassified)
            and looks_like_people(table, unclassified[1])
        ):
            # "| Zeit | Vortrag | Sprecher |" in a language we lack words for: titles, then names.
            title_col = unclassified[0]
            roles[unclassified[1]] = Role.SPEAKER
            roomlike = [i for i in roomlike if i not in unclassified]
        if title_col is not None and first_index(roles, Role.SPEAKER) is None:
            # "| Horário | Palestra | Palestrante |": the title is named, the names column not.
            people = [i for i in unclassified if looks_like_people(table, i)]
            if len(people) == 1:
                roles[people[0]] = Role.SPEAKER
                roomlike = [i for i in roomlike if i != people[0]]
        if (
            title_col is None
            and len(unclassified) == 1
            and any(
                roles[i] is Role.LOCATION and not is_room(headers[i]) and _room_names(table, i)
                for i in roomlike
            )  # (not "| Orario | Sala Agnelli | Aula 3 |": rooms side by side)
            and _mostly_filled(table, unclassified[0])
        ):
            # "| Tijd | Onderdeel | Waar |": one column of what, one of where
            title_col = unclassified[0]
            roomlike = [i for i in roomlike if i != title_col]
        located = [i for i in roomlike if roles[i] is Role.LOCATION and _holds_titles(table, i)]
        if title_col is not None and len(located) >= 2:
            # "| Time | Main Hall | Room 201 | Workshop Lab |": rooms whose cells are talks, and
            # a room named like a title column ("Workshop Lab") among them
            roomlike, title_col = sorted({*roomlike, title_col}), None
        tracks = roomlike if title_col is None and len(roomlike) >= 2 else []
        if title_col is None and not tracks and unclassified:
            title_col = unclassified[0]
        if title_col is None and not tracks and len(roomlike) == 1:
            title_col = roomlike[0]  # "| Time | Track |", "| Time | Main stage |": one room
        if title_col is not None and _places_column(table, title_col, self.page.resolver.find):
            return  # "| Bogotá | 8:00 p. m. |": the start converted for other cities, no agenda
        if restated and title_col is not None and _dates_only(table, title_col):
            return  # "| 17 Sep | 6:00pm NZST | 4:00pm AEST |": each date's start in other zones
        if title_col is not None and self._sessions_again(table, title_col, time_col):
            return  # "| Keynote | 10:15 AM Sat | 9:45 PM Fri |": the agenda's talks for elsewhere
        self.page.block_session = None
        previous_end: time | None = self.page.event.start
        previous_day = self.page.day
        self.above = None
        self.timeline = []
        for number, cells in table.rows:
            row = Row(number, cells, roles, time_col, title_col, tracks, headers)
            if self.page.day != previous_day:
                previous_end, previous_day = None, self.page.day
            previous_end = self._table_row(row, previous_end)
        _mark_moments(self.timeline)

    def _details(self, table: Table) -> bool:
        """ "| 日時 | 2026年5月29日(金) 19:00開場 |", "| Venue | Station F |": a table of labels
        and values is the event's details, read as the labelled lines they stand for."""
        if len(table.header) != 2:
            return False
        pairs = [(n, c) for n, c in table.rows if len(c) == 2 and c[0].text and c[1].text]
        body = [(n, c) for n, c in pairs if _detail_label(c[0].text)]
        # "| 開催日時 | 2026/03/14(土) 19:00〜21:00 |" over "|---|---|": the first pair is the header
        header = (
            [(table.number, table.header)] if role_of(table.header[0].text) in _DETAIL_ROLES else []
        )
        labelled = [*header, *body]
        # "| | |" over "| **日期** | …|", "| **交通** | …|": a header left empty for the layout
        layout = not any(c.text for c in table.header) and len(body) >= 2
        # "| **Status** | FINAL ✅ |", "| **Where** | ETH Zürich … |": every label in bold, even
        # the ones no event field names
        bold_labels = table.header[0].bold and all(c[0].bold for _, c in pairs)
        if (
            not body
            or (len(labelled) * 2 < len(pairs) + len(header) and not (layout or bold_labels))
            or any(find_clock_spans(c[0].text) for _, c in pairs)
        ):
            return False
        for number, cells in labelled:
            label, value = cells[0], cells[1]
            text = f"{label.text}: {value.text}"
            self.page.read_line(Line(number, Inline(text, list(value.links))))
        return True

    def _zones_of_headers(
        self, table: Table, headers: list[str], roles: list[Role | None], time_col: int
    ) -> None:
        """What the headers say of zones; a time column's header may name a place ("🇲🇽 CDMX").
        Columns that restate the times for elsewhere (role ZONE here) say nothing of this one."""
        for index, (header, role) in enumerate(zip(headers, roles, strict=True)):
            if role is Role.ZONE and index != time_col:
                continue
            mentions = self._header_zones(header, role)
            if not mentions and index == time_col:
                mentions = [
                    ZoneMention(p.start, p.end, p.text, phrase_zone=p.zone)
                    for p in find_places(header)[:1]
                ]
            for mention in mentions:
                self.page.zones.stated(mention, table.number)
                if self.page.event.zone is None:
                    self.page.event.zone, self.page.event.zone_line = mention, table.number

    def _header_zones(self, header: str, role: Role | None) -> list[ZoneMention]:
        """Zones a column header names: "Time (CST)", and "Time (London)" for a time column."""
        found = self.page.resolver.find(header)
        if found or role is not Role.TIME:
            return found
        inside = re.search(r"[(（]([^()（）]{2,40})[)）]", header)
        if inside is None:
            return []
        place = inside.group(1).strip()
        mentions = self.page.resolver.find(f"{place} time")
        return [m for m in mentions if m.start == 0]

    def _table_row(self, row: Row, previous_end: time | None) -> time | None:
        time_text = row.text(row.time_col)
        time_cell = row.cell(row.time_col)
        if time_cell is not None and time_cell.struck:
            return previous_end  # "| ~~2:00 AM – 2:59 AM~~ | This hour does not exist |"
        running = row.roles[row.time_col] is Role.DURATION
        above, self.above = self.above, None
        bad = [] if running else find_bad_clocks(time_text)
        if bad:
            self.page.diag.error(
                row.number, f"{bad[0].text!r} is not a time ({bad[0].reason}); row not imported"
            )
            return previous_end
        spans = [] if running else find_clock_spans(time_text)
        row_dates = find_dates(time_text)
        date_col = first_index(row.roles, Role.DATE)
        if date_col is not None:
            row_dates = row_dates or find_dates(row.text(date_col))
            if not row_dates and day_number(row.text(date_col)) is not None:
                self.page.event_lines.day_of_event(row.text(date_col))  # "| Day 2 | 10:00 |"
        if spans and spans[0].end is None:
            end_col = first_index(row.roles, Role.END)
            ends = find_clock_spans(row.text(end_col)) if end_col is not None else []
            if ends:
                # "| 1:00 | 4:00 |" is a range: without am/pm, as much in doubt as "1:00-4:00".
                ended = spans[0].ending_at(ends[0].start)
                spans = [
                    replace(
                        ended,
                        twelve_hour=spans[0].twelve_hour and ends[0].twelve_hour,
                        twenty_four=spans[0].twenty_four or ends[0].twenty_four,
                    )
                ]
        if not spans:
            filled = [c.text for c in row.cells if c.text]
            if not filled:
                return previous_end
            any_dates = row_dates or [d for c in row.cells for d in find_dates(c.text)]
            if any_dates and (len(filled) == 1 or all(c.bold for c in row.cells if c.text)):
                resolved = self.page.resolve_date(any_dates[0], row.number)
                if resolved is not None:
                    self.page.day = resolved[0]
                return None
            duration = cell_duration(time_text)
            if (
                above is not None
                and not running
                and not row_dates  # a row of another day is not beside this one
                and not time_text.strip(_DITTO_MARKS)
            ):
                # "| | Fedora CoreOS | Eva |" under "| 10:00 | Podman 5 | Jan |": the same slot,
                # a session beside the one above.
                spans, time_text = [above[0]], above[1]
            elif duration is not None and previous_end is not None:
                spans = [ClockSpan(previous_end, add_clock(previous_end, duration), None, 0, 0)]
            elif duration is not None:
                self.page.diag.warn(
                    row.number, f"row starts after an unknown end ({time_text!r}); skipped"
                )
                return None
            else:
                self.page.diag.warn(
                    row.number, f"row has no time ({time_text or 'empty'!r}); skipped"
                )
                return previous_end
        day = self.page.day
        if row_dates:
            resolved = self.page.resolve_date(row_dates[0], row.number)
            if resolved is not None:
                day = resolved[0]
                self.page.day = day
        span = spans[0]
        last_day = end_weekday_day(day, span)  # "| 12:00 PM Sat – 11:00 AM Sun | Hacking |"
        across = across_days(time_text, row_dates, spans) if len(row_dates) > 1 else None
        if across is not None and day is not None:
            # "| Sat 26 Sep, 7:30pm – Sun 27 Sep, 9:00am |": it ends on the later date
            end_days = self.page.resolve_date(across[0], row.number)
            if end_days is not None and day < end_days[0] <= day + _LONGEST_DATED_RANGE:
                span, last_day = span.ending_at(across[1].start), end_days[0]
        mentions = self.page.resolver.find(time_text)
        duration_col = first_index(row.roles, Role.DURATION)
        duration = cell_duration(row.text(duration_col)) if duration_col is not None else None
        end = span.end
        if end is None and (duration or span.duration):
            end = add_clock(span.start, duration or span.duration or timedelta())
        drafts = self._row_sessions(row, day, span.start, end)
        for draft in drafts:
            draft.onwards = end is None and goes_on(time_text[span.finish :])  # "12:00 onwards"
            draft.last_day = last_day or draft.last_day
            draft.stated_duration = span.duration if span.end is not None else None
            draft.twelve_hour = span.twelve_hour
            draft.twenty_four_hour = span.twenty_four
            draft.overnight = span.overnight
            if mentions:
                draft.zone, draft.zone_line = mentions[0], row.number
        self.page.event.sessions.extend(drafts)
        self.timeline.append((drafts, bool(row_dates) and date_col is None, end is not None))
        self.above = (span if end == span.end else replace(span, end=end), time_text)
        return end

    def _carry_on(
        self,
        day: date | None,
        start: time,
        end: time | None,
        place: tuple[str | None, str | None] | None,
    ) -> bool:
        """Whether an earlier session on this day runs on through this row (starting at
        `start`): the day's last one, or with `place` (a room and its column's header) the last
        one in that room. It ends at `end` when the row gives one, unless its cell gave its own
        end within this row ("Workshop: … , 13:30–15:00" over "↳ workshop continues" at
        14:30–15:15); a row with a start only ends it where the next row starts, as the
        session's own end is filled."""
        for draft in reversed(self.page.event.sessions):
            if draft.day != day:
                continue
            if place is not None and (draft.location, draft.track) not in (place, (place[0], None)):
                continue
            own_end_here = draft.end is not None and draft.end > start
            if (
                end is not None
                and draft.start is not None
                and end > draft.start
                and not own_end_here
            ):
                draft.end = end
            return True
        return False

    def _row_sessions(
        self, row: Row, day: date | None, start: time, end: time | None
    ) -> list[Draft]:
        common_links = [
            link
            for i, c in enumerate(row.cells)
            if row.roles[i] is Role.LINKS
            for link in links_of(c, row.headers[i])
        ]
        location = row.first_text(Role.LOCATION)
        track = row.first_text(Role.TRACK)
        kind_text = row.first_text(Role.KIND)
        description = row.first_text(Role.DESCRIPTION)
        speakers = row_speakers(row)
        if row.tracks:
            # A placeholder ("—", "n/a") says its room is free: written, so the row is not one
            # session across the rooms, but no session of its own.
            filled = [
                (i, row.cells[i])
                for i in row.tracks
                if i < len(row.cells) and row.cells[i].text and not relayed(row.cells[i])
            ]  # ("(live stream)" in the other rooms: the first room's session for all)
            texts = {c.text for _, c in filled}
            plenary = len(texts) == 1 and (
                len(filled) == len(row.tracks) or filled[0][0] == row.tracks[0]
            )
            chosen = [(i, c) for i, c in (filled[:1] if plenary else filled) if says_something(c)]
            drafts = []
            for index, cell in chosen:
                place = (room_of(row, index), row.headers[index] or None)
                if (cell.spanned or _CONTINUES.fullmatch(cell.text)) and self._carry_on(
                    day, start, end, place
                ):
                    continue  # "(workshop continues)", "⬆ Fortsetzung": the session above goes on
                # (its own hours first: "Lab — *Elena Marchetti* (14.00 – 15.30)" after a name)
                title, end_here = _own_hours(cell.text, start, end)
                title, written_room = room_after(title)  # "Lunch (Level 1 foyer)"
                title, cell_speakers = split_title_and_speakers(title)
                draft = Draft(row.number, title, day, start, end_here)
                draft.track = None if plenary else row.headers[index] or None
                draft.speakers = cell_speakers + speakers
                draft.links = [*cell.links, *common_links]
                # The column's header names the room; a session across all rooms has none but
                # the one its cell names.
                draft.location = written_room or (None if plenary else room_of(row, index))
                drafts.append(draft)
            return drafts
        title_cell = row.cell(row.title_col)
        title_text = title_cell.text if title_cell and says_something(title_cell) else ""
        spanned = title_cell is not None and title_cell.spanned
        if (spanned or _CONTINUES.fullmatch(title_text)) and self._carry_on(day, start, end, None):
            return []  # "| 12:30 | *cont.* |": the session above runs on through this row
        title, inline_speakers = split_title_and_speakers(title_text)
        if not title:
            if speakers:
                title = ", ".join(s.name for s in speakers)
            else:
                if any(c.text for i, c in enumerate(row.cells) if i != row.time_col):
                    self.page.diag.warn(row.number, "row has no session title; skipped")
                return []
        later = own_end_on_a_later_day(title, day) if end is None else None
        title, end_here = later[:2] if later else _own_hours(title, start, end)
        title, room = room_after(title)
        draft = Draft(row.number, title, day, start, end_here)
        draft.last_day = later[2] if later else None  # "Hacking starts (ends 11:00 Sunday)"
        draft.speakers = inline_speakers + speakers
        draft.links = [*(title_cell.links if title_cell else []), *common_links]
        # (a "Track" column naming rooms, "Auditório", "Sala 2", says where too)
        in_room = track if track is not None and is_room(track) else None
        draft.location = location or room or in_room or self.page.heading_room
        draft.track = track
        draft.description = description
        draft.kind = kind_from_text(kind_text) if kind_text else None
        return [draft]


# A room's cell saying the session above it goes on through this slot.
_SESSION_NOUN = (
    r"(?:workshop|session|talk|lab|hackathon|atelier|sesión|taller|sessão|oficina|sitzung|"
    r"vortrag|sessione|laboratorio|seminario)"
)
_CONTINUES = compiled(
    r"(?i)[\s*_(（\[⬆↑↓⇧↳⤷\ufe0f]*(?:"
    rf"(?:(?:the\s+)?{_SESSION_NOUN}\s+)?"
    r"(?:continues|continued|cont(?:'d|\.|inued|d\.?)?|\(?cont\.?\)?|suite|fortsetzung|"
    r"(?:wird\s+)?fortgesetzt|continúa|continua|continuação|continuazione|vervolg|続き|继续|續)"
    # "(prosegue il workshop)", "(suite de l'atelier)", "(continuación del taller)"
    r"|(?:prosegue|continua|continúa|continues|suite|continuación|continuação|fortsetzung)"
    rf"\s+(?:(?:il|lo|la|el|the|de l'|de la|del|do|da|des|du|de)\s*)?{_SESSION_NOUN}"
    r")[\s*_)）\].…⬆↑]*"
)


@dataclass(slots=True)
class Row:
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
        index = first_index(self.roles, role)
        return self.text(index) or None


def _mark_moments(timeline: list[tuple[list[Draft], bool, bool]]) -> None:
    """A table whose every row dates its own time, most of them ranges, is a timeline of
    milestones: a row with a start only is a moment ("| Sun 27 Sep, 9:00am | Submissions close
    |"), not a session running until the next row."""
    if len(timeline) < 3 or not all(dated for _, dated, _ in timeline):
        return
    if sum(ranged for _, _, ranged in timeline) * 2 <= len(timeline):
        return
    for drafts, _, ranged in timeline:
        for draft in drafts if not ranged else ():
            draft.moment = True


def _room_names(table: Table, index: int) -> bool:
    """Whether a column's cells are all short names ("Aula", "Senaatszaal"), as rooms are."""
    texts = [t for t in table.column(index) if t.strip()]
    return bool(texts) and all(len(t) <= 30 and "\n" not in t for t in texts)


def _mostly_filled(table: Table, index: int) -> bool:
    texts = table.column(index)
    return sum(bool(t.strip()) for t in texts) * 2 > len(texts)


def _holds_titles(table: Table, index: int) -> bool:
    """Whether a column's cells read as sessions (long, or a title over a name), not as the
    short room names a Location column repeats."""
    texts = table.column(index)
    long = [t for t in texts if len(t) > 24 or "\n" in t]
    return bool(texts) and len(long) * 2 >= len(texts)


# "Mon 27 Oct, 19:00 → Mon 10 Nov, 19:00 | Rating period": a range dated at both ends may run
# for weeks; a later date further off is something else.
_LONGEST_DATED_RANGE = timedelta(days=31)


def _dates_only(table: Table, index: int) -> bool:
    """Whether a column holds a date on every row and nothing more ("17 Sep", "Thu 1 Oct")."""
    for cell in table.column(index):
        dates = find_dates(cell)
        if (
            not dates
            or sum(c.isalnum() for c in cell[: dates[0].begin] + cell[dates[-1].finish :]) > 3
        ):
            return False
    return True


def _places_column(
    table: Table, index: int, find_zones: Callable[[str], list[ZoneMention]]
) -> bool:
    """Whether a column names a place on every row, and nothing else ("Ciudad de México",
    "New York", "🇨🇴 Bogotá", "Tokyo (JST)"): a table of one time in several cities."""
    texts = [t.strip(" *_") for t in table.column(index)]
    if len(texts) < 2:
        return False
    for cell in texts:
        remark = TRAILING_REMARK.search(cell)
        # "London (BST → GMT)": the zone the city keeps
        text = cell[: remark.start()] if remark and find_zones(remark.group(1)) else cell
        places = find_places(text)
        if not places or len(text) - (places[-1].end - places[0].start) > 4:
            return False
    return True


def says_something(cell: Inline) -> bool:
    """Whether a cell holds a session: a letter or a digit, not a placeholder ("—", "-", "–",
    "/", "…") left where a room is free."""
    text = cell.text
    if cell.struck or text.strip().casefold() in _PLACEHOLDERS:
        return False  # (nor a session withdrawn: "~~Rust for Pythonistas~~ *cancelled*")
    return any(ch.isalnum() for ch in text)


# What a time cell may hold to say "the same time as the row above": nothing, or a ditto mark.
_DITTO_MARKS = " \"'\u3003\u2033"

# Placeholders written with letters: "n/a" says a slot is empty ("TBD" is a session to come).
_PLACEHOLDERS = frozenset(("n/a", "n.a.", "n. a."))
# A room that only shows the session of the first: "(live stream)", "(overflow)".
_RELAYED = frozenset(
    ("live stream", "livestream", "stream", "streamed", "overflow", "overflow room", "übertragung")
)


def relayed(cell: Inline) -> bool:
    return cell.text.strip(" *_()（）").casefold() in _RELAYED


def room_of(row: Row, index: int) -> str | None:
    """The room a track column stands for: its header, when the header is a room ("Hall A",
    "Room 101", "会场A"), not a track's name ("Track 1"), or the room its track is in ("Track
    B · Seminar Room 2", "Track A (The Hive)")."""
    header = row.headers[index].strip()
    if row.roles[index] is Role.TRACK:
        both = _TRACK_AND_ROOM.match(header)
        if both is None or role_of(both.group("track")) is not Role.TRACK:
            return None
        return (both.group("room") or both.group("bracketed")).strip(" *_") or None
    return header or None


_TRACK_AND_ROOM = compiled(
    r"^(?P<track>[^·|—–(（]+?)\s*(?:[·|—–]\s*(?P<room>[^·|—–()（）]+?)|[(（](?P<bracketed>[^()（）]+)[)）])\s*$"
)


def row_speakers(row: Row) -> list[Speaker]:
    speaker_col = first_index(row.roles, Role.SPEAKER)
    cell = row.cell(speaker_col)
    if cell is None or not says_something(cell):
        return []  # no column, or "—", "n/a": nobody
    speakers = parse_speakers(row.text(speaker_col))
    company_col = first_index(row.roles, Role.AFFILIATION)
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


def looks_like_people(table: Table, index: int) -> bool:
    """Whether a column holds names ("Max Müller", "张三（某公司）") rather than session titles."""
    cells = table.column(index)
    read = [parse_speakers(text) for text in cells if text.strip(" -–—·.")]
    read = [people for people in read if people]
    if not read:  # only dashes and "TBA": nobody yet
        return False
    named = 0
    for people in read:
        if all(
            len(p.name.split()) <= 4
            and not any(ch.isdigit() for ch in p.name)
            and ":" not in p.name
            for p in people
        ):
            named += 1
    return named * 10 >= len(read) * 8


def time_column_by_content(table: Table, roles: list[Role | None]) -> int | None:
    """A column whose cells mostly start with a time, for tables without a "Time" header."""
    width = len(table.header)
    for index in range(width):
        if roles[index] is not None and roles[index] is not Role.TIME:
            continue
        cells = table.column(index)
        if not cells:
            continue
        timed = sum(1 for c in cells if leading_clock_span(c) is not None)
        if timed * 2 >= len(cells) and timed >= 1:
            return index
    return None


def _own_hours(title: str, start: time, end: time | None) -> tuple[str, time | None]:
    """A cell's title and the session's end: the title's own ("Borrel tot ca. 21:30") when the
    row gives none, or its bracketed hours ("Workshop (10:40–13:00)"), which may run past the
    row's."""
    own = None
    if end is None:
        title, own = own_end(title)
    if own is None:  # "**Workshop (3:05–4:30 PM):** …" in a row of 3:05 PM, with or without an end
        title, own = own_range(title, start)
    return title, own or end


def _restated_time_columns(table: Table, roles: list[Role | None], time_col: int) -> list[int]:
    """Columns after the time column that hold nothing but times, one per row: the same
    sessions' times somewhere else ("| 18:00 | 19:00 | 21:00 | Bienvenida |")."""
    if roles[time_col] is not Role.TIME:
        return []
    found = []
    for index in range(time_col + 1, len(table.header)):
        if roles[index] not in (None, Role.TIME):
            continue
        cells = table.column(index)
        if cells and all(_only_a_time(c) for c in cells):
            found.append(index)
    return found


def _only_a_time(text: str) -> bool:
    spans = find_clock_spans(text)
    return (
        len(spans) == 1
        and not text[: spans[0].begin].strip()
        and not text[spans[0].finish :].strip(" *_()（）")
    )


def is_duration_column(table: Table, index: int) -> bool:
    """Cells that are all lengths ("15 min", "0:15", "15 分"), not clock times."""
    cells = table.column(index)
    if not cells or not all(cell_duration(c) is not None for c in cells):
        return False
    hours = [int(m.group(1)) for c in cells if (m := re.match(r"\s*(\d{1,2}):\d{2}", c))]
    # "0:15, 0:30, 1:00" are lengths; "1:00, 1:30" alone could be a night's clock: need a 0:xx
    # (hour zero: "09:00" is nine in the morning, not a length). A column that also holds a
    # time from 10:00 on is clocks around midnight ("22:00, 23:00, 00:30"), not lengths.
    return not hours or (0 in hours and max(hours) < 10)
