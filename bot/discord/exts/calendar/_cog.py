"""/ics and /subscribe."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.app_commands import locale_str as _
from discord.ext import commands

from bot.app.calendars import schedule_file, session_file, webcal
from bot.discord.i18n import reply
from bot.discord.replies import attachment, respond
from bot.discord.transformers import (
    ScheduleTransformer,
    only_schedule,
    pick_session,
    services,
    session_autocomplete,
)
from bot.domain.agenda import Schedule


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
        box = services(interaction)
        snapshot, base_url, locale = box.agendas.snapshot, box.base_url, str(interaction.locale)
        if session is None:
            chosen = only_schedule(interaction, schedule)
            made = schedule_file(snapshot, chosen, base_url=base_url)
            what = chosen.title_in(locale)
        else:
            chosen, found = pick_session(interaction, schedule, session)
            made = session_file(snapshot, chosen, found, base_url=base_url)
            what = found.title_in(locale)
        await respond(interaction, reply(interaction, "ics_file", what=what), file=attachment(made))

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
        link = await box.feeds.subscribe(interaction.user.id, schedule, reset=reset)
        added = (
            reply(interaction, "subscribe_added", title=schedule.title_in(str(interaction.locale)))
            if schedule is not None
            else ""
        )
        if link.token is None:
            text = reply(interaction, "subscribe_kept")
        else:
            https = box.feed_url(f"/feeds/{link.token}.ics")
            key = "subscribe_reset" if link.replaced else "subscribe"
            text = reply(interaction, key, https=https, webcal=webcal(https))
        await respond(interaction, f"{added}\n{text}" if added else text)
