"""A member's preferences: their zone, language and DM reminders, read and changed."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.domain.reminders.plan import DEFAULT_DM_LEAD
from bot.domain.zones.naming import open_zone

if TYPE_CHECKING:
    from bot.app.ports import GuildMembershipStore, MemberPreferenceStore

DEFAULT_LEAD_MINUTES = int(DEFAULT_DM_LEAD.total_seconds() // 60)
# How long a member's preferences are answered from memory. A change made through this process
# is seen at once; one made by another process (another shard) shows within this time.
PREFERENCES_FRESH_FOR = 5.0
PREFERENCES_KEPT = 10_000
SEEN_KEPT = 100_000  # (member, server) pairs remembered as stored; past that, start again


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
        return open_zone(self.zone)

    @property
    def dm_lead_minutes(self) -> int:
        """How long before a session this member's DM reminders come."""
        return self.lead_minutes if self.lead_minutes is not None else DEFAULT_LEAD_MINUTES


class PreferenceCache:
    """Members' preferences kept in memory for a few seconds, so that a command reads them
    without a database round trip. Every change this process makes calls `forget` once it is
    stored; a read that began before a change is not kept (it may hold what was there before).
    Used on the event loop only."""

    def __init__(
        self,
        fresh_for: float = PREFERENCES_FRESH_FOR,
        kept: int = PREFERENCES_KEPT,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.fresh_for = fresh_for
        self.kept = kept
        self.clock = clock
        self._found: dict[int, tuple[float, MemberPreferences | None]] = {}
        self._changes = 0

    def get(self, user_id: int) -> tuple[bool, MemberPreferences | None]:
        """(True, what is kept) while it is fresh; (False, None) otherwise."""
        kept = self._found.get(user_id)
        if kept is None:
            return False, None
        if kept[0] <= self.clock():
            del self._found[user_id]
            return False, None
        return True, kept[1]

    def reading(self) -> int:
        """Call before reading the database; hand the value to `keep`."""
        return self._changes

    def keep(self, user_id: int, found: MemberPreferences | None, began: int) -> None:
        if began != self._changes:
            return  # something changed while this was read: it may be out of date
        if len(self._found) >= self.kept:
            del self._found[next(iter(self._found))]
        self._found[user_id] = (self.clock() + self.fresh_for, found)

    def forget(self, user_id: int) -> None:
        self._changes += 1
        self._found.pop(user_id, None)


class Members:
    """Members' preferences. Every change that affects reminders calls `on_changed` (the
    reminder runtime re-plans)."""

    def __init__(
        self,
        store: MemberPreferenceStore,
        guilds: GuildMembershipStore,
        on_changed: Callable[[], None],
        cache: PreferenceCache | None = None,
    ) -> None:
        self.store = store
        self.guilds = guilds
        self.on_changed = on_changed
        self.cache = cache if cache is not None else PreferenceCache()
        # (member, server) pairs stored already: each is written once per process.
        self._seen: set[tuple[int, int]] = set()

    async def preferences(self, user_id: int) -> MemberPreferences:
        """What the member chose, or the defaults when they never chose anything."""
        hit, found = self.cache.get(user_id)
        if not hit:
            began = self.cache.reading()
            found = await asyncio.to_thread(self.store.preferences, user_id)
            self.cache.keep(user_id, found, began)
        return found if found is not None else MemberPreferences(user_id)

    async def _change(self, user_id: int, write: Callable[[], None]) -> None:
        """Store a change off the event loop, then forget what was kept of the member (also
        when storing failed half-way) and tell the reminder runtime."""
        try:
            await asyncio.to_thread(write)
        finally:
            self.cache.forget(user_id)
        self.on_changed()

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

        await self._change(user_id, write)
        if guild_id:
            self._remember_seen((user_id, guild_id))

    async def adopt_locale(self, user_id: int, locale: str) -> None:
        """The language a member was seen using, kept as theirs when they have none yet (their
        DMs and reminders then speak it); a language they chose stays."""
        if (await self.preferences(user_id)).locale is not None:
            return
        await self._change(user_id, lambda: self.store.set_locale(user_id, locale))

    async def clear_zone(self, user_id: int) -> None:
        await self._change(user_id, lambda: self.store.set_timezone(user_id, None))

    async def dm_on(self, user_id: int, *, locale: str) -> None:
        """DM reminders on, in the member's language."""

        def write() -> None:
            self.store.set_dm(user_id, True)
            self.store.set_locale(user_id, locale)

        await self._change(user_id, write)

    async def dm_off(self, user_id: int) -> None:
        await self._change(user_id, lambda: self.store.set_dm(user_id, False))

    async def set_lead(self, user_id: int, minutes: int) -> None:
        await self._change(user_id, lambda: self.store.set_lead(user_id, minutes))

    async def seen_in_guild(self, user_id: int, guild_id: int) -> None:
        """Remember that the member uses this server: stored once per process for each pair
        (the stored pair is never removed, so there is nothing to read again)."""
        pair = (user_id, guild_id)
        if pair in self._seen:
            return
        await asyncio.to_thread(self.guilds.seen_in_guild, user_id, guild_id)
        self._remember_seen(pair)

    def _remember_seen(self, pair: tuple[int, int]) -> None:
        if len(self._seen) >= SEEN_KEPT:
            self._seen.clear()
        self._seen.add(pair)
