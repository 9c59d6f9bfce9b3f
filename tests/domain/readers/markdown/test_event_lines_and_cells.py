"""Lines and cells that say less than they seem: a line that introduces an event already held
("Previous event: …", "上一期：…") names no event of the page, a time range wrapped over two
lines is one range, and a placeholder ("—", "n/a") in a names column is nobody."""

from __future__ import annotations

import pytest

from tests.helpers import messages, read_text, timeline, utc

_PAGE = (
    "# Rust Night\n\nThursday, 10 December 2026, 18:30, Lisbon\n\n- 18:45 Doors\n- 19:00 Talk\n\n"
)


@pytest.mark.parametrize(
    "line",
    [
        "Previous event: 12 November 2026",
        "**Last meetup:** 12 November 2026, 18:30",
        "Past events: 12 November 2026 and 8 October 2026",
        "上一期：2026年11月12日",
        "上次活动：2026年11月12日 18:30",
        "前回：2026年11月12日",
    ],
)
def test_a_past_events_date_makes_no_schedule(line: str) -> None:
    result = read_text(_PAGE + line + "\n", "rust-night.md")
    assert [s.id for s in result.schedules] == ["rust-night"], messages(result)
    assert timeline(result.schedules[0]) == [
        ("Doors", "2026-12-10T18:45Z", "2026-12-10T19:00Z"),
        ("Talk", "2026-12-10T19:00Z", None),
    ]


@pytest.mark.parametrize(
    "line", ["Last talk: 20:30 Lightning round", "20:30 Last meetup of the year: drinks"]
)
def test_the_last_session_of_the_night_is_still_read(line: str) -> None:
    result = read_text(_PAGE + "- " + line + "\n", "rust-night.md")
    assert len(result.schedules[0].sessions) == 3, messages(result)


def test_a_time_range_wrapped_over_two_lines_is_one_range() -> None:
    page = (
        "# Rust Night\n\nWhen: Thursday 10 December 2026, 18:30 –\n21:00 (Lisbon time)\n\n"
        "Where: Talkdesk office, Lisbon\n\n## Talks\n\n- 18:45 Doors\n- 19:00 Talk\n"
    )
    result = read_text(page, "rust-night.md")
    [schedule] = result.schedules
    assert timeline(schedule) == [
        ("Doors", "2026-12-10T18:45Z", "2026-12-10T19:00Z"),
        ("Talk", "2026-12-10T19:00Z", "2026-12-10T21:00Z"),
    ]
    assert schedule.venue == "Talkdesk office, Lisbon"


def test_a_placeholder_in_a_speaker_column_is_nobody() -> None:
    page = (
        "# Meetup\n\n12 March 2026, Lyon\n\n| Time | Talk | Speaker |\n| --- | --- | --- |\n"
        "| 19:00 | Doors | n/a |\n| 19:30 | Talk | Ana Roe |\n| 20:00 | Drinks | — |\n"
    )
    [schedule] = read_text(page, "meetup.md").schedules
    assert [[p.name for p in s.speakers] for s in schedule.sessions] == [[], ["Ana Roe"], []]


@pytest.mark.parametrize("mark", ["", '"', "〃"])
def test_a_row_without_a_time_is_beside_the_row_above(mark: str) -> None:
    page = (
        "# DevConf\n\nFriday, 13 June 2025, 09:00 UTC\n\n"
        "| Time | Talk | Speaker |\n|---|---|---|\n"
        "| 10:00 | Podman 5 | Jan Novák |\n"
        f"| {mark} | Fedora CoreOS | Eva Dvořák |\n"
        "| | | |\n"
        "| 11:00 | Lunch | |\n"
        "| | Coffee in the hall | |\n"
    )
    result = read_text(page, "devconf.md")
    assert timeline(result.schedules[0]) == [
        ("Podman 5", "2025-06-13T10:00Z", "2025-06-13T11:00Z"),
        ("Fedora CoreOS", "2025-06-13T10:00Z", "2025-06-13T11:00Z"),
        ("Lunch", "2025-06-13T11:00Z", None),
        ("Coffee in the hall", "2025-06-13T11:00Z", None),
    ], messages(result)
    assert not any("no time" in m for m in messages(result))


def test_a_row_of_another_day_without_a_time_is_not_beside_the_row_above() -> None:
    page = (
        "# Meetups\n\nBerlin\n\n| Date | Time | Event |\n|---|---|---|\n"
        "| 14 June 2025 | 18:00 | Meetup A |\n"
        "| | | Pub quiz |\n"
        "| 21 June 2025 | | Meetup B |\n"
    )
    result = read_text(page, "meetups.md")
    assert timeline(result.schedules[0]) == [
        ("Meetup A", "2025-06-14T16:00Z", None),
        ("Pub quiz", "2025-06-14T16:00Z", None),
    ], messages(result)
    assert any("row has no time ('empty'); skipped" in m for m in messages(result))


def test_a_range_over_two_dates_with_their_times_and_bold_day_lines() -> None:
    page = (
        "# Cloud Bootcamp\n\nFri, May 16, 2025, 9:00 AM – Sat, May 17, 2025, 4:30 PM EAT\n\n"
        "Nairobi, Kenya\n\n## Agenda\n\n**Day 1**\n\n9:00 AM - 9:30 AM\n**Registration**\n\n"
        "9:30 AM - 12:30 PM\n**Lab 1**\nAkinyi Otieno, Grace Mwangi\n\n**Day 2**\n\n"
        "9:00 AM - 11:30 AM\n**Lab 3**\nMercy Chebet\n\n11:30 AM - 12:30 PM\n**Career panel**\n"
        "Wanjiru Kamau, Halima Abdi, Esther Wambui\n"
    )
    result = read_text(page, "bootcamp.md")
    assert messages(result) == []  # 16:30 EAT is the end, not the start again in another zone
    [schedule] = result.schedules
    assert timeline(schedule) == [
        ("Registration", "2025-05-16T06:00Z", "2025-05-16T06:30Z"),
        ("Lab 1", "2025-05-16T06:30Z", "2025-05-16T09:30Z"),
        ("Lab 3", "2025-05-17T06:00Z", "2025-05-17T08:30Z"),
        ("Career panel", "2025-05-17T08:30Z", "2025-05-17T09:30Z"),
    ]
    names = [[p.name for p in s.speakers] for s in schedule.sessions]
    assert names[1] == ["Akinyi Otieno", "Grace Mwangi"]
    assert names[3] == ["Wanjiru Kamau", "Halima Abdi", "Esther Wambui"]


def test_an_event_over_two_dates_with_their_times_ends_on_the_second() -> None:
    result = read_text(
        "# Hack weekend\n\nSat, June 7, 2025, 10:00 – Sun, June 8, 2025, 16:00 (Europe/Berlin)\n"
    )
    [schedule] = result.schedules
    assert timeline(schedule) == [("Hack weekend", "2025-06-07T08:00Z", "2025-06-08T14:00Z")]


def test_a_line_restating_the_start_in_another_zone_does_not_move_the_day() -> None:
    page = (
        "# Study Group Online #31\n\n**日時:** 2026年3月12日（木）10:00〜11:45 **JST**\n"
        "(US: Wednesday, March 11, 6:00 PM – 7:45 PM PT)\n\n### Timetable\n\n"
        "- **10:00〜10:05 JST** [Wed 18:00–18:05 PT] — Opening\n"
        "- **10:05〜10:40 JST** [Wed 18:05–18:40 PT] — Cilium 入門\n"
    )
    [schedule] = read_text(page, "study.md").schedules
    assert timeline(schedule) == [
        ("Opening", "2026-03-12T01:00Z", "2026-03-12T01:05Z"),
        ("Cilium 入門", "2026-03-12T01:05Z", "2026-03-12T01:40Z"),
    ]


def test_lines_wrapped_under_a_session_line_name_its_speaker() -> None:
    page = (
        "# AI Meetup\n\nSaturday, 23 August 2025 · Bengaluru (IST)\n\n"
        "**11:00 AM - 11:10 AM** — Welcome Note\n*Priya Raghavan, Community Lead*\n\n"
        "**11:10 AM - 11:50 AM** — Evals that work\n*Karthik Subramanian, ML Engineer @ Sarvam*\n\n"
    )
    [schedule] = read_text(page, "ai.md").schedules
    assert [(s.title, [p.name for p in s.speakers]) for s in schedule.sessions] == [
        ("Welcome Note", ["Priya Raghavan"]),
        ("Evals that work", ["Karthik Subramanian"]),
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Doors 6pm, talks 6:30pm, ends 9pm.",
            [
                ("Doors", "2026-04-15T22:00Z", "2026-04-15T22:30Z"),
                ("Talks", "2026-04-15T22:30Z", "2026-04-16T01:00Z"),
            ],
        ),
        (
            "Doors at 18:00 · Talks 18:30 · Drinks 20:30",
            [
                ("Doors", "2026-04-15T22:00Z", "2026-04-15T22:30Z"),
                ("Talks", "2026-04-15T22:30Z", "2026-04-16T00:30Z"),
                ("Drinks", "2026-04-16T00:30Z", None),
            ],
        ),
    ],
)
def test_an_evening_on_one_line(line: str, expected: list[tuple[str, str, str | None]]) -> None:
    page = f"# Rust Night\n\n**Wednesday, April 15, 2026** · Toronto\n\n{line}\n\n## Talks\n\nSee you!\n"
    [schedule] = read_text(page, "rust.md").schedules
    assert timeline(schedule) == expected


def test_hours_under_a_city_heading_and_a_who_line_after_the_hours() -> None:
    page = (
        "# Gira\n\n## Buenos Aires — sábado 18 de abril de 2026\n\n"
        "**De 18:00 a 20:00 hs (hora de Argentina)**\n\n- **18:00 hs** — Acreditación\n"
        "- **19:40 hs** — Preguntas abiertas\n\n## Next call: Thursday, January 15, 2026\n\n"
        "8:00 AM PT / 16:00 UTC · Host: @mkowalski\n\n- 8:00 Welcome\n- 8:55 Open floor\n"
    )
    first, second = read_text(page, "gira.md").schedules
    assert timeline(first) == [
        ("Acreditación", "2026-04-18T21:00Z", "2026-04-18T22:40Z"),
        ("Preguntas abiertas", "2026-04-18T22:40Z", "2026-04-18T23:00Z"),
    ]
    assert [title for title, _, _ in timeline(second)] == ["Welcome", "Open floor"]


def test_a_deadline_after_the_event_is_not_an_event() -> None:
    page = (
        "# Game Jam Opening Night\n\n**When:** Friday 6 February 2026, 17:30 (SAST), Cape Town\n\n"
        "- 17:30 Arrival\n- 18:30 Theme reveal\n\n## After Friday\n\n"
        "Saturday and Sunday are remote: post devlogs, and submit on\n"
        "itch.io by **Sunday 8 February, 18:00 SAST**. The showcase is the Wednesday after.\n"
    )
    result = read_text(page, "jam.md")
    assert [s.id for s in result.schedules] == ["jam"], messages(result)


@pytest.mark.parametrize(
    "closing",
    [
        "We sluiten rond 22.00 uur af.",
        "Schluss ist um 22:00 Uhr, dann müssen wir das Büro räumen.",
        "O auditório fecha às 22h00.",
    ],
)
def test_a_closing_time_in_prose_ends_the_last_item_and_other_closings_do_not(
    closing: str,
) -> None:
    page = (
        "# Meetup\n\n**Donderdag 21 mei 2026**, Utrecht\n\n- 19:00 Welkom\n- 20:45 Borrel\n\n"
        "De parkeergarage sluit om 23.00 uur. El Metro cierra a las 23:30.\n\n"
        f"{closing}\n\n## Eerdere edities\n\n- #30 — 16 april 2026: Observability\n"
    )
    [schedule] = read_text(page, "meetup.md").schedules
    assert timeline(schedule)[-1] == ("Borrel", "2026-05-21T18:45Z", "2026-05-21T20:00Z")


def test_a_digest_of_events_each_under_its_city_heading_even_on_the_same_day() -> None:
    page = (
        "# Chapter digest\n\n### São Paulo\n\n**SQL night**\n"
        "🗓 Thursday 8 October 2026, 19h–21h30 (Brasília time, UTC−3)\n\n"
        "### Sydney\n\n**Careers panel**\n🗓 Thursday 8 October 2026, 5:30pm – 8:00pm AEDT\n\n"
        "### Vancouver\n\n**ML workshop**\n🗓 Wednesday, October 14, 2026 · 6–9 p.m. PT\n\n"
        "## Awards\n\n提名截止时间为 **12 月 31 日 23:59（北京时间）**。\n"
    )
    schedules = read_text(page, "digest.md").schedules
    assert [s.timezone_name for s in schedules] == [
        "America/Sao_Paulo",
        "Australia/Sydney",
        "America/Vancouver",
    ]
    assert [timeline(s)[0][1] for s in schedules] == [
        "2026-10-08T22:00Z",
        "2026-10-08T06:30Z",
        "2026-10-15T01:00Z",
    ]


def test_next_day_sections_of_one_conference_and_a_tour_of_two_cities() -> None:
    conference = (
        "# Rust Day 2026 — Schedule (all times PDT)\n\nPortland.\n\n"
        "## Wednesday, March 11 — Workshops\n\n- **1:00 PM – 4:30 PM** Async Rust\n\n"
        "## Thursday, March 12 — Conference\n\n- **9:00 AM – 9:15 AM** Opening\n"
    )
    assert len(read_text(conference, "rust-day.md").schedules) == 1
    tour = (
        "# Rust tour 2026\n\n## Wednesday, March 11 — Madrid\n\n- 19:00 Charla\n\n"
        "## Thursday, March 12 — Lisboa\n\n- 19:00 Palestra\n"
    )
    assert len(read_text(tour, "tour.md").schedules) == 2


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Hari 1 — Jumat, 23 Oktober 2026 (Workshop)",
            "Hari 2 — Sabtu, 24 Oktober 2026 (Konferensi)",
        ),
        ("Ngày 1 — Thứ Sáu, 23/10/2026 (Workshop)", "Ngày 2 — Thứ Bảy, 24/10/2026 (Hội nghị)"),
        ("Dan 1 — petak, 23.10.2026. (radionice)", "Dan 2 — subota, 24.10.2026."),
    ],
)
def test_numbered_day_headings_in_more_languages_are_days_of_one_event(
    first: str, second: str
) -> None:
    page = f"# Fest 2026 — Jakarta\n\n## {first}\n\n- 13.00 – 14.30 Go dasar\n\n"
    page += f"## {second}\n\n- 08.00 – 09.00 Registrasi\n"
    result = read_text(page, "fest.md")
    assert len(result.schedules) == 1, messages(result)
    assert [utc(s.start) for s in result.schedules[0].sessions] == [
        "2026-10-23T06:00Z",
        "2026-10-24T01:00Z",
    ]


def test_cont_rows_closing_lines_and_a_walk_are_no_sessions() -> None:
    page = (
        "# R workshop day\n\n**Date:** 09/10/2025 (quinta-feira), Edinburgh\n\n"
        "**Doors 18:00 / Start 18:30**\n\n"
        "| Time | Session |\n|---|---|\n| 18:30 | Shiny from scratch |\n| 19:30 | *cont.* |\n"
        "| 20:30 | Lightning talks |\n| 20:55 | they kick us out at 9 sharp |\n\n"
        "(Haymarket station, 3 min walk)\n"
    )
    [schedule] = read_text(page, "r.md").schedules
    assert timeline(schedule) == [
        ("Doors", "2025-10-09T17:00Z", "2025-10-09T17:30Z"),
        ("Shiny from scratch", "2025-10-09T17:30Z", "2025-10-09T19:30Z"),
        ("Lightning talks", "2025-10-09T19:30Z", "2025-10-09T19:55Z"),
    ]


def test_a_labelled_list_of_details_after_pictographs_dates_the_event_not_its_deadline() -> None:
    page = "# Data Engineering Meetup #8 – Sài Gòn\n\n## Thông tin sự kiện\n\n"
    page += "- 🕗 **Thời gian:** 8h00 – 12h00, Thứ Bảy, ngày 20/03/2027\n"
    page += (
        "- 📝 **Đăng ký:** [Google Form](https://forms.gle/x) – hạn chót 23h59 ngày 15/03/2027\n\n"
    )
    page += "## Chương trình\n\n- **8h00 – 8h30:** Check-in\n- **8h30 – 8h45:** Khai mạc\n"
    result = read_text(page)
    assert [timeline(s) for s in result.schedules] == [
        [
            ("Check-in", "2027-03-20T01:00Z", "2027-03-20T01:30Z"),
            ("Khai mạc", "2027-03-20T01:30Z", "2027-03-20T01:45Z"),
        ]
    ], messages(result)


def test_a_dated_heading_on_the_eve_of_the_stated_days_opens_the_same_event() -> None:
    page = "# Floripa Dev Summit 2026\n\n**26 e 27 de novembro de 2026** · Florianópolis\n\n"
    page += "## Quarta, 25/11 — Esquenta 🍻\n\n- **19h** — Esquenta da comunidade\n\n"
    page += "## Quinta-feira, 26/11\n\n- **8h às 9h** — Credenciamento\n"
    result = read_text(page)
    assert [timeline(s) for s in result.schedules] == [
        [
            ("Esquenta da comunidade", "2026-11-25T22:00Z", None),
            ("Credenciamento", "2026-11-26T11:00Z", "2026-11-26T12:00Z"),
        ]
    ], messages(result)


def test_two_evenings_each_dated_over_its_indented_timetable_in_a_forum_post() -> None:
    page = (
        "**tidewater_eng** 3 days ago\n\nWe're doing open evenings in both offices this month:\n\n"
    )
    page += (
        "*Amsterdam* — Thursday 4 February 2027, Tidewater office, Keizersgracht 241 (canal side):"
    )
    page += "\n\n    18:00  doors, food\n    18:30  talk: Postgres at scale - Sanne de Vries\n\n"
    page += "*Singapore* — Thursday 11 February, our new office at 71 Ayer Rajah Crescent, #02-14:"
    page += "\n\n    6:30pm  doors + food\n    7:00pm  fireside chat\n"
    result = read_text(page)
    assert [(s.timezone_name, [utc(x.start) for x in s.sessions]) for s in result.schedules] == [
        ("Europe/Amsterdam", ["2027-02-04T17:00Z", "2027-02-04T17:30Z"]),
        ("Asia/Singapore", ["2027-02-11T10:30Z", "2027-02-11T11:00Z"]),
    ], messages(result)


def test_a_calendar_invitation_pasted_in_a_plain_block_dates_the_agenda_below_it() -> None:
    page = "# kiri\n\n## Community call\n\n```\nkiri monthly contributors call\n"
    page += "Thursday, January 14, 2027 · 8:00 – 9:00pm\nTime zone: Asia/Tokyo\n```\n\n"
    page += "### Agenda — January 14\n\n| Time | Item |\n|---|---|\n| 20:00 | Welcome |\n"
    page += "| 20:45 | Wrap-up & next call's date |\n"
    result = read_text(page)
    assert [timeline(s) for s in result.schedules] == [
        [
            ("Welcome", "2027-01-14T11:00Z", "2027-01-14T11:45Z"),
            ("Wrap-up & next call's date", "2027-01-14T11:45Z", "2027-01-14T12:00Z"),
        ]
    ], messages(result)
    logs = "# Build\n\n```\n" + "".join(f"2027-01-{d:02d} 08:00 build ok\n" for d in range(1, 6))
    assert read_text(logs + "```\n").schedules == []


def test_a_zone_written_as_an_iana_name_that_is_none_reads_at_its_place() -> None:
    # "Europe/Lyon" is no zone: before, the page was read at the default zone, in Shanghai
    result = read_text(
        "# Rencontre Go\n\n**Date :** 12 mars 2027, 19:00-21:00 (Europe/Lyon)\n\n"
        "- 19:00 Accueil\n- 19:30 Go et WebAssembly\n"
    )
    (schedule,) = result.schedules
    assert str(schedule.timezone) == "Europe/Paris"
    assert timeline(schedule) == [
        ("Accueil", "2027-03-12T18:00Z", "2027-03-12T18:30Z"),
        ("Go et WebAssembly", "2027-03-12T18:30Z", "2027-03-12T20:00Z"),
    ]
    assert messages(result) == [
        "3: warning: 'Europe/Lyon' is no time zone; read as Europe/Paris, the zone of Lyon"
    ]


def test_front_matter_timezone_that_is_no_zone_reads_at_its_place() -> None:
    result = read_text(
        "---\ntitle: Go night\ntimezone: America/San_Francisco\n---\n\n"
        "**Date:** 12 March 2027\n\n- 18:00 Talk\n- 19:00 Social\n"
    )
    (schedule,) = result.schedules
    assert timeline(schedule) == [
        ("Talk", "2027-03-13T02:00Z", "2027-03-13T03:00Z"),
        ("Social", "2027-03-13T03:00Z", None),
    ]
    assert messages(result) == [
        "3: warning: front matter timezone: unknown time zone 'America/San_Francisco'; "
        "San Francisco keeps America/Los_Angeles; read as America/Los_Angeles"
    ]


def test_a_time_restated_in_brackets_for_another_city_is_no_length_no_title_and_no_zone() -> None:
    # "(22h00 Lisboa)" was read as a length of 22 hours and "Lisboa) -" kept in the title;
    # "(22:50 hora de Lisboa)" put the São Paulo time 19:50 in Lisbon's zone
    result = read_text(
        "Data: quinta-feira, 13 de novembro de 2025\n"
        "Horário: das 19h às 21h30, horário de Porto Alegre\n\n"
        "19h00 (22h00 Lisboa) - Abertura e avisos\n"
        "19:10 (22:10 em Lisboa) - Observabilidade na prática, com a Mariana Kuhn\n"
        "19:50 (22:50 hora de Lisboa) - Painel\n"
    )
    (schedule,) = result.schedules
    assert str(schedule.timezone) == "America/Sao_Paulo"
    assert timeline(schedule) == [
        ("Abertura e avisos", "2025-11-13T22:00Z", "2025-11-13T22:10Z"),
        ("Observabilidade na prática", "2025-11-13T22:10Z", "2025-11-13T22:50Z"),
        ("Painel", "2025-11-13T22:50Z", "2025-11-14T00:30Z"),
    ]


def test_a_length_in_hours_and_minutes_closing_its_bracket_is_the_session_length() -> None:
    result = read_text("**Date:** 12 March 2027 (Europe/Berlin)\n\n- 10:00 (1h30) Workshop\n")
    (schedule,) = result.schedules
    assert timeline(schedule) == [("Workshop", "2027-03-12T09:00Z", "2027-03-12T10:30Z")]


def test_a_mails_date_under_its_to_and_subject_fields_is_when_it_was_sent() -> None:
    # the header "Date:" under "From:", "To:", "Subject:" dated the whole agenda 12 January
    result = read_text(
        "**From:** Divya <divya@example.org>\n**To:** pyladies@example.org\n"
        "**Subject:** Feb workshop agenda\n**Date:** Mon, 12 Jan 2026 21:14:08 +0530\n\n"
        "BENGALURU — Saturday, 7 February 2026\n\n"
        "09:30 – 10:00  Registration\n10:00 – 11:00  Python basics\n"
    )
    (schedule,) = result.schedules
    assert timeline(schedule) == [
        ("Registration", "2026-02-07T04:00Z", "2026-02-07T04:30Z"),
        ("Python basics", "2026-02-07T04:30Z", "2026-02-07T05:30Z"),
    ]


@pytest.mark.parametrize(
    "withdrawn",
    [
        "- 11:15–12:00 ~~Fordítási sprint a GNOME-ban~~ — **ELMARAD**, Horváth Bence beteg",
        "- [ ] `17h00`–`17h30` ~~Reunião da APyB~~ movida pro sábado, ver abaixo",
        "#### 🕚 11:15 — ~~Mapeo de ríos con imágenes de drones~~",
    ],
)
def test_a_struck_session_with_a_note_that_withdraws_it_is_no_session(withdrawn: str) -> None:
    result = read_text(
        f"**Date:** 25 October 2025 (Europe/Budapest)\n\n- 10:00–11:15 Opening\n\n{withdrawn}\n\n"
        "- 12:00–13:00 Lunch\n"
    )
    (schedule,) = result.schedules
    assert [title for title, _, _ in timeline(schedule)] == ["Opening", "Lunch"]
