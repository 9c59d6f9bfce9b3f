"""Recurring meetings in the .ics we write: a series is one VEVENT (RRULE, EXDATE, RDATE) with
its overrides beside it, never its materialised occurrences; what we write expands (through
recurring-ical-events, an independent expander) to exactly the occurrences we expand ourselves;
revisions follow series and overrides, never the occurrences of a rolling window."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest
import recurring_ical_events

from bot.domain.agenda import Recurrence, Schedule, Session, SourceRef
from bot.domain.ics.calendars import feed_calendar, session_download, uid
from bot.domain.ics.revisions import (
    advance,
    retire,
    revision_from_json,
    revision_key,
    revision_to_json,
)
from bot.domain.recurrence import expanded, occurrences
from tests.helpers import PAGES, read_page, read_text, utc

RECURRING_PAGES = sorted(p.name for p in PAGES.glob("recurring-*.ics"))
YEAR = (datetime(2026, 1, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC))
T0 = datetime(2025, 12, 1, tzinfo=UTC)


def _weekly() -> Schedule:
    return read_page("recurring-weekly.ics").schedules[0]


def _events(data: bytes) -> list[icalendar.Component]:
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def test_a_weekly_series_over_a_year_is_one_vevent_not_52() -> None:
    schedule = expanded(_weekly(), *YEAR)
    assert len([s for s in schedule.sessions if s.series_id == "weekly-call-example-org"]) == 49
    data = feed_calendar(schedule.title, [schedule], {})
    events = _events(data)
    series_uid = uid(schedule.id, "weekly-call-example-org")
    mine = [e for e in events if str(e["UID"]) == series_uid]
    assert len(mine) == 2  # the series and its one override
    master, moved = mine
    assert "RECURRENCE-ID" not in master and "RECURRENCE-ID" in moved
    assert len(events) == 4  # kickoff, board series, weekly series, override
    text = data.decode()
    assert "RRULE:FREQ=WEEKLY;BYDAY=TH\r\n" in text
    assert "RRULE:FREQ=MONTHLY;COUNT=12;BYDAY=1WE\r\n" in text
    assert "RDATE:20260616T170000Z\r\n" in text
    assert "EXDATE;TZID=America/Los_Angeles:20260326T100000,20260402T100000,20261126T1" in text
    assert "RECURRENCE-ID;TZID=America/Los_Angeles:20260709T100000\r\n" in text
    assert "@20260" not in text  # no occurrence written as an event of its own


def test_the_series_vtimezone_follows_the_zone_for_years_with_yearly_rules() -> None:
    data = feed_calendar("x", [_weekly()], {})
    [zone] = icalendar.Calendar.from_ical(data).walk("VTIMEZONE")
    assert str(zone["TZID"]) == "America/Los_Angeles"
    rules = sorted(str(c["RRULE"].to_ical().decode()) for c in zone.subcomponents if "RRULE" in c)
    assert rules == ["FREQ=YEARLY;BYDAY=1SU;BYMONTH=11", "FREQ=YEARLY;BYDAY=2SU;BYMONTH=3"]
    assert "COMMENT" not in zone


def test_an_all_day_series_writes_dates_and_until_as_a_date() -> None:
    schedule = read_page("recurring-all-day.ics").schedules[0]
    text = feed_calendar("x", [schedule], {}).decode()
    assert "RRULE:FREQ=MONTHLY;UNTIL=20261231;BYMONTHDAY=15\r\n" in text
    assert "EXDATE;VALUE=DATE:20260815,20261015,20261115\r\n" in text
    assert "RECURRENCE-ID;VALUE=DATE:20260315\r\n" in text
    assert "BEGIN:VTIMEZONE" not in text


def test_a_utc_series_is_written_in_utc() -> None:
    schedule = read_page("recurring-utc-and-windows.ics").schedules[0]
    text = feed_calendar("x", [schedule], {}).decode()
    assert "DTSTART:20260105T160000Z\r\n" in text
    assert "RRULE:FREQ=WEEKLY;UNTIL=20261231T235959Z;INTERVAL=2;BYDAY=MO\r\n" in text
    assert "EXDATE:20260330T160000Z\r\n" in text
    assert "TZID=W. Europe" not in text and "DTSTART;TZID=Europe/Berlin:20260106T180000" in text


def _expanded_by_oracle(data: bytes) -> list[tuple[str, str, str | None]]:
    """(UID, start, end) in UTC of every event recurring-ical-events finds in the year, dates
    as they are."""
    found = []
    for event in recurring_ical_events.of(icalendar.Calendar.from_ical(data)).between(*YEAR):
        start, end = event["DTSTART"].dt, event["DTEND"].dt if "DTEND" in event else None
        if isinstance(start, datetime):
            found.append((str(event["UID"]), utc(start) or "", utc(end)))
        else:
            found.append((str(event["UID"]), start.isoformat(), end and end.isoformat()))
    return sorted(found)


def _expanded_by_us(schedule: Schedule) -> list[tuple[str, str, str | None]]:
    found = []
    for session in expanded(schedule, *YEAR).sessions:
        key = uid(schedule.id, session.series_id or session.id)
        if session.all_day:
            end = session.last_day + timedelta(days=1)
            found.append((key, session.first_day.isoformat(), end.isoformat()))
        else:
            found.append((key, utc(session.start) or "", utc(session.end)))
    return sorted(found)


@pytest.mark.parametrize("page", RECURRING_PAGES)
def test_what_we_write_expands_in_recurring_ical_events_to_our_occurrences(page: str) -> None:
    schedule = read_page(page).schedules[0]
    data = feed_calendar(schedule.title, [expanded(schedule, *YEAR)], {})
    ours = _expanded_by_us(schedule)
    assert len(ours) >= 10
    assert _expanded_by_oracle(data) == ours


@pytest.mark.parametrize("page", RECURRING_PAGES)
def test_what_we_write_reads_back_as_the_same_series(page: str) -> None:
    schedule = read_page(page).schedules[0]
    again = read_text(feed_calendar(schedule.title, [schedule], {}).decode(), page).schedules[0]
    assert [o.start for o in occurrences(again, *YEAR)] == [
        o.start for o in occurrences(schedule, *YEAR)
    ]
    for first, second in zip(schedule.series, again.series, strict=True):
        assert first.repeat is not None and second.repeat is not None
        assert [m.timestamp() for m in first.repeat.exdates] == [
            m.timestamp() for m in second.repeat.exdates
        ]


def test_a_download_of_one_occurrence_is_that_occurrence_alone_with_its_own_uid() -> None:
    schedule = expanded(_weekly(), *YEAR)
    occurrence = next(s for s in schedule.sessions if s.id == "weekly-call-example-org@20260709")
    [event] = _events(session_download(schedule, occurrence))
    assert str(event["UID"]) == uid(schedule.id, "weekly-call-example-org@20260709")
    assert "RRULE" not in event and "RECURRENCE-ID" not in event
    assert utc(event["DTSTART"].dt) == "2026-07-09T22:00Z"  # the override's time


def test_a_personal_feed_has_a_starred_occurrence_alone_and_a_followed_series_whole() -> None:
    schedule = expanded(_weekly(), *YEAR)
    starred = {"weekly-call-example-org@20260115"}
    events = _events(
        feed_calendar("mine", [schedule], {}, include=lambda _s, session: session in starred)
    )
    assert [(str(e["UID"]), "RRULE" in e) for e in events] == [
        (uid(schedule.id, "weekly-call-example-org@20260115"), False)
    ]
    followed = _events(feed_calendar("mine", [schedule], {}, include=lambda _s, _x: True))
    assert len(followed) == 4 and sum("RRULE" in e for e in followed) == 2


def test_occurrences_get_no_revisions_and_a_rolling_window_changes_nothing() -> None:
    schedule = _weekly()
    january = expanded(schedule, datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 5, 1, tzinfo=UTC))
    book = advance({}, january, now=T0, first_seen=T0)
    assert sorted(book) == sorted(
        revision_key(schedule.id, i)
        for i in (
            "kickoff-example-org",
            "board-example-org",
            "weekly-call-example-org",
            "weekly-call-example-org@20260709",
        )
    )
    june = expanded(schedule, datetime(2026, 6, 1, tzinfo=UTC), datetime(2026, 10, 1, tzinfo=UTC))
    later = advance(book, june, now=T0 + timedelta(days=150), first_seen=T0)
    assert later == book
    assert feed_calendar("x", [june], later) == feed_calendar("x", [january], book)


def test_a_changed_rule_or_exdate_raises_the_series_sequence() -> None:
    schedule = _weekly()
    book = advance({}, schedule, now=T0, first_seen=T0)
    weekly = schedule.series[1]
    assert weekly.repeat is not None
    skipped = replace(
        weekly,
        repeat=replace(
            weekly.repeat, exdates=(*weekly.repeat.exdates, datetime(2026, 1, 15, 18, tzinfo=UTC))
        ),
    )
    changed = replace(schedule, series=(schedule.series[0], skipped))
    after = advance(book, changed, now=T0 + timedelta(days=1), first_seen=T0)
    key = revision_key(schedule.id, weekly.id)
    assert (after[key].sequence, book[key].sequence) == (1, 0)
    assert {k: r.sequence for k, r in after.items() if k != key} == {k: 0 for k in book if k != key}
    rule = replace(weekly, repeat=replace(weekly.repeat, rule="FREQ=WEEKLY;BYDAY=TU"))
    again = advance(
        after, replace(schedule, series=(schedule.series[0], rule)), now=T0, first_seen=T0
    )
    assert again[key].sequence == 2
    text = feed_calendar("x", [changed], after).decode()
    assert "UID:recurring-weekly-weekly-call-example-org@agenda-bot\r\nSEQUENCE:1" in text


def test_a_removed_override_is_dropped_and_a_removed_series_cancelled_once() -> None:
    schedule = _weekly()
    book = advance({}, schedule, now=T0, first_seen=T0)
    without = replace(schedule, series=schedule.series[:1], overrides=())
    after = advance(book, without, now=T0 + timedelta(days=1), first_seen=T0)
    series_key = revision_key(schedule.id, "weekly-call-example-org")
    assert (after[series_key].cancelled, after[series_key].sequence) == (True, 1)
    assert revision_key(schedule.id, "weekly-call-example-org@20260709") not in after
    events = _events(feed_calendar("x", [without], after))
    cancelled = [(str(e["UID"]), str(e["STATUS"]), "RRULE" in e) for e in events]
    assert (uid(schedule.id, "weekly-call-example-org"), "CANCELLED", True) in cancelled
    assert not [e for e in events if "RECURRENCE-ID" in e]
    retired = retire(book, schedule.id, now=T0 + timedelta(days=1))
    assert {r.session.id for r in retired.values()} == {
        "kickoff-example-org",
        "board-example-org",
        "weekly-call-example-org",
    }
    gone = replace(schedule, sessions=())  # a retired agenda keeps its series, cancelled
    written = _events(feed_calendar("x", [gone], retired))
    assert sorted(str(e["STATUS"]) for e in written) == ["CANCELLED"] * 3


def test_series_and_override_revisions_survive_a_json_round_trip_exactly() -> None:
    for page in RECURRING_PAGES:
        schedule = read_page(page).schedules[0]
        for revision in advance({}, schedule, now=T0, first_seen=T0).values():
            encoded = json.loads(json.dumps(revision_to_json(revision)))
            assert revision_from_json(encoded) == revision


def test_a_one_off_sessions_revision_json_has_no_recurrence_fields() -> None:
    schedule = _weekly()
    book = advance({}, schedule, now=T0, first_seen=T0)
    kickoff = book[revision_key(schedule.id, "kickoff-example-org")]
    assert not {"repeat", "series_id", "recurrence_id"} & set(revision_to_json(kickoff)["session"])


def test_an_rdate_only_series_and_a_year_long_daily_series_write_and_expand() -> None:
    start = datetime(2026, 3, 1, 9, tzinfo=UTC)
    series = Session(
        id="extra",
        title="Extra",
        start=start,
        end=start + timedelta(hours=1),
        repeat=Recurrence("FREQ=DAILY;COUNT=1", rdates=(start + timedelta(days=9),)),
    )
    daily = replace(series, id="daily", repeat=Recurrence("FREQ=DAILY"))
    schedule = Schedule("s", "S", UTC, (), SourceRef("s.ics"), series=(series, daily))
    data = feed_calendar("S", [schedule], {})
    assert len(_events(data)) == 2
    assert _expanded_by_oracle(data) == _expanded_by_us(schedule)
    assert len(_expanded_by_us(schedule)) == 2 + (date(2027, 1, 1) - date(2026, 3, 1)).days
