from __future__ import annotations

import asyncio
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.agendas.library import AgendaLibrary
from bot.agendas.revision_store import JsonRevisionStore
from bot.agendas.watch import watch_agendas
from bot.domain.ics.calendars import feed_calendar
from bot.domain.readers.context import ReadOptions
from tests.helpers import PAGES, SEED

T0 = datetime(2026, 1, 1, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "schedules"
    folder.mkdir()
    shutil.copy(SEED, folder / "meetup.md")
    shutil.copy(PAGES / "toml-front-matter.md", folder / "night.md")
    return folder


def _feed(library: AgendaLibrary, schedule_id: str) -> bytes:
    snapshot = library.snapshot
    schedule = snapshot.schedules[schedule_id]
    return feed_calendar(schedule.title, [schedule], snapshot.revisions)


def test_library_reads_every_agenda_and_stamps_with_file_times(tmp_path: Path) -> None:
    library = AgendaLibrary(_folder(tmp_path), ReadOptions())
    snapshot = library.load()
    assert list(snapshot.schedules) == ["meetup", "night"]
    assert len(snapshot.revisions) == 9 + 4
    mtime = datetime.fromtimestamp(int((tmp_path / "schedules" / "meetup.md").stat().st_mtime), UTC)
    assert {r.changed_at for r in snapshot.revisions.values() if r.schedule_id == "meetup"} == {
        mtime
    }


def test_a_broken_edit_keeps_the_last_good_version_live_and_says_so(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    library = AgendaLibrary(folder, ReadOptions())
    before = library.load().schedules["meetup"]
    (folder / "meetup.md").write_bytes(b"\x00\x01 binary junk")
    snapshot = library.load()
    assert snapshot.schedules["meetup"] == before
    messages = [str(d) for d in snapshot.diagnostics if d.file.endswith("meetup.md")]
    assert any("binary file" in m for m in messages)
    assert any("the last good version stays live" in m for m in messages)


def test_a_new_error_in_an_edit_keeps_the_last_good_version(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    library = AgendaLibrary(folder, ReadOptions())
    before = library.load().schedules["meetup"]
    page = folder / "meetup.md"
    page.write_text(page.read_text().replace("| 13:30 - 13:50 |", "| 13:50 - 13:30 |"))
    assert library.load().schedules["meetup"] == before


def test_one_bad_file_never_hides_the_others(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "broken.yaml").write_text("title: [unclosed\n")
    snapshot = AgendaLibrary(folder, ReadOptions()).load()
    assert list(snapshot.schedules) == ["meetup", "night"]
    assert any(d.file.endswith("broken.yaml") for d in snapshot.errors)


def test_a_duplicate_schedule_id_is_reported_and_the_first_file_wins(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "sub").mkdir()
    shutil.copy(SEED, folder / "sub" / "meetup.md")
    snapshot = AgendaLibrary(folder, ReadOptions()).load()
    assert snapshot.schedules["meetup"].source.file.endswith("schedules/meetup.md")
    assert any("already used by" in d.message for d in snapshot.errors)


def test_a_deleted_agenda_stays_in_feeds_as_cancelled_during_the_grace_period(
    tmp_path: Path,
) -> None:
    folder = _folder(tmp_path)
    clock = Clock()
    library = AgendaLibrary(folder, ReadOptions(), clock=clock, grace=timedelta(days=7))
    library.load()
    (folder / "night.md").unlink()
    clock.now = T0 + timedelta(days=1)
    snapshot = library.load()
    assert "night" not in snapshot.schedules and "night" in snapshot.retired
    night = [r for r in snapshot.revisions.values() if r.schedule_id == "night"]
    assert len(night) == 4 and all(r.cancelled and r.sequence == 1 for r in night)
    clock.now = T0 + timedelta(days=9)
    snapshot = library.load()
    assert "night" not in snapshot.retired
    assert not [r for r in snapshot.revisions.values() if r.schedule_id == "night"]


def test_revisions_persist_so_a_restart_serves_the_same_bytes(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    store = JsonRevisionStore(tmp_path / "state" / "revisions.json")
    clock = Clock()
    first = AgendaLibrary(folder, ReadOptions(), store, clock=clock)
    first.load()
    page = folder / "meetup.md"
    page.write_text(page.read_text().replace("| 15:30 - 15:45 |", "| 15:30 - 15:50 |"))
    clock.now = T0 + timedelta(hours=1)
    first.load()
    before = _feed(first, "meetup")
    assert b"SEQUENCE:1" in before
    clock.now = T0 + timedelta(days=2)
    restarted = AgendaLibrary(folder, ReadOptions(), JsonRevisionStore(store.path), clock=clock)
    restarted.load()
    assert _feed(restarted, "meetup") == before


def test_a_damaged_state_file_starts_afresh_instead_of_failing(tmp_path: Path) -> None:
    path = tmp_path / "revisions.json"
    path.write_text("{not json")
    assert JsonRevisionStore(path).load() == {}


async def test_the_watcher_reloads_after_a_file_changes(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    library = AgendaLibrary(folder, ReadOptions())
    library.load()
    seen: list[int] = []
    library.subscribe(lambda snapshot: seen.append(len(snapshot.schedules)))
    stop = asyncio.Event()
    watcher = asyncio.create_task(watch_agendas(library, stop, debounce_ms=50))
    await asyncio.sleep(0.3)
    shutil.copy(PAGES / "japanese.md", folder / "tokyo.md")
    for _ in range(100):
        if seen:
            break
        await asyncio.sleep(0.05)
    stop.set()
    await watcher
    assert seen and seen[-1] == 3
    assert "tokyo" in library.snapshot.schedules
