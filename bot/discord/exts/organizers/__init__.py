"""For organizers (Manage Events): /follow and /unfollow (an agenda's reminders in a channel),
/schedules list and /schedules import (an agenda for this server only), /schedules add and
/schedules remove (an agenda followed from its URL, for this server only)."""

from __future__ import annotations

from discord.ext import commands

from bot.discord.exts.organizers._cog import FollowCog, SchedulesCog


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(FollowCog())
    await bot.add_cog(SchedulesCog())
