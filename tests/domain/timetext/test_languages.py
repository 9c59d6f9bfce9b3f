from __future__ import annotations

import re

import pytest

from bot.domain.timetext.languages import EU_MONTHS, MONTHS, alternation, chinese_number


@pytest.mark.parametrize(
    ("text", "number"),
    [("一", 1), ("两", 2), ("十", 10), ("十五", 15), ("二十", 20), ("九十九", 99)],
)
def test_chinese_numbers(text: str, number: int) -> None:
    assert chinese_number(text) == number


@pytest.mark.parametrize("text", ["", "百", "十十", "一二"])
def test_not_chinese_numbers(text: str) -> None:
    assert chinese_number(text) is None


def test_alternation_prefers_the_longest_word() -> None:
    assert re.match(alternation(["mar", "mars"]), "mars").group() == "mars"  # type: ignore[union-attr]


def test_month_tables_agree_where_they_overlap() -> None:
    assert all(EU_MONTHS[w] == n for w, n in MONTHS.items() if w in EU_MONTHS)
