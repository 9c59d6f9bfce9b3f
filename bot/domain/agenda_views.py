"""An agenda as one member sees it: days in their zone, and what is on now and next."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo

from bot.domain.agenda import Schedule, Session


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


def days_for(schedule: Schedule, tz: tzinfo) -> list[Day]:
    """The sessions grouped by the member's local date (all-day entries by their own dates)."""
    grouped: dict[date, list[Entry]] = {}
    for session in schedule.sessions:
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
