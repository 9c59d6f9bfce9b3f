"""Sentences and labels around an agenda that say something of it without adding to it: a time
the agenda gives again, a conversion for readers elsewhere, the next day of the event by its
number, the night's next date, a revision stamp, a heading said in two languages."""

from __future__ import annotations

from tests.helpers import read_text, timeline


def test_a_sentence_giving_an_agenda_time_again_adds_no_event() -> None:
    page = "# Jam\n\nAll times UTC (2025).\n\n| When | What |\n|---|---|\n"
    page += (
        "| Mon 27 Oct, 18:00–19:00 | Submission hour |\n| Fri 14 Nov, 19:00–20:30 | Results |\n\n"
    )
    page += "## Submitting\n\nAfter **19:00 UTC on Monday 27 October** the form locks.\n"
    result = read_text(page)
    assert len(result.schedules) == 1
    assert len(result.schedules[0].sessions) == 2


def test_a_line_of_one_time_in_several_zones_is_a_conversion() -> None:
    page = "# Community call\n\n**Wednesday, 21 January 2026, 15:00–16:30 UTC**\n\n"
    page += "> 07:00 PST (San Francisco) · 10:00 EST (New York) · 16:00 CET (Berlin, Paris) ·\n"
    page += "> 20:30 IST (Bengaluru) · 00:00 JST on Thursday 22 January (Tokyo)\n\n"
    page += "| Time (UTC) | Topic |\n|---|---|\n| 15:00 – 15:05 | Welcome |\n| 15:05 – 16:30 | Demos |\n"
    assert timeline(read_text(page).schedules[0]) == [
        ("Welcome", "2026-01-21T15:00Z", "2026-01-21T15:05Z"),
        ("Demos", "2026-01-21T15:05Z", "2026-01-21T16:30Z"),
    ]


def test_times_in_two_zones_before_a_title_still_make_a_session() -> None:
    page = "# Call\n\n**Date:** 21 January 2026, 15:00–16:00 UTC\n\n"
    page += "- 10:00 AM EST / 15:00 UTC: Opening\n- 15:30 UTC: Demos\n"
    titles = [title for title, _, _ in timeline(read_text(page).schedules[0])]
    assert titles == ["Opening", "Demos"]


def test_the_nights_next_date_in_a_sentence_does_not_move_the_agenda() -> None:
    page = "# Hacknight\n\n**Thursday, March 5, 2026 · 5:30 PM to Friday, March 6, 2026 · 7:00 AM GMT+6**\n\n"
    page += "Dhaka.\n\nYes, the night crosses midnight — after 12 AM everything is **Friday, 6 March**\n"
    page += "(weekend, so no office tomorrow).\n\n"
    page += "### ⏰ 5:30 PM — Check-in\n\n### 🍛 3:45 AM — Sehri\n\n### 🎉 6:30 AM — Results\n"
    assert timeline(read_text(page).schedules[0]) == [
        ("Check-in", "2026-03-05T11:30Z", "2026-03-05T21:45Z"),
        ("Sehri", "2026-03-05T21:45Z", "2026-03-06T00:30Z"),
        ("Results", "2026-03-06T00:30Z", "2026-03-06T01:00Z"),
    ]


def test_a_heading_said_in_two_languages_names_the_day_of_the_event() -> None:
    page = "# DataFest Almaty\n\nАлматы (UTC+5).\n\n- 📅 **22–23 мамыр 2026**\n\n"
    page += "## 1-күн / День 1 — жұма, 22 мамыр\n\n- 10:00–11:00 Keynote\n\n"
    page += "## 2-күн / День 2 — сенбі, 23 мамыр\n\n- 10:00–11:00 Workshop\n"
    result = read_text(page)
    assert [timeline(s) for s in result.schedules] == [
        [
            ("Keynote", "2026-05-22T05:00Z", "2026-05-22T06:00Z"),
            ("Workshop", "2026-05-23T05:00Z", "2026-05-23T06:00Z"),
        ]
    ]


def test_a_last_edited_label_dates_no_event() -> None:
    page = "# DataFest\n\nLast edited: 14 April 2026\n\n**Date:** 22 May 2026, Almaty\n\n"
    page += "- 10:00–11:00 Keynote\n"
    result = read_text(page)
    assert [timeline(s) for s in result.schedules] == [
        [("Keynote", "2026-05-22T05:00Z", "2026-05-22T06:00Z")]
    ]


def test_a_slot_labelled_with_a_colon_announces_the_rooms_below_it() -> None:
    page = "# Code Camp\n\n**Saturday, November 1, 2025**, Anchorage\n\n"
    page += "- **12:30 to 2:00 p.m.**, workshops:\n  - Room 107: Rust on a Raspberry Pi\n"
    page += "  - Room 109: Intro to GIS\n- **2:15 to 3:00 p.m.** Lightning talks\n"
    rows = [(s.title, s.location) for s in read_text(page).schedules[0].sessions]
    assert rows == [
        ("Rust on a Raspberry Pi", "Room 107"),
        ("Intro to GIS", "Room 109"),
        ("Lightning talks", None),
    ]


def test_an_evening_until_about_its_end_ends_the_last_item() -> None:
    page = (
        "# Release party\n\n- **When:** Thursday, November 6, 2025, 6:00 pm until about 9:30 pm\n"
    )
    page += "- **Where:** Portland, OR\n\n**6:00 pm** — Doors open\n\n**8:15 pm** — Hang out\n"
    assert timeline(read_text(page).schedules[0])[-1] == (
        "Hang out",
        "2025-11-07T04:15Z",
        "2025-11-07T05:30Z",
    )


def test_a_talks_summary_nested_under_it_names_no_speakers() -> None:
    page = "# Chennaipy\n\n**Date:** 9 August 2025, Chennai (IST)\n\n"
    page += "- **1015 – 1100 hrs** — **Async Python without tears** — *Karthik Subramanian*\n"
    page += "  - `asyncio`, `TaskGroup`, and why your FastAPI app is secretly blocking\n"
    page += "- **1100 – 1130 hrs** — Break\n"
    session = read_text(page).schedules[0].sessions[0]
    assert [s.name for s in session.speakers] == ["Karthik Subramanian"]
    assert (session.start.hour, session.start.minute) == (10, 15)


def test_a_rough_time_in_brackets_closing_a_title_ends_that_item() -> None:
    page = "# Wieczór społeczności — Kraków\n\n**Czwartek, 23 kwietnia 2026**\n\n"
    page += "- **godz. 18:00** – otwarcie drzwi\n"
    page += "- **godz. 20:00** – pizza i rozmowy do zamknięcia (ok. 22:00)\n"
    assert timeline(read_text(page).schedules[0])[-1] == (
        "pizza i rozmowy do zamknięcia",
        "2026-04-23T18:00Z",
        "2026-04-23T20:00Z",
    )


def test_a_line_of_one_time_for_several_cities_is_a_conversion_even_before_any_time() -> None:
    page = "# Community Day — Online\n\n- 📅 **Thursday, 15 October 2026**\n\n## Agenda\n\n"
    page += "All times are in **UTC**.\n"
    page += "14:00 UTC = 07:00 San Francisco · 10:00 New York · 16:00 Berlin · 23:00 Tokyo\n\n"
    page += "| Time (UTC) | Session |\n|---|---|\n| 14:00 – 14:10 | Welcome |\n| 17:00 | Raffle |\n"
    assert timeline(read_text(page).schedules[0]) == [
        ("Welcome", "2026-10-15T14:00Z", "2026-10-15T14:10Z"),
        ("Raffle", "2026-10-15T17:00Z", None),
    ]
