"""An agenda as one member sees it: days in their zone, and what is on now and next.

Occurrences of repeating sessions are sessions like the others here; a member's agenda shows
those from their today on (a few per series), never the ones gone by, and says how each repeats.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo

from bot.domain.agenda import Schedule, Session

# The occurrences of one series a member's agenda shows at most: the next few meetings.
UPCOMING_OCCURRENCES = 5


@dataclass(frozen=True, slots=True)
class Entry:
    session: Session
    start: datetime  # in the member's zone
    end: datetime | None
    organizers_day: date  # the date the organizers print for it
    other_day: bool  # the member's date differs from the organizers'


@dataclass(frozen=True, slots=True)
class Day:
    day: date
    entries: tuple[Entry, ...]


def days_for(schedule: Schedule, tz: tzinfo, today: date | None = None) -> list[Day]:
    """The sessions grouped by the member's local date (all-day entries by their own dates).
    With `today` (the member's date), occurrences of repeating sessions before it are left out,
    and only the next `UPCOMING_OCCURRENCES` of each series are shown; one-off sessions all are.
    """
    grouped: dict[date, list[Entry]] = {}
    shown: dict[str, int] = {}
    for session in schedule.sessions:
        if today is not None and session.series_id is not None:
            day = session.first_day if session.all_day else session.start.astimezone(tz).date()
            count = shown.get(session.series_id, 0)
            if day < today or count >= UPCOMING_OCCURRENCES:
                continue
            shown[session.series_id] = count + 1
        organizers = session.start.astimezone(schedule.timezone).date()
        if session.all_day:
            start, end, local_day = session.start, session.end, session.first_day
        else:
            start = session.start.astimezone(tz)
            end = session.end.astimezone(tz) if session.end else None
            local_day = start.date()
        entry = Entry(
            session, start, end, organizers, local_day != organizers and not session.all_day
        )
        grouped.setdefault(local_day, []).append(entry)
    return [Day(d, tuple(grouped[d])) for d in sorted(grouped)]


def now_and_next(schedule: Schedule, now: datetime) -> tuple[list[Session], list[Session]]:
    """Sessions on now (started, not ended) and the next ones to start (all starting together)."""
    instant = now.astimezone(UTC)
    current = [
        s
        for s in schedule.sessions
        if not s.all_day
        and s.start.astimezone(UTC) <= instant
        and s.end is not None
        and instant < s.end.astimezone(UTC)
    ]
    upcoming = [s for s in schedule.sessions if not s.all_day and s.start.astimezone(UTC) > instant]
    if not upcoming:
        return current, []
    first = min(s.start.astimezone(UTC) for s in upcoming)
    return current, [s for s in upcoming if s.start.astimezone(UTC) == first]


@dataclass(frozen=True, slots=True)
class Repeats:
    """How a series repeats, in the terms a short label needs: "WEEKLY" every `interval` weeks
    on `weekdays` (Monday 0), "DAILY", "MONTHLY", "YEARLY"; `simple` is False when the rule
    says more than that (BYSETPOS, several months...), and a label says only that it repeats."""

    frequency: str
    interval: int
    weekdays: tuple[int, ...]
    simple: bool


_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_PLAIN_PARTS = frozenset(("FREQ", "INTERVAL", "BYDAY", "UNTIL", "COUNT", "WKST"))


def series_of(schedule: Schedule, session: Session) -> Session | None:
    """The series `session` is an occurrence of (None for a one-off session), or the session
    itself when it is a series."""
    if session.repeat is not None:
        return session
    if session.series_id is None:
        return None
    return next((s for s in schedule.series if s.id == session.series_id), None)


def repeats(series: Session) -> Repeats | None:
    """How `series` repeats (None for a one-off session). Weekdays are read in the series' own
    zone: the day the organizers meet."""
    if series.repeat is None:
        return None
    parts: dict[str, str] = {}
    for part in series.repeat.rule.upper().removeprefix("RRULE:").split(";"):
        name, _, value = part.partition("=")
        parts[name.strip()] = value.strip()
    frequency = parts.get("FREQ", "")
    simple = set(parts) <= _PLAIN_PARTS
    try:
        interval = max(1, int(parts.get("INTERVAL", "1")))
    except ValueError:
        interval, simple = 1, False
    weekdays: list[int] = []
    for day in filter(None, parts.get("BYDAY", "").split(",")):
        if day not in _WEEKDAYS:  # "1WE", "-1FR": a day of the month
            simple = False
            continue
        weekdays.append(_WEEKDAYS.index(day))
    if frequency == "WEEKLY" and not weekdays:
        weekdays.append(series.start.weekday())
    elif frequency != "WEEKLY" and weekdays:
        simple = False
    return Repeats(frequency, interval, tuple(sorted(set(weekdays))), simple)
