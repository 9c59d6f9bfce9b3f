"""Who may see which agenda: the public web sees operators' files only; a guild sees those and
its own imports."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.agendas.library import PUBLIC, AgendaLibrary, Visibility, visibility_of
from bot.domain.readers.context import ReadOptions
from tests.helpers import PAGES, SEED

GUILD = 123456789012345678
OTHER = 876543210987654321


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "schedules"
    (folder / "guilds" / str(GUILD)).mkdir(parents=True)
    shutil.copy(SEED, folder / "meetup.md")
    shutil.copy(PAGES / "toml-front-matter.md", folder / "guilds" / str(GUILD) / "night.md")
    return folder


@pytest.mark.parametrize(
    ("relative", "expected"),
    [
        ("meetup.md", PUBLIC),
        ("events/2024/meetup.md", PUBLIC),
        ("guilds.md", PUBLIC),
        (f"guilds/{GUILD}/night.md", Visibility(guild_id=GUILD)),
        (f"guilds/{GUILD}/deeper/night.md", Visibility(guild_id=GUILD)),
        (f"Guilds/{GUILD}/night.md", Visibility(guild_id=GUILD)),
        ("guilds/night.md", Visibility()),  # under guilds/ but no server: nobody
        ("guilds/not-a-number/night.md", Visibility()),
        ("guilds/١٢٣/night.md", Visibility()),  # digits, but not ASCII ones
    ],
)
def test_visibility_follows_the_files_place(relative: str, expected: Visibility) -> None:
    folder = Path("schedules")
    assert visibility_of(folder, str(folder / relative)) == expected


def test_a_file_outside_the_folder_is_seen_by_nobody() -> None:
    assert visibility_of(Path("schedules"), "elsewhere/meetup.md") == Visibility()


def test_the_public_sees_operators_agendas_and_a_guild_also_sees_its_own(tmp_path: Path) -> None:
    snapshot = AgendaLibrary(_folder(tmp_path), ReadOptions()).load()
    assert set(snapshot.schedules) == {"meetup", "night"}
    assert list(snapshot.public) == ["meetup"]
    assert list(snapshot.visible_to(GUILD)) == ["meetup", "night"]
    assert list(snapshot.visible_to(OTHER)) == ["meetup"]
    assert list(snapshot.visible_to(None)) == ["meetup"]
    assert snapshot.visibility_of("night") == Visibility(guild_id=GUILD)
    assert snapshot.visibility_of("no-such-id") == Visibility()


def test_a_removed_guild_agenda_stays_private_while_it_is_retired(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    library = AgendaLibrary(folder, ReadOptions())
    library.load()
    (folder / "guilds" / str(GUILD) / "night.md").unlink()
    snapshot = library.load()
    assert "night" in snapshot.retired
    assert list(snapshot.public_retired) == []
    assert snapshot.visibility_of("night") == Visibility(guild_id=GUILD)


def test_a_guild_import_never_takes_over_a_public_agendas_id(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    # "guilds/..." sorts before "meetup.md"; the operator's file must still win.
    guild_copy = folder / "guilds" / str(GUILD) / "meetup.md"
    late_copy = folder / "zz" / "meetup.md"
    late_copy.parent.mkdir()
    shutil.copy(SEED, guild_copy)
    shutil.copy(SEED, late_copy)
    snapshot = AgendaLibrary(folder, ReadOptions()).load()
    assert snapshot.schedules["meetup"].source.file == str(folder / "meetup.md")
    assert list(snapshot.public) == ["meetup"]
    clashes = [d for d in snapshot.errors if "already used by" in d.message]
    assert {d.file for d in clashes} == {str(guild_copy), str(late_copy)}
