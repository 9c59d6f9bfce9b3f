"""A member's preferences: their zone, language and DM reminders, read and changed."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.domain.reminders.plan import DEFAULT_DM_LEAD

if TYPE_CHECKING:
    from bot.app.ports import GuildMembershipStore, MemberPreferenceStore

DEFAULT_LEAD_MINUTES = int(DEFAULT_DM_LEAD.total_seconds() // 60)


@dataclass(frozen=True, slots=True)
class MemberPreferences:
    """What a member chose. `zone` is an IANA key (None: not set, or unreadable)."""

    user_id: int
    zone: str | None = None
    locale: str | None = None
    dm: bool = False
    lead_minutes: int | None = None
    dm_closed: bool = False

    @property
    def tz(self) -> ZoneInfo | None:
        return ZoneInfo(self.zone) if self.zone else None

    @property
    def dm_lead_minutes(self) -> int:
        """How long before a session this member's DM reminders come."""
        return self.lead_minutes if self.lead_minutes is not None else DEFAULT_LEAD_MINUTES

    @property
    def dm_lead(self) -> timedelta:
        return timedelta(minutes=self.dm_lead_minutes)


class Members:
    """Members' preferences. Every change that affects reminders calls `on_changed` (the
    reminder runtime re-plans)."""

    def __init__(
        self,
        store: MemberPreferenceStore,
        guilds: GuildMembershipStore,
        on_changed: Callable[[], None],
    ) -> None:
        self.store = store
        self.guilds = guilds
        self.on_changed = on_changed

    async def preferences(self, user_id: int) -> MemberPreferences:
        """What the member chose, or the defaults when they never chose anything."""
        found = await asyncio.to_thread(self.store.preferences, user_id)
        return found if found is not None else MemberPreferences(user_id)

    async def zone(self, user_id: int) -> ZoneInfo | None:
        return (await self.preferences(user_id)).tz

    async def set_zone(
        self, user_id: int, zone: ZoneInfo, *, locale: str, guild_id: int | None
    ) -> None:
        """Store the member's zone (and the language they use, and that they are in this
        server: channel reminders there show their zone)."""

        def write() -> None:
            self.store.set_timezone(user_id, zone.key)
            self.store.set_locale(user_id, locale)
            if guild_id:
                self.guilds.seen_in_guild(user_id, guild_id)

        await asyncio.to_thread(write)
        self.on_changed()

    async def clear_zone(self, user_id: int) -> None:
        await asyncio.to_thread(self.store.set_timezone, user_id, None)
        self.on_changed()

    async def dm_on(self, user_id: int, *, locale: str) -> None:
        """DM reminders on, in the member's language."""

        def write() -> None:
            self.store.set_dm(user_id, True)
            self.store.set_locale(user_id, locale)

        await asyncio.to_thread(write)
        self.on_changed()

    async def dm_off(self, user_id: int) -> None:
        await asyncio.to_thread(self.store.set_dm, user_id, False)
        self.on_changed()

    async def set_lead(self, user_id: int, minutes: int) -> None:
        await asyncio.to_thread(self.store.set_lead, user_id, minutes)
        self.on_changed()

    async def seen_in_guild(self, user_id: int, guild_id: int) -> None:
        """Remember that the member uses this server (reads only, unless it is new)."""
        await asyncio.to_thread(self.guilds.seen_in_guild, user_id, guild_id)
