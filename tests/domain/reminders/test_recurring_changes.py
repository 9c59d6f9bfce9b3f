"""Change notices on expanded agendas: the window moving is no news, a retimed series is one
notice, a cancelled or moved single occurrence is one notice."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain.agenda import Recurrence, Schedule, Session, SourceRef
from bot.domain.recurrence import expanded
from bot.domain.reminders.changes import Moved, Removed, agenda_changes

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)  # a Monday
FIRST = datetime(2026, 9, 2, 18, 0, tzinfo=BERLIN)  # Wednesdays 18:00 Berlin


def series(start: datetime = FIRST, **repeat: object) -> Session:
    rule = Recurrence("FREQ=WEEKLY;BYDAY=WE", **repeat)  # type: ignore[arg-type]
    return Session("meetup", "Meetup", start, start + timedelta(hours=2), repeat=rule)


def agenda(*made: Session, sessions: tuple[Session, ...] = (), **kwargs: object) -> Schedule:
    return Schedule("m", "Meetups", BERLIN, sessions, SourceRef("m.yaml"), series=made, **kwargs)  # type: ignore[arg-type]


def live(schedule: Schedule, now: datetime = NOW) -> dict[str, Schedule]:
    return {"m": expanded(schedule, now - timedelta(days=7), now + timedelta(days=120))}


def test_the_window_moving_on_is_no_news() -> None:
    later = NOW + timedelta(days=30)
    assert agenda_changes(live(agenda(series())), live(agenda(series()), later), later) == []


def test_a_retimed_series_is_one_notice_for_its_next_occurrence() -> None:
    old = live(agenda(series()))
    new = live(agenda(series(FIRST + timedelta(hours=1))))
    [change] = agenda_changes(old, new, NOW)
    assert isinstance(change, Moved)
    assert (change.was.id, change.now.id) == ("meetup@20261202", "meetup@20261202")
    assert change.now.start == datetime(2026, 12, 2, 18, 0, tzinfo=UTC)
    # Moved to another weekday (new ids): still one notice, for the next meeting.
    thursdays = replace(series(), repeat=Recurrence("FREQ=WEEKLY;BYDAY=TH"))
    [change] = agenda_changes(old, live(agenda(thursdays)), NOW)
    assert isinstance(change, Moved) and change.now.id == "meetup@20261203"


def test_a_series_taken_out_is_one_removal() -> None:
    changes = agenda_changes(live(agenda(series())), live(agenda()), NOW)
    assert [(type(c), c.was.id) for c in changes] == [(Removed, "meetup@20261202")]


def test_a_series_that_becomes_a_one_off_session_at_the_same_time_is_no_news() -> None:
    kept = Session("meetup", "Meetup", datetime(2026, 12, 2, 18, 0, tzinfo=BERLIN))
    assert agenda_changes(live(agenda(series())), live(agenda(sessions=(kept,))), NOW) == []


def test_a_cancelled_occurrence_is_removed_only_when_it_is_ahead() -> None:
    ahead = datetime(2026, 12, 9, 18, 0, tzinfo=BERLIN)
    behind = datetime(2026, 11, 25, 18, 0, tzinfo=BERLIN)
    old = live(agenda(series()))
    changes = agenda_changes(old, live(agenda(series(exdates=(ahead, behind)))), NOW)
    assert [(type(c), c.was.id) for c in changes] == [(Removed, "meetup@20261209")]


def test_an_occurrence_moved_on_its_own_is_one_move() -> None:
    moved = replace(
        series(),
        id="meetup@20261209",
        start=datetime(2026, 12, 10, 18, 0, tzinfo=BERLIN),
        end=datetime(2026, 12, 10, 20, 0, tzinfo=BERLIN),
        repeat=None,
        series_id="meetup",
        recurrence_id=datetime(2026, 12, 9, 18, 0, tzinfo=BERLIN),
    )
    old = live(agenda(series()))
    [change] = agenda_changes(old, live(agenda(series(), overrides=(moved,))), NOW)
    assert isinstance(change, Moved) and change.now.id == "meetup@20261209"
    assert change.now.start == datetime(2026, 12, 10, 17, 0, tzinfo=UTC)
