"""Option parsing shared by the cogs: zones, agendas and sessions, with autocomplete.

Domain errors become UserError here, so the domain never learns about Discord.
"""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from bot.discord.errors import UserError
from bot.discord.services import BotServices
from bot.domain.agenda import Schedule, Session
from bot.domain.zones.catalog import zone_suggestions
from bot.domain.zones.naming import zone_name
from bot.domain.zones.resolve import UnknownZoneError

LIMIT = 25


def services(interaction: discord.Interaction[Any]) -> BotServices:
    found: BotServices = interaction.client.services
    return found


class ZoneTransformer(app_commands.Transformer):
    """A zone as typed or picked -> its IANA name (or UTC+hh:mm)."""

    async def transform(self, interaction: discord.Interaction[Any], value: str) -> str:
        try:
            return zone_name(services(interaction).resolver.parse(value).tz)
        except UnknownZoneError:
            raise UserError("unknown_zone", zone=value) from None

    async def autocomplete(  # type: ignore[override]
        self, interaction: discord.Interaction[Any], value: str
    ) -> list[app_commands.Choice[str]]:
        table = services(interaction).resolver.abbreviations
        return [
            app_commands.Choice(name=choice.label, value=choice.zone)
            for choice in zone_suggestions(value, table, LIMIT)
        ]


class ScheduleTransformer(app_commands.Transformer):
    """An agenda id (autocompleted by title) -> the Schedule visible in this guild."""

    async def transform(self, interaction: discord.Interaction[Any], value: str) -> Schedule:
        schedule = services(interaction).schedule(interaction.guild_id, value)
        if schedule is None:
            raise UserError("unknown_schedule", schedule=value)
        return schedule

    async def autocomplete(  # type: ignore[override]
        self, interaction: discord.Interaction[Any], value: str
    ) -> list[app_commands.Choice[str]]:
        typed = value.lower()
        found = [
            s
            for s in services(interaction).schedules(interaction.guild_id)
            if typed in s.id or typed in s.title.lower()
        ]
        return [
            app_commands.Choice(name=f"{s.title} ({s.id})"[:100], value=s.id) for s in found[:LIMIT]
        ]


async def session_autocomplete(
    interaction: discord.Interaction[Any], value: str
) -> list[app_commands.Choice[str]]:
    """Sessions of the agenda chosen in the same command (or of the only agenda)."""
    box = services(interaction)
    chosen = getattr(interaction.namespace, "schedule", None)
    schedules = box.schedules(interaction.guild_id)
    if chosen:
        schedules = [s for s in schedules if s.id == str(chosen)]
    elif len(schedules) != 1:
        return []
    typed = value.lower()
    choices = []
    for schedule in schedules:
        for session in schedule.sessions:
            if typed in session.title.lower() or typed in session.id:
                label = f"{session.start.astimezone(schedule.timezone):%m-%d %H:%M} {session.title}"
                choices.append(app_commands.Choice(name=label[:100], value=session.id))
    return choices[:LIMIT]


def only_schedule(interaction: discord.Interaction[Any], schedule: Schedule | None) -> Schedule:
    """The chosen agenda, or the only one there is."""
    if schedule is not None:
        return schedule
    visible = services(interaction).schedules(interaction.guild_id)
    if not visible:
        raise UserError("no_schedules")
    if len(visible) > 1:
        raise UserError("which_schedule")
    return visible[0]


def require_manage_events(interaction: discord.Interaction[Any]) -> bool:
    """Checked at run time too: default permissions can be changed by server admins."""
    permissions = interaction.permissions
    if not (permissions.manage_events or permissions.administrator):
        raise app_commands.MissingPermissions(["manage_events"])
    return True


def pick_session(
    interaction: discord.Interaction[Any], schedule: Schedule | None, session_id: str
) -> tuple[Schedule, Session]:
    """The session named in a command, in the chosen agenda or the only one there is."""
    chosen = only_schedule(interaction, schedule)
    found = next((s for s in chosen.sessions if s.id == session_id), None)
    if found is None:
        raise UserError("unknown_session", schedule=chosen.id, session=session_id)
    return chosen, found
