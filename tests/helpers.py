"""Shared test helpers: read agenda text or files and summarise what came out."""

from __future__ import annotations

import shutil
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from bot.domain.agenda import Schedule
from bot.domain.readers.context import ReadOptions
from bot.domain.readers.source import ReadResult, read_bytes, read_path

if TYPE_CHECKING:
    from bot.agendas.library import AgendaLibrary

ROOT = Path(__file__).resolve().parent.parent
PAGES = Path(__file__).resolve().parent / "pages"
SEED = ROOT / "schedules" / "istio-meetup-china-2021.md"


def read_page(name: str, options: ReadOptions | None = None) -> ReadResult:
    path = PAGES / name
    return read_path(path, options or ReadOptions(), display=name)


def read_text(text: str, name: str = "page.md", options: ReadOptions | None = None) -> ReadResult:
    return read_bytes(text.encode(), name, options or ReadOptions())


def utc(moment: datetime | None) -> str | None:
    """An instant as "2021-07-10T05:30Z" for compact whole-result comparisons."""
    if moment is None:
        return None
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")


def timeline(schedule: Schedule) -> list[tuple[str, str | None, str | None]]:
    return [(s.title, utc(s.start), utc(s.end)) for s in schedule.sessions]


def messages(result: ReadResult) -> list[str]:
    return [f"{d.line}: {d.severity}: {d.message}" for d in result.diagnostics]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def seed_library_with_imports(tmp_path: Path) -> Iterator[AgendaLibrary]:
    """The seed agenda in a folder, and guild imports kept in an SQLite database under
    `tmp_path`: a library as `agenda-bot run` builds it, loaded."""
    from bot.agendas.library import AgendaLibrary
    from bot.storage.database import make_engine, session_factory
    from bot.storage.imported_agendas import DatabaseImportedAgendas
    from bot.storage.migrate import upgrade

    folder = tmp_path / "schedules"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    engine = make_engine(f"sqlite:///{tmp_path / 'bot.sqlite3'}")
    upgrade(engine)
    library = AgendaLibrary(
        folder, ReadOptions(), imports=DatabaseImportedAgendas(session_factory(engine))
    )
    library.load()
    try:
        yield library
    finally:
        engine.dispose()
