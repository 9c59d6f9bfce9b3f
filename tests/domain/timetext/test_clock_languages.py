from __future__ import annotations

from datetime import time

import pytest

from bot.domain.timetext.clock import find_clock_spans, leading_clock_span


def spans(text: str) -> list[tuple[str, str | None]]:
    return [
        (s.start.strftime("%H:%M"), s.end.strftime("%H:%M") if s.end else None)
        for s in find_clock_spans(text)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("上午10点", [("10:00", None)]),
        ("中午12点", [("12:00", None)]),
        ("中午1点", [("13:00", None)]),
        ("凌晨1点", [("01:00", None)]),
        ("晚上12点", [("00:00", None)]),
        ("晚上 7 点半", [("19:30", None)]),
        ("傍晚6点", [("18:00", None)]),
        ("夜间11点", [("23:00", None)]),
        ("早上8点", [("08:00", None)]),
        ("早晨 7 点", [("07:00", None)]),
        ("下午2点到5点", [("14:00", "17:00")]),
        ("上午10点到2点", [("10:00", "14:00")]),
        ("晚上10点到12点", [("22:00", "00:00")]),
        ("下午 1:30——3:00", [("13:30", "15:00")]),
        ("午後3時", [("15:00", None)]),
        ("午前0時", [("00:00", None)]),
        ("午前10時〜午後5時", [("10:00", "17:00")]),
        ("午後2時15分", [("14:15", None)]),
        ("7時半", [("07:30", None)]),
        ("오후 2시", [("14:00", None)]),
        ("오후 2시 30분", [("14:30", None)]),
        ("오후 2시 반", [("14:30", None)]),
        ("오후 2시 ~ 6시", [("14:00", "18:00")]),
        ("14시 30분", [("14:30", None)]),
        ("오전 10시부터 오후 2시까지", [("10:00", "14:00")]),
        ("凌晨 1:00 — 凌晨 2:45", [("01:00", "02:45")]),
    ],
)
def test_day_parts_before_a_time(text: str, expected: list) -> None:
    assert spans(text) == expected


def test_a_day_part_carries_to_the_end_of_the_range() -> None:
    [span] = find_clock_spans("오후 2시 ~ 6시")
    assert (span.start, span.end, span.twelve_hour) == (time(14), time(18), False)


def test_cjk_hours_without_a_day_part_may_be_on_a_twelve_hour_clock() -> None:
    [span] = find_clock_spans("7 点半")
    assert (span.start, span.twelve_hour) == (time(7, 30), True)


@pytest.mark.parametrize("text", ["2 小时", "2時間", "2시간", "1時間半"])
def test_lengths_in_hours_are_not_clock_times(text: str) -> None:
    assert find_clock_spans(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13:00——14:00", [("13:00", "14:00")]),
        ("13:00～14:00", [("13:00", "14:00")]),
        ("13:00〜14:00", [("13:00", "14:00")]),
        ("13:00~14:00", [("13:00", "14:00")]),
        ("13:00－14:00", [("13:00", "14:00")]),
        ("13:00—14:00", [("13:00", "14:00")]),
        ("13:00 until 14:00", [("13:00", "14:00")]),
        ("13:00 till 14:00", [("13:00", "14:00")]),
        ("14:00 a 17:00", [("14:00", "17:00")]),
        ("de 10:00 a 12:00", [("10:00", "12:00")]),
        ("de 9h à 12h", [("09:00", "12:00")]),
        ("19h às 21h", [("19:00", "21:00")]),
        ("das 9h30 as 17h00", [("09:30", "17:00")]),
        ("von 10 bis 12 Uhr", [("10:00", "12:00")]),
        ("09:30 bis 10:00 Uhr", [("09:30", "10:00")]),
        ("19:00から21:00", [("19:00", "21:00")]),
        ("19:00～21:00まで", [("19:00", "21:00")]),
        ("2시부터 6시까지", [("02:00", "06:00")]),
        # an offset after the start, as KKTIX writes it
        ("19:00(+0800) ~ 21:30(+0800)", [("19:00", "21:30")]),
        ("19:00 (UTC+8) - 21:00", [("19:00", "21:00")]),
        # the next morning named by its weekday; a later hour that day is not a range then
        ("12:00 PM – Sun 10:00 AM", [("12:00", "10:00")]),
        ("Sat 9:00 AM – Sunday 5:00 PM", [("09:00", None), ("17:00", None)]),
    ],
)
def test_range_separators(text: str, expected: list) -> None:
    assert spans(text) == expected


def test_a_range_closing_word_belongs_to_the_span() -> None:
    [span] = find_clock_spans("19:00～21:00まで 懇親会")
    assert span.finish == len("19:00～21:00まで")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("noon", [("12:00", None)]),
        ("Noon", [("12:00", None)]),
        ("12 noon", [("12:00", None)]),
        ("midnight", [("00:00", None)]),
        ("12 midnight", [("00:00", None)]),
        ("11am-noon", [("11:00", "12:00")]),
        ("noon-1:30pm", [("12:00", "13:30")]),
        ("10pm - midnight", [("22:00", "00:00")]),
        ("Lunch at noon", [("12:00", None)]),
        ("正午から", [("12:00", None)]),
        ("9h à midi", [("09:00", "12:00")]),
        ("10:00 a mediodía", [("10:00", "12:00")]),
        ("10 Uhr bis Mittag", [("10:00", "12:00")]),
        ("afternoon tea", []),
        ("noon-ish", []),
        ("Pause midi", []),
        ("Mittagspause", []),
    ],
)
def test_noon_and_midnight(text: str, expected: list) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20 Uhr", [("20:00", None)]),
        ("18:30 Uhr", [("18:30", None)]),
        ("18.30 Uhr", [("18:30", None)]),
        ("20.00 Uhr", [("20:00", None)]),
        ("10 bis 12 Uhr", [("10:00", "12:00")]),
        ("17h45", [("17:45", None)]),
        ("19h", [("19:00", None)]),
        ("14h-16h", [("14:00", "16:00")]),
        ("19h00 - 20h30", [("19:00", "20:30")]),
        ("19h às 21h", [("19:00", "21:00")]),
        ("19:00h", [("19:00", None)]),
        ("19:00 hrs", [("19:00", None)]),
        ("9h : Accueil", [("09:00", None)]),
        ("à 9h", [("09:00", None)]),
    ],
)
def test_hour_signs_of_european_languages(text: str, expected: list) -> None:
    assert spans(text) == expected


def test_twenty_four_hour_signs_are_not_twelve_hour_times() -> None:
    assert [s.twelve_hour for s in find_clock_spans("9 Uhr, 9h30, 10 bis 11 Uhr")] == [
        False,
        False,
        False,
    ]


def test_an_hour_with_a_leading_zero_is_on_the_twenty_four_hour_clock() -> None:
    # "06:30" is how a 24-hour clock writes half past six; "6:30" may be the evening.
    texts = ["06:30", "01:00 - 02:30", "6:30", "1:00 - 2:30", "06:30 pm"]
    assert [find_clock_spans(t)[0].twelve_hour for t in texts] == [
        False,
        False,
        True,
        True,
        False,
    ]


@pytest.mark.parametrize(
    "text",
    ["10", "Room 12", "Workshop (2h)", "Workshop 2h", "2h workshop", "48h hackathon", "2 hrs"],
)
def test_a_bare_number_or_a_length_is_not_a_time(text: str) -> None:
    assert find_clock_spans(text) == []


def test_a_length_after_a_time_does_not_become_its_end() -> None:
    assert spans("13:00 - 2h") == [("13:00", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10AM", [("10:00", None)]),
        ("4 p.m.", [("16:00", None)]),
        ("10:30am", [("10:30", None)]),
        ("10 a. m.", [("10:00", None)]),
        ("6 to 9 pm", [("18:00", "21:00")]),
        ("13pm", []),
        ("0am", []),
    ],
)
def test_twelve_hour_clock(text: str, expected: list) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("开场：14:00 - 14:10", [("14:00", "14:10")]),
        ("Doors:18:00", [("18:00", None)]),
        ("start: 2024-11-21T18:00:00+01:00", [("18:00", None)]),
        ("starts_at: 2024-09-19T18:30:00-06:00", [("18:30", None)]),
        ("19:00 (UTC+08:00)", [("19:00", None)]),
        ('zone: "-03:00"', []),
    ],
)
def test_label_colons_and_zone_offsets(text: str, expected: list) -> None:
    assert spans(text) == expected


def test_leading_span_with_a_day_part() -> None:
    span = leading_clock_span("- 下午 3:00～3:20 茶歇".removeprefix("- "))
    assert span is not None
    assert (span.start, span.end, span.begin) == (time(15), time(15, 20), 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Arabic: م after a time is the evening, ص the morning; حتى joins a range
        ("من 9:30 م حتى 1:00 ص", [("21:30", "01:00")]),
        ("12:00 منتصف الليل — السحور", [("00:00", None)]),
        # a dotted time that ends a sentence, or takes a Turkish case ending
        ("Vi räknar med att vara klara runt kl. 20.15. Den som vill", [("20:15", None)]),
        ("Etkinlik en geç 14.30'da sona eriyor", [("14:30", None)]),
        # Czech and Polish "do" ends a range
        ("Od 18:30 do 22:00, Impact Hub Brno.", [("18:30", "22:00")]),
        # an arrow joins a range
        ("20:00 → 12:00 HACKING", [("20:00", "12:00")]),
    ],
)
def test_clock_times_in_more_languages(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert spans(text) == expected


def test_a_day_and_month_with_a_trailing_dot_is_no_time() -> None:
    assert spans("13.06. Meetup") == []


def test_an_end_named_by_its_weekday_carries_that_day() -> None:
    [span] = find_clock_spans("20 h 00 → dim. 11 h  Période de hack")
    assert (span.start, span.end, span.end_weekday) == (time(20), time(11), 6)


def test_a_weekday_before_a_days_number_does_not_end_a_range() -> None:
    # "19 h, au dimanche 9 mars, 8 h 30": the 9 is the day, 8 h 30 the end
    assert spans("du samedi 8 mars 2025, 19 h, au dimanche 9 mars, 8 h 30") == [
        ("19:00", None),
        ("08:30", None),
    ]


def test_an_academic_quarter_and_a_dotted_time_after_an_emoji() -> None:
    assert spans("donnerstags 17 Uhr c.t.") == [("17:15", None)]
    assert spans("16 Uhr s.t.") == [("16:00", None)]
    assert spans("🕡 **18.30 – 21.00 WITA**") == [("18:30", "21:00")]
    assert spans("$12.50 each") == []


def test_greek_and_thai_hour_words() -> None:
    assert spans("7:00 μ.μ. – 9:30 μ.μ.") == [("19:00", "21:30")]
    assert spans("13.00 - 13.30 น. ลงทะเบียน") == [("13:00", "13:30")]


def test_a_days_length_at_the_start_of_a_line_is_no_midnight() -> None:
    assert leading_clock_span("24 uur (nou ja, 25 🙃) bouwen met open data") is None
    assert leading_clock_span("24 hours of hacking") is None
    assert leading_clock_span("24:00 Mitternachtssnack") is not None  # written as a clock
    assert leading_clock_span("24 Uhr – Ende") is not None  # German midnight
