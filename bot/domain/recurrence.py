"""Recurring meetings: a series' rule expanded into occurrences over a window of time.

The rule is RFC 5545's RRULE, expanded by python-dateutil's `rrule` (the expander iCalendar
libraries use) on the series' first start in its own zone: the wall clock stays across DST.
A start that falls into a DST gap reads with the offset before the gap, as RFC 5545 says (02:30
on the spring-forward night in Los Angeles is 03:30 PDT), one in the repeated hour is the first.

Occurrences are plain sessions (`Session.series_id`, `Session.recurrence_id`): everything that
works on sessions (agenda views, reminders, stars, change notices) works on them, each with an
id of its own and so a delivery key of its own. Calendar files write the series as one event
with RRULE/EXDATE/RDATE and the changed occurrences as RECURRENCE-ID overrides instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from dateutil.rrule import rrule, rrulestr

from bot.domain.agenda import Recurrence, Schedule, Session
from bot.domain.zones.local_time import midnight

# Past this many occurrences in one window a rule is runaway ("FREQ=DAILY" over ten years is
# 3,650, still fine; "FREQ=MINUTELY" is refused when read).
MAX_OCCURRENCES = 5000
ALLOWED_FREQUENCIES = frozenset(("DAILY", "WEEKLY", "MONTHLY", "YEARLY"))
# The window agendas are expanded over when nothing else asks (the bot's own agenda views,
# reminders): a week back (what just happened), four months ahead.
DEFAULT_BEFORE = timedelta(days=7)
DEFAULT_AHEAD = timedelta(days=120)


class RecurrenceError(ValueError):
    """A rule that cannot be expanded: the message says why, in words for the organizer."""


def check_rule(rule: str, first_start: datetime) -> str:
    """The rule in the form this module expands (upper case, no "RRULE:", UNTIL in UTC), or
    RecurrenceError saying what is wrong with it."""
    text = rule.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    parts: dict[str, str] = {}
    for part in text.split(";"):
        name, sep, value = part.strip().partition("=")
        if not sep or not name or not value:
            raise RecurrenceError(f"{rule!r} is not an RRULE (NAME=VALUE parts separated by ';')")
        parts[name.strip().upper()] = value.strip().upper()
    frequency = parts.get("FREQ")
    if frequency is None:
        raise RecurrenceError(f"{rule!r} has no FREQ")
    if frequency not in ALLOWED_FREQUENCIES:
        raise RecurrenceError(
            f"{rule!r}: FREQ={frequency} is not for meetings (DAILY, WEEKLY, MONTHLY or YEARLY)"
        )
    if "UNTIL" in parts and "COUNT" in parts:
        raise RecurrenceError(f"{rule!r} has both UNTIL and COUNT (RFC 5545 allows one)")
    if "UNTIL" in parts:
        parts["UNTIL"] = _utc_until(parts["UNTIL"], first_start, rule)
    normal = ";".join(f"{name}={value}" for name, value in parts.items())
    try:
        _rule(normal, first_start)
    except (ValueError, TypeError, OverflowError) as exc:
        raise RecurrenceError(f"{rule!r} does not read as an RRULE: {exc}") from None
    return normal


def rule_start(moment: datetime, wall: datetime) -> datetime:
    """A series' first start: `moment` (the instant the naive `wall` was read as) with the
    wall clock as written. A first start in a DST gap ("02:30" on the spring-forward night in
    Los Angeles) is the same instant, read with the offset before the gap, but keeps 02:30, so
    that the rule repeats at 02:30 and only the occurrence in the gap moves (RFC 5545 section
    3.3.10), as the .ics reader keeps DTSTART."""
    written = wall.replace(tzinfo=moment.tzinfo, fold=0)
    if written.astimezone(UTC) == moment.astimezone(UTC):
        return written
    return moment


def _utc_until(value: str, first_start: datetime, rule: str) -> str:
    """UNTIL as UTC ("20261231T235959Z"): a date means the end of that day in the series'
    zone, a local time is read in that zone."""
    zone = first_start.tzinfo
    assert zone is not None
    match = re.fullmatch(r"(\d{8})(?:T(\d{6})(Z?))?", value)
    if match is None:
        raise RecurrenceError(f"{rule!r}: UNTIL={value} is not a date or date-time")
    day, clock, utc = match.groups()
    try:
        stamp = day + (clock or "235959")
        local = datetime(
            int(stamp[:4]),
            int(stamp[4:6]),
            int(stamp[6:8]),
            int(stamp[8:10]),
            int(stamp[10:12]),
            int(stamp[12:14]),
            tzinfo=UTC if utc else zone,
        )
    except ValueError:
        raise RecurrenceError(f"{rule!r}: UNTIL={value} is not a real date") from None
    return local.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _rule(rule: str, first_start: datetime) -> rrule:
    made = rrulestr(rule, dtstart=first_start, forceset=False)
    assert isinstance(made, rrule)
    return made


def occurrence_starts(series: Session, start: datetime, end: datetime) -> list[datetime]:
    """The starts (aware, in the series' zone) of `series`' occurrences that begin in
    [start, end), EXDATEs left out, RDATEs in, in order."""
    repeat = series.repeat
    if repeat is None:
        return [series.start] if start <= series.start < end else []
    rule = _rule(check_rule(repeat.rule, series.start), series.start)
    skipped = {_instant(moment) for moment in repeat.exdates}
    found: dict[float, datetime] = {}
    for moment in _between(rule, start, end):
        found.setdefault(_instant(moment), moment)
    if start <= series.start < end:  # DTSTART is always the first, matching the rule or not
        found.setdefault(_instant(series.start), series.start)
    for extra in repeat.rdates:
        if start <= extra < end:
            found.setdefault(_instant(extra), extra.astimezone(series.start.tzinfo))
    return [found[key] for key in sorted(found) if key not in skipped]


def _between(rule: rrule, start: datetime, end: datetime) -> Iterator[datetime]:
    for count, moment in enumerate(rule.xafter(start, inc=True)):
        if moment >= end:
            return
        if count >= MAX_OCCURRENCES:
            raise RecurrenceError(f"more than {MAX_OCCURRENCES} occurrences in one window")
        yield _normal(moment)


def _normal(moment: datetime) -> datetime:
    """A wall-clock time the zone skips (a DST gap) as the instant RFC 5545 means: the time read
    with the offset before the gap, written in the offset after it."""
    tz = moment.tzinfo
    assert tz is not None
    return moment.astimezone(UTC).astimezone(tz)


def _instant(moment: datetime) -> float:
    return moment.timestamp()


def occurrence_id(series: Session, recurrence_id: datetime) -> str:
    """`series-id@20261202` (the occurrence's day in the series' zone), with the time when the
    rule meets more than once a day (`@20261202T1700`)."""
    local = recurrence_id.astimezone(series.start.tzinfo)
    if series.repeat is not None and _sub_daily(series.repeat):
        return f"{series.id}@{local:%Y%m%dT%H%M}"
    return f"{series.id}@{local:%Y%m%d}"


def _sub_daily(repeat: Recurrence) -> bool:
    """Whether the rule may meet twice a day (several BYHOUR or BYMINUTE values)."""
    for part in repeat.rule.upper().split(";"):
        name, _, value = part.partition("=")
        if name.strip() in ("BYHOUR", "BYMINUTE") and "," in value:
            return True
    return False


def occurrences(schedule: Schedule, start: datetime, end: datetime) -> list[Session]:
    """Every occurrence of `schedule`'s series that starts in [start, end), overrides applied
    (an override moved into the window counts, one moved out of it does not), in start order."""
    overrides = {
        (o.series_id, _instant(o.recurrence_id)): o
        for o in schedule.overrides
        if o.series_id is not None and o.recurrence_id is not None
    }
    found: list[Session] = []
    for series in schedule.series:
        ids: set[str] = set()
        for moment in occurrence_starts(series, start - _LONGEST_MOVE, end + _LONGEST_MOVE):
            made = overrides.get((series.id, _instant(moment))) or _occurrence(series, moment)
            wanted = occurrence_id(series, moment)
            if wanted in ids:  # an RDATE on a day the rule meets too
                wanted = f"{series.id}@{moment.astimezone(series.start.tzinfo):%Y%m%dT%H%M}"
            ids.add(wanted)
            if made.id != wanted:
                made = replace(made, id=wanted)
            if start <= made.start < end:
                found.append(made)
    return sorted(found, key=lambda s: (s.start, s.id))


# An override may move an occurrence this far from where the rule puts it and still be found.
_LONGEST_MOVE = timedelta(days=31)


def _occurrence(series: Session, moment: datetime) -> Session:
    return replace(
        series,
        id=occurrence_id(series, moment),
        start=moment,
        end=_occurrence_end(series, moment),
        repeat=None,
        series_id=series.id,
        recurrence_id=moment,
    )


def _occurrence_end(series: Session, moment: datetime) -> datetime | None:
    """The end of the occurrence starting at `moment`: the series' exact length later, as
    RFC 5545 says for DTEND (a 01:00-03:00 meeting on a spring-forward night ends at 04:00); an
    all-day series keeps its days (midnight to midnight, whatever DST does in between)."""
    if series.end is None:
        return None
    tz = moment.tzinfo
    assert tz is not None
    if series.all_day:
        days = series.end.astimezone(tz).date() - series.start.astimezone(tz).date()
        return midnight(moment.date() + days, tz)
    exact = series.end.astimezone(UTC) - series.start.astimezone(UTC)
    return (moment.astimezone(UTC) + exact).astimezone(tz)


def expanded(schedule: Schedule, start: datetime, end: datetime) -> Schedule:
    """`schedule` with the occurrences of its series in [start, end) among its sessions (any
    occurrences it held before are replaced); a schedule without series comes back as is."""
    if not schedule.series:
        return schedule
    one_off = [s for s in schedule.sessions if s.series_id is None]
    merged = sorted([*one_off, *occurrences(schedule, start, end)], key=_order)
    return replace(schedule, sessions=tuple(merged))


def _order(session: Session) -> tuple[datetime, int, str]:
    return (session.start, session.line, session.id)


def expanded_all(
    schedules: Iterable[Schedule], now: datetime, *, until: datetime | None = None
) -> list[Schedule]:
    """Every schedule expanded over the default window around `now` (or up to `until`)."""
    end = until if until is not None else now + DEFAULT_AHEAD
    return [expanded(s, now - DEFAULT_BEFORE, end) for s in schedules]


def first_weekday_on_or_after(day: date, weekday: int) -> date:
    """The first date on or after `day` that falls on `weekday` (Monday 0)."""
    return day + timedelta(days=(weekday - day.weekday()) % 7)


__all__ = [
    "DEFAULT_AHEAD",
    "DEFAULT_BEFORE",
    "RecurrenceError",
    "check_rule",
    "expanded",
    "expanded_all",
    "first_weekday_on_or_after",
    "occurrence_id",
    "occurrence_starts",
    "occurrences",
]
