"""/star, /unstar and /mine: a member's own agenda."""

from __future__ import annotations

from discord.ext import commands

from bot.discord.exts.stars._cog import StarsCog


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(StarsCog())
