"""/timezone set|show|clear."""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

import discord
from discord import app_commands
from discord.app_commands import locale_str as _
from discord.ext import commands

from bot.discord.formatting import when
from bot.discord.i18n import reply
from bot.discord.member_zones import stand_in_for, stored_zone, zone_label
from bot.discord.replies import respond
from bot.discord.transformers import ZoneTransformer, services


class TimezoneCog(
    commands.GroupCog,
    group_name=_("timezone"),
    group_description=_("Set, show or clear your time zone"),
):
    @app_commands.command(name=_("set"), description=_("Set your time zone"))
    @app_commands.describe(zone=_("A city, country, IANA name or abbreviation"))
    async def set_zone(
        self,
        interaction: discord.Interaction[Any],
        zone: app_commands.Transform[tzinfo, ZoneTransformer],
    ) -> None:
        box = services(interaction)
        locale = str(interaction.locale)
        stored = stored_zone(zone, box.clock().date())
        await box.members.set_zone(
            interaction.user.id, stored, locale=locale, guild_id=interaction.guild_id
        )
        now = when(box.clock(), stored, locale)
        offset = stand_in_for(zone, stored)
        if offset is not None:
            text = reply(interaction, "zone_set_offset", zone=stored.key, offset=offset, now=now)
        else:
            text = reply(interaction, "zone_set", zone=zone_label(stored), now=now)
        await respond(interaction, text)

    @app_commands.command(name=_("show"), description=_("Show your time zone"))
    async def show_zone(self, interaction: discord.Interaction[Any]) -> None:
        box = services(interaction)
        tz = await box.members.zone(interaction.user.id)
        if tz is None:
            text = reply(interaction, "zone_none")
        else:
            text = reply(
                interaction,
                "zone_show",
                zone=zone_label(tz),
                now=when(box.clock(), tz, str(interaction.locale)),
            )
        await respond(interaction, text)

    @app_commands.command(name=_("clear"), description=_("Forget your time zone"))
    async def clear_zone(self, interaction: discord.Interaction[Any]) -> None:
        await services(interaction).members.clear_zone(interaction.user.id)
        await respond(interaction, reply(interaction, "zone_cleared"))
