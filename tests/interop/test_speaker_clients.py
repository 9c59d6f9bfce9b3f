"""Feeds with RFC 9073 PARTICIPANT components, as real clients read them: ical.js (Thunderbird)
under foreign machine zones, libical's restriction checks and expansion, an icalendar round trip
and recurring-ical-events all parse them with no error and see the same instants as without."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest
import recurring_ical_events
from icalendar import Calendar

from bot.domain.agenda import Schedule, Speaker
from bot.domain.ics.calendars import feed_calendar, session_download, uid
from bot.domain.ics.speakers import SpeakerLinks
from bot.domain.recurrence import expanded
from tests.domain.ics.speaker_world import BASE_URL, PROFILES, meetup
from tests.helpers import read_page

LINKED = SpeakerLinks(PROFILES, BASE_URL)
YEAR = (datetime(2026, 1, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC))


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def _weekly_with_speakers() -> Schedule:
    """A weekly call with a host who has a profile: PARTICIPANT inside a series' VEVENT."""
    schedule = read_page("recurring-weekly.ics").schedules[0]
    host = Speaker("Huabing Zhao", None, "huabing-zhao")
    series = tuple(replace(s, speakers=(host,)) for s in schedule.series)
    return expanded(replace(schedule, series=series), *YEAR)


@pytest.mark.parametrize("machine_tz", ["America/Los_Angeles", "Pacific/Kiritimati"])
def test_icaljs_reads_participants_and_the_same_instants(
    machine_tz: str, icaljs: Callable[..., list[dict[str, Any]]]
) -> None:
    schedule = meetup()
    plain = icaljs(feed_calendar(schedule.title, [schedule], {}), machine_tz)
    events = icaljs(feed_calendar(schedule.title, [schedule], {}, speakers=LINKED), machine_tz)
    instants = [(e["uid"], e["tzid"], e["start"], e["end"]) for e in events]
    assert instants == [(e["uid"], e["tzid"], e["start"], e["end"]) for e in plain]
    assert instants == [
        (uid(schedule.id, s.id), "Asia/Shanghai", _iso(s.start), _iso(s.end or s.start))
        for s in schedule.sessions
    ]
    assert events[0]["participants"] == [
        {
            "type": "SPEAKER",
            "uid": "istio-meetup-aeraki-huabing-zhao@speakers.agenda-bot",
            "summary": "Huabing Zhao",
            "url": "https://agenda.example.org/speakers/huabing-zhao",
        },
        {
            "type": "SPEAKER",
            "uid": "istio-meetup-aeraki-jimmy-song@speakers.agenda-bot",
            "summary": "Jimmy Song",
            "url": "https://agenda.example.org/speakers/jimmy-song",
        },
    ]


def test_icaljs_expands_a_series_with_a_participant_as_without(
    icaljs: Callable[..., list[dict[str, Any]]],
) -> None:
    schedule = _weekly_with_speakers()
    plain = replace(schedule, series=tuple(replace(s, speakers=()) for s in schedule.series))

    def occurrences(data: bytes) -> list[tuple[str, str]]:
        found = icaljs(data, "America/Los_Angeles", until=YEAR[1])
        return sorted(
            (e["uid"], o["start"]) for e in found if "occurrences" in e for o in e["occurrences"]
        )

    with_host = occurrences(feed_calendar("x", [schedule], {}, speakers=LINKED))
    assert len(with_host) >= 10
    assert with_host == occurrences(feed_calendar("x", [plain], {}))


def test_libical_reports_no_error_on_feeds_and_downloads_with_participants(
    libical: Callable[[bytes], list[str]],
) -> None:
    schedule = meetup()
    assert libical(feed_calendar(schedule.title, [schedule], {}, speakers=LINKED)) == []
    for session in schedule.sessions:
        assert libical(session_download(schedule, session, speakers=LINKED)) == []
    weekly = _weekly_with_speakers()
    assert libical(feed_calendar(weekly.title, [weekly], {}, speakers=LINKED)) == []


def test_libical_expands_a_series_with_a_participant_as_without(
    libical_events: Callable[..., list[dict[str, Any]]],
) -> None:
    schedule = _weekly_with_speakers()
    plain = replace(schedule, series=tuple(replace(s, speakers=()) for s in schedule.series))
    with_host = libical_events(feed_calendar("x", [schedule], {}, speakers=LINKED), *YEAR)
    assert any(e["occurrences"] for e in with_host)
    assert with_host == libical_events(feed_calendar("x", [plain], {}), *YEAR)


def test_icalendar_and_recurring_ical_events_see_the_same_occurrences() -> None:
    schedule = _weekly_with_speakers()
    plain = replace(schedule, series=tuple(replace(s, speakers=()) for s in schedule.series))

    def starts(data: bytes) -> list[tuple[str, datetime]]:
        calendar = Calendar.from_ical(data)
        assert Calendar.from_ical(calendar.to_ical()) == calendar
        found = recurring_ical_events.of(calendar).between(*YEAR)
        return sorted((str(e["UID"]), e["DTSTART"].dt.astimezone(UTC)) for e in found)

    data = feed_calendar("x", [schedule], {}, speakers=LINKED)
    assert b"BEGIN:PARTICIPANT" in data
    assert len(starts(data)) >= 10
    assert starts(data) == starts(feed_calendar("x", [plain], {}))
