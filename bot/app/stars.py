"""Starring sessions: a member's own agenda, and the DM reminders that come with it."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from bot.app.agendas import Agendas
from bot.app.clock import Clock, utc_now
from bot.app.members import DEFAULT_LEAD_MINUTES, PreferenceCache
from bot.domain.agenda import Schedule, Session

if TYPE_CHECKING:
    from bot.app.ports import MemberPreferenceStore, StarStore


@dataclass(frozen=True, slots=True)
class Starred:
    """What starring did: whether the session was new to the member's agenda, their DM lead,
    how long until the session starts (negative once it has) and until it ends (None: the
    agenda does not say)."""

    added: bool
    lead_minutes: int
    starts_in: timedelta
    ends_in: timedelta | None = None

    @property
    def reminder_comes(self) -> bool:
        """A reminder is never sent after its time: none comes when the session starts within
        the lead."""
        return self.starts_in > timedelta(minutes=self.lead_minutes)

    @property
    def started(self) -> bool:
        return self.starts_in <= timedelta(0)

    @property
    def ended(self) -> bool:
        """Over: past its end, or, with no end given, a day past its start."""
        if self.ends_in is not None:
            return self.ends_in <= timedelta(0)
        return self.starts_in <= -timedelta(days=1)


class Stars:
    """Star and unstar sessions, and list a member's starred sessions."""

    def __init__(
        self,
        stars: StarStore,
        members: MemberPreferenceStore,
        agendas: Agendas,
        on_changed: Callable[[], None],
        clock: Clock = utc_now,
        *,
        cache: PreferenceCache | None = None,
    ) -> None:
        self.stars = stars
        self.members = members
        self.agendas = agendas
        self.on_changed = on_changed
        self.clock = clock
        self.cache = cache if cache is not None else PreferenceCache()

    async def star(
        self, user_id: int, schedule: Schedule, session: Session, *, locale: str
    ) -> Starred:
        """Star the session (remembering the member's language for the reminder), in one
        transaction that also reads the member's lead."""
        try:
            added, lead = await asyncio.to_thread(
                self.stars.star_as, user_id, schedule.id, session.id, locale
            )
        finally:
            self.cache.forget(user_id)  # the language may have changed
        self.on_changed()
        lead_minutes = lead if lead is not None else DEFAULT_LEAD_MINUTES
        now = self.clock()
        ends_in = session.end - now if session.end is not None else None
        return Starred(added, lead_minutes, session.start - now, ends_in)

    async def unstar(self, user_id: int, schedule_id: str, session_id: str) -> bool:
        """False if the session was not starred. Works for a session that has since gone."""
        removed = await asyncio.to_thread(self.stars.unstar, user_id, schedule_id, session_id)
        self.on_changed()
        return removed

    async def starred(self, user_id: int, guild_id: int | None) -> list[tuple[Schedule, Session]]:
        """The member's starred sessions among the agendas the guild may see, soonest first."""
        wanted = await asyncio.to_thread(self.stars.starred, user_id)
        found = [
            (schedule, session)
            for schedule in self.agendas.visible(guild_id)
            for session in schedule.sessions
            if (schedule.id, session.id) in wanted
        ]
        return sorted(found, key=lambda pair: pair[1].start.timestamp())
