"""Organizers (Manage Events): /follow, /unfollow, /schedules list, /schedules import."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import discord
from discord import app_commands
from discord.app_commands import locale_str as _
from discord.ext import commands

from bot.discord.errors import UserError
from bot.discord.i18n import reply
from bot.discord.transformers import ScheduleTransformer, require_manage_events, services
from bot.domain.agenda import Schedule, slugify
from bot.domain.diagnostics import Severity
from bot.domain.readers.source import MAX_BYTES, format_of, read_bytes


class FollowCog(commands.Cog):
    @app_commands.command(
        name=_("follow"), description=_("Post reminders for an agenda in a channel")
    )
    @app_commands.describe(
        schedule=_("Which agenda (default: the only one)"),
        channel=_("Where reminders go"),
        role=_("A role to mention in reminders"),
        lead=_("Lead times, e.g. 1d,15m (default: the bot's)"),
    )
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_events=True)
    @app_commands.check(require_manage_events)
    async def follow(
        self,
        interaction: discord.Interaction[Any],
        schedule: app_commands.Transform[Schedule, ScheduleTransformer],
        channel: app_commands.AppCommandChannel,
        role: discord.Role | None = None,
        lead: str | None = None,
    ) -> None:
        box = services(interaction)
        assert interaction.guild_id is not None
        try:
            box.people.follow(
                interaction.guild_id, channel.id, schedule.id, role.id if role else None, lead
            )
        except ValueError as exc:
            raise UserError("bad_lead") from exc
        box.on_people_changed()
        mention = f" ({role.mention})" if role else ""
        await interaction.response.send_message(
            reply(
                interaction, "followed", channel=channel.mention, title=schedule.title, role=mention
            ),
            ephemeral=True,
            allowed_mentions=discord.AllowedMentions.none(),
        )

    @app_commands.command(
        name=_("unfollow"), description=_("Stop reminders for an agenda in a channel")
    )
    @app_commands.describe(
        schedule=_("Which agenda (default: the only one)"), channel=_("Where reminders go")
    )
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_events=True)
    @app_commands.check(require_manage_events)
    async def unfollow(
        self,
        interaction: discord.Interaction[Any],
        schedule: app_commands.Transform[Schedule, ScheduleTransformer],
        channel: app_commands.AppCommandChannel,
    ) -> None:
        box = services(interaction)
        assert interaction.guild_id is not None
        removed = box.people.unfollow(interaction.guild_id, channel.id, schedule.id)
        box.on_people_changed()
        key = "unfollowed" if removed else "not_following"
        await interaction.response.send_message(
            reply(interaction, key, channel=channel.mention, title=schedule.title), ephemeral=True
        )


@app_commands.guild_only()
@app_commands.default_permissions(manage_events=True)
class SchedulesCog(
    commands.GroupCog, group_name=_("schedules"), group_description=_("Agendas available here")
):
    @app_commands.command(name=_("list"), description=_("List the agendas"))
    @app_commands.check(require_manage_events)
    async def list_schedules(self, interaction: discord.Interaction[Any]) -> None:
        box = services(interaction)
        found = box.schedules(interaction.guild_id)
        if not found:
            await interaction.response.send_message(
                reply(interaction, "no_schedules"), ephemeral=True
            )
            return
        lines = "\n".join(
            f"`{s.id}` — {s.title} ({len(s.sessions)}, {s.timezone_name})" for s in found
        )
        await interaction.response.send_message(
            reply(interaction, "schedules_list", lines=lines)[:2000], ephemeral=True
        )

    @app_commands.command(
        name=_("import"), description=_("Import an attached agenda for this server")
    )
    @app_commands.describe(file=_("A Markdown, YAML or .ics agenda"))
    @app_commands.check(require_manage_events)
    async def import_schedule(
        self, interaction: discord.Interaction[Any], file: discord.Attachment
    ) -> None:
        box = services(interaction)
        if format_of(file.filename) is None:
            raise UserError("import_format")
        if file.size > MAX_BYTES:
            raise UserError(
                "import_failed",
                name=file.filename,
                problems=f"{file.size} bytes: over the 1 MB limit",
            )
        await interaction.response.defer(ephemeral=True, thinking=True)
        data = await file.read()
        name = Path(file.filename).name
        result = await asyncio.to_thread(read_bytes, data, name, box.library.options)
        problems = "\n".join(
            f"line {d.line}: {d.message}" if d.line else d.message for d in result.diagnostics
        )
        errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
        if not result.schedules or errors:
            await interaction.followup.send(
                reply(interaction, "import_failed", name=name, problems=problems[:1800]),
                ephemeral=True,
            )
            return
        folder = box.guild_folder / str(interaction.guild_id)
        folder.mkdir(parents=True, exist_ok=True)
        stem = slugify(Path(name).stem) or "agenda"
        target = folder / f"{stem}{Path(name).suffix.lower()}"
        await asyncio.to_thread(target.write_bytes, data)
        await box.library.reload()
        schedule = result.schedules[0]
        text = reply(
            interaction,
            "imported",
            title=schedule.title,
            sessions=len(schedule.sessions),
            schedule=schedule.id,
        )
        warnings = [d for d in result.diagnostics if d.severity is Severity.WARNING]
        if warnings:
            text += "\n" + reply(interaction, "import_warnings", problems=problems[:1500])
        await interaction.followup.send(text[:2000], ephemeral=True)
