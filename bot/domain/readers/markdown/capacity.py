"""How many seats an event has, as its page says: "Seats: 80", "Capacity: 120", "limited to 50
people", "max 40 attendees", "限额 100 人", "名额有限（100人）", "定員 60 名", "정원 30명".

Every line of the walk is offered here. The page's text is looked through once for the cue words;
a page without any (most) costs nothing more, and on the others only a line holding one of
the cues the page has is searched with regular expressions. What a line says is kept with its line
and the session it belongs to (a workshop "limited to 20 seats" inside an agenda limits that
workshop, not the event), and settled once the walk is done: each event takes the first
statement in its own section, then one made before the page's first event for every event, then
the front matter's `capacity`/`seats`/`max_attendees`/`limit`. "Seats are limited" gives no
number and leaves the capacity unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.domain.patterns import compiled
from bot.domain.readers.markdown.drafts import Draft, EventDraft

if TYPE_CHECKING:
    from bot.domain.readers.markdown.page import PageReader

# A line that may state seats holds one of these (lowercased); nothing else is looked at.
_CUES = (
    "seat",
    "capaci",
    "limit",
    "max",
    "限",
    "名额",
    "名額",
    "定員",
    "정원",
    "인원",
    "plätze",
    "teilnehmer",
    "begrenzt",
    "kapazität",
    "places",
    "cupo",
    "plazas",
    "aforo",
    "vagas",
    "上限",
    "座位",
)
_ASCII_CUES = tuple(cue for cue in _CUES if cue.isascii())

# A number of seats: "80", "1,000"; not "50%", "80/120", "30-40", "18:00" or "2.5".
_N = (
    r"(?P<n>\d{1,3}(?:[,，]\d{3})+(?!\d)|\d{1,7}(?!\d))"
    r"(?![A-Za-z]|\s*[%％]|\s*[/／]\s*\d|[.:\-–~]\d)"
)
_PEOPLE = (
    r"(?:people|persons?|attendees|participants|guests|seats|spots|places|pax|registrants|"
    r"personen|teilnehmer(?:innen|\*innen|:innen)?|teilnehmende|plätze|personnes|"
    r"participantes|personas|asistentes|plazas|lugares|pessoas|vagas)\b"
    r"(?!\s*(?:per|each|pro|par|por|je)\b)"  # "max 4 people per team" limits a team
)
_STATEMENTS = tuple(
    compiled(pattern, re.IGNORECASE)
    for pattern in (
        # "Seats: 80", "**Capacity:** 120 people", "Max attendees: 40", "Plätze: 40", "Vagas: 50"
        r"(?<!\w)(?:seats|capacity|max(?:imum)?\.?\s+(?:attendees|participants|seats|capacity)|"
        r"attendee limit|attendance limit|teilnehmerzahl|plätze|kapazität|capacité|capacidad|"
        r"capacidade|places|plazas|cupos?|aforo|vagas)[*_]*\s*[:：]\s*[*_]*\s*"
        r"(?:(?:up to|max(?:imum)?\.?|maximal|bis zu|jusqu'à|hasta|até)\s+)?" + _N,
        # "a capacity of 120", "Room 101 (capacity 80)", "capacity is 120"
        r"(?<!\w)(?:capacity|capacité|capacidad|capacidade|kapazität)\s+(?:(?:of|is|de|von)\s+)?"
        + _N,
        # "limited to 50 people", "max 40 attendees", "begrenzt auf 40 Teilnehmer"
        r"(?<!\w)(?:limited to|limit(?: of)?|capped at|max(?:imum)?\.?(?: of)?|maximal|"
        r"begrenzt auf|limité(?:e|es|s)? à|limitad[oa]s? a)\s+(?:the first\s+)?"
        + _N
        + r"\s*"
        + _PEOPLE,
        # "seats are limited to 80", "space is limited to 50"
        r"(?<!\w)(?:seats?|space|spots|places|attendance|capacity|registration)\s+(?:is|are)\s+"
        r"(?:limited|capped)\s+(?:to|at)\s+" + _N,
        # "限额 100 人", "限额：100"
        r"限[额額]\s*[:：]?\s*" + _N,
        # "限 100 人", "仅限 100 人", "限定 30 名"
        r"限定?\s*" + _N + r"\s*(?:人|名|位)",
        # "名额 100 个", "名额：100", "名额有限（100人）", "名额有限，仅 100 人"
        r"名[额額](?:有限)?\s*[:：,，(（]?\s*(?:仅|僅|限|共)?\s*" + _N + r"\s*(?:个|個|人|名|位)?",
        # "人数上限 100", "座位：100"
        r"(?:人数上限|人數上限|座位数?|座位數)\s*[:：]?\s*" + _N,
        # "定員 60 名", "定員：60人"
        r"定員\s*[:：]?\s*" + _N,
        # "정원 30명", "모집 인원: 30명"
        r"(?:정원|모집\s*인원)\s*[:：]?\s*" + _N,
    )
)


def seats_in(text: str, cues: tuple[str, ...] = _CUES) -> int | None:
    """The number of seats a line states, or None ("seats are limited", "50% off"). Only a line
    holding one of `cues` is searched."""
    lowered = text.lower()
    if not any(cue in lowered for cue in cues):
        return None
    found: tuple[int, int] | None = None  # (position, seats): the first statement on the line
    for pattern in _STATEMENTS:
        match = pattern.search(text)
        if match is None:
            continue
        seats = int(re.sub(r"[,，]", "", match.group("n")))
        if seats > 0 and (found is None or match.start() < found[0]):
            found = (match.start(), seats)
    return None if found is None else found[1]


@dataclass(frozen=True, slots=True)
class Statement:
    seats: int
    line: int
    session: Draft | None  # the session the line belongs to, None for the event's own lines


class CapacityLines:
    """What the page's lines say about seats, settled into its events after the walk."""

    def __init__(self, page: PageReader, text: str | None) -> None:
        self.page = page
        self.statements: list[Statement] = []
        # The cues the page's text holds at all (`text` is None for blocks made elsewhere, an
        # HTML page's): most pages hold none, and their lines are not looked at again.
        self.cues: tuple[str, ...] = _CUES
        if text is not None:
            lowered = text.lower()
            cues = _ASCII_CUES if lowered.isascii() else _CUES
            self.cues = tuple(c for c in cues if c in lowered)

    def seats_in(self, text: str) -> int | None:
        """The seats `text`, a line of the page, states."""
        return seats_in(text, self.cues) if self.cues else None

    def add(self, seats: int, line: int, session: Draft | None) -> None:
        self.statements.append(Statement(seats, line, session))

    def settle(self) -> None:
        """Each event's capacity: its own section's statement, then the page's, then the front
        matter's. Two numbers for one event are reported; the first is kept."""
        events = self.page.events
        if not events:
            return
        starts = _section_starts(events)
        own: list[list[Statement]] = [[] for _ in events]
        page_wide: list[Statement] = []
        first_section = events[0].section
        for statement in self.statements:
            if len(events) > 1 and statement.line < first_section:
                page_wide.append(statement)
                continue
            index = max(i for i, start in enumerate(starts) if start <= statement.line or i == 0)
            own[index].append(statement)
        front = self.page.front_fields.capacity
        reported: set[int] = set()  # a page-wide statement is reported once, not per event
        for event, statements in zip(events, own, strict=True):
            said = _of_event(event, statements) or page_wide
            if not said:
                event.capacity = None if front is None else front[0]
                continue
            event.capacity = said[0].seats
            if said[0].line not in reported:
                reported.add(said[0].line)
                self._disagreement(said, front)

    def _disagreement(self, said: list[Statement], front: tuple[int, str] | None) -> None:
        """A second number for the same event, in its section or in the front matter."""
        chosen = said[0]
        other = next((s for s in said if s.seats != chosen.seats), None)
        if other is not None:
            self.page.diag.warn(
                other.line,
                f"{other.seats} seats here, {chosen.seats} on line {chosen.line}; "
                f"using {chosen.seats}",
            )
        elif front is not None and front[0] != chosen.seats:
            self.page.diag.warn(
                chosen.line,
                f"{chosen.seats} seats here, {front[0]} in the front matter {front[1]}; "
                f"using {chosen.seats}",
            )


def _section_starts(events: list[EventDraft]) -> list[int]:
    """Where each event's section begins: its heading, else the line that opened it."""
    starts: list[int] = []
    for event in events:
        start = event.line
        if starts and starts[-1] < event.section <= event.line:
            start = event.section
        starts.append(start)
    return starts


def _of_event(event: EventDraft, statements: list[Statement]) -> list[Statement]:
    """The event's own statements; those inside a session count when that session is the
    event's only one (a one-talk meetup)."""
    own = [s for s in statements if s.session is None]
    if not own and len(event.sessions) == 1:
        own = [s for s in statements if s.session is event.sessions[0]]
    return own
