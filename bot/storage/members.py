"""Members, their stars and followed schedules, channel follows, in the database: read as one
Audience for planning reminders, and as plain values (`MemberPreferences`, starred sessions)
for the commands members and organizers use."""

from __future__ import annotations

import logging
import zoneinfo
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import cache
from typing import TypeVar, cast

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.app.clock import Clock, utc_now
from bot.app.members import MemberPreferences
from bot.app.rsvp import RsvpState
from bot.domain.reminders.plan import (
    Audience,
    ChannelFollow,
    Leads,
    MemberPrefs,
    Target,
    TargetKind,
    parse_leads,
)
from bot.storage.tables import Follow, Member, MemberFollow, MemberGuild, RsvpRow, Star

log = logging.getLogger(__name__)

_ATTEMPTS = 2
T = TypeVar("T")


@cache
def iana_keys() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def readable_zone(user_id: int, stored: str | None) -> str | None:
    """A member's stored zone if it is an IANA key, the one form every reader opens with
    `ZoneInfo`. Anything else (an offset such as "UTC-03:00", stored before zones were checked)
    reads as no zone, with a log line, so that no reader fails on it."""
    if not stored or stored in iana_keys():
        return stored or None
    log.warning("member %s has an unreadable time zone %r; treated as not set", user_id, stored)
    return None


class _Shared:
    """One object per distinct value read: every row brings its own copy of a member's id,
    zone, language and schedule id, and an audience of 10,000 members would keep four of each
    (about 2 MiB more)."""

    def __init__(self) -> None:
        self._seen: dict[object, object] = {}

    def __call__(self, value: T) -> T:
        return cast(T, self._seen.setdefault(value, value))


class DatabaseMembers:
    """Who wants what, in the database: every method is one short transaction (blocking: the
    use cases and the reminder runtime call them off the event loop)."""

    def __init__(self, sessions: sessionmaker[Session], clock: Clock = utc_now) -> None:
        self.sessions = sessions
        self.clock = clock

    # ---- reading ---------------------------------------------------------------------------

    def audience(self) -> Audience:
        one = _Shared()
        with self.sessions() as db:
            # Columns, not ORM objects: 10,000 members would be 10,000 tracked instances,
            # made and dropped at every reload, in the middle of what the process keeps.
            columns = select(
                Member.user_id,
                Member.timezone,
                Member.locale,
                Member.dm_opt_in,
                Member.lead_minutes,
                Member.dm_closed_at.is_not(None),
            )
            members = {
                one(user_id): MemberPrefs(
                    one(user_id),
                    one(readable_zone(user_id, zone)),
                    one(locale),
                    dm_opt_in,
                    timedelta(minutes=lead) if lead is not None else None,
                    bool(dm_closed),
                )
                for user_id, zone, locale, dm_opt_in, lead, dm_closed in db.execute(columns)
            }
            follows = tuple(
                ChannelFollow(
                    Target(TargetKind.CHANNEL, str(f.channel_id)),
                    f.schedule_id,
                    f.guild_id,
                    f.role_id,
                    _leads(f.leads),
                )
                for f in db.scalars(select(Follow).order_by(Follow.id))
            )
            stars = frozenset(
                (one(row[0]), one(row[1]), row[2])
                for row in db.execute(select(Star.user_id, Star.schedule_id, Star.session_id))
            )
            member_follows = frozenset(
                (one(row[0]), one(row[1]))
                for row in db.execute(select(MemberFollow.user_id, MemberFollow.schedule_id))
            )
            # A confirmed RSVP follows its event by DM until the member turns its reminders off.
            rsvp_follows = frozenset(
                (row[0], row[1])
                for row in db.execute(
                    select(RsvpRow.user_id, RsvpRow.schedule_id).where(
                        RsvpRow.state == RsvpState.CONFIRMED.value, RsvpRow.reminders.is_(True)
                    )
                )
            )
            guilds: dict[int, set[int]] = {}
            for user_id, guild_id in db.execute(select(MemberGuild.user_id, MemberGuild.guild_id)):
                guilds.setdefault(guild_id, set()).add(one(user_id))
        return Audience(
            follows,
            members,
            stars,
            member_follows,
            {g: frozenset(users) for g, users in guilds.items()},
            rsvp_follows=rsvp_follows,
        )

    def preferences(self, user_id: int) -> MemberPreferences | None:
        """What the member chose (a zone that cannot be read as not set); None when they
        never chose anything."""
        with self.sessions() as db:
            member = db.get(Member, user_id)
            if member is None:
                return None
            return MemberPreferences(
                member.user_id,
                readable_zone(member.user_id, member.timezone),
                member.locale,
                member.dm_opt_in,
                member.lead_minutes,
                member.dm_closed_at is not None,
            )

    def starred(self, user_id: int) -> frozenset[tuple[str, str]]:
        """(schedule id, session id) of the sessions this member starred."""
        with self.sessions() as db:
            rows = db.execute(
                select(Star.schedule_id, Star.session_id).where(Star.user_id == user_id)
            )
            return frozenset((row[0], row[1]) for row in rows)

    # ---- members ---------------------------------------------------------------------------

    def _write(self, change: Callable[[Session], T]) -> T:
        """Run `change` in one transaction. Two requests of one member at once (a command and
        the "seen in this server" of the same click) may both add their first row: the one that
        loses sees the other's row when run again."""
        for attempt in range(_ATTEMPTS):
            try:
                with self.sessions.begin() as db:
                    return change(db)
            except IntegrityError:
                if attempt == _ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    def _member(self, db: Session, user_id: int) -> Member:
        member = db.get(Member, user_id)
        now = self.clock()
        if member is None:
            member = Member(user_id=user_id, dm_opt_in=False, created_at=now, updated_at=now)
            db.add(member)
        member.updated_at = now
        return member

    def set_timezone(self, user_id: int, zone: str | None) -> None:
        """`zone` is an IANA key (or None to forget it); anything else is refused."""
        if zone is not None and zone not in iana_keys():
            raise ValueError(f"{zone!r} is not an IANA time zone key")

        def change(db: Session) -> None:
            self._member(db, user_id).timezone = zone

        self._write(change)

    def set_locale(self, user_id: int, locale: str | None) -> None:
        def change(db: Session) -> None:
            self._member(db, user_id).locale = locale

        self._write(change)

    def set_dm(self, user_id: int, enabled: bool) -> None:
        """Opt in or out of DM reminders; opting in also clears a recorded closed-DM state."""

        def change(db: Session) -> None:
            member = self._member(db, user_id)
            member.dm_opt_in = enabled
            if enabled:
                member.dm_closed_at = None

        self._write(change)

    def set_lead(self, user_id: int, minutes: int | None) -> None:
        def change(db: Session) -> None:
            self._member(db, user_id).lead_minutes = minutes

        self._write(change)

    def mark_dm_closed(self, user_id: int) -> None:
        def change(db: Session) -> None:
            self._member(db, user_id).dm_closed_at = self.clock()

        self._write(change)

    def seen_in_guild(self, user_id: int, guild_id: int) -> None:
        """Called on every interaction: reads only, unless this pair is new."""

        def change(db: Session) -> None:
            if db.get(MemberGuild, (user_id, guild_id)) is not None:
                return
            self._member(db, user_id)
            db.add(MemberGuild(user_id=user_id, guild_id=guild_id))

        self._write(change)

    def star_times(self) -> dict[tuple[int, str, str], datetime]:
        """When each star was made: a reminder due before its star was never promised."""
        with self.sessions() as db:
            rows = db.execute(
                select(Star.user_id, Star.schedule_id, Star.session_id, Star.created_at)
            )
            return {(row[0], row[1], row[2]): row[3] for row in rows}

    def star(self, user_id: int, schedule_id: str, session_id: str) -> bool:
        """False if it was already starred."""

        def change(db: Session) -> bool:
            self._member(db, user_id)
            return self._add_star(db, user_id, schedule_id, session_id)

        return self._write(change)

    def star_as(
        self, user_id: int, schedule_id: str, session_id: str, locale: str | None
    ) -> tuple[bool, int | None]:
        """Star, remember the member's language and read their lead, in one transaction."""

        def change(db: Session) -> tuple[bool, int | None]:
            member = self._member(db, user_id)
            member.locale = locale
            return self._add_star(db, user_id, schedule_id, session_id), member.lead_minutes

        return self._write(change)

    def _add_star(self, db: Session, user_id: int, schedule_id: str, session_id: str) -> bool:
        if db.get(Star, (user_id, schedule_id, session_id)) is not None:
            return False
        db.add(
            Star(
                user_id=user_id,
                schedule_id=schedule_id,
                session_id=session_id,
                created_at=self.clock(),
            )
        )
        return True

    def unstar(self, user_id: int, schedule_id: str, session_id: str) -> bool:
        """False if it was not starred."""
        with self.sessions.begin() as db:
            star = db.get(Star, (user_id, schedule_id, session_id))
            if star is None:
                return False
            db.delete(star)
            return True

    def follow_schedule(self, user_id: int, schedule_id: str) -> None:
        def change(db: Session) -> None:
            self._member(db, user_id)
            if db.get(MemberFollow, (user_id, schedule_id)) is None:
                db.add(
                    MemberFollow(user_id=user_id, schedule_id=schedule_id, created_at=self.clock())
                )

        self._write(change)

    # ---- channel follows -------------------------------------------------------------------

    def follow(
        self,
        guild_id: int,
        channel_id: int,
        schedule_id: str,
        role_id: int | None = None,
        leads: str | None = None,
    ) -> None:
        """Add or update a channel follow. `leads` like "1d,15m" (checked here)."""
        if leads is not None:
            parse_leads(leads)

        def change(db: Session) -> None:
            found = db.scalars(
                select(Follow).where(
                    Follow.guild_id == guild_id,
                    Follow.channel_id == channel_id,
                    Follow.schedule_id == schedule_id,
                )
            ).first()
            if found is None:
                found = Follow(
                    guild_id=guild_id,
                    channel_id=channel_id,
                    schedule_id=schedule_id,
                    created_at=self.clock(),
                )
                db.add(found)
            found.role_id = role_id
            found.leads = leads

        self._write(change)

    def unfollow(self, guild_id: int, channel_id: int, schedule_id: str) -> bool:
        with self.sessions.begin() as db:
            result = db.execute(
                delete(Follow).where(
                    Follow.guild_id == guild_id,
                    Follow.channel_id == channel_id,
                    Follow.schedule_id == schedule_id,
                )
            )
            return bool(getattr(result, "rowcount", 0))


def _leads(text: str | None) -> Leads | None:
    """A follow's stored leads: the session leads, with the largest one over a day taken as the
    event lead ("1d,15m" -> event 1 day, sessions 15 minutes)."""
    if not text:
        return None
    leads = parse_leads(text)
    event = next((lead for lead in leads if lead >= timedelta(days=1)), None)
    sessions = tuple(lead for lead in leads if lead != event)
    return Leads(sessions, event)
