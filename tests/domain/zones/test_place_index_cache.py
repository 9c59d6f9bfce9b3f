"""The gazetteer index is built once per machine and loaded from its cache file afterwards:
the same index either way, a damaged file built again, an unwritable folder no obstacle."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.domain.zones import place_index
from bot.domain.zones.place_index import _built, _cache_file, gazetteer_index


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    gazetteer_index.cache_clear()
    yield tmp_path
    gazetteer_index.cache_clear()


def test_the_index_is_written_once_and_loaded_equal(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = gazetteer_index()
    file = _cache_file()
    assert file is not None and file.parent == cache_home / "agenda-bot" and file.is_file()
    gazetteer_index.cache_clear()

    def never() -> None:
        raise AssertionError("built again although the cache file was there")

    monkeypatch.setattr(place_index, "_built", never)
    loaded = gazetteer_index()
    assert loaded == built
    assert loaded.latin["montreal"] is loaded.latin["montréal"]  # one place, shared by its names
    assert loaded.in_state[("cambridge", "MA")].zone == "America/New_York"
    # A zone or a country is one string however many places share it (a copy per place made
    # the loaded index 8 MiB larger).
    lyon, marseille = loaded.latin["lyon"], loaded.latin["marseille"]
    assert lyon.zone is marseille.zone and lyon.country is marseille.country


def test_a_damaged_cache_file_is_built_again(cache_home: Path) -> None:
    file = _cache_file()
    assert file is not None
    file.parent.mkdir(parents=True)
    file.write_bytes(b"\x00not marshal")
    assert gazetteer_index() == _built()
    assert file.stat().st_size > 1_000_000  # written anew


def test_an_unwritable_cache_folder_only_means_building(cache_home: Path) -> None:
    (cache_home / "agenda-bot").write_text("a file where the folder should be")
    assert gazetteer_index() == _built()
