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
from bot.domain.diagnostics import Diagnostic, Severity
from bot.domain.patterns import compiled
from bot.domain.zones.local_time import midnight

# Past this many occurrences in one window a rule is runaway ("FREQ=DAILY" over ten years is
# 3,650, still fine; "FREQ=MINUTELY" is refused when read).
MAX_OCCURRENCES = 5000
ALLOWED_FREQUENCIES = frozenset(("DAILY", "WEEKLY", "MONTHLY", "YEARLY"))
# The window agendas are expanded over when nothing else asks (the bot's own agenda views,
# reminders): a week back (what just happened), four months ahead.
DEFAULT_BEFORE = timedelta(days=7)
DEFAULT_AHEAD = timedelta(days=120)
# A meeting series meets at most this often in one day (BYHOUR values times BYMINUTE values).
MAX_PER_DAY = 4
MAX_INTERVAL = 1000
_PARTS = frozenset(
    (
        "FREQ",
        "INTERVAL",
        "COUNT",
        "UNTIL",
        "BYDAY",
        "BYMONTHDAY",
        "BYMONTH",
        "BYYEARDAY",
        "BYWEEKNO",
        "BYSETPOS",
        "BYHOUR",
        "BYMINUTE",
        "WKST",
    )
)
# Allowed values of the numeric BY* parts: (lowest, highest, whether negatives count).
_NUMBER_RANGES = {
    "BYMONTHDAY": (1, 31, True),
    "BYMONTH": (1, 12, False),
    "BYYEARDAY": (1, 366, True),
    "BYWEEKNO": (1, 53, True),
    "BYSETPOS": (1, 366, True),
    "BYHOUR": (0, 23, False),
    "BYMINUTE": (0, 59, False),
}
_DAY_VALUE = compiled(r"([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)")
# How far a rule is tried when it is checked: its first meetings and its first year.
_TRIAL_COUNT = 10
_TRIAL_SPAN = timedelta(days=366)


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
        name = name.strip().upper()
        if name in parts:
            raise RecurrenceError(f"{rule!r} gives {name} twice")
        parts[name] = value.strip().upper()
    frequency = parts.get("FREQ")
    if frequency is None:
        raise RecurrenceError(f"{rule!r} has no FREQ")
    if frequency not in ALLOWED_FREQUENCIES:
        raise RecurrenceError(
            f"{rule!r}: FREQ={frequency} is not for meetings (DAILY, WEEKLY, MONTHLY or YEARLY)"
        )
    if "UNTIL" in parts and "COUNT" in parts:
        raise RecurrenceError(f"{rule!r} has both UNTIL and COUNT (RFC 5545 allows one)")
    _check_parts(rule, parts)
    if "UNTIL" in parts:
        parts["UNTIL"] = _utc_until(parts["UNTIL"], first_start, rule)
    normal = ";".join(f"{name}={value}" for name, value in parts.items())
    _try(rule, normal, first_start)
    return normal


def _check_parts(rule: str, parts: dict[str, str]) -> None:
    """Every part a meeting rule may have, each with values it may take."""
    if "BYSECOND" in parts:
        raise RecurrenceError(f"{rule!r}: BYSECOND is not for meetings (they start on a minute)")
    for name in parts:
        if name not in _PARTS:
            raise RecurrenceError(f"{rule!r}: {name} is not a part of an RRULE this bot reads")
    if "INTERVAL" in parts:
        _whole(rule, "INTERVAL", parts["INTERVAL"], 1, MAX_INTERVAL)
    if "COUNT" in parts:
        _whole(rule, "COUNT", parts["COUNT"], 1, None)
    for name, (low, high, negative) in _NUMBER_RANGES.items():
        if name not in parts:
            continue
        for value in parts[name].split(","):
            _whole(rule, name, value.lstrip("+-") if negative else value, low, high)
    if "BYDAY" in parts:
        for value in parts["BYDAY"].split(","):
            found = _DAY_VALUE.fullmatch(value.strip())
            if found is None or (found.group(1) and not 1 <= abs(int(found.group(1))) <= 53):
                raise RecurrenceError(
                    f"{rule!r} does not read as an RRULE: BYDAY={parts['BYDAY']} is not a list "
                    "of weekdays"
                )
    if "WKST" in parts and parts["WKST"] not in ("MO", "TU", "WE", "TH", "FR", "SA", "SU"):
        raise RecurrenceError(f"{rule!r}: WKST={parts['WKST']} is not a weekday")
    hours = len(parts["BYHOUR"].split(",")) if "BYHOUR" in parts else 1
    minutes = len(parts["BYMINUTE"].split(",")) if "BYMINUTE" in parts else 1
    if hours * minutes > MAX_PER_DAY:
        raise RecurrenceError(
            f"{rule!r} meets {hours * minutes} times a day; a meeting series meets at most "
            f"{MAX_PER_DAY} times a day"
        )
    _check_possible(rule, parts)
    if "BYSETPOS" in parts:
        most = _most_per_period(parts) * hours * minutes
        for value in parts["BYSETPOS"].split(","):
            if abs(int(value)) > most:
                raise RecurrenceError(
                    f"{rule!r}: BYSETPOS={value} asks for more meetings than one period has "
                    f"({most})"
                )


# The most days each month can have (February in a leap year).
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _check_possible(rule: str, parts: dict[str, str]) -> None:
    """Refuse, before any expansion, the rules whose filters can never meet together: dateutil
    would search such a rule up to the year 9999 before giving up (seconds of work at every
    reload). Week and year-day numbers are not for meetings at all."""
    for name in ("BYWEEKNO", "BYYEARDAY"):
        if name in parts:
            raise RecurrenceError(
                f"{rule!r}: {name} is not for meetings; name the months and days instead"
            )
    months = [int(m) for m in parts["BYMONTH"].split(",")] if "BYMONTH" in parts else []
    lengths = [_MONTH_DAYS[m - 1] for m in months] or [31]
    if "BYMONTHDAY" in parts:
        days = [int(d) for d in parts["BYMONTHDAY"].split(",")]
        if not any(abs(d) <= length for d in days for length in lengths):
            raise RecurrenceError(f"{rule!r} never meets: no month it names has those days")
        ordinals = [
            int(found.group(1))
            for value in parts.get("BYDAY", "").split(",")
            if (found := _DAY_VALUE.fullmatch(value.strip())) and found.group(1)
        ]
        if (
            ordinals
            and parts["FREQ"] == "MONTHLY"
            and not any(_in_week_of_month(d, n) for d in days for n in ordinals)
        ):
            raise RecurrenceError(
                f"{rule!r} never meets: those weekdays never fall on those days of the month"
            )


def _in_week_of_month(day: int, ordinal: int) -> bool:
    """Whether the `ordinal`-th weekday of a month ("2MO", "-1FR") can fall on `day`."""
    if day > 0 and ordinal > 0:
        return (ordinal - 1) * 7 < day <= ordinal * 7
    if day < 0 and ordinal < 0:
        return (-ordinal - 1) * 7 < -day <= -ordinal * 7
    if day > 0:  # the n-th weekday from the end of a month of 28 to 31 days
        return 28 - 7 * -ordinal + 1 <= day <= 31 - 7 * (-ordinal - 1)
    # the day counted from the end, against the n-th weekday from the start
    return 29 + day <= ordinal * 7 and (ordinal - 1) * 7 + 1 <= 32 + day


def _most_per_period(parts: dict[str, str]) -> int:
    """How many days one period of the rule (a day, a week, a month, a year) may hold at most:
    what BYSETPOS may count up to (a position past it never matches, and dateutil would follow
    such a rule to the year 9999 looking for one)."""
    frequency = parts["FREQ"]
    days = parts["BYDAY"].split(",") if "BYDAY" in parts else []
    if frequency == "DAILY":
        return 1
    if frequency == "WEEKLY":
        return max(len(days), 1)
    if frequency == "MONTHLY":
        if "BYMONTHDAY" in parts:
            return len(parts["BYMONTHDAY"].split(","))
        plain = sum(1 for d in days if d.strip().isalpha())
        return max(plain * 5 + (len(days) - plain), 1)
    return 366


def _whole(rule: str, name: str, value: str, low: int, high: int | None) -> int:
    """`value` as a whole number from `low` to `high`, or RecurrenceError naming the part."""
    text = value.strip()
    if not text.isdigit() or int(text) < low or (high is not None and int(text) > high):
        bound = f"from {low} to {high}" if high is not None else f"of at least {low}"
        raise RecurrenceError(f"{rule!r}: {name}={value} must be a whole number {bound}")
    return int(text)


def _try(rule: str, normal: str, first_start: datetime) -> None:
    """Expands the rule's first meetings and its first year, so that what the rule says is
    known to expand (any failure becomes RecurrenceError), and that it meets after its start.
    The trial stops at a horizon: a rule that matches nothing would otherwise be followed to
    the year 9999."""
    values = dict(part.partition("=")[::2] for part in normal.split(";"))
    try:
        made = _rule(normal, first_start)
        horizon = _horizon(values.get("FREQ", "DAILY"), first_start)
        if "UNTIL" in values:
            horizon = min(
                horizon, datetime.strptime(values["UNTIL"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            )
        bounded = made.replace(count=None, until=horizon)
        later = bounded.after(first_start, inc=False)
        for count, moment in enumerate(bounded.xafter(first_start, inc=True)):
            if moment >= first_start + _TRIAL_SPAN and count >= _TRIAL_COUNT:
                break
            if count >= MAX_OCCURRENCES:
                raise RecurrenceError(f"{rule!r} meets more than {MAX_OCCURRENCES} times a year")
    except RecurrenceError:
        raise
    except Exception as exc:  # dateutil raises what it likes; none of it may leave here
        raise RecurrenceError(f"{rule!r} does not read as an RRULE: {exc}") from None
    if later is None and values.get("COUNT") != "1":
        raise RecurrenceError(f"{rule!r}: this rule never meets after its first date")


# How far (in years) a rule is followed when it is checked, by how often it repeats: far enough
# for any rule a meeting uses, near enough to stay cheap when a rule matches nothing.
_HORIZON_YEARS = {"DAILY": 50, "WEEKLY": 300, "MONTHLY": 1000, "YEARLY": 4000}


def _horizon(frequency: str, first_start: datetime) -> datetime:
    years = min(first_start.year + _HORIZON_YEARS.get(frequency, 50), 9998)
    try:
        return first_start.replace(year=years)
    except ValueError:  # February 29
        return first_start.replace(year=years, day=28)


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
    try:
        for moment in _between(rule, start, end):
            found.setdefault(_instant(moment), moment)
    except RecurrenceError:
        raise
    except Exception as exc:  # a rule dateutil cannot expand over this window
        raise RecurrenceError(f"{repeat.rule!r} cannot be expanded: {exc}") from None
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


def starts_on_day(series: Session, day: date) -> list[datetime]:
    """The starts of `series`' occurrences on `day` (in the series' zone): what a skipped date
    without a time of day skips."""
    tz = series.start.tzinfo
    assert tz is not None
    return occurrence_starts(series, midnight(day, tz), midnight(day + timedelta(days=1), tz))


def occurrence_id(series: Session, recurrence_id: datetime) -> str:
    """`series-id@20261202` (the occurrence's day in the series' zone), with the time when the
    rule meets more than once a day (`@20261202T1700`)."""
    local = recurrence_id.astimezone(series.start.tzinfo)
    if series.repeat is not None and _sub_daily(series.repeat):
        return f"{series.id}@{local:%Y%m%dT%H%M}"
    return f"{series.id}@{local:%Y%m%d}"


def occurrence_day(session_id: str) -> date | None:
    """The day an occurrence's id names (`weekly-call@20261203`, `...@20261203T1700`: the day
    in the series' zone), None for any other id."""
    match = _OCCURRENCE.search(session_id)
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


_OCCURRENCE = compiled(r"@(\d{4})(\d{2})(\d{2})(?:T\d{4})?$")


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
    "expand_schedule",
    "expanded",
    "expanded_all",
    "first_weekday_on_or_after",
    "occurrence_day",
    "occurrence_id",
    "occurrence_starts",
    "occurrences",
    "starts_on_day",
]


def expand_schedule(
    schedule: Schedule, start: datetime, end: datetime, file: str
) -> tuple[Schedule, list[Diagnostic]]:
    """`schedule` with the occurrences of its series in [start, end) among its sessions. A
    series whose rule cannot be expanded (whatever expanding it raises) shows no occurrence, is
    left out of the schedule's series and overrides (so of its calendars) and is an error on its
    line (in `file`); the others and the one-off sessions are kept."""
    try:
        return expanded(schedule, start, end), []
    except Exception:  # a rule never takes its schedule, or the others, down
        pass
    good = []
    problems = []
    for series in schedule.series:
        try:
            expanded(replace(schedule, series=(series,)), start, end)
        except Exception as exc:  # reported on the series' line
            problems.append(
                Diagnostic(
                    file,
                    series.line,
                    f"{series.title!r} repeats, but no occurrence of it is shown: "
                    + _expansion_problem(series.repeat.rule if series.repeat else "", exc),
                    Severity.ERROR,
                )
            )
        else:
            good.append(series)
    kept = {s.id for s in good}
    overrides = tuple(o for o in schedule.overrides if o.series_id in kept)
    left = replace(schedule, series=tuple(good), overrides=overrides)
    try:
        return expanded(left, start, end), problems
    except Exception as exc:  # the series together fail: none is shown
        problem = f"no repeating session is shown: {_expansion_problem('', exc)}"
        problems.append(Diagnostic(file, schedule.source.line, problem, Severity.ERROR))
        one_off = tuple(s for s in schedule.sessions if s.series_id is None)
        return replace(schedule, sessions=one_off, series=(), overrides=()), problems


def _expansion_problem(rule: str, exc: Exception) -> str:
    if isinstance(exc, RecurrenceError):
        return str(exc)
    return f"the rule {rule!r} cannot be expanded ({type(exc).__name__}: {exc})"
