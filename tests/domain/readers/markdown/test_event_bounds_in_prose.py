"""Where an event's day, hours and end come from when the page says them around its agenda:
the year in the page's address, "from … until" in other languages, an end said in a sentence,
a later event under its own heading, and the time written over its title."""

from __future__ import annotations

import pytest

from tests.helpers import messages, read_text, timeline, utc


def test_the_year_in_the_pages_address_dates_an_agenda_without_one() -> None:
    page = "---\nlayout: page\npermalink: /events/2027/research-day/\n---\n\n"
    page += "# Research Day\n\nMilwaukee\n\n**Friday, April 16**\n\n- 9:00 am Coffee\n- 9:30 am Keynote\n"
    result = read_text(page)
    assert [title for title, _, _ in timeline(result.schedules[0])] == ["Coffee", "Keynote"]
    assert timeline(result.schedules[0])[0][1] == "2027-04-16T14:00Z"


def test_a_table_of_each_dates_start_in_other_zones_adds_no_sessions() -> None:
    page = "# Data meetup, Wellington 2026\n\n### Thu 17 September\n\n- 5:30pm Doors\n"
    page += "- 6:00pm Talk\n- 7:20pm Q&A\n\n#### Stream times\n\n"
    page += "| Talks start | Wellington | Sydney | Perth |\n|---|---|---|---|\n"
    page += "| 17 Sep | 6:00pm NZST | 4:00pm AEST | 2:00pm |\n"
    page += "| 1 Oct | 6:00pm NZDT | 3:00pm AEST | 1:00pm |\n"
    result = read_text(page)
    assert [[title for title, _, _ in timeline(s)] for s in result.schedules] == [
        ["Doors", "Talk", "Q&A"]
    ]


def test_the_way_in_closing_does_not_end_the_day_and_the_wrap_up_does() -> None:
    page = "# PyData meetup\n\n**Saturday, 25 July 2026**, Bengaluru\n\n"
    page += "Entry closes at 11 AM for security reasons, so come early.\n\n"
    page += "- 9:30 AM — Registrations\n- 10:00 — Talks\n- 4:00 — Closing + swag\n\n"
    page += "We wrap up by 4:30 PM.\n"
    assert timeline(read_text(page).schedules[0])[-1] == (
        "Closing + swag",
        "2026-07-25T10:30Z",
        "2026-07-25T11:00Z",
    )


def test_from_until_in_arabic_and_russian_gives_the_events_hours() -> None:
    arabic = "# لقاء بايثون القاهرة\n\n📅 السبت ١٧ مايو ٢٠٢٥\n"
    arabic += "🕠 **من** 5:30 مساءً **حتى** 9:00 مساءً بتوقيت القاهرة\n\n"
    arabic += "- **5:30 م** — التسجيل\n- **8:45 م** — تعارف\n"
    assert timeline(read_text(arabic).schedules[0])[-1][2] == "2025-05-17T18:00Z"
    russian = "# Kotlin-митап\n\n## Ташкент — суббота, 17 апреля 2027\n\n"
    russian += "С 16:00 до 19:00 по ташкентскому времени:\n\n"
    russian += "* 16:00 — регистрация\n* 18:30 — вопросы-ответы\n"
    assert timeline(read_text(russian).schedules[0])[-1][2] == "2027-04-17T14:00Z"


def test_an_end_said_in_russian_ends_the_last_item() -> None:
    for sentence, end in (
        ("Завершаем около 22:00.", "2027-04-24T15:00Z"),
        ("Расходимся примерно в 21:00.", "2027-04-24T14:00Z"),
    ):
        page = "# Kotlin-митап\n\n## Новосибирск — суббота, 24 апреля 2027\n\n"
        page += "1. 18:00 — сбор\n2. 20:00 — пицца и общение\n\n" + sentence + "\n"
        assert timeline(read_text(page).schedules[0])[-1][2] == end


def test_a_time_restated_in_another_zone_after_a_title_is_not_part_of_it() -> None:
    page = "# Online meetup, İstanbul\n\n**12 Kasım 2025**\n\n"
    page += "- 19:00 — Açılış (17:00 CET)\n- 19:10 — Sohbet\n"
    assert timeline(read_text(page).schedules[0])[0][0] == "Açılış"


def test_a_meetup_already_held_named_with_its_month_is_not_an_event() -> None:
    page = "# Seoul Gophers 2026\n\n지난 2월 밋업(2월 12일, 판교) 발표 자료는 폴더에 있습니다.\n\n"
    page += "## 3월 밋업 — 3월 19일(목)\n\n- 19:00 입장\n- 19:30 발표\n- 21:20 종료 (뒷풀이는 자유롭게!)\n"
    result = read_text(page)
    assert [timeline(s) for s in result.schedules] == [
        [
            ("입장", "2026-03-19T10:00Z", "2026-03-19T10:30Z"),
            ("발표", "2026-03-19T10:30Z", "2026-03-19T12:20Z"),
        ]
    ]


def test_a_labelled_date_under_a_new_heading_after_an_agenda_starts_the_next_event() -> None:
    page = "# Gophers 2026, Seoul\n\n## April meetup — April 16 (Thu)\n\n"
    page += "- 19:00 Doors\n- 19:30 Talk\n\n## Hackathon\n\n"
    page += "**When:** Saturday, June 20, 1 PM – 10 PM\n"
    result = read_text(page)
    assert [timeline(s) for s in result.schedules] == [
        [("Doors", "2026-04-16T10:00Z", "2026-04-16T10:30Z"), ("Talk", "2026-04-16T10:30Z", None)],
        [("Hackathon", "2026-06-20T04:00Z", "2026-06-20T13:00Z")],
    ]


def test_an_ambiguous_abbreviation_settled_by_the_pages_place_says_so() -> None:
    page = "# Data Day 2027\n\n**sáb, 10 abr 2027 9:30 - 18:00 CST**\n\n"
    page += "Foro Cultural, Ciudad de México\n\n- 9:30 Registro\n"
    result = read_text(page)
    assert result.schedules[0].timezone_name == "America/Mexico_City"
    assert messages(result) == [
        "3: warning: CST read as America/Mexico_City, the zone of the place the page names"
    ]


def test_a_time_line_right_over_a_heading_is_that_headings_session() -> None:
    page = "# Data Day CDMX\n\n**sáb, 10 abr 2027 9:30 - 18:00 CST**\n\n"
    page += "**9:30 a. m. - 10:00 a. m.**\n### Registro y café\n\n"
    page += "**10:00 a. m. - 10:15 a. m.**\n### Bienvenida\nAnfitrión: Fernanda Guzmán\n"
    schedule = read_text(page).schedules[0]
    assert timeline(schedule) == [
        ("Registro y café", "2027-04-10T15:30Z", "2027-04-10T16:00Z"),
        ("Bienvenida", "2027-04-10T16:00Z", "2027-04-10T16:15Z"),
    ]
    assert [s.name for s in schedule.sessions[1].speakers] == ["Fernanda Guzmán"]


def test_a_speakers_talk_under_a_city_heading_keeps_that_citys_zone_and_both_dated_slots() -> None:
    page = "# Speaking\n\n## Upcoming\n\n### DevOpsDays Amsterdam 2026 — Amsterdam\n"
    page += "**Tuesday 12 May 2026**, 14:30–15:00 CEST · Main Stage\n**SLOs that matter**\n\n"
    page += "### Windy City Meetup — Chicago 🇺🇸\n**Wednesday, June 3, 2026** · 7:00 PM · Braintrail HQ\n"
    page += "**Incident reviews**\n\n### Infra Sampa 2026 — São Paulo\nTwo slots:\n"
    page += "- **Ter, 13/10/2026 · 9h–12h** — Workshop: Hands-on SLOs\n"
    page += "- **Qua, 14/10/2026 · 16h–16h40** — Talk: On-call without burnout\n"
    result = read_text(page)
    assert [(s.timezone_name, [utc(x.start) for x in s.sessions]) for s in result.schedules] == [
        ("Europe/Amsterdam", ["2026-05-12T12:30Z"]),
        ("America/Chicago", ["2026-06-04T00:00Z"]),
        ("America/Sao_Paulo", ["2026-10-13T12:00Z", "2026-10-14T19:00Z"]),
    ], messages(result)


def test_a_zone_said_for_all_times_over_the_agenda_beats_one_said_for_viewers_elsewhere() -> None:
    page = "# Rust Auckland — October 2026\n\n**Thursday 15 October 2026 · 6:00pm – 8:30pm**\n\n"
    page += "> Watching from North America? The welcome is at **10:30pm PDT / 1:30am EDT**.\n\n"
    page += (
        "## Schedule\n\nAll times below are Auckland time (NZDT).\n\n| Time | What |\n|---|---|\n"
    )
    page += "| 6:00pm | Doors open |\n| 6:30pm | Welcome |\n"
    [schedule] = read_text(page).schedules
    assert schedule.timezone_name == "Pacific/Auckland"
    assert timeline(schedule)[0] == ("Doors open", "2026-10-15T05:00Z", "2026-10-15T05:30Z")


def test_a_line_marked_with_a_pin_names_the_venue_and_its_city_refines_an_offset() -> None:
    page = "# Cloud Native Gulf 2026\n\n📍 **Dubai Internet City**, Building 1, Auditorium\n"
    page += "📅 17 November 2026\n\nAll times are UTC+4.\n\n| Start | Session |\n|---|---|\n"
    page += "| 09:00 | Registration |\n| 09:30 | Keynote |\n"
    [schedule] = read_text(page).schedules
    assert (schedule.timezone_name, schedule.venue) == (
        "Asia/Dubai",
        "Dubai Internet City, Building 1, Auditorium",
    )


def test_a_bold_line_under_a_listed_talks_date_and_hours_is_its_title() -> None:
    page = "# Speaking\n\n### DevOpsDays Amsterdam 2026 — Amsterdam\n"
    page += (
        "**Tuesday 12 May 2026**, 14:30–15:00 CEST · Main Stage\n**SLOs that actually matter**\n\n"
    )
    page += "### Windy City Meetup — Chicago\n**Wednesday, June 3, 2026** · 7:00 PM\n"
    page += "**Incident reviews people actually read**\n"
    result = read_text(page)
    assert [[s.title for s in schedule.sessions] for schedule in result.schedules] == [
        ["SLOs that actually matter"],
        ["Incident reviews people actually read"],
    ]


def test_a_start_then_a_clause_saying_the_end_gives_the_events_hours_not_a_session() -> None:
    page = "# Rust Meetup Praha — čtvrtek 17. října 2024\n\n📍 Impact Hub, Praha\n"
    page += "🕕 od 18:00, akce končí ve **22:00** (pak do hospody)\n\n"
    page += "| Čas | Program |\n|---|---|\n| 18:00 | Otevření dveří |\n| 20:15 | Networking |\n"
    assert timeline(read_text(page).schedules[0]) == [
        ("Otevření dveří", "2024-10-17T16:00Z", "2024-10-17T18:15Z"),
        ("Networking", "2024-10-17T18:15Z", "2024-10-17T20:00Z"),
    ]


@pytest.mark.parametrize(
    ("page", "end"),
    [
        (  # Hungarian: the year first, and "-ig" (until) after the time
            "# Budapest Go Meetup\n\n- **Időpont:** 2024. november 21., csütörtök, 18:00-tól\n"
            "- **Helyszín:** Váci út 45., Budapest\n\nA terem **21:30-ig** áll rendelkezésünkre.\n\n"
            "### 18:00 – Kapunyitás\n\n### 20:00 – Kötetlen beszélgetés\n",
            "2024-11-21T20:30Z",
        ),
        (  # Swedish: the room closes at a dotted time after "kl."
            "# .NET Göteborg\n\n**Onsdag 12 februari 2025**, Göteborg\n\n"
            "- kl. 17.30 Mingel\n- kl. 20.10 Frågor och mingel\n\n"
            "Lokalen stänger **kl. 21.00**, därefter går vi till puben.\n",
            "2025-02-12T20:00Z",
        ),
        (  # Italian: "dalle 9.30 alle 17.30" on the date line ends the last item
            "# Linux Day Bologna\n\n**Quando:** sabato 26 ottobre 2024, dalle 9.30 alle 17.30\n\n"
            "| Orario | Cosa |\n|---|---|\n| 9.30 – 10.00 | Accoglienza |\n| 17.00 | Chiusura |\n",
            "2024-10-26T15:30Z",
        ),
    ],
)
def test_the_end_said_around_the_agenda_ends_its_last_item(page: str, end: str) -> None:
    assert timeline(read_text(page).schedules[0])[-1][2] == end


def test_alle_before_a_number_that_is_no_time_stays_prose() -> None:
    page = (
        "# Treffen, Wien\n\n**Samstag, 12. Oktober 2024**\n\n- 18:00 Einlass\n- 19:00 Vortrag\n\n"
    )
    page += "Wir haben alle 10 Minuten eine Pause und alle 3.50 Euro Spenden gezählt.\n"
    assert [title for title, _, _ in timeline(read_text(page).schedules[0])] == [
        "Einlass",
        "Vortrag",
    ]


def test_a_hungarian_time_from_which_the_last_item_goes_on() -> None:
    page = "# Őszi konferencia, Budapest — 2025. október 25., szombat\n\n"
    page += "- 9.00 – 9.30: Regisztráció\n- 18.00-tól: Afterparty a Jedermannban\n"
    assert timeline(read_text(page).schedules[0])[-1] == (
        "Afterparty a Jedermannban",
        "2025-10-25T16:00Z",
        None,
    )


def test_each_days_end_in_prose_ends_that_day_and_the_last_one_the_event() -> None:
    page = "# Douro Dev Days 2025, Porto\n\n## Day 1 — Thursday, June 12th 2025\n\n"
    page += "| Time | Sala Porto |\n|---|---|\n| 16:10 | Keynote |\n| 17:00 | Welcome drinks |\n\n"
    page += "Day 1 wraps around 19:00 — the drinks are on the terrace.\n\n"
    page += "## Day 2 — Friday, June 13th 2025\n\n"
    page += "| Time | Sala Porto |\n|---|---|\n| 14:35 | Panel |\n| 15:30 | Closing + raffle |\n\n"
    page += "Event ends at 16:00 on Friday. Safe travels!\n"
    ends = [end for _, _, end in timeline(read_text(page).schedules[0])]
    assert ends == [
        "2025-06-12T16:00Z",
        "2025-06-12T18:00Z",
        "2025-06-13T14:30Z",
        "2025-06-13T15:00Z",
    ]


@pytest.mark.parametrize(
    ("closing", "end"),
    [
        ("Fin del evento a las 17h00. After-party en la Alameda.", "2025-11-22T16:00Z"),
        ("Fim do evento às 17h30.", "2025-11-22T16:30Z"),
    ],
)
def test_the_end_of_the_event_said_in_spanish_or_portuguese(closing: str, end: str) -> None:
    page = "# DevFest Sevilla — sábado 22 de noviembre de 2025\n\n"
    page += "**15h50 – 16h30** · Mesa redonda\n\n**16h30** · Sorteo y clausura\n\n" + closing + "\n"
    assert timeline(read_text(page).schedules[0])[-1][2] == end


def test_a_hebrew_page_in_tel_aviv_and_its_closing_mark() -> None:
    page = "# ReactTLV #41 – מיטאפ React בתל אביב\n\n"
    page += "- **מתי:** יום רביעי, 2 באפריל 2025, בין השעות 18:00–20:30\n\n## סדר יום\n\n"
    page += "- **18:00** – התכנסות, פיצה ובירה\n- **18:30** – פתיחה\n- **20:30** – סיום\n"
    result = read_text(page)
    assert result.schedules[0].timezone.key == "Asia/Jerusalem"
    assert timeline(result.schedules[0]) == [
        ("התכנסות, פיצה ובירה", "2025-04-02T15:00Z", "2025-04-02T15:30Z"),
        ("פתיחה", "2025-04-02T15:30Z", "2025-04-02T17:30Z"),
    ]


def test_a_day_written_nine_to_half_five_without_am_pm_is_a_day() -> None:
    page = "# Open Data Day, Edinburgh\n\n**Thursday 10 April 2025 · 9:00 – 5:30**\n\n"
    page += "**9:00** — Registration\n\n**4:00** — Closing remarks\n"
    assert timeline(read_text(page).schedules[0]) == [
        ("Registration", "2025-04-10T08:00Z", "2025-04-10T15:00Z"),
        ("Closing remarks", "2025-04-10T15:00Z", "2025-04-10T16:30Z"),
    ]


def test_the_end_of_the_evening_said_in_italian() -> None:
    page = "# Rust Milano — mercoledì 25 settembre 2024\n\n"
    page += "- 19:00 Accoglienza\n- 20:30 Networking\n\nFine prevista intorno alle 22:00.\n"
    assert timeline(read_text(page).schedules[0])[-1][2] == "2024-09-25T20:00Z"


def test_the_first_listed_item_opening_the_doors_is_a_session() -> None:
    page = "# Go Meetup Berlin — Donnerstag, 14. November 2024\n\n## Ablauf\n\n"
    page += "* **Einlass ab 18:30 Uhr** – Pizza, Mate & Bier\n* **19:00** Begrüßung\n"
    page += "* **19:15** Generics in der Praxis\n"
    assert timeline(read_text(page).schedules[0])[:2] == [
        ("Einlass", "2024-11-14T17:30Z", "2024-11-14T18:00Z"),
        ("Begrüßung", "2024-11-14T18:00Z", "2024-11-14T18:15Z"),
    ]


def test_the_last_item_of_a_run_of_lengths_without_its_own_starts_where_they_end() -> None:
    page = "# WiDA, Adelaide — Thursday 13 November 2025\n\n"
    page += "Doors open at **5:45pm** — the run sheet is roughly:\n\n"
    page += "1. Arrivals (15 min)\n2. Lightning talks (15 min) — three 5-minute talks\n"
    page += "3. Drinks at the Exeter for anyone keen\n"
    assert timeline(read_text(page).schedules[0]) == [
        ("Arrivals", "2025-11-13T07:15Z", "2025-11-13T07:30Z"),
        ("Lightning talks — three 5-minute talks", "2025-11-13T07:30Z", "2025-11-13T07:45Z"),
        ("Drinks at the Exeter for anyone keen", "2025-11-13T07:45Z", None),
    ]


def test_out_by_half_eight_ends_the_evening_at_half_past_eight() -> None:
    page = "# DublinJS — Wednesday 26th March 2025, Intercom, Dublin\n\n"
    page += "Doors at 6pm, talks from a quarter to seven, and we'll be out by half eight.\n\n"
    page += "## 18:45 Welcome\n\n## 19:45 Lightning talks\n"
    assert timeline(read_text(page).schedules[0])[-1][2] == "2025-03-26T20:30Z"


def test_ticket_sales_ending_is_no_event() -> None:
    page = "# DevOps Toronto Fall Social\n\n## Date and time\n\n"
    page += "Wed, Oct 29, 2025 6:00 PM - 9:00 PM EDT\n\n## Schedule\n\n"
    page += "- 6pm Doors\n- 6:30pm Talk\n\n---\n\n**Sales end on Oct 28 at 11:59 PM**\n"
    assert len(read_text(page).schedules) == 1


def test_a_table_restating_the_agendas_talks_for_other_zones_adds_no_sessions() -> None:
    page = "# DevTools Day, Bengaluru\n\n**Date:** Saturday, 23rd August 2025\n\n"
    page += "| Time (IST) | Session |\n|---|---|\n| 10:15 – 11:00 | **Keynote:** Vector search |\n"
    page += "| 13:45 – 14:45 | **Panel:** Dev tools from India |\n\n### For friends abroad\n\n"
    page += "| Session | IST | Pacific (PT) | Eastern (ET) |\n|---|---|---|---|\n"
    page += "| Keynote | 10:15 AM Sat | 9:45 PM Fri 22 Aug | 12:45 AM Sat |\n"
    page += "| Panel | 1:45 PM Sat | 1:15 AM Sat | 4:15 AM Sat |\n"
    assert [title for title, _, _ in timeline(read_text(page).schedules[0])] == [
        "Keynote: Vector search",
        "Panel: Dev tools from India",
    ]


@pytest.mark.parametrize(
    "aside",
    [
        "> A las 24:00 del sábado los relojes se atrasan a las 23:00.\n",
        "## ¿Quieres dar una charla?\n\n"
        "Manda tu propuesta en [este form](https://forms.gle/x) — para mayo cerramos el\n"
        "**30 de abril**.\n",
    ],
)
def test_the_clocks_going_back_and_a_call_for_talks_closing_are_no_sessions(aside: str) -> None:
    page = "# Meetup de datos, Santiago\n\n📅 **Sábado 5 de abril de 2025**\n\n"
    page += "| Hora | Actividad |\n|---|---|\n| 09:30 hrs | Acreditación |\n| 10:00 hrs | Bienvenida |\n\n"
    page += aside
    result = read_text(page)
    assert len(result.schedules) == 1
    assert [title for title, _, _ in timeline(result.schedules[0])] == [
        "Acreditación",
        "Bienvenida",
    ]


def test_a_listed_items_venue_closing_after_a_dash_is_its_end() -> None:
    page = "# Autumn Game Jam, London — Saturday 25 October 2025\n\n"
    page += "- **14.00** Theme reveal\n- **19.30** Evening jam — venue closes at 22.00, no overnight stays\n"
    assert timeline(read_text(page).schedules[0])[-1] == (
        "Evening jam",
        "2025-10-25T18:30Z",
        "2025-10-25T21:00Z",
    )


def test_hours_at_a_venue_under_a_dated_heading_are_the_events_not_a_session() -> None:
    page = "# Tokyo Indie Game Dev Drinks\n\n## #41 — Friday, July 18, 2025\n\n"
    page += "**19:00〜22:30** @ Bar Pixel Tanuki, Shibuya\n\n- **19:00〜** Doors open\n"
    page += "- **20:45〜** Playtest corner\n"
    assert timeline(read_text(page).schedules[0]) == [
        ("Doors open", "2025-07-18T10:00Z", "2025-07-18T11:45Z"),
        ("Playtest corner", "2025-07-18T11:45Z", "2025-07-18T13:30Z"),
    ]


def test_a_partir_das_opens_the_last_item() -> None:
    page = "# DevFest Campinas — sábado, 29 de novembro de 2025\n\n"
    page += "- 16:40 – 17:00 · Encerramento\n- a partir das 17:30 · Happy hour no Bar Brasil\n"
    assert timeline(read_text(page).schedules[0])[-1] == (
        "Happy hour no Bar Brasil",
        "2025-11-29T20:30Z",
        None,
    )


def test_a_day_label_with_a_remark_the_night_before_the_event() -> None:
    page = "# Sunday Code & Coffee\n\n**Sunday, 5 October 2025 · 8:00am – 12:00pm AEDT**\n"
    page += "**Location:** The Grounds, Surry Hills, Sydney\n\n### Program\n\n"
    page += "**Saturday 4 Oct (optional)**\n- 6pm–8pm · Warm-up drinks\n\n"
    page += "**Sunday 5 Oct**\n- 8:00am · Coffee\n- 11:45am · Show & tell\n"
    assert timeline(read_text(page).schedules[0])[:2] == [
        ("Warm-up drinks", "2025-10-04T08:00Z", "2025-10-04T10:00Z"),  # AEST, the night before
        ("Coffee", "2025-10-04T21:00Z", "2025-10-05T00:45Z"),  # AEDT from 2am
    ]


def test_an_evening_told_in_sentences_takes_each_ones_bold_phrase_as_its_title() -> None:
    page = "# April club night, Wellington — Thursday 10 April 2025\n\n"
    page += "At 7pm we start with a quick **welcome and club notices** from our president Aroha "
    page += "Ngata — there's news about the winter exhibition, so do listen in.\n\n"
    page += "At 7.15pm Tom Baxter presents **Chasing Light on the South Coast**. Tom has spent "
    page += "two winters photographing the coastline at blue hour.\n"
    assert [title for title, _, _ in timeline(read_text(page).schedules[0])] == [
        "welcome and club notices",
        "Chasing Light on the South Coast",
    ]
