"""An occurrence of a repeating meeting found by its id (`weekly-call@20270401`) on any date
its rule meets, not only inside the window of time the library expands agendas over (a week
back, four months ahead): a link to the series' first meeting, or to one next year, works."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time, timedelta

from bot.domain.agenda import Schedule, Session
from bot.domain.recurrence import occurrence_day, occurrences

# How far around the day an id names the series is expanded: that day in any zone, and an
# occurrence moved on its own as far as an override may move it.
_AROUND = timedelta(days=32)
# How long after a series' first meeting its occurrences are looked for. Expanding a rule
# walks from its first meeting on: a date centuries away would cost seconds per request.
_HORIZON = timedelta(days=366 * 30)


def occurrence_of(schedule: Schedule, session_id: str) -> Session | None:
    """The occurrence `session_id` names, if the schedule's series of that id meets then (its
    override when it was changed on its own); None for a date the rule does not give, a
    cancelled meeting, or any other id."""
    day = occurrence_day(session_id)
    series_id = session_id.rpartition("@")[0]
    series = next((s for s in schedule.series if s.id == series_id), None)
    if day is None or series is None:
        return None
    try:
        middle = datetime.combine(day, time(), UTC)
        start, end = middle - _AROUND, middle + _AROUND
    except OverflowError:  # a day at the very edge of the calendar
        return None
    if start - series.start > _HORIZON:
        return None
    alone = replace(
        schedule,
        series=(series,),
        overrides=tuple(o for o in schedule.overrides if o.series_id == series.id),
    )
    try:
        found = occurrences(alone, start, end)
    except Exception:  # a rule that cannot be expanded has no occurrence to show
        return None
    return next((s for s in found if s.id == session_id), None)
