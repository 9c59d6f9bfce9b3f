"""What the use cases need from storage and from the agenda library, as small Protocols.

Every method here is synchronous and may block (a database round trip): the use cases call
them through `asyncio.to_thread`. They take and return plain values, never database rows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from bot.app.imports import ImportedAgenda, ImportsMarker
from bot.app.members import MemberPreferences
from bot.app.rsvp import Announcement, Change, Counts, Entry, Standing
from bot.domain.agenda import Schedule
from bot.domain.feed_tokens import FeedSelection
from bot.domain.ics.revisions import Revision
from bot.domain.speakers.profile import Profile


class AgendaSnapshot(Protocol):
    """The agendas read at one moment, with who may see each."""

    @property
    def schedules(self) -> Mapping[str, Schedule]: ...

    @property
    def retired(self) -> Mapping[str, Schedule]: ...

    @property
    def revisions(self) -> Mapping[str, Revision]: ...

    def visible_to(self, guild_id: int | None) -> dict[str, Schedule]:
        """The schedules a guild may see (None: the public web, a DM)."""
        ...

    @property
    def public_retired(self) -> dict[str, Schedule]: ...

    @property
    def speakers(self) -> Mapping[str, Profile]:
        """Speaker profiles by id (operators' files: everyone may see them)."""
        ...


class AgendaSource(Protocol):
    """Where the current agendas are read from: the latest snapshot, always."""

    @property
    def snapshot(self) -> AgendaSnapshot: ...


class MemberPreferenceStore(Protocol):
    """A member's zone, language and DM reminder wishes."""

    def preferences(self, user_id: int) -> MemberPreferences | None:
        """What the member chose; None when they never chose anything."""
        ...

    def set_timezone(self, user_id: int, zone: str | None) -> None:
        """`zone` is an IANA key, or None to forget it."""
        ...

    def set_locale(self, user_id: int, locale: str | None) -> None: ...

    def set_dm(self, user_id: int, enabled: bool) -> None:
        """Opting in also forgets that the member's DMs were found closed."""
        ...

    def set_lead(self, user_id: int, minutes: int | None) -> None: ...

    def mark_dm_closed(self, user_id: int) -> None: ...


class StarStore(Protocol):
    """Sessions members starred."""

    def star(self, user_id: int, schedule_id: str, session_id: str) -> bool:
        """False if it was starred already."""
        ...

    def star_as(
        self, user_id: int, schedule_id: str, session_id: str, locale: str | None
    ) -> tuple[bool, int | None]:
        """Star the session and remember the member's language, in one transaction: whether
        it was new, and the member's DM lead in minutes (None: the default)."""
        ...

    def unstar(self, user_id: int, schedule_id: str, session_id: str) -> bool:
        """False if it was not starred."""
        ...

    def starred(self, user_id: int) -> frozenset[tuple[str, str]]:
        """(schedule id, session id) of every session this one member starred."""
        ...


class MemberFollowStore(Protocol):
    """Whole agendas a member follows (DM reminders, their personal feed)."""

    def follow_schedule(self, user_id: int, schedule_id: str) -> None: ...


class GuildMembershipStore(Protocol):
    """Which members were seen in which servers (channel reminders show their zones)."""

    def seen_in_guild(self, user_id: int, guild_id: int) -> None: ...


class ChannelFollowStore(Protocol):
    """Agendas whose reminders are posted in a channel."""

    def follow(
        self,
        guild_id: int,
        channel_id: int,
        schedule_id: str,
        role_id: int | None = None,
        leads: str | None = None,
    ) -> None:
        """Add or update the follow; `leads` as typed ("1d,15m"), already checked."""
        ...

    def unfollow(self, guild_id: int, channel_id: int, schedule_id: str) -> bool:
        """False if the channel did not follow the agenda."""
        ...


class MemberStore(
    MemberPreferenceStore,
    StarStore,
    MemberFollowStore,
    GuildMembershipStore,
    ChannelFollowStore,
    Protocol,
):
    """Everything stored about members and channels, in one store."""


class FeedTokenStore(Protocol):
    """The secrets in members' personal feed URLs, stored only as digests."""

    def issue(self, member: str) -> str:
        """A new token for `member`, revoking any earlier one. The plaintext is returned once."""
        ...

    def revoke(self, member: str) -> None: ...

    def lookup(self, token: str) -> FeedSelection | None:
        """What the token's feed holds; None for an unknown or revoked token."""
        ...


class PersonalFeedTokens(FeedTokenStore, Protocol):
    """The token store as members' feed links need it: also whether a member has one."""

    def holds(self, member: str) -> bool:
        """Whether `member` has a live token (which cannot be shown again: only its digest is
        kept)."""
        ...


class ImportedAgendaStore(Protocol):
    """Agenda files imported in Discord servers, kept as uploaded; shared by every process."""

    def save(self, guild_id: int, name: str, data: bytes) -> bool:
        """Keep `data` as the server's agenda `name`, replacing an earlier one of that name;
        False when it held these very bytes already (and nothing was written)."""
        ...

    def imported(self) -> list[ImportedAgenda]:
        """Every server's imports, by server and name."""
        ...

    def marker(self) -> ImportsMarker:
        """A cheap value that differs after any import anywhere: poll it, then read."""
        ...


class RsvpStore(Protocol):
    """RSVPs per (guild, schedule): the seat-or-waitlist decision and the click order are made
    inside one transaction holding the event's lock. `now` is the aware UTC instant of the
    request (what `closes_at` is compared with). A click's time is read from `clock` inside the
    transaction that decides its seat, so click times follow the click order."""

    def open(
        self,
        guild_id: int,
        schedule_id: str,
        capacity: int | None,
        closes_at: datetime | None,
        now: datetime,
        *,
        keep_capacity: bool = False,
    ) -> Counts: ...

    def close(self, guild_id: int, schedule_id: str, now: datetime) -> Counts: ...

    def set_capacity(
        self, guild_id: int, schedule_id: str, capacity: int | None, now: datetime
    ) -> Change: ...

    def going(
        self,
        guild_id: int,
        schedule_id: str,
        user_id: int,
        source: str,
        clock: Callable[[], datetime],
        *,
        name: str | None = None,
    ) -> Change: ...

    def not_going(
        self,
        guild_id: int,
        schedule_id: str,
        user_id: int,
        clock: Callable[[], datetime],
        *,
        name: str | None = None,
    ) -> Change: ...

    def interested(self, guild_id: int, schedule_id: str, user_id: int, event_id: int) -> None: ...

    def not_interested(
        self,
        guild_id: int,
        schedule_id: str,
        user_id: int,
        event_id: int,
        clock: Callable[[], datetime],
    ) -> Change | None: ...

    def standing(self, guild_id: int, schedule_id: str, user_id: int) -> Standing: ...

    def set_reminders(
        self, guild_id: int, schedule_id: str, user_id: int, enabled: bool
    ) -> bool: ...

    def counts(self, guild_id: int, schedule_id: str, now: datetime) -> Counts: ...

    def entries(self, guild_id: int, schedule_id: str) -> list[Entry]: ...

    def check_in(self, guild_id: int, schedule_id: str, user_id: int, now: datetime) -> bool: ...

    def unchecked(self, guild_id: int, schedule_id: str) -> int:
        """Confirmed members not checked in."""
        ...

    def set_announcement(
        self, guild_id: int, schedule_id: str, channel_id: int, message_id: int
    ) -> None: ...

    def announcements(
        self, guild_id: int | None, schedule_id: str | None
    ) -> list[Announcement]: ...


@dataclass(frozen=True, slots=True)
class EventLink:
    """A Discord scheduled event standing for an agenda ("event") or one of its sessions in a
    server; `event_id` is None while its creation is under way (or was cut short)."""

    guild_id: int
    schedule_id: str
    item: str
    marker: str
    event_id: int | None
    digest: str | None
    starts_at: datetime


class ScheduledEventStore(Protocol):
    """Which Discord scheduled event stands for what, per server and agenda."""

    def links(self, guild_id: int, schedule_id: str) -> list[EventLink]: ...

    def published(self) -> list[tuple[int, str]]:
        """Every (guild, schedule) with at least one link."""
        ...

    def intend(
        self, guild_id: int, schedule_id: str, item: str, marker: str, starts_at: datetime
    ) -> None:
        """Write the link down before the event is created (kept as it is when present)."""
        ...

    def record(
        self,
        guild_id: int,
        schedule_id: str,
        item: str,
        *,
        event_id: int,
        digest: str | None,
        starts_at: datetime,
    ) -> None: ...

    def forget(self, guild_id: int, schedule_id: str, item: str) -> None: ...

    def schedule_of(self, guild_id: int, event_id: int) -> str | None:
        """The agenda a Discord event stands for in the server, if any."""
        ...
