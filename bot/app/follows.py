"""Following agendas: a channel that gets an agenda's reminders, set up by organizers."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from bot.app.errors import Refused
from bot.domain.patterns import compiled

if TYPE_CHECKING:
    from bot.app.ports import ChannelFollowStore

MAX_LEAD_MINUTES = 10080  # a week, as for a member's DM lead
_LEAD = compiled(r"([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*([dhms]?)", re.IGNORECASE)
_MINUTES = {"d": 1440, "h": 60, "m": 1, "s": 1 / 60, "": 1}


def checked_leads(text: str) -> str:
    """Lead times as typed ("1d,15m"), each a number with an optional unit, within a week;
    `Refused` naming the part that is not."""
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        found = _LEAD.fullmatch(part)
        if found is None:
            raise Refused("lead_not_number", lead=part)
        minutes = float(found[1]) * _MINUTES[found[2].lower()]
        if not 0 <= minutes <= MAX_LEAD_MINUTES:
            raise Refused("bad_lead")
    return text


class ChannelFollows:
    """Channels that post an agenda's reminders. Changes re-plan reminders (`on_changed`)."""

    def __init__(self, store: ChannelFollowStore, on_changed: Callable[[], None]) -> None:
        self.store = store
        self.on_changed = on_changed

    async def follow(
        self,
        guild_id: int,
        channel_id: int,
        schedule_id: str,
        *,
        role_id: int | None = None,
        leads: str | None = None,
    ) -> None:
        """Post the agenda's reminders in the channel (mentioning the role), `leads` before
        each session ("1d,15m"; None: the bot's default). Following again updates the follow."""
        checked = checked_leads(leads) if leads is not None else None
        await asyncio.to_thread(
            self.store.follow, guild_id, channel_id, schedule_id, role_id, checked
        )
        self.on_changed()

    async def unfollow(self, guild_id: int, channel_id: int, schedule_id: str) -> bool:
        """False if the channel did not follow the agenda."""
        removed = await asyncio.to_thread(self.store.unfollow, guild_id, channel_id, schedule_id)
        self.on_changed()
        return removed
