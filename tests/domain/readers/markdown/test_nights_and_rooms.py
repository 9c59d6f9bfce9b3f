"""A night the clocks go back in, the end said with a remark, and rooms named in Chinese,
Japanese or Korean table headers."""

from __future__ import annotations

from tests.helpers import messages, read_text, timeline


def test_a_time_said_to_be_in_standard_time_is_the_second_of_the_repeated_hour() -> None:
    page = "# Fall-back hack 2027, Denver\n\n### Sunday, November 7\n\n"
    page += "| Time | What |\n|---|---|\n| 12:30 AM MDT | Ramen bar |\n"
    page += "| 1:30 AM MST ← the *second* 1:30 | Demos |\n| 3:00 AM MST | Snack raid |\n"
    result = read_text(page)
    assert [start for _, start, _ in timeline(result.schedules[0])] == [
        "2027-11-07T06:30Z",
        "2027-11-07T08:30Z",
        "2027-11-07T10:00Z",
    ]
    # (MDT is still in force at 00:30 that night: no note says Denver does not keep it)
    assert messages(result) == []


def test_a_remark_on_winter_time_before_the_title_picks_the_second_reading() -> None:
    page = "# Hack Lyon\n\n**Samedi 25 octobre 2025**, Lyon\n\n"
    page += "- **23h30 – 00h30** — Pizza\n- **00h30 – 01h00** — Ramen\n"
    page += (
        "- **02h30 – 03h00** (heure d'hiver, donc *après* le recul des montres) — Point mentors\n"
    )
    page += "- **08h00 – 09h00** — Petit-déj\n"
    assert timeline(read_text(page).schedules[0])[2] == (
        "Point mentors",
        "2025-10-26T01:30Z",
        "2025-10-26T02:00Z",
    )


def test_the_clocks_changing_is_no_session_but_a_session_in_that_night_is() -> None:
    page = "# Nuit du code, Paris\n\n**Samedi 28 mars 2026**\n\n- 22h00 – 23h00 : Ouverture\n"
    page += "- 2 h → 3 h : on avance l'heure !\n- 03h30 – 04h00 : Soupe\n"
    titles = [title for title, _, _ in timeline(read_text(page).schedules[0])]
    assert titles == ["Ouverture", "Soupe"]


def test_an_end_with_a_remark_after_a_dash_is_only_the_end() -> None:
    page = "# Hack night, Denver\n\n**Saturday, June 5, 2027**\n\n| Time | What |\n|---|---|\n"
    page += "| 10:30 AM | Expo |\n| 12:30 PM | Awards |\n| 1:30 PM | 👋 Event ends — go home and sleep |\n"
    assert timeline(read_text(page).schedules[0])[-1] == (
        "Awards",
        "2027-06-05T18:30Z",
        "2027-06-05T19:30Z",
    )


def test_rooms_named_in_cjk_headers_are_tracks_side_by_side() -> None:
    page = "# OSGeo 台灣 2026\n\n| 時間 | 第一會議室 R1 | 第二會議室 R2 |\n|---|---|---|\n"
    page += "| **8/8（六）** | | |\n| 09:00–09:30 | 報到 Registration | |\n"
    page += "| 10:50–11:30 | QGIS 外掛開發入門 — 林芷瑜 | PostGIS 公車路網 — 黃柏翰 |\n"
    sessions = read_text(page).schedules[0].sessions
    assert [(s.title, s.location, [p.name for p in s.speakers]) for s in sessions[1:]] == [
        ("QGIS 外掛開發入門", "第一會議室 R1", ["林芷瑜"]),
        ("PostGIS 公車路網", "第二會議室 R2", ["黃柏翰"]),
    ]


def test_a_night_the_clocks_go_back_in_chile() -> None:
    page = "# Hackatón 2027\n\n- **Lugar:** Beauchef 851, Santiago, Chile\n"
    page += "- **Fecha:** sábado 3 y domingo 4 de abril de 2027\n\n"
    page += "Todo el programa del domingo está en la hora nueva (horario de invierno, UTC-4).\n\n"
    page += "**Sábado 3 de abril**\n\n| Hora | Actividad |\n|---|---|\n| 20:00 | Cena |\n"
    page += "| 22:00 | Hackeo nocturno |\n\n🕛 *24:00 → 23:00: cambio de hora.*\n\n"
    page += "**Domingo 4 de abril**\n\n| Hora | Actividad |\n|---|---|\n"
    page += "| 00:30 – 01:00 | Pizza de medianoche |\n| 14:00 | Premiación |\n\n"
    page += "Terminamos a las **14:30** aprox.\n"
    schedule = read_text(page).schedules[0]
    assert schedule.timezone_name == "America/Santiago"
    assert timeline(schedule) == [
        ("Cena", "2027-04-03T23:00Z", "2027-04-04T01:00Z"),
        ("Hackeo nocturno", "2027-04-04T01:00Z", "2027-04-04T04:30Z"),
        ("Pizza de medianoche", "2027-04-04T04:30Z", "2027-04-04T05:00Z"),
        ("Premiación", "2027-04-04T18:00Z", "2027-04-04T18:30Z"),
    ]


def test_an_evening_in_buenos_aires_written_in_hs() -> None:
    page = "**Meetups de marzo**\n*Publicado el 22/02/2027 por @flor en Eventos*\n\n"
    page += "### 🇦🇷 Buenos Aires — jueves 11/3\n\n"
    page += "- 19 hs — Llegada\n- 21 hs — Lightning talks\n\n"
    page += "Cerramos tipo 21:45 hs, que el edificio cierra a las 22.\n"
    assert timeline(read_text(page).schedules[0]) == [
        ("Llegada", "2027-03-11T22:00Z", "2027-03-12T00:00Z"),
        ("Lightning talks", "2027-03-12T00:00Z", "2027-03-12T00:45Z"),
    ]


def test_an_item_saying_on_which_later_day_it_ends_runs_until_then() -> None:
    listed = "# Hack Weekend — Berlin\n\n## Samstag, 24. Oktober 2026\n\n- **10:00** Doors\n"
    listed += (
        "- **11:30** 🚀 Hacking starts (and doesn't stop until code freeze on Sunday at 09:00)\n"
    )
    listed += "- **12:30** Lunch\n"
    assert timeline(read_text(listed).schedules[0])[1] == (
        "🚀 Hacking starts",
        "2026-10-24T09:30Z",
        "2026-10-25T08:00Z",  # 09:00 on Sunday, after the clocks went back
    )
    table = "# Hackathon — Manchester\n\nSaturday 24 October 2026\n\n| Time | What |\n|---|---|\n"
    table += (
        "| 10:15 | Pitches |\n| 11:00 | Hacking starts (ends 11:00 Sunday) |\n| 13:00 | Lunch |\n"
    )
    assert timeline(read_text(table).schedules[0])[1] == (
        "Hacking starts",
        "2026-10-24T10:00Z",
        "2026-10-25T11:00Z",
    )
