"""Shapes met on real community pages beyond the ones the issue names."""

from __future__ import annotations

from bot.domain.agenda import SessionKind, Speaker
from tests.helpers import messages, read_page, timeline


def test_emoji_labels_and_star_bullets_with_inline_speakers() -> None:
    result = read_page("emoji.md")
    assert messages(result) == []
    schedule = result.schedules[0]
    assert (schedule.title, schedule.timezone_name, schedule.venue) == (
        "Rust Meetup Berlin #42",
        "Europe/Berlin",
        "Mozilla Office, Berlin",
    )
    assert timeline(schedule) == [
        ("Doors open, pizza 🍕", "2024-11-14T17:30Z", "2024-11-14T18:00Z"),
        ("Async Rust in practice", "2024-11-14T18:00Z", "2024-11-14T18:30Z"),
        ("Embedded without tears", "2024-11-14T18:30Z", "2024-11-14T19:00Z"),
        ("Networking", "2024-11-14T19:00Z", "2024-11-14T20:30Z"),
    ]
    assert schedule.sessions[1].speakers == (Speaker("Jane Doe", "Ferrous"),)
    assert schedule.sessions[2].speakers == (Speaker("Max Mustermann", "Acme GmbH"),)


def test_headings_that_start_with_a_time_are_sessions_owning_the_lines_below() -> None:
    result = read_page("heading-sessions.md")
    schedule = result.schedules[0]
    assert timeline(schedule) == [
        ("Keynote", "2021-07-10T06:00Z", "2021-07-10T06:30Z"),
        ("Scaling Envoy", "2021-07-10T06:30Z", "2021-07-10T07:15Z"),
    ]
    assert [s.speakers for s in schedule.sessions] == [
        (Speaker("Alice Wong", "Acme"),),
        (Speaker("Bob Li"),),
    ]


def test_a_table_of_dated_calls_uses_each_rows_date() -> None:
    # calls weeks apart, each on its own row: a series of meetings, one schedule each
    assert [timeline(s) for s in read_page("events-table.md").schedules] == [
        [("Release planning", "2024-03-05T16:00Z", "2024-03-05T17:00Z")],
        [("Security review", "2024-03-19T16:00Z", "2024-03-19T17:00Z")],
        [("Roadmap", "2024-04-02T16:00Z", None)],
    ]


def test_numbered_lists_and_slash_dates() -> None:
    result = read_page("numbered.md")
    assert timeline(result.schedules[0])[0] == ("Opening", "2024-05-20T10:00Z", "2024-05-20T10:10Z")
    assert len(result.schedules[0].sessions) == 3


def test_plain_lines_under_a_date_line() -> None:
    schedule = read_page("paragraph-lines.md").schedules[0]
    assert [s.title for s in schedule.sessions] == ["Doors open", "Talk one", "Talk two", "Lunch"]
    assert schedule.sessions[1].speakers == (Speaker("Jan de Vries", "ING"),)
    assert schedule.sessions[3].kind is SessionKind.MEAL


def test_zones_written_on_each_row_make_the_agendas_zone() -> None:
    result = read_page("utc-times.md")
    assert messages(result) == []
    assert result.schedules[0].timezone_name == "UTC"
    assert timeline(result.schedules[0])[0] == ("Intros", "2024-10-08T15:00Z", "2024-10-08T15:10Z")


def test_offset_in_a_table_header_tilde_ranges_and_name_comma_company() -> None:
    result = read_page("kcd.md")
    assert messages(result) == []
    schedule = result.schedules[0]
    assert schedule.timezone_name == "Asia/Shanghai"
    assert timeline(schedule)[2] == (
        "基于 eBPF 的可观测性",
        "2023-08-19T02:00Z",
        "2023-08-19T02:40Z",
    )
    assert schedule.sessions[1].speakers == (Speaker("Keith Chan", "CNCF"),)
    assert schedule.sessions[2].speakers == (Speaker("张三", "某科技"),)
    assert schedule.sessions[0].speakers == ()


def test_chinese_weekday_in_parentheses_and_afternoon_marker() -> None:
    result = read_page("chinese-weekday.md")
    assert timeline(result.schedules[0]) == [
        ("签到", "2021-07-10T05:30Z", "2021-07-10T06:00Z"),
        ("云原生可观测性", "2021-07-10T06:00Z", "2021-07-10T06:40Z"),
    ]
    assert messages(result) == ['2: warning: zone Asia/Shanghai from "上海" (line 2)']


def test_european_dotted_dates_and_german_columns() -> None:
    result = read_page("european.md")
    schedule = result.schedules[0]
    assert schedule.timezone_name == "Europe/Berlin"
    assert timeline(schedule) == [
        ("Einlass", "2024-03-15T17:00Z", "2024-03-15T17:30Z"),
        ("Kubernetes Security", "2024-03-15T17:30Z", "2024-03-15T18:15Z"),
        ("Pause", "2024-03-15T18:15Z", "2024-03-15T20:00Z"),
    ]
    assert schedule.sessions[1].speakers == (Speaker("Max Müller"),)
    assert [s.kind for s in schedule.sessions] == [
        SessionKind.REGISTRATION,
        SessionKind.TALK,
        SessionKind.BREAK,
    ]


def test_a_column_of_names_in_an_unknown_language_is_read_as_speakers() -> None:
    schedule = read_page("unknown-language-columns.md").schedules[0]
    assert [(s.title, s.speakers) for s in schedule.sessions] == [
        ("Abertura do evento e boas-vindas", (Speaker("Ana Souza"),)),
        ("Observabilidade com eBPF na prática", (Speaker("João Lima", "Acme"),)),
    ]


def test_a_weekday_without_any_year_picks_the_nearest_matching_year_with_a_warning() -> None:
    from datetime import date

    from bot.domain.readers.context import ReadOptions

    result = read_page("weekday-no-year.md", ReadOptions(today=date(2025, 11, 22)))
    assert timeline(result.schedules[0])[0] == (
        "Registration",
        "2025-06-09T07:00Z",
        "2025-06-09T08:00Z",
    )
    assert messages(result) == [
        "6: warning: 'Monday, June 9' has no year; assumed 2025, when it falls on a Monday"
    ]
    without_today = read_page("weekday-no-year.md")
    assert without_today.schedules == []  # no clock, no guess: a clear error instead
    assert "has no year and the page gives none" in messages(without_today)[0]


def test_a_year_in_the_title_gives_dates_their_year() -> None:
    result = read_page("year-in-title.md")
    assert messages(result) == []
    assert timeline(result.schedules[0]) == [
        ("Registration", "2025-06-09T07:00Z", "2025-06-09T08:00Z")
    ]


def test_a_city_in_the_time_columns_header_names_the_zone() -> None:
    result = read_page("time-header-city.md")
    assert messages(result) == []
    assert result.schedules[0].timezone_name == "Europe/London"
    assert timeline(result.schedules[0])[0] == ("Doors", "2024-03-12T18:30Z", "2024-03-12T19:00Z")


def test_twelve_hour_times_without_am_pm_fit_an_evening_event_with_a_warning() -> None:
    result = read_page("evening-twelve-hour.md")
    assert timeline(result.schedules[0]) == [
        ("Doors open", "2024-05-02T22:30Z", "2024-05-02T23:00Z"),
        ("Talk about Rust", "2024-05-02T23:00Z", "2024-05-02T23:45Z"),
        ("Lightning talks", "2024-05-03T00:00Z", "2024-05-03T01:00Z"),
    ]
    assert (
        messages(result)[0] == "8: warning: 06:30 is outside the event's 18:00-21:00; read as 18:30"
    )


def test_an_explicit_am_is_never_moved_to_the_evening() -> None:
    from tests.helpers import read_text

    result = read_text(
        "---\ntitle: T\ntimezone: UTC\n---\n\n**Date:** May 2, 2024, 18:00 - 21:00\n\n- 6:30 AM - Early bird run\n"
    )
    assert timeline(result.schedules[0])[0][1] == "2024-05-02T06:30Z"


def test_an_html_table_inside_markdown_reads_like_a_pipe_table() -> None:
    result = read_page("html-table.md")
    assert messages(result) == []
    schedule = result.schedules[0]
    assert timeline(schedule) == [
        ("签到", "2023-05-20T06:00Z", "2023-05-20T06:30Z"),
        ("服务网格落地实践", "2023-05-20T06:30Z", "2023-05-20T07:10Z"),
        ("可观测性", "2023-05-20T07:10Z", "2023-05-20T07:50Z"),
    ]
    assert schedule.sessions[1].links[0].url == "https://example.org/s1"
    assert schedule.sessions[2].speakers == (Speaker("赵六", "某公司"),)
