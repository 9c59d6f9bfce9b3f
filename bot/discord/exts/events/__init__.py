"""For organizers (Manage Events): /events publish and /events unpublish keep the server's own
Events tab in step with an agenda (one Discord event for the agenda, or one per session), and
members' "Interested" clicks on those events count as RSVPs."""

from __future__ import annotations

from discord.ext import commands

from bot.discord.exts.events._cog import EventsCog


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(EventsCog(bot))
