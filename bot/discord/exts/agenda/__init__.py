"""/agenda, /next, /session (with Remind me / Add to calendar buttons), /convert and the
"Convert times" message command."""

from __future__ import annotations

from discord.ext import commands

from bot.discord.exts.agenda._cog import AgendaCog


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(AgendaCog(bot))
