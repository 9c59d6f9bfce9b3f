"""Agendas imported in Discord servers, in the database: every process of a deployment reads
the same ones, and polls `marker` to learn when another process imported one."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.app.clock import Clock, utc_now
from bot.app.imports import ImportedAgenda, ImportsMarker
from bot.domain.readers.source import format_of
from bot.storage.tables import ImportedAgendaRow

# Every write moves the latest `updated_at` forward by at least this, so a process whose clock
# runs behind another's still changes the marker the others poll.
_TICK = timedelta(microseconds=1)


class DatabaseImportedAgendas:
    """The `ImportedAgendaStore` on SQLAlchemy (SQLite or PostgreSQL)."""

    def __init__(self, sessions: sessionmaker[Session], clock: Clock = utc_now) -> None:
        self.sessions = sessions
        self.clock = clock

    def save(self, guild_id: int, name: str, data: bytes) -> bool:
        """Keep `data` as the server's agenda `name`, replacing an earlier one of that name;
        False when it held these very bytes already. Two processes saving the same name at
        once: the one that loses the insert writes again, as an update."""
        fmt = format_of(name)
        if fmt is None:
            raise ValueError(f"{name!r} is not an agenda file name")
        try:
            return self._write(guild_id, name, fmt, data)
        except IntegrityError:  # another process inserted this name first: now it updates
            return self._write(guild_id, name, fmt, data)

    def _write(self, guild_id: int, name: str, fmt: str, data: bytes) -> bool:
        with self.sessions.begin() as db:
            row = db.scalars(
                select(ImportedAgendaRow).where(
                    ImportedAgendaRow.guild_id == guild_id, ImportedAgendaRow.name == name
                )
            ).one_or_none()
            if row is not None and row.data == data:
                return False
            latest = db.scalar(select(func.max(ImportedAgendaRow.updated_at)))
            now = self.clock()
            if latest is not None and now <= latest:
                now = latest + _TICK
            if row is None:
                db.add(
                    ImportedAgendaRow(
                        guild_id=guild_id,
                        name=name,
                        format=fmt,
                        data=data,
                        imported_at=now,
                        updated_at=now,
                    )
                )
            else:
                row.format, row.data, row.updated_at = fmt, data, now
        return True

    def imported(self) -> list[ImportedAgenda]:
        """Every server's imports, by server and name."""
        with self.sessions() as db:
            rows = db.execute(
                select(
                    ImportedAgendaRow.guild_id,
                    ImportedAgendaRow.name,
                    ImportedAgendaRow.data,
                    ImportedAgendaRow.updated_at,
                ).order_by(ImportedAgendaRow.guild_id, ImportedAgendaRow.name)
            ).all()
        return [
            ImportedAgenda(int(guild_id), name, bytes(data), updated_at)
            for guild_id, name, data, updated_at in rows
        ]

    def marker(self) -> ImportsMarker:
        """(how many imports, when the latest changed): one small query, for polling."""
        with self.sessions() as db:
            count, latest = db.execute(
                select(func.count(ImportedAgendaRow.id), func.max(ImportedAgendaRow.updated_at))
            ).one()
        return int(count), latest
