from __future__ import annotations

import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import IntegrityError

from bot.storage.database import make_engine, normalise_url
from bot.storage.migrate import current, downgrade, head, newest_revision, up_to_date, upgrade
from bot.storage.tables import Base
from tests.database import BACKENDS, database_url
from tests.helpers import ROOT


@pytest.mark.parametrize("backend", BACKENDS)
def test_upgrade_creates_every_table_and_is_idempotent(backend: str, tmp_path: Path) -> None:
    with database_url(backend, tmp_path) as url:
        engine = make_engine(url)
        assert current(engine) is None
        upgrade(engine)
        upgrade(engine)
        assert current(engine) == head() == "0007"
        tables = set(inspect(engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
        engine.dispose()


def test_postgres_urls_use_the_psycopg_driver() -> None:
    assert normalise_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_url("sqlite:///x.db") == "sqlite:///x.db"


FOLLOW = (
    "INSERT INTO follows (guild_id, channel_id, schedule_id, role_id, {column}, created_at) "
    "VALUES (1, 2, 'meetup', NULL, :leads, :at), (1, 3, 'meetup', 4, NULL, :at)"
)


def _follow_columns(engine: Engine) -> set[str]:
    return {c["name"] for c in inspect(engine).get_columns("follows")}


def _leads(engine: Engine, column: str) -> list[tuple[int, str | None]]:
    with engine.connect() as connection:
        rows = connection.execute(text(f"SELECT channel_id, {column} FROM follows ORDER BY 1"))
        return [(int(channel), leads) for channel, leads in rows]


@pytest.mark.parametrize("backend", BACKENDS)
def test_0003_renames_follow_leads_keeping_them_and_goes_back(backend: str, tmp_path: Path) -> None:
    with database_url(backend, tmp_path) as url:
        engine = make_engine(url)
        upgrade(engine, "0002")
        at = datetime(2026, 1, 1, tzinfo=UTC).replace(tzinfo=None)
        with engine.begin() as connection:
            connection.execute(
                text(FOLLOW.format(column="lead_minutes")), {"leads": "1d,15m", "at": at}
            )
        upgrade(engine, "0003")
        assert current(engine) == "0003"
        assert "leads" in _follow_columns(engine)
        assert "lead_minutes" not in _follow_columns(engine)
        assert _leads(engine, "leads") == [(2, "1d,15m"), (3, None)]
        assert "imported_agendas" in inspect(engine).get_table_names()

        downgrade(engine, "0002")
        assert current(engine) == "0002"
        assert "imported_agendas" not in inspect(engine).get_table_names()
        assert "leads" not in _follow_columns(engine)
        assert _leads(engine, "lead_minutes") == [(2, "1d,15m"), (3, None)]

        upgrade(engine)  # and up again, as a deployment rolled back and forward does
        assert _leads(engine, "leads") == [(2, "1d,15m"), (3, None)]
        engine.dispose()


@pytest.mark.parametrize("backend", BACKENDS)
def test_0004_adds_the_followed_urls_and_goes_back(backend: str, tmp_path: Path) -> None:
    with database_url(backend, tmp_path) as url:
        engine = make_engine(url)
        upgrade(engine, "0003")
        assert "agenda_sources" not in inspect(engine).get_table_names()
        upgrade(engine, "0004")
        assert current(engine) == "0004"
        uniques = inspect(engine).get_unique_constraints("agenda_sources")
        assert [sorted(u["column_names"]) for u in uniques] == [["guild_id", "url"]]
        at = datetime(2026, 1, 1, tzinfo=UTC).replace(tzinfo=None)
        insert = text(
            "INSERT INTO agenda_sources (guild_id, url, interval_minutes, failures, added_at) "
            "VALUES (:guild, 'https://example.org/a.md', 30, 0, :at)"
        )
        with engine.begin() as connection:
            connection.execute(insert, {"guild": 1 << 60, "at": at})
        with pytest.raises(IntegrityError), engine.begin() as connection:
            connection.execute(insert, {"guild": 1 << 60, "at": at})
        downgrade(engine, "0003")
        assert "agenda_sources" not in inspect(engine).get_table_names()
        upgrade(engine)
        assert "agenda_sources" in inspect(engine).get_table_names()
        engine.dispose()


@pytest.mark.parametrize("backend", BACKENDS)
def test_0005_adds_the_rsvp_tables_and_goes_back(backend: str, tmp_path: Path) -> None:
    with database_url(backend, tmp_path) as url:
        engine = make_engine(url)
        upgrade(engine, "0004")
        assert not {"rsvp_events", "rsvps"} & set(inspect(engine).get_table_names())
        upgrade(engine, "0005")
        assert current(engine) == "0005"
        uniques = inspect(engine).get_unique_constraints("rsvps")
        assert [sorted(u["column_names"]) for u in uniques] == [
            ["guild_id", "schedule_id", "user_id"]
        ]
        indexes = {i["name"] for i in inspect(engine).get_indexes("rsvps")}
        assert "ix_rsvps_event_state_click" in indexes
        at = datetime(2026, 1, 1, tzinfo=UTC).replace(tzinfo=None)
        event = text(
            "INSERT INTO rsvp_events (guild_id, schedule_id, capacity, is_open, clicks, "
            "opened_at, updated_at) VALUES (:guild, 'meetup', 100, true, 0, :at, :at)"
        )
        row = text(
            "INSERT INTO rsvps (guild_id, schedule_id, user_id, state, click, clicked_at, "
            "source, reminders) VALUES (:guild, 'meetup', :user, 'confirmed', 1, :at, "
            "'button', true)"
        )
        with engine.begin() as connection:
            connection.execute(event, {"guild": 1 << 60, "at": at})
            connection.execute(row, {"guild": 1 << 60, "user": 1 << 61, "at": at})
        with pytest.raises(IntegrityError), engine.begin() as connection:
            connection.execute(row, {"guild": 1 << 60, "user": 1 << 61, "at": at})
        with pytest.raises(IntegrityError), engine.begin() as connection:
            connection.execute(event, {"guild": 1 << 60, "at": at})
        downgrade(engine, "0004")
        assert current(engine) == "0004"
        assert not {"rsvp_events", "rsvps"} & set(inspect(engine).get_table_names())
        assert "agenda_sources" in inspect(engine).get_table_names()
        upgrade(engine)
        assert {"rsvp_events", "rsvps"} <= set(inspect(engine).get_table_names())
        engine.dispose()


@pytest.mark.parametrize("backend", BACKENDS)
def test_0003_keeps_the_follows_unique_rule(backend: str, tmp_path: Path) -> None:
    with database_url(backend, tmp_path) as url:
        engine = make_engine(url)
        upgrade(engine)
        uniques = inspect(engine).get_unique_constraints("follows")
        assert [sorted(u["column_names"]) for u in uniques] == [
            ["channel_id", "guild_id", "schedule_id"]
        ]
        uniques = inspect(engine).get_unique_constraints("imported_agendas")
        assert [sorted(u["column_names"]) for u in uniques] == [["guild_id", "name"]]
        engine.dispose()


def test_processes_starting_together_on_postgresql_take_turns_migrating(tmp_path: Path) -> None:
    # Three `agenda-bot db upgrade` started at once on an empty database: without the advisory
    # lock all but one fail on the tables the first is making ("duplicate key ... pg_type").
    with database_url("postgresql", tmp_path) as url:
        start = time.time() + 2  # every process waits for the same instant, then migrates
        script = (
            "import sys, time\n"
            "from bot.storage.database import make_engine\n"
            "from bot.storage.migrate import upgrade\n"
            "engine = make_engine(sys.argv[1])\n"
            "time.sleep(max(0.0, float(sys.argv[2]) - time.time()))\n"
            "upgrade(engine)\n"
        )
        processes = [
            subprocess.Popen(
                [sys.executable, "-c", script, url, str(start)],
                cwd=ROOT,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(3)
        ]
        errors = [p.communicate(timeout=60)[1] for p in processes]
        assert [p.returncode for p in processes] == [0, 0, 0], errors
        engine = make_engine(url)
        try:
            assert current(engine) == head()
        finally:
            engine.dispose()


def test_revision_ids_are_the_file_numbers_so_an_up_to_date_database_needs_no_alembic(
    tmp_path: Path,
) -> None:
    assert newest_revision() == head()
    engine = make_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    try:
        assert not up_to_date(engine)  # a new database
        upgrade(engine, "0002")
        assert not up_to_date(engine)
        upgrade(engine)
        assert up_to_date(engine)
        script = (
            "import sys\n"
            "from bot.storage.database import make_engine\n"
            "from bot.storage.migrate import upgrade\n"
            "upgrade(make_engine(sys.argv[1]))\n"
            "assert 'alembic' not in sys.modules, 'alembic loaded for an up-to-date database'\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", script, str(engine.url)],
            check=False,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
    finally:
        engine.dispose()
