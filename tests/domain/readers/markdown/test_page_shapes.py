"""Every agenda shape organizers write, each on an example page in tests/pages/."""

from __future__ import annotations

from bot.domain.agenda import Link, SessionKind, Speaker
from tests.helpers import messages, read_page, read_text, timeline


def test_toml_front_matter_sets_title_and_zone_and_table_columns_fill_sessions() -> None:
    result = read_page("toml-front-matter.md")
    assert messages(result) == []
    schedule = result.schedules[0]
    assert (schedule.title, schedule.timezone_name) == ("Cloud Native Night", "Europe/Berlin")
    assert timeline(schedule) == [
        ("Doors open", "2024-03-28T17:30Z", "2024-03-28T18:00Z"),
        ("Gateway API in practice", "2024-03-28T18:00Z", "2024-03-28T18:30Z"),
        ("Panel: the mesh in 2024", "2024-03-28T18:30Z", "2024-03-28T19:15Z"),
        ("Networking & pizza", "2024-03-28T19:15Z", "2024-03-28T20:00Z"),
    ]
    panel = schedule.sessions[2]
    assert panel.speakers == (Speaker("Bo Li", "Initech"), Speaker("Carla Diaz", "Globex"))
    assert panel.location == "Hall A"
    assert panel.kind is SessionKind.PANEL
    assert schedule.sessions[1].speakers == (Speaker("Anna Schmidt", "Acme"),)


def test_chinese_event_line_and_table_labels_read_in_beijing_time() -> None:
    result = read_page("chinese-event.md")
    assert messages(result) == []
    schedule = result.schedules[0]
    assert schedule.timezone_name == "Asia/Shanghai"
    assert schedule.venue == "北京市海淀区花园北路52号"
    assert timeline(schedule)[:2] == [
        ("签到", "2021-07-10T05:00Z", "2021-07-10T05:30Z"),
        ("Istio 数据面热升级", "2021-07-10T05:30Z", "2021-07-10T06:10Z"),
    ]
    assert schedule.sessions[1].speakers == (Speaker("史泽寰", "阿里云"),)
    assert schedule.sessions[0].kind is SessionKind.REGISTRATION
    assert schedule.sessions[3].kind is SessionKind.BREAK


def test_date_at_line_with_bullet_agenda_nested_speakers_and_slides() -> None:
    result = read_page("date-at-line.md")
    assert messages(result) == []
    schedule = result.schedules[0]
    assert schedule.timezone_name == "Europe/Helsinki"
    assert timeline(schedule) == [
        ("Welcome and intro", "2019-04-04T14:00Z", "2019-04-04T14:10Z"),
        ("Running stateful workloads", "2019-04-04T14:10Z", "2019-04-04T14:40Z"),
        ("Service meshes, the hard parts", "2019-04-04T14:40Z", "2019-04-04T15:10Z"),
        # Start only and last: it ends when the event does (20:00).
        ("Sauna and snacks", "2019-04-04T15:10Z", "2019-04-04T17:00Z"),
    ]
    stateful, meshes = schedule.sessions[1], schedule.sessions[2]
    assert stateful.speakers == (Speaker("Jane Doe", "Example Oy"),)
    assert stateful.links == (Link("https://example.org/slides.pdf", "deck"),)
    assert meshes.speakers == (Speaker("John Smith", "Mesh Co"),)
    assert meshes.links == (Link("https://example.org/video", "Video"),)


def test_parallel_tracks_with_day_headings_and_twelve_hour_range_suffix() -> None:
    result = read_page("parallel-tracks.md")
    assert messages(result) == []
    schedule = result.schedules[0]
    rows = [(s.title, s.track, s.start.isoformat()) for s in schedule.sessions]
    assert rows == [
        ("Keynote: Open source at scale", None, "2025-09-09T09:00:00-04:00"),
        ("Building fast APIs", "Main Hall", "2025-09-09T09:45:00-04:00"),
        ("Intro to Rust", "Room 101", "2025-09-09T09:45:00-04:00"),
        ("Break", None, "2025-09-09T10:30:00-04:00"),
        ("Observability 101", "Main Hall", "2025-09-09T10:45:00-04:00"),
        ("Hands-on workshop: eBPF", "Room 101", "2025-09-09T10:45:00-04:00"),
        ("Security day opener", "Main Hall", "2025-09-10T09:00:00-04:00"),
        ("Fuzzing in CI", "Room 101", "2025-09-10T09:00:00-04:00"),
    ]
    assert schedule.sessions[0].speakers == (Speaker("Pat Lee", "OSF"),)
    assert schedule.sessions[2].speakers == (Speaker("Sam Roe"),)
    assert schedule.sessions[5].kind is SessionKind.WORKSHOP
    # Each session is in its column's room; the keynote and the break span both rooms.
    assert [s.location for s in schedule.sessions] == [
        None,
        "Main Hall",
        "Room 101",
        None,
        "Main Hall",
        "Room 101",
        "Main Hall",
        "Room 101",
    ]


def test_bold_date_rows_inside_a_table_change_the_day() -> None:
    result = read_page("bold-date-rows.md")
    assert messages(result) == []
    assert timeline(result.schedules[0]) == [
        ("Opening", "2022-07-11T01:00Z", "2022-07-11T01:30Z"),
        ("Talk one", "2022-07-11T01:30Z", "2022-07-11T02:30Z"),
        ("Lunch", "2022-07-11T02:30Z", None),
        ("Talk two", "2022-07-12T01:00Z", "2022-07-12T02:00Z"),
        ("Closing", "2022-07-12T02:00Z", None),
    ]


def test_twelve_hour_times_durations_and_duration_only_rows() -> None:
    result = read_page("twelve-hour-durations.md")
    assert messages(result) == []
    assert timeline(result.schedules[0]) == [
        ("Typo row kept as written", "2023-05-18T14:45Z", "2023-05-18T14:50Z"),
        ("Long form", "2023-05-18T20:00Z", "2023-05-18T21:00Z"),
        ("Break", "2023-05-18T21:00Z", "2023-05-18T21:10Z"),
        ("Food and drinks", "2023-05-19T01:30Z", "2023-05-19T02:00Z"),
        ("Talk: Cutting build times", "2023-05-19T02:00Z", "2023-05-19T02:30Z"),
    ]


def test_start_only_rows_end_at_the_next_start_and_the_last_at_the_event_end() -> None:
    result = read_page("start-only-with-event-end.md")
    assert timeline(result.schedules[0]) == [
        ("Arrivals", "2024-10-12T17:00Z", "2024-10-12T17:30Z"),
        ("Lightning talks", "2024-10-12T17:30Z", "2024-10-12T18:30Z"),
        ("Pub quiz", "2024-10-12T18:30Z", "2024-10-12T19:00Z"),
    ]


def test_japanese_labels_dates_and_zone_phrase() -> None:
    result = read_page("japanese.md")
    assert messages(result) == []
    schedule = result.schedules[0]
    assert schedule.timezone_name == "Asia/Tokyo"
    assert timeline(schedule) == [
        ("開場・受付", "2023-11-08T10:00Z", "2023-11-08T10:30Z"),
        ("Kubernetes 入門", "2023-11-08T10:30Z", "2023-11-08T11:15Z"),
        ("懇親会", "2023-11-08T11:15Z", "2023-11-08T12:00Z"),
    ]
    assert schedule.sessions[1].speakers == (Speaker("山田 太郎", "株式会社例"),)


def test_per_talk_blocks_with_bold_titles_and_time_lines() -> None:
    result = read_page("per-talk-blocks.md")
    assert messages(result) == []
    schedule = result.schedules[0]
    assert timeline(schedule) == [
        ("Envoy 网关实践", "2022-06-18T05:30Z", "2022-06-18T06:30Z"),
        ("服务网格的未来", "2022-06-18T06:30Z", "2022-06-18T07:30Z"),
    ]
    assert schedule.sessions[0].speakers == (Speaker("赵化冰", "Tetrate"),)
    assert schedule.sessions[0].description == "介绍 Envoy Gateway。"
    assert schedule.sessions[1].speakers == (Speaker("宋净超"),)


def test_a_page_with_several_events_gives_one_schedule_each() -> None:
    result = read_page("multi-event.md")
    assert messages(result) == []
    assert [(s.id, s.title, s.timezone_name) for s in result.schedules] == [
        ("multi-event-beijing", "Beijing", "Asia/Shanghai"),
        ("multi-event-shanghai", "Shanghai", "Asia/Shanghai"),
    ]
    assert timeline(result.schedules[1])[0] == ("Sign in", "2021-08-07T06:00Z", "2021-08-07T06:30Z")


def test_one_paragraph_announcement_takes_its_year_from_front_matter() -> None:
    result = read_page("announcement.md")
    assert messages(result) == []
    schedule = result.schedules[0]
    assert schedule.timezone_name == "America/Los_Angeles"
    assert timeline(schedule) == [("Community call: Gateway API", "2025-09-24T16:00Z", None)]
    assert schedule.sessions[0].kind is SessionKind.EVENT


def test_announcement_whose_second_time_disagrees_is_reported() -> None:
    from tests.helpers import read_text

    result = read_text(
        "---\ntitle: Call\ndate: 2025-09-15\n---\n\nWednesday, September 24th, at 9am PT / 5pm UTC.\n"
    )
    assert messages(result) == [
        "6: warning: 17:00 UTC is not the same moment as 09:00 America/Los_Angeles; using the first"
    ]


def test_tables_without_outer_pipes_and_with_ragged_rows_read_like_github() -> None:
    result = read_page("ragged-table.md")
    assert messages(result) == []
    schedule = result.schedules[0]
    assert timeline(schedule) == [
        ("Opening", "2024-02-03T10:00Z", "2024-02-03T10:30Z"),
        ("Deep dive", "2024-02-03T10:30Z", "2024-02-03T11:00Z"),
        ("Wrap-up", "2024-02-03T11:00Z", "2024-02-03T11:30Z"),
    ]
    assert schedule.sessions[1].speakers == (Speaker("Alex"),)


def test_front_matter_date_and_date_end_alone_give_an_all_day_event() -> None:
    result = read_page("front-matter-only.md")
    assert messages(result) == []
    session = result.schedules[0].sessions[0]
    assert (session.all_day, session.first_day.isoformat(), session.last_day.isoformat()) == (
        True,
        "2024-06-01",
        "2024-06-02",
    )


def test_front_matter_event_datetimes_with_offsets_are_exact() -> None:
    from tests.helpers import read_text

    result = read_text(
        "---\ntitle: Launch\ndate: 2024-06-01T18:00:00+02:00\ndate_end: 2024-06-01T20:00:00+02:00\n---\n"
    )
    assert timeline(result.schedules[0]) == [("Launch", "2024-06-01T16:00Z", "2024-06-01T18:00Z")]


def test_a_page_with_only_a_date_gets_an_all_day_entry_never_an_invented_time() -> None:
    result = read_page("date-only.md")
    session = result.schedules[0].sessions[0]
    assert session.all_day is True
    assert session.first_day.isoformat() == "2025-03-15"
    assert messages(result) == [
        "5: warning: no time zone stated; assumed Asia/Shanghai (the configured default)"
    ]


def test_weekday_that_contradicts_its_date_is_reported() -> None:
    result = read_page("weekday-mismatch.md")
    assert messages(result) == [
        "6: warning: 'Monday, 15 March 2025': 2025-03-15 is a Saturday, not a Monday"
    ]


def test_explicit_front_matter_zone_wins_over_an_abbreviation_in_a_header() -> None:
    result = read_page("explicit-zone-wins.md")
    schedule = result.schedules[0]
    assert schedule.timezone_name == "America/Chicago"
    assert timeline(schedule)[0] == ("Pizza", "2022-01-21T00:00Z", "2022-01-21T00:30Z")
    assert messages(result) == [
        "8: warning: 'CST' differs from the front matter time zone America/Chicago, which wins"
    ]


def test_stated_offset_beside_an_abbreviation_picks_the_matching_zone() -> None:
    result = read_page("offset-checks-abbreviation.md")
    schedule = result.schedules[0]
    assert schedule.timezone_name == "America/Chicago"
    assert timeline(schedule) == [("Winter meetup", "2022-01-21T00:00Z", "2022-01-21T02:00Z")]
    assert messages(result) == []


def test_a_bad_row_is_reported_with_its_line_and_the_good_rows_stay() -> None:
    result = read_page("bad-rows.md")
    assert messages(result) == [
        "12: warning: row has no time ('later'); skipped",
        "11: error: end 14:00 is before start 14:30; session not imported",
    ]
    assert [s.title for s in result.schedules[0].sessions] == ["Fine", "Also fine"]


def test_a_wall_time_in_the_spring_gap_moves_forward_with_a_note() -> None:
    result = read_page("dst-gap.md")
    assert timeline(result.schedules[0]) == [
        ("Before the jump", "2024-03-10T06:30Z", "2024-03-10T07:30Z"),
        ("Inside the gap", "2024-03-10T07:30Z", "2024-03-10T08:00Z"),
    ]
    assert messages(result) == [
        "8: warning: 2024-03-10 02:30 does not exist in America/New_York (clocks move forward); "
        "read as 03:30 UTC-04:00",
        "9: warning: 2024-03-10 02:30 does not exist in America/New_York (clocks move forward); "
        "read as 03:30 UTC-04:00",
    ]


def test_a_page_without_any_agenda_is_an_error_not_a_crash() -> None:
    result = read_page("speaker-about-page.md")
    assert result.schedules == []
    assert messages(result) == [
        "0: error: no agenda found: the page gives no event date and no session times"
    ]


def test_an_agenda_without_any_date_in_the_body_uses_the_front_matter_date_with_a_warning() -> None:
    from tests.helpers import read_text

    result = read_text(
        "---\ntitle: T\ndate: 2024-05-05\ntimezone: UTC\n---\n\n| Time | Talk |\n|--|--|\n| 10:00-11:00 | A |\n"
    )
    assert timeline(result.schedules[0]) == [("A", "2024-05-05T10:00Z", "2024-05-05T11:00Z")]
    assert messages(result) == [
        "9: warning: the page gives no date for its agenda; assumed the front matter date 2024-05-05"
    ]


def test_an_agenda_without_any_date_anywhere_is_an_error_naming_the_line() -> None:
    from tests.helpers import read_text

    result = read_text("# T\n\n| Time | Talk |\n|--|--|\n| 10:00-11:00 | A |\n")
    assert result.schedules == []
    assert messages(result)[-2:] == [
        "5: error: session 'A' has no date (no event date or day heading before it)",
        "1: error: event 'T' has no session that could be read",
    ]


def test_repeated_titles_get_numbered_ids_that_never_collide() -> None:
    from bot.domain.agenda import unique_ids

    assert unique_ids(["break", "talk", "break", "break-2"]) == [
        "break",
        "talk",
        "break-3",
        "break-2",
    ]


def test_each_citys_own_section_names_its_zone_over_the_posts_offset() -> None:
    result = read_text(
        "---\ntitle: Turnê: Manaus e São Paulo\ndate: 2025-08-27 10:12:00 -0300\n---\n\n"
        "## Manaus — quinta-feira, 18 de setembro de 2025\n\n**Local:** Sidia, Manaus/AM\n\n"
        "| Horário | Atividade |\n|---|---|\n| 18h30 – 19h00 | Credenciamento |\n\n"
        "## São Paulo — terça-feira, 23 de setembro de 2025\n\n"
        "| Horário | Atividade |\n|---|---|\n| 19h00 – 19h30 | Credenciamento |\n"
    )
    assert [s.timezone_name for s in result.schedules] == ["America/Manaus", "America/Sao_Paulo"]


def test_an_australian_address_names_its_states_zone() -> None:
    [schedule] = read_text(
        "---\ndate: 2025-03-27 09:12:00 +1100\n---\n\nOur April meetup is on **Tuesday 8 April** "
        "at **Level 3, 480 Swanston St, Carlton VIC**.\n\n**6pm for a 6:30 start.**\n\n"
        "- **6:00pm** – Doors open\n- **6:30pm** – Welcome\n"
    ).schedules
    # after daylight saving ended: +10:00, not the post's +11:00; "6pm for a 6:30 start" is
    # when to come, no session of its own
    assert schedule.timezone_name == "Australia/Melbourne"
    assert [s[:2] for s in timeline(schedule)] == [
        ("Doors open", "2025-04-08T08:00Z"),
        ("Welcome", "2025-04-08T08:30Z"),
    ]


def test_an_arabic_page_with_evening_hours_past_midnight() -> None:
    [schedule] = read_text(
        "# سحور التقنيين | Riyadh Tech Suhoor\n\n> نُشر في 5 مارس 2025\n\n"
        "**الخميس 20 مارس 2025 — من 9:30 م حتى 1:00 ص** (بتوقيت الرياض)\n\n"
        "- **9:30 م** — الاستقبال\n- **12:00 منتصف الليل** — السحور\n"
    ).schedules
    assert schedule.timezone_name == "Asia/Riyadh"
    assert [s[1:] for s in timeline(schedule)] == [
        ("2025-03-20T18:30Z", "2025-03-20T21:00Z"),
        ("2025-03-20T21:00Z", "2025-03-20T22:00Z"),
    ]


def test_a_phrase_zone_takes_a_place_of_its_own_country() -> None:
    result = read_text(
        "# CDMX.js\n\nTodos los horarios están en **hora del centro de México** (CDMX).\n\n"
        "## Mayo\n\n**Fecha:** jueves 29 de mayo de 2025\n**Horario:** 7 p. m. – 9 p. m.\n"
        "**Sede:** Terraza de Bitso, Av. Insurgentes Sur 1605, col. San José Insurgentes\n"
    )
    assert [s.timezone_name for s in result.schedules] == ["America/Mexico_City"]


def test_bali_and_wita() -> None:
    [schedule] = read_text(
        "# Flutter Bali Meetup\n\n📅 **Sabtu, 24 Januari 2026**\n🕡 **18.30 – 21.00 WITA**\n"
    ).schedules
    assert schedule.timezone_name == "Asia/Makassar"
    assert timeline(schedule)[0][1:] == ("2026-01-24T10:30Z", "2026-01-24T13:00Z")
