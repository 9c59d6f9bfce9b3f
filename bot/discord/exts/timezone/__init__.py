"""/timezone set|show|clear: the zone a member's times are written in."""

from __future__ import annotations

from discord.ext import commands

from bot.discord.exts.timezone._cog import TimezoneCog


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(TimezoneCog())
