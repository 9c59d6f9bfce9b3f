"""A table of dates with the hours stated once: each row a meeting at those hours."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.domain.diagnostics import Diagnostics
from bot.domain.readers.context import ReadOptions
from bot.domain.readers.markdown import read_markdown
from tests.helpers import read_text, timeline, utc

CALENDAR = """# Lyon Rust meetups

Every meetup runs **19:00 – 21:30**, at the Tuba, 6 place Charles Hernu, Lyon.

| Date | Topic | Speaker |
|---|---|---|
| Thu 12 Mar 2026 | Embassy on a Pico | Léa Martin |
| Thu 9 Apr 2026 | Summer social — terrace of the Tuba, from 18:00 | — |
| Thu 14 May 2026 | *no meetup: bank holiday week* | |
| Thu 11 Jun 2026 | Async traits, finally | Hugo Bernard |
"""

EPISODES = """# The Merge Conflict — recordings

| Date | Guest | Topic |
|---|---|---|
| Tue, Mar 3, 2026 | Dana Whitfield | Monorepos |
| Tue, Mar 17, 2026 | Kenji Sato | Merge queues |

All recordings: 9:00–10:30 a.m. PT. The live stream link goes out on Discord.
"""

PARIS = ZoneInfo("Europe/Paris")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")


def _read(text: str) -> list:
    return read_markdown(text, Diagnostics("p.md"), ReadOptions(), "p")


def test_each_dated_row_is_a_meeting_at_the_hours_stated_once() -> None:
    schedules = _read(CALENDAR)
    rows = [(s.sessions[0].title, s.sessions[0].start, s.sessions[0].end) for s in schedules]
    assert rows == [
        (
            "Embassy on a Pico",
            datetime(2026, 3, 12, 19, 0, tzinfo=PARIS),
            datetime(2026, 3, 12, 21, 30, tzinfo=PARIS),
        ),
        ("Summer social", datetime(2026, 4, 9, 18, 0, tzinfo=PARIS), None),  # its own time
        (
            "Async traits, finally",
            datetime(2026, 6, 11, 19, 0, tzinfo=PARIS),
            datetime(2026, 6, 11, 21, 30, tzinfo=PARIS),
        ),
    ]  # the May row says there is no meetup
    assert [s.sessions[0].speakers[0].name for s in (schedules[0], schedules[2])] == [
        "Léa Martin",
        "Hugo Bernard",
    ]


def test_a_shows_episodes_are_one_schedule_and_the_hours_below_the_table_count() -> None:
    [schedule] = _read(EPISODES)
    assert [(s.title, s.start, s.end) for s in schedule.sessions] == [
        (
            "Monorepos",
            datetime(2026, 3, 3, 9, 0, tzinfo=LOS_ANGELES),
            datetime(2026, 3, 3, 10, 30, tzinfo=LOS_ANGELES),
        ),
        (
            "Merge queues",
            datetime(2026, 3, 17, 9, 0, tzinfo=LOS_ANGELES),  # after the US clock change
            datetime(2026, 3, 17, 10, 30, tzinfo=LOS_ANGELES),
        ),
    ]
    assert [s.speakers[0].name for s in schedule.sessions] == ["Dana Whitfield", "Kenji Sato"]


def test_dates_without_hours_stated_anywhere_make_no_meetings() -> None:
    page = CALENDAR.replace("Every meetup runs **19:00 – 21:30**, at", "We meet at")
    assert all(not s.sessions or s.sessions[0].all_day for s in _read(page))


YEAR_PLAN = """# Java User Group Karlsruhe – Jahresplanung 2025

Wir treffen uns am letzten Dienstag im Monat im CyberForum, 76131 Karlsruhe.
Beginn jeweils **18:30 Uhr**, Ende gegen **21:00 Uhr**.

* **28.01.2025** – *Spring Boot 3.4: Was ist neu?* – Stefan Brenner
* **25.02.2025** – *Testcontainers jenseits von Datenbanken* – Julia Hartmann
* Juli / August: Sommerpause
* **30.09.2025** – *Observability mit OpenTelemetry*
"""

BERLIN = ZoneInfo("Europe/Berlin")


def test_list_items_that_open_with_a_date_are_meetings_at_the_hours_said_once() -> None:
    schedules = _read(YEAR_PLAN)
    assert [(s.sessions[0].title, s.sessions[0].start, s.sessions[0].end) for s in schedules] == [
        (
            "Spring Boot 3.4: Was ist neu?",
            datetime(2025, 1, 28, 18, 30, tzinfo=BERLIN),
            datetime(2025, 1, 28, 21, 0, tzinfo=BERLIN),
        ),
        (
            "Testcontainers jenseits von Datenbanken",
            datetime(2025, 2, 25, 18, 30, tzinfo=BERLIN),
            datetime(2025, 2, 25, 21, 0, tzinfo=BERLIN),
        ),
        (
            "Observability mit OpenTelemetry",
            datetime(2025, 9, 30, 18, 30, tzinfo=BERLIN),  # summer time
            datetime(2025, 9, 30, 21, 0, tzinfo=BERLIN),
        ),
    ]
    assert [sp.name for sp in schedules[0].sessions[0].speakers] == ["Stefan Brenner"]


def test_list_items_with_dates_under_no_stated_hours_stay_dates() -> None:
    page = YEAR_PLAN.replace("Beginn jeweils **18:30 Uhr**, Ende gegen **21:00 Uhr**.", "")
    assert all(session.all_day for s in _read(page) for session in s.sessions)


def test_a_recurrence_with_a_length_gives_a_date_tables_hours() -> None:
    page = """# Accessibility Working Group

We meet **every other Wednesday at 9am Pacific (5pm UK)** for 60 minutes on Zoom.

| Date | Main topic |
|------|-----------|
| Wed Oct 29, 2025 | Color tokens |
| Wed Nov 12, 2025 | Keyboard shortcuts registry |
"""
    assert [(s.sessions[0].start, s.sessions[0].end) for s in _read(page)] == [
        (
            datetime(2025, 10, 29, 9, 0, tzinfo=LOS_ANGELES),
            datetime(2025, 10, 29, 10, 0, tzinfo=LOS_ANGELES),
        ),
        (
            datetime(2025, 11, 12, 9, 0, tzinfo=LOS_ANGELES),
            datetime(2025, 11, 12, 10, 0, tzinfo=LOS_ANGELES),
        ),
    ]


def test_the_date_of_the_meetup_before_is_not_this_ones() -> None:
    [schedule] = read_text(
        "# Stockholm Python\n\nTack till alla som kom på förra träffen den 30 januari 2025!\n\n"
        "Nästa träff blir **torsdag 13 mars 2025** hos Fjällkod AB, Stockholm.\n\n"
        "- **17.30** Dörrarna öppnar\n- **18.15** Typad Python\n"
    ).schedules
    assert timeline(schedule)[0][1] == "2025-03-13T16:30Z"


def test_a_newsletters_dateline_is_the_day_it_was_sent() -> None:
    result = read_text(
        "# DataDK Nyhedsbrev #14\n\n*København, 12. februar 2025*\n\n"
        "## Uge 9: Data Talks\n\n**Hvornår:** Tirsdag d. 25. februar kl. 17.00–19.30\n"
    )
    assert [[s[1:] for s in timeline(schedule)] for schedule in result.schedules] == [
        [("2025-02-25T16:00Z", "2025-02-25T18:30Z")]
    ]


def test_a_labelled_revision_stamp_and_a_cfp_closing_date_are_no_events() -> None:
    result = read_text(
        "# Casablanca.js\n\n### Meetup #28 — Casablanca\n\n**Saturday, 30 November 2024, "
        "5:30–8:30 PM**\n\nAgenda: **TBA** — our CFP is open until 10 November!\n\n"
        "*Dernière mise à jour : 28 janvier 2026.*\n"
    )
    assert [[s[1] for s in timeline(schedule)] for schedule in result.schedules] == [
        ["2024-11-30T16:30Z"]
    ]


def test_a_dated_line_weeks_after_the_event_starts_the_next_event() -> None:
    result = read_text(
        "# Cairo Pythonistas\n\n### Meetup #27\n\n**Saturday, 26 October 2024** · Cairo\n\n"
        "| Time | What |\n|---|---|\n| 6:00 PM | Doors |\n| 6:30 PM | Talk |\n\n"
        "### Online: Packaging Clinic\n\n"
        "**Thursday, 14 November 2024, 8:00–9:30 PM Cairo time** (18:00–19:30 UTC) on Zoom.\n"
    )
    assert [(s.timezone_name, timeline(s)[-1][1:]) for s in result.schedules] == [
        ("Africa/Cairo", ("2024-10-26T15:30Z", None)),
        ("Africa/Cairo", ("2024-11-14T18:00Z", "2024-11-14T19:30Z")),
    ]


def test_a_table_of_dates_under_a_monthly_rule_with_a_notes_column() -> None:
    result = read_text(
        "# Rust Stammtisch Wien\n\n**Wann:** jeden ersten Donnerstag im Monat, jeweils **ab 18:30 "
        "Uhr**, Ende offen\n\n| Datum | Ort | Anmerkung |\n|---|---|---|\n"
        "| Do, 2. Oktober 2025 | Stockwerk | Hacktoberfest-Edition |\n"
        "| Do, 6. November 2025 | Stockwerk | |\n"
        "| Mi, 3. Dezember 2025 | Spittelberg | ausnahmsweise Mittwoch, **ab 19 Uhr** |\n"
    )
    assert [timeline(s) for s in result.schedules] == [
        [("Rust Stammtisch Wien", "2025-10-02T16:30Z", None)],
        [("Rust Stammtisch Wien", "2025-11-06T17:30Z", None)],
        [("Rust Stammtisch Wien", "2025-12-03T18:00Z", None)],
    ]


def test_sign_up_periods_bylines_and_closing_dates_date_no_event() -> None:
    pages = [
        "# PyData Bogotá\n\n**Publicado por** Laura Camacho · 20 de febrero de 2025\n\n"
        "📅 **jueves, 6 de marzo de 2025**, 6:30 p. m. a 9:00 p. m., Bogotá\n",
        "# TS 勉強会 福岡\n\n**募集期間**\n2025/05/28(水) 12:00 〜 2025/06/05(木) 18:00\n\n"
        "**開催日時** 2025/06/06(金) 19:00〜21:30 天神, 福岡\n",
        "# Almaty Go Meetup\n\n**Когда:** Чт, 14.11.2024, 18:30–22:00, Алматы\n"
        "**Регистрация:** https://almatygo.kz/12 — закрывается **12 ноября в 23:59**\n",
    ]
    days = [[s[1][:10] for s in timeline(read_text(page).schedules[0])] for page in pages]
    assert days == [["2025-03-06"], ["2025-06-06"], ["2024-11-14"]]


def test_dated_items_under_a_when_line_giving_the_hours_of_each_night() -> None:
    page = "# Rust from Zero — a workshop series\n\n"
    page += "**Where:** Thoughtworks, 303 Collins Street, Melbourne\n"
    page += "**When:** four Thursday evenings in October 2025, **6:00pm – 8:00pm** each night "
    page += "(doors 5:45pm)\n\n## Sessions\n\n"
    page += "- **Thu 2 Oct 2025** — Ownership and borrowing (Hannah Whitfield)\n"
    page += "- **Thu 9 Oct 2025** — Structs and enums (Dev Chatterjee)\n"
    schedules = _read(page)
    assert [(utc(s.sessions[0].start), utc(s.sessions[0].end)) for s in schedules] == [
        ("2025-10-02T08:00Z", "2025-10-02T10:00Z"),  # before summer time begins on the 5th
        ("2025-10-09T07:00Z", "2025-10-09T09:00Z"),
    ]
