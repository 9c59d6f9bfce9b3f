"""Where messages go: Discord through the bot's REST API, a channel webhook, or the console.

Each sender receives the channel-neutral `ReminderMessage` and writes it out with its own
formatter (`bot.delivery.formats`): a new sink is a sender and a formatter here, and a setting.

Every sender answers with one of four outcomes, so the reminder runtime can record it: Sent,
Retry (nothing was posted; try again), Unknown (a request went out and no answer came back, so
it may have posted) and Undeliverable (retrying would not help).

What a sender guarantees rests on one question: can a retry post a second message? A sender
that is `idempotent` passes the delivery's nonce to the platform, which refuses to post twice;
the others cannot tell a lost request from a lost answer, so the runtime gives them one message
at a time, and a crash or an unanswered request can repeat at most that one message.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Protocol

from bot.domain.reminders.message import ReminderMessage
from bot.domain.reminders.plan import Target, TargetKind


@dataclass(frozen=True, slots=True)
class Sent:
    message_id: str | None = None


@dataclass(frozen=True, slots=True)
class Retry:
    """Nothing was posted. `retry_after` is the wait the platform asked for (429 Retry-After)."""

    error: str
    retry_after: timedelta | None = None


@dataclass(frozen=True, slots=True)
class Unknown:
    """The request went out and no answer came back: the message may or may not be posted."""

    error: str


@dataclass(frozen=True, slots=True)
class Undeliverable:
    error: str
    dm_closed: bool = False


SendResult = Sent | Retry | Unknown | Undeliverable

# Statuses a proxy in front of Discord answers after passing the request on: it may have posted.
GATEWAY_ERRORS = frozenset({502, 504, 524})


class Sender(Protocol):
    kinds: frozenset[TargetKind]  # the targets this sender can reach
    idempotent: bool  # a retry with the same nonce can never post a second message

    async def start(self) -> None: ...

    async def send(self, target: Target, message: ReminderMessage, nonce: str) -> SendResult:
        """Write `message` out as this sink shows it, and deliver it. `nonce` is unique per delivery row and the same on every attempt:
        where the platform supports it, a retried send with the same nonce cannot post twice."""
        ...

    async def close(self) -> None: ...
