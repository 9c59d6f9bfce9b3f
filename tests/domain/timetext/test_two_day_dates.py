"""Two days in a row joined by "and", "&" or a slash, with or without their weekdays."""

from __future__ import annotations

from datetime import date

import pytest

from bot.domain.timetext.dates import find_dates


@pytest.mark.parametrize(
    "text",
    [
        "14 & 15 June 2025",
        "14 and 15 June 2025",
        "Saturday 14 & Sunday 15 June 2025",
        "Sat 14 – Sun 15 June 2025",
        "Sat. 14 and Sun. 15 June 2025",
        "14/15 June 2025",
        "14th & 15th of June 2025",
        "June 14 and 15, 2025",
        "June 14 & 15, 2025",
        "Saturday, June 14 & Sunday 15, 2025",
        "14. und 15. Juni 2025",
        "Samstag, 14. und Sonntag, 15. Juni 2025",
        "Sa., 14. und So., 15. Juni 2025",
        "14 et 15 juin 2025",
        "samedi 14 et dimanche 15 juin 2025",
        "14 y 15 de junio de 2025",
        "sábado 14 y domingo 15 de junio de 2025",
        "14 e 15 de junho de 2025",
    ],
)
def test_two_days_joined_by_and_are_a_two_day_range(text: str) -> None:
    mentions = find_dates(f"{text}, Lisbon")
    assert len(mentions) == 1
    assert mentions[0].text == text
    first, last, notes = mentions[0].resolve(None)
    assert (first, last) == (date(2025, 6, 14), date(2025, 6, 15))
    assert notes == []


def test_the_first_weekday_is_checked_and_gives_a_missing_year() -> None:
    mention = find_dates("Sat 14 – Sun 15 June")[0]
    assert mention.weekday == 5
    assert mention.resolve(None, today=date(2026, 11, 30))[:2] == (
        date(2025, 6, 14),
        date(2025, 6, 15),
    )
    mention = find_dates("14 and 15 June")[0]
    assert mention.resolve(date(2025, 5, 1))[:2] == (date(2025, 6, 14), date(2025, 6, 15))


@pytest.mark.parametrize(
    ("text", "day", "mention"),
    [
        ("June 14 and 21, 2025", 14, "June 14"),
        ("14 and 21 June 2025", 21, "21 June 2025"),
        ("14 & 28 June 2025", 28, "28 June 2025"),
        ("14. und 21. Juni 2025", 21, "21. Juni 2025"),
    ],
)
def test_two_days_apart_joined_by_and_are_not_the_days_between(
    text: str, day: int, mention: str
) -> None:
    found = find_dates(text)
    assert [m.text for m in found] == [mention]
    first, last, _ = found[0].resolve(None)
    assert first == last == date(2025, 6, day)


def test_a_month_first_pair_leaves_its_second_day_after_the_mention() -> None:
    """ "except December 24 and 31": the second day follows the mention, read by who lists
    skipped days; two days in a row are one range."""
    text = "every Wednesday except December 24 and 31"
    (mention,) = find_dates(text)
    assert (mention.text, text[mention.finish :]) == ("December 24", " and 31")
    (mention,) = find_dates("except December 24 and 25")
    assert (mention.day, mention.last_day) == (24, 25)


def test_dash_ranges_still_span_every_day_between() -> None:
    first, last, _ = find_dates("12 – 15 June 2025")[0].resolve(None)
    assert (first, last) == (date(2025, 6, 12), date(2025, 6, 15))
    first, last, _ = find_dates("Fri 13 – Sun 15 June 2025")[0].resolve(None)
    assert (first, last) == (date(2025, 6, 13), date(2025, 6, 15))


@pytest.mark.parametrize(
    "text",
    ["Rooms 1 and 2 are upstairs", "10 and 20 people", "3/4 of the seats", "5 y 6 personas"],
)
def test_numbers_joined_by_and_without_a_month_are_not_dates(text: str) -> None:
    assert find_dates(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Day 1 — Thursday, 21 November 2024",
        "Tag 1 – Donnerstag, 21. November 2024",
        "Day 1 & Thursday 21 November 2024",
    ],
)
def test_a_day_number_before_a_dated_weekday_is_not_a_first_day(text: str) -> None:
    (mention,) = find_dates(text)
    assert mention.resolve(None)[:2] == (date(2024, 11, 21), date(2024, 11, 21))
