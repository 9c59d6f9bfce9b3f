"""A series whose first start falls into a DST gap keeps the wall clock it was written with
(RFC 5545 section 3.3.10): only the occurrence in the gap moves, the others meet at the written
time. Markdown pages and the native format read it as the .ics reader does."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.domain.recurrence import expanded
from tests.helpers import messages, read_text

MARCH = (datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 4, 1, tzinfo=UTC))
# 2026-03-08 02:30 does not exist in Los Angeles (03:30 PDT, 10:30 UTC); every later Sunday
# meets at 02:30 PDT (09:30 UTC).
WRITTEN_CLOCK = ["2026-03-08T10:30Z", "2026-03-15T09:30Z", "2026-03-22T09:30Z", "2026-03-29T09:30Z"]
GAP_NOTE = "2026-03-08 02:30 does not exist in America/Los_Angeles (clocks move forward)"

ICS = """\
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Example//EN
BEGIN:VEVENT
UID:owls@example.org
SUMMARY:Night owls
DTSTART;TZID=America/Los_Angeles:20260308T023000
DTEND;TZID=America/Los_Angeles:20260308T040000
RRULE:FREQ=WEEKLY;BYDAY=SU
END:VEVENT
END:VCALENDAR
"""

PAGES = {
    "one line": "# Night owls\n\nEvery Sunday 02:30 America/Los_Angeles starting 2026-03-08\n",
    "labels": (
        "# Night owls\n\n- When: every Sunday, starting 2026-03-08\n"
        "- Time: 02:30–04:00 America/Los_Angeles\n"
    ),
}

NATIVE = {  # (the session's fields, its repeat)
    "date and time": (
        '    date: 2026-03-08\n    start: "02:30"\n    end: "04:00"\n',
        "FREQ=WEEKLY;BYDAY=SU",
    ),
    "date-time": ("    start: 2026-03-08 02:30\n    duration: 90m\n", "FREQ=WEEKLY;BYDAY=SU"),
    "words with the time": (
        "    start: 2026-03-08 02:30\n    duration: 90m\n",
        "every Sunday at 02:30",
    ),
}


def _starts(text: str, name: str) -> tuple[list[str], list[str]]:
    result = read_text(text, name=name)
    [schedule] = result.schedules
    [series] = schedule.series
    assert series.start.astimezone(UTC) == datetime(2026, 3, 8, 10, 30, tzinfo=UTC)
    sessions = expanded(schedule, *MARCH).sessions
    return messages(result), [f"{s.start.astimezone(UTC):%Y-%m-%dT%H:%MZ}" for s in sessions]


def test_the_ics_reader_keeps_the_written_clock_as_the_others_must() -> None:
    _, starts = _starts(ICS, "owls.ics")
    assert starts == WRITTEN_CLOCK


@pytest.mark.parametrize("page", sorted(PAGES))
def test_a_markdown_series_starting_in_a_dst_gap_repeats_at_the_written_time(page: str) -> None:
    said, starts = _starts(PAGES[page], "owls.md")
    assert starts == WRITTEN_CLOCK
    assert any(GAP_NOTE in m for m in said), said


@pytest.mark.parametrize("shape", sorted(NATIVE))
def test_a_native_series_starting_in_a_dst_gap_repeats_at_the_written_time(shape: str) -> None:
    fields, repeat = NATIVE[shape]
    text = (
        "title: Night owls\ntimezone: America/Los_Angeles\nsessions:\n"
        f"  - title: Night owls\n{fields}    repeat: {repeat}\n"
    )
    said, starts = _starts(text, "owls.yaml")
    assert starts == WRITTEN_CLOCK
    assert any(GAP_NOTE in m for m in said), said
    assert not [m for m in said if ": error: " in m], said
