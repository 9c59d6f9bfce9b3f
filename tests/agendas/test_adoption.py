"""At start, agendas that servers imported as files under `schedules/guilds/<id>/` move into
the database: same agendas, same visibility, nothing left behind but what does not read."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from sqlalchemy import Engine

from bot.agendas.adoption import Adopted, adopt_guild_files
from bot.agendas.library import AgendaLibrary, Visibility
from bot.domain.readers.context import ReadOptions
from bot.storage.database import session_factory
from bot.storage.imported_agendas import DatabaseImportedAgendas
from tests.agendas.conftest import MemoryImports
from tests.helpers import PAGES, SEED

GUILD = 123456789012345678
OTHER = 876543210987654321


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "schedules"
    for guild in (GUILD, OTHER):
        (folder / "guilds" / str(guild)).mkdir(parents=True)
    shutil.copy(SEED, folder / "meetup.md")
    shutil.copy(PAGES / "toml-front-matter.md", folder / "guilds" / str(GUILD) / "night.md")
    shutil.copy(PAGES / "japanese.md", folder / "guilds" / str(OTHER) / "Tokyo.MD")
    return folder


def test_imported_files_move_into_the_database_with_one_line_each(
    tmp_path: Path, memory_imports: MemoryImports, caplog: pytest.LogCaptureFixture
) -> None:
    folder = _folder(tmp_path)
    night = (folder / "guilds" / str(GUILD) / "night.md").read_bytes()
    with caplog.at_level(logging.INFO, logger="bot.agendas.adoption"):
        adopted = adopt_guild_files(folder, memory_imports, ReadOptions())
    assert adopted == [
        Adopted(folder / "guilds" / str(GUILD) / "night.md", GUILD, "night.md"),
        Adopted(folder / "guilds" / str(OTHER) / "Tokyo.MD", OTHER, "tokyo.md"),
    ]
    assert [(a.guild_id, a.name) for a in memory_imports.imported()] == [
        (GUILD, "night.md"),
        (OTHER, "tokyo.md"),
    ]
    assert memory_imports.imported()[0].data == night
    assert sorted(p.name for p in folder.rglob("*") if p.is_file()) == ["meetup.md"]
    assert [r.getMessage() for r in caplog.records] == [
        f"moved {folder}/guilds/{GUILD}/night.md into the database: "
        f"server {GUILD}'s imported agenda night.md",
        f"moved {folder}/guilds/{OTHER}/Tokyo.MD into the database: "
        f"server {OTHER}'s imported agenda tokyo.md",
    ]


def test_after_the_move_every_server_sees_what_it_saw_before(
    tmp_path: Path, memory_imports: MemoryImports
) -> None:
    folder = _folder(tmp_path)
    before = AgendaLibrary(folder, ReadOptions()).load()
    adopt_guild_files(folder, memory_imports, ReadOptions())
    after = AgendaLibrary(folder, ReadOptions(), imports=memory_imports).load()
    assert after.schedules.keys() == before.schedules.keys() == {"meetup", "night", "tokyo"}
    for guild in (GUILD, OTHER, None):
        seen = {i: (s.title, s.sessions) for i, s in after.visible_to(guild).items()}
        assert seen == {i: (s.title, s.sessions) for i, s in before.visible_to(guild).items()}
    assert after.visibility_of("tokyo") == Visibility(guild_id=OTHER)


def test_a_file_that_does_not_read_stays_with_a_warning_and_is_still_the_servers(
    tmp_path: Path, memory_imports: MemoryImports, caplog: pytest.LogCaptureFixture
) -> None:
    folder = _folder(tmp_path)
    broken = folder / "guilds" / str(GUILD) / "broken.md"
    broken.write_bytes(b"\x00\x01 binary junk")
    empty = folder / "guilds" / str(GUILD) / "empty.yaml"
    empty.write_bytes(b"")
    with caplog.at_level(logging.WARNING, logger="bot.agendas.adoption"):
        adopted = adopt_guild_files(folder, memory_imports, ReadOptions())
    assert [a.name for a in adopted] == ["night.md", "tokyo.md"]
    assert broken.exists() and empty.exists()
    assert [r.getMessage() for r in caplog.records] == [
        f"{broken} stays in the folder, seen in server {GUILD} as before: "
        f"{broken}: error: this is a binary file, not an agenda",
        f"{empty} stays in the folder, seen in server {GUILD} as before: "
        f"{empty}: error: the file is empty",
    ]
    snapshot = AgendaLibrary(folder, ReadOptions(), imports=memory_imports).load()
    assert {d.file for d in snapshot.errors} == {str(broken), str(empty)}


def test_what_is_not_a_servers_import_stays_in_the_folder(
    tmp_path: Path, memory_imports: MemoryImports
) -> None:
    folder = tmp_path / "schedules"
    kept = [
        folder / "guilds" / "night.md",  # no server
        folder / "guilds" / "not-a-number" / "night.md",
        folder / "guilds" / str(GUILD) / "deeper" / "night.md",  # an operator's layout
        folder / "guilds" / str(GUILD) / "notes.txt",
        folder / "guilds" / str(GUILD) / ".night.md.swp.md",
        folder / "elsewhere" / str(GUILD) / "night.md",
    ]
    for path in kept:
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(PAGES / "toml-front-matter.md", path)
    assert adopt_guild_files(folder, memory_imports, ReadOptions()) == []
    assert all(path.exists() for path in kept)
    assert memory_imports.imported() == []
    assert adopt_guild_files(tmp_path / "missing", memory_imports, ReadOptions()) == []


def test_two_files_kept_under_one_name_move_only_the_first(
    tmp_path: Path, memory_imports: MemoryImports
) -> None:
    folder = _folder(tmp_path)
    second = folder / "guilds" / str(GUILD) / "Night.md"
    shutil.copy(PAGES / "japanese.md", second)
    adopted = adopt_guild_files(folder, memory_imports, ReadOptions())
    assert [(a.path.name, a.name) for a in adopted] == [
        ("Night.md", "night.md"),
        ("Tokyo.MD", "tokyo.md"),
    ]
    assert (folder / "guilds" / str(GUILD) / "night.md").exists()


def test_moving_again_is_harmless_even_after_a_stop_between_store_and_remove(
    tmp_path: Path, engine: Engine
) -> None:
    folder = _folder(tmp_path)
    store = DatabaseImportedAgendas(session_factory(engine))
    copy = (folder / "guilds" / str(GUILD) / "night.md").read_bytes()
    assert len(adopt_guild_files(folder, store, ReadOptions())) == 2
    marker = store.marker()
    assert adopt_guild_files(folder, store, ReadOptions()) == []
    # Stopped after the commit, before the file was removed: it is put back as it was.
    (folder / "guilds" / str(GUILD) / "night.md").write_bytes(copy)
    assert [a.name for a in adopt_guild_files(folder, store, ReadOptions())] == ["night.md"]
    assert not (folder / "guilds" / str(GUILD) / "night.md").exists()
    assert store.marker() == marker  # the same bytes: nothing written
    assert [(a.guild_id, a.name) for a in store.imported()] == [
        (GUILD, "night.md"),
        (OTHER, "tokyo.md"),
    ]
