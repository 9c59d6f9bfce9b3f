from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect

from bot.storage.database import make_engine, normalise_url
from bot.storage.migrate import current, head, upgrade
from bot.storage.tables import Base
from tests.database import BACKENDS, database_url


@pytest.mark.parametrize("backend", BACKENDS)
def test_upgrade_creates_every_table_and_is_idempotent(backend: str, tmp_path: Path) -> None:
    with database_url(backend, tmp_path) as url:
        engine = make_engine(url)
        assert current(engine) is None
        upgrade(engine)
        upgrade(engine)
        assert current(engine) == head() == "0002"
        tables = set(inspect(engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
        engine.dispose()


def test_postgres_urls_use_the_psycopg_driver() -> None:
    assert normalise_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_url("sqlite:///x.db") == "sqlite:///x.db"
