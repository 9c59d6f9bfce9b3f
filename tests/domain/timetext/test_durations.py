from __future__ import annotations

from datetime import timedelta

import pytest

from bot.domain.timetext.durations import cell_duration, find_prose_duration


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("The session lasts 75 minutes, including about 20 minutes of Q&A.", 75),
        ("We'll spend about 1.5 hours working through chapters 4–5", 90),
        ("90 min", 90),
        ("a 90-minute workshop", 90),
        ("晚上 7 点半开始，约 2 小时", 120),
        ("一个半小时", 90),
        ("半小时", 30),
        ("两个小时", 120),
        ("三十分钟", 30),
        ("2時間", 120),
        ("1時間半", 90),
        ("45分", 45),
        ("2시간 30분", 150),
        ("2 Stunden", 120),
        ("1,5 Stunden", 90),
        ("90 Minuten", 90),
        ("2 heures", 120),
        ("Durée : 1h30", 90),
        ("Durée : 8h", 480),
        ("2 horas", 120),
        ("1 hour and 30 minutes", 90),
        ("The call runs for an hour.", 60),
        ("half an hour", 30),
        ("an hour and a half", 90),
        ("zwei Stunden", 120),
        ("une heure et demie", 90),
        ("media hora", 30),
        ("uma hora e meia", 90),
    ],
)
def test_lengths_written_in_prose(text: str, minutes: int) -> None:
    assert find_prose_duration(text) == timedelta(minutes=minutes)


@pytest.mark.parametrize(
    "text",
    [
        "下午2点45分",
        "午後2時15分",
        "Dîner à 19h30",
        "Dîner 19h",
        "5 m walk",
        "Opening remarks",
        "13:30 - 14:00",
        "hour by hour",
        "Empezamos ahora mismo",
    ],
)
def test_clock_times_and_other_numbers_are_not_lengths(text: str) -> None:
    assert find_prose_duration(text) is None


def test_a_sentence_with_two_lengths_gives_the_first() -> None:
    assert find_prose_duration("2 hours, then an hour of drinks") == timedelta(hours=2)


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("0:15", 15),
        ("1:30", 90),
        ("1:30h", 90),
        ("15 min", 15),
        ("15'", 15),
        ("15 分", 15),
        ("15分钟", 15),
        ("1h", 60),
        ("1h30", 90),
        ("(10m)", 10),
        ("（30分钟）", 30),
        ("90 Minuten", 90),
    ],
)
def test_lengths_filling_a_cell(text: str, minutes: int) -> None:
    assert cell_duration(text) == timedelta(minutes=minutes)


@pytest.mark.parametrize("text", ["90", "", "19h", "9h30", "Keynote", "15 min break", "0:75"])
def test_cells_that_are_not_lengths(text: str) -> None:
    assert cell_duration(text) is None
