"""/ics (an agenda or a session as a calendar file) and /subscribe (a member's own feed link)."""

from __future__ import annotations

from discord.ext import commands

from bot.discord.exts.calendar._cog import CalendarCog


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(CalendarCog())
