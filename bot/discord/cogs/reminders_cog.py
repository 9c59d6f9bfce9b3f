"""/remind on|off|lead, /star, /unstar, /mine."""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands
from discord.app_commands import locale_str as _
from discord.ext import commands

from bot.discord.cogs.agenda_cog import member_lead_minutes, star_session
from bot.discord.errors import UserError
from bot.discord.formatting import when
from bot.discord.i18n import reply
from bot.discord.limits import ECHO, EMBED_DESCRIPTION, clip
from bot.discord.replies import respond
from bot.discord.transformers import (
    ScheduleTransformer,
    pick_session,
    services,
    session_autocomplete,
    session_reference,
)
from bot.domain.agenda import Schedule
from bot.texts import lead_text

log = logging.getLogger(__name__)


class RemindCog(
    commands.GroupCog, group_name=_("remind"), group_description=_("Direct-message reminders")
):
    @app_commands.command(
        name=_("on"),
        description=_("Get DM reminders for sessions you starred and agendas you follow"),
    )
    async def remind_on(self, interaction: discord.Interaction[Any]) -> None:
        box = services(interaction)
        user = interaction.user.id
        minutes = member_lead_minutes(box, user)
        text = reply(interaction, "remind_on", lead=lead_text(minutes, str(interaction.locale)))
        try:
            # Say it where the reminders will come: a member whose DMs are closed learns now.
            await interaction.user.send(text)
        except discord.Forbidden:
            raise UserError("dms_closed") from None
        except (discord.HTTPException, OSError) as exc:
            # Anything else is Discord's trouble, not the member's: keep their wish.
            log.warning("confirmation DM to %s failed: %s", user, exc)
        box.people.set_dm(user, True)
        box.people.set_locale(user, str(interaction.locale))
        box.on_people_changed()
        await respond(interaction, text)

    @app_commands.command(name=_("off"), description=_("Stop DM reminders"))
    async def remind_off(self, interaction: discord.Interaction[Any]) -> None:
        box = services(interaction)
        box.people.set_dm(interaction.user.id, False)
        box.on_people_changed()
        await respond(interaction, reply(interaction, "remind_off"))

    @app_commands.command(
        name=_("lead"), description=_("How long before a session you are reminded")
    )
    @app_commands.describe(minutes=_("Minutes before the session (0 to 10080)"))
    async def remind_lead(
        self, interaction: discord.Interaction[Any], minutes: app_commands.Range[int, 0, 10080]
    ) -> None:
        if not 0 <= minutes <= 10080:  # Discord enforces the range; a hand-made request might not
            raise UserError("bad_lead")
        box = services(interaction)
        box.people.set_lead(interaction.user.id, minutes)
        box.on_people_changed()
        await respond(
            interaction,
            reply(interaction, "remind_lead", lead=lead_text(minutes, str(interaction.locale))),
        )


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
        await respond(interaction, await star_session(interaction, chosen, found))

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
        box = services(interaction)
        chosen, session_id = session_reference(interaction, schedule, session)
        found = next((s for s in chosen.sessions if s.id == session_id), None)
        # Unstarring a session that has since gone: its id is all there is to name it by.
        title = found.title if found else clip(session_id, ECHO)
        removed = box.people.unstar(interaction.user.id, chosen.id, session_id)
        box.on_people_changed()
        await respond(
            interaction, reply(interaction, "unstarred" if removed else "not_starred", title=title)
        )

    @app_commands.command(name=_("mine"), description=_("Your personal agenda"))
    async def mine(self, interaction: discord.Interaction[Any]) -> None:
        box = services(interaction)
        tz = box.member_zone(interaction.user.id)
        locale = str(interaction.locale)
        starred = box.people.audience().stars
        mine = sorted(
            (
                (session.start, schedule, session)
                for schedule in box.schedules(interaction.guild_id)
                for session in schedule.sessions
                if (interaction.user.id, schedule.id, session.id) in starred
            ),
            key=lambda item: item[0].timestamp(),
        )
        if not mine:
            await respond(interaction, reply(interaction, "mine_empty"))
            return
        lines = [
            f"{when(s.start, tz, locale)} — **{s.title}** ({sch.title})" for _, sch, s in mine[:40]
        ]
        embed = discord.Embed(
            title=reply(interaction, "mine_title"),
            description=clip("\n".join(lines), EMBED_DESCRIPTION),
        )
        await respond(interaction, embed=embed)
