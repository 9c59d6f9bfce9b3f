"""/star, /unstar, /mine."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.app_commands import locale_str as _
from discord.ext import commands

from bot.discord.formatting import starred_text, when
from bot.discord.i18n import reply
from bot.discord.limits import ECHO, EMBED_DESCRIPTION, clip
from bot.discord.replies import respond
from bot.discord.transformers import (
    ScheduleTransformer,
    pick_session,
    services,
    session_autocomplete,
    starred_reference,
)
from bot.domain.agenda import Schedule

MINE_SHOWN = 40


class StarsCog(commands.Cog):
    @app_commands.command(
        name=_("star"), description=_("Add a session to your agenda and get reminded")
    )
    @app_commands.describe(
        schedule=_("Which agenda (default: the only one)"), session=_("Which session")
    )
    @app_commands.autocomplete(session=session_autocomplete)
    async def star(
        self,
        interaction: discord.Interaction[Any],
        session: str,
        schedule: app_commands.Transform[Schedule, ScheduleTransformer] | None = None,
    ) -> None:
        chosen, found = pick_session(interaction, schedule, session)
        locale = str(interaction.locale)
        starred = await services(interaction).stars.star(
            interaction.user.id, chosen, found, locale=locale
        )
        await respond(interaction, starred_text(locale, found.title_in(locale), starred))

    @app_commands.command(name=_("unstar"), description=_("Remove a session from your agenda"))
    @app_commands.describe(
        schedule=_("Which agenda (default: the only one)"), session=_("Which session")
    )
    @app_commands.autocomplete(session=session_autocomplete)
    async def unstar(
        self,
        interaction: discord.Interaction[Any],
        session: str,
        schedule: app_commands.Transform[Schedule, ScheduleTransformer] | None = None,
    ) -> None:
        chosen, session_id, found = starred_reference(interaction, schedule, session)
        # Unstarring a session that has since gone: its id is all there is to name it by.
        title = found.title_in(str(interaction.locale)) if found else clip(session_id, ECHO)
        removed = await services(interaction).stars.unstar(
            interaction.user.id, chosen.id, session_id
        )
        await respond(
            interaction, reply(interaction, "unstarred" if removed else "not_starred", title=title)
        )

    @app_commands.command(name=_("mine"), description=_("Your personal agenda"))
    async def mine(self, interaction: discord.Interaction[Any]) -> None:
        box = services(interaction)
        tz = await box.members.zone(interaction.user.id)
        locale = str(interaction.locale)
        mine = await box.stars.starred(interaction.user.id, interaction.guild_id)
        if not mine:
            await respond(interaction, reply(interaction, "mine_empty"))
            return
        lines = [
            f"{when(s.start, tz, locale)} — **{s.title_in(locale)}** ({sch.title_in(locale)})"
            for sch, s in mine[:MINE_SHOWN]
        ]
        embed = discord.Embed(
            title=reply(interaction, "mine_title"),
            description=clip("\n".join(lines), EMBED_DESCRIPTION),
        )
        if tz is None:
            embed.set_footer(text=reply(interaction, "agenda_footer_nozone"))
        await respond(interaction, embed=embed)
