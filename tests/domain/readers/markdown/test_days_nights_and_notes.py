"""Events of several days and pages pasted from other tools: a bold weekday over each day's list,
a year said as "'25", an evening item that runs into the night's next one, "– late", a quoted
mail's attribution line, Obsidian's wiki links, and rooms in brackets after a speaker."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.helpers import read_text, timeline


def _sessions(text: str) -> list[tuple[str, str | None, str | None]]:
    (schedule,) = read_text(text).schedules
    return timeline(schedule)


def test_a_bold_weekday_over_a_days_list_is_that_day_of_the_event() -> None:
    page = """# Game Jam

**Fri Mar 7, 2025, 5:30 PM → Sun Mar 9, 5:00 PM (Central Time)**

**FRIDAY 3/7**
- 5:30 PM — Doors open

**SUNDAY 3/9**
- 10:00 AM — Brunch
"""
    assert [start for _, start, _ in _sessions(page)] == ["2025-03-07T23:30Z", "2025-03-09T15:00Z"]


def test_a_year_said_with_an_apostrophe_dates_a_day_without_one() -> None:
    page = """# 🎮 Hill Country Game Jam — Spring '25

**Fri Mar 7, 5:30 PM (Central Time)**, Austin

- 5:30 PM — Doors open
"""
    assert _sessions(page) == [("Doors open", "2025-03-07T23:30Z", None)]


def test_an_evening_item_ends_when_the_nights_next_item_starts() -> None:
    page = """# HackBLR 48

**Friday 14 March 2025**, Bengaluru

- **7:00 PM** Hacking begins
- **8:30 PM** Dinner
- **12:00 AM** Midnight Maggi
- **2:30 AM – 3:30 AM** Mystery activity
"""
    assert _sessions(page)[1] == ("Dinner", "2025-03-14T15:00Z", "2025-03-14T18:30Z")


def test_until_late_is_no_part_of_the_title() -> None:
    page = """# Offsite

**Saturday 5 April 2025**, Sydney

- 1:30 – 5:00 pm · Free afternoon
- 6:30 pm – late · BBQ on the terrace
"""
    assert _sessions(page)[-1] == ("BBQ on the terrace", "2025-04-05T07:30Z", None)


def test_a_quoted_mails_attribution_line_is_no_event() -> None:
    page = """Hi all,

  Thursday, 13 November 2025, 5:30 PM - 8:30 PM (EAT), Nairobi

  5:30 PM  Arrival & networking
  6:00 PM  Welcome

> On Mon, 10 Nov 2025 at 09:12, Achieng Odhiambo <achieng.o@gmail.com> wrote:
>
> Hi Brian, is the meetup still happening this Thursday?
"""
    assert len(read_text(page).schedules) == 1


def test_obsidian_wiki_links_read_as_their_text() -> None:
    page = """# Bengaluru FOSS meetup

**23 August 2025**, [[venues/Cubbon Park|Cubbon Park]], Bengaluru (IST)

- 10:30 — Welcome & community updates — [[Kavya Iyer]]
"""
    (session,) = read_text(page).schedules[0].sessions
    assert (session.title, [s.name for s in session.speakers]) == (
        "Welcome & community updates",
        ["Kavya Iyer"],
    )


def test_a_room_in_brackets_after_a_speaker_and_rooms_of_a_venue() -> None:
    page = """# Offsite

**Friday 4 April 2025**, Katoomba

- 10:30 – 11:30 am · Welcome — Hannah Whitlock, CTO (Library Room)
- 11:30 am – 12:30 pm · Team retros (breakout rooms)
- 12:30 – 1:30 pm · Lunch (Darleys Restaurant)
- 1:30 – 4:30 pm · Fanzine market (Patio)
"""
    sessions = read_text(page).schedules[0].sessions
    assert [(s.title, s.location) for s in sessions] == [
        ("Welcome", "Library Room"),
        ("Team retros", "breakout rooms"),
        ("Lunch", "Darleys Restaurant"),
        ("Fanzine market", "Patio"),
    ]
    assert [s.name for s in sessions[0].speakers] == ["Hannah Whitlock"]


def test_a_day_followed_by_a_time_is_not_read_as_month_then_day() -> None:
    page = """# Lyrebird 3.0 launch livestream

**When:** Tuesday 14 October 2025, 10:00–11:30 AEDT (Sydney)
That's Monday 13 Oct 23:00 UTC · Mon 16:00 PDT · Tue 01:00 CEST — grab a coffee.

| AEDT | What |
|---|---|
| 10:00 | Pre-show |
| 11:20 | Q&A from chat |
"""
    assert _sessions(page) == [
        ("Pre-show", "2025-10-13T23:00Z", "2025-10-14T00:20Z"),
        ("Q&A from chat", "2025-10-14T00:20Z", "2025-10-14T00:30Z"),
    ]


def test_notes_of_a_past_meeting_and_an_agenda_of_timeboxes() -> None:
    page = """# Semantic Conventions WG

## Next meeting: Thursday, March 13, 2025

**Time:** 9:00 – 10:00 PT (16:00 – 17:00 UTC)

### Agenda

1. (5 min) Welcome, new attendees (@mkessler)
2. (15 min) `http.route` stability — #1482 (@dbanerjee)

### Open action items from Feb 27

- [ ] @dbanerjee: write up the migration guide
"""
    (schedule,) = read_text(page).schedules
    sessions = schedule.sessions
    assert [(s.title, [p.name for p in s.speakers]) for s in sessions] == [
        ("Welcome, new attendees", ["mkessler"]),
        ("http.route stability — #1482", ["dbanerjee"]),
    ]


def test_a_rooms_cell_gives_its_own_hours_after_a_comma_and_keeps_them() -> None:
    page = """# Canal Conf

**Thursday 12 June 2025**, Amsterdam

| Time | Main Stage | Room IJ | Workshop Lab |
|------|------------|---------|--------------|
| 08:30–09:30 | Registration & coffee ☕ | | |
| 09:30–10:15 | Keynote: Shipping software the Dutch way — Femke de Vries (Booking.com) | | |
| 10:30–11:15 | Event sourcing in practice — Joost Bakker (Adyen) | Modern CSS layout — Lotte Jansen (Picnic) | Workshop: Terraform from scratch — Sanne Visser (Mollie), 10:30–12:15 |
| 11:30–12:15 | Why we left microservices — Willem Kok (Coolblue) | The state of WebAssembly — Anouk Meijer (Fastly) | ↳ *workshop continues* |
| 12:15–13:30 | Lunch in the Foodhall 🥗 | | |
| 13:30–14:15 | Kafka without Kafka — Pieter Smit (ING) | Design systems at bol. — Noor El Amrani (bol.) | Workshop: Accessibility testing with axe — Daan Mulder (Deque), 13:30–15:00 |
| 14:30–15:15 | Lightning talks ⚡ | Data contracts in the wild — Emma de Boer (Elastic) | ↳ *workshop continues* |
| 15:15–15:45 | Coffee & stroopwafels | | |
| 15:45–16:30 | Keynote: Open source sustainability — Bas Hendriks (Mendix) | | |
"""
    sessions = read_text(page).schedules[0].sessions
    workshop = next(s for s in sessions if s.title.startswith("Workshop: Acc"))
    assert (workshop.title, [p.name for p in workshop.speakers]) == (
        "Workshop: Accessibility testing with axe",
        ["Daan Mulder"],
    )
    assert (workshop.start, workshop.end) == (
        datetime(2025, 6, 12, 11, 30, tzinfo=UTC),
        datetime(2025, 6, 12, 13, 0, tzinfo=UTC),
    )  # (its own 15:00, not the 15:15 of the row where it "continues")
