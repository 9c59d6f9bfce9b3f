"""Recurring meetings written in words, English and Chinese, into RRULE, time, zone and dates."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.domain.timetext.recurrence_phrases import (
    ANCHOR,
    first_matching_day,
    looks_like_rrule,
    read_repetition,
    skipped_days,
)
from bot.domain.zones.resolve import ZoneResolver

FIND = ZoneResolver().find

# (phrase, rule, start, end, zone as written)
TABLE: list[tuple[str, str, str | None, str | None, str | None]] = [
    # weekly
    ("every Wednesday at 5pm UTC", "FREQ=WEEKLY;BYDAY=WE", "17:00", None, "UTC"),
    ("Wednesdays at 17:00 UTC", "FREQ=WEEKLY;BYDAY=WE", "17:00", None, "UTC"),
    ("weekly on Wednesday", "FREQ=WEEKLY;BYDAY=WE", None, None, None),
    (
        "Every Thursday 10:00 America/Los_Angeles",
        "FREQ=WEEKLY;BYDAY=TH",
        "10:00",
        None,
        "America/Los_Angeles",
    ),
    (
        "every Monday and Friday, 9:30 Europe/Paris",
        "FREQ=WEEKLY;BYDAY=MO,FR",
        "09:30",
        None,
        "Europe/Paris",
    ),
    ("Tuesdays and Thursdays 5pm-6pm CET", "FREQ=WEEKLY;BYDAY=TU,TH", "17:00", "18:00", "CET"),
    ("each Fri. at noon", "FREQ=WEEKLY;BYDAY=FR", "12:00", None, None),
    ("every week on Tuesday", "FREQ=WEEKLY;BYDAY=TU", None, None, None),
    # every other week
    ("biweekly on Tuesdays, 9am PT", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", "09:00", None, "PT"),
    ("bi-weekly on Tuesdays", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", None, None, None),
    ("every other Tuesday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", None, None, None),
    ("fortnightly on Monday at 14:00 UTC", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", "14:00", None, "UTC"),
    ("every two weeks on Thursday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", None, None, None),
    ("every 3 weeks on Friday", "FREQ=WEEKLY;INTERVAL=3;BYDAY=FR", None, None, None),
    # monthly by weekday position
    ("first Wednesday of every month", "FREQ=MONTHLY;BYDAY=1WE", None, None, None),
    ("monthly on the first Wednesday", "FREQ=MONTHLY;BYDAY=1WE", None, None, None),
    ("on the first and third Tuesday", "FREQ=MONTHLY;BYDAY=1TU,3TU", None, None, None),
    ("every 2nd and 4th Thursday at 6pm", "FREQ=MONTHLY;BYDAY=2TH,4TH", "18:00", None, None),
    ("last Friday of the month, 19:00-21:00", "FREQ=MONTHLY;BYDAY=-1FR", "19:00", "21:00", None),
    ("the second Tuesday of each month", "FREQ=MONTHLY;BYDAY=2TU", None, None, None),
    (
        "every other month on the first Monday",
        "FREQ=MONTHLY;INTERVAL=2;BYDAY=1MO",
        None,
        None,
        None,
    ),
    ("monthly on the 15th at noon", "FREQ=MONTHLY;BYMONTHDAY=15", "12:00", None, None),
    # daily, working days
    ("every day at 9:00 UTC", "FREQ=DAILY", "09:00", None, "UTC"),
    ("daily standup 9:30", "FREQ=DAILY", "09:30", None, None),
    ("every weekday at 9:30 CET", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "09:30", None, "CET"),
    ("Monday to Friday 08:00", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "08:00", None, None),
    # Chinese
    ("每周三 17:00 (UTC)", "FREQ=WEEKLY;BYDAY=WE", "17:00", None, "UTC"),
    ("每星期五晚上7点", "FREQ=WEEKLY;BYDAY=FR", "19:00", None, None),
    ("每週四 10:00", "FREQ=WEEKLY;BYDAY=TH", "10:00", None, None),
    ("每周二和周四 20:00", "FREQ=WEEKLY;BYDAY=TU,TH", "20:00", None, None),
    (
        "每两周周二上午9点（太平洋时间）",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
        "09:00",
        None,
        "太平洋时间",
    ),
    ("隔周周二 10:00", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", "10:00", None, None),
    ("双周周二 10:00", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", "10:00", None, None),
    ("每月第一个周三晚上 8 点（北京时间）", "FREQ=MONTHLY;BYDAY=1WE", "20:00", None, "北京时间"),
    ("每月第一和第三个周二 19:00", "FREQ=MONTHLY;BYDAY=1TU,3TU", "19:00", None, None),
    ("每月第二、四个周四 19:30", "FREQ=MONTHLY;BYDAY=2TH,4TH", "19:30", None, None),
    ("每月最后一个周五 19:00", "FREQ=MONTHLY;BYDAY=-1FR", "19:00", None, None),
    ("每月15日 19:00", "FREQ=MONTHLY;BYMONTHDAY=15", "19:00", None, None),
    ("每天早上9点", "FREQ=DAILY", "09:00", None, None),
    ("工作日 9:00", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "09:00", None, None),
]


def _clock(text: str | None) -> time | None:
    return None if text is None else time.fromisoformat(text)


@pytest.mark.parametrize(("phrase", "rule", "start", "end", "zone"), TABLE)
def test_phrase_reads_as_rule_time_and_zone(
    phrase: str, rule: str, start: str | None, end: str | None, zone: str | None
) -> None:
    found = read_repetition(phrase, FIND)
    assert found is not None
    assert found.problems == ()
    assert found.rule == rule
    assert (found.clock.start if found.clock else None) == _clock(start)
    assert (found.clock.end if found.clock else None) == _clock(end)
    assert found.zone_text == zone


@pytest.mark.parametrize(
    "text",
    [
        "Every talk is 30 minutes",
        "The first session starts at 9:00",
        "Day 1: first Saturday 9:00",
        "每位嘉宾 周六 14:00 签到",
        "Every attendee on Saturday gets lunch at 12:00",
        "Saturday, July 10, 2021 at 13:30 (CST)",
        "## Day 2: Wednesday",
        "第一天 周六 9:00",
    ],
)
def test_lines_that_state_no_recurrence(text: str) -> None:
    assert read_repetition(text, FIND) is None


@pytest.mark.parametrize(
    ("phrase", "skipped"),
    [
        ("Every Wednesday at 5pm UTC, no meeting on Dec 25", [(None, 12, 25)]),
        ("every Wednesday except December 24 and 31", [(None, 12, 24), (None, 12, 31)]),
        ("Every Wednesday 17:00 UTC, not on 2026-12-30", [(2026, 12, 30)]),
        (
            "every Wednesday 17:00; skipped: 2026-12-23, 2026-12-30",
            [(2026, 12, 23), (2026, 12, 30)],
        ),
        ("每周三 17:00，12月25日暂停", [(None, 12, 25)]),
        ("每周三 17:00，12 月 25 日不开会", [(None, 12, 25)]),
        ("每周三 17:00，12月24日、31日暂停", [(None, 12, 24), (None, 12, 31)]),
    ],
)
def test_skipped_dates(phrase: str, skipped: list[tuple[int | None, int, int]]) -> None:
    found = read_repetition(phrase, FIND)
    assert found is not None
    assert [(d.year, d.month, d.day) for d in found.skipped] == skipped
    assert found.first is None


@pytest.mark.parametrize(
    ("phrase", "first"),
    [
        ("every Wednesday starting 2026-01-07 at 5pm-6pm UTC", (2026, 1, 7)),
        ("every Tuesday from January 7, 2026 at 9am PT", (2026, 1, 7)),
        ("since 2026-01-07 every other Tuesday 9am", (2026, 1, 7)),
        ("每周三 17:00，2026年1月7日起", (2026, 1, 7)),
        ("When: every other Tuesday; next: 2024-10-08", (2024, 10, 8)),
        ("every other Wednesday at 17:00 UTC, beginning March 4, 2026", (2026, 3, 4)),
    ],
)
def test_first_date(phrase: str, first: tuple[int, int, int]) -> None:
    found = read_repetition(phrase, FIND)
    assert found is not None
    assert found.first is not None
    assert (found.first.year, found.first.month, found.first.day) == first
    assert found.skipped == ()
    assert not found.needs_a_date


def test_a_last_date_with_its_year_is_until() -> None:
    found = read_repetition("every Wednesday until 2026-06-30 at 5pm UTC", FIND)
    assert found is not None
    assert found.rule == "FREQ=WEEKLY;BYDAY=WE;UNTIL=20260630"


def test_a_start_and_skipped_dates_on_one_line() -> None:
    found = read_repetition(
        "Every Wednesday at 17:00 UTC from January 7, 2026, except December 23 and 30", FIND
    )
    assert found is not None
    assert found.first is not None and found.first.text == "January 7, 2026"
    assert [(d.month, d.day) for d in found.skipped] == [(12, 23), (12, 30)]


def test_the_same_time_in_another_zone_is_an_alternate_not_a_second_time() -> None:
    found = read_repetition("every Tuesday at 9am PT / 17:00 UTC", FIND)
    assert found is not None
    assert found.zone_text == "PT"
    assert [(s.start, m.text) for s, m in found.alternates] == [(time(17), "UTC")]
    assert found.also == ()


def test_two_times_of_day_in_one_zone() -> None:
    found = read_repetition("every Monday at 9am and 5pm ET", FIND)
    assert found is not None
    assert [s.start for s in found.also] == [time(17)]


def test_a_week_without_a_day_or_a_date_needs_one() -> None:
    found = read_repetition("every two weeks at 17:00", FIND)
    assert found is not None and found.needs_a_day
    assert "say which day of the week" in found.day_problem("every two weeks at 17:00")
    found = read_repetition("every two weeks from 2026-01-06 at 17:00", FIND)
    assert found is not None and not found.needs_a_day


def test_every_other_week_without_a_date_needs_one() -> None:
    found = read_repetition("every other Tuesday at 9am PT", FIND)
    assert found is not None and found.needs_a_date
    found = read_repetition("every other Tuesday from 2026-01-06 at 9am PT", FIND)
    assert found is not None and not found.needs_a_date


@pytest.mark.parametrize(
    ("phrase", "problem"),
    [
        ("every second Tuesday at 6pm", "may mean every other week"),
        ("monthly call at 17:00 UTC", "say which day of the month"),
        ("every Wednesday until June 30 at 17:00", "needs a year"),
        ("every Monday at 9:00 and 17:30", "different minutes"),
    ],
)
def test_phrases_that_do_not_fully_read_say_why(phrase: str, problem: str) -> None:
    found = read_repetition(phrase, FIND)
    assert found is not None
    assert any(problem in p for p in found.problems), found.problems


def test_every_second_tuesday_of_the_month_is_monthly() -> None:
    found = read_repetition("every second Tuesday of the month at 6pm", FIND)
    assert found is not None
    assert (found.rule, found.problems) == ("FREQ=MONTHLY;BYDAY=2TU", ())


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("No meeting on Dec 25", [(None, 12, 25)]),
        ("12 月 25 日不开会", [(None, 12, 25)]),
        ("12月25日暂停", [(None, 12, 25)]),
        ("Skipped: 2026-12-23, 2026-12-30", [(2026, 12, 23), (2026, 12, 30)]),
        ("Not on 2026-12-30.", [(2026, 12, 30)]),
        ("Starting 2026-01-07", []),
        ("Lunch on Dec 25", []),
    ],
)
def test_lines_that_only_name_skipped_dates(
    text: str, days: list[tuple[int | None, int, int]]
) -> None:
    assert [(d.year, d.month, d.day) for d in skipped_days(text)] == days


@pytest.mark.parametrize(
    ("rule", "after", "first"),
    [
        ("FREQ=WEEKLY;BYDAY=WE", ANCHOR, date(2025, 1, 1)),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", date(2026, 1, 7), date(2026, 1, 13)),
        ("FREQ=MONTHLY;BYDAY=1WE", date(2025, 1, 2), date(2025, 2, 5)),
        ("FREQ=MONTHLY;BYDAY=-1FR", ANCHOR, date(2025, 1, 31)),
        ("FREQ=DAILY", date(2026, 3, 8), date(2026, 3, 8)),
    ],
)
def test_first_matching_day(rule: str, after: date, first: date) -> None:
    assert first_matching_day(rule, after) == first


@pytest.mark.parametrize(
    ("text", "rrule"),
    [
        ("FREQ=WEEKLY;BYDAY=TH", True),
        ("RRULE:FREQ=MONTHLY;BYDAY=1WE", True),
        ("BYDAY=TH;FREQ=WEEKLY", True),
        ("every Thursday", False),
        ("每周四", False),
    ],
)
def test_an_rrule_is_told_from_words(text: str, rrule: bool) -> None:
    assert looks_like_rrule(text) is rrule


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("jeden ersten Donnerstag im Monat, jeweils ab 18:30 Uhr", "FREQ=MONTHLY;BYDAY=1TH"),
        ("donnerstags ab 19 Uhr", "FREQ=WEEKLY;BYDAY=TH"),
        ("alle zwei Wochen mittwochs 18:00", "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"),
        ("tous les jeudis à 19h", "FREQ=WEEKLY;BYDAY=TH"),
        ("cada primer jueves del mes a las 19:00", "FREQ=MONTHLY;BYDAY=1TH"),
        ("elke eerste donderdag van de maand om 19.00 uur", "FREQ=MONTHLY;BYDAY=1TH"),
    ],
)
def test_recurrences_in_neighbouring_languages(text: str, rule: str) -> None:
    found = read_repetition(text, ZoneResolver().find)
    assert found is not None and found.rule == rule


def test_a_sentence_with_every_in_german_is_no_recurrence() -> None:
    assert read_repetition("Jede Woche neu: Vorträge", ZoneResolver().find) is None
