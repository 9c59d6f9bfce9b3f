"""Where an event's hours and its last session's end are written: after its venue on one line,
under its date a few lines on, in a day heading of one day only, in a wrapped sentence of prose;
and what is not a session (a note about the clocks, the venue closing, a day told in passing)."""

from __future__ import annotations

from tests.helpers import read_text, timeline


def _timelines(text: str) -> list[list[tuple[str, str | None, str | None]]]:
    return [timeline(s) for s in read_text(text).schedules]


DIGEST = """# The Pipeline — March 2026

## London — Tuesday 3 March 2026

**Data Engineering London #48**
📍 CodeNode, 10 South Place, London EC2M 7EB · 🕡 18:30–21:00

| Time  | What |
|-------|------|
| 18:30 | Doors, pizza & drinks |
| 20:15 | Networking at the bar |

## Berlin — Thursday 12 March 2026

**Berlin Data Engineers**
Factory Görlitzer Park, Lohmühlenstraße 65, 12435 Berlin · starts 19:00
One talk by Lena Vogt on testing dbt models, then open discussion.

## Amsterdam — Thursday 26 March 2026

**Amsterdam Data Engineering #21**
Adyen, Simon Carmiggeltstraat 6-50, Amsterdam · 18:00–21:00

- 18:00 walk-in & food
- 19:45 DuckDB as a team sport — Fatima El Idrissi
"""


def test_hours_after_the_venue_on_one_line_are_the_events_not_a_session() -> None:
    london, berlin, amsterdam = _timelines(DIGEST)
    assert london[-1] == ("Networking at the bar", "2026-03-03T20:15Z", "2026-03-03T21:00Z")
    # "starts 19:00": its start, no end; the bold line under the heading names it
    assert berlin == [("Berlin Data Engineers", "2026-03-12T18:00Z", None)]
    assert amsterdam == [
        ("walk-in & food", "2026-03-26T17:00Z", "2026-03-26T18:45Z"),
        ("DuckDB as a team sport", "2026-03-26T18:45Z", "2026-03-26T20:00Z"),
    ]  # no session titled "Adyen, …"


def test_hours_a_few_lines_under_the_dated_heading_past_the_venue_end_the_evening() -> None:
    page = """# Meetups

## Cloud Native Sydney — Wed 25 March 2026

📍 Wattle Systems, Level 9, 123 Pitt Street, Sydney NSW 2000 (sign in with security in the
lobby, then take the lifts on the left)

🕕 5:45pm to 8:30pm AEDT

| Time (AEDT) | Session |
|-------------|---------|
| 5:45pm | Doors open |
| 7:35pm | Networking |

RSVP on Meetup: https://www.meetup.com/cloud-native-sydney/events/306112233/
"""
    assert _timelines(page) == [
        [
            ("Doors open", "2026-03-25T06:45Z", "2026-03-25T08:35Z"),
            ("Networking", "2026-03-25T08:35Z", "2026-03-25T09:30Z"),
        ]
    ]  # the RSVP line after the table is not the title of the hours above it


def test_days_told_in_passing_above_the_events_are_not_an_all_day_event() -> None:
    page = """# March meetups

Sydney on **Wednesday 25 March 2026** and Melbourne the next night, **Thursday 26 March 2026**.

## Sydney — Wed 25 March 2026

- 6:00pm Doors
- 6:30pm Talk

## Melbourne — Thu 26 March 2026

- 6:00pm Doors
"""
    titles = [s.title for s in read_text(page).schedules]
    assert titles == ["Sydney — Wed 25 March 2026", "Melbourne — Thu 26 March 2026"]


def test_hours_in_one_days_heading_do_not_end_the_next_days_last_session() -> None:
    page = """# DevOps Porto — Duas Noites

Rua Alfredo Allen 455, 4200-135 Porto

### Dia 1 · quinta-feira, 15/05/2025 · 19h às 22h

- **19h** — Receção
- **20h30** — Workshop

### Dia 2 · sexta-feira, 16/05/2025

- **18h30** — Receção
- **20h45** — Jantar de encerramento
"""
    (sessions,) = _timelines(page)
    assert sessions[1] == ("Workshop", "2025-05-15T19:30Z", "2025-05-15T21:00Z")
    assert sessions[-1] == ("Jantar de encerramento", "2025-05-16T19:45Z", None)


def test_an_end_in_a_sentence_wrapped_over_two_lines_and_in_french_words() -> None:
    page = """# MontréalJS — le mercredi 12 novembre 2025

Au bureau de Coveo, Montréal.

- 18 h 00 — Accueil
- 20 h 15 — Réseautage

On jase, on échange des cartes, on recrute! On doit libérer la salle
à **21 h 30** au plus tard.
"""
    (sessions,) = _timelines(page)
    assert sessions[-1] == ("Réseautage", "2025-11-13T01:15Z", "2025-11-13T02:30Z")


def test_ende_ca_in_prose_ends_the_last_item() -> None:
    page = """# Forum — Freitag, 13.06.2025, Dresden

- 14:30 Uhr: Vortrag
- 15:15 Uhr: Verlosung

Ende ca. 16:00 Uhr.
"""
    (sessions,) = _timelines(page)
    assert sessions[-1] == ("Verlosung", "2025-06-13T13:15Z", "2025-06-13T14:00Z")


def test_the_venue_closing_ends_the_day_and_a_wrapped_note_on_the_clocks_is_no_session() -> None:
    page = """# Hackathon Berlin, Samstag, 29. März 2025

- **19:00 – 22:00 Uhr** – Abendessen & Weiterhacken

Um 22 Uhr schließt das Haus. Übernachten vor Ort ist leider nicht möglich.

> ⏰ **Achtung, Zeitumstellung!** In der Nacht von Samstag auf Sonntag werden die Uhren
> um 2 Uhr auf 3 Uhr vorgestellt. Bitte nicht eine Stunde zu spät kommen.
"""
    assert _timelines(page) == [
        [("Abendessen & Weiterhacken", "2025-03-29T18:00Z", "2025-03-29T21:00Z")]
    ]


def test_a_line_after_a_marked_venue_line_is_a_sentence_of_its_own() -> None:
    page = """# Nantes DevOps

## Jeudi 25 juin 2026 — Apéro de fin de saison

📍 Le Lieu Unique (terrasse), quai Ferdinand-Favre, Nantes
À partir de 19h — pas de talk, juste l'occasion de se retrouver avant l'été.
"""
    ((session,),) = _timelines(page)
    assert session[1:] == ("2026-06-25T17:00Z", None)


def test_a_slot_on_one_day_of_a_conference_range_is_on_that_day() -> None:
    page = """# Vorträge

#### JavaLand 2026

📍 Europa-Park, Rust bei Freiburg, Deutschland
Die Konferenz läuft vom 10. bis 12. März 2026, mein Slot ist am **Mittwoch, 11. März, 10:40–11:20 Uhr** im Raum „Wintergarten“.
"""
    ((session,),) = _timelines(page)
    assert session[1:] == ("2026-03-11T09:40Z", "2026-03-11T10:20Z")


def test_od_before_a_time_and_a_continuation_cell_in_italian() -> None:
    page = """# Torino Open Source Day — sabato 25 ottobre 2025, Torino

| Orario        | Sala Agnelli | Aula 3 |
|---------------|--------------|--------|
| 14.30 – 15.15 | Talos Linux — *Luca Martini* | Workshop OpenStreetMap (14.30 – 16.00) — *Sara Colombo* |
| 15.15 – 16.00 | PostgreSQL 18 — *Paolo Greco* | *(prosegue il workshop)* |

- **od 19:00** Afterparty
"""
    (sessions,) = _timelines(page)
    assert sorted(sessions, key=lambda s: (s[1], s[0])) == [
        ("Talos Linux", "2025-10-25T12:30Z", "2025-10-25T13:15Z"),
        ("Workshop OpenStreetMap", "2025-10-25T12:30Z", "2025-10-25T14:00Z"),
        ("PostgreSQL 18", "2025-10-25T13:15Z", "2025-10-25T14:00Z"),
        ("Afterparty", "2025-10-25T17:00Z", None),
    ]


def test_a_plain_text_timetable_in_a_fence_is_read_and_code_is_not() -> None:
    page = """# FOSS-Tage Wien

- **Wann:** Freitag, 27. und Samstag, 28. März 2026
- **Wo:** Metalab, Rathausstraße 6, 1010 Wien

```text
FREITAG, 27.03.2026  (Metalab)
------------------------------
18:00 - 18:30   Ankommen, Mate & Brezen
18:30 - 19:15   Keynote: 20 Jahre Metalab     Paul Huber

SAMSTAG, 28.03.2026
-------------------
09:30 - 10:00   Einlass & Kaffee
```

```python
schedule = {"10:00": "not a talk", "11:00": "nor this"}
```
"""
    ((*friday, saturday),) = _timelines(page)
    assert friday == [
        ("Ankommen, Mate & Brezen", "2026-03-27T17:00Z", "2026-03-27T17:30Z"),
        ("Keynote: 20 Jahre Metalab", "2026-03-27T17:30Z", "2026-03-27T18:15Z"),
    ]
    assert saturday == ("Einlass & Kaffee", "2026-03-28T08:30Z", "2026-03-28T09:00Z")
    speakers = read_text(page).schedules[0].sessions[1].speakers
    assert [s.name for s in speakers] == ["Paul Huber"]


def test_a_spanish_fecha_field_gives_the_year() -> None:
    page = """---
title: "Transmisión en vivo"
fecha: 2025-06-12
---

**Jueves 12 de junio · 19:00 a 21:00 h (hora de la Ciudad de México)**

- **19:00** — Bienvenida
"""
    ((session,),) = _timelines(page)
    assert session == ("Bienvenida", "2025-06-13T01:00Z", "2025-06-13T03:00Z")


def test_dutch_when_and_where_labels() -> None:
    page = """# Data Gent

### #32 — dinsdag 21 april 2026

**Waar:** De Krook, Miriam Makebaplein 1, 9000 Gent
**Wanneer:** 19u00 – 21u30

- 19u00 — Deuren open
- 21u05 — Lightning talks
"""
    assert _timelines(page) == [
        [
            ("Deuren open", "2026-04-21T17:00Z", "2026-04-21T19:05Z"),
            ("Lightning talks", "2026-04-21T19:05Z", "2026-04-21T19:30Z"),
        ]
    ]


def test_an_events_session_titled_by_its_heading_leaves_the_date_out() -> None:
    page = """# Nantes DevOps — saison

## Mardi 17 février 2026 — Soirée lightning talks ⚡

📍 La Cantine Numérique, 11 rue la Noue Bras de Fer, Nantes
🕖 De 19h à 21h

## Jeudi 19 mars 2026 — Kubernetes à la maison

📍 Sopra Steria, Nantes

- **18h30** : accueil
"""
    first, _ = read_text(page).schedules
    assert timeline(first) == [
        ("Soirée lightning talks ⚡", "2026-02-17T18:00Z", "2026-02-17T20:00Z")
    ]


def test_a_room_after_a_middle_dot_at_the_end_of_a_line() -> None:
    page = """# Rose City Infra — Friday 6 March 2026, Portland

- **9:00am – 12:30pm** · Kubernetes Networking From Scratch — Priya Raman · *Room D135*
- **9:00am – 12:30pm** · Terraform Testing — Marcus Olufemi · *Room D136*
"""
    sessions = read_text(page).schedules[0].sessions
    assert [(s.title, s.location, [p.name for p in s.speakers]) for s in sessions] == [
        ("Kubernetes Networking From Scratch", "Room D135", ["Priya Raman"]),
        ("Terraform Testing", "Room D136", ["Marcus Olufemi"]),
    ]


def test_the_events_time_restated_in_many_zones_is_no_session() -> None:
    page = """# Contributor Summit 2026 (virtual)

**When:** Wednesday, 7 October 2026, 13:00 – 17:00 UTC

🌍 **Time zones:** 13:00 UTC is 06:00 PDT · 09:00 EDT · 15:00 CEST · 18:30 IST · 22:00 JST.

- 13:00 Welcome
- 16:40 Closing
"""
    assert _timelines(page) == [
        [
            ("Welcome", "2026-10-07T13:00Z", "2026-10-07T16:40Z"),
            ("Closing", "2026-10-07T16:40Z", "2026-10-07T17:00Z"),
        ]
    ]


def test_a_sign_up_deadline_is_not_the_event() -> None:
    page = """# Upcoming meetups

> Registration for Bengaluru closes on 20 Nov 2025 at midnight, or earlier if seats run out.

Sat, 22 Nov 2025 10:00 AM - 1:30 PM IST, Bengaluru

- 10:00 AM Welcome
"""
    assert _timelines(page) == [[("Welcome", "2025-11-22T04:30Z", "2025-11-22T08:00Z")]]
    polish = """# PyKraków #87

- **Data:** czwartek, 5 marca 2026, godz. 18:00
- **Miejsce:** Kodeo, ul. Przemysłowa 12, 30-701 Kraków
- **Rejestracja:** meetup.com — zapisy do wtorku 3 marca, do godz. 12:00

Spotkanie potrwa do ok. 21:00, potem zwyczajowo przenosimy się do pubu obok.

- **18:00–18:30** — Otwarcie drzwi
- **20:15** — Lightning talki i networking
"""
    assert _timelines(polish) == [
        [
            ("Otwarcie drzwi", "2026-03-05T17:00Z", "2026-03-05T17:30Z"),
            ("Lightning talki i networking", "2026-03-05T19:15Z", "2026-03-05T20:00Z"),
        ]
    ]


def test_a_street_named_after_a_city_does_not_name_the_zone() -> None:
    page = """# Kubernetes training

**Thursday 12 June 2025 · Bruntwood Works, 1 New York Street, Manchester M1 4HD**

- 9:30 Setup
"""
    (schedule,) = read_text(page).schedules
    assert schedule.timezone_name == "Europe/London"


def test_the_same_hours_each_day_of_a_short_event_are_a_session_a_day() -> None:
    page = """# Spring Bootcamp

| | |
|---|---|
| **Dates** | Monday, March 9 – Wednesday, March 11, 2026 |
| **Hours** | 9:00 a.m. – 4:30 p.m. Central, all three days |
| **Where** | 222 W Merchandise Mart Plaza, Chicago, IL 60654 |
"""
    assert [(s[1], s[2]) for s in _timelines(page)[0]] == [
        ("2026-03-09T14:00Z", "2026-03-09T21:30Z"),
        ("2026-03-10T14:00Z", "2026-03-10T21:30Z"),
        ("2026-03-11T14:00Z", "2026-03-11T21:30Z"),
    ]
    across = "# Hackathon\n\nMay 16, 2026, 9:00 AM – May 17, 2026, 4:30 PM, Berlin\n"
    assert [(s[1], s[2]) for s in _timelines(across)[0]] == [
        ("2026-05-16T07:00Z", "2026-05-17T14:30Z")
    ]


def test_a_details_table_under_an_empty_header_and_a_room_column_in_chinese() -> None:
    page = """# 香港雲原生日

| | |
|---|---|
| **日期** | 2026年3月21日（星期六） |
| **時間** | 上午9時至下午5時30分（香港時間） |
| **地點** | 香港科學園 |
| **交通** | 港鐵大學站 |
| **費用** | HK$150 |

| 時間 | 房間 | 環節 | 講者 |
|---|---|---|---|
| 13:45 – 14:25 | 演講廳 1 | Cilium 實戰 | Kelvin Tsang |
| 13:45 – 14:25 | 會議室 3 | Argo CD 踩坑分享 | Mandy Cheung |
"""
    sessions = read_text(page).schedules[0].sessions
    assert [(s.title, s.location) for s in sessions] == [
        ("Cilium 實戰", "演講廳 1"),
        ("Argo CD 踩坑分享", "會議室 3"),
    ]
    assert sessions[0].start.isoformat() == "2026-03-21T13:45:00+08:00"


def test_bullets_under_a_bold_session_line_belong_to_it() -> None:
    page = """# Seoul Frontend — 2026년 3월 19일 (목), 서울 강남구

**오후 7:10 ~ 7:50 | React Server Components 1년 운영기**
- 발표자: 김민수 님 (토스 · Frontend Engineer)
- 결제 화면을 RSC로 전환하면서 겪은 캐싱 이슈를 공유합니다.
"""
    (session,) = read_text(page).schedules[0].sessions
    assert [s.name for s in session.speakers] == ["김민수"]


def test_two_day_sections_of_one_conference_rooms_before_titles_and_relayed_rooms() -> None:
    page = """# Smok SRE Days 2026 — Programme

Venue: ICE Kraków, ul. Marii Konopnickiej 17, 30-302 Kraków. All times are CEST.

_Programme exported from pretalx on 20 May 2026._

## Thursday, 11 June 2026 — Workshop day (ICE, level 2)

- **09:30–12:30** · Room S1 · *Kubernetes Operators from Zero* — Anna Nowak, Piotr Zieliński

## Friday, 12 June 2026 — Conference day

| CEST | Auditorium Hall | Theatre Hall |
|------|-----------------|--------------|
| 15:10 | Alert Fatigue — Emma Laurent | Resilience Patterns in Go — Paweł Król |
| 15:50 | 🎤 **Closing keynote** — Marek Jankowski | _(live stream)_ |
| 16:35 | Closing words | |
"""
    (schedule,) = read_text(page).schedules  # one conference, not a tour of two
    workshop = schedule.sessions[0]
    assert (workshop.title, workshop.location) == ("Kubernetes Operators from Zero", "Room S1")
    assert [s.name for s in workshop.speakers] == ["Anna Nowak", "Piotr Zieliński"]
    assert [(s[0], s[1], s[2]) for s in timeline(schedule)[1:]] == [
        ("Alert Fatigue", "2026-06-12T13:10Z", "2026-06-12T13:50Z"),
        ("Resilience Patterns in Go", "2026-06-12T13:10Z", "2026-06-12T13:50Z"),
        ("🎤 Closing keynote", "2026-06-12T13:50Z", "2026-06-12T14:35Z"),  # for both rooms
        ("Closing words", "2026-06-12T14:35Z", None),
    ]


def test_a_venue_wrapped_onto_the_next_line_names_the_zone_and_a_portuguese_end() -> None:
    page = """---
title: "HackaCIn 2026"
date: 2026-03-20 10:00:00 -0300
---

📍 **Local:** Centro de Informática – UFPE, Av. Jorn. Aníbal Fernandes, s/n, Cidade
Universitária, Recife – PE
📅 **Quando:** 17 de maio de 2026

- 13h30 — Apresentações

O encerramento está previsto para as 15h. A programação pode sofrer pequenas alterações.
"""
    (schedule,) = read_text(page).schedules
    assert schedule.timezone_name == "America/Recife"
    assert timeline(schedule) == [("Apresentações", "2026-05-17T16:30Z", "2026-05-17T18:00Z")]


def test_a_title_then_its_time_in_brackets_then_a_remark() -> None:
    page = """# Go Kraków — 12 March 2026, Kraków

- Break (19:20–19:35)
- Lightning talks (20:15–20:40) — 5 minutes each, sign up on the whiteboard at the door
"""
    assert _timelines(page) == [
        [
            ("Break", "2026-03-12T18:20Z", "2026-03-12T18:35Z"),
            ("Lightning talks", "2026-03-12T19:15Z", "2026-03-12T19:40Z"),
        ]
    ]


def test_list_items_each_with_a_date_and_hours_are_events_of_their_own() -> None:
    page = """# Linux-Stammtisch Wien

Gasthaus Zum Goldenen Hirschen, 1070 Wien. *Zuletzt bearbeitet: 2. Jänner 2026*

* **Di, 13. Jänner 2026, ab 18 Uhr** – Neujahrs-Stammtisch
* **Di, 10. Februar 2026, ab 18 Uhr** – Stammtisch
* **Mi, 11. März 2026, ab 18:30 Uhr** – Stammtisch
"""
    assert [[s[1] for s in t] for t in _timelines(page)] == [
        ["2026-01-13T17:00Z"],
        ["2026-02-10T17:00Z"],
        ["2026-03-11T17:30Z"],
    ]


def test_a_deadline_wrapped_over_two_lines_and_an_evening_hour_in_chinese() -> None:
    page = """# ChiPy January 2026

**When:** Thursday, January 15, 2026 — doors at 6:00 PM, Chicago

> ⚠️ The front desk checks your name. RSVPs close **Wednesday,
> January 14 at noon**. Bring a photo ID.

- 6:00 PM Doors open
"""
    assert _timelines(page) == [[("Doors open", "2026-01-16T00:00Z", None)]]
    chinese = "# Rust 直播\n\n**第 1 期｜2026 年 3 月 5 日（周四）晚 8:00 – 9:00（北京时间）**\n"
    assert [(s[1], s[2]) for s in _timelines(chinese)[0]] == [
        ("2026-03-05T12:00Z", "2026-03-05T13:00Z")
    ]


def test_a_table_of_the_start_in_other_cities_is_no_agenda_and_a_closing_with_more_is_a_session() -> (
    None
):
    page = """# Python CDMX — jueves 12 de junio de 2025, Ciudad de México, de 7:00 a 9:30 p. m.

- 🍕 **7:00 p. m.** — Registro y pizza
- 📸 **9:15 p. m.** — Cierre y foto grupal

| Ciudad | Hora |
|---|---|
| Bogotá | 8:00 p. m. |
| Buenos Aires | 10:00 p. m. |
"""
    assert _timelines(page) == [
        [
            ("Registro y pizza", "2025-06-13T01:00Z", "2025-06-13T03:15Z"),
            ("Cierre y foto grupal", "2025-06-13T03:15Z", "2025-06-13T03:30Z"),
        ]
    ]


def test_a_french_clock_note_and_a_cfp_closing_are_no_events() -> None:
    page = """# DevOps Montréal

> 🕔 Toutes les heures sont à l'heure de Montréal. Petit rappel : on recule l'heure le
> 2 novembre, la rencontre de novembre est donc en **HNE**.

The CFP for summer closes March 31.

## Le mardi 18 novembre 2025

- **17 h 30** — Accueil
"""
    assert _timelines(page) == [[("Accueil", "2025-11-18T22:30Z", None)]]


def test_a_summary_line_above_the_agenda_adds_nothing_the_agenda_lists() -> None:
    [schedule] = read_text(
        "# Rust Meetup Köln\n\n- **Wann:** Donnerstag, 13. November 2025\n"
        "- **Einlass 18:30, Beginn 19:00**\n- **Wo:** Im Mediapark 5, 50670 Köln\n\n"
        "| Uhrzeit | Programmpunkt |\n|---|---|\n| 18:30 | Einlass, Pizza & Getränke |\n"
        "| 19:00 | Begrüßung |\n"
    ).schedules
    assert [title for title, *_ in timeline(schedule)] == ["Einlass, Pizza & Getränke", "Begrüßung"]


def test_an_item_said_to_go_on_runs_to_the_end_of_the_days_programme() -> None:
    [schedule] = read_text(
        "# TechFest\n\n## Day 2 – Saturday, 18/04/2026 (Ho Chi Minh City)\n\n"
        "- **08:00 – 08:30** Check-in\n- **10 AM onwards** Career Fair\n"
        "- **10:00 – 10:45** Panel\n- **16:00 – 17:00** Awards\n"
    ).schedules
    assert ("Career Fair", "2026-04-18T03:00Z", "2026-04-18T10:00Z") in timeline(schedule)


def test_the_last_item_of_a_track_under_its_own_heading_runs_to_the_days_end() -> None:
    [schedule] = read_text(
        "# 西湖开源技术大会\n\n> 时间：2025年11月15日 13:30–17:30，杭州\n\n"
        "### 分论坛一\n\n| 时间 | 议题 |\n|---|---|\n| 13:30-14:10 | 可观测实践 |\n"
        "| 15:40-16:20 | 冷启动优化 |\n\n"
        "### 分论坛三\n\n- **13:30-14:00** 开源合规\n- **15:10** 开放讨论\n"
    ).schedules
    # not to 15:40, when the track beside it starts its next talk
    assert ("开放讨论", "2025-11-15T07:10Z", "2025-11-15T09:30Z") in timeline(schedule)


def test_hours_in_a_sentence_of_their_own_under_a_dated_heading() -> None:
    [schedule] = read_text(
        "# Frontendisti Brno\n\n### #60 – Vánoční sraz – čtvrtek 5. prosince 2024\n\n"
        "Bez přednášek, jen jídlo, pití a kvíz. Od 18:30 do 22:00, Impact Hub Brno.\n"
    ).schedules
    assert [(start, end) for _, start, end in timeline(schedule)] == [
        ("2024-12-05T17:30Z", "2024-12-05T21:00Z")
    ]


def test_ends_said_in_nordic_turkish_portuguese_and_chinese_prose() -> None:
    pages = {
        "Vi räknar med att vara klara runt kl. 20.15.": "2025-03-13T19:15Z",
        "Etkinlik en geç 20.15'te sona eriyor.": "2025-03-13T17:15Z",
        "A previsão é terminar às 20h15, a tempo do jantar.": "2025-03-13T23:15Z",
        "預計 8 點 15 分左右結束。": "2025-03-13T12:15Z",
    }
    places = ["Stockholm", "İstanbul", "São Paulo", "台北"]
    for (prose, end), place in zip(pages.items(), places, strict=True):
        [schedule] = read_text(
            f"# Meetup {place}\n\n**13 March 2025**, {place}\n\n- 19:00 Talk\n- 19:40 Q&A\n\n"
            f"{prose}\n"
        ).schedules
        assert timeline(schedule)[-1][2] == end, prose


def test_a_line_about_the_clock_change_inside_a_timetable_is_no_session() -> None:
    [schedule] = read_text(
        "# Hackathon Capitale\n\nQuébec (QC)\n\n```\nDIMANCHE 8 MARS 2026\n"
        "          ⏰ 2 h → 3 h : on avance l'heure!\n 8 h 00 –  9 h 00    Déjeuner\n"
        "11 h 30 – 13 h 30    Présentations des équipes\n```\n"
    ).schedules
    assert [title for title, *_ in timeline(schedule)] == ["Déjeuner", "Présentations des équipes"]


def test_an_end_named_by_its_weekday_two_days_later() -> None:
    [schedule] = read_text(
        "# Hackathon Capitale\n\nQuébec (QC)\n\n```\nVENDREDI 6 MARS 2026\n"
        "17 h 30 – 18 h 30    Accueil\n20 h 00 → dim. 11 h  Période de hack\n```\n"
    ).schedules
    assert timeline(schedule)[-1] == ("Période de hack", "2026-03-07T01:00Z", "2026-03-08T15:00Z")


def test_after_a_night_item_the_small_hours_are_the_next_day() -> None:
    [schedule] = read_text(
        "# Ramazan Hackathon\n\nKadıköy / İstanbul\n\n### 15 Mart 2025 Cumartesi\n\n"
        "- **21.00 – 04.00** · Kodlama\n- **04.00 – 05.00** · Sahur\n"
    ).schedules
    assert timeline(schedule)[-1] == ("Sahur", "2025-03-16T01:00Z", "2025-03-16T02:00Z")


def test_parallel_items_naming_their_room_before_their_own_hours() -> None:
    [schedule] = read_text(
        "# Summit\n\n## Sábado, 15 de novembro de 2025 — Recife/PE\n\n"
        "### 11h00 · Trilhas paralelas\n\n"
        "- **Sala Capibaribe, 11h00 – 11h45** — *Observabilidade do zero*, com Marcos Leal\n"
        "- **Sala Beberibe, 11h00 – 11h45** — *Game dev independente*, com Érica Lacerda\n"
    ).schedules
    assert [(s.title, s.location, [p.name for p in s.speakers]) for s in schedule.sessions] == [
        ("Observabilidade do zero", "Sala Capibaribe", ["Marcos Leal"]),
        ("Game dev independente", "Sala Beberibe", ["Érica Lacerda"]),
    ]


CONFERENCE = """# Leeside Dev Day 2025

**Saturday 4 October 2025 · The Grainstore, Cork**

> **Update 19 Sept:** Ruairí has had to pull out of the Lee Suite 15:10 slot.

| Time          | Main Hall | Shandon Room |
|---------------|-----------|--------------|
| 13:10 – 13:50 | Kotlin — Hannah Byrne | **Workshop: OpenTelemetry** — Conor Ahern (13:10 – 14:40, double slot, laptops needed) |
| 14:00 – 14:40 | Rust — Liam Byrne | ↳ *workshop continues* |
| 16:45 – 17:15 | Lightning talks (5 × 5 min) | |
| 17:15         | Closing remarks & raffle | |

We'll be finished by half five (17:30).

## Talk details

### Lightning talks
Main Hall · 16:45

Five talks of five minutes.

## Afterparty

Once the doors close we move to the Oval bar from 18:00 to 21:00, all welcome.
"""


def test_a_conferences_notes_details_and_afterparty() -> None:
    [schedule] = read_text(CONFERENCE).schedules
    assert timeline(schedule) == [
        ("Kotlin", "2025-10-04T12:10Z", "2025-10-04T12:50Z"),
        ("Workshop: OpenTelemetry", "2025-10-04T12:10Z", "2025-10-04T13:40Z"),
        ("Rust", "2025-10-04T13:00Z", "2025-10-04T13:40Z"),
        ("Lightning talks (5 × 5 min)", "2025-10-04T15:45Z", "2025-10-04T16:15Z"),
        ("Closing remarks & raffle", "2025-10-04T16:15Z", "2025-10-04T16:30Z"),
        ("Afterparty", "2025-10-04T17:00Z", "2025-10-04T20:00Z"),
    ]  # the update note dates nothing; the talk's details block is no second session


def test_a_night_whose_hours_end_after_midnight_ends_its_last_item_then() -> None:
    [schedule] = read_text(
        "# Manchester Kotlin\n\n**When:** Friday 21 November 2025, 6pm until 12.30am\n"
        "**Where:** Hatch Works, Manchester\n\n| Time | What |\n|---|---|\n| 18:00 | Hack |\n"
        "| 23:30 | Demos |\n"
    ).schedules
    assert timeline(schedule)[-1] == ("Demos", "2025-11-21T23:30Z", "2025-11-22T00:30Z")


def test_a_luma_time_line_ending_on_the_next_date_is_the_events_hours() -> None:
    [schedule] = read_text(
        "# Hack Night\n\nFriday, March 7, 2025\n6:00 PM - Mar 8, 1:00 AM HST\n\n"
        "**Schedule**\n\n6:00 PM — Check-in\n11:30 PM — Demos\n12:30 AM — Awards\n"
    ).schedules
    assert timeline(schedule) == [
        ("Check-in", "2025-03-08T04:00Z", "2025-03-08T09:30Z"),
        ("Demos", "2025-03-08T09:30Z", "2025-03-08T10:30Z"),
        ("Awards", "2025-03-08T10:30Z", "2025-03-08T11:00Z"),
    ]


def test_ends_said_after_the_time_or_in_the_item() -> None:
    dhaka = read_text(
        "# Dhaka Gophers\n\n**Saturday, 15 March 2025** · Dhaka\n\n- 7:00 PM — Talks\n"
        "- 7:45 PM — Wrap-up & group photo, we leave the office by 8:15\n"
    ).schedules[0]
    assert timeline(dhaka)[-1] == (
        "Wrap-up & group photo",
        "2025-03-15T13:45Z",
        "2025-03-15T14:15Z",
    )
    bern = read_text(
        "# BarCamp Bern\n\n```\nSAMSTAG, 15. NOVEMBER 2025\n09:00          Türöffnung\n\n"
        "SONNTAG, 16. NOVEMBER 2025\n09:00          Zmorge\n14:30          Feedbackrunde\n```\n\n"
        "Am Sonntag ist spätestens um **15 Uhr** Schluss.\n\nIm PROGR, Bern.\n"
    ).schedules[0]
    # a shouted date line in a plain-text timetable is that day's heading
    starts = [start for _, start, _ in timeline(bern)]
    assert starts == ["2025-11-15T08:00Z", "2025-11-16T08:00Z", "2025-11-16T13:30Z"]
    assert timeline(bern)[-1][2] == "2025-11-16T14:00Z"


def test_what_the_review_found_reads_as_before() -> None:
    # "our last meetup of the year" is still to come; "Update: new date!" announces it
    for line in (
        "Our last meetup of the year is on Thursday 11 December 2025, 18:30–21:00, London.",
        "**Update:** new date! Thursday 11 December 2025, 18:30–21:00 at CodeNode, London.",
    ):
        [schedule] = read_text(f"# Meetup\n\n{line}\n").schedules
        assert timeline(schedule)[0][1:] == ("2025-12-11T18:30Z", "2025-12-11T21:00Z"), line
    # an end written with AM stays in the morning
    [night] = read_text(
        "# Hack night\n\n**Friday 7 March 2025**, Honolulu\n\n- 7:00 PM Hacking, until 11:00 AM\n"
    ).schedules
    assert timeline(night)[0][2] == "2025-03-08T21:00Z"
    # a closing time of the metro ends nothing
    [istanbul] = read_text(
        "# Meetup\n\n**15 Mart 2025 Cumartesi**, İstanbul\n\n- 19.00 · Talk\n\n"
        "Not: metro seferleri 23.30'da sona eriyor.\n"
    ).schedules
    assert timeline(istanbul)[0][2] is None
    # a morning section and a talks section after it are one track, not two side by side
    [day] = read_text(
        "# Day\n\n**Saturday 14 March 2026**, London\n\n## Morning\n\n- 09:00 Doors\n"
        "- 10:30 Coffee\n\n## Talks\n\n- 10:00 Keynote\n- 11:00 Panel\n"
    ).schedules
    assert ("Coffee", "2026-03-14T10:30Z", "2026-03-14T11:00Z") in timeline(day)
    # "WIT" is Women in Tech, not a zone
    [london] = read_text(
        "# London WIT\n\n**Thursday 12 March 2026**, London\n\n- 19:00 WIT lightning talks\n"
    ).schedules
    assert london.timezone_name == "Europe/London"


def test_a_thai_page_labels_its_date_and_hours_and_an_item_goes_on_after_them() -> None:
    page = "# Cloud Native Bangkok Meetup\n\n- 📅 **วันที่:** วันเสาร์ที่ 16 มกราคม 2570\n"
    page += "- 🕘 **เวลา:** 09:00 - 12:00 น.\n- 📍 **สถานที่:** True Digital Park\n\n"
    page += "| เวลา | หัวข้อ |\n| --- | --- |\n| 09:00 - 09:30 น. | ลงทะเบียน |\n"
    page += "| 11:30 - 12:00 น. | Q&A |\n| 12:00 น. เป็นต้นไป | Networking 🍜 |\n"
    assert timeline(read_text(page).schedules[0]) == [
        ("ลงทะเบียน", "2027-01-16T02:00Z", "2027-01-16T02:30Z"),
        ("Q&A", "2027-01-16T04:30Z", "2027-01-16T05:00Z"),
        ("Networking 🍜", "2027-01-16T05:00Z", None),
    ]


def test_a_party_at_the_events_stated_end_is_a_session_and_home_time_is_not() -> None:
    page = "# JAWS-UG 福岡\n\n2026/07/11(土) 13:00 〜 18:00\n\n| 時間 | 内容 |\n|---|---|\n"
    page += "| 17:20 - 17:30 | クロージング |\n| 18:00 〜 | 懇親会 🍻 |\n"
    assert timeline(read_text(page).schedules[0])[-1] == ("懇親会 🍻", "2026-07-11T09:00Z", None)
    page = page.replace("懇親会 🍻", "Home time")
    assert timeline(read_text(page).schedules[0])[-1][0] == "クロージング"


def test_a_labelled_party_on_a_day_of_the_event_from_a_time_is_a_session_that_day() -> None:
    page = "# DevConf Chile 2026 — Santiago\n\n## Jueves 12 de noviembre de 2026\n\n"
    page += "| Hora | Charla |\n|---|---|\n| 09:00 – 10:00 | Apertura |\n\n"
    page += "## Viernes 13 de noviembre de 2026\n\n| Hora | Charla |\n|---|---|\n"
    page += "| 09:00 – 10:00 | Keynote |\n\n"
    page += (
        "🎉 **Carrete de cierre:** viernes desde las 19:00 hrs. en Bar Constitución, Bellavista.\n"
    )
    page += "🎉 **After-party:** Thursday from 7:00 PM at Cantaloupe, Rainbow Street.\n"
    assert timeline(read_text(page).schedules[0])[1:] == [
        ("After-party", "2026-11-12T22:00Z", None),
        ("Keynote", "2026-11-13T12:00Z", "2026-11-13T13:00Z"),
        ("Carrete de cierre", "2026-11-13T22:00Z", None),
    ]


def test_an_item_from_the_events_stated_end_goes_on_after_it() -> None:
    page = (
        "# Volunteer training — Melbourne\n\n🕘 **When:** Saturday 3 April 2027, 8.45am – 3pm\n\n"
    )
    page += "- **2.30pm – 3pm** – Wrap-up\n- **From 3pm** – 🌭 Sausage sizzle in the car park\n"
    assert timeline(read_text(page).schedules[0])[-1] == (
        "🌭 Sausage sizzle in the car park",
        "2027-04-03T04:00Z",
        None,
    )


def test_a_sentence_ending_one_day_between_two_days_agendas_ends_its_last_item() -> None:
    page = "# OTel Community Days (virtual)\n\nAll times UTC.\n\n## Day 1 — Wednesday, March 17, 2027\n\n"
    page += "| UTC | Session |\n|---|---|\n| 15:00 | Welcome |\n| 18:30 | Day 1 wrap-up |\n\n"
    page += "Day 1 ends at 18:45.\n\n## Day 2 — Thursday, March 18, 2027\n\n"
    page += "| UTC | Session |\n|---|---|\n| 20:00 | Profiling |\n| 21:00 | Closing |\n"
    assert timeline(read_text(page).schedules[0]) == [
        ("Welcome", "2027-03-17T15:00Z", "2027-03-17T18:30Z"),
        ("Day 1 wrap-up", "2027-03-17T18:30Z", "2027-03-17T18:45Z"),
        ("Profiling", "2027-03-18T20:00Z", "2027-03-18T21:00Z"),
        ("Closing", "2027-03-18T21:00Z", None),
    ]
