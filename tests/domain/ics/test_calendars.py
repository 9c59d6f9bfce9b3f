"""The .ics we write, against the checklist in docs/calendar-interop.md."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from icalendar import Calendar

from bot.domain.ics.calendars import PRODID, feed_calendar, session_download
from bot.domain.ics.revisions import advance
from tests.helpers import SEED, read_page, read_text

STAMP = datetime(2021, 7, 6, 12, 0, tzinfo=UTC)


def _seed():
    from bot.domain.readers.context import ReadOptions
    from bot.domain.readers.source import read_path

    return read_path(SEED, ReadOptions()).schedules[0]


def _lines(data: bytes) -> list[str]:
    return Calendar.from_ical(data).to_ical().decode().splitlines()


def test_feed_events_carry_the_agendas_tzid_with_one_narrow_vtimezone() -> None:
    schedule = _seed()
    text = feed_calendar(schedule.title, [schedule], {}).decode()
    calendar = Calendar.from_ical(text)
    [zone] = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Asia/Shanghai"
    assert [c.name for c in zone.subcomponents] == ["STANDARD"]  # no 1986-91 DST RDATE lists
    assert "COMMENT" not in zone  # RFC 5545 allows COMMENT only inside STANDARD/DAYLIGHT
    starts = [e["DTSTART"] for e in calendar.walk("VEVENT")]
    assert {s.params["TZID"] for s in starts} == {"Asia/Shanghai"}
    assert starts[0].dt == datetime(2021, 7, 10, 5, 30, tzinfo=UTC)
    assert "TZID=CST" not in text and ":CST" not in text.replace("TZNAME:CST", "")


def test_feed_has_calendar_name_refresh_hints_and_no_method_attendee_or_alarm() -> None:
    schedule = _seed()
    text = feed_calendar(schedule.title, [schedule], {}).decode()
    assert f"PRODID:{PRODID}" in text
    assert "NAME:The first local Istio meetup is here!" in text
    assert "X-WR-CALNAME:The first local Istio meetup is here!" in text
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT6H" in text
    assert "X-PUBLISHED-TTL:PT6H" in text
    for absent in ("METHOD:", "ATTENDEE", "BEGIN:VALARM"):
        assert absent not in text
    calendar = Calendar.from_ical(text)
    assert "UID" not in calendar  # no random calendar UID
    assert len({str(e["UID"]) for e in calendar.walk("VEVENT")}) == 9


def test_uids_are_stable_and_unchanged_data_gives_byte_identical_output() -> None:
    schedule = _seed()
    book = advance({}, schedule, now=STAMP, first_seen=STAMP)
    first = feed_calendar(schedule.title, [schedule], book)
    again = feed_calendar(
        schedule.title,
        [_seed()],
        advance(book, _seed(), now=STAMP + timedelta(days=3), first_seen=STAMP),
    )
    assert first == again
    assert b"UID:istio-meetup-china-2021-sign-in@agenda-bot" in first
    assert b"DTSTAMP:20210706T120000Z" in first and b"LAST-MODIFIED:20210706T120000Z" in first


def test_description_location_url_and_categories_carry_what_clients_show() -> None:
    result = read_text(
        "---\ntitle: T\ntimezone: Europe/Berlin\nvenue: Hall, Main St 1\n---\n\n**Date:** 2024-03-01\n\n"
        "| Time | Talk | Speaker | Room | Track |\n|--|--|--|--|--|\n"
        "| 10:00-11:00 | [Deep dive](https://example.org/talk) | Ana (Acme) | R1 | Ops |\n"
    )
    schedule = result.schedules[0]
    [event] = Calendar.from_ical(feed_calendar("T", [schedule], {})).walk("VEVENT")
    assert str(event["LOCATION"]) == "R1, Hall, Main St 1"
    assert str(event["URL"]) == "https://example.org/talk"
    assert event["DESCRIPTION"].splitlines() == [
        "Speaker: Ana (Acme)",
        "Track: Ops",
        "Deep dive: https://example.org/talk",
        "Agenda: T",
    ]
    assert [str(c) for c in event["CATEGORIES"].cats] == ["talk", "Ops"]
    assert b"LOCATION:R1\\, Hall\\, Main St 1" in feed_calendar("T", [schedule], {})


def test_all_day_entries_are_dates_with_an_exclusive_end() -> None:
    schedule = read_page("front-matter-only.md").schedules[0]
    text = feed_calendar(schedule.title, [schedule], {}).decode()
    assert "DTSTART;VALUE=DATE:20240601" in text
    assert "DTEND;VALUE=DATE:20240603" in text
    assert "BEGIN:VTIMEZONE" not in text


def test_fixed_offset_agendas_are_written_in_utc_never_as_a_made_up_tzid() -> None:
    # UTC+8 with no place to narrow it (China, Singapore, Perth...) stays a fixed offset.
    page = "# Online meetup\n\n**Time:** July 10, 2021, 13:30-17:30 (UTC+8)\n\n- 13:30 Talks\n"
    schedule = read_text(page).schedules[0]
    assert schedule.timezone_name == "UTC+08:00"
    text = feed_calendar(schedule.title, [schedule], {}).decode()
    assert "DTSTART:20210710T053000Z" in text
    assert "TZID" not in text


def test_download_has_no_calendar_name_and_an_alarm_only_when_asked() -> None:
    schedule = _seed()
    session = schedule.sessions[0]
    plain = session_download(schedule, session).decode()
    assert "X-WR-CALNAME" not in plain and "\r\nNAME:" not in plain
    assert "BEGIN:VALARM" not in plain
    alarmed = session_download(schedule, session, alarm=timedelta(minutes=15)).decode()
    assert "BEGIN:VALARM" in alarmed and "TRIGGER:-PT15M" in alarmed
    assert alarmed.count("BEGIN:VEVENT") == 1


def test_round_trip_through_icalendar_keeps_every_instant() -> None:
    schedule = read_page("parallel-tracks.md").schedules[0]
    events = Calendar.from_ical(feed_calendar("x", [schedule], {})).walk("VEVENT")
    by_uid = {str(e["UID"]): (e["DTSTART"].dt, e["DTEND"].dt) for e in events}
    assert by_uid == {
        f"{schedule.id}-{s.id}@agenda-bot": (s.start, s.end) for s in schedule.sessions
    }


def test_vtimezone_window_covers_sessions_across_a_dst_change() -> None:
    result = read_text(
        "---\ntitle: T\ntimezone: Europe/Berlin\n---\n\n## Saturday 30 March 2024\n\n"
        "- 10:00 - 11:00: Saturday talk\n\n## Tuesday 2 April 2024\n\n- 10:00 - 11:00: Tuesday talk\n"
    )
    [schedule] = result.schedules
    calendar = Calendar.from_ical(feed_calendar("T", [schedule], {}))
    [zone] = calendar.walk("VTIMEZONE")
    assert [c.name for c in zone.subcomponents][:2] == ["STANDARD", "DAYLIGHT"]
    offsets = [e["DTSTART"].dt.utcoffset() for e in calendar.walk("VEVENT")]
    assert offsets == [timedelta(hours=1), timedelta(hours=2)]


def test_the_second_of_a_repeated_hour_is_written_in_utc_so_clients_read_it_right() -> None:
    page = "# Fall-back hack 2027, Denver\n\n### Sunday, November 7\n\n"
    page += "| Time | What |\n|---|---|\n| 12:30 AM MDT | Ramen bar |\n"
    page += "| 1:30 AM MST ← the *second* 1:30 | Demos |\n| 3:00 AM MST | Snack raid |\n"
    schedule = read_text(page).schedules[0]
    text = feed_calendar(schedule.title, [schedule], {}).decode()
    assert "DTSTART;TZID=America/Denver:20271107T003000" in text  # the first 00:30: local
    assert "DTSTART:20271107T083000Z" in text  # the second 1:30 (MST), not 1:30 MDT
    events = Calendar.from_ical(text).walk("VEVENT")
    starts = sorted(e["DTSTART"].dt.astimezone(UTC) for e in events)
    assert starts == sorted(s.start.astimezone(UTC) for s in schedule.sessions)
