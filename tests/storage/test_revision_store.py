"""Feed servers in several processes, one database: the same bytes, before and after an edit."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine

from bot.agendas.library import AgendaLibrary
from bot.domain.ics.calendars import feed_calendar
from bot.domain.readers.context import ReadOptions
from bot.storage.database import session_factory
from bot.storage.revisions import DatabaseRevisionStore
from tests.helpers import SEED


def _library(folder: Path, engine: Engine, at: datetime) -> AgendaLibrary:
    return AgendaLibrary(
        folder, ReadOptions(), DatabaseRevisionStore(session_factory(engine)), clock=lambda: at
    )


def _feed(library: AgendaLibrary) -> bytes:
    snapshot = library.snapshot
    schedule = snapshot.schedules["meetup"]
    return feed_calendar(schedule.title, [schedule], snapshot.revisions)


def test_two_processes_on_one_database_serve_identical_feeds(
    engine: Engine, tmp_path: Path
) -> None:
    folder = tmp_path / "schedules"
    folder.mkdir()
    shutil.copy(SEED, folder / "meetup.md")
    t0 = datetime(2026, 5, 1, tzinfo=UTC)
    one = _library(folder, engine, t0)
    two = _library(folder, engine, t0 + timedelta(seconds=7))
    one.load()
    two.load()
    assert _feed(one) == _feed(two)
    page = folder / "meetup.md"
    page.write_text(page.read_text().replace("| 15:30 - 15:45 |", "| 15:30 - 15:55 |"))
    one.load()
    two.load()
    assert b"SEQUENCE:1" in _feed(one)
    assert _feed(one) == _feed(two)
    restarted = _library(folder, engine, t0 + timedelta(days=1))
    restarted.load()
    assert _feed(restarted) == _feed(one)
