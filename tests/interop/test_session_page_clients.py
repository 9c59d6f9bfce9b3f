"""The session's web page in feeds and downloads, as real clients read it: ical.js (Thunderbird)
finds it as URL and as the last line of DESCRIPTION, libical reports nothing wrong, and an
icalendar round trip keeps it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from icalendar import Calendar

from bot.domain.ics.calendars import feed_calendar, session_download, uid
from bot.domain.ics.speakers import SpeakerLinks
from tests.domain.ics.speaker_world import BASE_URL, PROFILES, meetup
from tests.helpers import SEED, read_page


def _seed():  # type: ignore[no-untyped-def]
    return read_page(f"../../schedules/{SEED.name}").schedules[0]


def test_icaljs_reads_each_sessions_page_as_url_and_in_the_description(
    icaljs: Callable[..., list[dict[str, Any]]],
) -> None:
    for schedule in (_seed(), meetup()):
        links = SpeakerLinks(PROFILES, BASE_URL, frozenset({schedule.id}))
        events = icaljs(feed_calendar(schedule.title, [schedule], {}, speakers=links), "UTC")
        pages = {
            uid(schedule.id, s.id): f"{BASE_URL}/s/{schedule.id}/{s.id}" for s in schedule.sessions
        }
        assert {e["uid"]: e["description"].splitlines()[-1] for e in events} == pages
        for event in events:
            if event["url"] != pages[event["uid"]]:  # a session with a link of its own
                assert event["url"] in event["description"]


def test_libical_and_icalendar_take_feeds_and_downloads_with_pages(
    libical: Callable[[bytes], list[str]],
) -> None:
    schedule = _seed()
    links = SpeakerLinks({}, BASE_URL, frozenset({schedule.id}))
    feed = feed_calendar(schedule.title, [schedule], {}, speakers=links)
    assert libical(feed) == []
    assert Calendar.from_ical(Calendar.from_ical(feed).to_ical()) == Calendar.from_ical(feed)
    for session in schedule.sessions:
        download = session_download(schedule, session, speakers=links)
        assert libical(download) == []
        [event] = Calendar.from_ical(download).walk("VEVENT")
        assert str(event["URL"]) == f"{BASE_URL}/s/{schedule.id}/{session.id}"
