from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from bot.domain.agenda import Schedule
from bot.domain.ics.revisions import (
    advance,
    retire,
    revision_from_json,
    revision_to_json,
)
from tests.helpers import read_page

T0 = datetime(2024, 1, 1, 9, 0, 0, 123456, tzinfo=UTC)
DAY = timedelta(days=1)


def _schedule() -> Schedule:
    return read_page("toml-front-matter.md").schedules[0]


def _without(schedule: Schedule, index: int) -> Schedule:
    sessions = schedule.sessions[:index] + schedule.sessions[index + 1 :]
    return replace(schedule, sessions=sessions)


def test_first_reading_stamps_every_session_with_first_seen_at_sequence_zero() -> None:
    book = advance({}, _schedule(), now=T0 + DAY, first_seen=T0)
    assert {(r.sequence, r.changed_at, r.cancelled) for r in book.values()} == {
        (0, T0.replace(microsecond=0), False)
    }


def test_unchanged_sessions_keep_their_revision() -> None:
    book = advance({}, _schedule(), now=T0, first_seen=T0)
    assert advance(book, _schedule(), now=T0 + DAY, first_seen=T0 + DAY) == book


def test_a_moved_session_gets_a_higher_sequence_and_a_new_stamp() -> None:
    schedule = _schedule()
    book = advance({}, schedule, now=T0, first_seen=T0)
    moved = schedule.sessions[1]
    moved = replace(
        moved, start=moved.start + timedelta(minutes=30), end=moved.end + timedelta(minutes=30)
    )
    changed = replace(schedule, sessions=(schedule.sessions[0], moved, *schedule.sessions[2:]))
    after = advance(book, changed, now=T0 + DAY, first_seen=T0 + DAY)
    key = f"{schedule.id}/{moved.id}"
    assert (after[key].sequence, after[key].changed_at) == (1, (T0 + DAY).replace(microsecond=0))
    others = {k: r for k, r in after.items() if k != key}
    assert others == {k: r for k, r in book.items() if k != key}


def test_a_removed_session_is_cancelled_once_then_dropped_after_the_grace_period() -> None:
    schedule = _schedule()
    book = advance({}, schedule, now=T0, first_seen=T0)
    gone = schedule.sessions[0]
    key = f"{schedule.id}/{gone.id}"
    after = advance(book, _without(schedule, 0), now=T0 + DAY, first_seen=T0, grace=7 * DAY)
    assert (after[key].cancelled, after[key].sequence) == (True, 1)
    later = advance(after, _without(schedule, 0), now=T0 + 3 * DAY, first_seen=T0, grace=7 * DAY)
    assert later[key] == after[key]
    expired = advance(later, _without(schedule, 0), now=T0 + 9 * DAY, first_seen=T0, grace=7 * DAY)
    assert key not in expired


def test_a_session_that_comes_back_is_confirmed_with_a_higher_sequence() -> None:
    schedule = _schedule()
    book = advance({}, schedule, now=T0, first_seen=T0)
    book = advance(book, _without(schedule, 0), now=T0 + DAY, first_seen=T0)
    back = advance(book, schedule, now=T0 + 2 * DAY, first_seen=T0)
    key = f"{schedule.id}/{schedule.sessions[0].id}"
    assert (back[key].cancelled, back[key].sequence) == (False, 2)


def test_retiring_a_schedule_cancels_all_of_its_sessions() -> None:
    schedule = _schedule()
    book = advance({}, schedule, now=T0, first_seen=T0)
    retired = retire(book, schedule.id, now=T0 + DAY)
    assert {(r.cancelled, r.sequence) for r in retired.values()} == {(True, 1)}
    assert retire(retired, schedule.id, now=T0 + 30 * DAY) == {}


def test_revisions_survive_a_json_round_trip_exactly() -> None:
    for page in ("toml-front-matter.md", "multi-event.md", "front-matter-only.md"):
        for schedule in read_page(page).schedules:
            book = advance({}, schedule, now=T0, first_seen=T0)
            for revision in book.values():
                encoded = json.loads(json.dumps(revision_to_json(revision)))
                assert revision_from_json(encoded) == revision
