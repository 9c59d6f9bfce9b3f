"""What each sender guarantees across rate limits, slow answers and crashes, in one process:
429 waits are honoured, a send never outlives its claim, a sender that cannot refuse a repeat
sends one message at a time, and a crash repeats at most what was in flight."""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.delivery import Retry, SendResult, Sent
from bot.delivery.formats.discord_markup import discord_markup
from bot.dispatch.service import Timing
from bot.domain.reminders.message import ReminderMessage
from bot.domain.reminders.plan import PlannedReminder, Target, TargetKind
from bot.storage.deliveries import State
from tests.dispatch.conftest import RecordingSender, World, make_world

OPENING_DUE = datetime(2026, 3, 1, 9, 45, tzinfo=UTC)


class RealClock:
    def __call__(self) -> datetime:
        return datetime.now(UTC)


@dataclass
class Channel:
    """What a Discord channel ends up showing, shared by the processes that post to it."""

    posts: list[tuple[str, str]] = field(default_factory=list)  # (nonce, first line)
    by_nonce: dict[str, str] = field(default_factory=dict)

    def titles(self) -> list[str]:
        return [title for _, title in self.posts]


@dataclass
class ChannelSender(RecordingSender):
    """Posts to a shared Channel; an idempotent one refuses a nonce it has seen (enforce_nonce).
    `hang` keeps the first `hang` sends waiting for an answer that never comes, after posting.
    `together` holds each send (up to `pause` seconds) until that many are in flight at once:
    sends the runtime lets overlap then do overlap, however the claims before them were timed."""

    channel: Channel = field(default_factory=Channel)
    hang: int = 0
    in_flight: int = 0
    most_in_flight: int = 0
    pause: float = 0.0
    together: int = 0
    _all_in: asyncio.Event = field(default_factory=asyncio.Event)

    async def send(self, target: Target, message: ReminderMessage, nonce: str) -> SendResult:
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        if self.together and self.in_flight >= self.together:
            self._all_in.set()
        try:
            title = discord_markup(message).splitlines()[0]
            if not (self.idempotent and nonce in self.channel.by_nonce):
                self.channel.posts.append((nonce, title))
                self.channel.by_nonce[nonce] = title
            if self.hang:
                self.hang -= 1
                await asyncio.Event().wait()  # posted; the answer never comes
            if self.together:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._all_in.wait(), self.pause)
            else:
                await asyncio.sleep(self.pause)
            return Sent(nonce)
        finally:
            self.in_flight -= 1


def _soon_agenda(folder: Path, count: int = 1) -> None:
    """Sessions starting ten minutes from now: with a 15-minute lead they are due now."""
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(minutes=10)
    lines = ["title: Soon", "timezone: UTC", "sessions:"]
    for n in range(1, count + 1):
        lines += [
            f"  - title: Talk {n}",
            f'    start: "{start:%Y-%m-%d %H:%M:%S}"',
            "    duration: 10m",
        ]
    (folder / "conf.yaml").write_text("\n".join(lines) + "\n")


def _due(world: World) -> list[PlannedReminder]:
    now = datetime.now(UTC)
    return [p for p in world.service.plan() if p.due <= now]


# ---- Retry-After ---------------------------------------------------------------------------


async def test_a_429_wait_sets_the_next_attempt_instead_of_the_fixed_backoff(world: World) -> None:
    scheduler = AsyncIOScheduler(timezone="UTC")
    world.service.scheduler = scheduler
    world.sender.outcomes = [Retry("discord answered 429", timedelta(seconds=127.5))]
    world.clock.now = OPENING_DUE
    await world.service.fire(OPENING_DUE)
    [row] = world.ledger.rows()
    retry_at = OPENING_DUE + timedelta(seconds=127.5)
    assert (row.state, row.next_attempt_at) == (State.FAILED, retry_at)
    # A sweep is set for that moment (rounded up to the second), not left to the next 15 s tick.
    assert [job.id for job in scheduler.get_jobs() if job.id.startswith("retry:")] == [
        "retry:2026-03-01T09:47:08+00:00"
    ]
    world.clock.advance(seconds=120)
    await world.service.sweep()
    assert world.sender.sent == []  # 30 s of backoff would have let this one through
    world.clock.advance(seconds=8)
    await world.service.sweep()
    assert len(world.sender.sent) == 1


async def test_a_short_429_wait_is_retried_sooner_than_the_backoff(world: World) -> None:
    world.sender.outcomes = [Retry("webhook answered 429", timedelta(seconds=6))]
    world.clock.now = OPENING_DUE
    await world.service.fire(OPENING_DUE)
    [row] = world.ledger.rows()
    assert row.next_attempt_at == OPENING_DUE + timedelta(seconds=6)
    world.clock.advance(seconds=6)
    await world.service.sweep()
    assert len(world.sender.sent) == 1


# ---- one at a time without idempotency -----------------------------------------------------


async def test_a_sender_that_cannot_refuse_a_repeat_sends_one_message_at_a_time(
    engine, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "schedules"
    folder.mkdir()
    _soon_agenda(folder)
    seen = {}
    for idempotent, first_channel in ((False, 70), (True, 80)):
        # The idempotent sender holds its sends until all six overlap (5 s at most); the other
        # would wait in vain, one send at a time, so it only pauses a little on each.
        sender = ChannelSender(
            idempotent=idempotent,
            pause=5.0 if idempotent else 0.02,
            together=6 if idempotent else 0,
        )
        targets = tuple(Target(TargetKind.CHANNEL, str(first_channel + n)) for n in range(6))
        world = make_world(
            engine, folder, RealClock(), owner=f"p{idempotent}", sender=sender, destinations=targets
        )
        await world.service.deliver(_due(world))
        seen[idempotent] = (sender.most_in_flight, len(sender.channel.posts))
    assert seen == {False: (1, 6), True: (6, 6)}


# ---- a send never outlives its claim -------------------------------------------------------


async def test_a_send_never_outlives_its_claim_so_no_other_process_sends_meanwhile(
    engine, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    # A webhook that posts the message and answers late: the first process must give up before
    # its claim's lease ends, or a second process takes the claim over and posts it again.
    folder = tmp_path / "schedules"
    folder.mkdir()
    _soon_agenda(folder)
    channel = Channel()
    lease, timing = timedelta(seconds=1), Timing(send_margin=timedelta(seconds=0.4))
    slow = ChannelSender(idempotent=False, channel=channel, hang=1)
    first = make_world(
        engine, folder, RealClock(), owner="slow", sender=slow, lease=lease, timing=timing
    )
    other = make_world(
        engine,
        folder,
        RealClock(),
        owner="other",
        sender=ChannelSender(idempotent=False, channel=channel),
        lease=lease,
        timing=timing,
    )
    delivering = asyncio.create_task(first.service.deliver(_due(first)))
    await asyncio.sleep(1.3)  # past the lease
    await other.service.sweep()
    await asyncio.wait_for(delivering, 5)
    assert len(channel.posts) == 1  # before: posted again by the other process at 1.3 s
    [row] = first.ledger.rows()
    assert row.state == State.FAILED and row.owner == "slow"
    assert row.last_error is not None and row.last_error.startswith("outcome unknown: no outcome")
    assert row.next_attempt_at is not None and row.next_attempt_at > datetime.now(UTC)


# ---- a crash mid-send ----------------------------------------------------------------------


async def _crash_mid_send(engine, tmp_path: Path, *, idempotent: bool) -> tuple[Channel, int]:  # type: ignore[no-untyped-def]
    """Two processes on one database; the first posts a burst and dies with `hang` sends posted
    but unanswered. Returns the channel and how many sends were in flight at the crash."""
    folder = tmp_path / "schedules"
    folder.mkdir(exist_ok=True)
    _soon_agenda(folder, count=5)
    channel = Channel()
    crashing = ChannelSender(idempotent=idempotent, channel=channel, hang=5)
    first = make_world(engine, folder, RealClock(), owner="first", sender=crashing)
    delivering = asyncio.create_task(first.service.deliver(_due(first)))
    await asyncio.sleep(0.3)
    in_flight = crashing.in_flight
    delivering.cancel()  # the process is gone: nothing is recorded, its lock file is let go
    await asyncio.gather(delivering, return_exceptions=True)
    first.ledger.close()
    survivor = make_world(
        engine,
        folder,
        RealClock(),
        owner="survivor",
        sender=ChannelSender(idempotent=idempotent, channel=channel),
    )
    # What a restart does, well inside the 60 s lease: the holder is known dead.
    await survivor.service.catch_up()
    return channel, in_flight


async def test_after_a_crash_mid_send_rest_posts_each_reminder_once(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    channel, in_flight = await _crash_mid_send(engine, tmp_path, idempotent=True)
    assert in_flight == 5
    assert sorted(channel.titles()) == sorted(set(channel.titles())) and len(channel.posts) == 5


async def test_after_a_crash_mid_send_a_webhook_repeats_at_most_the_one_message_in_flight(
    engine, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    # Execute Webhook takes no nonce: the message posted just before the crash is posted again
    # by whoever takes the claim over. One at a time, that is one message per crash.
    channel, in_flight = await _crash_mid_send(engine, tmp_path, idempotent=False)
    assert in_flight == 1
    titles = channel.titles()
    assert len(set(titles)) == 5 and len(titles) - len(set(titles)) == 1


# ---- claimed together, sent in turn --------------------------------------------------------


async def test_a_claim_that_waited_its_turn_runs_a_whole_lease_again_before_its_send(
    engine, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    # Three reminders claimed together, sent one after the other, each send taking 0.4 s of a
    # 1 s lease: the third would start with its lease nearly gone, and is given a new one.
    folder = tmp_path / "schedules"
    folder.mkdir()
    _soon_agenda(folder, count=3)
    sender = ChannelSender(idempotent=True, pause=0.4)
    world = make_world(
        engine,
        folder,
        RealClock(),
        sender=sender,
        lease=timedelta(seconds=1),
        timing=Timing(concurrency=1, send_margin=timedelta(seconds=0.1)),
    )
    await world.service.deliver(_due(world))
    assert len(sender.channel.posts) == 3
    assert {row.state for row in world.ledger.rows()} == {State.SENT}
