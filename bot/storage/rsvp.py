"""RSVPs in the database (the app's `RsvpStore`): first come, first served, never overbooked.

Every change to an event's RSVP runs in one transaction that first takes the event's lock: on
PostgreSQL the event's settings row, `SELECT ... FOR UPDATE`; on SQLite the whole database,
`BEGIN IMMEDIATE` (SQLite has no row locks: one writer at a time, the others wait up to the busy
timeout). Inside it the transaction counts the seats taken, decides confirmed or waitlisted, and
numbers the click from the event's counter: clicks of any number of threads and processes end
up in one order, and the seats go to the first of them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.app.errors import Refused
from bot.app.rsvp import Announcement, Change, Counts, Entry, RsvpState, Standing
from bot.storage.tables import RsvpEvent, RsvpInterest, RsvpRow, ScheduledEventRow

T = TypeVar("T")

_CONFIRMED = RsvpState.CONFIRMED.value
_WAITLISTED = RsvpState.WAITLISTED.value
_NOT_GOING = RsvpState.NOT_GOING.value
_NOBODY = Standing(RsvpState.NOT_GOING)
_SOURCE_LENGTH = 16
_NAME_LENGTH = 100
_FROM_EVENT = "event"  # an RSVP that came from "Interested" on a Discord event


class DatabaseRsvps:
    """Every method is one short transaction (blocking: the use cases call them in threads)."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self.sessions = sessions

    # ---- the event's lock ------------------------------------------------------------------

    def _locked(self, guild_id: int, schedule_id: str, change: Callable[[Session], T]) -> T:
        """Run `change` in one transaction that holds the event's lock from its first
        statement on (see the module's words)."""
        with self.sessions.begin() as db:
            if db.get_bind().dialect.name == "sqlite":
                db.connection().exec_driver_sql("BEGIN IMMEDIATE")
            return change(db)

    def _event(self, db: Session, guild_id: int, schedule_id: str) -> RsvpEvent:
        """The event's settings row, locked; `Refused("rsvp_not_open")` if never opened."""
        event = db.scalars(
            select(RsvpEvent)
            .where(RsvpEvent.guild_id == guild_id, RsvpEvent.schedule_id == schedule_id)
            .with_for_update()
        ).first()
        if event is None:
            raise Refused("rsvp_not_open")
        return event

    # ---- organizers ------------------------------------------------------------------------

    def open(
        self,
        guild_id: int,
        schedule_id: str,
        capacity: int | None,
        closes_at: datetime | None,
        now: datetime,
        *,
        keep_capacity: bool = False,
    ) -> Counts:
        """Open the event's RSVP, or reopen it with these settings (more seats promote). With
        `keep_capacity`, an RSVP opened before keeps its seat count (`capacity` is for a new
        one)."""

        def change(db: Session) -> Counts:
            event = db.scalars(
                select(RsvpEvent)
                .where(RsvpEvent.guild_id == guild_id, RsvpEvent.schedule_id == schedule_id)
                .with_for_update()
            ).first()
            if event is None:
                event = RsvpEvent(
                    guild_id=guild_id,
                    schedule_id=schedule_id,
                    clicks=0,
                    opened_at=now,
                )
                db.add(event)
                event.capacity = capacity
            elif not keep_capacity:
                event.capacity = capacity
            event.is_open = True
            event.closes_at = closes_at
            event.updated_at = now
            db.flush()
            self._promote(db, event)
            return self._counts(db, event, now)

        try:
            return self._locked(guild_id, schedule_id, change)
        except IntegrityError:  # opened at the same moment elsewhere: now it is there to lock
            return self._locked(guild_id, schedule_id, change)

    def close(self, guild_id: int, schedule_id: str, now: datetime) -> Counts:
        def change(db: Session) -> Counts:
            event = self._event(db, guild_id, schedule_id)
            event.is_open = False
            event.updated_at = now
            return self._counts(db, event, now)

        return self._locked(guild_id, schedule_id, change)

    def set_capacity(
        self, guild_id: int, schedule_id: str, capacity: int | None, now: datetime
    ) -> Change:
        """New seat count. More seats promote from the waitlist in click order; fewer seats
        leave every confirmed member confirmed (new clicks wait until seats free up)."""

        def change(db: Session) -> Change:
            event = self._event(db, guild_id, schedule_id)
            event.capacity = capacity
            event.updated_at = now
            promoted = self._promote(db, event)
            return Change(_NOBODY, self._counts(db, event, now), promoted)

        return self._locked(guild_id, schedule_id, change)

    def set_announcement(
        self, guild_id: int, schedule_id: str, channel_id: int, message_id: int
    ) -> None:
        """`Refused("rsvp_not_open")` if the event's RSVP was never opened."""

        def change(db: Session) -> None:
            event = self._event(db, guild_id, schedule_id)
            event.channel_id = channel_id
            event.message_id = message_id

        self._locked(guild_id, schedule_id, change)

    def announcements(self, guild_id: int | None, schedule_id: str | None) -> list[Announcement]:
        query = select(
            RsvpEvent.guild_id, RsvpEvent.schedule_id, RsvpEvent.channel_id, RsvpEvent.message_id
        ).where(RsvpEvent.message_id.is_not(None), RsvpEvent.channel_id.is_not(None))
        if guild_id is not None:
            query = query.where(RsvpEvent.guild_id == guild_id)
        if schedule_id is not None:
            query = query.where(RsvpEvent.schedule_id == schedule_id)
        with self.sessions() as db:
            rows = db.execute(query.order_by(RsvpEvent.guild_id, RsvpEvent.schedule_id)).all()
        return [Announcement(g, s, c, m) for g, s, c, m in rows if c is not None and m is not None]

    # ---- members ---------------------------------------------------------------------------

    def going(
        self,
        guild_id: int,
        schedule_id: str,
        user_id: int,
        source: str,
        clock: Callable[[], datetime],
        *,
        name: str | None = None,
    ) -> Change:
        """A seat if one is free and nobody waits, else the end of the waitlist; a member
        confirmed or waiting already keeps their place. The click's time is read under the
        event's lock: click times follow the click order."""

        def change(db: Session) -> Change:
            event = self._event(db, guild_id, schedule_id)
            now = clock()
            row = self._row(db, guild_id, schedule_id, user_id)
            if row is not None and name:
                row.display_name = name[:_NAME_LENGTH]
            if row is not None and row.state != _NOT_GOING:
                if source != _FROM_EVENT:  # a seat asked for by hand is no longer interest's
                    row.source = source[:_SOURCE_LENGTH]
                return Change(self._standing(db, row), self._counts(db, event, now))
            if not _is_open(event, now):
                raise Refused("rsvp_closed")
            confirmed = self._confirmed(db, event)
            waiting = self._waitlisted(db, event)
            free = event.capacity is None or confirmed < event.capacity
            state = _CONFIRMED if free and waiting == 0 else _WAITLISTED
            event.clicks += 1
            if row is None:
                row = RsvpRow(
                    guild_id=guild_id,
                    schedule_id=schedule_id,
                    user_id=user_id,
                    reminders=True,
                )
                db.add(row)
            row.state = state
            row.click = event.clicks
            row.clicked_at = now
            row.source = source[:_SOURCE_LENGTH]
            row.checked_in_at = None
            if name:
                row.display_name = name[:_NAME_LENGTH]
            db.flush()
            if state == _CONFIRMED:
                standing, confirmed = Standing(RsvpState.CONFIRMED), confirmed + 1
            else:
                standing, waiting = Standing(RsvpState.WAITLISTED, waiting + 1), waiting + 1
            return Change(standing, _counts(event, confirmed, waiting, now))

        return self._locked(guild_id, schedule_id, change)

    def not_going(
        self,
        guild_id: int,
        schedule_id: str,
        user_id: int,
        clock: Callable[[], datetime],
        *,
        name: str | None = None,
    ) -> Change:
        """Accepted open or closed; a freed seat goes to the first on the waitlist."""

        def change(db: Session) -> Change:
            event = self._event(db, guild_id, schedule_id)
            now = clock()
            row = self._row(db, guild_id, schedule_id, user_id)
            declined = self._decline(db, event, row, user_id, now)
            if name:
                kept = row or self._row(db, guild_id, schedule_id, user_id)
                if kept is not None:
                    kept.display_name = name[:_NAME_LENGTH]
            return declined

        return self._locked(guild_id, schedule_id, change)

    def interested(self, guild_id: int, schedule_id: str, user_id: int, event_id: int) -> None:
        """Remember that the member marked this Discord event "Interested"."""
        with self.sessions.begin() as db:
            key = (guild_id, schedule_id, user_id, event_id)
            if db.get(RsvpInterest, key) is None:
                db.add(
                    RsvpInterest(
                        guild_id=guild_id,
                        schedule_id=schedule_id,
                        user_id=user_id,
                        event_id=event_id,
                    )
                )
                try:
                    db.flush()
                except IntegrityError:  # the same interest, recorded at the same moment
                    db.rollback()

    def not_interested(
        self,
        guild_id: int,
        schedule_id: str,
        user_id: int,
        event_id: int,
        clock: Callable[[], datetime],
    ) -> Change | None:
        """The member took back "Interested" on one Discord event. Their RSVP ends only when it
        came from interest and no other published event of the agenda holds their interest;
        None when nothing changed."""

        def change(db: Session) -> Change | None:
            event = self._event(db, guild_id, schedule_id)
            now = clock()
            found = db.get(RsvpInterest, (guild_id, schedule_id, user_id, event_id))
            if found is not None:
                db.delete(found)
                db.flush()
            left = db.scalar(
                select(func.count())
                .select_from(RsvpInterest)
                .join(
                    ScheduledEventRow,
                    (ScheduledEventRow.guild_id == RsvpInterest.guild_id)
                    & (ScheduledEventRow.schedule_id == RsvpInterest.schedule_id)
                    & (ScheduledEventRow.event_id == RsvpInterest.event_id),
                )
                .where(
                    RsvpInterest.guild_id == guild_id,
                    RsvpInterest.schedule_id == schedule_id,
                    RsvpInterest.user_id == user_id,
                )
            )
            row = self._row(db, guild_id, schedule_id, user_id)
            if left or row is None or row.state == _NOT_GOING or row.source != _FROM_EVENT:
                return None
            return self._decline(db, event, row, user_id, now)

        return self._locked(guild_id, schedule_id, change)

    def _decline(
        self, db: Session, event: RsvpEvent, row: RsvpRow | None, user_id: int, now: datetime
    ) -> Change:
        if row is not None and row.state == _NOT_GOING:
            return Change(_NOBODY, self._counts(db, event, now))
        event.clicks += 1
        if row is None:
            row = RsvpRow(
                guild_id=event.guild_id,
                schedule_id=event.schedule_id,
                user_id=user_id,
                reminders=True,
                source="button",
            )
            db.add(row)
        row.state = _NOT_GOING
        row.click = event.clicks
        row.clicked_at = now
        row.checked_in_at = None
        db.flush()
        promoted = self._promote(db, event)
        return Change(_NOBODY, self._counts(db, event, now), promoted)

    def standing(self, guild_id: int, schedule_id: str, user_id: int) -> Standing:
        with self.sessions() as db:
            row = self._row(db, guild_id, schedule_id, user_id)
            return _NOBODY if row is None else self._standing(db, row)

    def set_reminders(self, guild_id: int, schedule_id: str, user_id: int, enabled: bool) -> bool:
        with self.sessions.begin() as db:
            row = self._row(db, guild_id, schedule_id, user_id)
            if row is None:
                return False
            row.reminders = enabled
            return True

    def check_in(self, guild_id: int, schedule_id: str, user_id: int, now: datetime) -> bool:
        with self.sessions.begin() as db:
            row = self._row(db, guild_id, schedule_id, user_id)
            if row is None or row.state != _CONFIRMED:
                raise Refused("rsvp_not_confirmed")
            if row.checked_in_at is not None:
                return False
            row.checked_in_at = now
            return True

    # ---- reading ---------------------------------------------------------------------------

    def counts(self, guild_id: int, schedule_id: str, now: datetime) -> Counts:
        with self.sessions() as db:
            event = db.get(RsvpEvent, (guild_id, schedule_id))
            if event is None:
                return Counts(None, 0, 0, False)
            return self._counts(db, event, now)

    def entries(self, guild_id: int, schedule_id: str) -> list[Entry]:
        with self.sessions() as db:
            rows = db.execute(
                select(
                    RsvpRow.user_id,
                    RsvpRow.state,
                    RsvpRow.clicked_at,
                    RsvpRow.checked_in_at,
                    RsvpRow.display_name,
                )
                .where(RsvpRow.guild_id == guild_id, RsvpRow.schedule_id == schedule_id)
                .order_by(RsvpRow.click)
            ).all()
        found: list[Entry] = []
        waiting = 0
        for user_id, state, clicked_at, checked_in_at, name in rows:
            position = None
            if state == _WAITLISTED:
                waiting += 1
                position = waiting
            found.append(
                Entry(
                    user_id,
                    RsvpState(state),
                    clicked_at,
                    position,
                    checked_in_at is not None,
                    name,
                )
            )
        return found

    def unchecked(self, guild_id: int, schedule_id: str) -> int:
        with self.sessions() as db:
            return int(
                db.scalar(
                    select(func.count())
                    .select_from(RsvpRow)
                    .where(
                        RsvpRow.guild_id == guild_id,
                        RsvpRow.schedule_id == schedule_id,
                        RsvpRow.state == _CONFIRMED,
                        RsvpRow.checked_in_at.is_(None),
                    )
                )
                or 0
            )

    # ---- helpers ---------------------------------------------------------------------------

    @staticmethod
    def _row(db: Session, guild_id: int, schedule_id: str, user_id: int) -> RsvpRow | None:
        return db.scalars(
            select(RsvpRow).where(
                RsvpRow.guild_id == guild_id,
                RsvpRow.schedule_id == schedule_id,
                RsvpRow.user_id == user_id,
            )
        ).first()

    @staticmethod
    def _count(db: Session, event: RsvpEvent, state: str) -> int:
        return int(
            db.scalar(
                select(func.count())
                .select_from(RsvpRow)
                .where(
                    RsvpRow.guild_id == event.guild_id,
                    RsvpRow.schedule_id == event.schedule_id,
                    RsvpRow.state == state,
                )
            )
            or 0
        )

    def _confirmed(self, db: Session, event: RsvpEvent) -> int:
        return self._count(db, event, _CONFIRMED)

    def _waitlisted(self, db: Session, event: RsvpEvent) -> int:
        return self._count(db, event, _WAITLISTED)

    def _counts(self, db: Session, event: RsvpEvent, now: datetime) -> Counts:
        return _counts(event, self._confirmed(db, event), self._waitlisted(db, event), now)

    def _standing(self, db: Session, row: RsvpRow) -> Standing:
        if row.state != _WAITLISTED:
            return Standing(RsvpState(row.state))
        ahead = db.scalar(
            select(func.count())
            .select_from(RsvpRow)
            .where(
                RsvpRow.guild_id == row.guild_id,
                RsvpRow.schedule_id == row.schedule_id,
                RsvpRow.state == _WAITLISTED,
                RsvpRow.click < row.click,
            )
        )
        return Standing(RsvpState.WAITLISTED, int(ahead or 0) + 1)

    def _promote(self, db: Session, event: RsvpEvent) -> tuple[int, ...]:
        """Fill the free seats from the waitlist, first click first (under the event's lock)."""
        if event.capacity is None:
            free = None
        else:
            free = event.capacity - self._confirmed(db, event)
            if free <= 0:
                return ()
        query = (
            select(RsvpRow)
            .where(
                RsvpRow.guild_id == event.guild_id,
                RsvpRow.schedule_id == event.schedule_id,
                RsvpRow.state == _WAITLISTED,
            )
            .order_by(RsvpRow.click)
        )
        if free is not None:
            query = query.limit(free)
        moved = list(db.scalars(query))
        for row in moved:
            row.state = _CONFIRMED
        db.flush()
        return tuple(row.user_id for row in moved)


def _is_open(event: RsvpEvent, now: datetime) -> bool:
    return event.is_open and (event.closes_at is None or now < event.closes_at)


def _counts(event: RsvpEvent, confirmed: int, waitlisted: int, now: datetime) -> Counts:
    return Counts(event.capacity, confirmed, waitlisted, _is_open(event, now), event.closes_at)
