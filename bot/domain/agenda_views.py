"""An agenda as one member sees it: days in their zone, and what is on now and next.

Occurrences of repeating sessions are sessions like the others here; a member's agenda shows
those from their today on (the next few, all series together in time order), never the ones
gone by unless a day is asked for, and says how each repeats.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo

from bot.domain.agenda import Schedule, Session
from bot.domain.patterns import compiled

# The occurrences of repeating sessions a member's agenda shows at most, all series together in
# time order (and the rest of the day the last one falls on): the next few meetings.
UPCOMING_OCCURRENCES = 10


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


@dataclass(frozen=True, slots=True)
class Listing:
    """The days of an agenda as shown, and the member's day after which occurrences of
    repeating sessions were left out (None: none was)."""

    days: list[Day]
    more_after: date | None = None


def days_for(
    schedule: Schedule, tz: tzinfo, today: date | None = None, *, only: date | None = None
) -> list[Day]:
    """The sessions grouped by the member's local date (see `listing`)."""
    return listing(schedule, tz, today, only=only).days


def listing(
    schedule: Schedule,
    tz: tzinfo,
    today: date | None = None,
    *,
    only: date | None = None,
    upcoming: int = UPCOMING_OCCURRENCES,
) -> Listing:
    """The sessions grouped by the member's local date (all-day entries by their own dates).

    With `only`, every session on that day, occurrences included. Else, with `today` (the
    member's date), occurrences of repeating sessions before it are left out and the next
    `upcoming` of them are shown in time order whatever series each belongs to, with the rest
    of the day the last of them falls on (`more_after` says when more follow); one-off sessions
    all are."""
    chosen: list[tuple[Session, date]] = []
    occurrences = 0
    last_day: date | None = None
    more_after: date | None = None
    for session in schedule.sessions:
        local_day = _local_day(session, tz)
        if only is not None:
            if local_day == only:
                chosen.append((session, local_day))
            continue
        if today is not None and session.series_id is not None:
            if local_day < today or more_after is not None:
                continue
            if occurrences >= upcoming and last_day is not None and local_day > last_day:
                more_after = last_day
                continue
            occurrences += 1
            last_day = local_day
        chosen.append((session, local_day))
    grouped: dict[date, list[Entry]] = {}
    for session, local_day in chosen:
        organizers = session.start.astimezone(schedule.timezone).date()
        if session.all_day:
            start, end = session.start, session.end
        else:
            start = session.start.astimezone(tz)
            end = session.end.astimezone(tz) if session.end else None
        entry = Entry(
            session, start, end, organizers, local_day != organizers and not session.all_day
        )
        grouped.setdefault(local_day, []).append(entry)
    return Listing([Day(d, tuple(grouped[d])) for d in sorted(grouped)], more_after)


def _local_day(session: Session, tz: tzinfo) -> date:
    return session.first_day if session.all_day else session.start.astimezone(tz).date()


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
    on `weekdays` (Monday 0), "DAILY", "MONTHLY", "YEARLY"; a monthly series may meet on
    `month_weekdays` ((1, 2): the first Wednesday, (-1, 4): the last Friday) or on `month_days`
    (15, or -1 for the last day); `times` are the wall-clock times (hour, minute) of a series
    that meets several times a day. `simple` is False when the rule says more than that, and a
    label says only that it repeats."""

    frequency: str
    interval: int
    weekdays: tuple[int, ...]
    simple: bool
    month_weekdays: tuple[tuple[int, int], ...] = ()
    month_days: tuple[int, ...] = ()
    times: tuple[tuple[int, int], ...] = ()


_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_PLAIN_PARTS = frozenset(
    ("FREQ", "INTERVAL", "BYDAY", "UNTIL", "COUNT", "WKST", "BYHOUR", "BYMINUTE")
)
_MONTHLY_PARTS = frozenset(("BYMONTHDAY", "BYSETPOS"))
_NTH_DAY = compiled(r"([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)")


def series_of(schedule: Schedule, session: Session) -> Session | None:
    """The series `session` is an occurrence of (None for a one-off session), or the session
    itself when it is a series."""
    if session.repeat is not None:
        return session
    if session.series_id is None:
        return None
    return next((s for s in schedule.series if s.id == session.series_id), None)


def repeats(series: Session) -> Repeats | None:
    """How `series` repeats (None for a one-off session). Weekdays and times are read in the
    series' own zone: the day and the time the organizers meet."""
    if series.repeat is None:
        return None
    parts: dict[str, str] = {}
    for part in series.repeat.rule.upper().removeprefix("RRULE:").split(";"):
        name, _, value = part.partition("=")
        parts[name.strip()] = value.strip()
    frequency = parts.get("FREQ", "")
    allowed = _PLAIN_PARTS | (_MONTHLY_PARTS if frequency == "MONTHLY" else frozenset())
    simple = set(parts) <= allowed
    try:
        interval = max(1, int(parts.get("INTERVAL", "1")))
        setpos = _numbers(parts.get("BYSETPOS", ""))
        month_days = _numbers(parts.get("BYMONTHDAY", ""))
        hours = _numbers(parts.get("BYHOUR", "")) or [series.start.hour]
        minutes = _numbers(parts.get("BYMINUTE", "")) or [series.start.minute]
    except ValueError:
        return Repeats(frequency, 1, (), False)
    weekdays: list[int] = []
    nth: list[tuple[int, int]] = []
    for day in filter(None, parts.get("BYDAY", "").split(",")):
        match = _NTH_DAY.fullmatch(day)
        if match is None:
            simple = False
        elif match[1] is None:
            weekdays.append(_WEEKDAYS.index(match[2]))
        else:
            nth.append((int(match[1]), _WEEKDAYS.index(match[2])))
    if setpos:  # BYDAY=WE;BYSETPOS=1: the first Wednesday
        if len(setpos) == 1 and len(weekdays) == 1 and not nth and not month_days:
            nth, weekdays = [(setpos[0], weekdays[0])], []
        else:
            simple = False
    if frequency == "WEEKLY" and not weekdays:
        weekdays.append(series.start.weekday())
    elif frequency != "WEEKLY" and weekdays:
        simple = False
    if nth and (frequency != "MONTHLY" or month_days):
        simple = False
    if any(n == 0 or not -1 <= n <= 5 for n, _ in nth):
        simple = False
    if any(d == 0 or not -1 <= d <= 31 for d in month_days):
        simple = False
    times = sorted({(h, m) for h in hours for m in minutes})
    if any(not (0 <= h <= 23 and 0 <= m <= 59) for h, m in times):
        simple = False
    return Repeats(
        frequency,
        interval,
        tuple(sorted(set(weekdays))),
        simple,
        tuple(sorted(set(nth), key=lambda d: (d[0] < 0, d[0], d[1]))),
        tuple(sorted(set(month_days), key=lambda d: (d < 0, d))),
        tuple(times) if len(times) > 1 else (),
    )


def _numbers(value: str) -> list[int]:
    return [int(n) for n in value.split(",") if n.strip()]
