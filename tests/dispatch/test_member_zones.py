"""One member's zone never stops a message to the others, and every failure is counted."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

import pytest

from bot.delivery import Retry
from bot.delivery.formats.discord_markup import discord_markup
from bot.domain.agenda import Schedule, Session, SourceRef
from bot.domain.reminders.message import reminder_message, written_zones
from bot.domain.reminders.plan import (
    Audience,
    MemberPrefs,
    PlannedReminder,
    ReminderKind,
    Target,
    TargetKind,
)
from bot.observability.metrics import Metrics
from bot.storage.deliveries import State
from bot.storage.members import DatabaseMembers
from tests.dispatch.conftest import World

OPENING_DUE = datetime(2026, 3, 1, 9, 45, tzinfo=UTC)
GUILD, CHANNEL = 9, 77
UNREADABLE = ["UTC-03:00", "America", "../etc/passwd", "Mars/Olympus_Mons"]


@dataclass
class UncheckedZones:
    """People whose stored zones reach the runtime unchecked: an older store, or a zone the
    zone database listed when it was checked and can no longer open."""

    people: DatabaseMembers
    zones: dict[int, str]

    def audience(self) -> Audience:
        audience = self.people.audience()
        members = dict(audience.members)
        for user_id, zone in self.zones.items():
            members[user_id] = replace(members.get(user_id, MemberPrefs(user_id)), timezone=zone)
        return replace(audience, members=members)

    def __getattr__(self, name: str) -> object:
        return getattr(self.people, name)


def _count(metrics: Metrics, outcome: str) -> float:
    return metrics.reminders.labels(outcome)._value.get()


@pytest.mark.parametrize("bad", UNREADABLE)
def test_written_zones_leave_out_a_zone_that_cannot_be_opened(bad: str) -> None:
    moment = datetime(2021, 7, 10, 5, 30, tzinfo=UTC)
    zones = [bad, "Asia/Shanghai", "", "Europe/Berlin"]
    assert written_zones(moment, zones) == (("Europe/Berlin", "Asia/Shanghai"), 0)
    assert written_zones(moment, [bad]) == ((), 0)


def test_a_dm_in_a_zone_that_cannot_be_opened_reads_as_for_a_member_without_one() -> None:
    session = Session("talk", "Talk", datetime(2021, 7, 10, 5, 30, tzinfo=UTC))
    schedule = Schedule("conf", "Conf", UTC, (session,), SourceRef("conf.yaml"))

    def dm(zone: str | None) -> str:
        member = MemberPrefs(5, zone, "en-US")
        reminder = PlannedReminder(
            "k",
            session.start,
            ReminderKind.SESSION,
            timedelta(0),
            Target(TargetKind.DM, "5"),
            "conf",
            "talk",
            session.start,
            member=member,
        )
        message = reminder_message(schedule, session, reminder, Audience(), late=False)
        return discord_markup(message)

    assert dm("UTC-03:00") == dm(None)
    assert "/timezone set" in dm("UTC-03:00")


async def _follow_in_guild(world: World, zones: dict[int, str]) -> Metrics:
    metrics = Metrics()
    world.service.metrics = metrics
    world.service.destinations = ()
    world.people.follow(GUILD, CHANNEL, "conf")
    for user_id in zones:
        world.people.seen_in_guild(user_id, GUILD)
    world.service.people = UncheckedZones(world.people, zones)  # type: ignore[assignment]
    world.clock.now = OPENING_DUE
    return metrics


async def test_one_members_unreadable_zone_never_stops_the_channel_reminder(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    metrics = await _follow_in_guild(world, {1: "Asia/Tokyo", 2: "UTC-03:00", 3: "America"})
    with caplog.at_level(logging.WARNING):
        await world.service.fire(OPENING_DUE)
    [(target, content, _)] = world.sender.sent
    assert target == Target(TargetKind.CHANNEL, str(CHANNEL))
    assert content.splitlines()[1] == (
        "<t:1772359200:F> · Sun 11:00 Europe/Paris · Sun 19:00 Asia/Tokyo"
    )
    assert "UTC-03:00" not in content
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert "member 2 has a time zone that cannot be read ('UTC-03:00')" in " ".join(warnings)
    assert "member 3 has a time zone that cannot be read ('America')" in " ".join(warnings)
    assert (_count(metrics, "sent"), _count(metrics, "failed")) == (1, 0)
    await world.service.fire(OPENING_DUE)  # logged once per member, not once per reminder
    assert sum("member 2 has" in r.getMessage() for r in caplog.records) == 1


async def test_a_dm_to_a_member_with_an_unreadable_zone_still_goes_out(world: World) -> None:
    world.people.star(5, "conf", "opening")
    world.service.people = UncheckedZones(world.people, {5: "UTC-03:00"})  # type: ignore[assignment]
    world.service.destinations = ()
    world.clock.now = OPENING_DUE
    await world.service.fire(OPENING_DUE)
    [(target, content, _)] = world.sender.sent
    assert target == Target(TargetKind.DM, "5")
    assert "<t:1772359200:F>" in content and "UTC-03:00" not in content


async def test_an_error_while_sending_is_counted_recorded_and_retried(world: World) -> None:
    metrics = Metrics()
    world.service.metrics = metrics
    world.sender.outcomes = [RuntimeError("the sender broke")]
    world.clock.now = OPENING_DUE
    await world.service.fire(OPENING_DUE)
    [row] = world.ledger.rows()
    assert (row.state, row.next_attempt_at) == (State.FAILED, OPENING_DUE + timedelta(seconds=30))
    assert row.last_error == "outcome unknown: the sender failed: RuntimeError: the sender broke"
    assert _count(metrics, "failed") == 1
    world.clock.advance(seconds=30)
    await world.service.sweep()
    [row] = world.ledger.rows()
    assert (row.state, row.attempts) == (State.SENT, 2)
    assert world.sender.sent[0][2] == f"ab{row.id}"  # the same nonce on every attempt


async def test_a_reminder_that_cannot_be_written_is_counted_and_retried(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    metrics = Metrics()
    world.service.metrics = metrics

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("no words for this")

    monkeypatch.setattr("bot.dispatch.messages.reminder_message", broken)
    world.clock.now = OPENING_DUE
    await world.service.fire(OPENING_DUE)
    [row] = world.ledger.rows()
    assert (row.state, row.last_error) == (
        State.FAILED,
        "rendering failed: ValueError: no words for this",
    )
    assert (_count(metrics, "failed"), world.sender.sent) == (1, [])


async def test_a_failure_before_the_claim_is_counted(world: World) -> None:
    metrics = Metrics()
    world.service.metrics = metrics

    def unreachable(*args: object) -> None:
        raise OSError("database unreachable")

    world.service.ledger.claim = unreachable  # type: ignore[method-assign]
    world.clock.now = OPENING_DUE
    await world.service.fire(OPENING_DUE)
    assert _count(metrics, "failed") == 1


async def test_every_outcome_is_counted(world: World) -> None:
    metrics = Metrics()
    world.service.metrics = metrics
    world.service.destinations = (
        Target(TargetKind.CHANNEL, "77"),
        Target(TargetKind.CHANNEL, "78"),
    )
    world.sender.outcomes = [Retry("503")]
    world.clock.now = OPENING_DUE
    await world.service.fire(OPENING_DUE)
    assert {o: _count(metrics, o) for o in ("sent", "failed")} == {"sent": 1, "failed": 1}
