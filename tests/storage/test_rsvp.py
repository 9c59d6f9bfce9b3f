"""RSVP with seats and a waitlist, through the use case (`Rsvps`) on the real database: the
storage runs in worker threads, as in the bot, on SQLite and on PostgreSQL."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from bot.agendas.library import AgendaLibrary
from bot.app.errors import Refused
from bot.app.rsvp import Change, Counts, Entry, Rsvps, RsvpState, Standing
from bot.domain.feed_tokens import FeedSelection
from bot.domain.readers.context import ReadOptions
from bot.domain.reminders.plan import (
    Audience,
    Leads,
    MemberPrefs,
    Target,
    TargetKind,
    plan_reminders,
)
from bot.storage.database import make_engine, session_factory
from bot.storage.feed_tokens import DatabaseFeedTokens
from bot.storage.members import DatabaseMembers
from bot.storage.migrate import upgrade
from bot.storage.rsvp import DatabaseRsvps
from bot.storage.tables import RsvpRow
from tests.database import database_url
from tests.helpers import PAGES, ROOT, read_page

GUILD = 900
EVENT = "meetup"
NOW = datetime(2026, 12, 1, 18, 0, tzinfo=UTC)
CONFIRMED, WAITLISTED, NOT_GOING = RsvpState.CONFIRMED, RsvpState.WAITLISTED, RsvpState.NOT_GOING


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def rsvps(engine: Engine, clock: Clock) -> Rsvps:
    return Rsvps(DatabaseRsvps(session_factory(engine)), clock=clock)


async def _with_threads(count: int) -> ThreadPoolExecutor:
    """Clicks in up to `count` threads at once (the default executor allows only a few)."""
    executor = ThreadPoolExecutor(count)
    asyncio.get_running_loop().set_default_executor(executor)
    return executor


# ---- 300 clicks for 100 seats ----------------------------------------------------------------


def _check_first_come_first_served(changes: dict[int, Change], entries: list[Entry]) -> None:
    """Exactly 100 confirmed and 200 waitlisted in click order, nobody twice, positions
    1..200 with no gap, and each member where their own click's answer put them."""
    users = [e.user_id for e in entries]
    assert len(users) == len(set(users)) == 300
    states = [e.state for e in entries]
    assert states == [CONFIRMED] * 100 + [WAITLISTED] * 200  # click order: seats went first
    positions = [e.position for e in entries]
    assert positions == [None] * 100 + list(range(1, 201))
    answered = {user: change.standing for user, change in changes.items()}
    assert sorted(s.position for s in answered.values() if s.position is not None) == list(
        range(1, 201)
    )
    for entry in entries:
        assert answered[entry.user_id] == Standing(entry.state, entry.position)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
async def test_300_concurrent_clicks_for_100_seats(
    backend: str, tmp_path: Path, clock: Clock
) -> None:
    executor = await _with_threads(32)
    with database_url(backend, tmp_path) as url:
        engine = make_engine(url)
        try:
            upgrade(engine)
            rsvps = Rsvps(DatabaseRsvps(session_factory(engine)), clock=clock)
            await rsvps.open(GUILD, EVENT, 100, None)
            users = list(range(1, 301))
            answers = await asyncio.gather(*(rsvps.going(GUILD, EVENT, u) for u in users))
            changes = dict(zip(users, answers, strict=True))
            assert sum(c.standing.state == CONFIRMED for c in answers) == 100
            entries = await rsvps.entries(GUILD, EVENT)
            _check_first_come_first_served(changes, entries)
            counts = await rsvps.counts(GUILD, EVENT)
            assert counts == Counts(100, 100, 200, True, None)
            assert counts.seats_left == 0
        finally:
            engine.dispose()
            executor.shutdown()


CLICKER = """
import asyncio, json, sys, time
from concurrent.futures import ThreadPoolExecutor
from bot.app.rsvp import Rsvps
from bot.storage.database import make_engine, session_factory
from bot.storage.rsvp import DatabaseRsvps

url, start, first, count = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
engine = make_engine(url)
rsvps = Rsvps(DatabaseRsvps(session_factory(engine)))

async def main():
    asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(16))
    users = range(first, first + count)
    time.sleep(max(0.0, start - time.time()))
    answers = await asyncio.gather(*(rsvps.going(900, "meetup", u) for u in users))
    return {u: [a.standing.state.value, a.standing.position] for u, a in zip(users, answers)}

print(json.dumps(asyncio.run(main())))
"""


def test_two_processes_clicking_at_once_on_postgresql(tmp_path: Path) -> None:
    with database_url("postgresql", tmp_path) as url:
        engine = make_engine(url)
        try:
            upgrade(engine)
            store = DatabaseRsvps(session_factory(engine))
            store.open(GUILD, EVENT, 100, None, NOW)
            start = time.time() + 2  # both processes fire at the same instant
            processes = [
                subprocess.Popen(
                    [sys.executable, "-c", CLICKER, url, str(start), str(first), "150"],
                    cwd=ROOT,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                )
                for first in (1, 151)
            ]
            outputs = [p.communicate(timeout=120) for p in processes]
            assert [p.returncode for p in processes] == [0, 0], [err for _, err in outputs]
            changes: dict[int, Change] = {}
            counts = store.counts(GUILD, EVENT, NOW)
            for out, _ in outputs:
                for user, (state, position) in json.loads(out).items():
                    changes[int(user)] = Change(Standing(RsvpState(state), position), counts)
            assert len(changes) == 300
            # Both processes got seats: the clicks really were interleaved.
            seated = {u for u, c in changes.items() if c.standing.state == CONFIRMED}
            assert seated & set(range(1, 151)) and seated & set(range(151, 301))
            _check_first_come_first_served(changes, store.entries(GUILD, EVENT))
        finally:
            engine.dispose()


async def test_double_clicks_at_once_change_nothing(rsvps: Rsvps, engine: Engine) -> None:
    executor = await _with_threads(16)
    try:
        await rsvps.open(GUILD, EVENT, 5, None)
        users = [u for u in range(1, 11) for _ in range(4)]  # each member clicks four times
        answers = await asyncio.gather(*(rsvps.going(GUILD, EVENT, u) for u in users))
        by_user: dict[int, set[Standing]] = {}
        for user, answer in zip(users, answers, strict=True):
            by_user.setdefault(user, set()).add(answer.standing)
        assert all(len(seen) == 1 for seen in by_user.values())  # the same answer every time
        entries = await rsvps.entries(GUILD, EVENT)
        assert len(entries) == 10
        assert [e.state for e in entries] == [CONFIRMED] * 5 + [WAITLISTED] * 5
        with session_factory(engine)() as db:
            assert db.scalar(select(func.count()).select_from(RsvpRow)) == 10
    finally:
        executor.shutdown()


# ---- one click at a time ---------------------------------------------------------------------


async def test_going_twice_keeps_the_seat_and_the_place(rsvps: Rsvps) -> None:
    await rsvps.open(GUILD, EVENT, 1, None)
    first = await rsvps.going(GUILD, EVENT, 1)
    assert first.standing == Standing(CONFIRMED)
    assert first.counts == Counts(1, 1, 0, True)
    assert (await rsvps.going(GUILD, EVENT, 2)).standing == Standing(WAITLISTED, 1)
    assert (await rsvps.going(GUILD, EVENT, 3)).standing == Standing(WAITLISTED, 2)
    again = await rsvps.going(GUILD, EVENT, 2, source="command")
    assert again.standing == Standing(WAITLISTED, 1)
    assert again.promoted == ()
    assert (await rsvps.going(GUILD, EVENT, 1)).standing == Standing(CONFIRMED)
    assert await rsvps.counts(GUILD, EVENT) == Counts(1, 1, 2, True)
    assert await rsvps.standing(GUILD, EVENT, 3) == Standing(WAITLISTED, 2)
    assert await rsvps.standing(GUILD, EVENT, 99) == Standing(NOT_GOING)


async def test_cancelling_promotes_the_waitlist_in_click_order(rsvps: Rsvps, clock: Clock) -> None:
    await rsvps.open(GUILD, EVENT, 2, None)
    for user in (1, 2, 3, 4, 5):
        clock.now += timedelta(seconds=1)
        await rsvps.going(GUILD, EVENT, user)
    cancel = await rsvps.not_going(GUILD, EVENT, 2)
    assert cancel.standing == Standing(NOT_GOING)
    assert cancel.promoted == (3,)
    assert cancel.counts == Counts(2, 2, 2, True)
    assert await rsvps.standing(GUILD, EVENT, 4) == Standing(WAITLISTED, 1)
    # A waitlisted member leaving promotes nobody and moves those behind up.
    leave = await rsvps.not_going(GUILD, EVENT, 4)
    assert leave.promoted == ()
    assert await rsvps.standing(GUILD, EVENT, 5) == Standing(WAITLISTED, 1)
    assert (await rsvps.not_going(GUILD, EVENT, 1)).promoted == (5,)
    # Not going twice is no change; a member who never clicked gets a "not going" row.
    assert (await rsvps.not_going(GUILD, EVENT, 1)).promoted == ()
    assert (await rsvps.not_going(GUILD, EVENT, 42)).standing == Standing(NOT_GOING)
    # Coming back goes to the end of the queue.
    assert (await rsvps.going(GUILD, EVENT, 2)).standing == Standing(WAITLISTED, 1)
    entries = await rsvps.entries(GUILD, EVENT)
    assert [(e.user_id, e.state, e.position) for e in entries] == [
        (3, CONFIRMED, None),
        (5, CONFIRMED, None),
        (4, NOT_GOING, None),
        (1, NOT_GOING, None),
        (42, NOT_GOING, None),
        (2, WAITLISTED, 1),
    ]
    assert entries[0].clicked_at == NOW + timedelta(seconds=3)
    assert entries[0].clicked_at.utcoffset() == timedelta(0)


async def test_raising_capacity_promotes_and_lowering_keeps_the_confirmed(rsvps: Rsvps) -> None:
    await rsvps.open(GUILD, EVENT, 2, None)
    for user in range(1, 8):
        await rsvps.going(GUILD, EVENT, user)
    raised = await rsvps.set_capacity(GUILD, EVENT, 4)
    assert raised.promoted == (3, 4)
    assert raised.counts == Counts(4, 4, 3, True)
    lowered = await rsvps.set_capacity(GUILD, EVENT, 1)
    assert lowered.promoted == ()
    assert lowered.counts == Counts(1, 4, 3, True)
    assert lowered.counts.seats_left == 0
    assert await rsvps.standing(GUILD, EVENT, 4) == Standing(CONFIRMED)
    # New clicks wait; cancellations free no seat until fewer are confirmed than the capacity.
    assert (await rsvps.going(GUILD, EVENT, 8)).standing == Standing(WAITLISTED, 4)
    assert (await rsvps.not_going(GUILD, EVENT, 1)).promoted == ()
    assert (await rsvps.not_going(GUILD, EVENT, 2)).promoted == ()
    assert (await rsvps.not_going(GUILD, EVENT, 3)).promoted == ()
    assert (await rsvps.not_going(GUILD, EVENT, 4)).promoted == (5,)
    unlimited = await rsvps.set_capacity(GUILD, EVENT, None)
    assert unlimited.promoted == (6, 7, 8)
    assert unlimited.counts == Counts(None, 4, 0, True)
    assert unlimited.counts.seats_left is None
    assert (await rsvps.going(GUILD, EVENT, 9)).standing == Standing(CONFIRMED)
    with pytest.raises(Refused) as refused:
        await rsvps.set_capacity(GUILD, EVENT, -1)
    assert refused.value.key == "rsvp_bad_capacity"


async def test_a_closed_rsvp_refuses_going_but_takes_not_going(rsvps: Rsvps, clock: Clock) -> None:
    with pytest.raises(Refused) as never:
        await rsvps.going(GUILD, EVENT, 1)
    assert never.value.key == "rsvp_not_open"
    assert await rsvps.counts(GUILD, EVENT) == Counts(None, 0, 0, False)
    await rsvps.open(GUILD, EVENT, 1, None)
    await rsvps.going(GUILD, EVENT, 1)
    await rsvps.going(GUILD, EVENT, 2)
    closed = await rsvps.close(GUILD, EVENT)
    assert closed == Counts(1, 1, 1, False)
    with pytest.raises(Refused) as refused:
        await rsvps.going(GUILD, EVENT, 3)
    assert refused.value.key == "rsvp_closed"
    assert (await rsvps.going(GUILD, EVENT, 1)).standing == Standing(CONFIRMED)  # no change
    leaving = await rsvps.not_going(GUILD, EVENT, 1)
    assert leaving.promoted == (2,)  # the waitlist still moves up
    with pytest.raises(Refused):
        await rsvps.going(GUILD, EVENT, 1)
    # Reopening with a closing time: open until then, closed from then on.
    closes = datetime(2026, 12, 1, 20, 0, tzinfo=UTC)
    reopened = await rsvps.open(GUILD, EVENT, 1, closes)
    assert reopened == Counts(1, 1, 0, True, closes)
    assert (await rsvps.going(GUILD, EVENT, 3)).standing == Standing(WAITLISTED, 1)
    clock.now = closes
    assert (await rsvps.counts(GUILD, EVENT)).open is False
    with pytest.raises(Refused) as late:
        await rsvps.going(GUILD, EVENT, 4)
    assert late.value.key == "rsvp_closed"
    assert (await rsvps.not_going(GUILD, EVENT, 2)).promoted == (3,)


async def test_check_in_and_announcements(rsvps: Rsvps) -> None:
    await rsvps.open(GUILD, EVENT, 1, None)
    await rsvps.going(GUILD, EVENT, 1)
    await rsvps.going(GUILD, EVENT, 2)
    assert await rsvps.check_in(GUILD, EVENT, 1) is True
    assert await rsvps.check_in(GUILD, EVENT, 1) is False
    with pytest.raises(Refused) as refused:
        await rsvps.check_in(GUILD, EVENT, 2)
    assert refused.value.key == "rsvp_not_confirmed"
    assert [e.checked_in for e in await rsvps.entries(GUILD, EVENT)] == [True, False]
    assert await rsvps.announcements(GUILD) == []
    await rsvps.set_announcement(GUILD, EVENT, 1 << 60, 1 << 61)
    await rsvps.open(GUILD + 1, EVENT, None, None)
    await rsvps.set_announcement(GUILD + 1, EVENT, 5, 6)
    found = await rsvps.announcements(GUILD, EVENT)
    assert [(a.guild_id, a.schedule_id, a.channel_id, a.message_id) for a in found] == [
        (GUILD, EVENT, 1 << 60, 1 << 61)
    ]
    assert len(await rsvps.announcements()) == 2
    with pytest.raises(Refused):
        await rsvps.set_announcement(GUILD, "other", 1, 2)
    with pytest.raises(ValueError, match="aware"):
        await rsvps.open(GUILD, EVENT, 1, datetime(2026, 12, 1, 20, 0))


# ---- reminders and the personal feed ---------------------------------------------------------


async def test_confirmed_members_get_the_event_by_dm_until_they_turn_it_off(
    rsvps: Rsvps, engine: Engine
) -> None:
    schedule = read_page("toml-front-matter.md").schedules[0]  # 4 sessions
    people = DatabaseMembers(session_factory(engine))
    people.seen_in_guild(1, GUILD)  # a member row with DMs never opted in
    people.set_dm(4, False)
    people.set_lead(4, 30)
    people.set_dm(5, True)
    people.mark_dm_closed(5)
    await rsvps.open(GUILD, schedule.id, 4, None)
    for user in (1, 2, 3, 4, 5, 6):  # 2 and 3 never chose anything; 6 waits
        await rsvps.going(GUILD, schedule.id, user)
    await rsvps.not_going(GUILD, schedule.id, 3)  # promotes 5, whose DMs are closed
    assert await rsvps.set_reminders(GUILD, schedule.id, 2, False) is True
    assert await rsvps.set_reminders(GUILD, schedule.id, 99, False) is False

    audience = people.audience()
    assert audience.rsvp_follows == {(1, schedule.id), (4, schedule.id), (5, schedule.id)}
    assert audience.member_follows == frozenset()
    planned = plan_reminders([schedule], audience, Leads())
    sessions = [s.id for s in schedule.sessions]
    assert sorted((p.target.id, p.session_id, p.lead) for p in planned) == sorted(
        [("1", s, timedelta(minutes=15)) for s in sessions]
        + [("4", s, timedelta(minutes=30)) for s in sessions]  # their own lead
    )
    assert all(p.target.kind is TargetKind.DM for p in planned)

    # Following the schedule as well changes nothing: one reminder per session, as before.
    people.follow_schedule(1, schedule.id)
    people.set_dm(1, True)
    again = plan_reminders([schedule], people.audience(), Leads())
    assert sorted(p.key for p in again) == sorted(p.key for p in planned)
    # Leaving the event ends the reminders (4's DMs are off, and they follow nothing).
    await rsvps.not_going(GUILD, schedule.id, 4)
    assert (4, schedule.id) not in people.audience().rsvp_follows
    assert {p.target.id for p in plan_reminders([schedule], people.audience(), Leads())} == {
        "1",
        "6",
    }  # 6 took the freed seat


def test_planning_treats_a_confirmed_rsvp_like_a_followed_schedule() -> None:
    schedule = read_page("toml-front-matter.md").schedules[0]
    audience = Audience(
        members={2: MemberPrefs(2, dm_opt_in=False, dm_closed=True)},
        rsvp_follows=frozenset({(1, schedule.id), (2, schedule.id), (3, "gone")}),
        stars=frozenset({(1, schedule.id, "doors-open")}),
    )
    planned = plan_reminders([schedule], audience, Leads())
    assert sorted(p.session_id for p in planned) == sorted(s.id for s in schedule.sessions)
    assert {p.target for p in planned} == {Target(TargetKind.DM, "1")}


async def test_the_personal_feed_holds_events_with_a_confirmed_seat(
    rsvps: Rsvps, engine: Engine
) -> None:
    tokens = DatabaseFeedTokens(session_factory(engine))
    people = DatabaseMembers(session_factory(engine))
    people.star(1, "other", "talk")
    first, second = tokens.issue("1"), tokens.issue("2")
    await rsvps.open(GUILD, EVENT, 1, None)
    await rsvps.going(GUILD, EVENT, 1)
    await rsvps.going(GUILD, EVENT, 2)  # waitlisted: not in the feed yet
    assert tokens.lookup(first) == FeedSelection(
        "1", frozenset({EVENT}), frozenset({("other", "talk")})
    )
    assert tokens.lookup(second) == FeedSelection("2")
    assert {s.member: s.schedule_ids for s in tokens.selections().values()} == {
        "1": {EVENT},
        "2": frozenset(),
    }
    await rsvps.not_going(GUILD, EVENT, 1)  # 2 takes the seat, and the event
    assert tokens.lookup(first) == FeedSelection("1", frozenset(), frozenset({("other", "talk")}))
    assert tokens.lookup(second) == FeedSelection("2", frozenset({EVENT}))
    assert {s.member: s.schedule_ids for s in tokens.selections().values()} == {
        "1": frozenset(),
        "2": {EVENT},
    }


# ---- what the agenda says ----------------------------------------------------------------


@pytest.fixture
def night(tmp_path: Path) -> AgendaLibrary:
    """ "Cloud Native Night" (28 March 2024, 18:30-21:00 Europe/Berlin) with 3 seats on its page."""
    folder = tmp_path / "schedules"
    folder.mkdir()
    page = (PAGES / "toml-front-matter.md").read_text(encoding="utf-8")
    (folder / "night.md").write_text(
        page.replace('timezone = "Europe/Berlin"\n', 'timezone = "Europe/Berlin"\ncapacity = 3\n'),
        encoding="utf-8",
    )
    library = AgendaLibrary(folder, ReadOptions())
    library.load()
    return library


async def test_the_page_gives_the_seats_and_the_end_of_the_event(
    engine: Engine, night: AgendaLibrary, clock: Clock
) -> None:
    (schedule,) = night.snapshot.schedules.values()
    assert schedule.capacity == 3
    clock.now = datetime(2024, 3, 20, 12, 0, tzinfo=UTC)
    rsvps = Rsvps(DatabaseRsvps(session_factory(engine)), night, clock=clock)
    assert await rsvps.open(GUILD, schedule.id, None, None) == Counts(3, 0, 0, True)
    for user in (1, 2, 3, 4):
        await rsvps.going(GUILD, schedule.id, user)
    await rsvps.check_in(GUILD, schedule.id, 2)
    assert await rsvps.no_shows(GUILD, schedule.id) == 0  # not over yet
    clock.now = datetime(2024, 3, 28, 19, 59, tzinfo=UTC)  # 20:59 in Berlin: still on
    assert await rsvps.no_shows(GUILD, schedule.id) == 0
    clock.now = datetime(2024, 3, 28, 20, 0, tzinfo=UTC)  # 21:00 in Berlin: over
    assert await rsvps.no_shows(GUILD, schedule.id) == 2  # 1 and 3; 4 never had a seat
    assert await rsvps.no_shows(GUILD, "unknown") == 0
    with pytest.raises(Refused) as over:  # an event that ended takes no RSVPs
        await rsvps.open(GUILD, schedule.id, 4, None)
    assert over.value.key == "rsvp_event_over"
    clock.now = datetime(2024, 3, 20, 12, 0, tzinfo=UTC)
    # An explicit capacity wins over the page's.
    assert (await rsvps.open(GUILD, schedule.id, 4, None)).capacity == 4


async def test_reminders_are_planned_again_when_the_confirmed_change(
    engine: Engine, clock: Clock
) -> None:
    told: list[None] = []
    rsvps = Rsvps(DatabaseRsvps(session_factory(engine)), None, lambda: told.append(None), clock)
    await rsvps.open(GUILD, EVENT, 1, None)
    told.clear()
    await rsvps.going(GUILD, EVENT, 1)
    assert len(told) == 1
    await rsvps.going(GUILD, EVENT, 2)  # waitlisted: nobody's reminders change
    assert len(told) == 1
    await rsvps.set_capacity(GUILD, EVENT, 1)  # nobody moves up
    assert len(told) == 1
    await rsvps.set_capacity(GUILD, EVENT, 2)  # 2 moves up
    assert len(told) == 2
    await rsvps.not_going(GUILD, EVENT, 1)
    assert len(told) == 3
    await rsvps.set_reminders(GUILD, EVENT, 2, False)
    assert len(told) == 4


class Ticking:
    """A clock one millisecond later at every reading, safe across threads."""

    def __init__(self) -> None:
        self.now = NOW
        self.lock = threading.Lock()

    def __call__(self) -> datetime:
        with self.lock:
            self.now += timedelta(milliseconds=1)
            return self.now


async def test_click_times_follow_the_order_that_decided_the_seats(engine: Engine) -> None:
    executor = await _with_threads(16)
    try:
        ticking = Ticking()
        rsvps = Rsvps(DatabaseRsvps(session_factory(engine)), clock=ticking)
        await rsvps.open(GUILD, EVENT, 20, None)
        await asyncio.gather(*(rsvps.going(GUILD, EVENT, u) for u in range(1, 61)))
        entries = await rsvps.entries(GUILD, EVENT)
        times = [e.clicked_at for e in entries]
        assert times == sorted(times)
        seated = [e.clicked_at for e in entries if e.state is CONFIRMED]
        waiting = [e.clicked_at for e in entries if e.state is WAITLISTED]
        assert len(seated) == 20
        assert max(seated) < min(waiting)
    finally:
        executor.shutdown()
