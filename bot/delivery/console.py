"""The out-of-the-box destination: reminders printed to standard output, as plain text."""

from __future__ import annotations

import sys
from typing import TextIO

from bot.delivery import SendResult, Sent
from bot.delivery.formats.plain_text import plain_text
from bot.domain.reminders.message import ReminderMessage
from bot.domain.reminders.plan import Target, TargetKind


class ConsoleSender:
    kinds = frozenset({TargetKind.OPERATOR})
    destination = Target.operator("console")  # its name starts the ledger's keys: never change it
    idempotent = False  # a line printed just before a crash is printed again after it

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream
        self.count = 0

    async def start(self) -> None:
        return None

    async def send(self, target: Target, message: ReminderMessage, nonce: str) -> SendResult:
        stream = self.stream or sys.stdout
        self.count += 1
        stream.write(f"--- reminder to {target} ({nonce})\n{plain_text(message)}\n")
        stream.flush()
        return Sent(f"console-{self.count}")

    async def close(self) -> None:
        return None
