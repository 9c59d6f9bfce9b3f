"""What a sender's answer means for the ledger: sent, retried later (with backoff, or after
the wait a 429 asked for), unknown (retried, with the same nonce where the sender takes one),
or undeliverable (a closed DM is remembered, so no more DMs are planned for that member)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.delivery import Retry, SendResult, Sent, Undeliverable, Unknown
from bot.dispatch.ports import PeopleStore
from bot.domain.reminders.plan import PlannedReminder, TargetKind
from bot.storage.deliveries import Claim, Mark

log = logging.getLogger(__name__)


def backoff(attempts: int) -> timedelta:
    """30 s, 1 min, 2 min ... up to 15 min between attempts."""
    return min(timedelta(seconds=30 * 2 ** max(attempts - 1, 0)), timedelta(minutes=15))


@dataclass(frozen=True, slots=True)
class Outcomes:
    """Records each answer in the ledger (through `write`, which batches), logs it and counts
    it (`count("sent")`...)."""

    write: Callable[[Mark], Awaitable[bool]]
    people: PeopleStore
    late_after: timedelta
    idempotent: bool  # the sender's retries carry the same nonce
    count: Callable[[str], None]
    sweep_at: Callable[[datetime], None]  # a sweep then, for a retry a 429 put there

    async def record(
        self, reminder: PlannedReminder, claim: Claim, result: SendResult, finished: datetime
    ) -> None:
        if isinstance(result, Sent):
            late = finished - reminder.due > self.late_after
            if not await self.write(
                Mark.sent(claim, finished, late=late, message_id=result.message_id)
            ):
                log.warning("claim on %s expired during a slow send", reminder.key)
            log.info("sent %s%s", reminder.key, " (late)" if late else "")
            self.count("sent")
            if late:
                self.count("late")
        elif isinstance(result, Retry):
            wait = result.retry_after if result.retry_after is not None else backoff(claim.attempts)
            retry_at = finished + wait
            await self.write(Mark.failed(claim, result.error, retry_at))
            log.warning("send of %s failed (%s); retry at %s", reminder.key, result.error, retry_at)
            self.count("failed")
            if result.retry_after is not None:
                self.sweep_at(retry_at)
        elif isinstance(result, Unknown):
            retry_at = finished + backoff(claim.attempts)
            await self.write(Mark.failed(claim, f"outcome unknown: {result.error}", retry_at))
            log.warning(
                "%s may or may not have been posted (%s); retry at %s%s",
                reminder.key,
                result.error,
                retry_at,
                " with the same nonce" if self.idempotent else "",
            )
            self.count("failed")
        elif isinstance(result, Undeliverable):
            await self.write(Mark.undeliverable(claim, result.error))
            if result.dm_closed and reminder.target.kind is TargetKind.DM:
                await asyncio.to_thread(self.people.mark_dm_closed, int(reminder.target.id))
            log.warning("%s cannot be delivered: %s", reminder.key, result.error)
            self.count("undeliverable")

    async def failed(self, claim: Claim, error: str, now: datetime) -> None:
        """A failure before anything was sent (the message could not be written)."""
        retry_at = now + backoff(claim.attempts)
        await self.write(Mark.failed(claim, error, retry_at))
        self.count("failed")

    async def skipped(self, claim: Claim, reason: str) -> None:
        """Never to be sent (its session has started, or is gone)."""
        await self.write(Mark.skipped(claim, reason))
        self.count("skipped")
