"""/remind on|off|lead: direct-message reminders for starred sessions and followed agendas."""

from __future__ import annotations

from discord.ext import commands

from bot.discord.exts.reminders._cog import RemindCog


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(RemindCog())
