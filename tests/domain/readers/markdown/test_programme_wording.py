"""Words of programmes in several languages: Czech "až" between two times, Colombian "12:00 m."
for noon, "horas de Lisboa", hours as the clause that ends a line, "out the door by", rooms
named in Portuguese, honorifics, session chairs, and rooms in a table's headers."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from tests.helpers import read_text, timeline


def _sessions(text: str) -> list[tuple[str, str | None, str | None]]:
    (schedule,) = read_text(text).schedules
    return timeline(schedule)


def test_czech_az_joins_a_range() -> None:
    page = """# DevOps Brno #42

Úterý 8. dubna 2025, Brno

- 18:00 Pivo a pizza
- 20:20 až 21:30 – Otevřená diskuze
"""
    assert _sessions(page)[-1] == ("Otevřená diskuze", "2025-04-08T18:20Z", "2025-04-08T19:30Z")


def test_twelve_m_is_noon() -> None:
    page = """# Taller PyLadies Medellín

**Sábado 14 de junio de 2025**, Medellín

1. **10:15 a. m. – 12:00 m.** · Taller práctico
2. **12:00 m. – 1:00 p. m.** · Almuerzo
"""
    assert _sessions(page) == [
        ("Taller práctico", "2025-06-14T15:15Z", "2025-06-14T17:00Z"),
        ("Almuerzo", "2025-06-14T17:00Z", "2025-06-14T18:00Z"),
    ]


def test_horas_de_lisboa_says_the_zone_over_an_affiliation_in_brackets() -> None:
    page = """# Escola de Verão 2025

**7 de julho de 2025**

> Todas as horas indicadas são horas de Lisboa.

- **9h45–11h15** · Curso 3: Séries temporais — Prof. Tiago Almeida (IST) · Anfiteatro 6.2.56
"""
    (schedule,) = read_text(page).schedules
    assert schedule.timezone == ZoneInfo("Europe/Lisbon")
    (session,) = schedule.sessions
    assert (session.title, session.location) == ("Curso 3: Séries temporais", "Anfiteatro 6.2.56")
    assert [s.name for s in session.speakers] == ["Tiago Almeida"]


def test_a_portuguese_honorific_and_a_room_in_brackets() -> None:
    page = """# Escola de Verão

**7 de julho de 2025**, Lisboa

- **8h30–9h15** · Receção e registo (átrio do C6)
- **9h45–11h15** · Curso 1 — Prof.ª Marta Figueiredo (Universidade do Porto) · Anfiteatro 2
"""
    first, second = read_text(page).schedules[0].sessions
    assert (first.title, first.location) == ("Receção e registo", "átrio do C6")
    assert [s.name for s in second.speakers] == ["Marta Figueiredo"]


def test_hours_as_the_clause_that_ends_a_line_end_the_last_item() -> None:
    page = """# II Jornada de Doctorandos

La Jornada se hace el **jueves 3 de octubre de 2024** en el
Pabellón 1 de Ciudad Universitaria (Intendente Güiraldes 2160, CABA), de 9 a 18 hs.

- **9:00 hs** — Acreditación
- **17:30 hs** — Premiación
"""
    assert _sessions(page)[-1] == ("Premiación", "2024-10-03T20:30Z", "2024-10-03T21:00Z")


def test_out_the_door_by_ends_the_evening_and_keeps_the_wrap_up() -> None:
    page = """# Christchurch Python — April

Our April meetup is on **Thursday 3 April 2025** in Christchurch.

### 7:00pm · Lightning talks

### 7:20pm · Wrap-up

Announcements. We'll be out the door by 7:30pm.
"""
    assert _sessions(page) == [
        ("Lightning talks", "2025-04-03T06:00Z", "2025-04-03T06:20Z"),
        ("Wrap-up", "2025-04-03T06:20Z", "2025-04-03T06:30Z"),
    ]


def test_a_session_chair_in_brackets_is_no_part_of_the_title() -> None:
    page = """# Symposium

**13 February 2025**, Auckland

| NZDT | Session |
|---|---|
| 11:00 | **Session 1: ML for health** (chair: Dr Hemi Walker) |
| 12:30 | Lunch |
"""
    first, _ = read_text(page).schedules[0].sessions
    assert (first.title, first.speakers) == ("Session 1: ML for health", ())


def test_rooms_in_a_tables_headers_even_when_one_is_no_room_word() -> None:
    rows = "| 9:00 | Talk one — Ann Lee | Talk two — Bob Ray |\n| 9:30 | Lunch (Level 1 foyer) | |"
    for header, rooms in (
        ("The Hive | Seminar Room 2", ("The Hive", "Seminar Room 2")),
        ("Track A · The Hive | Track B · Seminar Room 2", ("The Hive", "Seminar Room 2")),
    ):
        page = f"# Conf\n\n**21 November 2024**, Melbourne\n\n| Time | {header} |\n|--|--|--|\n{rows}\n"
        sessions = read_text(page).schedules[0].sessions
        assert [(s.title, s.location) for s in sessions] == [
            ("Talk one", rooms[0]),
            ("Talk two", rooms[1]),
            ("Lunch", "Level 1 foyer"),
        ], header
