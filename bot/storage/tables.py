"""The schema. Every change here needs a new migration in migrations/versions/."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Instants in, aware UTC datetimes out, on every backend (SQLite keeps no offset)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.utcoffset() is None:
            raise ValueError("naive datetimes never reach the database")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _at() -> Mapped[datetime]:
    return mapped_column(UTCDateTime, nullable=False)


class Member(Base):
    """A Discord user's preferences. `timezone` is an IANA name; `lead_minutes` their DM lead."""

    __tablename__ = "members"
    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    timezone: Mapped[str | None] = mapped_column(String(64))
    locale: Mapped[str | None] = mapped_column(String(16))
    dm_opt_in: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    lead_minutes: Mapped[int | None] = mapped_column(Integer)
    dm_closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = _at()
    updated_at: Mapped[datetime] = _at()


class MemberGuild(Base):
    """Where a member has been seen: channel reminders write times in these members' zones."""

    __tablename__ = "member_guilds"
    user_id: Mapped[int] = mapped_column(
        ForeignKey("members.user_id", ondelete="CASCADE"), primary_key=True
    )
    guild_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)


class Follow(Base):
    """A channel that gets reminders for a schedule, with an optional role to mention."""

    __tablename__ = "follows"
    __table_args__ = (UniqueConstraint("guild_id", "channel_id", "schedule_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guild_id: Mapped[int] = mapped_column(BigInteger, nullable=False)
    channel_id: Mapped[int] = mapped_column(BigInteger, nullable=False)
    schedule_id: Mapped[str] = mapped_column(String(128), nullable=False)
    role_id: Mapped[int | None] = mapped_column(BigInteger)
    leads: Mapped[str | None] = mapped_column(String(64))  # as typed, "1d,15m"; NULL: defaults
    created_at: Mapped[datetime] = _at()


class Star(Base):
    """A session in a member's personal agenda."""

    __tablename__ = "stars"
    user_id: Mapped[int] = mapped_column(
        ForeignKey("members.user_id", ondelete="CASCADE"), primary_key=True
    )
    schedule_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    session_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    created_at: Mapped[datetime] = _at()


class MemberFollow(Base):
    """A whole schedule in a member's personal feed (and DMs, with `dm_opt_in`)."""

    __tablename__ = "member_follows"
    user_id: Mapped[int] = mapped_column(
        ForeignKey("members.user_id", ondelete="CASCADE"), primary_key=True
    )
    schedule_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    created_at: Mapped[datetime] = _at()


class FeedToken(Base):
    """A member's personal feed token, stored only as its SHA-256 digest."""

    __tablename__ = "feed_tokens"
    user_id: Mapped[int] = mapped_column(
        ForeignKey("members.user_id", ondelete="CASCADE"), primary_key=True
    )
    digest: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    created_at: Mapped[datetime] = _at()


class Delivery(Base):
    """One reminder to one target. The unique `key` is what makes a second send impossible:
    a sender must first claim the row (insert, or a conditional update of an expired claim)."""

    __tablename__ = "deliveries"
    __table_args__ = (Index("ix_deliveries_state_retry", "state", "next_attempt_at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(400), nullable=False, unique=True)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)  # session, event, notice
    target: Mapped[str] = mapped_column(String(64), nullable=False)  # channel:ID, dm:ID, ...
    schedule_id: Mapped[str] = mapped_column(String(128), nullable=False)
    session_id: Mapped[str] = mapped_column(String(128), nullable=False)
    due_at: Mapped[datetime] = _at()
    session_start: Mapped[datetime] = _at()
    state: Mapped[str] = mapped_column(String(16), nullable=False)
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    owner: Mapped[str | None] = mapped_column(String(64))
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    late: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    message_id: Mapped[str | None] = mapped_column(String(32))
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = _at()


class RevisionRow(Base):
    """A session's calendar revision (SEQUENCE, stamps, last content) shared by every feed server."""

    __tablename__ = "revisions"
    key: Mapped[str] = mapped_column(String(300), primary_key=True)
    schedule_id: Mapped[str] = mapped_column(String(128), nullable=False)
    data: Mapped[str] = mapped_column(Text, nullable=False)
    updated_at: Mapped[datetime] = _at()


class ImportedAgendaRow(Base):
    """An agenda file a Discord server imported with `/schedules import`, as uploaded: seen in
    that server only. Every process reads these, so all of them serve the same agendas."""

    __tablename__ = "imported_agendas"
    __table_args__ = (UniqueConstraint("guild_id", "name"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guild_id: Mapped[int] = mapped_column(BigInteger, nullable=False)
    name: Mapped[str] = mapped_column(String(128), nullable=False)  # "night.md": slug + suffix
    format: Mapped[str] = mapped_column(String(16), nullable=False)  # markdown, yaml, ics
    data: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)  # at most MAX_BYTES
    imported_at: Mapped[datetime] = _at()
    updated_at: Mapped[datetime] = _at()


class AgendaSourceRow(Base):
    """An agenda followed from its URL (`/schedules add`, or the operator's `[[sources]]`,
    kept under guild 0) and how its polling fares, so that every process shows the same state.
    A server's last good content is its imported agenda `name`; the operator's is `data`."""

    __tablename__ = "agenda_sources"
    __table_args__ = (UniqueConstraint("guild_id", "url"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guild_id: Mapped[int] = mapped_column(BigInteger, nullable=False)  # 0: the operator's
    url: Mapped[str] = mapped_column(String(2000), nullable=False)
    interval_minutes: Mapped[int] = mapped_column(Integer, nullable=False)
    name: Mapped[str | None] = mapped_column(String(128))  # the file name it is read under
    data: Mapped[bytes | None] = mapped_column(LargeBinary)  # the operator's last good content
    etag: Mapped[str | None] = mapped_column(String(512))
    last_modified: Mapped[str | None] = mapped_column(String(64))
    checked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    failures: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    added_at: Mapped[datetime] = _at()


class ScheduledEventRow(Base):
    """A Discord scheduled event published for an agenda (`/events publish`): `item` is the
    session id, or "event" for one event spanning the agenda. The row is written before the
    event is created (`event_id` None until Discord answers), and `marker` is also written in
    the event's description, so an event created just before a crash is found again."""

    __tablename__ = "scheduled_events"
    __table_args__ = (UniqueConstraint("guild_id", "schedule_id", "item"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guild_id: Mapped[int] = mapped_column(BigInteger, nullable=False)
    schedule_id: Mapped[str] = mapped_column(String(128), nullable=False)
    item: Mapped[str] = mapped_column(String(200), nullable=False)
    marker: Mapped[str] = mapped_column(String(32), nullable=False)
    event_id: Mapped[int | None] = mapped_column(BigInteger)
    digest: Mapped[str | None] = mapped_column(String(64))  # of what was last sent to Discord
    starts_at: Mapped[datetime] = _at()
    created_at: Mapped[datetime] = _at()


class RsvpEvent(Base):
    """An event's RSVP settings (one schedule in one server). Its row is the event's lock:
    every click takes it (FOR UPDATE) before deciding seat or waitlist, and `clicks` counts the
    clicks so far, handing each its number in that same transaction."""

    __tablename__ = "rsvp_events"
    guild_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    schedule_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    capacity: Mapped[int | None] = mapped_column(Integer)  # NULL: no limit
    is_open: Mapped[bool] = mapped_column(Boolean, nullable=False)
    closes_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    clicks: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    channel_id: Mapped[int | None] = mapped_column(BigInteger)  # the RSVP message, once posted
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    opened_at: Mapped[datetime] = _at()
    updated_at: Mapped[datetime] = _at()


class RsvpRow(Base):
    """One member's answer for one event: confirmed, waitlisted or not going. `click` is the
    number of their last Going or Not going click (the order clicks reached the bot), given
    under the event's lock: the waitlist is the waitlisted rows in `click` order."""

    __tablename__ = "rsvps"
    __table_args__ = (
        UniqueConstraint("guild_id", "schedule_id", "user_id"),
        Index("ix_rsvps_event_state_click", "guild_id", "schedule_id", "state", "click"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guild_id: Mapped[int] = mapped_column(BigInteger, nullable=False)
    schedule_id: Mapped[str] = mapped_column(String(128), nullable=False)
    user_id: Mapped[int] = mapped_column(BigInteger, nullable=False)
    state: Mapped[str] = mapped_column(String(16), nullable=False)  # confirmed, waitlisted, ...
    click: Mapped[int] = mapped_column(Integer, nullable=False)
    clicked_at: Mapped[datetime] = _at()
    source: Mapped[str] = mapped_column(String(16), nullable=False)  # button, command, event
    reminders: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    checked_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    display_name: Mapped[str | None] = mapped_column(String(100))  # as the member clicked


class RsvpInterest(Base):
    """A member marked one of an agenda's Discord scheduled events "Interested": while any of
    them is left, an RSVP that came from interest stays."""

    __tablename__ = "rsvp_interests"
    guild_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    schedule_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    event_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
