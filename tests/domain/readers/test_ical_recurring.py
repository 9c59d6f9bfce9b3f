"""Recurring events in .ics files: RRULE series, EXDATE, RDATE, RECURRENCE-ID overrides, and
problems reported on their line; the expansion of what is read checked against
recurring-ical-events, an expander written independently of ours."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events

from bot.domain.agenda import Schedule
from bot.domain.recurrence import occurrences
from bot.domain.zones.local_time import midnight
from tests.helpers import PAGES, messages, read_page, read_text, utc

RECURRING_PAGES = sorted(p.name for p in PAGES.glob("recurring-*.ics"))
YEAR = (datetime(2026, 1, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC))


def test_a_weekly_series_with_exdates_rdates_an_override_and_a_cancelled_occurrence() -> None:
    result = read_page("recurring-weekly.ics")
    assert messages(result) == []
    [schedule] = result.schedules
    assert [s.title for s in schedule.sessions] == ["Year kickoff"]
    board, weekly = schedule.series
    assert weekly.id == "weekly-call-example-org"
    assert weekly.start == datetime(2026, 1, 8, 10, tzinfo=ZoneInfo("America/Los_Angeles"))
    assert isinstance(weekly.start.tzinfo, ZoneInfo)
    assert weekly.start.tzinfo.key == "America/Los_Angeles"
    assert weekly.repeat is not None and weekly.repeat.rule == "FREQ=WEEKLY;BYDAY=TH"
    # TZID'd lists, a UTC EXDATE and the cancelled RECURRENCE-ID, all as instants.
    assert [utc(m) for m in weekly.repeat.exdates] == [
        "2026-03-26T17:00Z",
        "2026-04-02T17:00Z",
        "2026-11-26T18:00Z",
        "2026-12-24T18:00Z",
    ]
    assert [utc(m) for m in weekly.repeat.rdates] == ["2026-06-16T17:00Z"]
    assert board.repeat is not None and board.repeat.rule == "FREQ=MONTHLY;COUNT=12;BYDAY=1WE"
    assert utc(board.end) == "2026-01-08T02:30Z"  # DURATION
    [moved] = schedule.overrides
    assert (moved.series_id, utc(moved.recurrence_id), utc(moved.start)) == (
        weekly.id,
        "2026-07-09T17:00Z",
        "2026-07-09T22:00Z",
    )
    assert moved.title == "Weekly community call (moved to the afternoon)"


def test_an_all_day_series_reads_date_exdates_and_a_date_recurrence_id() -> None:
    [schedule] = read_page("recurring-all-day.ics").schedules
    [series] = schedule.series
    berlin = ZoneInfo("Europe/Berlin")
    assert series.all_day and series.start == midnight(date(2026, 1, 15), berlin)
    assert series.repeat is not None
    assert [m.date().isoformat() for m in series.repeat.exdates] == [
        "2026-08-15",
        "2026-10-15",
        "2026-11-15",
    ]
    assert all(m.time() == time(0) for m in series.repeat.exdates)
    [override] = schedule.overrides
    assert override.recurrence_id == midnight(date(2026, 3, 15), berlin)
    assert (override.first_day, override.last_day) == (date(2026, 3, 14), date(2026, 3, 15))


def test_utc_and_windows_zone_series_keep_their_zones() -> None:
    [schedule] = read_page("recurring-utc-and-windows.ics").schedules
    release, docs = schedule.series
    assert release.start.tzinfo is UTC
    assert isinstance(docs.start.tzinfo, ZoneInfo) and docs.start.tzinfo.key == "Europe/Berlin"


EDGES = """\
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Example//EN
X-WR-TIMEZONE:UTC
BEGIN:VEVENT
UID:hourly@example.org
SUMMARY:Standup every hour
DTSTART:20260105T090000Z
RRULE:FREQ=HOURLY;COUNT=5
END:VEVENT
BEGIN:VEVENT
UID:periods@example.org
SUMMARY:Office hours
DTSTART:20260105T090000
DURATION:PT1H
RRULE:FREQ=DAILY;COUNT=3
RDATE;VALUE=PERIOD:20260110T090000/PT2H
RDATE:20260111T090000
EXDATE;VALUE=DATE:20260106
END:VEVENT
BEGIN:VEVENT
UID:orphan@example.org
RECURRENCE-ID:20260107T090000Z
SUMMARY:Lost change
DTSTART:20260107T100000Z
END:VEVENT
BEGIN:VEVENT
UID:periods@example.org
RECURRENCE-ID:20260107T093000
SUMMARY:No such occurrence
DTSTART:20260107T100000
END:VEVENT
BEGIN:VEVENT
UID:broken@example.org
SUMMARY:Broken rule
DTSTART:20260105T090000Z
RRULE:FREQ=WEEKLY;BYDAY=XX
END:VEVENT
BEGIN:VEVENT
UID:runaway@example.org
SUMMARY:Every minute of the day
DTSTART:20260105T000000Z
RRULE:FREQ=DAILY;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23;BYMINUTE=0,5,10,15,20,25,30,35,40,45,50,55
END:VEVENT
END:VCALENDAR
"""


def test_problems_with_recurring_events_are_reported_on_their_line() -> None:
    result = read_text(EDGES, "edges.ics")
    assert messages(result) == [
        "9: error: event skipped: RRULE 'FREQ=HOURLY;COUNT=5': FREQ=HOURLY is not for meetings "
        "(DAILY, WEEKLY, MONTHLY or YEARLY)",
        "11: warning: DTSTART has no time zone (floating time); read in UTC",
        "17: warning: RDATE 20260110T090000/PT2H is a PERIOD; only dates and date-times are "
        "read, so it is left out",
        "37: error: event skipped: RRULE: Expected weekday abbreviation, got: XX",
        "43: error: event skipped: RRULE 'FREQ=DAILY;BYMINUTE=0,5,10,15,20,25,30,35,40,45,50,"
        "55;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23' meets 288 "
        "times a day; a meeting series meets at most 4 times a day",
        "23: warning: RECURRENCE-ID: no recurring event with UID orphan@example.org in this "
        "calendar; read as a single event",
        "29: warning: RECURRENCE-ID 20260107T093000 is not an occurrence of its recurring "
        "event; this change is left out",
    ]
    [schedule] = result.schedules
    [periods] = schedule.series
    assert periods.repeat is not None
    assert [utc(m) for m in periods.repeat.rdates] == ["2026-01-11T09:00Z"]
    # A DATE EXDATE on a timed series skips the occurrence of that day.
    assert [utc(m) for m in periods.repeat.exdates] == ["2026-01-06T09:00Z"]
    starts = [utc(o.start) for o in occurrences(schedule, *YEAR)]
    assert starts == ["2026-01-05T09:00Z", "2026-01-07T09:00Z", "2026-01-11T09:00Z"]
    assert [(s.id, s.title, utc(s.start)) for s in schedule.sessions] == [
        ("orphan-example-org-20260107", "Lost change", "2026-01-07T10:00Z")
    ]


def test_a_rule_given_twice_is_read_once_with_a_warning() -> None:
    text = EDGES.replace(
        "RRULE:FREQ=DAILY;COUNT=3\n", "RRULE:FREQ=DAILY;COUNT=3\nRRULE:FREQ=WEEKLY\n"
    )
    result = read_text(text, "edges.ics")
    assert "16: warning: RRULE is given 2 times; the first is read" in messages(result)


def test_a_cancelled_series_takes_its_overrides_with_it() -> None:
    text = (PAGES / "recurring-weekly.ics").read_text(encoding="utf-8")
    cancelled = text.replace(
        "RRULE:FREQ=WEEKLY;BYDAY=TH\n", "RRULE:FREQ=WEEKLY;BYDAY=TH\nSTATUS:CANCELLED\n"
    )
    result = read_text(cancelled, "weekly.ics")
    [schedule] = result.schedules
    assert [s.id for s in schedule.series] == ["board-example-org"]
    assert schedule.overrides == ()
    assert [s.title for s in schedule.sessions] == [
        "Year kickoff",
        "Weekly community call (moved to the afternoon)",
    ]
    assert messages(result) == [
        "36: warning: RECURRENCE-ID: no recurring event with UID weekly-call@example.org in "
        "this calendar; read as a single event"
    ]


# ---- the oracle: recurring-ical-events expands the same files ----------------------------------


def _oracle(text: str, zone: tzinfo) -> list[tuple[str, str]]:
    """(summary, start in UTC) of every event recurring-ical-events finds in the year, those
    cancelled left out; dates (all-day) as midnight in the calendar's zone, floating times in it
    too, as our reader does."""
    calendar = icalendar.Calendar.from_ical(text)
    found = []
    for event in recurring_ical_events.of(calendar).between(*YEAR):
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            continue
        start = event["DTSTART"].dt
        if not isinstance(start, datetime):
            start = midnight(start, zone)
        elif start.tzinfo is None:
            start = start.replace(tzinfo=zone)
        found.append((str(event["SUMMARY"]), utc(start) or ""))
    return sorted(found)


def _ours(schedule: Schedule) -> list[tuple[str, str]]:
    found = [(s.title, utc(s.start) or "") for s in schedule.sessions]
    found += [(o.title, utc(o.start) or "") for o in occurrences(schedule, *YEAR)]
    return sorted(found)


@pytest.mark.parametrize("page", RECURRING_PAGES)
def test_our_expansion_of_what_we_read_equals_recurring_ical_events(page: str) -> None:
    result = read_page(page)
    assert result.schedules and not [d for d in result.diagnostics if d.severity == "error"]
    [schedule] = result.schedules
    ours = _ours(schedule)
    assert len(ours) >= 10
    assert ours == _oracle((PAGES / page).read_text(encoding="utf-8"), schedule.timezone)


def test_a_series_starting_in_a_dst_gap_repeats_at_the_time_written() -> None:
    text = """\
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Example//EN
BEGIN:VEVENT
UID:early@example.org
SUMMARY:Early call
DTSTART;TZID=America/Los_Angeles:20260308T023000
DURATION:PT30M
RRULE:FREQ=WEEKLY;COUNT=3
END:VEVENT
END:VCALENDAR
"""
    result = read_text(text, "early.ics")
    assert messages(result) == [
        "4: warning: 2026-03-08 02:30 does not exist in America/Los_Angeles (clocks move "
        "forward); read as 03:30 UTC-07:00"
    ]
    [schedule] = result.schedules
    starts = [utc(o.start) for o in occurrences(schedule, *YEAR)]
    assert starts == ["2026-03-08T10:30Z", "2026-03-15T09:30Z", "2026-03-22T09:30Z"]
    assert _ours(schedule) == _oracle(text, schedule.timezone)


def test_mutated_recurring_calendars_read_and_expand_without_raising() -> None:
    import contextlib
    import random
    import time as clock

    from bot.domain.readers.context import ReadOptions
    from bot.domain.readers.source import read_bytes
    from bot.domain.recurrence import RecurrenceError, expanded
    from tests.domain.readers.test_fuzz_readers import mutate

    seeds = [(PAGES / p).read_text(encoding="utf-8") for p in RECURRING_PAGES] + [EDGES]
    rng = random.Random(20261130)
    deadline = clock.monotonic() + 3
    problems: list[str] = []
    count = 0
    while clock.monotonic() < deadline and len(problems) < 5:
        text = mutate(rng, rng.choice(seeds))
        count += 1
        try:
            result = read_bytes(text.encode("utf-8", "surrogatepass"), "f.ics", ReadOptions())
            for schedule in result.schedules:
                for series in schedule.series:
                    window = (series.start - timedelta(days=30), series.start + timedelta(days=400))
                    # A RecurrenceError is what the agenda library reports on the series' line.
                    with contextlib.suppress(RecurrenceError):
                        expanded(schedule, *window)
        except Exception as exc:
            problems.append(f"input {count} raised {type(exc).__name__}: {exc}\n{text}")
    assert not problems, "\n\n".join(problems)
    assert count >= 30
