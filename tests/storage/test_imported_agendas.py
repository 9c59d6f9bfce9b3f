"""Servers' imported agendas in the database: kept as uploaded, replaced by name, and a marker
that changes with every write, whatever the writers' clocks say."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine

from bot.app.imports import ImportedAgenda
from bot.storage.database import session_factory
from bot.storage.imported_agendas import DatabaseImportedAgendas

T0 = datetime(2026, 5, 1, 12, tzinfo=UTC)
GUILD = 123456789012345678
OTHER = 876543210987654321


class Clock:
    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def _store(engine: Engine, clock: Clock) -> DatabaseImportedAgendas:
    return DatabaseImportedAgendas(session_factory(engine), clock)


def test_imports_are_kept_as_uploaded_per_server_and_name(engine: Engine) -> None:
    clock = Clock()
    store = _store(engine, clock)
    assert store.imported() == []
    assert store.marker() == (0, None)
    assert store.save(OTHER, "night.md", b"# Night\n")
    clock.now = T0 + timedelta(minutes=1)
    assert store.save(GUILD, "night.md", b"# Night, elsewhere\n")
    clock.now = T0 + timedelta(minutes=2)
    assert store.save(GUILD, "agenda.yaml", b"\xef\xbb\xbftitle: x\n")
    assert store.imported() == [
        ImportedAgenda(GUILD, "agenda.yaml", b"\xef\xbb\xbftitle: x\n", T0 + timedelta(minutes=2)),
        ImportedAgenda(GUILD, "night.md", b"# Night, elsewhere\n", T0 + timedelta(minutes=1)),
        ImportedAgenda(OTHER, "night.md", b"# Night\n", T0),
    ]
    assert store.marker() == (3, T0 + timedelta(minutes=2))


def test_the_same_name_again_replaces_it_and_the_same_bytes_change_nothing(
    engine: Engine,
) -> None:
    clock = Clock()
    store = _store(engine, clock)
    store.save(GUILD, "night.md", b"one")
    before = store.marker()
    clock.now = T0 + timedelta(hours=1)
    assert store.save(GUILD, "night.md", b"one") is False
    assert store.marker() == before
    assert store.save(GUILD, "night.md", b"two") is True
    assert [(a.name, a.data, a.updated_at) for a in store.imported()] == [
        ("night.md", b"two", T0 + timedelta(hours=1))
    ]
    assert store.marker() == (1, T0 + timedelta(hours=1))


def test_a_writer_whose_clock_runs_behind_still_changes_the_marker(engine: Engine) -> None:
    ahead = _store(engine, Clock(T0 + timedelta(minutes=5)))
    behind = _store(engine, Clock(T0))
    ahead.save(GUILD, "a.md", b"a")
    ahead.save(GUILD, "b.md", b"b")
    seen = behind.marker()
    assert seen == (2, T0 + timedelta(minutes=5, microseconds=1))  # one clock reading, twice
    behind.save(GUILD, "a.md", b"a, edited")  # same count; its own clock says earlier
    assert behind.marker() == (2, T0 + timedelta(minutes=5, microseconds=2))


def test_only_agenda_file_names_are_kept(engine: Engine) -> None:
    with pytest.raises(ValueError, match="not an agenda file name"):
        _store(engine, Clock()).save(GUILD, "notes.txt", b"x")


def test_a_large_agenda_comes_back_byte_for_byte(engine: Engine) -> None:
    data = bytes(range(256)) * 1024  # 256 KB, every byte value
    store = _store(engine, Clock())
    store.save(GUILD, "big.ics", data)
    assert store.imported()[0].data == data
