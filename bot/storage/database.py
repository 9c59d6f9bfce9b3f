"""Engines and sessions: SQLite (embedded, the default) or PostgreSQL (DATABASE_URL)."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

DEFAULT_URL = "sqlite:///agenda-bot.sqlite3"
SUPPORTED = ("sqlite", "postgresql")
EXAMPLES = "sqlite:///PATH or postgresql://USER@HOST/DATABASE"


class DatabaseUnusable(Exception):
    """The database URL cannot be used; the message says why, in a few words, without the URL."""


def shown_url(url: str) -> str:
    """The URL as it may be printed: any password hidden."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def check_url(url: str) -> None:
    """Raise `DatabaseUnusable` unless `url` is an SQLite or PostgreSQL URL."""
    try:
        parsed = make_url(normalise_url(url))
    except ArgumentError:
        raise DatabaseUnusable(f"not a database URL; use {EXAMPLES}") from None
    if parsed.get_backend_name() not in SUPPORTED:
        raise DatabaseUnusable(
            f"unsupported database {parsed.get_backend_name()!r}; use {EXAMPLES}"
        ) from None


def check_database(url: str) -> None:
    """Connect to `url` once, or raise `DatabaseUnusable` with the cause: an unknown driver, a
    closed port, a missing database, a file that cannot be created."""
    check_url(url)
    try:
        engine = make_engine(url)
    except OSError as exc:
        raise DatabaseUnusable(
            f"cannot create the folder for the database file ({exc.strerror or exc})"
        ) from None
    except (SQLAlchemyError, ImportError) as exc:
        raise DatabaseUnusable(f"cannot use this URL ({_cause(exc)})") from None
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except (SQLAlchemyError, OSError) as exc:
        raise DatabaseUnusable(f"cannot connect: {_cause(exc)}") from None
    finally:
        engine.dispose()


def _cause(exc: BaseException) -> str:
    """The driver's own words, first line, without the prefixes that repeat the address."""
    original = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    words = str(original).strip().splitlines()[0] if str(original).strip() else ""
    words = words.rsplit(" failed: ", 1)[-1].removeprefix("connection failed: ")
    words = words.removeprefix("FATAL:").strip()
    return words or type(original).__name__


def normalise_url(url: str) -> str:
    """`postgres://` and `postgresql://` use the psycopg 3 driver; anything else is kept."""
    parsed = make_url(url)
    if parsed.drivername in ("postgres", "postgresql"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def make_engine(url: str = DEFAULT_URL) -> Engine:
    """An engine for `url`. SQLite gets WAL, foreign keys and a busy timeout, so that two
    processes on one file wait for each other instead of failing."""
    url = normalise_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


class DatabaseFileError(Exception):
    """The SQLite file the process opened is no longer usable. The class name is what /healthz
    shows; the message says what happened and what it costs."""


class SQLiteFileGone(DatabaseFileError):
    pass


class SQLiteFileReplaced(DatabaseFileError):
    pass


class SQLiteFileReadOnly(DatabaseFileError):
    pass


def sqlite_file(engine: Engine) -> Path | None:
    """The file of an SQLite engine; None for other databases and in-memory SQLite."""
    if engine.url.get_backend_name() != "sqlite":
        return None
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database).resolve()


class DatabaseProbe:
    """The database check of /healthz: one query, and for SQLite also that the file opened at
    start is still there, still the same file, and writable. A deleted file keeps answering
    through the connections already open, while the delivery ledger it held is lost: the next
    start would begin empty and send every reminder again.

    Call `remember_file()` once the database is ready; calling the probe raises when the
    database is unusable and logs each change between working and failing (once, not at every
    probe)."""

    def __init__(self, engine: Engine, logger: logging.Logger | None = None) -> None:
        self.engine = engine
        self.file = sqlite_file(engine)
        self.identity: tuple[int, int] | None = None
        self.failing: str | None = None
        self.log = logger or logging.getLogger(__name__)

    def remember_file(self) -> None:
        if self.file is not None:
            stat = self.file.stat()
            self.identity = (stat.st_dev, stat.st_ino)

    def __call__(self) -> None:
        try:
            self._check()
        except Exception as exc:
            problem = f"{type(exc).__name__}: {exc}"
            if problem != self.failing:
                self.log.error("the database check fails: %s", exc)
            self.failing = problem
            raise
        if self.failing is not None:
            self.log.warning("the database check passes again")
            self.failing = None

    def _check(self) -> None:
        if self.file is not None and self.identity is not None:
            self._check_file(self.file, self.identity)
        with self.engine.connect() as connection:
            connection.execute(text("SELECT 1"))

    @staticmethod
    def _check_file(file: Path, identity: tuple[int, int]) -> None:
        consequence = (
            "reminders sent from now on are not recorded, and a restart would start from an "
            "empty database and send them again; restore the file and restart"
        )
        try:
            stat = file.stat()
        except FileNotFoundError:
            raise SQLiteFileGone(
                f"the SQLite file {file} was deleted or moved: {consequence}"
            ) from None
        except OSError as exc:
            raise SQLiteFileGone(
                f"the SQLite file {file} cannot be reached ({exc.strerror or exc}): {consequence}"
            ) from None
        if (stat.st_dev, stat.st_ino) != identity:
            raise SQLiteFileReplaced(
                f"the SQLite file {file} was replaced by another file: {consequence}"
            )
        for path in (file, file.parent):
            if not os.access(path, os.W_OK):
                raise SQLiteFileReadOnly(f"{path} cannot be written: {consequence}")
