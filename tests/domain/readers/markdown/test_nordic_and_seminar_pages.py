"""Pages from Iceland, Sweden and the Netherlands, and a seminar series with one talk per
dated heading: their dates, times, ends and rooms."""

from __future__ import annotations

from tests.helpers import read_text, timeline


def test_an_icelandic_date_and_its_end() -> None:
    page = "# Python Ísland 2025\n\nHittingur **fimmtudaginn 12. júní** í Grósku, Reykjavík.\n\n"
    page += "**17:00** · Húsið opnar\n\n**18:40** · Leiftur-erindi\n\n"
    page += "Viðburðinum lýkur kl. 19:30.\n"
    assert timeline(read_text(page).schedules[0]) == [
        ("Húsið opnar", "2025-06-12T17:00Z", "2025-06-12T18:40Z"),
        ("Leiftur-erindi", "2025-06-12T18:40Z", "2025-06-12T19:30Z"),
    ]


def test_a_swedish_night_read_with_its_time_words_and_its_end() -> None:
    page = "# Natthack Göteborg\n\n**Fredag 7 november 2025**\n\n"
    page += "kl. 22.30 Hacka vidare\nkl. 01.15 Demos — max 3 min per lag\n"
    page += "kl. 02.00 Slut — tack för i natt! 🌙\n"
    assert timeline(read_text(page).schedules[0]) == [
        ("Hacka vidare", "2025-11-07T21:30Z", "2025-11-08T00:15Z"),
        ("Demos — max 3 min per lag", "2025-11-08T00:15Z", "2025-11-08T01:00Z"),
    ]


def test_a_where_column_beside_a_column_of_what_gives_the_rooms() -> None:
    page = "# Promotie, Utrecht\n\nOp **vrijdag 14 november 2025**.\n\n"
    page += "| Tijd | Onderdeel | Waar |\n|---|---|---|\n"
    page += "| 12.15 – 13.00 uur | Openbare verdediging | Aula |\n"
    page += "| 13.00 – 13.20 uur | Beraadslaging | Senaatszaal |\n"
    sessions = read_text(page).schedules[0].sessions
    assert [(s.title, s.location) for s in sessions] == [
        ("Openbare verdediging", "Aula"),
        ("Beraadslaging", "Senaatszaal"),
    ]


def test_a_seminar_series_with_one_talk_per_dated_heading() -> None:
    page = "---\ntitle: Seminar\ndate: 2026-01-19T10:00:00+01:00\n---\n\n"
    page += "Talks in Copenhagen.\n\n## Upcoming talks\n\n"
    page += "### Thursday 12 March — Dynamic matching\n**Speaker:** Jonas Nielsen\n"
    page += "**Room:** Lille UP1\n**Time:** 14:15–15:15\n\n"
    page += "### Thursday 26 March — Succinct rank/select\n**Speaker:** Anna Lindqvist\n"
    page += "**Room:** 1-0-37\n**Time:** 14:15–15:15\n"
    result = read_text(page)
    rows = [
        (s.title, s.location, s.start.isoformat()) for sc in result.schedules for s in sc.sessions
    ]
    assert rows == [
        ("Dynamic matching", "Lille UP1", "2026-03-12T14:15:00+01:00"),
        ("Succinct rank/select", "1-0-37", "2026-03-26T14:15:00+01:00"),
    ]


def test_a_details_table_with_bold_labels_gives_the_place() -> None:
    page = "# ZSS 2025 – Programme\n\n| **Status** | FINAL |\n|---|---|\n| **Owner** | @Nadine |\n"
    page += "| **Where** | ETH Zürich, Rämistrasse 101 |\n\n## Montag, 25. August 2025\n\n"
    page += "| Zeit | Was |\n|---|---|\n| 08:30 – 09:15 | Registration |\n"
    schedule = read_text(page).schedules[0]
    assert schedule.timezone_name == "Europe/Zurich"
    assert timeline(schedule) == [("Registration", "2025-08-25T06:30Z", "2025-08-25T07:15Z")]


def test_a_nordic_tour_of_meetups() -> None:
    page = "# localfirst.nord 2025\n\n**Past:** København, 13 March 2025 @ Netcompany\n\n"
    page += "## 🇫🇮 Helsinki — tiistaina 20.5.\n\n📍 Maria 01, Helsinki\n\n"
    page += "- klo 18 Ovet auki\n- klo 18.30 Puhe — Aino Virtanen\n\n"
    page += "Puheet striimataan YouTubeen: klo 18.30 Suomen aikaa = 17.30 Oslossa.\n\n"
    page += "## 🇩🇪 Berlin — Mittwoch, 28. Mai\n\n📍 Oranienstraße 185, Berlin\n🕡 ab 18.30 Uhr\n"
    page += "👉 Anmeldung: <https://example.com/events/1>\n\n**Ablauf**\n\n"
    page += (
        "| Uhrzeit | Programmpunkt |\n|---|---|\n| 18.30 Uhr | Einlass |\n| 19.00 Uhr | Talk |\n"
    )
    result = read_text(page)
    assert [timeline(s) for s in result.schedules] == [
        [
            ("Ovet auki", "2025-05-20T15:00Z", "2025-05-20T15:30Z"),
            ("Puhe", "2025-05-20T15:30Z", None),
        ],
        [
            ("Einlass", "2025-05-28T16:30Z", "2025-05-28T17:00Z"),
            ("Talk", "2025-05-28T17:00Z", None),
        ],
    ]


def test_a_forum_posts_byline_is_not_the_meetups_date() -> None:
    page = "# Meetup #14 — dbt en DuckDB in Gent\n\n**pieterclaes** Pieter Claes · Sep 12, 2025\n\n"
    page += "Onze volgende meetup gaat door op **donderdag 2 oktober** bij Datalumen, "
    page += "Kortrijksesteenweg 1088, Gent. Parking is er genoeg, fietsenstalling ook.\n\n"
    page += "- 18u30: deuren open\n- 19u: *Van spreadsheet naar dbt* – Lotte Vermeulen\n"
    page += "- 20u45: netwerkdrink 🍻 tot ± 22u\n"
    assert timeline(read_text(page).schedules[0]) == [
        ("deuren open", "2025-10-02T16:30Z", "2025-10-02T17:00Z"),
        ("Van spreadsheet naar dbt", "2025-10-02T17:00Z", "2025-10-02T18:45Z"),
        ("netwerkdrink 🍻", "2025-10-02T18:45Z", "2025-10-02T20:00Z"),
    ]
