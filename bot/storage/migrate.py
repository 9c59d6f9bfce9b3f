"""Applying the numbered migrations in migrations/versions (`agenda-bot db upgrade`).

Alembic is loaded only when there is something to migrate: a database already at the newest
revision (every start but the first after an upgrade) is recognised with one query, which keeps
Alembic's import time and memory out of a running bot. Revision ids are the files' number
prefixes ("0003" in 0003_imported_agendas.py; a test keeps the two equal).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from bot.domain.patterns import compiled

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_NUMBERED = compiled(r"(\d{4})_\w+\.py")

# Any constant: the PostgreSQL advisory lock that lets one process at a time migrate.
MIGRATION_LOCK = 0x616765_6E6461  # "agenda"


def _config() -> Config:
    from alembic.config import Config  # noqa: PLC0415 - only when migrating

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def newest_revision() -> str:
    """The newest migration's revision id, from the file names alone."""
    return max(
        found[1]
        for path in (MIGRATIONS / "versions").iterdir()
        if (found := _NUMBERED.fullmatch(path.name))
    )


def up_to_date(engine: Engine) -> bool:
    """Whether the database is at the newest revision (one query; False for a new database)."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return False
        versions = connection.execute(text("SELECT version_num FROM alembic_version")).scalars()
        return list(versions) == [newest_revision()]


def upgrade(engine: Engine, target: str = "head") -> None:
    """Bring the database to `target` (the latest schema by default). On PostgreSQL, processes
    starting together take turns (an advisory lock held until the migrations commit): the
    second finds the schema already there instead of failing on tables made under it."""
    if target == "head" and up_to_date(engine):
        return
    from alembic import command  # noqa: PLC0415 - only when migrating

    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        config = _config()
        config.attributes["connection"] = connection
        command.upgrade(config, target)


def downgrade(engine: Engine, target: str) -> None:
    """Take the database back to `target` (a revision id such as "0002")."""
    from alembic import command  # noqa: PLC0415 - only when migrating

    with engine.begin() as connection:
        config = _config()
        config.attributes["connection"] = connection
        command.downgrade(config, target)


def current(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext  # noqa: PLC0415 - only when asked

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head() -> str | None:
    from alembic.script import ScriptDirectory  # noqa: PLC0415 - only when asked

    return ScriptDirectory.from_config(_config()).get_current_head()
