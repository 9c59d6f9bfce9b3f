"""Seats: what organizers write about how many people can come, read into `Schedule.capacity`.

The example pages `tests/pages/capacity-*.md` are read as they are and through their HTML
renderings (the same walk); single lines, front matter fields and the native format are checked
here too, with the numbers a page writes that are not seats.
"""

from __future__ import annotations

import json
from datetime import UTC

import pytest

from bot.cli.render import as_json
from bot.domain.diagnostics import Severity
from bot.domain.readers.markdown.capacity import seats_in
from bot.domain.readers.source import ReadResult, read_bytes
from bot.texts.problems import problem_text
from tests.domain.readers.html.renderings import render_page
from tests.helpers import PAGES, ReadOptions, messages, read_page, read_text


def _errors(result: ReadResult) -> list[str]:
    return [m for m in messages(result) if ": error: " in m]


def _warnings(result: ReadResult) -> list[str]:
    return [m for m in messages(result) if ": warning: " in m]


# --- single lines ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "seats"),
    [
        ("seats: 80", 80),
        ("**Seats:** 80 (registration required)", 80),
        ("Capacity: 120", 120),
        ("Capacity: 1,200 people", 1200),
        ("Room 101 (capacity 80)", 80),
        ("The hall has a capacity of 300.", 300),
        ("This meetup is limited to 50 people.", 50),
        ("Limited to 50 seats", 50),
        ("limited to the first 25 attendees", 25),
        ("max 40 attendees", 40),
        ("Maximum of 40 participants", 40),
        ("Seats are limited to 80.", 80),
        ("Max attendees: 40", 40),
        ("限额 100 人", 100),
        ("限 100 人", 100),
        ("仅限 100 人", 100),
        ("名额 100 个", 100),
        ("名额：100", 100),
        ("名额有限（100人），先到先得", 100),
        ("限额１００人", 100),
        ("定員 60 名", 60),
        ("定員：60人（先着順）", 60),
        ("정원 30명", 30),
        ("모집 인원: 30명", 30),
        ("Max. 40 Teilnehmer", 40),
        ("Plätze: 40", 40),
        ("limité à 40 personnes", 40),
        ("Cupo: 50", 50),
        ("Vagas: 50", 50),
    ],
)
def test_a_line_that_states_seats(line: str, seats: int) -> None:
    assert seats_in(line) == seats


@pytest.mark.parametrize(
    "line",
    [
        "Seats are limited",
        "座位有限，先到先得",
        "100 people attended last year",
        "Students get 50% off",
        "Room 204",
        "Seat 12B",
        "Seats: 12B",
        "limited to 50%",
        "Seats: 45/80",
        "Limited to 30-40 people",
        "Capacity: 18:00",
        "seats: 0",
        "max 2 tickets per person",
        "Max 4 people per team",
        "Max 3 talks per speaker",
        "Limit: 2 per person",
        "限时 2 小时",
        "每人限 2 张",
        "去年有 200 人报名",
        "19:00 Welcome",
    ],
)
def test_a_line_whose_numbers_are_not_seats(line: str) -> None:
    assert seats_in(line) is None


# --- the example pages -----------------------------------------------------------------------

PAGE_SEATS = {
    # English labels beside numbers that are not seats (100 attended, 50% off, room 204), and a
    # workshop in the agenda "limited to 20 seats" that does not limit the event.
    "capacity-meetup.md": [80],
    # Three events: one states its seats before its date line, one after, one says only that
    # seats are limited; a table row "限 30 人" limits that session.
    "capacity-cities-zh.md": [100, 60, None],
    "capacity-front-matter.md": [40],
    "capacity-limited.md": [30],
    "capacity-unknown.md": [None],
}


@pytest.mark.parametrize("name", sorted(PAGE_SEATS))
def test_each_example_page_reads_to_its_seats(name: str) -> None:
    result = read_page(name)
    assert _errors(result) == []
    assert _warnings(result) == []
    assert [s.capacity for s in result.schedules] == PAGE_SEATS[name]


def test_every_capacity_page_is_checked_here() -> None:
    assert sorted(p.name for p in PAGES.glob("capacity-*.md")) == sorted(PAGE_SEATS)


@pytest.mark.parametrize(
    "name", ["capacity-meetup.md", "capacity-cities-zh.md", "capacity-limited.md"]
)
@pytest.mark.parametrize(
    ("renderer", "layout"), [("markdown-it", "hugo"), ("python-markdown", "jekyll")]
)
def test_a_rendered_page_states_the_same_seats(name: str, renderer: str, layout: str) -> None:
    rendered = render_page((PAGES / name).read_text(encoding="utf-8"), renderer, layout)
    html = read_bytes(rendered.encode(), "page.html", ReadOptions())
    assert [s.capacity for s in html.schedules] == PAGE_SEATS[name]


def test_seats_only_in_front_matter_are_lost_by_a_rendering() -> None:
    page = (PAGES / "capacity-front-matter.md").read_text(encoding="utf-8")
    html = read_bytes(render_page(page, "markdown-it", "hugo").encode(), "p.html", ReadOptions())
    assert [s.capacity for s in html.schedules] == [None]


# --- where on a page ---------------------------------------------------------------------------

_TWO_MEETUPS = """\
# Gophers Lyon

Each meetup is limited to 40 people.

## January meetup

**Date:** January 16, 2025, 19:00-21:00 (Paris time)

- 19:00 Talk one

## February meetup

**Date:** February 20, 2025, 19:00-21:00 (Paris time)

This one is in the big room: seats: 120.

- 19:00 Talk two
"""


def test_a_statement_before_the_first_event_holds_for_each_event_without_its_own() -> None:
    result = read_text(_TWO_MEETUPS)
    assert [s.capacity for s in result.schedules] == [40, 120]
    assert _warnings(result) == []


_ONE_TALK = """\
# Rust Night

### Async in depth

**Time:** 19:00-20:30, March 6, 2025 (Paris time)

Limited to 35 seats, register on the site.
"""


def test_a_one_talk_event_takes_the_seats_stated_under_its_talk() -> None:
    result = read_text(_ONE_TALK)
    assert [s.capacity for s in result.schedules] == [35]


_WORKSHOP_BLOCK = """\
# DevDay

**Date:** March 6, 2025 (Paris time)

### 09:00 Keynote

### 10:00 Kubernetes workshop

Limited to 20 seats.
"""


def test_seats_stated_under_one_session_of_an_agenda_are_that_sessions() -> None:
    result = read_text(_WORKSHOP_BLOCK)
    assert [s.capacity for s in result.schedules] == [None]


def test_two_numbers_for_one_event_keep_the_first_with_a_warning() -> None:
    page = (
        "# Meetup\n\n**Date:** March 6, 2025, 19:00-21:00 (Paris time)\n\nSeats: 80\n\n"
        "Limited to 50 people.\n"
    )
    result = read_text(page)
    assert [s.capacity for s in result.schedules] == [80]
    assert _warnings(result) == ["7: warning: 50 seats here, 80 on line 5; using 80"]
    warning = next(d for d in result.diagnostics if d.severity is Severity.WARNING)
    assert (
        problem_text(warning, "zh-CN")
        == "第 7 行：此处写的是 50 个座位，第 5 行写的是 80 个；采用 80"
    )


# --- front matter ------------------------------------------------------------------------------

_BODY = "# Meetup\n\n**Date:** March 6, 2025, 19:00-21:00 (Paris time)\n"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("capacity", "80"),
        ("seats", "80"),
        ("max_attendees", "80"),
        ("limit", "80"),
        ("seats", '"80"'),
    ],
)
def test_front_matter_fields_give_the_seats(field: str, value: str) -> None:
    result = read_text(f"---\ntitle: Meetup\n{field}: {value}\n---\n{_BODY}")
    assert [s.capacity for s in result.schedules] == [80]
    assert _warnings(result) == []


def test_toml_front_matter_gives_the_seats() -> None:
    result = read_text(f'+++\ntitle = "Meetup"\ncapacity = 75\n+++\n{_BODY}')
    assert [s.capacity for s in result.schedules] == [75]


@pytest.mark.parametrize("value", ["eighty", "0", "-5", "12.5", "true", "[80]"])
def test_a_front_matter_value_that_is_not_seats_is_a_warning_on_its_line(value: str) -> None:
    result = read_text(f"---\ntitle: Meetup\n\ncapacity: {value}\n---\n{_BODY}")
    assert [s.capacity for s in result.schedules] == [None]
    (warning,) = _warnings(result)
    assert warning.startswith("4: warning: front matter capacity ")
    assert warning.endswith(" is not a number of seats; ignored")
    assert _errors(result) == []
    diagnostic = next(d for d in result.diagnostics if d.severity is Severity.WARNING)
    assert "不是座位数；已忽略" in problem_text(diagnostic, "zh-CN")


def test_the_events_own_statement_wins_over_the_front_matter_with_a_warning() -> None:
    result = read_text(f"---\ntitle: Meetup\nseats: 80\n---\n{_BODY}\n定員 60 名\n")
    assert [s.capacity for s in result.schedules] == [60]
    assert _warnings(result) == [
        "9: warning: 60 seats here, 80 in the front matter seats; using 60"
    ]


# --- the native format -------------------------------------------------------------------------

_NATIVE = """\
title: Rust night
timezone: Europe/Paris
date: 2025-03-06
{capacity}
sessions:
  - title: Talk
    start: "19:00"
"""


def _native(capacity: str) -> ReadResult:
    return read_bytes(_NATIVE.format(capacity=capacity).encode(), "night.yaml", ReadOptions())


def test_the_native_format_gives_the_seats() -> None:
    result = _native("capacity: 80")
    assert messages(result) == []
    assert [s.capacity for s in result.schedules] == [80]
    assert [s.capacity for s in _native("").schedules] == [None]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0", "capacity: 0 is less than the minimum of 1"),
        ("-3", "capacity: -3 is less than the minimum of 1"),
        ('"80"', "capacity: '80' is not of type 'integer'"),
        ("eighty", "capacity: 'eighty' is not of type 'integer'"),
    ],
)
def test_a_bad_native_capacity_is_an_error_on_its_line_and_the_agenda_stays(
    value: str, message: str
) -> None:
    result = _native(f"capacity: {value}")
    assert _errors(result) == [f"4: error: {message}"]
    assert [s.capacity for s in result.schedules] == [None]
    assert [s.title for s in result.schedules[0].sessions] == ["Talk"]
    error = next(d for d in result.diagnostics if d.severity is Severity.ERROR)
    chinese = problem_text(error, "zh-CN")
    assert chinese.startswith("第 4 行：capacity：")
    assert "minimum" not in chinese and "of type" not in chinese


def test_a_calendar_file_states_no_seats() -> None:
    calendar = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:a@t\r\n"
        "DTSTAMP:20250101T000000Z\r\nDTSTART:20250306T180000Z\r\nDTEND:20250306T200000Z\r\n"
        "SUMMARY:Limited to 50 people\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    result = read_bytes(calendar.encode(), "night.ics", ReadOptions())
    assert [s.capacity for s in result.schedules] == [None]


# --- shown to organizers -----------------------------------------------------------------------


def test_show_json_gives_the_seats_when_the_page_states_them() -> None:
    result = read_page("capacity-cities-zh.md")
    shown = json.loads(as_json(result.schedules, result.diagnostics, UTC))["schedules"]
    assert [s.get("capacity") for s in shown] == [100, 60, None]
    assert "capacity" not in shown[2]


def test_a_page_wide_statement_that_disagrees_with_the_front_matter_is_reported_once() -> None:
    result = read_text(f"---\ntitle: Gophers Lyon\ncapacity: 30\n---\n{_TWO_MEETUPS}")
    assert [s.capacity for s in result.schedules] == [40, 120]
    assert _warnings(result) == [
        "7: warning: 40 seats here, 30 in the front matter capacity; using 40",
        "19: warning: 120 seats here, 30 in the front matter capacity; using 120",
    ]
