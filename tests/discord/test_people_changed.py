"""Re-planning after members' changes: a burst of changes is taken up by one more run, and the
last run always starts after the last change."""

from __future__ import annotations

import asyncio

from bot.discord.services import Coalesced


async def test_changes_during_a_run_are_taken_up_by_one_more_run() -> None:
    started: list[int] = []
    changes = 0
    release = asyncio.Event()
    tasks: list[asyncio.Task[None]] = []

    async def work() -> None:
        started.append(changes)
        await release.wait()

    replan = Coalesced(work, lambda run: tasks.append(asyncio.create_task(run)))
    changes += 1
    replan()
    await asyncio.sleep(0)
    for _ in range(5):
        changes += 1
        replan()
    release.set()
    await asyncio.gather(*tasks)
    assert started == [1, 6]  # the second run began after every change
    assert len(tasks) == 1

    changes += 1
    replan()
    await asyncio.gather(*tasks)
    assert started == [1, 6, 7]


async def test_a_failed_run_does_not_stop_later_changes_from_running() -> None:
    runs = 0
    tasks: list[asyncio.Task[None]] = []

    async def work() -> None:
        nonlocal runs
        runs += 1
        if runs == 1:
            raise RuntimeError("the database went away")

    replan = Coalesced(work, lambda run: tasks.append(asyncio.create_task(run)))
    replan()
    await asyncio.gather(*tasks, return_exceptions=True)
    replan()
    await asyncio.gather(*tasks, return_exceptions=True)
    assert runs == 2
