"""Tables that are timelines rather than run-on programmes: rows dated at both ends, moments
among ranges, withdrawn rows, "Day 2" columns, and tables converting one time for other cities."""

from __future__ import annotations

from tests.helpers import read_text, timeline

_JAM = """# Tidepool Jam

Every time on this page is UTC (2025).

| When (UTC) | What |
|---|---|
| Fri 24 Oct, 17:00–17:50 | Warm-up stream |
| Fri 24 Oct, 18:00 | Theme reveal |
| Fri 24 Oct, 19:00 → Sun 26 Oct, 19:00 | Jam |
| Mon 27 Oct, 19:00 → Mon 10 Nov, 19:00 | Rating period |
| Fri 14 Nov, 19:00–20:30 | Results show |
"""


def test_a_row_dated_at_both_ends_ends_on_its_later_date() -> None:
    rows = timeline(read_text(_JAM).schedules[0])
    assert ("Jam", "2025-10-24T19:00Z", "2025-10-26T19:00Z") in rows
    assert ("Rating period", "2025-10-27T19:00Z", "2025-11-10T19:00Z") in rows


def test_a_start_only_row_among_dated_ranges_is_a_moment() -> None:
    # hours before the next row, a milestone does not run until it
    rows = timeline(read_text(_JAM).schedules[0])
    assert ("Theme reveal", "2025-10-24T18:00Z", None) in rows


def test_a_start_only_row_of_a_programme_still_runs_to_the_next_row() -> None:
    page = "# Meetup\n\n**Date:** 12 March 2025, Berlin\n\n| Time | Talk |\n|---|---|\n"
    page += "| 18:00 | Doors |\n| 18:30–19:00 | Talk one |\n| 19:00–19:30 | Talk two |\n"
    assert timeline(read_text(page).schedules[0])[0] == (
        "Doors",
        "2025-03-12T17:00Z",
        "2025-03-12T17:30Z",
    )


def test_a_range_over_two_weekdays_in_a_table_ends_on_the_later_one() -> None:
    page = "# Hackathon\n\nAustin, TX. Saturday 7 March 2026.\n\n| Time | Event |\n|---|---|\n"
    page += "| 11:30 AM – 12:00 PM | Team formation |\n| 12:00 PM Sat – 11:00 AM Sun | Hacking |\n"
    rows = timeline(read_text(page).schedules[0])
    # the clocks spring forward on the night: 12:00 CST is 18:00Z, 11:00 CDT is 16:00Z
    assert ("Hacking", "2026-03-07T18:00Z", "2026-03-08T16:00Z") in rows


def test_a_struck_out_time_withdraws_its_row() -> None:
    page = "# Night\n\nAustin, TX. Sunday 8 March 2026.\n\n| Time | Event |\n|---|---|\n"
    page += (
        "| 1:00 AM – 1:50 AM | Tournament |\n| ~~2:00 AM – 2:59 AM~~ | This hour does not exist |\n"
    )
    page += "| 3:00 AM – 3:30 AM | Glow-stick break |\n"
    assert [title for title, _, _ in timeline(read_text(page).schedules[0])] == [
        "Tournament",
        "Glow-stick break",
    ]


def test_a_day_column_of_day_numbers_takes_the_dates_the_page_gave_them() -> None:
    page = (
        "# Backend Conf\n\n- **Day 1**：2026年2月26日（木）\n- **Day 2**：2026年2月27日（金）\n\n"
    )
    page += "東京, JST.\n\n| Day | 時間 | タイトル |\n|---|---|---|\n"
    page += "| Day 1 | 09:30〜10:00 | 受付開始 |\n| Day 2 | 10:00〜10:15 | オープニング |\n"
    assert timeline(read_text(page).schedules[0]) == [
        ("受付開始", "2026-02-26T00:30Z", "2026-02-26T01:00Z"),
        ("オープニング", "2026-02-27T01:00Z", "2026-02-27T01:15Z"),
    ]


def test_a_table_of_cities_with_their_zones_converts_the_times_and_adds_no_sessions() -> None:
    page = _JAM + "\n### Where you live\n\n| Where | Start | Jam end |\n|---|---|---|\n"
    page += "| Los Angeles (PDT) | Fri 11:00 | Sun 11:00 |\n| London (BST → GMT) | Fri 19:00 | Sun 18:00 |\n"
    page += "| Tokyo (JST) | Sat 03:00 | Mon 03:00 |\n"
    result = read_text(page)
    assert [len(s.sessions) for s in result.schedules] == [5]
