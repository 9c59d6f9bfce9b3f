"""A reload keeps the event loop free: reading, working out revisions, saving them and preparing
subscribers happen in a worker thread; the loop only swaps the snapshot and tells listeners."""

from __future__ import annotations

import asyncio
import logging
import shutil
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from bot.agendas.library import AgendaLibrary, Snapshot
from bot.agendas.revision_store import MemoryRevisionStore, RevisionStore
from bot.domain.ics.revisions import Revision
from bot.domain.readers.context import ReadOptions
from tests.helpers import PAGES, SEED
from tests.loop_watch import LoopWatch

MAX_DELAY = 0.5  # a save that blocks 2 s held the loop 2 s before; the GIL alone can add tens of ms


class SlowStore(MemoryRevisionStore):
    """A revision store whose save blocks its thread, as a write to a locked database does."""

    def __init__(self, seconds: float) -> None:
        super().__init__()
        self.seconds = seconds
        self.saving = threading.Event()
        self.threads: list[int] = []
        self.at_once = 0
        self.most_at_once = 0
        self._count = threading.Lock()

    def save(self, revisions: Mapping[str, Revision]) -> None:
        with self._count:
            self.at_once += 1
            self.most_at_once = max(self.most_at_once, self.at_once)
        self.threads.append(threading.get_ident())
        self.saving.set()
        try:
            time.sleep(self.seconds)
            super().save(revisions)
        finally:
            with self._count:
                self.at_once -= 1


class FailingStore(MemoryRevisionStore):
    def __init__(self) -> None:
        super().__init__()
        self.failing = True

    def save(self, revisions: Mapping[str, Revision]) -> None:
        if self.failing:
            raise OSError("database is locked")
        super().save(revisions)


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "schedules"
    folder.mkdir()
    shutil.copy(SEED, folder / "meetup.md")
    return folder


def _edit(folder: Path) -> None:
    page = folder / "meetup.md"
    page.write_text(page.read_text().replace("| 15:30 - 15:45 |", "| 15:30 - 15:50 |"))


def _plain(folder: Path, store: RevisionStore) -> AgendaLibrary:
    return AgendaLibrary(folder, ReadOptions(), store)


def _with_demo(folder: Path, store: RevisionStore) -> AgendaLibrary:
    from bot.runtime import LibraryWithExtras
    from tests.helpers import read_page

    return LibraryWithExtras(folder, ReadOptions(), store, [read_page("toml-front-matter.md")])


@pytest.mark.parametrize("make", [_plain, _with_demo], ids=["library", "library-with-demo"])
async def test_a_reload_whose_revision_save_blocks_2_s_never_delays_the_loop(
    tmp_path: Path, make: Callable[[Path, RevisionStore], AgendaLibrary]
) -> None:
    folder = _folder(tmp_path)
    store = SlowStore(0)
    library = make(folder, store)
    before = library.load()
    seen: list[tuple[int, int]] = []
    library.subscribe(lambda s: seen.append((s.version, threading.get_ident())))
    _edit(folder)
    store.seconds = 2.0
    async with LoopWatch() as watch:
        reload = asyncio.create_task(library.reload())
        assert await asyncio.to_thread(store.saving.wait, 10)
        await asyncio.sleep(0.5)
        # Saving: the previous version is still the one live, and nobody was told otherwise.
        assert library.snapshot is before and seen == []
        after = await reload
    assert watch.worst < MAX_DELAY, f"the loop was held {watch.worst * 1000:.0f} ms"
    assert store.threads[-1] != threading.get_ident()  # saved in the worker thread
    assert seen == [(after.version, threading.get_ident())]  # told on the loop
    assert library.snapshot is after and after.version == before.version + 1
    # The demo's sessions are never kept (the store wrapper drops them); the file's are.
    assert store.load() == {k: r for k, r in after.revisions.items() if r.schedule_id == "meetup"}


async def test_reloads_run_one_at_a_time_and_their_saves_never_overlap(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    store = SlowStore(0)
    library = _plain(folder, store)
    library.load()
    store.seconds = 0.2
    versions = []
    for step in range(3):
        (folder / f"extra-{step}.md").write_bytes((PAGES / "toml-front-matter.md").read_bytes())
        page = folder / f"extra-{step}.md"
        page.write_text(page.read_text().replace("Cloud Native Night", f"Night {step}"))
        versions.append(asyncio.create_task(library.reload()))
    done = await asyncio.gather(*versions)
    assert store.most_at_once == 1
    assert [s.version for s in done] == sorted(s.version for s in done)
    assert library.snapshot is done[-1]


async def test_a_cancelled_reload_keeps_later_saves_from_overlapping_its_own(
    tmp_path: Path,
) -> None:
    folder = _folder(tmp_path)
    store = SlowStore(0)
    library = _plain(folder, store)
    before = library.load()
    _edit(folder)
    store.seconds = 0.5
    first = asyncio.create_task(library.reload())
    assert await asyncio.to_thread(store.saving.wait, 10)
    first.cancel()
    with pytest.raises(asyncio.CancelledError):
        await first
    assert library.snapshot is before
    (folder / "night.md").write_bytes((PAGES / "toml-front-matter.md").read_bytes())
    after = await library.reload()
    assert store.most_at_once == 1
    assert set(after.schedules) == {"meetup", "night"}
    assert store.load() == dict(after.revisions)


async def test_a_failed_save_leaves_the_previous_version_live_until_a_reload_succeeds(
    tmp_path: Path,
) -> None:
    folder = _folder(tmp_path)
    store = FailingStore()
    store.failing = False
    library = _plain(folder, store)
    before = library.load()
    seen: list[int] = []
    library.subscribe(lambda s: seen.append(s.version))
    _edit(folder)
    store.failing = True
    with pytest.raises(OSError, match="database is locked"):
        await library.reload()
    assert library.snapshot is before and seen == []
    store.failing = False
    after = await library.reload()
    assert seen == [after.version] and after.version == before.version + 1
    assert store.load() == dict(after.revisions)


async def test_preparers_run_in_the_worker_thread_and_install_on_the_loop_with_the_swap(
    tmp_path: Path,
) -> None:
    folder = _folder(tmp_path)
    library = _plain(folder, MemoryRevisionStore())
    library.load()
    loop_thread = threading.get_ident()
    events: list[tuple[str, int, bool]] = []

    def prepare(snapshot: Snapshot) -> Callable[[], None]:
        events.append(("prepare", snapshot.version, threading.get_ident() == loop_thread))

        def install() -> None:
            live = library.snapshot is snapshot
            events.append(("install", snapshot.version, threading.get_ident() == loop_thread))
            assert live

        return install

    library.subscribe(lambda s: events.append(("listener", s.version, True)))
    await library.subscribe_prepared(prepare)
    assert events == [("prepare", 1, False), ("install", 1, True)]
    events.clear()
    _edit(folder)
    await library.reload()
    assert events == [("prepare", 2, False), ("listener", 2, True), ("install", 2, True)]


async def test_one_failing_subscriber_never_keeps_the_others_stale(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = _folder(tmp_path)
    library = _plain(folder, MemoryRevisionStore())
    library.load()
    seen: list[int] = []
    installed: list[int] = []
    broken = False

    def prepare(snapshot: Snapshot) -> Callable[[], None]:
        if broken:
            raise RuntimeError("feed bug")
        return lambda: installed.append(snapshot.version)

    def fragile(snapshot: Snapshot) -> None:
        raise RuntimeError("listener bug")

    await library.subscribe_prepared(prepare)
    library.subscribe(fragile)
    library.subscribe(lambda s: seen.append(s.version))
    broken = True
    _edit(folder)
    with caplog.at_level(logging.ERROR, logger="bot.agendas.library"):
        after = await library.reload()
    assert library.snapshot is after and seen == [after.version]
    assert installed == [1]  # the broken preparer's subscriber keeps what it had
    assert "preparing for agenda version 2 failed" in caplog.text
    assert "an agenda listener failed on version 2" in caplog.text
