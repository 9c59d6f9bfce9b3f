"""Outcomes that arrive together are written together, and each hears its own answer."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence

import pytest

from bot.dispatch.batches import MarkBatches
from bot.storage.deliveries import Claim, Mark


def _mark(n: int) -> Mark:
    return Mark.skipped(Claim(n, f"k{n}", 1), "test")


async def test_outcomes_arriving_during_a_write_go_in_the_next_one() -> None:
    writes: list[list[int]] = []

    def record(marks: Sequence[Mark]) -> list[bool]:
        writes.append([m.claim.id for m in marks])
        time.sleep(0.05)  # a transaction on a slow disk
        return [m.claim.id % 2 == 0 for m in marks]

    batches = MarkBatches(record)
    first = asyncio.create_task(batches.write(_mark(0)))
    await asyncio.sleep(0.01)  # the first write has begun
    rest = await asyncio.gather(*(batches.write(_mark(n)) for n in range(1, 20)))
    assert await first is True
    assert rest == [n % 2 == 0 for n in range(1, 20)]
    assert writes == [[0], list(range(1, 20))]


async def test_a_failed_write_fails_each_of_its_outcomes_and_the_next_one_goes_on() -> None:
    calls = 0

    def record(marks: Sequence[Mark]) -> list[bool]:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise OSError("disk full")
        return [True] * len(marks)

    batches = MarkBatches(record)
    with pytest.raises(OSError):
        await batches.write(_mark(1))
    assert await batches.write(_mark(2)) is True
