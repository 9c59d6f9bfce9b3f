"""Watching the event loop in tests: how late a 10 ms tick ever ran while work went on."""

from __future__ import annotations

import asyncio
import gc
import time

TICK = 0.01


class LoopWatch:
    """Ticks every 10 ms on the loop and keeps the worst lateness of a tick: in all (`worst`),
    and less the pauses of CPython's cyclic collector in that tick (`worst_ours`). A collection
    stops every thread whichever one starts it, and building a large library's feeds starts a
    few full ones (about 60 ms each here): that share is the interpreter's, not the loop's."""

    def __init__(self) -> None:
        self.worst = 0.0
        self.worst_ours = 0.0
        self._stop = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._ticks: list[tuple[float, float]] = []
        self._collections: list[tuple[float, float]] = []
        self._began = 0.0

    async def __aenter__(self) -> LoopWatch:
        gc.callbacks.append(self._collector)
        self._task = asyncio.create_task(self._tick())
        await asyncio.sleep(TICK)
        return self

    async def __aexit__(self, *_: object) -> None:
        self._stop.set()
        assert self._task is not None
        await self._task
        gc.callbacks.remove(self._collector)
        # Counted once every collection is recorded: the thread that ran one may be switched
        # out between the end of its pause and the callback that records it.
        for before, after in self._ticks:
            late = after - before - TICK
            collecting = sum(
                max(0.0, min(end, after) - max(start, before)) for start, end in self._collections
            )
            self.worst = max(self.worst, late)
            self.worst_ours = max(self.worst_ours, late - collecting)

    def _collector(self, phase: str, _: dict[str, int]) -> None:
        now = time.perf_counter()
        if phase == "start":
            self._began = now
        else:
            self._collections.append((self._began, now))

    async def _tick(self) -> None:
        while not self._stop.is_set():
            before = time.perf_counter()
            await asyncio.sleep(TICK)
            self._ticks.append((before, time.perf_counter()))
