from __future__ import annotations

from datetime import time

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from bot.domain.timetext.clock import BadClock, find_bad_clocks, find_clock_spans


@pytest.mark.parametrize(
    ("text", "bad", "reason"),
    [
        ("25:99", "25:99", "hour 25 does not exist (0-24); minute 99 does not exist (0-59)"),
        ("24:30", "24:30", "nothing comes after 24:00"),
        ("31:99", "31:99", "hour 31"),
        ("9:75", "9:75", "minute 75 does not exist (0-59)"),
        ("13pm", "13pm", "hour 13 does not exist on a 12-hour clock (1-12)"),
        ("19:20–19:60", "19:60", "minute 60"),
        ("25 Uhr", "25 Uhr", "hour 25"),
        ("下午25点", "下午25点", "hour 25"),
        ("25h00", "25h00", "hour 25"),
    ],
)
def test_impossible_clock_times_are_reported(text: str, bad: str, reason: str) -> None:
    [found] = find_bad_clocks(text)
    assert found.text == bad
    assert reason in found.reason
    assert text[found.begin : found.finish] == bad


@pytest.mark.parametrize("text", ["25:99", "24:30", "31:99", "9:75", "13pm", "5:99", "25:00"])
def test_impossible_times_yield_no_time_at_all(text: str) -> None:
    assert find_clock_spans(text) == []


@pytest.mark.parametrize("text", ["10:00-31:99", "25:99 - 20:00", "20:00 - 31:99", "5 - 25:99"])
def test_a_range_with_an_impossible_end_yields_nothing(text: str) -> None:
    assert find_clock_spans(text) == []
    assert len(find_bad_clocks(text)) == 1


def test_bad_clocks_say_where_they_are() -> None:
    assert find_bad_clocks("18:00 Talk, 25:99 Party") == [
        BadClock(12, 17, "25:99", "hour 25 does not exist (0-24); minute 99 does not exist (0-59)")
    ]


@pytest.mark.parametrize(
    "text",
    ["13:30", "24:00", "14:00 PM", "48h hackathon", "Room 31", "16:9 screen", "2021-07-10", "1.5"],
)
def test_things_that_are_not_impossible_times(text: str) -> None:
    assert find_bad_clocks(text) == []


@given(st.integers(0, 23), st.integers(0, 59))
def test_every_real_clock_time_is_read(hour: int, minute: int) -> None:
    [span] = find_clock_spans(f"{hour}:{minute:02d}")
    assert span.start == time(hour, minute)
    assert find_bad_clocks(f"{hour}:{minute:02d}") == []


@given(st.integers(0, 99), st.integers(0, 99))
def test_no_impossible_clock_time_yields_a_time(hour: int, minute: int) -> None:
    text = f"{hour}:{minute:02d}"
    assume(hour > 24 or minute > 59 or (hour == 24 and minute > 0))
    assert find_clock_spans(text) == []
    assert find_clock_spans(f"10:00-{text}") == []
    assert [b.text for b in find_bad_clocks(text)] == [text]
