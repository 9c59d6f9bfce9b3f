"""/speaker (a speaker's profile, and their sessions in the agendas this server may see)."""

from __future__ import annotations

from discord.ext import commands

from bot.discord.exts.speakers._cog import SpeakersCog


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(SpeakersCog())
