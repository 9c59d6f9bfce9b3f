"""A member's agenda: the next occurrences in time order across series, or all of one day."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bot.domain.agenda import Recurrence, Schedule, Session, SourceRef
from bot.domain.agenda_views import listing
from bot.domain.recurrence import expanded


def schedule() -> Schedule:
    def series(series_id: str, first: datetime, rule: str) -> Session:
        return Session(
            series_id, series_id, first, first + timedelta(hours=1), repeat=Recurrence(rule)
        )

    daily = series("daily", datetime(2026, 12, 1, 9, 0, tzinfo=UTC), "FREQ=DAILY")
    weekly = series("weekly", datetime(2026, 12, 3, 17, 0, tzinfo=UTC), "FREQ=WEEKLY")
    party = Session("party", "Party", datetime(2027, 3, 1, 20, 0, tzinfo=UTC))
    made = Schedule("s", "S", UTC, (party,), SourceRef("s.yaml", 1), series=(daily, weekly))
    return expanded(made, datetime(2026, 11, 24, tzinfo=UTC), datetime(2027, 3, 30, tzinfo=UTC))


def test_the_next_occurrences_are_cut_by_time_across_series() -> None:
    shown = listing(schedule(), UTC, date(2026, 12, 2), upcoming=4)
    ids = [e.session.id for d in shown.days for e in d.entries]
    assert ids == ["daily@20261202", "daily@20261203", "weekly@20261203", "daily@20261204", "party"]
    assert shown.more_after == date(2026, 12, 4)


def test_the_last_day_shown_is_shown_whole() -> None:
    shown = listing(schedule(), UTC, date(2026, 12, 2), upcoming=2)
    assert [e.session.id for e in shown.days[1].entries] == ["daily@20261203", "weekly@20261203"]
    assert shown.more_after == date(2026, 12, 3)


def test_one_day_asked_for_is_shown_whole_however_far() -> None:
    shown = listing(schedule(), UTC, date(2026, 12, 2), only=date(2027, 3, 4))
    [day] = shown.days
    assert [e.session.id for e in day.entries] == ["daily@20270304", "weekly@20270304"]
    assert shown.more_after is None
    past = listing(schedule(), UTC, date(2026, 12, 2), only=date(2026, 12, 1))  # gone by
    assert [e.session.id for d in past.days for e in d.entries] == ["daily@20261201"]
