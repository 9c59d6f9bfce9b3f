"""The native YAML format's recurring sessions: `repeat` (an RRULE or words) and `except`."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.domain.readers.native import schema
from bot.domain.recurrence import expanded
from tests.helpers import messages, read_text


def _read(sessions: str, zone: str = "UTC") -> tuple[list[str], list[str], list[str]]:
    """(messages, rule of each series, one-off session titles)."""
    text = f"title: Calls\ntimezone: {zone}\nsessions:\n{sessions}"
    result = read_text(text, name="calls.yaml")
    series = [s.repeat.rule for x in result.schedules for s in x.series if s.repeat]
    titles = [s.title for x in result.schedules for s in x.sessions]
    return messages(result), series, titles


def test_the_schema_knows_repeat_and_except() -> None:
    session = schema()["$defs"]["session"]
    assert {"repeat", "except"} <= set(session["properties"])
    assert session["dependentRequired"] == {"except": ["repeat"]}


@pytest.mark.parametrize(
    ("repeat", "rule"),
    [
        ("FREQ=WEEKLY;BYDAY=TH", "FREQ=WEEKLY;BYDAY=TH"),
        ("RRULE:freq=weekly;byday=th", "FREQ=WEEKLY;BYDAY=TH"),
        ("every Thursday", "FREQ=WEEKLY;BYDAY=TH"),
        ("first Wednesday of every month", "FREQ=MONTHLY;BYDAY=1WE"),
        ("每周四", "FREQ=WEEKLY;BYDAY=TH"),
        ("每月第一和第三个周二", "FREQ=MONTHLY;BYDAY=1TU,3TU"),
        ("weekly", "FREQ=WEEKLY;BYDAY=TH"),
        ("FREQ=WEEKLY;BYDAY=TH;UNTIL=20261231", "FREQ=WEEKLY;BYDAY=TH;UNTIL=20261231T235959Z"),
    ],
)
def test_repeat_as_rrule_or_words(repeat: str, rule: str) -> None:
    said, series, titles = _read(
        f"  - title: Sync\n    start: 2026-01-08 17:00\n    repeat: {repeat}\n"
    )
    if "BYDAY=1" in rule:
        assert said == [
            "6: warning: repeat: 2026-01-08 is not a day "
            f"{repeat!r} meets; the first meeting is "
            f"{'2026-02-04' if 'WE' in rule else '2026-01-20'}"
        ]
    else:
        assert said == []
    assert series == [rule]
    assert titles == []


def test_a_time_alone_starts_on_the_first_matching_day_after_a_fixed_day() -> None:
    text = (
        "title: Calls\ntimezone: America/Los_Angeles\nsessions:\n"
        "  - title: Sync\n    start: '10:00'\n    duration: 30\n    repeat: every Thursday\n"
        "    except: [2026-03-12, '2026-11-05T10:00']\n"
    )
    result = read_text(text, name="calls.yaml")
    assert messages(result) == []
    [series] = result.schedules[0].series
    assert series.start.isoformat() == "2025-01-02T10:00:00-08:00"
    made = expanded(
        result.schedules[0],
        datetime(2026, 3, 1, tzinfo=UTC),
        datetime(2026, 3, 20, tzinfo=UTC),
    )
    assert [s.start.astimezone(UTC).strftime("%m-%d %H:%M") for s in made.sessions] == [
        "03-05 18:00",
        "03-19 17:00",
    ]
    assert series.repeat is not None
    assert [m.astimezone(UTC).isoformat() for m in series.repeat.exdates] == [
        "2026-03-12T17:00:00+00:00",
        "2026-11-05T18:00:00+00:00",
    ]


@pytest.mark.parametrize(
    ("session", "message"),
    [
        (
            "    start: '20:00'\n    repeat: every other Friday\n",
            "6: error: sessions.0: repeat 'every other Friday' does not say which weeks: give "
            "`start` (or `date`) the date of one meeting",
        ),
        (
            "    start: '20:00'\n    repeat: FREQ=HOURLY\n",
            "6: error: sessions.0: repeat: 'FREQ=HOURLY': FREQ=HOURLY is not for meetings "
            "(DAILY, WEEKLY, MONTHLY or YEARLY)",
        ),
        (
            "    start: '20:00'\n    repeat: now and then\n",
            "6: error: sessions.0: repeat 'now and then' is neither an RRULE "
            "(FREQ=WEEKLY;BYDAY=TH) nor a recurrence in words (every Thursday, first Wednesday "
            "of every month)",
        ),
        (
            "    start: 2026-01-08 17:00\n    repeat: every Thursday at 6pm\n",
            "6: error: sessions.0: repeat says 18:00 but start is 17:00; give the time in "
            "`start` only",
        ),
        (
            "    start: 2026-01-08 17:00\n    repeat: every second Thursday\n",
            "6: error: sessions.0: repeat: 'every second Thursday' may mean every other week or "
            "the second Thursday of each month; write 'every other Thursday' or 'second "
            "Thursday of the month'",
        ),
    ],
)
def test_a_bad_repeat_is_an_error_at_its_line_and_the_rest_reads(
    session: str, message: str
) -> None:
    said, series, titles = _read(
        f"  - title: Sync\n{session}  - title: Launch\n    start: 2026-01-05 08:00\n"
    )
    assert said == [message]
    assert series == []
    assert titles == ["Launch"]


def test_except_without_repeat_is_refused_by_the_schema() -> None:
    said, _, _ = _read("  - title: Sync\n    start: 2026-01-08 17:00\n    except: [2026-01-15]\n")
    assert len(said) == 2
    assert said[0].startswith("4: error: sessions.0:") and "repeat" in said[0]


def test_except_on_a_day_without_a_meeting_is_reported() -> None:
    said, series, _ = _read(
        "  - title: Sync\n    start: 2026-01-08 17:00\n    repeat: every Thursday\n"
        "    except: [2026-01-09]\n"
    )
    assert said == ["6: warning: except: 2026-01-09 is not a meeting of 'Sync'; nothing skipped"]
    assert series == ["FREQ=WEEKLY;BYDAY=TH"]


def test_skipped_dates_in_the_words_are_kept() -> None:
    text = (
        "title: Calls\ntimezone: Asia/Shanghai\nsessions:\n"
        "  - title: 周会\n    start: 2026-01-07 20:00\n    repeat: 每周三，12月23日暂停\n"
    )
    result = read_text(text, name="calls.yaml")
    assert messages(result) == []
    [series] = result.schedules[0].series
    assert series.repeat is not None
    assert [m.isoformat() for m in series.repeat.exdates] == ["2026-12-23T20:00:00+08:00"]
