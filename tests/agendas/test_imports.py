"""Agendas imported in a Discord server: kept in the database, seen in that server only, and
live in every process that shares the database."""

from __future__ import annotations

import asyncio
import logging
import shutil
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine

from bot.agendas.library import AgendaLibrary, Visibility, free_id
from bot.agendas.watch import poll_imports, watch_agendas
from bot.app.imports import AgendaImports, ImportedAgenda, ImportsMarker, stored_name
from bot.domain.readers.context import ReadOptions
from bot.storage.database import session_factory
from bot.storage.imported_agendas import DatabaseImportedAgendas
from bot.storage.revisions import DatabaseRevisionStore
from tests.agendas.conftest import MemoryImports
from tests.helpers import PAGES, SEED
from tests.loop_watch import LoopWatch

GUILD = 123456789012345678
OTHER = 876543210987654321
NIGHT = (PAGES / "toml-front-matter.md").read_bytes()


def _folder(tmp_path: Path, name: str = "schedules") -> Path:
    folder = tmp_path / name
    folder.mkdir()
    shutil.copy(SEED, folder / "meetup.md")
    return folder


def _library(folder: Path, imports: MemoryImports | DatabaseImportedAgendas) -> AgendaLibrary:
    return AgendaLibrary(folder, ReadOptions(), imports=imports)


@pytest.mark.parametrize(
    ("uploaded", "stored"),
    [
        ("night.md", "night.md"),
        ("Cloud Night.MD", "cloud-night.md"),
        ("夜.yaml", "agenda.yaml"),
        ("../../etc/Night.ICS", "night.ics"),
    ],
)
def test_an_upload_is_kept_under_its_slug_and_lower_case_suffix(uploaded: str, stored: str) -> None:
    assert stored_name(uploaded) == stored


async def test_an_import_is_stored_and_seen_in_its_server_only(
    tmp_path: Path, memory_imports: MemoryImports
) -> None:
    library = _library(_folder(tmp_path), memory_imports)
    library.load()
    outcome = await AgendaImports(memory_imports, library).import_agenda(
        GUILD, "Cloud Night.MD", NIGHT
    )
    assert outcome.imported
    assert [s.id for s in outcome.result.schedules] == ["cloud-night"]
    assert [(a.guild_id, a.name, a.data) for a in memory_imports.imported()] == [
        (GUILD, "cloud-night.md", NIGHT)
    ]
    snapshot = library.snapshot  # reloaded before the import returned
    assert list(snapshot.visible_to(GUILD)) == ["cloud-night", "meetup"]
    assert list(snapshot.visible_to(OTHER)) == ["meetup"]
    assert list(snapshot.public) == ["meetup"]
    assert snapshot.visibility_of("cloud-night") == Visibility(guild_id=GUILD)
    assert snapshot.schedules["cloud-night"].source.file == f"guilds/{GUILD}/cloud-night.md"
    assert library.imports_marker == memory_imports.marker()
    assert not (library.folder / "guilds").exists()  # nothing written to the folder


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"\x00\x01 binary junk", "binary file"),
        (b"", "empty"),
        (b"# Just a heading\n\nNo dates here.\n", ""),
    ],
)
async def test_an_upload_with_errors_or_no_agenda_is_not_kept(
    tmp_path: Path, memory_imports: MemoryImports, data: bytes, problem: str
) -> None:
    library = _library(_folder(tmp_path), memory_imports)
    before = library.load()
    outcome = await AgendaImports(memory_imports, library).import_agenda(GUILD, "night.md", data)
    assert not outcome.imported
    assert problem in " ".join(d.message for d in outcome.result.diagnostics)
    assert memory_imports.imported() == []
    assert library.snapshot is before


async def test_importing_the_same_name_again_replaces_the_servers_agenda(
    tmp_path: Path, memory_imports: MemoryImports
) -> None:
    folder = _folder(tmp_path)
    library = _library(folder, memory_imports)
    library.load()
    imports = AgendaImports(memory_imports, library)
    await imports.import_agenda(GUILD, "night.md", NIGHT)
    retitled = NIGHT.replace(b"Cloud Native Night", b"Cloud Native Evening")
    await imports.import_agenda(GUILD, "Night.md", retitled)
    # Another server's import is kept under a free id of its own: neither blocks the other,
    # and nothing tells it the first server has a "night".
    other = await imports.import_agenda(OTHER, "night.md", NIGHT)
    assert (other.imported, other.taken) == (True, None)
    moved = free_id("night", OTHER, ())
    assert [s.id for s in other.result.schedules] == [moved]
    assert moved.startswith("night-") and moved != free_id("night", GUILD, ())
    snapshot = library.snapshot
    assert snapshot.schedules["night"].title == "Cloud Native Evening"
    assert snapshot.visibility_of("night") == Visibility(guild_id=GUILD)
    assert snapshot.visibility_of(moved) == Visibility(guild_id=OTHER)
    assert "night" not in snapshot.visible_to(OTHER) and moved in snapshot.visible_to(OTHER)
    assert not [d for d in snapshot.errors if "already used by" in d.message]
    # The same again after reloads and in a fresh process reading the same store.
    await library.reload()
    assert library.snapshot.visibility_of(moved) == Visibility(guild_id=OTHER)
    fresh = _library(folder, memory_imports).load()
    assert fresh.visibility_of("night") == Visibility(guild_id=GUILD)
    assert fresh.visibility_of(moved) == Visibility(guild_id=OTHER)


async def test_a_server_whose_agenda_changes_to_an_id_another_server_uses_never_displaces_it(
    tmp_path: Path, memory_imports: MemoryImports
) -> None:
    library = _library(_folder(tmp_path), memory_imports)
    library.load()
    imports = AgendaImports(memory_imports, library)
    await imports.import_agenda(OTHER, "night.md", NIGHT)
    await imports.import_agenda(GUILD, "other.md", NIGHT)
    assert library.snapshot.visibility_of("night") == Visibility(guild_id=OTHER)
    # The first server's file now asks for "night" (a followed page that changed): it gets a
    # free id, the other server keeps its agenda under "night".
    memory_imports.save(GUILD, "night.md", NIGHT)
    await library.reload()
    snapshot = library.snapshot
    assert snapshot.visibility_of("night") == Visibility(guild_id=OTHER)
    assert snapshot.visibility_of(free_id("night", GUILD, ())) == Visibility(guild_id=GUILD)
    assert not snapshot.errors


async def test_an_id_a_public_agenda_or_the_same_server_holds_is_still_refused(
    tmp_path: Path, memory_imports: MemoryImports
) -> None:
    library = _library(_folder(tmp_path), memory_imports)
    library.load()
    imports = AgendaImports(memory_imports, library)
    public = await imports.import_agenda(GUILD, "meetup.md", NIGHT)
    assert (public.imported, public.taken) == (False, "meetup")
    assert library.snapshot.visibility_of("meetup").public


def test_a_stored_import_that_no_longer_reads_is_named_by_server_and_file(
    tmp_path: Path, memory_imports: MemoryImports
) -> None:
    memory_imports.save(GUILD, "night.md", NIGHT)
    library = _library(_folder(tmp_path), memory_imports)
    library.load()
    memory_imports.save(GUILD, "night.md", b"\x00\x01 binary junk")
    snapshot = library.load()
    assert snapshot.schedules["night"].title == "Cloud Native Night"  # the last good one
    assert [str(d) for d in snapshot.diagnostics if d.file.startswith("guilds/")] == [
        f"guilds/{GUILD}/night.md: error: this is a binary file, not an agenda",
        f"guilds/{GUILD}/night.md: warning: the last good version stays live until this is fixed",
    ]


def test_an_import_never_takes_over_a_public_agendas_id(
    tmp_path: Path, memory_imports: MemoryImports
) -> None:
    memory_imports.save(GUILD, "meetup.md", SEED.read_bytes())
    snapshot = _library(_folder(tmp_path), memory_imports).load()
    assert snapshot.schedules["meetup"].source.file.endswith("schedules/meetup.md")
    assert list(snapshot.public) == ["meetup"]
    assert [d.file for d in snapshot.errors] == [f"guilds/{GUILD}/meetup.md"]


def test_an_import_and_a_folder_file_named_alike_are_both_read(
    tmp_path: Path, memory_imports: MemoryImports, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Served from the schedules folder itself, a file there is named `guilds/<id>/<name>`
    too: neither stands in for the other as the last good version."""
    folder = _folder(tmp_path)
    (folder / "guilds" / str(GUILD)).mkdir(parents=True)
    shutil.copy(PAGES / "japanese.md", folder / "guilds" / str(GUILD) / "night.md")
    memory_imports.save(GUILD, "night.md", NIGHT)
    monkeypatch.chdir(folder)
    library = AgendaLibrary(Path(), ReadOptions(), imports=memory_imports)
    for _ in range(2):
        snapshot = library.load()
        assert snapshot.schedules["night"].title == "Cloud Native Tokyo"  # sorted first
        assert snapshot.visibility_of("night") == Visibility(guild_id=GUILD)
        assert [(d.file, d.message) for d in snapshot.diagnostics if "night" in d.file] == [
            (
                f"guilds/{GUILD}/night.md",
                f"schedule id 'night' is already used by guilds/{GUILD}/night.md; "
                "this one is ignored",
            )
        ]


def test_a_removed_import_stays_private_while_it_is_retired(
    tmp_path: Path, memory_imports: MemoryImports
) -> None:
    memory_imports.save(GUILD, "night.md", NIGHT)
    library = _library(_folder(tmp_path), memory_imports)
    library.load()
    memory_imports.remove(GUILD, "night.md")
    snapshot = library.load()
    assert "night" in snapshot.retired
    assert list(snapshot.public_retired) == []
    assert snapshot.visibility_of("night") == Visibility(guild_id=GUILD)
    snapshot = library.load()  # and on the reloads after
    assert snapshot.visibility_of("night") == Visibility(guild_id=GUILD)


async def test_an_import_through_one_process_is_live_in_another_after_its_poll(
    tmp_path: Path, engine: Engine
) -> None:
    sessions = session_factory(engine)

    def process(name: str) -> AgendaLibrary:
        return AgendaLibrary(
            _folder(tmp_path, name),
            ReadOptions(),
            DatabaseRevisionStore(sessions),
            imports=DatabaseImportedAgendas(sessions),
        )

    one, two = process("one"), process("two")
    one.load()
    two.load()
    reloads: list[int] = []
    one.subscribe(lambda s: reloads.append(s.version))
    stop = asyncio.Event()
    watchers = [
        asyncio.create_task(watch_agendas(library, stop, debounce_ms=50, poll_every=0.05))
        for library in (one, two)
    ]
    outcome = await AgendaImports(one.imports, one).import_agenda(GUILD, "night.md", NIGHT)
    assert outcome.imported
    assert "night" in one.snapshot.visible_to(GUILD)
    for _ in range(200):
        if "night" in two.snapshot.schedules:
            break
        await asyncio.sleep(0.02)
    await asyncio.sleep(0.2)  # a few more polls of the importing process
    stop.set()
    await asyncio.gather(*watchers)
    assert list(two.snapshot.visible_to(GUILD)) == ["meetup", "night"]
    assert list(two.snapshot.public) == ["meetup"]
    assert len(reloads) == 1  # its own import: no second reload after its poll
    # Both processes serve the same revisions for it (stamped with the import's time).
    night_one = {k: r for k, r in one.snapshot.revisions.items() if r.schedule_id == "night"}
    night_two = {k: r for k, r in two.snapshot.revisions.items() if r.schedule_id == "night"}
    assert night_one == night_two and len(night_one) == 4


class _Unreachable(MemoryImports):
    def __init__(self) -> None:
        super().__init__()
        self.failing = False

    def marker(self) -> ImportsMarker:
        if self.failing:
            raise OSError("connection refused")
        return super().marker()


async def test_a_database_that_stops_answering_is_logged_once_and_polled_on(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = _Unreachable()
    library = _library(_folder(tmp_path), store)
    library.load()
    store.failing = True
    stop = asyncio.Event()
    with caplog.at_level(logging.WARNING, logger="bot.agendas.watch"):
        poller = asyncio.create_task(poll_imports(library, stop, 0.01))
        await asyncio.sleep(0.1)
        store.failing = False
        store.save(GUILD, "night.md", NIGHT)
        for _ in range(100):
            if "night" in library.snapshot.schedules:
                break
            await asyncio.sleep(0.01)
        stop.set()
        await poller
    assert "night" in library.snapshot.schedules
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings == ["cannot look for newly imported agendas (connection refused); retrying"]


class _SlowImports(MemoryImports):
    """An imports store whose every query blocks its thread, as a slow database does."""

    def __init__(self) -> None:
        super().__init__()
        self.seconds = 0.0
        self.threads: set[int] = set()

    def _wait(self) -> None:
        self.threads.add(threading.get_ident())
        time.sleep(self.seconds)

    def imported(self) -> list[ImportedAgenda]:
        self._wait()
        return super().imported()

    def marker(self) -> ImportsMarker:
        self._wait()
        return super().marker()


async def test_a_slow_database_never_delays_the_loop_on_reload_nor_poll(tmp_path: Path) -> None:
    store = _SlowImports()
    library = _library(_folder(tmp_path), store)
    library.load()  # at start, blocking is the point
    store.threads.clear()
    store.seconds = 0.6
    stop = asyncio.Event()
    async with LoopWatch() as watch:
        poller = asyncio.create_task(poll_imports(library, stop, 0.01))
        await AgendaImports(store, library).import_agenda(GUILD, "night.md", NIGHT)
        await asyncio.sleep(1.5)  # a poll or two, each 0.6 s in its thread
        stop.set()
        await poller
    assert watch.worst < 0.3, f"the loop was held {watch.worst * 1000:.0f} ms"
    assert threading.get_ident() not in store.threads
    assert "night" in library.snapshot.visible_to(GUILD)
