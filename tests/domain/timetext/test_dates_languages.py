from __future__ import annotations

import random
import re
from datetime import date

import pytest

from bot.domain.timetext.date_patterns import _EU, _EU_HINT
from bot.domain.timetext.dates import find_dates


def read(text: str) -> tuple[date, date, list[str]]:
    [mention] = find_dates(text)
    return mention.resolve(date(2024, 9, 1))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # German
        ("Samstag, 12. Oktober 2019", date(2019, 10, 12)),
        ("12. Oktober 2019", date(2019, 10, 12)),
        ("Sa., 12.10.2019", date(2019, 10, 12)),
        ("12. Okt.", date(2024, 10, 12)),
        ("am 5. März", date(2024, 3, 5)),
        ("Mittwoch, 15. Januar 2025, 19 bis 21 Uhr", date(2025, 1, 15)),
        # Spanish
        ("viernes 8 de noviembre de 2024", date(2024, 11, 8)),
        ("8 de noviembre", date(2024, 11, 8)),
        ("vie. 8 nov", date(2024, 11, 8)),
        ("5 de mayo", date(2024, 5, 5)),
        # Portuguese
        ("12 de Outubro de 2019", date(2019, 10, 12)),
        ("sábado, 12 de outubro", date(2024, 10, 12)),
        ("terça-feira, 5 de março de 2024", date(2024, 3, 5)),
        ("1º de maio", date(2024, 5, 1)),
        ("25/10/2019", date(2019, 10, 25)),
        ("10/25/2019", date(2019, 10, 25)),
        # French
        ("le 5 mars", date(2024, 3, 5)),
        ("jeudi 5 mars 2025", date(2025, 3, 5)),
        ("5 mars 2025", date(2025, 3, 5)),
        ("1er avril", date(2024, 4, 1)),
        # Korean
        ("2024년 10월 12일 (토)", date(2024, 10, 12)),
        ("10월 12일", date(2024, 10, 12)),
        ("10월 12일(토)", date(2024, 10, 12)),
        ("10/12 (토)", date(2024, 10, 12)),
        ("10/12 (토요일)", date(2024, 10, 12)),
        # Japanese
        ("2024/06/14(金)", date(2024, 6, 14)),
        ("6月14日(金)", date(2024, 6, 14)),
        ("令和6年6月14日", date(2024, 6, 14)),
        ("平成元年1月8日", date(1989, 1, 8)),
        # English
        ("on Thursday, March 6th", date(2024, 3, 6)),
        ("Thu, Mar 6", date(2024, 3, 6)),
        ("March 6th, 2025", date(2025, 3, 6)),
        ("6 March 2025", date(2025, 3, 6)),
        ("Mar. 3", date(2024, 3, 3)),
    ],
)
def test_dates_in_many_languages(text: str, expected: date) -> None:
    assert read(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "3/6",
        "12/10/2019",
        "I may 5 times try",
        "5 may be more",
        "2 out of 3",
        "1 set of slides",
        "8 mar",
        "Top 5 Mars missions",
        "5 Mai",
        "Version 1.2.3",
    ],
)
def test_words_that_only_look_like_months_are_not_dates(text: str) -> None:
    assert find_dates(text) == []


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("del 10 al 12 de octubre de 2024", date(2024, 10, 10), date(2024, 10, 12)),
        ("du 10 au 12 mars 2025", date(2025, 3, 10), date(2025, 3, 12)),
        ("10.-12. Oktober 2024", date(2024, 10, 10), date(2024, 10, 12)),
        ("de 22 a 24 de maio de 2025", date(2025, 5, 22), date(2025, 5, 24)),
    ],
)
def test_day_ranges(text: str, first: date, last: date) -> None:
    assert read(text)[:2] == (first, last)


def test_the_weekday_is_part_of_the_mention_and_checked() -> None:
    [mention] = find_dates("Datum: Samstag, 12. Oktober 2019")
    assert (mention.text, mention.weekday) == ("Samstag, 12. Oktober 2019", 5)
    assert read("jeudi 5 mars 2025")[2] == [
        "'jeudi 5 mars 2025': 2025-03-05 is a Wednesday, not a Thursday"
    ]
    assert read("2024년 10월 12일 (토)")[2] == []
    assert read("Sa., 12.10.2019")[2] == []


def test_a_weekday_without_a_year_picks_the_nearest_year_it_fits() -> None:
    [mention] = find_dates("viernes 8 de noviembre")
    first, _, notes = mention.resolve(None, today=date(2025, 9, 1))
    assert first == date(2024, 11, 8)
    assert notes == [
        "'viernes 8 de noviembre' has no year; assumed 2024, when it falls on a Friday"
    ]


@pytest.mark.parametrize(
    "text", ["12. OKTOBER 2019", "12 DE OUTUBRO DE 2019", "5 MARS 2025", "12. oktober 2019"]
)
def test_month_names_ignore_case_next_to_a_day(text: str) -> None:
    assert find_dates(text)


def test_the_cheap_test_before_day_month_dates_lets_every_one_through() -> None:
    """`_EU_HINT` spares most texts the day-month pattern: it must pass every text it matches."""
    pattern = re.compile(_EU)
    rng = random.Random(5)
    parts = ["1", "12", ".", "°", "er", "ᵉʳ", "º", " ", "de ", "-", " bis ", "&", " et ", "/"]
    parts += ["März", "mars", "junio", "Okt.", "maj", "lundi ", ", 2024", "\u00a0", "(", "Mo. "]
    matched = 0
    for _ in range(20000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(1, 9)))
        if pattern.search(text):
            matched += 1
            assert _EU_HINT.search(text), text
    assert matched > 500


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sabtu, 23 Agustus 2025", date(2025, 8, 23)),  # Indonesian
        ("Khamis, 4 Disember 2025", date(2025, 12, 4)),  # Malay
        ("Thứ Năm, 11/12/2025", date(2025, 12, 11)),  # Vietnamese: the weekday says day first
        ("Miércoles 12/11/2025", date(2025, 11, 12)),
        ("#30 — 16 april 2026", date(2026, 4, 16)),  # an edition's number, then its date
        ("2024. november 21., csütörtök, 18:00-tól", date(2024, 11, 21)),  # Hungarian
        ("2025. márc. 6.", date(2025, 3, 6)),
        ("Joi, 10 aprilie 2025", date(2025, 4, 10)),  # Romanian
        ("sâmbătă, 15 martie 2025", date(2025, 3, 15)),
    ],
)
def test_more_languages_and_shapes(text: str, expected: date) -> None:
    [mention] = find_dates(text)
    assert mention.resolve(date(2025, 1, 1))[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Freitag, 13.06.", date(2025, 6, 13)),
        ("Workshoptag – Donnerstag, 12.06.", date(2025, 6, 12)),
        ("Sa, 14.6., 10 Uhr", date(2025, 6, 14)),
        ("Fr. 13.06. 18:00", date(2025, 6, 13)),
    ],
)
def test_a_day_and_month_with_dots_after_a_weekday_is_a_date(text: str, expected: date) -> None:
    [mention] = find_dates(text)
    assert mention.resolve(date(2025, 6, 1))[0] == expected


@pytest.mark.parametrize("text", ["13.06.", "um 13.06. Uhr", "Version 1.2.3"])
def test_a_day_and_month_with_dots_alone_is_not_a_date(text: str) -> None:
    assert find_dates(text) == []


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        # Catalan: "d'" before a vowel, "i" joining two days
        ("Dissabte 25 d'octubre de 2025", date(2025, 10, 25), date(2025, 10, 25)),
        ("dissabte 25 i diumenge 26 d'octubre de 2025", date(2025, 10, 25), date(2025, 10, 26)),
        ("dilluns 3 de febrer de 2025", date(2025, 2, 3), date(2025, 2, 3)),
        # Arabic, as the Gulf and Egypt write the months
        ("الخميس 20 مارس 2025", date(2025, 3, 20), date(2025, 3, 20)),
        # Turkish capitalises its months: with a weekday after, or a range, it is a date
        ("15 Mart Cumartesi", date(2024, 3, 15), date(2024, 3, 15)),
        ("Program — 15-16 Mart", date(2024, 3, 15), date(2024, 3, 16)),
        # a range whose days each carry their weekday
        ("du vendredi 6 au dimanche 8 mars 2026", date(2026, 3, 6), date(2026, 3, 8)),
        ("del viernes 6 al domingo 8 de marzo de 2026", date(2026, 3, 6), date(2026, 3, 8)),
    ],
)
def test_more_languages_and_ranges_with_weekdays(text: str, first: date, last: date) -> None:
    assert read(text)[:2] == (first, last)


def test_a_hungarian_date_checks_its_weekday() -> None:
    [mention] = find_dates("2024. november 21., szerda")  # the 21st was a Thursday
    assert mention.resolve(date(2024, 9, 1))[2]


def test_a_capitalised_turkish_month_alone_is_not_read_as_a_date() -> None:
    assert find_dates("the 8 Mart store") == []


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # Thai months, and the Buddhist era's years (2569 is 2026)
        ("วันเสาร์ที่ 25 เมษายน 2569", date(2026, 4, 25)),
        ("21 มีนาคม 2569", date(2026, 3, 21)),
        # Estonian
        ("Reede, 25. oktoober 2024", date(2024, 10, 25)),
    ],
)
def test_thai_and_estonian_dates(text: str, first: date) -> None:
    assert read(text)[0] == first
