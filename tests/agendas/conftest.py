from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine

from bot.app.imports import ImportedAgenda, ImportsMarker
from tests.database import BACKENDS, migrated_engine

T0 = datetime(2026, 1, 1, tzinfo=UTC)


class MemoryImports:
    """Servers' imports in memory, for library tests that need no database."""

    def __init__(self) -> None:
        self.agendas: dict[tuple[int, str], ImportedAgenda] = {}
        self.writes = 0

    def save(self, guild_id: int, name: str, data: bytes) -> bool:
        old = self.agendas.get((guild_id, name))
        if old is not None and old.data == data:
            return False
        self.writes += 1
        at = T0 + timedelta(seconds=self.writes)
        self.agendas[guild_id, name] = ImportedAgenda(guild_id, name, data, at)
        return True

    def remove(self, guild_id: int, name: str) -> None:
        del self.agendas[guild_id, name]
        self.writes += 1

    def imported(self) -> list[ImportedAgenda]:
        return [self.agendas[key] for key in sorted(self.agendas)]

    def marker(self) -> ImportsMarker:
        return len(self.agendas), T0 + timedelta(seconds=self.writes)


@pytest.fixture
def memory_imports() -> MemoryImports:
    return MemoryImports()


@pytest.fixture(params=BACKENDS)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A migrated database shared by the "processes" of a test: a SQLite file, or PostgreSQL."""
    with migrated_engine(request.param, tmp_path) as migrated:
        yield migrated
