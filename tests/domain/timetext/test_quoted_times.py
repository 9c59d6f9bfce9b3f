"""A time quoted without a date is today's in its own zone, not in the default zone's."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.domain.timetext.quotes import quoted_times
from bot.domain.zones.resolve import ZoneResolver

# 18:08 UTC on 30 November: already 1 December in Shanghai (the default zone for "CST").
NOW = datetime(2026, 11, 30, 18, 8, tzinfo=UTC)
SHANGHAI_TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("19:00 UTC", datetime(2026, 11, 30, 19, 0, tzinfo=UTC)),
        ("23:00 UTC", datetime(2026, 11, 30, 23, 0, tzinfo=UTC)),
        ("14:00 Eastern", datetime(2026, 11, 30, 19, 0, tzinfo=UTC)),
        ("10:00 Beijing time", datetime(2026, 12, 1, 2, 0, tzinfo=UTC)),
        ("19:00 UTC on 2026-12-05", datetime(2026, 12, 5, 19, 0, tzinfo=UTC)),
    ],
)
def test_a_time_without_a_date_is_on_today_in_its_own_zone(text: str, instant: datetime) -> None:
    [found] = quoted_times(text, ZoneResolver(), SHANGHAI_TODAY, now=NOW)
    assert found.start == instant


def test_without_now_the_given_day_is_used() -> None:
    [found] = quoted_times("19:00 UTC", ZoneResolver(), SHANGHAI_TODAY)
    assert found.start == datetime(2026, 12, 1, 19, 0, tzinfo=UTC)
