"""Our .ics as real clients read it: ical.js (Thunderbird) under a foreign TZ, and libical."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.domain.agenda import Schedule
from bot.domain.ics.calendars import feed_calendar, session_download, uid
from bot.domain.ics.revisions import advance
from tests.helpers import read_page

PAGES = [
    "../../schedules/istio-meetup-china-2021.md",
    "parallel-tracks.md",
    "japanese.md",
    "front-matter-only.md",
    "multi-event.md",
    "dst-gap.md",
    "bold-date-rows.md",
    "date-at-line.md",
]


def _schedules(page: str) -> list[Schedule]:
    result = read_page(page)
    assert result.schedules, result.diagnostics
    return result.schedules


def _expected(schedule: Schedule) -> dict[str, dict[str, object]]:
    expected = {}
    for session in schedule.sessions:
        tz = session.start.tzinfo
        zone = tz.key if isinstance(tz, ZoneInfo) and tz.key != "UTC" else "UTC"
        if session.all_day:
            start, end = (
                session.first_day.isoformat(),
                (session.last_day + timedelta(days=1)).isoformat(),
            )
        else:
            start = session.start.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
            end = (
                session.end.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
                if session.end
                else None
            )
        expected[uid(schedule.id, session.id)] = {
            "tzid": "floating" if session.all_day else zone,
            "start": start,
            "end": end,
        }
    return expected


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("machine_tz", ["America/Los_Angeles", "Pacific/Kiritimati"])
def test_icaljs_sees_every_event_in_its_agendas_zone_at_the_exact_instant(
    page: str, machine_tz: str, icaljs: Callable[[bytes, str], list[dict[str, object]]]
) -> None:
    for schedule in _schedules(page):
        events = icaljs(feed_calendar(schedule.title, [schedule], {}), machine_tz)
        seen = {
            str(e["uid"]): {
                "tzid": e["tzid"],
                "start": e["start"],
                # ical.js reports end = start for events without DTEND.
                "end": None if e["end"] == e["start"] and not e["isDate"] else e["end"],
            }
            for e in events
        }
        assert seen == _expected(schedule)


def test_icaljs_never_sees_a_floating_time(
    icaljs: Callable[[bytes, str], list[dict[str, object]]],
) -> None:
    schedule = _schedules("parallel-tracks.md")[0]
    events = icaljs(feed_calendar(schedule.title, [schedule], {}), "Asia/Kolkata")
    assert {e["tzid"] for e in events} == {"America/New_York"}


def test_icaljs_reads_a_removed_session_as_cancelled_with_a_higher_sequence(
    icaljs: Callable[[bytes, str], list[dict[str, object]]],
) -> None:
    schedule = _schedules("../../schedules/istio-meetup-china-2021.md")[0]
    moment = schedule.sessions[0].start
    book = advance({}, schedule, now=moment, first_seen=moment)
    shorter = Schedule(
        schedule.id,
        schedule.title,
        schedule.timezone,
        schedule.sessions[1:],
        schedule.source,
        schedule.description,
        schedule.url,
        schedule.venue,
    )
    book = advance(book, shorter, now=moment + timedelta(days=1), first_seen=moment)
    events = icaljs(feed_calendar(schedule.title, [shorter], book), "Europe/London")
    cancelled = [e for e in events if e["status"] == "CANCELLED"]
    assert [(e["uid"], e["sequence"]) for e in cancelled] == [
        (uid(schedule.id, schedule.sessions[0].id), 1)
    ]


@pytest.mark.parametrize("page", PAGES)
def test_libical_reports_no_error_on_feeds_and_downloads(
    page: str, libical: Callable[[bytes], list[str]]
) -> None:
    for schedule in _schedules(page):
        assert libical(feed_calendar(schedule.title, [schedule], {})) == []
        session = schedule.sessions[0]
        assert libical(session_download(schedule, session, alarm=timedelta(minutes=10))) == []


def test_libical_check_catches_a_broken_calendar(libical: Callable[[bytes], list[str]]) -> None:
    broken = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:2021zz\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    assert libical(broken) != []
