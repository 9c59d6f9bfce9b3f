"""What the Markdown reader collects while it walks a page: sessions and events as drafts, with
their wall-clock times still unzoned, and the small value helpers the reading steps share."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any, TypeVar

from bot.domain.agenda import Link, SessionKind, Speaker
from bot.domain.patterns import compiled
from bot.domain.readers.markdown.blocks import Inline
from bot.domain.readers.markdown.vocabulary import Role
from bot.domain.timetext.clock import ClockSpan
from bot.domain.zones.resolve import ZoneMention

_T = TypeVar("_T")

# An event lasts a week at most: dates further apart are separate events, and only an event this
# long may have the same hours each day or name its days in passing.
DAYS_OF_ONE_EVENT = 7


@dataclass(slots=True, eq=False)  # drafts are compared by identity: each is one place on the page
class Draft:
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
    twenty_four_hour: bool = False  # its line writes an hour 13-23 without am/pm ("13:30")
    overnight: bool = False  # an end written as the next morning's ("7:30pm - 8:00am")
    # From a one-line summary of the evening ("Einlass 18:30, Beginn 19:00"): the agenda below,
    # when it lists something at the same time, says it better.
    summary: bool = False
    onwards: bool = False  # "10 AM onwards Career Fair": open until the day ends
    # A milestone on a timeline of dated ranges ("Submissions close"): it ends nothing and runs
    # to nothing.
    moment: bool = False
    # The session's whole line ("02h30 – 03h00 (heure d'hiver) — Point d'étape"): which of two
    # readings of a time in the hour the clocks go back it means
    written: str = ""
    told_apart: bool = False  # "## Afterparty" over a paragraph with its hours, not the agenda


@dataclass(slots=True, eq=False)  # drafts are compared by identity: each is one place on the page
class EventDraft:
    """One event on the page: its own date line, zone, venue and sessions."""

    line: int
    first_day: date | None = None
    last_day: date | None = None
    start: time | None = None
    end: time | None = None
    end_twelve_hour: bool = False  # a prose end without am/pm ("Doors close at 5:30")
    # The last day the event's hours were stated for ("### Dia 1 · 15/05/2025 · 19h às 22h"):
    # a day added by a later heading does not end at them. None: its last day.
    hours_day: date | None = None
    # The hours run from the first day to the last ("May 16, 9 AM – May 17, 4 PM").
    across: bool = False
    stated_line: int = 0  # the event's date/time line, 0 until one is read
    zone: ZoneMention | None = None
    zone_line: int = 0
    venue: str | None = None
    room: str | None = None  # "**Room:** Lille UP1": where its one talk is, when it is one
    sessions: list[Draft] = field(default_factory=list)
    alternates: list[tuple[ClockSpan, ZoneMention]] = field(default_factory=list)
    heading: str | None = None  # the heading that introduces it, when the page has one
    section: int = 0  # the line its section starts on (its heading's), 0 until known
    title: str | None = None  # "Title: ..." for an event that is one talk
    # "**NYC Data Eng: Happy Hour + Talks**" between its heading and its venue and hours: the
    # name of an event that is one session
    name: str | None = None
    # "**Incident reviews people actually read**" right under a listed event's date and hours
    # (a speaker's page): what that one session is, when the page lists several events
    named_below: str | None = None
    speakers: list[Speaker] = field(default_factory=list)  # "Speaker: ..." outside any session
    statements: list[tuple[ZoneMention, int]] = field(
        default_factory=list
    )  # prose zone statements in its section
    capacity: int | None = None  # seats, settled after the walk (capacity.py)

    def through_the_night(self) -> bool:
        """ "Thursday 5:30 PM to Friday 7:00 AM": the event runs through one night."""
        return (
            self.first_day is not None
            and self.last_day == self.first_day + timedelta(days=1)
            and self.start is not None
            and self.end is not None
            and self.end < self.start
        )


def end_weekday_day(day: date | None, span: ClockSpan) -> date | None:
    """The day a range ends on when it names the end's weekday ("20 h 00 → dim. 11 h" on a
    Friday, "12:00 PM Sat – 11:00 AM Sun"), when that is not what its clock says already (an
    end before the start is the next morning's)."""
    if span.end_weekday is None or day is None or span.end is None:
        return None
    ahead = (span.end_weekday - day.weekday()) % 7
    if ahead > 1 or (ahead == 1 and span.end > span.start):
        return day + timedelta(days=ahead)
    return None


def meeting_event(draft: Draft, like: EventDraft) -> EventDraft:
    """An event of the one session `draft`, on its day, where `like` was (zone, venue): one
    meeting of a list or series the page gives."""
    return EventDraft(
        line=draft.line,
        first_day=draft.day,
        stated_line=draft.line,
        zone=like.zone,
        zone_line=like.zone_line,
        venue=like.venue,
        sessions=[draft],
    )


# A short remark in brackets closing a text ("Açılış (17:00 CET)", "London (BST → GMT)")
TRAILING_REMARK = compiled(r"\s*[(（]([^()（）]{1,30})[)）]\s*$")


def year_in(text: str | None) -> date | None:
    """January 1st of a year named in a title, as the reference for dates written without one."""
    match = re.search(r"(?<!\d)(19[7-9]\d|20\d\d)(?!\d)", text or "")
    return date(int(match.group(1)), 1, 1) if match else None


def crosses_midnight(start: time, end: time) -> bool:
    """23:00-01:00 and an overnight hackathon's 20:30-09:00 are night sessions; 14:30-14:00 is
    a typo."""
    return start.hour >= 18 and end <= time(12)  # "20:00 → 12:00 Hacking" ends at noon


def add_clock(clock: time, amount: timedelta) -> time:
    return (datetime.combine(date(2000, 1, 1), clock) + amount).time()


def minutes_text(amount: timedelta) -> str:
    return f"{int(amount.total_seconds() // 60)}m"


def offset_on(tz: tzinfo, day: date) -> timedelta | None:
    return datetime.combine(day, time(12), tz).utcoffset()


def first_index(roles: list[Role | None], role: Role) -> int | None:
    return roles.index(role) if role in roles else None


def links_of(inline: Inline, label: str) -> list[Link]:
    links = [Link(link.url, link.label or label) for link in inline.links]
    if not links:
        for url in re.findall(r"https?://[^\s)）>\]]+", inline.text):
            links.append(Link(url, label))
    return links


def dedupe(items: list[_T]) -> list[_T]:
    seen: list[_T] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


def text_field(fields: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = fields.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


_ISO_DATETIME = compiled(
    r"(?P<day>\d{4}-\d{2}-\d{2})(?:[T ]+(?P<clock>\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)"
    r"\s*(?P<zone>Z|[+-]\d{2}:?\d{2}|[+-]\d{1,2})?)?"
)


def datetime_value(value: object) -> date | datetime | None:
    """A front-matter date: "2021-07-10", "2021-07-10T13:30:00+08:00", "2024-05-16 19:00:00
    +0100", or a TOML date/datetime."""
    if isinstance(value, datetime | date):
        return value
    if not isinstance(value, str):
        return None
    match = _ISO_DATETIME.fullmatch(value.strip())
    if match is None:
        return None
    try:
        day = date.fromisoformat(match.group("day"))
        if match.group("clock") is None:
            return day
        clock = (
            match.group("clock").rjust(5, "0")
            if len(match.group("clock")) < 5
            else match.group("clock")
        )
        zone = match.group("zone") or ""
        if zone and zone != "Z" and ":" not in zone:
            zone = (
                f"{zone[0]}{zone[1:].rjust(2, '0')}:00"
                if len(zone) <= 3
                else f"{zone[:3]}:{zone[3:]}"
            )
        return datetime.fromisoformat(f"{day.isoformat()}T{clock}{zone}")
    except ValueError:
        return None
