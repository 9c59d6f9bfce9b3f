"""Where messages go: Discord through the bot's REST API, a channel webhook, or the console.

Every sender answers with one of three outcomes, so the reminder runtime can record it:
Sent, Retry (a passing failure), Undeliverable (retrying would not help).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from bot.domain.reminders.plan import Target, TargetKind
from bot.domain.reminders.render import Rendered


@dataclass(frozen=True, slots=True)
class Sent:
    message_id: str | None = None


@dataclass(frozen=True, slots=True)
class Retry:
    error: str


@dataclass(frozen=True, slots=True)
class Undeliverable:
    error: str
    dm_closed: bool = False


SendResult = Sent | Retry | Undeliverable


class Sender(Protocol):
    kinds: frozenset[TargetKind]  # the targets this sender can reach

    async def start(self) -> None: ...

    async def send(self, target: Target, message: Rendered, nonce: str) -> SendResult:
        """Deliver `message`. `nonce` is unique per delivery row: where the platform supports
        it, a retried send with the same nonce cannot post twice."""
        ...

    async def close(self) -> None: ...
