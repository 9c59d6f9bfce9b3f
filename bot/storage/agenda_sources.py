"""Agendas followed from their URLs, and how their polling fares, in the database: every
process shows the same state in `/schedules list`, and the operator's sources keep their last
good content across restarts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.app.clock import Clock, utc_now
from bot.storage.tables import AgendaSourceRow, ImportedAgendaRow

OPERATOR = 0  # the guild id the operator's `[[sources]]` are kept under


@dataclass(frozen=True, slots=True)
class StoredSource:
    """One row as the poller needs it."""

    guild_id: int
    url: str
    interval_minutes: int
    name: str | None
    data: bytes | None
    etag: str | None
    last_modified: str | None
    checked_at: datetime | None
    changed_at: datetime | None
    last_error: str | None
    failures: int


@dataclass(frozen=True, slots=True)
class Check:
    """What one poll found, to be written down."""

    checked_at: datetime
    error: str | None
    failures: int
    etag: str | None = None
    last_modified: str | None = None
    name: str | None = None
    data: bytes | None = None  # the operator's new content
    changed_at: datetime | None = None  # set when the content changed


def _stored(row: AgendaSourceRow) -> StoredSource:
    return StoredSource(
        int(row.guild_id),
        row.url,
        row.interval_minutes,
        row.name,
        bytes(row.data) if row.data is not None else None,
        row.etag,
        row.last_modified,
        row.checked_at,
        row.changed_at,
        row.last_error,
        row.failures,
    )


class DatabaseAgendaSources:
    """The followed URLs on SQLAlchemy (SQLite or PostgreSQL)."""

    def __init__(self, sessions: sessionmaker[Session], clock: Clock = utc_now) -> None:
        self.sessions = sessions
        self.clock = clock

    def add(self, guild_id: int, url: str, interval_minutes: int, name: str | None = None) -> bool:
        """Follow `url` in the guild (OPERATOR: the operator's), its content to be kept under
        `name` when known; False when it already was."""
        try:
            with self.sessions.begin() as db:
                found = db.scalars(
                    select(AgendaSourceRow.id).where(
                        AgendaSourceRow.guild_id == guild_id, AgendaSourceRow.url == url
                    )
                ).first()
                if found is not None:
                    return False
                db.add(
                    AgendaSourceRow(
                        guild_id=guild_id,
                        url=url,
                        interval_minutes=interval_minutes,
                        name=name,
                        failures=0,
                        added_at=self.clock(),
                    )
                )
        except IntegrityError:  # another process added it at the same moment
            return False
        return True

    def remove(self, guild_id: int, url: str) -> bool:
        """Stop following `url` in the guild, and drop the agenda it gave there; False when it
        was not followed."""
        with self.sessions.begin() as db:
            row = _row(db, guild_id, url)
            if row is None:
                return False
            name = row.name
            db.delete(row)
            if name is not None and guild_id != OPERATOR:
                self._drop(db, guild_id, name)
        return True

    def drop_imported(self, guild_id: int, name: str) -> None:
        """Drop a guild's agenda kept under `name` (a source's content kept under a new name)."""
        with self.sessions.begin() as db:
            self._drop(db, guild_id, name)

    @staticmethod
    def _drop(db: Session, guild_id: int, name: str) -> None:
        db.execute(
            delete(ImportedAgendaRow).where(
                ImportedAgendaRow.guild_id == guild_id, ImportedAgendaRow.name == name
            )
        )

    def get(self, guild_id: int, url: str) -> StoredSource | None:
        with self.sessions() as db:
            row = _row(db, guild_id, url)
            return _stored(row) if row is not None else None

    def sources(self, guild_id: int | None = None) -> list[StoredSource]:
        """Every followed URL (of one guild, when given), by guild and URL."""
        query = select(AgendaSourceRow).order_by(AgendaSourceRow.guild_id, AgendaSourceRow.url)
        if guild_id is not None:
            query = query.where(AgendaSourceRow.guild_id == guild_id)
        with self.sessions() as db:
            return [_stored(row) for row in db.scalars(query)]

    def names(self, guild_id: int) -> set[str]:
        """The names a guild's agendas are kept under (imports and sources alike)."""
        with self.sessions() as db:
            return set(
                db.scalars(
                    select(ImportedAgendaRow.name).where(ImportedAgendaRow.guild_id == guild_id)
                )
            )

    def record(self, guild_id: int, url: str, check: Check) -> None:
        """Write down one poll; for a URL no longer followed (removed meanwhile), nothing."""
        with self.sessions.begin() as db:
            row = _row(db, guild_id, url)
            if row is None:
                return
            row.checked_at = check.checked_at
            row.last_error = check.error
            row.failures = check.failures
            if check.error is None:
                row.etag, row.last_modified = check.etag, check.last_modified
            if check.name is not None:
                row.name = check.name
            if check.data is not None:
                row.data = check.data
            if check.changed_at is not None:
                row.changed_at = check.changed_at


def _row(db: Session, guild_id: int, url: str) -> AgendaSourceRow | None:
    """The row of `url` followed in the guild (`OPERATOR` for the operator's), if any."""
    return db.scalars(
        select(AgendaSourceRow).where(
            AgendaSourceRow.guild_id == guild_id, AgendaSourceRow.url == url
        )
    ).one_or_none()
