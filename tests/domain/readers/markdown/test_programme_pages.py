"""Conference and devroom programmes, and a forwarded invitation: the year in the page's
addresses, parallel workshops announced with "pick one", the day's end said in words, and the
mail header that is not the event."""

from __future__ import annotations

from tests.helpers import read_text, timeline


def test_a_year_only_in_the_pages_addresses_dates_a_weekday_date() -> None:
    page = "# MCU devroom @ FOSDEM, Brussels\n\nSchedule: https://fosdem.org/2026/schedule/\n\n"
    page += "## Sunday 1 February — room K.4.201\n\n- 09:00 Welcome\n- 09:05 Zephyr 4.x — Benjamin Lefèvre\n"
    page += "- 09:30 we hand the room over to the next devroom, the day is done 👋\n"
    assert timeline(read_text(page).schedules[0]) == [
        ("Welcome", "2026-02-01T08:00Z", "2026-02-01T08:05Z"),
        ("Zephyr 4.x", "2026-02-01T08:05Z", "2026-02-01T08:30Z"),
    ]


def test_a_long_slot_announcing_workshops_to_pick_from() -> None:
    page = "# Cape Cloud Summit 2025, Cape Town\n\n## Tuesday 14 October\n\n"
    page += "- **13:30 – 17:00** Workshops, afternoon (pick one):\n"
    page += "  - *Observability with OpenTelemetry* with Pieter van der Merwe · Room 1.41\n"
    page += "  - *GitOps with Argo CD* with Naledi Dlamini · Room 1.42\n"
    page += "- **17:00** End of conference, safe travels!\n"
    sessions = read_text(page).schedules[0].sessions
    assert [(s.location, s.start.hour, s.end.hour if s.end else None) for s in sessions] == [
        ("Room 1.41", 13, 17),
        ("Room 1.42", 13, 17),
    ]


def test_a_forwarded_mails_date_is_not_the_event() -> None:
    page = "**Subject:** Fwd: Founders' Breakfast\n\n---------- Forwarded message ---------\n"
    page += "From: **Dogpatch Labs Events** <events@example.com>\n"
    page += "Date: Tue, 18 Feb 2025 at 16:02\nSubject: Founders' Breakfast\n\n"
    page += "**Thursday 13th March**\n**8.00am – 10.30am**\nDogpatch Labs, Custom House Quay, Dublin 1\n\n"
    page += "8.00 Registration\n10.00 Networking\n10.30 Close\n"
    assert timeline(read_text(page).schedules[0]) == [
        ("Registration", "2025-03-13T08:00Z", "2025-03-13T10:00Z"),
        ("Networking", "2025-03-13T10:00Z", "2025-03-13T10:30Z"),
    ]


def test_a_city_named_like_a_bigger_one_abroad_is_the_one_in_the_pages_country() -> None:
    page = "# Gira OSM 2027\n\n## Valencia — martes 26 de octubre\n\n- 19:00 Bienvenida\n\n"
    page += "## Madrid — jueves 28 de octubre\n\n- 19:00 Bienvenida\n\n"
    page += "## Sevilla — viernes 5 de noviembre\n\n- 19:00 Bienvenida\n"
    result = read_text(page)
    assert [s.timezone_name for s in result.schedules] == ["Europe/Madrid"] * 3


def test_a_big_city_keeps_its_country_among_places_elsewhere() -> None:
    page = "# Meetups this week\n\n## Berlin — Tuesday 28 October 2025\n\n- 19:00 Talks\n\n"
    page += "## Seattle — Thursday 30 October 2025\n\n- 18:00 Talks\n\n"
    page += "## Boston — Friday 31 October 2025\n\n- 18:00 Talks\n"
    result = read_text(page)
    assert [s.timezone_name for s in result.schedules] == [
        "Europe/Berlin",
        "America/Los_Angeles",
        "America/New_York",
    ]
