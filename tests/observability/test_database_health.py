"""The database check of /healthz notices an SQLite file that was deleted, replaced or made
read-only (the open connections would go on answering), answers 503 and logs it."""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.storage import database
from bot.storage.database import (
    DatabaseProbe,
    SQLiteFileGone,
    SQLiteFileReadOnly,
    SQLiteFileReplaced,
    make_engine,
)
from bot.storage.migrate import upgrade
from tests.database import POSTGRES_URL
from tests.helpers import ROOT, free_port


@pytest.fixture
def sqlite_probe(tmp_path: Path) -> Iterator[DatabaseProbe]:
    engine = make_engine(f"sqlite:///{tmp_path / 'bot.sqlite3'}")
    upgrade(engine)
    probe = DatabaseProbe(engine, logging.getLogger("test.database"))
    probe.remember_file()
    probe()
    yield probe
    engine.dispose()


def _remove(file: Path) -> None:
    for path in (file, Path(f"{file}-wal"), Path(f"{file}-shm")):
        path.unlink(missing_ok=True)


def test_a_deleted_sqlite_file_fails_the_check_and_is_logged_once(
    sqlite_probe: DatabaseProbe, caplog: pytest.LogCaptureFixture
) -> None:
    assert sqlite_probe.file is not None
    _remove(sqlite_probe.file)
    caplog.set_level(logging.WARNING, "test.database")
    for _ in range(3):
        with pytest.raises(SQLiteFileGone, match="was deleted or moved"):
            sqlite_probe()
    assert [r.getMessage() for r in caplog.records] == [
        f"the database check fails: the SQLite file {sqlite_probe.file} was deleted or moved: "
        "reminders sent from now on are not recorded, and a restart would start from an empty "
        "database and send them again; restore the file and restart"
    ]
    assert not sqlite_probe.file.exists()  # the check never creates an empty file in its place


def test_a_replaced_sqlite_file_fails_the_check(sqlite_probe: DatabaseProbe) -> None:
    assert sqlite_probe.file is not None
    copy = sqlite_probe.file.with_name("copy.sqlite3")
    copy.write_bytes(sqlite_probe.file.read_bytes())
    _remove(sqlite_probe.file)
    copy.rename(sqlite_probe.file)
    with pytest.raises(SQLiteFileReplaced):
        sqlite_probe()


def test_an_unwritable_sqlite_file_fails_the_check_until_it_is_writable_again(
    sqlite_probe: DatabaseProbe,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING, "test.database")
    writable = os.access
    monkeypatch.setattr(
        database.os,
        "access",
        lambda path, mode: writable(path, mode) and Path(path) != sqlite_probe.file,
    )
    with pytest.raises(SQLiteFileReadOnly, match="cannot be written"):
        sqlite_probe()
    monkeypatch.setattr(database.os, "access", writable)
    sqlite_probe()
    assert [r.levelname for r in caplog.records] == ["ERROR", "WARNING"]
    assert caplog.records[-1].getMessage() == "the database check passes again"


def test_postgresql_is_checked_with_a_query_only() -> None:
    engine = make_engine(POSTGRES_URL)
    try:
        probe = DatabaseProbe(engine)
        probe.remember_file()
        assert probe.file is None
        probe()
    finally:
        engine.dispose()


def _health(port: int) -> tuple[int, dict[str, object]]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=10) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_run_answers_503_and_logs_when_its_sqlite_file_is_deleted(tmp_path: Path) -> None:
    (tmp_path / "schedules").mkdir()
    port = free_port()
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("AGENDA_BOT_", "DISCORD_", "SHARD_")) and k != "DATABASE_URL"
    }
    env |= {"PYTHONPATH": str(ROOT), "AGENDA_BOT_PORT": str(port)}
    log = tmp_path / "run.log"
    with (
        log.open("wb") as output,
        subprocess.Popen(
            [sys.executable, "-m", "bot", "run"], cwd=tmp_path, env=env, stderr=output
        ) as process,
    ):
        try:
            deadline = time.monotonic() + 30
            while "running:" not in log.read_text() and time.monotonic() < deadline:
                assert process.poll() is None, log.read_text()
                time.sleep(0.1)
            before, healthy = _health(port)
            assert (before, healthy["database"]) == (200, "ok")
            _remove(tmp_path / ".agenda-bot" / "agenda-bot.sqlite3")
            status, report = _health(port)
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(30)
    text = log.read_text()
    assert (status, report["database"], report["status"]) == (
        503,
        "failing: SQLiteFileGone",
        "unhealthy",
    ), text
    assert "ERROR bot.runtime: the database check fails: the SQLite file " in text
    assert "was deleted or moved" in text
