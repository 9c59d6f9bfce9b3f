from __future__ import annotations

from datetime import date

import pytest

from bot.domain.timetext.dates import DateError, find_dates, range_end


def first(text: str, reference: date | None = None) -> tuple[date, date, list[str]]:
    return find_dates(text)[0].resolve(reference)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13:30-17:30 (CST), July 10, 2021", date(2021, 7, 10)),
        ("2021年7月10日13:00-17:30", date(2021, 7, 10)),
        ("Date: 4 April, 2019 at 17:00", date(2019, 4, 4)),
        ("Day 1: Tuesday 9th September 2025", date(2025, 9, 9)),
        ("2024-02-03", date(2024, 2, 3)),
        ("2024/2/3", date(2024, 2, 3)),
        ("2023年11月8日（水）", date(2023, 11, 8)),
        ("Sept. 3rd, 2024", date(2024, 9, 3)),
        ("MAY 5, 2020", date(2020, 5, 5)),
    ],
)
def test_dates_in_english_chinese_japanese_and_iso(text: str, expected: date) -> None:
    assert first(text)[0] == expected


def test_a_date_without_a_year_takes_the_reference_year() -> None:
    assert first("Wednesday, September 24th", date(2025, 9, 15)) == (
        date(2025, 9, 24),
        date(2025, 9, 24),
        [],
    )


def test_a_date_long_before_the_reference_rolls_into_next_year_with_a_note() -> None:
    assert first("January 10", date(2024, 11, 20)) == (
        date(2025, 1, 10),
        date(2025, 1, 10),
        ["'January 10' has no year; assumed 2025"],
    )


def test_a_date_without_any_year_is_an_error() -> None:
    with pytest.raises(DateError, match="has no year"):
        first("September 24th")


def test_date_ranges_give_first_and_last_day() -> None:
    assert first("July 10-12, 2021")[:2] == (date(2021, 7, 10), date(2021, 7, 12))


@pytest.mark.parametrize("joint", [" → ", " -> ", " – ", " to "])
def test_two_dates_joined_into_a_range(joint: str) -> None:
    text = f"Friday 29 October{joint}Sunday 31 October 2027"
    end = range_end(text, find_dates(text))
    assert end is not None and (end.month, end.day) == (10, 31)


def test_impossible_dates_are_errors() -> None:
    with pytest.raises(DateError, match="not a valid date"):
        first("February 30, 2021")


def test_weekday_contradiction_is_noted() -> None:
    assert first("7月10日（土）", date(2021, 7, 1))[2] == []
    assert first("Monday, 15 March 2025")[2] == [
        "'Monday, 15 March 2025': 2025-03-15 is a Saturday, not a Monday"
    ]


def test_lowercase_month_words_in_prose_are_not_dates() -> None:
    assert find_dates("I may 5 times try") == []
    assert find_dates("Since February 2021, the project grew") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ביום שלישי, 13.1.26, במשרדי", date(2026, 1, 13)),
        ("am 03.02.27 im Saal", date(2027, 2, 3)),
    ],
)
def test_a_dotted_date_with_a_two_digit_year(text: str, expected: date) -> None:
    assert first(text)[0] == expected


@pytest.mark.parametrize("text", ["Python 3.1.26", "v13.1.26", "5.3.26", "12.13.26"])
def test_version_numbers_are_not_dates_with_two_digit_years(text: str) -> None:
    assert find_dates(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jueves 11/3", (3, 11)),
        ("sábado 5/4", (4, 5)),
        ("jeudi 11/3", (3, 11)),
        ("Domingo (08/11)", (11, 8)),
        ("### Sábado（07/11）", (11, 7)),
    ],
)
def test_a_weekday_then_day_and_month_in_languages_that_write_the_day_first(
    text: str, expected: tuple[int, int]
) -> None:
    (mention,) = find_dates(text)
    assert (mention.month, mention.day) == expected


def test_an_english_weekday_before_a_slashed_day_and_month_stays_unread() -> None:
    assert find_dates("Thursday 3/11") == []


def test_a_weekday_before_a_slashed_date_that_reads_one_way_only_is_part_of_it() -> None:
    (mention,) = find_dates("- **Ter, 13/10/2026 · 9h–12h** — Workshop")
    assert (mention.text, mention.month, mention.day) == ("Ter, 13/10/2026", 10, 13)
