"""A monthly series' table of meetings, hours in a front matter field, and local words: Dutch
table headers, rooms that close ("We sluiten de zaal om 21u15"), ends told in a title ("— Ende
ca. 22.00 Uhr", ", wraps at 8:30 PM"), "verso le ore", Newfoundland's "NT", an Italian page, and
a list of converted times that goes on over two lines."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from bot.domain.readers.markdown.recurring import meets_on
from tests.helpers import read_text, timeline


def _timelines(text: str) -> list[list[tuple[str, str | None, str | None]]]:
    return [timeline(s) for s in read_text(text).schedules]


def _sessions(text: str) -> list[tuple[str, str | None, str | None]]:
    (schedule,) = read_text(text).schedules
    return timeline(schedule)


def test_a_monthly_series_table_is_one_meeting_a_day_ending_with_the_series_hours() -> None:
    page = """# Data Science Santiago — Calendario 2026

Nos juntamos el **primer jueves de cada mes**, de **19:00 a 21:00 hrs**, en Providencia, Santiago.

| Fecha | Hora | Actividad |
|---|---|---|
| Jueves 7 de mayo | 19:00 | Bienvenida |
| | 20:05 | Open data del Transantiago |
| Jueves 4 de junio | 19:00 | Bienvenida |
| | 19:15 | Forecasting de cerezas |
| Jueves 2 de julio | 19:00 | Bienvenida |
| | 20:00 | MLOps en el retail |

⏰ **Ojo con el cambio de hora:** el horario de verano vuelve el domingo 6 de septiembre
(a las 24:00 se vuelve a las 01:00) y las horas de la tabla son siempre las de Santiago.
"""
    assert _timelines(page) == [
        [
            ("Bienvenida", "2026-05-07T23:00Z", "2026-05-08T00:05Z"),
            ("Open data del Transantiago", "2026-05-08T00:05Z", "2026-05-08T01:00Z"),
        ],
        [
            ("Bienvenida", "2026-06-04T23:00Z", "2026-06-04T23:15Z"),
            ("Forecasting de cerezas", "2026-06-04T23:15Z", "2026-06-05T01:00Z"),
        ],
        [
            ("Bienvenida", "2026-07-02T23:00Z", "2026-07-03T00:00Z"),
            ("MLOps en el retail", "2026-07-03T00:00Z", "2026-07-03T01:00Z"),
        ],
    ]


def test_the_hours_in_a_front_matter_field_end_the_last_item() -> None:
    page = """---
title: "Python GDL — Meetup #47"
fecha: 2026-05-21
horario: "18:30 a 21:30 hrs (hora del centro)"
sede: "Coworking Chapultepec, Guadalajara, Jal."
---

- **18:30 hrs** — Registro y networking
- **20:50 hrs** — Lightning talks
"""
    assert _sessions(page)[-1] == ("Lightning talks", "2026-05-22T02:50Z", "2026-05-22T03:30Z")


def test_dutch_headers_and_a_room_that_closes() -> None:
    page = """# Open Source Avond Leuven

Donderdag **28 maart 2024** in Leuven.

| Uur | Wat | Spreker | Lokaal |
|---|---|---|---|
| 18u30 | Onthaal met broodjes | | Foyer |
| 20u45 | Lightning talks | iedereen | 00.225 |

We sluiten de zaal om 21u15 — wie nog wil napraten, gaat mee naar café The Capital.
"""
    sessions = read_text(page).schedules[0].sessions
    assert [(s.title, s.location) for s in sessions] == [
        ("Onthaal met broodjes", "Foyer"),
        ("Lightning talks", "00.225"),
    ]
    assert timeline(read_text(page).schedules[0])[-1][2] == "2024-03-28T20:15Z"
    norwegian = """# Kodekveld Trondheim

Torsdag 12. september 2024, Trondheim

- kl. 17.00 Pizza
- kl. 20.15 Lyntaler

Vi stenger lokalet kl. 20.30.
"""
    assert _sessions(norwegian)[-1] == ("Lyntaler", "2024-09-12T18:15Z", "2024-09-12T18:30Z")


def test_an_end_told_in_the_title_after_a_dash_or_a_comma() -> None:
    page = """# Datentage Graz

**Freitag, 4. April 2025**, Graz

- **17.00 Uhr** Eröffnung
- **20.00 Uhr** Pub-Quiz „Daten & Dialekte" — Ende ca. 22.00 Uhr
"""
    assert _sessions(page)[-1] == (
        'Pub-Quiz „Daten & Dialekte"',
        "2025-04-04T18:00Z",
        "2025-04-04T20:00Z",
    )
    newfoundland = """# Cloud Native Tour

### St. John's — Thursday, November 5, 2026

- **6:30 PM NT** Doors
- **7:45 PM NT** Q&A + social, wraps at 8:30 PM NT
"""
    assert _sessions(newfoundland) == [
        ("Doors", "2026-11-05T22:00Z", "2026-11-05T23:15Z"),
        ("Q&A + social", "2026-11-05T23:15Z", "2026-11-06T00:00Z"),
    ]


def test_an_italian_page_without_a_city_is_in_italys_zone_and_ends_verso_le_ore() -> None:
    page = """## Meetup AI · novembre

Ciao a tutti! Il prossimo incontro si terrà **giovedì 14 novembre 2024** al campus, aula C1.03.
Parcheggio limitato: consigliamo il bus o la bici, che è il modo più semplice per arrivare.

* ore 18:00 — accoglienza e registrazione
* ore 20:15 — aperitivo offerto dagli sponsor della serata

Fine prevista verso le ore 21:30.
"""
    (schedule,) = read_text(page).schedules
    assert schedule.timezone == ZoneInfo("Europe/Rome")
    assert timeline(schedule)[-1] == (
        "aperitivo offerto dagli sponsor della serata",
        "2024-11-14T19:15Z",
        "2024-11-14T20:30Z",
    )


def test_converted_times_going_on_over_two_lines_are_no_session() -> None:
    page = """# AWS User Group Perú — julio

**📅 Fecha:** martes 14 de julio de 2026, 7:00 p.m. (hora de Lima)

¿Nos sigues desde otro país? Arrancamos a las 7 p.m. en Lima, Quito y Bogotá · 6 p.m. en CDMX ·
8 p.m. en Santiago · 9 p.m. en Buenos Aires y Montevideo.

### 7:00 p.m. — Bienvenida
### 8:35 p.m. — Sorteo y cierre
"""
    assert [title for title, _, _ in _sessions(page)] == ["Bienvenida", "Sorteo y cierre"]


def test_new_taiwan_dollars_are_no_zone() -> None:
    page = """# OSGeo 台灣年會

- 📅 **日期**：2026年8月8日（六），台北
- 🎟️ **報名**：一般票 NT$600

8/8（六）晚上 18:30～21:00 在南港車站附近的餐廳有會後交流餐會，需另外加購餐券（NT$450）。

| 時間 | 議程 |
|---|---|
| 09:00 | 報到 |
| 09:30 | 開幕 |
"""
    (schedule,) = read_text(page).schedules
    assert schedule.timezone == ZoneInfo("Asia/Taipei")


def test_an_end_label_after_the_agenda_ends_its_last_item() -> None:
    page = """# Trilha Python Recife

**Sábado, 12 de setembro de 2026**, Recife

| Horário | Atividade |
|---|---|
| 8h30 | Credenciamento |
| 15h30 | Encerramento e sorteio |

Previsão de término: 16h.
"""
    assert _sessions(page)[-1] == (
        "Encerramento e sorteio",
        "2026-09-12T18:30Z",
        "2026-09-12T19:00Z",
    )


def test_an_end_in_brackets_after_las_and_the_building_to_leave() -> None:
    page = """# Golang Buenos Aires

**Martes 25 de agosto de 2026**, Buenos Aires

- 19:00 hs — Acreditación y mate
- 20:50 hs — Networking y cierre (hasta las 22 hs)
"""
    assert _sessions(page)[-1] == ("Networking y cierre", "2026-08-25T23:50Z", "2026-08-26T01:00Z")
    munich = """# Rust Munich

**Wednesday, 26 March 2025**, Munich

* **18:30** – Doors
* **20:45** – Socializing — we have to leave the building by 22:00
"""
    assert _sessions(munich)[-1] == ("Socializing", "2025-03-26T19:45Z", "2025-03-26T21:00Z")


def test_serbian_croatian_and_slovenian_months() -> None:
    page = """# Kubernetes Tour

## Beograd — četvrtak, 7. novembar 2024

- 18:00 — Dolazak

## Zagreb — četvrtak, 15. svibnja 2025

- 18:00 — Okupljanje
"""
    assert [timeline(s)[0][1] for s in read_text(page).schedules] == [
        "2024-11-07T17:00Z",
        "2025-05-15T16:00Z",
    ]


def test_the_days_a_weekly_or_monthly_rule_meets_on() -> None:
    thursday, last_wednesday = date(2026, 5, 7), date(2026, 5, 27)
    assert meets_on("FREQ=WEEKLY;BYDAY=TU,TH", thursday)
    assert not meets_on("FREQ=WEEKLY;BYDAY=TU", thursday)
    assert meets_on("FREQ=MONTHLY;BYDAY=1TH", thursday)
    assert not meets_on("FREQ=MONTHLY;BYDAY=2TH", thursday)
    assert meets_on("FREQ=MONTHLY;BYDAY=TH", thursday)  # every Thursday of the month
    assert meets_on("FREQ=MONTHLY;BYDAY=-1WE", last_wednesday)
    assert not meets_on("FREQ=MONTHLY;BYDAY=-1WE", date(2026, 5, 20))
    assert not meets_on("FREQ=DAILY", thursday)
