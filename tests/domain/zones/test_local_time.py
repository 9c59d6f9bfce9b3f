"""The gap/fold rule, and conversion properties across DST transitions in many zones."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.zones.local_time import localize

NEW_YORK = ZoneInfo("America/New_York")
ZONES = [
    "America/New_York",
    "America/Los_Angeles",
    "America/Sao_Paulo",
    "America/Havana",
    "America/St_Johns",
    "Europe/London",
    "Europe/Berlin",
    "Europe/Helsinki",
    "Europe/Dublin",
    "Africa/Casablanca",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Asia/Tehran",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "Australia/Adelaide",
    "Pacific/Auckland",
    "Pacific/Chatham",
    "Pacific/Apia",
    "Pacific/Kiritimati",
    "UTC",
]


def test_nonexistent_time_moves_forward_by_the_gap() -> None:
    result = localize(datetime(2024, 3, 10, 2, 30), NEW_YORK)
    assert result.moment.astimezone(UTC) == datetime(2024, 3, 10, 7, 30, tzinfo=UTC)
    assert result.moment.strftime("%H:%M") == "03:30"
    assert result.note is not None and "does not exist" in result.note


def test_repeated_time_means_its_first_occurrence() -> None:
    result = localize(datetime(2024, 11, 3, 1, 30), NEW_YORK)
    assert result.moment.astimezone(UTC) == datetime(2024, 11, 3, 5, 30, tzinfo=UTC)
    assert result.note is not None and "happens twice" in result.note


def test_ordinary_time_has_no_note() -> None:
    result = localize(datetime(2024, 7, 1, 9, 0), NEW_YORK)
    assert result.note is None
    assert result.moment.utcoffset() == timedelta(hours=-4)


@settings(max_examples=400, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    wall=st.datetimes(min_value=datetime(1995, 1, 1), max_value=datetime(2037, 12, 31)),
)
def test_localize_round_trips_every_wall_time_that_exists(zone: str, wall: datetime) -> None:
    tz = ZoneInfo(zone)
    result = localize(wall, tz)
    assert result.moment.utcoffset() is not None
    back = result.moment.astimezone(UTC).astimezone(tz).replace(tzinfo=None, fold=0)
    if result.note is None or "happens twice" in result.note:
        assert back == wall.replace(fold=0)
    else:
        # In a gap: moved forward by exactly the gap, never backward and never by more.
        assert back > wall
        offsets = {tz.utcoffset(wall.replace(fold=f)) for f in (0, 1)}
        assert back - wall == max(offsets) - min(offsets)


@settings(max_examples=400, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    instant=st.datetimes(
        min_value=datetime(1995, 1, 1), max_value=datetime(2037, 12, 31), timezones=st.just(UTC)
    ),
)
def test_an_instant_shown_in_a_zone_and_read_back_is_the_same_instant(
    zone: str, instant: datetime
) -> None:
    tz = ZoneInfo(zone)
    local = instant.astimezone(tz)
    reread = localize(local.replace(tzinfo=None), tz).moment.astimezone(UTC)
    if local.fold == 0:
        assert reread == instant
    else:
        # The second pass through a fold reads as the first: exactly one fold length earlier.
        assert instant - reread == local.replace(fold=0).utcoffset() - local.utcoffset()


def test_a_fold_in_a_negative_dst_zone_reads_as_its_first_occurrence() -> None:
    # Casablanca fell back from +01 to +00 at 03:00 on 2019-05-05 (Ramadan): 02:00 happened twice.
    moment = localize(datetime(2019, 5, 5, 2, 0), ZoneInfo("Africa/Casablanca")).moment
    assert moment.astimezone(UTC) == datetime(2019, 5, 5, 1, 0, tzinfo=UTC)


def test_shift_and_elapsed_count_real_time_across_dst() -> None:
    from bot.domain.zones.local_time import elapsed, same_instant, shift

    start = localize(datetime(2024, 3, 10, 3, 5), NEW_YORK).moment  # just after the jump
    before = shift(start, -timedelta(minutes=15))
    assert before.astimezone(UTC) == datetime(2024, 3, 10, 6, 50, tzinfo=UTC)
    assert before.strftime("%H:%M %z") == "01:50 -0500"
    assert elapsed(start, before) == timedelta(minutes=15)
    first = localize(datetime(2024, 11, 3, 1, 30), NEW_YORK).moment
    second = shift(first, timedelta(hours=1))  # 01:30 again, an hour later
    assert second.strftime("%H:%M") == "01:30" and elapsed(second, first) == timedelta(hours=1)
    assert not same_instant(first, second)


@settings(max_examples=300, deadline=None)
@given(
    source=st.sampled_from(ZONES),
    target=st.sampled_from(ZONES),
    wall=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2035, 12, 31)),
)
def test_conversion_between_zones_preserves_the_instant(
    source: str, target: str, wall: datetime
) -> None:
    moment = localize(wall, ZoneInfo(source)).moment
    shown = moment.astimezone(ZoneInfo(target))
    # Compared as instants: `==` is unreliable for times in a fold (PEP 495).
    assert shown.astimezone(UTC) == moment.astimezone(UTC)
    assert shown.timestamp() == moment.timestamp()
