from __future__ import annotations

from datetime import time, timedelta

import pytest

from bot.domain.timetext.clock import find_clock_spans, find_duration, leading_clock_span


def spans(text: str) -> list[tuple[str, str | None]]:
    return [
        (s.start.strftime("%H:%M"), s.end.strftime("%H:%M") if s.end else None)
        for s in find_clock_spans(text)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13:30 - 13:50", [("13:30", "13:50")]),
        ("13：30-14：00", [("13:30", "14:00")]),
        ("6:30pm", [("18:30", None)]),
        ("7:45-7:50 AM", [("07:45", "07:50")]),
        ("11:30-12:30 PM", [("11:30", "12:30")]),
        ("10 - 11am", [("10:00", "11:00")]),
        ("6:30pm - 8", [("18:30", "20:00")]),
        ("12pm-1pm", [("12:00", "13:00")]),
        ("12am", [("00:00", None)]),
        ("9.30am", [("09:30", None)]),
        ("14:00 PM", [("14:00", None)]),
        ("下午2点半-3点", [("14:30", "15:00")]),
        ("晚上7点", [("19:00", None)]),
        ("23:00-01:00", [("23:00", "01:00")]),
        ("9am PT / 4pm UTC", [("09:00", None), ("16:00", None)]),
        ("13:00 to 14:00", [("13:00", "14:00")]),
        ("2021-07-10", []),
        ("Room 12, version 1.2.3", []),
        ("25:00", []),
    ],
)
def test_clock_spans_are_found_as_people_write_them(text: str, expected: list) -> None:
    assert spans(text) == expected


def test_range_with_a_stated_duration_keeps_both() -> None:
    [span] = find_clock_spans("13:00-14:00(60m)")
    assert span.duration == timedelta(minutes=60)
    assert span.length == timedelta(minutes=60)


def test_leading_span_only_at_the_start_of_a_line() -> None:
    assert leading_clock_span("**13:30** Opening") is not None
    assert leading_clock_span("Opening at 13:30") is None


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("(10m)", 10), ("30 min", 30), ("（30分钟）", 30), ("1.5h", 90), ("2 hours", 120)],
)
def test_durations_alone(text: str, minutes: int) -> None:
    assert find_duration(text) == timedelta(minutes=minutes)


def test_a_very_long_line_is_cut_not_scanned_forever() -> None:
    assert find_clock_spans("1" * 100_000) == []


def test_quebec_and_french_spaced_hours_keep_their_minutes() -> None:
    spans = find_clock_spans("9 h 30 – 10 h 30")
    assert [(s.start, s.end) for s in spans] == [(time(9, 30), time(10, 30))]
    assert find_clock_spans("pendant 2 h 30 min") == []


def test_german_dotted_ranges_read_as_times_and_version_numbers_do_not() -> None:
    assert [(s.start, s.end) for s in find_clock_spans("14.30 bis 15.15 Uhr: Talk")] == [
        (time(14, 30), time(15, 15))
    ]
    assert [(s.start, s.end) for s in find_clock_spans("14.30 – 15.15 Uhr")] == [
        (time(14, 30), time(15, 15))
    ]
    assert find_clock_spans("release v1.10 - 1.20 notes") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1000 – 1015 hrs", [("10:00", "10:15")]),  # the range's end says "hrs" for both
        ("6:00 pm until about 9:30 pm", [("18:00", "21:30")]),
        ("19 Uhr bis etwa 22 Uhr", [("19:00", "22:00")]),
        ("18:00 CET – 19:00", [("18:00", None), ("19:00", None)]),
    ],
)
def test_ranges_with_more_words_around_them(text: str, expected: list) -> None:
    assert spans(text) == expected


def test_a_range_whose_start_names_its_weekday_ends_on_the_ends_weekday() -> None:
    (span,) = find_clock_spans("12:00 PM Sat – 11:00 AM Sun")
    assert (span.start, span.end, span.end_weekday) == (time(12), time(11), 6)
    assert span.finish == len("12:00 PM Sat – 11:00 AM Sun")


def test_a_pictograph_before_a_lines_time_leaves_the_time_first() -> None:
    span = leading_clock_span("⏰ 5:30 PM — Check-in")
    assert span is not None and span.start == time(17, 30)
    assert leading_clock_span("Check-in ⏰ 5:30 PM") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("19 hs — Llegada", [("19:00", None)]),
        ("19 a 21 hs", [("19:00", "21:00")]),
        ("dura 2 hs", []),
    ],
)
def test_hours_written_hs_as_in_the_river_plate(text: str, expected: list) -> None:
    assert spans(text) == expected


def test_a_bare_number_after_a_weekday_is_its_date_when_no_range_could_run_from_it() -> None:
    (span,) = find_clock_spans("Regístrate antes del martes 16 a las 12:00.")
    assert (span.start, span.end) == (time(12, 0), None)
    (hours,) = find_clock_spans("Samstag 10 - 18 Uhr")
    assert (hours.start, hours.end) == (time(10, 0), time(18, 0))
