"""/ics and /subscribe."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.app_commands import locale_str as _
from discord.ext import commands

from bot.discord.cogs.agenda_cog import ics_file
from bot.discord.i18n import reply
from bot.discord.replies import respond
from bot.discord.transformers import (
    ScheduleTransformer,
    only_schedule,
    pick_session,
    services,
    session_autocomplete,
)
from bot.domain.agenda import Schedule
from bot.web.app import webcal


class CalendarCog(commands.Cog):
    @app_commands.command(name=_("ics"), description=_("An agenda or a session as a calendar file"))
    @app_commands.describe(
        schedule=_("Which agenda (default: the only one)"), session=_("Only this session")
    )
    @app_commands.autocomplete(session=session_autocomplete)
    async def ics(
        self,
        interaction: discord.Interaction[Any],
        schedule: app_commands.Transform[Schedule, ScheduleTransformer] | None = None,
        session: str | None = None,
    ) -> None:
        found = None
        if session is None:
            chosen = only_schedule(interaction, schedule)
        else:
            chosen, found = pick_session(interaction, schedule, session)
        what = found.title if found else chosen.title
        await respond(
            interaction, reply(interaction, "ics_file", what=what), file=ics_file(chosen, found)
        )

    @app_commands.command(name=_("subscribe"), description=_("Your personal calendar feed link"))
    @app_commands.describe(
        schedule=_("Also add this whole agenda to your feed"),
        reset=_("Revoke your link and issue a new one"),
    )
    async def subscribe(
        self,
        interaction: discord.Interaction[Any],
        schedule: app_commands.Transform[Schedule, ScheduleTransformer] | None = None,
        reset: bool = False,
    ) -> None:
        box = services(interaction)
        user = str(interaction.user.id)
        if schedule is not None:
            box.people.follow_schedule(interaction.user.id, schedule.id)
            box.on_people_changed()
        # Tokens are stored only as digests: showing the link again means issuing a new one.
        token = box.tokens.issue(user)
        https = box.feed_url(f"/feeds/{token}.ics")
        key = "subscribe_reset" if reset else "subscribe"
        await respond(interaction, reply(interaction, key, https=https, webcal=webcal(https)))
