"""VTIMEZONE components for a narrow window of dates, cached.

A 1970-2038 window writes Asia/Shanghai's 1986-91 DST as RDATE lists, a shape Outlook misreads;
a window around the agenda's dates gives one STANDARD section at +0800. The window is widened to
whole months so neighbouring agendas share cache entries.

A recurring series needs its zone's changes for years ahead: an observance whose changes follow
one yearly pattern in the window (the second Sunday of March at 02:00, the last Sunday of
October) is written as that yearly RRULE rather than a list of dates, so that the zone stays
right for as long as the series runs, as tzdata's own rule for the years ahead assumes.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta
from functools import lru_cache

from icalendar import Component, Timezone
from icalendar.prop import vRecur

_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def window(first: date, last: date) -> tuple[date, date]:
    """The month-aligned window (with a week's margin) that covers `first`..`last`."""
    start = first - timedelta(days=7)
    end = last + timedelta(days=7)
    start = start.replace(day=1)
    end = (end.replace(day=1) + timedelta(days=32)).replace(day=1)
    return start, end


@lru_cache(maxsize=512)
def vtimezone(tzid: str, first: date, last: date) -> Timezone:
    """The VTIMEZONE for an IANA zone over a window, without the COMMENT that icalendar puts
    directly inside VTIMEZONE (RFC 5545 allows it only in STANDARD/DAYLIGHT; libical rejects it).

    The component is shared between calls: callers must not change it.
    """
    component = Timezone.from_tzid(tzid, first_date=first, last_date=last)
    component.pop("COMMENT", None)
    for observance in component.subcomponents:
        starts = _starts(observance)
        rule = yearly_rule(starts) if starts else None
        if rule is not None:
            observance.pop("RDATE")
            observance.add("rrule", vRecur.from_ical(rule))
    return component


def _starts(observance: Component) -> list[datetime] | None:
    """DTSTART and the RDATEs of an observance with RDATEs, all as local date-times."""
    listed = observance.get("RDATE")
    first = getattr(observance.get("DTSTART"), "dt", None)
    if listed is None or not isinstance(first, datetime):
        return None
    found = [first]
    for prop in listed if isinstance(listed, list) else [listed]:
        for item in getattr(prop, "dts", []):
            if not isinstance(item.dt, datetime):
                return None
            found.append(item.dt)
    return sorted(found)


def yearly_rule(starts: list[datetime]) -> str | None:
    """The RRULE that gives exactly `starts` (one a year, in consecutive years) and keeps going:
    the same month, clock time and weekday, the n-th or the last in its month; else None."""
    if len(starts) < 2:
        return None
    first = starts[0]
    if any(
        (s.year - first.year, s.month, s.time(), s.weekday())
        != (index, first.month, first.time(), first.weekday())
        for index, s in enumerate(starts)
    ):
        return None
    weekday = _WEEKDAYS[first.weekday()]
    if all(s.day + 7 > calendar.monthrange(s.year, s.month)[1] for s in starts):
        return f"FREQ=YEARLY;BYMONTH={first.month};BYDAY=-1{weekday}"
    nth = {(s.day - 1) // 7 + 1 for s in starts}
    if len(nth) == 1 and nth <= {1, 2, 3, 4}:
        return f"FREQ=YEARLY;BYMONTH={first.month};BYDAY={nth.pop()}{weekday}"
    return None
