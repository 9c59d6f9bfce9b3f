"""How a series repeats, in words of both languages: weekly, monthly by weekday or by day, and
several times a day."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.app.repeats import repeat_label
from bot.domain.agenda import Recurrence, Schedule, Session, SourceRef

BERLIN = ZoneInfo("Europe/Berlin")


def label(rule: str, locale: str) -> str | None:
    series = Session("s", "S", datetime(2026, 12, 2, 9, 0, tzinfo=BERLIN), repeat=Recurrence(rule))
    schedule = Schedule("x", "X", BERLIN, (), SourceRef("x.yaml", 1), series=(series,))
    return repeat_label(schedule, series, locale)


@pytest.mark.parametrize(
    ("rule", "english", "chinese"),
    [
        ("FREQ=WEEKLY;BYDAY=TH", "every Thursday", "每周四"),
        ("FREQ=MONTHLY;BYDAY=1WE", "first Wednesday of the month", "每月第一个周三"),
        ("FREQ=MONTHLY;BYDAY=WE;BYSETPOS=1", "first Wednesday of the month", "每月第一个周三"),
        ("FREQ=MONTHLY;BYDAY=-1FR", "last Friday of the month", "每月最后一个周五"),
        (
            "FREQ=MONTHLY;BYDAY=1TU,3TU",
            "first and third Tuesday of the month",
            "每月第一个和第三个周二",
        ),
        (
            "FREQ=MONTHLY;BYDAY=1MO,3WE",
            "first Monday and third Wednesday of the month",
            "每月第一个周一和第三个周三",
        ),
        ("FREQ=MONTHLY;BYMONTHDAY=15", "monthly on the 15th", "每月15日"),
        ("FREQ=MONTHLY;BYMONTHDAY=1,22", "monthly on the 1st and 22nd", "每月1日和22日"),
        ("FREQ=MONTHLY;BYMONTHDAY=-1", "monthly on the last day", "每月最后一天"),
        (
            "FREQ=WEEKLY;BYDAY=TU;BYHOUR=9,17;BYMINUTE=0",
            "every Tuesday at 9:00 and 17:00",
            "每周二 9:00和17:00",
        ),
        (
            "FREQ=DAILY;BYHOUR=9,13,17;BYMINUTE=0;COUNT=8",
            "every day at 9:00, 13:00 and 17:00",
            "每天 9:00、13:00和17:00",
        ),
        ("FREQ=WEEKLY;BYDAY=TH;BYHOUR=9", "every Thursday", "每周四"),
        # What a short label cannot say stays "repeats".
        ("FREQ=MONTHLY;BYDAY=WE", "repeats", "重复"),
        ("FREQ=MONTHLY;BYDAY=1WE;INTERVAL=2", "repeats", "重复"),
        ("FREQ=MONTHLY;BYDAY=WE,FR;BYSETPOS=1", "repeats", "重复"),
        ("FREQ=YEARLY;BYMONTHDAY=3", "repeats", "重复"),
        ("FREQ=DAILY;BYSECOND=0,1", "repeats", "重复"),
        ("FREQ=MONTHLY;BYDAY=-2FR", "repeats", "重复"),
    ],
)
def test_labels(rule: str, english: str, chinese: str) -> None:
    assert label(rule, "en-US") == english
    assert label(rule, "zh-CN") == chinese
