"""Applying the numbered migrations in migrations/versions (`agenda-bot db upgrade`)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


# Any constant: the PostgreSQL advisory lock that lets one process at a time migrate.
MIGRATION_LOCK = 0x616765_6E6461  # "agenda"


def upgrade(engine: Engine, target: str = "head") -> None:
    """Bring the database to `target` (the latest schema by default). On PostgreSQL, processes
    starting together take turns (an advisory lock held until the migrations commit): the
    second finds the schema already there instead of failing on tables made under it."""
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        config = _config()
        config.attributes["connection"] = connection
        command.upgrade(config, target)


def downgrade(engine: Engine, target: str) -> None:
    """Take the database back to `target` (a revision id such as "0002")."""
    with engine.begin() as connection:
        config = _config()
        config.attributes["connection"] = connection
        command.downgrade(config, target)


def current(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head() -> str | None:
    return ScriptDirectory.from_config(_config()).get_current_head()
