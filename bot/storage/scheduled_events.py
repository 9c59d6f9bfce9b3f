"""Which Discord scheduled event stands for which agenda, or session of it, in which server
(`/events publish`), in the database: every process keeps the same events in step."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.app.clock import Clock, utc_now
from bot.app.ports import EventLink
from bot.storage.tables import ScheduledEventRow


def _link(row: ScheduledEventRow) -> EventLink:
    return EventLink(
        int(row.guild_id),
        row.schedule_id,
        row.item,
        row.marker,
        int(row.event_id) if row.event_id is not None else None,
        row.digest,
        row.starts_at,
    )


class DatabaseScheduledEvents:
    """The links on SQLAlchemy (SQLite or PostgreSQL)."""

    def __init__(self, sessions: sessionmaker[Session], clock: Clock = utc_now) -> None:
        self.sessions = sessions
        self.clock = clock

    def links(self, guild_id: int, schedule_id: str) -> list[EventLink]:
        with self.sessions() as db:
            rows = db.scalars(
                select(ScheduledEventRow)
                .where(
                    ScheduledEventRow.guild_id == guild_id,
                    ScheduledEventRow.schedule_id == schedule_id,
                )
                .order_by(ScheduledEventRow.id)
            )
            return [_link(row) for row in rows]

    def published(self) -> list[tuple[int, str]]:
        with self.sessions() as db:
            rows = db.execute(
                select(ScheduledEventRow.guild_id, ScheduledEventRow.schedule_id).distinct()
            )
            return sorted((int(guild), schedule) for guild, schedule in rows)

    def intend(
        self, guild_id: int, schedule_id: str, item: str, marker: str, starts_at: datetime
    ) -> None:
        try:
            with self.sessions.begin() as db:
                if self._row(db, guild_id, schedule_id, item) is None:
                    db.add(
                        ScheduledEventRow(
                            guild_id=guild_id,
                            schedule_id=schedule_id,
                            item=item,
                            marker=marker,
                            starts_at=starts_at,
                            created_at=self.clock(),
                        )
                    )
        except IntegrityError:
            pass  # written at the same moment elsewhere: the row is there, as wanted

    def record(
        self,
        guild_id: int,
        schedule_id: str,
        item: str,
        *,
        event_id: int,
        digest: str | None,
        starts_at: datetime,
    ) -> None:
        with self.sessions.begin() as db:
            row = self._row(db, guild_id, schedule_id, item)
            if row is None:
                raise LookupError(f"no link for {schedule_id}/{item} in guild {guild_id}")
            row.event_id = event_id
            row.digest = digest
            row.starts_at = starts_at

    def forget(self, guild_id: int, schedule_id: str, item: str) -> None:
        with self.sessions.begin() as db:
            db.execute(
                delete(ScheduledEventRow).where(
                    ScheduledEventRow.guild_id == guild_id,
                    ScheduledEventRow.schedule_id == schedule_id,
                    ScheduledEventRow.item == item,
                )
            )

    def schedule_of(self, guild_id: int, event_id: int) -> str | None:
        with self.sessions() as db:
            found: str | None = db.scalars(
                select(ScheduledEventRow.schedule_id).where(
                    ScheduledEventRow.guild_id == guild_id,
                    ScheduledEventRow.event_id == event_id,
                )
            ).first()
            return found

    @staticmethod
    def _row(db: Session, guild_id: int, schedule_id: str, item: str) -> ScheduledEventRow | None:
        return db.scalars(
            select(ScheduledEventRow).where(
                ScheduledEventRow.guild_id == guild_id,
                ScheduledEventRow.schedule_id == schedule_id,
                ScheduledEventRow.item == item,
            )
        ).first()
