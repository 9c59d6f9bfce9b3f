"""Clock times and ranges: "13:30 - 13:50", "6:30pm", "7:45-7:50 AM", "下午2点", "13:00-14:00(60m)"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time, timedelta

_HOUR_CJK = "点時时"
_TIME = (
    r"(?P<{p}pre>上午|下午|晚上|中午|早上|凌晨|午前|午後)?\s*"
    r"(?<![\d:：.])(?P<{p}h>\d{{1,2}})"
    r"(?:[:：](?P<{p}m>[0-5]\d)(?::[0-5]\d)?"
    r"|[.](?P<{p}dm>[0-5]\d)(?=\s*[ap]\.?\s?m\b)"
    rf"|\s*(?P<{{p}}cjk>[{_HOUR_CJK}])(?:(?P<{{p}}cm>[0-5]?\d)分?|(?P<{{p}}half>半))?"
    r")?"
    r"(?!\d)"
    r"(?:\s*(?P<{p}ap>[aApP]\.?\s?[mM]\b\.?|午前|午後))?"
)
_SEPARATOR = r"\s*(?:-|–|—|－|~|〜|～|\bto\b|\buntil\b|\btill\b|至|到)\s*"
_DURATION = (
    r"(?P<dur>\d+(?:\.\d+)?)\s*"
    r"(?P<unit>minutes|minute|mins|min|m|hours|hour|hrs|hr|h|分钟|分鐘|分|小时|小時|時間)(?![a-zA-Z])"
)
_RANGE = re.compile(
    _TIME.format(p="a")
    + rf"(?:{_SEPARATOR}"
    + _TIME.format(p="b")
    + r")?"
    + rf"(?:\s*[(（]?\s*{_DURATION}\s*[)）]?)?"
)
_DURATION_ONLY = re.compile(rf"^\s*[(（]?\s*{_DURATION}\s*[)）]?\s*$")


@dataclass(frozen=True, slots=True)
class ClockSpan:
    """A time or a time range found in text, with where it was."""

    start: time
    end: time | None
    duration: timedelta | None
    begin: int
    finish: int
    twelve_hour: bool = False  # no am/pm and every hour 1-12: "6:30" may mean the evening

    @property
    def end_next_day(self) -> bool:
        """True for ranges that cross midnight ("23:00-01:00")."""
        return self.end is not None and self.end <= self.start and self.end != self.start

    @property
    def length(self) -> timedelta | None:
        """The span's length from the range, or else from the stated duration."""
        if self.end is None:
            return self.duration
        minutes = (self.end.hour * 60 + self.end.minute) - (
            self.start.hour * 60 + self.start.minute
        )
        if minutes < 0:
            minutes += 24 * 60
        return timedelta(minutes=minutes)


@dataclass(frozen=True, slots=True)
class _Raw:
    hour: int
    minute: int
    meridiem: str | None  # "am", "pm" or None
    explicit: bool  # had minutes, a meridiem or a CJK hour sign: a time, not a bare number


def _raw(match: re.Match[str], p: str) -> _Raw | None:
    hour_text = match.group(f"{p}h")
    if hour_text is None:
        return None
    hour = int(hour_text)
    minute_text = match.group(f"{p}m") or match.group(f"{p}dm") or match.group(f"{p}cm")
    minute = int(minute_text) if minute_text else (30 if match.group(f"{p}half") else 0)
    meridiem = None
    ap = (match.group(f"{p}ap") or "").lower().replace(".", "").replace(" ", "")
    pre = match.group(f"{p}pre") or ""
    if ap in ("am", "午前") or pre in ("上午", "早上", "凌晨", "午前"):
        meridiem = "am"
    elif ap in ("pm", "午後") or pre in ("下午", "晚上", "午後"):
        meridiem = "pm"
    elif pre == "中午":
        meridiem = "noon"
    explicit = bool(minute_text or meridiem or match.group(f"{p}cjk"))
    if hour > 24 or (hour == 24 and minute):
        return None
    return _Raw(hour, minute, meridiem, explicit)


def _to_time(raw: _Raw, meridiem: str | None) -> time:
    hour = raw.hour
    if meridiem == "noon":
        hour = hour if hour >= 11 else hour + 12
    elif meridiem == "pm" and hour < 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    return time(hour % 24, raw.minute)


def _minutes(t: time) -> int:
    return t.hour * 60 + t.minute


def _duration(match: re.Match[str]) -> timedelta | None:
    value = match.group("dur")
    if value is None:
        return None
    amount = float(value)
    unit = match.group("unit").lower()
    if unit.startswith(("h", "小", "時")):
        return timedelta(hours=amount)
    return timedelta(minutes=amount)


def _meridiem_ok(raw: _Raw) -> bool:
    """A meridiem on an hour above 12 ("14:00 PM") is noise; on hours up to 12 it counts."""
    return raw.hour <= 12


def find_clock_spans(text: str) -> list[ClockSpan]:
    """Every clock time or range in the text, in order.

    A bare number is not a time: a time needs minutes, am/pm or a CJK hour sign. In a range one
    am/pm may cover both ends ("7:45-7:50 AM"); if that would put the start after the end, the
    start takes the other half of the day ("11:30-12:30 PM" starts at 11:30 AM).
    """
    spans: list[ClockSpan] = []
    if len(text) > 4000:  # keep pathological lines cheap: nobody writes a time that far in
        text = text[:4000]
    for match in _RANGE.finditer(text):
        first = _raw(match, "a")
        if first is None:
            continue
        second = _raw(match, "b")
        if second is not None and not second.explicit and not first.explicit:
            continue
        if second is None and not first.explicit:
            continue
        if second is not None and not second.explicit:
            # "6:30pm - 8" is fine, but "13:30 - 2021" is not a range: drop the second part.
            second = None if first.meridiem is None else second
        begin = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
        start_meridiem = first.meridiem if _meridiem_ok(first) else None
        if second is None:
            start = _to_time(first, start_meridiem)
            bare = first.meridiem is None and 1 <= first.hour <= 12
            spans.append(ClockSpan(start, None, _duration(match), begin, match.end(), bare))
            continue
        end_meridiem = second.meridiem if _meridiem_ok(second) else None
        if start_meridiem is None and end_meridiem in ("am", "pm") and first.hour <= 12:
            end = _to_time(second, end_meridiem)
            start = _to_time(first, end_meridiem)
            if _minutes(start) > _minutes(end):
                start = _to_time(first, "am" if end_meridiem == "pm" else "pm")
        else:
            start = _to_time(first, start_meridiem)
            carried = end_meridiem or (start_meridiem if second.hour <= 12 else None)
            end = _to_time(second, carried)
            if end_meridiem is None and carried and _minutes(end) < _minutes(start):
                end = _to_time(second, "pm" if carried == "am" else "am")
        bare = start_meridiem is None and end_meridiem is None
        bare = bare and 1 <= first.hour <= 12 and 1 <= second.hour <= 12
        spans.append(ClockSpan(start, end, _duration(match), begin, match.end(), bare))
    return spans


def leading_clock_span(text: str) -> ClockSpan | None:
    """The time or range a text starts with ("17:00 - 17:10: Opening"), if any."""
    stripped = text.lstrip(" *_`[(（")
    offset = len(text) - len(stripped)
    spans = find_clock_spans(stripped[:80])
    if spans and spans[0].begin == 0:
        span = spans[0]
        return ClockSpan(
            span.start,
            span.end,
            span.duration,
            span.begin + offset,
            span.finish + offset,
            span.twelve_hour,
        )
    return None


def find_duration(text: str) -> timedelta | None:
    """A duration written alone ("(10m)", "30 min", "（30分钟）")."""
    match = _DURATION_ONLY.search(text)
    return _duration(match) if match else None
