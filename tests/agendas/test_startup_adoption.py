"""`agenda-bot run` moves the files earlier versions imported under `schedules/guilds/<id>/`
into the database before it reads the agendas, and serves them as before."""

from __future__ import annotations

import asyncio
import logging
import shutil
from pathlib import Path

import pytest

from bot.config import load_settings
from bot.storage.database import make_engine, session_factory
from bot.storage.imported_agendas import DatabaseImportedAgendas
from tests.helpers import PAGES, SEED, free_port

GUILD = 123456789012345678


async def test_run_moves_imported_files_into_the_database_then_reads_them(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from bot.runtime import run_all

    schedules = tmp_path / "schedules"
    server = schedules / "guilds" / str(GUILD)
    server.mkdir(parents=True)
    shutil.copy(SEED, schedules / "meetup.md")
    shutil.copy(PAGES / "toml-front-matter.md", server / "night.md")
    (server / "broken.md").write_bytes(b"\x00 binary")
    settings = load_settings(
        None,
        {
            "AGENDA_BOT_SCHEDULES": str(schedules),
            "AGENDA_BOT_STATE_DIR": str(tmp_path / "state"),
            "AGENDA_BOT_PORT": str(free_port()),
        },
    )
    stop = asyncio.Event()
    with caplog.at_level(logging.INFO):
        running = asyncio.create_task(run_all(settings, stop))
        for _ in range(300):
            if any(r.getMessage().startswith("running:") for r in caplog.records):
                break
            await asyncio.sleep(0.05)
        stop.set()
        await asyncio.wait_for(running, timeout=30)
    lines = [r.getMessage() for r in caplog.records]
    moved = next(i for i, line in enumerate(lines) if line.startswith("moved "))
    started = next(i for i, line in enumerate(lines) if line.startswith("running: "))
    assert lines[moved] == (
        f"moved {server}/night.md into the database: server {GUILD}'s imported agenda night.md"
    )
    assert lines[started] == "running: 2 agendas, reminders through ConsoleSender"
    assert moved < started
    assert f"{server}/broken.md stays in the folder" in "\n".join(lines)
    assert sorted(p.name for p in server.iterdir()) == ["broken.md"]
    engine = make_engine(settings.database)
    try:
        stored = DatabaseImportedAgendas(session_factory(engine)).imported()
    finally:
        engine.dispose()
    assert [(a.guild_id, a.name) for a in stored] == [(GUILD, "night.md")]
