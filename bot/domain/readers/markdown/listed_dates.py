"""A table of dates whose hours the page states once: a user group's calendar for the year, a
livestream's episode list, a podcast's recording dates.

    Meetups are on the fourth Thursday of the month, **6:30pm – 9:00pm** (Irish time).

    | Date            | Topic                           | Speaker(s)  |
    | Thu 22 Jan 2026 | What's new in .NET 10 and C# 14 | Aoife Byrne |

Each dated row is a meeting of its own (one event, one session) at the hours stated above or
below the table; a row that gives its own time ("from 6pm till late") keeps it. A recurrence the
page states with those hours ("the fourth Thursday of the month") is what the rows list, so it
makes no series of its own.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from bot.domain.patterns import compiled
from bot.domain.readers.markdown.blocks import Inline, Table
from bot.domain.readers.markdown.drafts import (
    Draft,
    EventDraft,
    add_clock,
    first_index,
    meeting_event,
)
from bot.domain.readers.markdown.recurring import RecurringDraft
from bot.domain.readers.markdown.speakers import parse_speakers, split_title_and_speakers
from bot.domain.readers.markdown.vocabulary import Role, is_note_header
from bot.domain.timetext.clock import ClockSpan, find_clock_spans
from bot.domain.timetext.dates import DateMention, find_dates
from bot.domain.timetext.durations import find_prose_duration

if TYPE_CHECKING:
    from bot.domain.readers.markdown.page import PageReader

_NEAR = 12  # lines above or below the table where its hours may be stated
_CANCELLED = compiled(
    r"(?i)\b(?:cancell?ed|no (?:meetup|meeting|stream|show|episode)|(?:summer|winter) break"
    r"|entfällt|fällt aus|annulée?|cancelad[oa]|sin (?:meetup|reunión)|pausa)\b"
    r"|停播|暂停|休会|休止|お休み|휴방|휴회"
)
_EPISODES = compiled(
    r"(?i)\b(?:episodes?|ep\.|podcast|livestreams?|live stream|streams?|recordings?|folgen?|"
    r"épisodes?|episodios?)\b|期数|第\s*\d+\s*期|直播|配信|방송"
)
# "Summer social 🍻 — The Ferryman, from 6pm till late": the title ends before the dash.
_DASH = compiled(r"\s+[-–—]\s+")


def read_listed_dates(
    page: PageReader, table: Table, headers: list[str], roles: list[Role | None]
) -> bool:
    """Read `table` as meetings on its dates at hours stated once, if it is such a table."""
    date_col = first_index(roles, Role.DATE)
    if date_col is None:
        date_col = _date_column(table)
    if date_col is None:
        return False
    dated = [
        (number, cells, found[0])
        for number, cells in table.rows
        if date_col < len(cells) and (found := find_dates(cells[date_col].text))
    ]
    if len(dated) < 2:
        return False
    stated = _stated_hours(page, table)
    if stated is None:
        return False
    hours, recurrence = stated
    title_col = first_index(roles, Role.TITLE)
    if title_col is None:
        title_col = next(
            (i for i, role in enumerate(roles) if role is None and i != date_col), None
        )
    speaker_col = first_index(roles, Role.SPEAKER)
    # A show's episodes are one programme; a user group's meetups are events of their own.
    # (its headers, the page's title or the heading over it say so: "Upcoming recordings"; not a
    # line of prose near it, "Recordings: [YouTube playlist]" of a working group's meetings)
    episodes = _EPISODES.search(" ".join([*headers, page.page_title or "", page.last_heading]))
    # "| Datum | Ort | Anmerkung |": a column of notes names no meeting; the page's name does
    notes = title_col is not None and is_note_header(headers[title_col])
    name = page.page_title or page.last_heading
    made = 0
    for number, cells, mention in dated:
        cell = _cell(cells, title_col)
        title_text = "" if notes else cell
        if not title_text.strip(" -–—*_") and name:
            title_text = cell if _CANCELLED.search(cell) else name
        if _CANCELLED.search(title_text):
            continue  # "⏸ 停播一周", "summer break", "no meetup this month"
        # "10月16日（周四） 15:00-16:00 ⚠️改期": a date cell that gives the meeting's own hours
        own = [s for s in find_clock_spans(cells[date_col].text) if s.begin >= mention.finish]
        if notes and not own:
            own = find_clock_spans(cell)  # "ausnahmsweise Mittwoch, ab 19 Uhr"
        draft = _meeting(page, number, mention, title_text, own[0] if own else hours)
        if draft is None:
            continue
        if speaker_col is not None:
            draft.speakers.extend(parse_speakers(_cell(cells, speaker_col)))
        event = page.event
        if not episodes and (made or event.sessions or event.first_day is not None):
            page.new_event(number, None)
            event = page.event
        if not made:
            event.first_day, event.last_day = draft.day, None
        event.sessions.append(draft)
        made += 1
    if made and recurrence is not None:
        recurrence.listed = True  # its meetings are the rows
    return made > 0


def _meeting(
    page: PageReader, number: int, mention: DateMention, text: str, hours: ClockSpan
) -> Draft | None:
    resolved = page.resolve_date(mention, number)
    if resolved is None or not text.strip(" -–—*_"):
        return None
    own = find_clock_spans(text)
    span = own[0] if own else hours
    if own:
        dash = _DASH.search(text, 0, own[0].begin)
        text = text[: dash.start()] if dash is not None else text[: own[0].begin]
    title, inline = split_title_and_speakers(text.strip(" ,*_"))
    if not title:
        return None
    draft = Draft(number, title, resolved[0], span.start, span.end)
    draft.twelve_hour = span.twelve_hour
    draft.speakers.extend(inline)
    return draft


def _cell(cells: list[Inline], index: int | None) -> str:
    if index is None or index >= len(cells):
        return ""
    return cells[index].text


def _date_column(table: Table) -> int | None:
    for index in range(len(table.header)):
        texts = table.column(index)
        if texts and sum(1 for t in texts if find_dates(t)) * 2 >= len(texts):
            return index
    return None


def _stated_hours(page: PageReader, table: Table) -> tuple[ClockSpan, RecurringDraft | None] | None:
    """The hours the page states once for all the rows: a recurrence's ("every Wednesday,
    20:00 - 21:00"), else the one range of hours on a line of prose just above or below the
    table ("All recordings: 9:00–10:30 a.m. PT.")."""
    for draft in page.recurring.for_event(page.event):
        if draft.clock is not None and draft.clock.end is not None:
            return draft.clock, draft
    above = [(n, text) for n, text in page.texts if table.number - _NEAR <= n < table.number]
    below = [(line.number, line.inline.text) for line in page.lines_ahead(_NEAR)]
    for number, text in [*reversed(above), *below]:
        if "|" in text or find_dates(text):
            continue
        hours = prose_hours(text)
        if hours is not None:
            page.hours_lines.add(number)  # said for the rows: no session of its own
            return hours, None
    for draft in page.recurring.for_event(page.event):
        length = find_prose_duration(draft.text) if draft.clock is not None else None
        if draft.clock is not None and length is not None:
            # "every other Wednesday at 9am Pacific (5pm UK) for 60 minutes"
            return replace(draft.clock, end=add_clock(draft.clock.start, length)), draft
    for draft in page.recurring.for_event(page.event):
        if draft.clock is not None:
            return draft.clock, draft  # "jeden ersten Donnerstag, jeweils ab 18:30 Uhr, Ende offen"
    return None


# "Beginn jeweils 18:30 Uhr, Ende gegen 21:00 Uhr": the word before a time that ends the hours
_END_WORD = compiled(
    r"(?i)\b(?:ende|end(?:s|ing)?|until|till|bis|fin|einde|tot|hasta|fino|jusqu)\b"
)


def prose_hours(text: str) -> ClockSpan | None:
    """The hours a line of prose states: one range ("All recordings: 9:00–10:30 a.m. PT."), or
    a start and an end said apart ("Beginn jeweils 18:30 Uhr, Ende gegen 21:00 Uhr")."""
    spans = find_clock_spans(text)
    ranges = [s for s in spans if s.end is not None]
    if len(ranges) == 1:
        return ranges[0]
    if (
        len(spans) == 2
        and not ranges
        and spans[0].start < spans[1].start
        and _END_WORD.search(text, spans[0].finish, spans[1].begin)
    ):
        return replace(spans[0], end=spans[1].start, finish=spans[1].finish)
    return None


def read_listed_items(page: PageReader) -> None:
    """List items that each give a date and a talk ("* **28.01.2025** – *Spring Boot 3.4* –
    Stefan Brenner") on a page that states the hours once and times nothing else: a meeting on
    each date at those hours, each an event of its own (as `read_listed_dates` reads a table)."""
    items = page.facts.date_items
    numbers = {line.number for line, _ in items}
    if len({mention.day for _, mention in items}) < 2:
        return
    hours = _hours_once(page, items[0][0].number)
    if hours is None:
        return
    if any(
        (e.sessions or (e.start is not None and not _states(e, hours, items[0][0].number)))
        and e.stated_line not in numbers
        for e in page.events
    ):
        return  # (an item with its own hours dates an event of its own: read again below)
    drafts = []
    for line, mention in items:
        rest = line.inline.text[mention.finish :]
        if _CANCELLED.search(rest):
            continue
        draft = _meeting(page, line.number, mention, rest.strip(" -–—:|·*_"), hours)
        if draft is not None:
            drafts.append(draft)
    if len({d.day for d in drafts}) < 2:
        return
    first = page.events[0]
    page.events[:] = [meeting_event(d, first) for d in drafts]
    for recurrence in page.recurring.drafts:
        recurrence.listed = True  # its meetings are the items


def _states(event: EventDraft, hours: ClockSpan, first_item: int) -> bool:
    """Whether `event`, with no sessions, is only the hours stated once above the items ("**When:**
    four Thursday evenings in October 2025, **6:00pm – 8:00pm** each night")."""
    return (
        not event.sessions
        and event.stated_line < first_item
        and (event.start, event.end) == (hours.start, hours.end)
    )


def _hours_once(page: PageReader, first_item: int) -> ClockSpan | None:
    """The hours a recurrence or an undated line of prose above the items states."""
    for draft in page.recurring.drafts:
        if draft.clock is not None and draft.clock.end is not None:
            return draft.clock
    for number, text in page.texts:
        if number >= first_item:
            break
        if not find_dates(text):
            hours = prose_hours(text)
            if hours is not None:
                return hours
    return None
