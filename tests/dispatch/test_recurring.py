"""Reminders and change notices for repeating sessions: every occurrence is a session of its
own, with its own delivery keys; the window of occurrences rolling forward is never news."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.agendas.library import AgendaLibrary
from bot.dispatch.service import ReminderService
from bot.domain.agenda import Recurrence, Schedule, Session, SourceRef
from bot.domain.readers.context import ReadOptions
from bot.domain.readers.source import ReadResult
from bot.domain.reminders.plan import Leads, Target, TargetKind
from bot.storage.database import session_factory
from bot.storage.deliveries import DeliveryLedger, State
from bot.storage.members import DatabaseMembers
from tests.dispatch.conftest import Clock, RecordingSender

PARIS = ZoneInfo("Europe/Paris")
T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)  # a Sunday
# Thursdays 10:00 Paris (09:00 UTC in March): 5 March, 12 March...
FIRST_DUE = datetime(2026, 3, 5, 8, 45, tzinfo=UTC)
SECOND_DUE = datetime(2026, 3, 12, 8, 45, tzinfo=UTC)


def weekly(
    hour: int = 10, exdates: tuple[datetime, ...] = (), title: str = "Weekly call"
) -> Schedule:
    start = datetime(2026, 1, 8, hour, 0, tzinfo=PARIS)  # a Thursday, weeks before T0
    series = Session(
        "weekly-call",
        title,
        start,
        start + timedelta(hours=1),
        repeat=Recurrence("FREQ=WEEKLY;BYDAY=TH", exdates=exdates),
        line=3,
    )
    return Schedule("team", "Team", PARIS, (), SourceRef("team.yaml", 1), series=(series,))


class SeriesLibrary(AgendaLibrary):
    """The library as it runs, reading `schedule` instead of a file (the readers of repeating
    agendas are tested on their own)."""

    def __init__(self, folder: Path, schedule: Schedule, clock: Clock) -> None:
        super().__init__(folder, ReadOptions(), clock=clock)
        self.schedule = schedule

    def _read(self) -> list[ReadResult]:
        return [ReadResult(str(self.folder / "team.yaml"), [self.schedule], modified=T0)]


def service_for(engine, tmp_path: Path, clock: Clock, owner: str = "p1") -> ReminderService:  # type: ignore[no-untyped-def]
    library = SeriesLibrary(tmp_path, weekly(), clock)
    library.load()
    sessions = session_factory(engine)
    service = ReminderService(
        library=library,
        people=DatabaseMembers(sessions, clock=clock),
        ledger=DeliveryLedger(sessions, owner),
        sender=RecordingSender(),
        defaults=Leads((timedelta(minutes=15),), timedelta(days=1)),
        destinations=(Target(TargetKind.CHANNEL, "77"),),
        clock=clock,
    )
    service.scheduler = AsyncIOScheduler(timezone="UTC")
    library.subscribe(service.on_agendas_changed)
    return service


def sent(service: ReminderService) -> list[str]:
    assert isinstance(service.sender, RecordingSender)
    return [content.splitlines()[0] for _, content, _ in service.sender.sent]


async def settle(service: ReminderService) -> None:
    """Wait for the notices and the reconcile an agenda change started."""
    while service._inflight:
        await asyncio.gather(*list(service._inflight))


async def test_consecutive_occurrences_are_each_reminded_once(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    clock = Clock(T0)
    service = service_for(engine, tmp_path, clock)
    dues = await service.reconcile()
    # One due time per occurrence (no event reminder for a repeating meeting), weekly.
    assert dues[:3] == [FIRST_DUE, SECOND_DUE, SECOND_DUE + timedelta(days=7)]
    clock.now = FIRST_DUE
    await service.fire(FIRST_DUE)
    await service.fire(FIRST_DUE)  # a duplicate job run sends nothing more
    clock.now = SECOND_DUE
    await service.fire(SECOND_DUE)
    assert sent(service) == [
        "⏰ **Weekly call** starts <t:1772701200:R>",
        "⏰ **Weekly call** starts <t:1773306000:R>",
    ]
    keys = sorted(row.key for row in service.ledger.rows())
    assert keys == [
        "channel:77|team|weekly-call@20260305|session|15m|1772701200",
        "channel:77|team|weekly-call@20260312|session|15m|1773306000",
    ]
    assert {row.state for row in service.ledger.rows()} == {State.SENT}

    # A restart a minute after the second reminder catches up on nothing: both were sent.
    clock.now = SECOND_DUE + timedelta(minutes=1)
    restarted = service_for(engine, tmp_path, clock, owner="p2")
    await restarted.catch_up()
    assert sent(restarted) == []


async def test_the_window_rolling_forward_is_no_news(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    clock = Clock(T0)
    service = service_for(engine, tmp_path, clock)
    library = service.library
    assert not library.due_to_roll()
    before = [s.id for s in library.snapshot.schedules["team"].sessions]
    clock.advance(days=10)
    assert library.due_to_roll()
    await library.reload()
    await settle(service)
    after = [s.id for s in library.snapshot.schedules["team"].sessions]
    assert after != before and after[0] > before[0] and after[-1] > before[-1]
    assert not library.due_to_roll()
    assert sent(service) == []  # occurrences left and entered the window: no notice


async def test_a_retimed_series_gives_one_notice_for_its_next_occurrence(
    engine, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    clock = Clock(T0)
    service = service_for(engine, tmp_path, clock)
    await service.reconcile()
    library = service.library
    assert isinstance(library, SeriesLibrary)
    library.schedule = weekly(hour=11)
    await library.reload()
    await settle(service)
    assert sent(service) == [
        "🔁 **Weekly call** has moved: was <t:1772701200:F>, now <t:1772704800:F>"
    ]
    [notice] = [row for row in service.ledger.rows() if row.kind == "notice"]
    assert notice.key == "channel:77|team|weekly-call@20260305|notice|1772701200->1772704800"
    # Its reminders follow the new time.
    assert (await service.reconcile())[:2] == [
        FIRST_DUE + timedelta(hours=1),
        SECOND_DUE + timedelta(hours=1),
    ]
    library.schedule = weekly(hour=11, title="Weekly sync")  # a new title is not a move
    await library.reload()
    await settle(service)
    assert len(sent(service)) == 1


async def test_a_cancelled_occurrence_gives_one_removal_notice(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    clock = Clock(T0)
    service = service_for(engine, tmp_path, clock)
    await service.reconcile()
    library = service.library
    assert isinstance(library, SeriesLibrary)
    second = datetime(2026, 3, 12, 10, 0, tzinfo=PARIS)
    library.schedule = weekly(exdates=(second,))
    await library.reload()
    await settle(service)
    assert sent(service) == [
        "❌ **Weekly call** (<t:1773306000:F>) was removed from Team",
    ]
    ids = [s.id for s in library.snapshot.schedules["team"].sessions]
    assert "weekly-call@20260312" not in ids and "weekly-call@20260319" in ids
    dues = await service.reconcile()
    assert SECOND_DUE not in dues and FIRST_DUE in dues

    # Cancelling one that already happened is no news.
    past = datetime(2026, 2, 26, 10, 0, tzinfo=PARIS)
    library.schedule = weekly(exdates=(second, past))
    await library.reload()
    await settle(service)
    assert len(sent(service)) == 1


async def test_one_off_sessions_beside_a_series_keep_their_event_reminder(
    engine, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    clock = Clock(T0)
    service = service_for(engine, tmp_path, clock)
    library = service.library
    assert isinstance(library, SeriesLibrary)
    kickoff = Session(
        "kickoff",
        "Kickoff",
        datetime(2026, 3, 20, 18, 0, tzinfo=PARIS),
        datetime(2026, 3, 20, 19, 0, tzinfo=PARIS),
    )
    library.schedule = replace(weekly(), sessions=(kickoff,))
    await library.reload()
    await settle(service)
    planned = service.plan()
    events = [p for p in planned if p.kind == "event"]
    assert [(p.session_id, p.due) for p in events] == [
        ("kickoff", datetime(2026, 3, 19, 17, 0, tzinfo=UTC))
    ]
    assert sent(service) == []  # a session added is no news either
