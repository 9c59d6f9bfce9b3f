from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.agendas.library import AgendaLibrary
from bot.delivery import Retry, SendResult, Sent, Undeliverable
from bot.delivery.formats.discord_markup import discord_markup
from bot.dispatch.service import ReminderService, Timing
from bot.domain.readers.context import ReadOptions
from bot.domain.reminders.message import ReminderMessage
from bot.domain.reminders.plan import Leads, Target, TargetKind
from bot.storage.database import session_factory
from bot.storage.deliveries import DEFAULT_LEASE, DeliveryLedger
from bot.storage.members import DatabaseMembers
from tests.database import BACKENDS, migrated_engine

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
AGENDA = """\
title: Conf
timezone: Europe/Paris
date: 2026-03-01
sessions:
  - title: Opening
    start: "11:00"
    end: "11:30"
  - title: Deep dive
    start: "11:30"
    end: "12:30"
    speakers: ["Ana (Acme)"]
"""


class Clock:
    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


@dataclass
class RecordingSender:
    """Stands in for Discord inside one process: records sends (as Discord shows them), can fail
    on request."""

    kinds: frozenset[TargetKind] = frozenset(TargetKind)
    idempotent: bool = True
    sent: list[tuple[Target, str, str]] = field(default_factory=list)
    # Consumed first, then Sent; an exception is raised instead of answered.
    outcomes: list[SendResult | Exception] = field(default_factory=list)

    async def start(self) -> None:
        return None

    async def send(self, target: Target, message: ReminderMessage, nonce: str) -> SendResult:
        outcome = self.outcomes.pop(0) if self.outcomes else Sent(str(len(self.sent) + 1))
        if isinstance(outcome, Exception):
            raise outcome
        if isinstance(outcome, Sent):
            self.sent.append((target, discord_markup(message), nonce))
        return outcome

    async def close(self) -> None:
        return None


@dataclass
class World:
    folder: Path
    library: AgendaLibrary
    people: DatabaseMembers
    ledger: DeliveryLedger
    sender: RecordingSender
    clock: Clock
    service: ReminderService

    def titles(self) -> list[str]:
        return [content.splitlines()[0] for _, content, _ in self.sender.sent]


def make_world(
    engine, folder: Path, clock: Clock, owner: str = "p1", sender=None, **kwargs
) -> World:  # type: ignore[no-untyped-def]
    sessions = session_factory(engine)
    library = AgendaLibrary(folder, ReadOptions(), clock=clock)
    library.load()
    people = DatabaseMembers(sessions, clock=clock)
    ledger = DeliveryLedger(sessions, owner, lease=kwargs.pop("lease", DEFAULT_LEASE))
    sender = sender or RecordingSender()
    service = ReminderService(
        library=library,
        people=people,
        ledger=ledger,
        sender=sender,
        defaults=kwargs.pop("defaults", Leads((timedelta(minutes=15),), None)),
        destinations=kwargs.pop("destinations", (Target(TargetKind.CHANNEL, "77"),)),
        clock=clock,
        timing=kwargs.pop("timing", Timing()),
        **kwargs,
    )
    return World(folder, library, people, ledger, sender, clock, service)


@pytest.fixture(params=BACKENDS)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[object]:
    with migrated_engine(request.param, tmp_path) as migrated:
        yield migrated


@pytest.fixture
def world(engine, tmp_path: Path) -> World:  # type: ignore[no-untyped-def]
    folder = tmp_path / "schedules"
    folder.mkdir()
    (folder / "conf.yaml").write_text(AGENDA)
    return make_world(engine, folder, Clock())


__all__ = ["Retry", "Undeliverable"]
