"""Expansion of recurring sessions across DST: the wall clock of the series' zone is kept, gap and
fold times follow RFC 5545, EXDATEs skip exactly their instants."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.agenda import Recurrence, Schedule, Session, SourceRef
from bot.domain.recurrence import (
    RecurrenceError,
    check_rule,
    expanded,
    occurrence_starts,
    occurrences,
)
from bot.domain.zones.local_time import localize

LOS_ANGELES = ZoneInfo("America/Los_Angeles")
ZONES = [
    "America/Los_Angeles",
    "America/New_York",
    "Europe/Berlin",
    "Europe/London",
    "Australia/Sydney",
    "America/Santiago",
    "Asia/Tehran",
    "Pacific/Auckland",
]


def _series(start: datetime, rule: str, length: timedelta | None = timedelta(hours=1), **kw):
    return Session(
        id="call",
        title="Call",
        start=start,
        end=None if length is None else start + length,
        repeat=Recurrence(check_rule(rule, start), **kw),
    )


def _schedule(*series: Session, overrides: tuple[Session, ...] = ()) -> Schedule:
    return Schedule(
        id="calls",
        title="Calls",
        timezone=series[0].start.tzinfo or UTC,
        sessions=(),
        source=SourceRef("calls.ics"),
        series=series,
        overrides=overrides,
    )


def _thursday(day: date) -> date:
    return day + timedelta(days=(3 - day.weekday()) % 7)


days = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))


@settings(max_examples=60, deadline=None)
@given(first=days, weeks=st.integers(min_value=1, max_value=120))
def test_every_thursday_at_ten_in_los_angeles_stays_at_ten_local_all_year(
    first: date, weeks: int
) -> None:
    start = datetime.combine(_thursday(first), time(10), LOS_ANGELES)
    series = _series(start, "FREQ=WEEKLY;BYDAY=TH")
    found = occurrence_starts(series, start, start + timedelta(weeks=weeks))
    assert len(found) == weeks
    for number, moment in enumerate(found):
        local = moment.astimezone(LOS_ANGELES)
        assert (local.date(), local.time()) == (start.date() + timedelta(weeks=number), time(10))
        in_utc = moment.astimezone(UTC)
        assert (in_utc.hour, in_utc.minute) == (17 if local.dst() else 18, 0)
        assert moment == localize(datetime.combine(local.date(), time(10)), LOS_ANGELES).moment


def test_the_los_angeles_series_moves_in_utc_exactly_at_the_dst_changes() -> None:
    start = datetime(2026, 1, 1, 10, tzinfo=LOS_ANGELES)
    series = _series(start, "FREQ=WEEKLY;BYDAY=TH")
    found = occurrence_starts(series, start, datetime(2027, 1, 1, tzinfo=UTC))
    hours = [(m.astimezone(UTC).date().isoformat(), m.astimezone(UTC).hour) for m in found]
    assert hours[9:11] == [("2026-03-05", 18), ("2026-03-12", 17)]  # DST from 8 March
    assert hours[43:45] == [("2026-10-29", 17), ("2026-11-05", 18)]  # DST until 1 November
    assert {h for _, h in hours} == {17, 18}


@settings(max_examples=60, deadline=None)
@given(
    first=days,
    weeks=st.integers(min_value=1, max_value=120),
    clock=st.times(),
)
def test_the_same_rule_in_utc_stays_at_the_same_utc_time(
    first: date, weeks: int, clock: time
) -> None:
    start = datetime.combine(_thursday(first), clock.replace(microsecond=0), UTC)
    series = _series(start, "FREQ=WEEKLY;BYDAY=TH")
    found = occurrence_starts(series, start, start + timedelta(weeks=weeks))
    assert [m - start for m in found] == [timedelta(weeks=n) for n in range(weeks)]
    assert {m.utcoffset() for m in found} == {timedelta(0)}


@settings(max_examples=80, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    first=st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 1, 1)),
    clock=st.sampled_from([time(0), time(0, 30), time(1, 30), time(2), time(2, 30), time(3, 30)]),
)
def test_daily_starts_in_gaps_and_folds_follow_rfc_5545(
    zone: str, first: date, clock: time
) -> None:
    # Every day of a year, each start is the wall time read as RFC 5545 section 3.3.5 says: a
    # time skipped by a gap with the offset before the gap, a time that happens twice as the first.
    tz = ZoneInfo(zone)
    start = datetime.combine(first, clock, tz)  # as written: the instant of a gap time is later
    # Both in UTC: an instant in a repeated hour never equals one in another zone (PEP 495).
    assert start.astimezone(UTC) == localize(datetime.combine(first, clock), tz).moment.astimezone(
        UTC
    )
    series = _series(start, "FREQ=DAILY")
    found = occurrence_starts(series, start, start + timedelta(days=366))
    expected = [
        localize(datetime.combine(first + timedelta(days=n), clock), tz).moment for n in range(366)
    ]
    expected = [m for m in expected if m < start + timedelta(days=366)]
    assert [m.astimezone(UTC) for m in found] == [m.astimezone(UTC) for m in expected]


def test_a_start_in_the_spring_gap_is_read_with_the_offset_before_it() -> None:
    start = datetime(2026, 3, 1, 2, 30, tzinfo=LOS_ANGELES)
    series = _series(start, "FREQ=WEEKLY")
    second = occurrence_starts(series, start, start + timedelta(days=10))[1]
    assert second.astimezone(UTC) == datetime(2026, 3, 8, 10, 30, tzinfo=UTC)  # 03:30 PDT
    assert second.astimezone(LOS_ANGELES).time() == time(3, 30)


def test_a_start_in_the_autumn_fold_is_the_first_of_the_two() -> None:
    start = datetime(2026, 10, 25, 1, 30, tzinfo=LOS_ANGELES)
    series = _series(start, "FREQ=WEEKLY")
    second = occurrence_starts(series, start, start + timedelta(days=10))[1]
    assert second.astimezone(UTC) == datetime(2026, 11, 1, 8, 30, tzinfo=UTC)  # 01:30 PDT


def test_an_occurrence_lasts_the_series_exact_length_across_a_dst_change() -> None:
    start = datetime(2026, 3, 1, 1, 0, tzinfo=LOS_ANGELES)
    series = _series(start, "FREQ=WEEKLY", length=timedelta(hours=2))
    schedule = _schedule(series)
    found = occurrences(schedule, start, start + timedelta(days=10))
    lengths = [(o.end - o.start) for o in found if o.end is not None]
    elapsed = [o.end.astimezone(UTC) - o.start.astimezone(UTC) for o in found if o.end]
    assert elapsed == [timedelta(hours=2), timedelta(hours=2)]
    assert found[1].end is not None and found[1].end.astimezone(LOS_ANGELES).time() == time(4)
    assert lengths[0] == timedelta(hours=2)


@settings(max_examples=60, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    first=st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 1, 1)),
    skipped=st.sets(st.integers(min_value=0, max_value=51), max_size=20),
    in_utc=st.booleans(),
)
def test_exdates_skip_exactly_their_instants(
    zone: str, first: date, skipped: set[int], in_utc: bool
) -> None:
    tz = ZoneInfo(zone)
    start = localize(datetime.combine(first, time(10)), tz).moment
    window = (start, start + timedelta(weeks=52))
    everything = occurrence_starts(_series(start, "FREQ=WEEKLY"), *window)
    assert len(everything) == 52
    exdates = tuple(
        everything[n].astimezone(UTC) if in_utc else everything[n] for n in sorted(skipped)
    )
    near_misses = tuple(m + timedelta(minutes=1) for m in everything[:3])
    series = _series(start, "FREQ=WEEKLY", exdates=exdates + near_misses)
    kept = occurrence_starts(series, *window)
    assert [m.timestamp() for m in kept] == [
        m.timestamp() for n, m in enumerate(everything) if n not in skipped
    ]


def test_rdates_add_occurrences_and_overrides_replace_theirs() -> None:
    start = datetime(2026, 1, 8, 10, tzinfo=LOS_ANGELES)
    extra = datetime(2026, 1, 10, 18, tzinfo=UTC)
    series = _series(start, "FREQ=WEEKLY;COUNT=3", rdates=(extra,))
    moved = Session(
        id="x",
        title="Call (moved)",
        start=datetime(2026, 1, 15, 15, tzinfo=LOS_ANGELES),
        end=datetime(2026, 1, 15, 16, tzinfo=LOS_ANGELES),
        series_id="call",
        recurrence_id=datetime(2026, 1, 15, 10, tzinfo=LOS_ANGELES),
    )
    schedule = expanded(
        _schedule(series, overrides=(moved,)),
        datetime(2026, 1, 1, tzinfo=UTC),
        datetime(2026, 2, 1, tzinfo=UTC),
    )
    assert [(s.id, s.title, s.start.astimezone(UTC).isoformat()) for s in schedule.sessions] == [
        ("call@20260108", "Call", "2026-01-08T18:00:00+00:00"),
        ("call@20260110", "Call", "2026-01-10T18:00:00+00:00"),
        ("call@20260115", "Call (moved)", "2026-01-15T23:00:00+00:00"),
        ("call@20260122", "Call", "2026-01-22T18:00:00+00:00"),
    ]
    assert all(s.series_id == "call" and s.repeat is None for s in schedule.sessions)


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        ("FREQ=HOURLY", "FREQ=HOURLY is not for meetings"),
        ("FREQ=MINUTELY;INTERVAL=5", "FREQ=MINUTELY is not for meetings"),
        ("FREQ=SECONDLY", "FREQ=SECONDLY is not for meetings"),
        ("BYDAY=TH", "has no FREQ"),
        ("FREQ=WEEKLY;COUNT=3;UNTIL=20261231", "both UNTIL and COUNT"),
        ("FREQ=WEEKLY;UNTIL=2026", "is not a date or date-time"),
        ("FREQ=WEEKLY;BYDAY=XX", "does not read as an RRULE"),
        ("weekly", "is not an RRULE"),
    ],
)
def test_check_rule_refuses_what_is_not_a_meeting_rule_with_words(rule: str, words: str) -> None:
    with pytest.raises(RecurrenceError, match=words):
        check_rule(rule, datetime(2026, 1, 8, 10, tzinfo=LOS_ANGELES))


def test_check_rule_normalises_case_prefix_and_until_to_utc() -> None:
    start = datetime(2026, 1, 8, 10, tzinfo=LOS_ANGELES)
    assert (
        check_rule("RRULE:freq=weekly;until=20261231", start)
        == "FREQ=WEEKLY;UNTIL=20270101T075959Z"
    )
