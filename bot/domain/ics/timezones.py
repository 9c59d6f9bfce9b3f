"""VTIMEZONE components for a narrow window of dates, cached.

A 1970-2038 window writes Asia/Shanghai's 1986-91 DST as RDATE lists, a shape Outlook misreads;
a window around the agenda's dates gives one STANDARD section at +0800. The window is widened to
whole months so neighbouring agendas share cache entries.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from icalendar import Timezone


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
    return component
