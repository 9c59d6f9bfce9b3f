"""Rooms as columns ("| Time | Main Hall | Workshop Room |"), a company under a name in an HTML
cell, and the labels that name who leads a session ("Trainer:", "Moderator:", "主持人：")."""

from __future__ import annotations

import pytest

from bot.domain.agenda import Speaker
from bot.domain.readers.markdown.session_lines import room_after, room_around
from bot.domain.readers.markdown.vocabulary import Role, role_of
from tests.helpers import messages, read_text, timeline, utc

_TRACKS = """# Cascadia JS 2026

Seattle. All times Pacific.

## Day 1 — Saturday, October 31, 2026

| Time | Main Hall | Workshop Room |
|------|-----------|---------------|
| 9:00 AM – 9:50 AM | Opening keynote — Lea Verou | |
| 10:00 AM – 10:45 AM | Signals everywhere — Ryan Carniato | Hands-on Vite plugins — Evan Park |
| 12:00 PM – 1:00 PM | Lunch | |
"""


def test_each_room_column_is_a_track_and_a_lone_first_cell_is_for_everyone() -> None:
    result = read_text(_TRACKS)
    assert not [m for m in messages(result) if "no session title" in m]
    sessions = result.schedules[0].sessions
    assert [(s.title, s.location, s.track) for s in sessions] == [
        ("Opening keynote", None, None),
        ("Signals everywhere", "Main Hall", "Main Hall"),
        ("Hands-on Vite plugins", "Workshop Room", "Workshop Room"),
        ("Lunch", None, None),
    ]
    assert timeline(result.schedules[0])[2] == (
        "Hands-on Vite plugins",
        "2026-10-31T17:00Z",
        "2026-10-31T17:45Z",
    )
    assert sessions[2].speakers == (Speaker("Evan Park"),)


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("Workshop Room", Role.LOCATION),
        ("Session Hall", Role.LOCATION),
        ("Frontend Track", Role.TRACK),
        ("Session title", Role.TITLE),
        ("Time (CST)", Role.TIME),
    ],
)
def test_a_header_ending_in_a_room_word_names_a_room(header: str, role: Role) -> None:
    assert role_of(header) is role


def test_a_company_on_the_line_under_a_name_in_an_html_cell_is_the_affiliation() -> None:
    page = (
        "<!DOCTYPE html><html><head><title>Elixir AMS</title></head><body>"
        "<h1>Elixir AMS</h1><p>Wednesday 7 October 2026, Amsterdam</p>"
        "<table><thead><tr><th>Time</th><th>What</th><th>Who</th></tr></thead><tbody>"
        "<tr><td>18:45</td><td>LiveView Native</td>"
        "<td>Brian Cardarella<br><small>DockYard</small></td></tr>"
        "<tr><td>19:30</td><td>Pairing</td><td>Jane Roe<br>Wei Li</td></tr>"
        "</tbody></table></body></html>"
    )
    sessions = read_text(page, "page.html").schedules[0].sessions
    assert sessions[0].speakers == (Speaker("Brian Cardarella", "DockYard"),)
    assert sessions[1].speakers == (Speaker("Jane Roe"), Speaker("Wei Li"))


@pytest.mark.parametrize(
    "label",
    [
        "Trainer",
        "Coach",
        "Facilitator",
        "Host",
        "Moderator",
        "Instructor",
        "Presenter",
        "Referent",
        "Referentin",
        "Intervenant",
        "Ponente",
        "讲师",
        "主持人",
        "分享嘉宾",
    ],
)
def test_a_label_naming_who_leads_the_session_gives_its_speaker(label: str) -> None:
    page = (
        "# Terraform Workshop Day — Zürich\n\n"
        "**Date:** Saturday, 16 May 2026, 09:00–17:00\n\n"
        f"{label}: Lukas Meier (HashiCorp Ambassador)\n"
    )
    schedule = read_text(page).schedules[0]
    people = {p for s in schedule.sessions for p in s.speakers}
    assert people == {Speaker("Lukas Meier", "HashiCorp Ambassador")}


def test_parallel_sessions_nested_under_a_slot_each_in_its_room() -> None:
    page = (
        "# Journée Data\n\nJeudi 4 juin 2026, Toulouse (heure de Paris)\n\n"
        "- **10h15 – 10h45** · Pause café\n"
        "- **10h45 – 11h30** · deux sessions en parallèle :\n"
        "  - Amphi Fermat : *DuckDB en production* — Sophie Marchetti (Airbus)\n"
        "  - Salle Gauss : *Atelier Polars* — Thomas Nguyen\n"
        "- **11h30 – 12h15** · *Qualité des données* — Élodie Garnier et Mathieu Roux (Météo-France)\n"
        "- **À partir de 17h00** · Apéritif de clôture\n"
    )
    [schedule] = read_text(page, "data.md").schedules
    assert [(s.title, s.location, [p.name for p in s.speakers]) for s in schedule.sessions] == [
        ("Pause café", None, []),
        ("DuckDB en production", "Amphi Fermat", ["Sophie Marchetti"]),
        ("Atelier Polars", "Salle Gauss", ["Thomas Nguyen"]),
        ("Qualité des données", None, ["Élodie Garnier", "Mathieu Roux"]),
        ("Apéritif de clôture", None, []),
    ]
    assert timeline(schedule)[1][1:] == ("2026-06-04T08:45Z", "2026-06-04T09:30Z")
    assert timeline(schedule)[4][1:] == ("2026-06-04T15:00Z", None)


@pytest.mark.parametrize(
    "mark", ["*(workshop continues)*", "⬆ Fortsetzung", "(cont.)", "continued"]
)
def test_a_room_cell_saying_the_session_goes_on_extends_it(mark: str) -> None:
    page = (
        "# DevFest\n\n**Date:** 22 November 2025, Lagos\n\n"
        "| Time | Main Hall | Lekki Room |\n|---|---|---|\n"
        "| 10:00 – 10:40 | Flutter at scale | Workshop: Gemini API |\n"
        f"| 10:50 – 11:30 | Compose in production | {mark} |\n"
    )
    [schedule] = read_text(page, "devfest.md").schedules
    assert sorted(timeline(schedule)) == [
        ("Compose in production", "2025-11-22T09:50Z", "2025-11-22T10:30Z"),
        ("Flutter at scale", "2025-11-22T09:00Z", "2025-11-22T09:40Z"),
        ("Workshop: Gemini API", "2025-11-22T09:00Z", "2025-11-22T10:30Z"),
    ]


def test_a_room_grid_with_a_room_named_like_a_title_column() -> None:
    page = (
        "# DevDay\n\n**Date:** 22 January 2026, Bengaluru\n\n"
        "| Time | Main Hall | Room 201 | Workshop Lab |\n|---|---|---|---|\n"
        "| 09:30 – 10:15 | Keynote: Running UPI-scale platforms<br>Anjali Menon | | |\n"
        "| 10:45 – 11:30 | Golden paths without golden cages<br>Rohan Kulkarni | "
        "SBOMs that someone actually reads<br>Fatima Sheikh | Hands-on: eBPF tools in Go<br>Karthik |\n"
    )
    [schedule] = read_text(page, "devday.md").schedules
    assert sorted((s.title, s.location) for s in schedule.sessions) == [
        ("Golden paths without golden cages", "Main Hall"),
        ("Hands-on: eBPF tools in Go", "Workshop Lab"),
        ("Keynote: Running UPI-scale platforms", None),
        ("SBOMs that someone actually reads", "Room 201"),
    ]


def test_breakouts_listed_under_a_slot_paragraph_and_a_struck_room() -> None:
    page = (
        "# Summit\n\n📅 2026-05-19\n📍 Nailab, Nairobi\n🕘 8:30 AM – 4:00 PM (EAT)\n\n"
        "- **12:30 – 13:30** Lunch\n\n**13:30 – 14:30 — Breakout sessions (pick one)**\n\n"
        "- *Main Hall:* Compose clinic — Dennis Kibet\n"
        "- *~~Lab 1~~ Lab 2:* Daraja API — Faith Njeri\n\n"
        "- **14:30 – 15:15** Panel\n- **15:30** Networking\n"
    )
    [schedule] = read_text(page, "summit.md").schedules
    assert [(title, start, end) for title, start, end in timeline(schedule)] == [
        ("Lunch", "2026-05-19T09:30Z", "2026-05-19T10:30Z"),
        ("Compose clinic", "2026-05-19T10:30Z", "2026-05-19T11:30Z"),
        ("Daraja API", "2026-05-19T10:30Z", "2026-05-19T11:30Z"),
        ("Panel", "2026-05-19T11:30Z", "2026-05-19T12:15Z"),
        ("Networking", "2026-05-19T12:30Z", "2026-05-19T13:00Z"),  # the day's 4:00 PM end
    ]
    assert [s.location for s in schedule.sessions][1:3] == ["Main Hall", "Lab 2"]


def test_bullets_under_a_bold_slot_are_its_sessions_each_in_its_track_and_room() -> None:
    page = "# Cloud Day — Sydney\n\nFriday 19 February 2027. _All times are AEDT (UTC+11)._\n\n"
    page += "**9:45am – 10:15am** · Morning tea — Level 3 foyer\n\n**1:35pm – 2:20pm**\n\n"
    page += "- 🟦 **Platform** (Great Hall): *OpenTelemetry: from zero to useful* — Ben Kaplan\n"
    page += "- 🟥 **Security** (Room 11.B.06): **Hands-on lab (1:35pm – 3:35pm):** *Breaking IAM*\n"
    page += "\n**2:20pm – 2:50pm** · Afternoon tea\n"
    [schedule] = read_text(page).schedules
    assert timeline(schedule) == [
        ("Morning tea", "2027-02-18T22:45Z", "2027-02-18T23:15Z"),
        ("OpenTelemetry: from zero to useful", "2027-02-19T02:35Z", "2027-02-19T03:20Z"),
        ("Hands-on lab: Breaking IAM", "2027-02-19T02:35Z", "2027-02-19T04:35Z"),
        ("Afternoon tea", "2027-02-19T03:20Z", "2027-02-19T03:50Z"),
    ]
    where = [(s.track, s.location) for s in schedule.sessions]
    assert where == [
        (None, "Level 3 foyer"),
        ("Platform", "Great Hall"),
        ("Security", "Room 11.B.06"),
        (None, None),
    ]


def test_a_room_cells_own_hours_in_a_row_that_gives_only_a_start_end_its_session() -> None:
    page = "# DevFest Toronto\n\nSaturday, November 14, 2026\n\n| Time | Hall A | Lab |\n|---|---|---|\n"
    page += "| 3:05 PM | Shipping LLM features | **Workshop (3:05–4:30 PM):** Build an agent |\n"
    page += "| 3:50 PM | WebGPU for the curious | |\n| 4:35 PM | Closing remarks | |\n"
    [schedule] = read_text(page).schedules
    assert [(s.title, s.end.strftime("%H:%M") if s.end else None) for s in schedule.sessions] == [
        ("Shipping LLM features", "15:50"),
        ("Workshop: Build an agent", "16:30"),
        ("WebGPU for the curious", "16:35"),
        ("Closing remarks", None),
    ]


def test_items_under_a_slot_of_parallel_tracks_are_its_sessions_with_or_without_a_label() -> None:
    page = "# Sommerskole — Bergen\n\n### Onsdag 19. august 2026\n\n"
    page += "- **09.00–12.00** Gruppearbeid i to parallelle spor:\n"
    page += "  - Gruppe A – Havmodellering (Datalab 1), veileder *Erik Solberg*\n"
    page += "  - Gruppe B – Atmosfæremodellering\n- **12.00–13.00** Lunsj\n\n"
    page += "### 11:00 AM – 12:30 PM · Breakout Sessions\n"
    page += "- **Supply Chain Security** — Vineyard Room — Omar Haddad, OpenSSF\n"
    [schedule] = read_text(page).schedules
    assert [(s.start.hour, s.location) for s in schedule.sessions] == [
        (9, "Datalab 1"),
        (9, None),
        (11, "Vineyard Room"),
        (12, None),
    ]
    assert schedule.sessions[2].title == "Supply Chain Security"


def test_a_bold_slot_in_a_list_gives_each_nested_item_as_a_session_of_its_track() -> None:
    page = (
        "# Floripa Dev Summit 2026\n\n## Quinta-feira, 26/11/2026\n\n- **9h às 9h45** — Abertura\n"
    )
    page += "- **10h às 10h45**\n  - [Trilha Web] Next.js sem mistério — *Lucas Andrade*\n"
    page += (
        "  - [Trilha Dados] dbt na prática — *Juliana Costa*\n- **10h45 às 11h15** — Coffee break\n"
    )
    [schedule] = read_text(page).schedules
    assert [(s.title, s.track, s.start.hour) for s in schedule.sessions] == [
        ("Abertura", None, 9),
        ("Next.js sem mistério", "Trilha Web", 10),
        ("dbt na prática", "Trilha Dados", 10),
        ("Coffee break", None, 10),
    ]


def test_a_session_spanning_rows_of_an_html_table_runs_on_in_its_room() -> None:
    page = "# Emilia Dev Days — Bologna\n\nGiovedì 15 ottobre 2026\n\n<table>\n"
    page += "<thead><tr><th>Orario</th><th>Sala Grande</th><th>Laboratorio</th></tr></thead>\n"
    page += '<tbody>\n<tr><td>08:30</td><td colspan="2">Registrazione</td></tr>\n'
    page += (
        '<tr><td>10:15 – 11:00</td><td>Rust in produzione</td><td rowspan="3">Workshop</td></tr>\n'
    )
    page += "<tr><td>11:00 – 11:30</td><td>Pausa caffè</td></tr>\n"
    page += "<tr><td>11:30 – 12:15</td><td>PostGIS</td></tr>\n"
    page += (
        "<tr><td>12:15 – 13:00</td><td>Lightning talks</td><td>Bash</td></tr>\n</tbody>\n</table>\n"
    )
    [schedule] = read_text(page).schedules
    assert [(s.title, s.location, utc(s.start), utc(s.end)) for s in schedule.sessions] == [
        ("Registrazione", None, "2026-10-15T06:30Z", "2026-10-15T08:15Z"),
        ("Rust in produzione", "Sala Grande", "2026-10-15T08:15Z", "2026-10-15T09:00Z"),
        ("Workshop", "Laboratorio", "2026-10-15T08:15Z", "2026-10-15T10:15Z"),
        ("Pausa caffè", "Sala Grande", "2026-10-15T09:00Z", "2026-10-15T09:30Z"),
        ("PostGIS", "Sala Grande", "2026-10-15T09:30Z", "2026-10-15T10:15Z"),
        ("Lightning talks", "Sala Grande", "2026-10-15T10:15Z", "2026-10-15T11:00Z"),
        ("Bash", "Laboratorio", "2026-10-15T10:15Z", "2026-10-15T11:00Z"),
    ]


@pytest.mark.parametrize(
    ("title", "room"),
    [
        ("Välkomna! Presentation av dataseten (Hörsalen)", "Hörsalen"),
        ("Registrering og kaffe (Foajeen)", "Foajeen"),
        ("Datalab: kom i gang med NorESM (Datalab 2)", "Datalab 2"),
        ("Maratón de datos por equipos (Salón Monserrate)", "Salón Monserrate"),
        ("Einführung (Hörsaal 1)", "Hörsaal 1"),
        ("Lunsj (Kantina)", "Kantina"),
    ],
)
def test_rooms_named_in_more_languages_leave_the_title(title: str, room: str) -> None:
    assert room_after(title) == (title[: title.index(" (")], room)


def test_a_company_in_brackets_is_no_room() -> None:
    assert room_after("CI pipelines that scale (GitLab)") == (
        "CI pipelines that scale (GitLab)",
        None,
    )


def test_a_session_export_block_gives_title_room_and_speakers_not_its_length_and_level() -> None:
    page = "# DevFest Nairobi 2026\n\n## Friday, 20 November 2026\n\n### Registration & breakfast\n"
    page += "🕗 08:00 – 09:00 · 60 min · 📍 Foyer\n\n### Gemini on-device\n"
    page += "🕚 11:10 – 11:50 · 40 min · 📍 Hall A · Intermediate\n"
    page += "👤 Kevin Ochieng — ML Engineer, Safaricom\n👤 Faith Njeri — Android Engineer, Twiga Foods\n"
    [schedule] = read_text(page).schedules
    assert [(s.title, s.location, [p.name for p in s.speakers]) for s in schedule.sessions] == [
        ("Registration & breakfast", "Foyer", []),
        ("Gemini on-device", "Hall A", ["Kevin Ochieng", "Faith Njeri"]),
    ]


def test_text_after_bold_words_in_an_html_cell_keeps_its_space() -> None:
    page = "# Emilia Dev Days\n\nGiovedì 15 ottobre 2026 — Bologna\n\n<table>\n"
    page += "<tr><th>Orario</th><th>Evento</th></tr>\n"
    page += (
        "<tr><td>19:30</td><td><strong>Aperitivo sociale</strong> all'Osteria</td></tr>\n</table>\n"
    )
    [schedule] = read_text(page).schedules
    assert schedule.sessions[0].title == "Aperitivo sociale all'Osteria"


def test_a_track_column_naming_rooms_and_greek_room_headings_say_where() -> None:
    table = "# Tejo Conf — Lisboa\n\n| Date | Time | Session | Track |\n|---|---|---|---|\n"
    table += "| 23 Oct 2026 | 10:00 – 10:45 | Opening keynote | Auditório |\n"
    table += "| 23 Oct 2026 | 11:00 – 11:45 | Rust at the edge | Sala 2 |\n"
    assert [s.location for s in read_text(table).schedules[0].sessions] == ["Auditório", "Sala 2"]
    greek = "# Open Source Days — Θεσσαλονίκη\n\n## Σάββατο 27 Μαρτίου 2027\n\n### Αμφιθέατρο Α\n\n"
    greek += "- 10:00–10:45 Εισαγωγή στο Rust\n\n### Αίθουσα 10\n\n- 10:00–10:45 PostgreSQL\n"
    locations = [s.location for s in read_text(greek).schedules[0].sessions]
    assert sorted(locations) == ["Αίθουσα 10", "Αμφιθέατρο Α"]


def test_a_rooms_cell_gives_its_own_hours_after_the_speakers_name() -> None:
    page = "# Linux Day, Bologna — sabato 26 ottobre 2024\n\n"
    page += "| Orario | Aula Magna | Aula 2 |\n|---|---|---|\n"
    page += "| 14.00 – 14.45 | Introduzione a NixOS — *Davide Conti* | "
    page += "Laboratorio Bash — *Elena Marchetti* (14.00 – 15.30) |\n"
    page += "| 14.45 – 15.30 | Privacy sullo smartphone — *Stefano Galli* | ⬆️ |\n"
    lab = next(s for s in read_text(page).schedules[0].sessions if s.location == "Aula 2")
    assert (lab.title, lab.speakers, utc(lab.end)) == (
        "Laboratorio Bash",
        (Speaker("Elena Marchetti"),),
        "2024-10-26T13:30Z",
    )


def test_a_pinned_line_under_a_listed_session_is_its_room_whatever_it_is_called() -> None:
    page = "# Data Summit, Toronto\n\n### Day 1 — Tue, 14 Oct 2025\n\n"
    page += "- **8:00 AM – 9:00 AM** · Badge pickup & breakfast\n  📍 Level 700 Foyer\n"
    page += "- **9:00 AM – 9:45 AM** · Opening keynote\n  🎤 Priya Raman\n  📍 Room 714\n"
    sessions = read_text(page).schedules[0].sessions
    assert [(s.title, s.location) for s in sessions] == [
        ("Badge pickup & breakfast", "Level 700 Foyer"),
        ("Opening keynote", "Room 714"),
    ]


def test_a_titles_own_end_after_a_dash_is_its_end_not_its_title() -> None:
    page = "# Barcamp Wellington — Saturday 6 September 2025\n\n"
    page += "**4.15pm** Session slot 6\n\n**4.45pm** Closing & thank yous — finish 5.00pm\n"
    assert timeline(read_text(page).schedules[0])[-1] == (
        "Closing & thank yous",
        "2025-09-06T04:45Z",
        "2025-09-06T05:00Z",
    )


def test_paragraphs_opened_by_their_room_under_a_time_heading_are_parallel_sessions() -> None:
    page = "# WordCamp Zaragoza — sábado 10 de mayo de 2025\n\n### 9:45\n\n"
    page += "**Auditorio** — [Gutenberg en 2025](https://example.org/a)\nLucía Berges\n\n"
    page += (
        "**Sala Laboratorio** — [Taller: theme.json](https://example.org/b)\nJavier Lasheras\n\n"
    )
    page += "### 10:25\n\n**Auditorio** — Accesibilidad web\nMarta Gimeno\n\n### 11:15\n\n**Pausa café**\n"
    sessions = read_text(page).schedules[0].sessions
    assert [(s.title, s.location, [p.name for p in s.speakers]) for s in sessions[:3]] == [
        ("Gutenberg en 2025", "Auditorio", ["Lucía Berges"]),
        ("Taller: theme.json", "Sala Laboratorio", ["Javier Lasheras"]),
        ("Accesibilidad web", "Auditorio", ["Marta Gimeno"]),
    ]
    assert utc(sessions[1].start) == "2025-05-10T07:45Z"


def test_a_room_named_before_a_dash_is_not_read_up_to_a_colon_in_the_title() -> None:
    assert room_around("Auditorio — Gutenberg en 2025: lo que ya puedes") == (
        "Gutenberg en 2025: lo que ya puedes",
        "Auditorio",
    )


def test_a_tracks_heading_names_its_room_after_a_dash() -> None:
    page = "# DevFest Campinas — sábado, 29 de novembro de 2025\n\n"
    page += "## Trilha 2 · Mobile & Web — Sala 3\n\n- **10h20 – 11h00** · Compose Multiplatform — Felipe Araújo\n"
    [session] = read_text(page).schedules[0].sessions
    assert (session.title, session.location) == ("Compose Multiplatform", "Sala 3")


def test_a_rooms_cell_saying_the_workshop_goes_on_abbreviated() -> None:
    page = "# KCD Chennai — Saturday, 23 August 2025\n\n| Time | Hall A | Hall B |\n|---|---|---|\n"
    page += "| 10:40 – 11:10 | Kafka at a Fintech | **Workshop:** GitOps with Argo CD |\n"
    page += "| 11:10 – 11:40 | Karpenter | ↑ workshop contd. |\n"
    sessions = read_text(page).schedules[0].sessions
    assert [(s.title, utc(s.end)) for s in sessions if s.location == "Hall B"] == [
        ("Workshop: GitOps with Argo CD", "2025-08-23T06:10Z")
    ]
