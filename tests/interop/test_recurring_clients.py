"""The recurring series we write, expanded by real clients: ical.js's iterator (Thunderbird),
under foreign machine zones, and libical's own expansion give exactly the occurrences
`bot.domain.recurrence.expanded` gives."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.domain.agenda import Schedule, Session
from bot.domain.ics.calendars import feed_calendar, uid
from bot.domain.recurrence import expanded, occurrence_starts
from tests.helpers import PAGES, read_page

RECURRING_PAGES = sorted(p.name for p in PAGES.glob("recurring-*.ics"))
YEAR = (datetime(2026, 1, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC))


def _schedule(page: str) -> Schedule:
    result = read_page(page)
    assert result.schedules, result.diagnostics
    return result.schedules[0]


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def _shown(session: Session) -> tuple[str, str | None]:
    if session.all_day:
        return session.first_day.isoformat(), (session.last_day + timedelta(days=1)).isoformat()
    return _iso(session.start), _iso(session.end) if session.end else None


def _ours(schedule: Schedule) -> list[tuple[str, str, str | None]]:
    found = []
    for session in expanded(schedule, *YEAR).sessions:
        found.append((uid(schedule.id, session.series_id or session.id), *_shown(session)))
    return sorted(found)


@pytest.mark.parametrize("page", RECURRING_PAGES)
@pytest.mark.parametrize("machine_tz", ["Pacific/Kiritimati", "America/Los_Angeles"])
def test_icaljs_expands_our_series_to_our_occurrences(
    page: str, machine_tz: str, icaljs: Callable[..., list[dict[str, Any]]]
) -> None:
    schedule = _schedule(page)
    data = feed_calendar(schedule.title, [expanded(schedule, *YEAR)], {})
    events = icaljs(data, machine_tz, until=YEAR[1])
    seen = []
    for event in events:
        if event["recurrenceId"] is not None:
            continue  # applied to its series' occurrences by ical.js
        if "occurrences" in event:
            seen += [(event["uid"], o["start"], o["end"]) for o in event["occurrences"]]
        else:
            seen.append((event["uid"], event["start"], event["end"]))
    assert len(seen) >= 10
    assert sorted(seen) == _ours(schedule)


def test_icaljs_stops_at_its_limit_and_at_the_end_it_is_given(
    icaljs: Callable[..., list[dict[str, Any]]],
) -> None:
    schedule = _schedule("recurring-weekly.ics")
    data = feed_calendar(schedule.title, [schedule], {})
    weekly = uid(schedule.id, "weekly-call-example-org")
    [limited] = [e for e in icaljs(data, "UTC", until=YEAR[1], limit=3) if e["uid"] == weekly][:1]
    assert [o["start"] for o in limited["occurrences"]] == [
        "2026-01-08T18:00:00.000Z",
        "2026-01-15T18:00:00.000Z",
        "2026-01-22T18:00:00.000Z",
    ]
    [open_ended] = [
        e for e in icaljs(data, "UTC", until=datetime(2036, 1, 1, tzinfo=UTC)) if e["uid"] == weekly
    ][:1]
    # Ten years on, still 10:00 in Los Angeles: the VTIMEZONE's yearly rules keep DST right.
    last = open_ended["occurrences"][-1]["start"]
    assert last == "2035-12-27T18:00:00.000Z"
    july = [o["start"] for o in open_ended["occurrences"] if o["start"].startswith("2035-07")]
    assert july and all(s.endswith("T17:00:00.000Z") for s in july)


@pytest.mark.parametrize("page", RECURRING_PAGES)
def test_libical_expands_our_series_to_our_occurrences(
    page: str, libical_events: Callable[..., list[dict[str, Any]]]
) -> None:
    schedule = _schedule(page)
    data = feed_calendar(schedule.title, [expanded(schedule, *YEAR)], {})
    events = libical_events(data, *YEAR)
    by_uid = {uid(schedule.id, s.id): s for s in schedule.series}
    masters = [e for e in events if e["recurrence_id"] is None and e["uid"] in by_uid]
    assert len(masters) == len(schedule.series)
    for event in masters:
        series = by_uid[event["uid"]]
        expected = occurrence_starts(series, *YEAR)
        if series.all_day:
            seen = [datetime.fromtimestamp(t, UTC).date() for t in event["occurrences"]]
            assert sorted(seen) == [m.date() for m in expected]
        else:
            assert sorted(event["occurrences"]) == [int(m.timestamp()) for m in expected]
    changed = sorted(
        (e["uid"], e["recurrence_id"], e["start"]) for e in events if e["recurrence_id"] is not None
    )
    expected_changes = []
    for override in schedule.overrides:
        assert override.recurrence_id is not None
        key = uid(schedule.id, override.series_id or "")
        if override.all_day:
            expected_changes.append(
                (
                    key,
                    f"{override.recurrence_id:%Y%m%d}",
                    f"{override.first_day:%Y%m%d}",
                )
            )
        else:
            expected_changes.append(
                (key, int(override.recurrence_id.timestamp()), int(override.start.timestamp()))
            )
    assert changed == sorted(expected_changes)


@pytest.mark.parametrize("page", RECURRING_PAGES)
def test_libical_reports_no_error_on_recurring_feeds(
    page: str, libical: Callable[[bytes], list[str]]
) -> None:
    schedule = expanded(_schedule(page), *YEAR)
    assert libical(feed_calendar(schedule.title, [schedule], {})) == []
