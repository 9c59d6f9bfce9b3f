"""Each event links to its session's web page on the feed server (calendar-interop: "Repeat the
session URL inside DESCRIPTION"): DESCRIPTION ends with `<base_url>/s/<schedule>/<session>`,
and URL is that page when the session has no link of its own. Only agendas the feed server
shows get one; the bytes stay the same from one build to the next."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from icalendar import Calendar

from bot.domain.agenda import Link
from bot.domain.ics.calendars import feed_calendar, session_download
from bot.domain.ics.revisions import advance
from bot.domain.ics.speakers import SpeakerLinks
from bot.domain.recurrence import expanded
from tests.domain.ics.speaker_world import BASE_URL
from tests.helpers import SEED, read_page

SHOWN = "istio-meetup-china-2021"
PAGES = SpeakerLinks({}, BASE_URL, frozenset({SHOWN}))
STAMP = datetime(2021, 7, 6, 12, 0, tzinfo=UTC)


def _seed():  # type: ignore[no-untyped-def]
    from bot.domain.readers.context import ReadOptions
    from bot.domain.readers.source import read_path

    return read_path(SEED, ReadOptions()).schedules[0]


def _events(data: bytes) -> dict[str, tuple[str, str]]:
    """Each event's URL and the last line of its DESCRIPTION, by the session id in its UID."""
    found = {}
    for event in Calendar.from_ical(data).walk("VEVENT"):
        session = str(event["UID"]).split("@")[0].removeprefix(f"{SHOWN}-")
        found[session] = (str(event.get("URL", "")), str(event["DESCRIPTION"]).splitlines()[-1])
    return found


def test_every_event_of_a_shown_agenda_ends_with_its_sessions_page() -> None:
    schedule = _seed()
    events = _events(feed_calendar(schedule.title, [schedule], {}, speakers=PAGES))
    assert len(events) == 9
    for session in schedule.sessions:
        page = f"{BASE_URL}/s/{SHOWN}/{session.id}"
        assert events[session.id] == (page, page)


def test_a_session_with_a_link_of_its_own_keeps_it_as_url() -> None:
    schedule = _seed()
    first = replace(schedule.sessions[0], links=(Link("https://meetup.example/live", "Live"),))
    schedule = replace(schedule, sessions=(first, *schedule.sessions[1:]))
    event = Calendar.from_ical(session_download(schedule, first, speakers=PAGES)).walk("VEVENT")[0]
    assert str(event["URL"]) == "https://meetup.example/live"
    lines = str(event["DESCRIPTION"]).splitlines()
    assert "Live: https://meetup.example/live" in lines
    assert lines[-1] == f"{BASE_URL}/s/{SHOWN}/{first.id}"


def test_an_agenda_the_server_does_not_show_and_a_feed_without_base_url_get_no_page() -> None:
    schedule = _seed()
    for links in (SpeakerLinks({}, BASE_URL), SpeakerLinks({}, "", frozenset({SHOWN}))):
        text = feed_calendar(schedule.title, [schedule], {}, speakers=links).decode()
        assert "/s/" not in text.replace("\r\n ", "")


def test_a_series_links_its_agenda_and_a_cancelled_event_links_nothing() -> None:
    weekly = read_page("recurring-weekly.ics").schedules[0]
    weekly = expanded(weekly, datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 3, 1, tzinfo=UTC))
    links = SpeakerLinks({}, BASE_URL, frozenset({weekly.id}))
    events = Calendar.from_ical(feed_calendar("x", [weekly], {}, speakers=links)).walk("VEVENT")
    series = [e for e in events if "RRULE" in e]
    assert len(series) == 2
    for event in series:
        assert str(event["DESCRIPTION"]).splitlines()[-1] == f"{BASE_URL}/s/{weekly.id}"
    [moved] = [e for e in events if "RECURRENCE-ID" in e]
    assert str(moved["URL"]) == f"{BASE_URL}/s/{weekly.id}/weekly-call-example-org@20260709"
    schedule = _seed()
    book = advance({}, schedule, now=STAMP, first_seen=STAMP)
    shorter = replace(schedule, sessions=schedule.sessions[1:])
    book = advance(book, shorter, now=STAMP, first_seen=STAMP)
    feed = Calendar.from_ical(feed_calendar("x", [shorter], book, speakers=PAGES))
    [cancelled] = [e for e in feed.walk("VEVENT") if str(e["STATUS"]) == "CANCELLED"]
    assert "/s/" not in str(cancelled["DESCRIPTION"]) and "URL" not in cancelled


def test_the_bytes_are_the_same_from_one_build_to_the_next() -> None:
    schedule = _seed()
    book = advance({}, schedule, now=STAMP, first_seen=STAMP)
    first = feed_calendar(schedule.title, [schedule], book, speakers=PAGES)
    assert feed_calendar(schedule.title, [schedule], book, speakers=PAGES) == first
    session = schedule.sessions[2]
    assert session_download(schedule, session, speakers=PAGES) == session_download(
        schedule, session, speakers=PAGES
    )
