"""Hours written in Chinese numerals: "下午两点到五点", "晚上七点半", "十点一刻"."""

from __future__ import annotations

from datetime import time

import pytest

from bot.domain.timetext.clock import find_clock_spans


def spans(text: str) -> list[tuple[time, time | None]]:
    return [(span.start, span.end) for span in find_clock_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("下午两点到五点", [(time(14), time(17))]),
        ("时间：2025年9月13日（周六）下午两点到五点", [(time(14), time(17))]),
        ("下午2点到五点", [(time(14), time(17))]),
        ("晚上七点半", [(time(19, 30), None)]),
        ("晚上七点半至九点", [(time(19, 30), time(21))]),
        ("上午十点", [(time(10), None)]),
        ("十二点", [(time(12), None)]),
        ("上午十一点", [(time(11), None)]),
        ("下午一点", [(time(13), None)]),
        ("十点一刻", [(time(10, 15), None)]),
        ("晚上八点三刻", [(time(20, 45), None)]),
        ("下午三点二十分", [(time(15, 20), None)]),
        ("下午三点零五分", [(time(15, 5), None)]),
        ("三点钟", [(time(3), None)]),
        ("下午 兩點半", [(time(14, 30), None)]),
    ],
)
def test_numeral_hours_are_clock_times(text: str, expected: list[tuple[time, time | None]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "请早一点到",  # "a little earlier"
        "有一点难",
        "一点儿也不难",
        "注意以下三点",  # "three points"
        "第一点",
        "二十一点",  # not an hour from 1 to 12
        "两小时的工作坊",
    ],
)
def test_numerals_that_are_not_hours_are_not_times(text: str) -> None:
    assert spans(text) == []


def test_a_numeral_hour_keeps_its_place_in_the_text() -> None:
    (span,) = find_clock_spans("议程：下午两点到五点，欢迎参加")
    assert "议程：下午两点到五点，欢迎参加"[span.begin : span.finish] == "下午两点到五点"


def test_numeral_minutes_without_the_word_for_minutes() -> None:
    # "三点四十五", "两点零五": minutes from ten up, or after 零, need no 分
    assert [s.start for s in find_clock_spans("- 三点四十五：用 Polars")] == [time(3, 45)]
    assert [s.start for s in find_clock_spans("两点零五")] == [time(2, 5)]
