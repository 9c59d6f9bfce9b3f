"""Recurring meetings at their edges: one-off pages that mention a recurrence, rules that must be
refused, skipped dates, hourly phrases and lengths written in prose."""

from __future__ import annotations

import contextlib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml

from bot.domain.agenda import Recurrence, Schedule, Session
from bot.domain.diagnostics import Severity
from bot.domain.recurrence import RecurrenceError, check_rule, expanded, occurrence_starts
from tests.helpers import PAGES, ReadOptions, messages, read_path, read_text, timeline

FIRST = datetime(2026, 12, 2, 17, 0, tzinfo=UTC)


# ---- one-off pages that say how often their meetup happens -----------------------------------


def _false_pages() -> list[Path]:
    return sorted(PAGES.glob("recurring-false-*.md"))


def test_there_are_one_off_pages_that_mention_a_recurrence() -> None:
    assert len(_false_pages()) >= 5


@pytest.mark.parametrize("page", _false_pages(), ids=lambda p: p.name)
def test_a_one_off_page_that_mentions_a_recurrence_reads_as_its_event(page: Path) -> None:
    expected = yaml.load(
        page.with_name(page.stem + ".expected.yaml").read_text(encoding="utf-8"),
        Loader=yaml.BaseLoader,
    )
    result = read_path(page, ReadOptions(), display=page.name)
    assert [d for d in result.diagnostics if d.severity is Severity.ERROR] == [], messages(result)
    assert not any("recurr" in d.message for d in result.diagnostics), messages(result)
    assert all(not s.series for s in result.schedules)
    found = [
        [title, start, end or "null"] for s in result.schedules for title, start, end in timeline(s)
    ]
    assert found == expected["timeline"]


@pytest.mark.parametrize(
    "line",
    [
        "We meet every month; this time on Wednesday, December 16, 2026 at 19:00 (Europe/Berlin).",
        "Rust Night happens every second Tuesday. This edition: Tuesday, December 8, 2026, "
        "18:30 CET, Vienna.",
        "每月一次，本期：2026年12月16日晚上 7 点（北京时间）。",
    ],
)
def test_a_date_line_that_mentions_a_recurrence_dates_the_event(line: str) -> None:
    result = read_text(f"# Meetup\n\n{line}\n\n- 19:00 Doors\n- 19:30 Talk\n")
    assert [d for d in result.diagnostics if d.severity is Severity.ERROR] == [], messages(result)
    (schedule,) = result.schedules
    assert not schedule.series
    assert [s.title for s in schedule.sessions] == ["Doors", "Talk"]


def test_an_incomplete_recurrence_beside_a_dated_event_says_nothing() -> None:
    result = read_text(
        "# Rust Night\n\nRust Night happens every second Tuesday at 18:30.\n\n"
        "**Date:** Tuesday, December 8, 2026 · Vienna\n\n- 18:30 Doors\n- 19:00 Talk\n"
    )
    assert [d for d in result.diagnostics if d.severity is Severity.ERROR] == [], messages(result)
    assert [s.title for s in result.schedules[0].sessions] == ["Doors", "Talk"]


def test_a_recurrence_with_its_start_date_is_still_a_series() -> None:
    result = read_text("# Sync\n\nEvery Wednesday at 17:00 UTC, starting 2026-12-02.\n")
    (schedule,) = result.schedules
    assert [s.repeat.rule for s in schedule.series if s.repeat] == ["FREQ=WEEKLY;BYDAY=WE"]
    assert schedule.sessions == ()


# ---- rules check_rule refuses -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        ("FREQ=WEEKLY;INTERVAL=0", "INTERVAL=0 must be a whole number"),
        ("FREQ=WEEKLY;INTERVAL=-1", "INTERVAL=-1 must be a whole number"),
        ("FREQ=DAILY;INTERVAL=0", "INTERVAL=0 must be a whole number"),
        ("FREQ=DAILY;INTERVAL=two", "INTERVAL=TWO must be a whole number"),
        ("FREQ=WEEKLY;COUNT=0", "COUNT=0 must be a whole number"),
        ("FREQ=WEEKLY;COUNT=-3", "COUNT=-3 must be a whole number"),
        ("FREQ=WEEKLY;UNTIL=20261201", "never meets after its first date"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "no month it names has those days"),
        ("FREQ=DAILY;BYSECOND=0,1,2", "BYSECOND is not for meetings"),
        ("FREQ=DAILY;BYHOUR=9,10,11,12,13", "meets 5 times a day"),
        ("FREQ=DAILY;BYHOUR=9,17;BYMINUTE=0,30,45", "meets 6 times a day"),
        ("FREQ=DAILY;BYHOUR=24", "BYHOUR=24 must be a whole number from 0 to 23"),
        ("FREQ=DAILY;BYMINUTE=60", "BYMINUTE=60 must be a whole number from 0 to 59"),
        ("FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY=0 must be a whole number from 1 to 31"),
        ("FREQ=YEARLY;BYMONTH=13", "BYMONTH=13 must be a whole number from 1 to 12"),
        ("FREQ=MONTHLY;BYDAY=60MO", "BYDAY=60MO is not a list of weekdays"),
        ("FREQ=WEEKLY;INTERVAL=1;INTERVAL=2", "gives INTERVAL twice"),
        ("FREQ=WEEKLY;X-NAME=1", "X-NAME is not a part of an RRULE"),
    ],
)
def test_check_rule_refuses_bad_values(rule: str, words: str) -> None:
    with pytest.raises(RecurrenceError, match=words):
        check_rule(rule, FIRST)


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=DAILY;BYHOUR=9,17;BYMINUTE=0",
        "FREQ=WEEKLY;BYDAY=MO,WE;BYHOUR=9,11,14,16",
        "FREQ=MONTHLY;BYMONTHDAY=-1",
        "FREQ=MONTHLY;BYDAY=-1FR",
        "FREQ=WEEKLY;COUNT=1",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
    ],
)
def test_check_rule_keeps_rules_meetings_use(rule: str) -> None:
    assert check_rule(rule, FIRST).startswith("FREQ=")


def test_nothing_a_rule_says_escapes_as_anything_but_a_recurrence_error() -> None:
    values = ["0", "-1", "1", "2", "400", "99999999999999999999", "x", "", "1,", "+5", "-0", "MO"]
    names = ["INTERVAL", "COUNT", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYSETPOS", "BYHOUR"]
    names += ["BYMINUTE", "BYMONTH", "BYDAY", "UNTIL", "WKST"]
    late = datetime(9999, 11, 1, 17, 0, tzinfo=UTC)
    for frequency in ("DAILY", "WEEKLY", "MONTHLY", "YEARLY"):
        for name in names:
            for value in values:
                for first in (FIRST, late):
                    rule = f"FREQ={frequency};{name}={value}"
                    try:
                        normal = check_rule(rule, first)
                    except RecurrenceError:
                        continue
                    series = Session(id="s", title="S", start=first, repeat=Recurrence(normal))
                    with contextlib.suppress(RecurrenceError):
                        occurrence_starts(series, first, first + timedelta(days=60))


@pytest.mark.parametrize(
    ("text", "name", "words"),
    [
        (
            "title: T\ntimezone: UTC\nsessions:\n  - title: J\n    start: '2026-12-02 17:00'\n"
            "    repeat: FREQ=WEEKLY;INTERVAL=0\n",
            "t.yaml",
            "INTERVAL=0 must be a whole number",
        ),
        (
            "title: T\ntimezone: UTC\nsessions:\n  - title: X\n    start: '2026-12-02 17:00'\n"
            "    repeat: FREQ=DAILY;BYSECOND=0,1,2\n",
            "t.yaml",
            "BYSECOND is not for meetings",
        ),
        (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:a@t\r\n"
            "DTSTAMP:20260101T000000Z\r\nDTSTART:20261202T170000Z\r\n"
            "RRULE:FREQ=DAILY;INTERVAL=0\r\nSUMMARY:S\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "t.ics",
            "INTERVAL=0 must be a whole number",
        ),
        (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:a@t\r\n"
            "DTSTAMP:20260101T000000Z\r\nDTSTART:20261202T170000Z\r\n"
            "RRULE:FREQ=DAILY;BYHOUR=1,2,3,4,5\r\nSUMMARY:S\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "t.ics",
            "meets 5 times a day",
        ),
    ],
)
def test_every_reader_refuses_the_same_rules(text: str, name: str, words: str) -> None:
    result = read_text(text, name=name)
    assert any(words in d.message and d.severity is Severity.ERROR for d in result.diagnostics), (
        messages(result)
    )
    assert all(not s.series for s in result.schedules)


# ---- skipped dates ----------------------------------------------------------------------------


def test_a_weekday_in_a_skip_clause_is_not_a_meeting_day() -> None:
    result = read_text(
        "# Weekly\n\nEvery Wednesday at 17:00 UTC, starting 2026-12-02. "
        "No meeting on December 24 (Thursday).\n"
    )
    (series,) = result.schedules[0].series
    assert series.repeat is not None and series.repeat.rule == "FREQ=WEEKLY;BYDAY=WE"
    assert series.repeat.exdates == ()
    assert any(
        "(2026-12-24) is not a day the meeting is on" in d.message for d in result.diagnostics
    ), messages(result)


ZH_NO_YEAR = "# 例会\n\n每周三、周五晚上 8 点（北京时间），12月25日暂停。\n"
SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_a_skipped_date_without_a_year_takes_the_next_one_after_today() -> None:
    result = read_text(ZH_NO_YEAR, options=ReadOptions(today=date(2026, 11, 30)))
    (series,) = result.schedules[0].series
    assert series.repeat is not None
    assert series.repeat.exdates == (datetime(2026, 12, 25, 20, 0, tzinfo=SHANGHAI),)
    assert not any("not a day the meeting is on" in d.message for d in result.diagnostics)


def test_a_skipped_date_without_a_year_and_no_today_follows_the_first_meeting() -> None:
    result = read_text(
        "# 例会\n\n每周三、周五晚上 8 点（北京时间），2026年12月2日起，12月25日暂停。\n"
    )
    (series,) = result.schedules[0].series
    assert series.repeat is not None
    assert series.repeat.exdates == (datetime(2026, 12, 25, 20, 0, tzinfo=SHANGHAI),)


TWICE_A_DAY = (
    "title: T\ntimezone: Europe/Berlin\nsessions:\n  - id: twice\n    title: Twice a day\n"
    "    start: '2026-12-01 09:00'\n    duration: 30m\n"
    "    repeat: FREQ=DAILY;BYHOUR=9,17;BYMINUTE=0;COUNT=8\n    except: [2026-12-02]\n"
)


def _starts(schedule: Schedule) -> list[str]:
    made = expanded(
        schedule, datetime(2026, 11, 30, tzinfo=UTC), datetime(2026, 12, 10, tzinfo=UTC)
    )
    return [f"{s.start.astimezone(UTC):%m-%d %H:%M}" for s in made.sessions if s.series_id]


def test_a_skipped_date_without_a_time_skips_every_meeting_that_day_yaml() -> None:
    result = read_text(TWICE_A_DAY, name="t.yaml")
    starts = _starts(result.schedules[0])
    assert not [s for s in starts if s.startswith("12-02")]
    assert starts[:4] == ["12-01 08:00", "12-01 16:00", "12-03 08:00", "12-03 16:00"]


def test_a_skipped_date_without_a_time_skips_every_meeting_that_day_ics() -> None:
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:a@t\r\n"
        "DTSTAMP:20260101T000000Z\r\nDTSTART:20261201T090000Z\r\n"
        "RRULE:FREQ=DAILY;BYHOUR=9,17;BYMINUTE=0;COUNT=8\r\nEXDATE;VALUE=DATE:20261202\r\n"
        "SUMMARY:S\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    result = read_text(text, name="t.ics")
    starts = _starts(result.schedules[0])
    assert not [s for s in starts if s.startswith("12-02")], starts


def test_a_skipped_date_without_a_time_skips_every_meeting_that_day_markdown() -> None:
    result = read_text(
        "# Standup\n\nEvery day at 9am and 5pm UTC, starting 2026-12-01. "
        "No meeting on 2026-12-02.\n"
    )
    starts = _starts(result.schedules[0])
    assert not [s for s in starts if s.startswith("12-02")], starts
    assert starts[:3] == ["12-01 09:00", "12-01 17:00", "12-03 09:00"]


# ---- hourly phrases and lengths in prose ------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Every hour starting 2026-12-01.",
        "每小时一次，2026年12月1日起。",
        "Hourly at :15, from 2026-12-01",
    ],
)
def test_an_hourly_recurrence_is_refused_at_its_line(line: str) -> None:
    result = read_text(f"# Nonsense\n\n{line}\n")
    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR and d.line == 3]
    assert any("not supported" in d.message for d in errors), messages(result)
    assert all(not s.sessions and not s.series for s in result.schedules)


@pytest.mark.parametrize(
    ("prose", "minutes"),
    [
        ("Each meeting lasts one hour.", 60),
        ("Length 10 minutes.", 10),
        ("每次 1 小时。", 60),
        ("Meetings run for 90 minutes.", 90),
    ],
)
def test_a_length_in_prose_ends_the_series(prose: str, minutes: int) -> None:
    result = read_text(f"# Sync\n\nEvery Wednesday at 17:00 UTC, starting 2026-12-02.\n\n{prose}\n")
    (series,) = result.schedules[0].series
    assert series.end is not None
    assert (series.end - series.start).total_seconds() == minutes * 60


def test_a_length_on_the_recurrence_line_in_chinese() -> None:
    result = read_text("# 例会\n\n每周三晚上 8 点（北京时间），2026年12月2日起。每次 1 小时。\n")
    (series,) = result.schedules[0].series
    assert series.end is not None and (series.end - series.start).total_seconds() == 3600
