"""/remind on|off|lead, and /remind event (an RSVP's reminders)."""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands
from discord.app_commands import locale_str as _
from discord.ext import commands

from bot.discord.errors import UserError
from bot.discord.i18n import reply
from bot.discord.limits import ECHO, clip
from bot.discord.replies import respond
from bot.discord.transformers import ScheduleTransformer, services
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
        locale = str(interaction.locale)
        preferences = await box.members.preferences(user)
        text = reply(interaction, "remind_on", lead=lead_text(preferences.dm_lead_minutes, locale))
        try:
            # Say it where the reminders will come: a member whose DMs are closed learns now.
            await interaction.user.send(text)
        except discord.Forbidden:
            raise UserError("dms_closed") from None
        except (discord.HTTPException, OSError) as exc:
            # Anything else is Discord's trouble, not the member's: keep their wish.
            log.warning("confirmation DM to %s failed: %s", user, exc)
        await box.members.dm_on(user, locale=locale)
        await respond(interaction, text)

    @app_commands.command(name=_("off"), description=_("Stop DM reminders"))
    async def remind_off(self, interaction: discord.Interaction[Any]) -> None:
        await services(interaction).members.dm_off(interaction.user.id)
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
        await services(interaction).members.set_lead(interaction.user.id, minutes)
        await respond(
            interaction,
            reply(interaction, "remind_lead", lead=lead_text(minutes, str(interaction.locale))),
        )

    @app_commands.command(
        name=_("event"), description=_("DM reminders for an event you RSVPed to, on or off")
    )
    @app_commands.describe(
        schedule=_("Which agenda (default: the only one)"), enabled=_("On or off")
    )
    @app_commands.guild_only()
    async def remind_event(
        self,
        interaction: discord.Interaction[Any],
        schedule: app_commands.Transform[Schedule, ScheduleTransformer],
        enabled: bool,
    ) -> None:
        """A confirmed seat brings the event's reminders by DM; this turns them off or on."""
        assert interaction.guild_id is not None
        found = await services(interaction).rsvps.set_reminders(
            interaction.guild_id, schedule.id, interaction.user.id, enabled
        )
        key = "rsvp_reminders_no_seat"
        if found:
            key = "rsvp_reminders_on" if enabled else "rsvp_reminders_off"
        title = schedule.title_in(str(interaction.locale))
        await respond(interaction, reply(interaction, key, title=clip(title, ECHO)))
