"""RSVP with capacity and a waitlist: /rsvp open, close, post, list, export, checkin for
organizers (Manage Events), and the announcement's Going, Not going and My status buttons for
everyone, and Check in for organizers around the first session (persistent: their custom ids
name the event, so they work after a restart)."""

from __future__ import annotations

from discord.ext import commands

from bot.discord.exts.rsvp._cog import CheckInPicker, RsvpButton, RsvpCog


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(RsvpCog(bot))
    bot.add_dynamic_items(RsvpButton, CheckInPicker)


async def teardown(bot: commands.Bot) -> None:
    bot.remove_dynamic_items(RsvpButton, CheckInPicker)
