from __future__ import annotations

from bot.domain.agenda import SessionKind
from tests.helpers import messages, read_text, timeline

CALENDAR = """\
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Example//EN
X-WR-CALNAME:Mesh Day
BEGIN:VTIMEZONE
TZID:China Standard Time
BEGIN:STANDARD
DTSTART:16010101T000000
TZOFFSETFROM:+0800
TZOFFSETTO:+0800
END:STANDARD
END:VTIMEZONE
BEGIN:VEVENT
UID:talk-1@example.org
SUMMARY:Keynote
DTSTART;TZID=China Standard Time:20210710T133000
DTEND;TZID=China Standard Time:20210710T140000
LOCATION:Hall 1
END:VEVENT
BEGIN:VEVENT
UID:talk-2@example.org
SUMMARY:Floating talk
DTSTART:20210710T143000
DURATION:PT30M
END:VEVENT
BEGIN:VEVENT
UID:day-2@example.org
SUMMARY:Hack day
DTSTART;VALUE=DATE:20210711
END:VEVENT
BEGIN:VEVENT
UID:broken@example.org
SUMMARY:Broken
DTSTART:2021071
END:VEVENT
BEGIN:VEVENT
UID:gone@example.org
SUMMARY:Cancelled
STATUS:CANCELLED
DTSTART:20210710T150000Z
END:VEVENT
END:VCALENDAR
"""


def test_ics_events_become_sessions_with_windows_zone_names_mapped_to_iana() -> None:
    result = read_text(CALENDAR, "mesh.ics")
    [schedule] = result.schedules
    assert (schedule.title, schedule.timezone_name) == ("Mesh Day", "Asia/Shanghai")
    assert timeline(schedule) == [
        ("Keynote", "2021-07-10T05:30Z", "2021-07-10T06:00Z"),
        ("Floating talk", "2021-07-10T06:30Z", "2021-07-10T07:00Z"),
        ("Hack day", "2021-07-10T16:00Z", "2021-07-11T16:00Z"),
    ]
    assert schedule.sessions[0].id == "talk-1-example-org"
    assert schedule.sessions[0].kind is SessionKind.KEYNOTE
    assert schedule.sessions[0].location == "Hall 1"
    assert schedule.sessions[2].all_day is True
    assert messages(result) == [
        "20: warning: DTSTART has no time zone (floating time); read in Asia/Shanghai",
        "34: error: event skipped: DTSTART: Expected time, got: 2021071",
    ]


def test_garbage_is_a_clear_error() -> None:
    result = read_text("this is not a calendar", "x.ics")
    assert result.schedules == []
    assert messages(result)[0].startswith("0: error: not a valid iCalendar file")
