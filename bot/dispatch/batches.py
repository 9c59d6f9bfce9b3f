"""Outcomes written to the ledger together: a burst of reminders costs a few transactions, not
one per reminder.

Each outcome waits for the next write, which takes every outcome that arrived meanwhile: the
first is written at once, and those that finish while it is being written go in the next one.
Nothing waits on a timer, so a lone reminder is recorded as soon as it was before.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence

from bot.storage.deliveries import Mark


class MarkBatches:
    """`await batches.write(mark)`: True once written, False if the claim was no longer held."""

    def __init__(self, record: Callable[[Sequence[Mark]], list[bool]]) -> None:
        self._record = record  # the ledger's: one transaction for a list of marks
        self._waiting: list[tuple[Mark, asyncio.Future[bool]]] = []
        self._writer: asyncio.Task[None] | None = None

    async def write(self, mark: Mark) -> bool:
        future: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self._waiting.append((mark, future))
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write_all())
        return await future

    async def _write_all(self) -> None:
        while self._waiting:
            batch, self._waiting = self._waiting, []
            try:
                done = await asyncio.to_thread(self._record, [mark for mark, _ in batch])
            except Exception as exc:
                for _, future in batch:
                    if not future.done():
                        future.set_exception(exc)
                continue
            for (_, future), written in zip(batch, done, strict=True):
                if not future.done():
                    future.set_result(written)
