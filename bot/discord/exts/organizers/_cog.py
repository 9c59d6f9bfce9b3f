"""/follow, /unfollow, /schedules list, /schedules import, /schedules add, /schedules remove."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

import discord
from discord import app_commands
from discord.app_commands import locale_str as _
from discord.ext import commands

from bot.app.sources import DEFAULT_INTERVAL, SHORTEST_INTERVAL, SourceStatus
from bot.discord.errors import UserError
from bot.discord.i18n import reply
from bot.discord.limits import CONTENT, ECHO, clip, length
from bot.discord.replies import respond
from bot.discord.transformers import ScheduleTransformer, require_manage_events, services
from bot.domain.agenda import Schedule
from bot.domain.diagnostics import Diagnostic, Severity
from bot.domain.readers.source import MAX_BYTES, format_of
from bot.texts.problems import problem_text


def _problems(diagnostics: list[Diagnostic], locale: str) -> str:
    return "\n".join(problem_text(d, locale) for d in diagnostics)


def _source_line(interaction: discord.Interaction[Any], status: SourceStatus) -> str:
    url = clip(status.url, ECHO)
    when = (
        f"<t:{int(status.checked_at.timestamp())}:R>"
        if status.checked_at is not None
        else reply(interaction, "source_unchecked")
    )
    # The ids its agendas are live under (they may differ from the page's own).
    ids = "".join(f" `{clip(i, ECHO)}`" for i in status.schedule_ids)
    arrow = f" →{ids}" if ids else ""
    if status.ok:
        line = reply(interaction, "source_ok", url=url, interval=status.interval_minutes, when=when)
        return line + arrow
    if status.failures == 0:
        key = "source_not_shown"
    else:
        key = "source_failing_one" if status.failures == 1 else "source_failing"
    line = reply(
        interaction,
        key,
        url=url,
        interval=status.interval_minutes,
        failures=status.failures,
        error=clip(status.error or "", ECHO),
        when=when,
    )
    return line + arrow


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
        assert interaction.guild_id is not None
        await services(interaction).follows.follow(
            interaction.guild_id,
            channel.id,
            schedule.id,
            role_id=role.id if role else None,
            leads=lead,
        )
        mention = f" ({role.mention})" if role else ""
        await respond(
            interaction,
            reply(
                interaction,
                "followed",
                channel=channel.mention,
                title=schedule.title_in(str(interaction.locale)),
                role=mention,
            ),
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
        assert interaction.guild_id is not None
        removed = await services(interaction).follows.unfollow(
            interaction.guild_id, channel.id, schedule.id
        )
        key = "unfollowed" if removed else "not_following"
        await respond(
            interaction,
            reply(
                interaction,
                key,
                channel=channel.mention,
                title=schedule.title_in(str(interaction.locale)),
            ),
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
        found = box.agendas.visible(interaction.guild_id)
        statuses = await box.sources.statuses(interaction.guild_id) if box.sources else []
        if not found:
            text = reply(interaction, "no_schedules")
        else:
            lines = "\n".join(
                f"`{s.id}` — {s.title_in(str(interaction.locale))} "
                f"({len(s.sessions)}, {s.timezone_name})"
                for s in found
            )
            text = reply(interaction, "schedules_list", lines=lines)
        if statuses:
            lines = "\n".join(_source_line(interaction, s) for s in statuses)
            text += "\n" + reply(interaction, "sources_list", lines=lines)
        await respond(interaction, text)

    @app_commands.command(
        name=_("add"), description=_("Follow an agenda from its URL in this server")
    )
    @app_commands.describe(
        url=_("An http(s) link to a Markdown, .ics or web page agenda"),
        interval=_("Minutes between checks (default 30, at least 5)"),
    )
    @app_commands.check(require_manage_events)
    async def add_source(
        self,
        interaction: discord.Interaction[Any],
        url: str,
        interval: app_commands.Range[int, SHORTEST_INTERVAL, 24 * 60] | None = None,
    ) -> None:
        assert interaction.guild_id is not None
        desk = services(interaction).sources
        if desk is None:
            raise UserError("sources_off")
        url = url.strip()
        shown = clip(url, ECHO)
        await interaction.response.defer(ephemeral=True, thinking=True)
        outcome = await desk.add(interaction.guild_id, url, interval)
        locale = str(interaction.locale)
        if outcome.already:
            text = reply(interaction, "source_already", url=shown)
        elif outcome.taken is not None:
            text = reply(
                interaction, "source_id_taken", url=shown, schedule=clip(outcome.taken, ECHO)
            )
        elif not outcome.added:
            result = outcome.result
            errors = (
                [d for d in result.diagnostics if d.severity is Severity.ERROR] if result else []
            )
            problem = _problems(errors, locale) if errors else (outcome.error or "")
            text = reply(interaction, "source_add_failed", url=shown, problem=problem)
        else:
            assert outcome.result is not None
            schedule = outcome.result.schedules[0]
            text = reply(
                interaction,
                "source_added",
                url=shown,
                title=schedule.title,
                sessions=len(schedule.sessions),
                schedule=schedule.id,
                interval=interval or DEFAULT_INTERVAL,
            )
        await respond(interaction, text)

    @app_commands.command(
        name=_("remove"), description=_("Stop following an agenda URL in this server")
    )
    @app_commands.describe(url=_("A URL this server follows"))
    @app_commands.check(require_manage_events)
    async def remove_source(self, interaction: discord.Interaction[Any], url: str) -> None:
        assert interaction.guild_id is not None
        desk = services(interaction).sources
        if desk is None:
            raise UserError("sources_off")
        url = url.strip()
        removed = await desk.remove(interaction.guild_id, url)
        key = "source_removed" if removed else "source_unknown"
        await respond(interaction, reply(interaction, key, url=clip(url, ECHO)))

    @remove_source.autocomplete("url")
    async def _followed(
        self, interaction: discord.Interaction[Any], value: str
    ) -> list[app_commands.Choice[str]]:
        desk = services(interaction).sources
        if desk is None or interaction.guild_id is None:
            return []
        statuses = await desk.statuses(interaction.guild_id)
        return [
            app_commands.Choice(name=clip(s.url, 100), value=s.url)
            for s in statuses
            if s.guild_id is not None and value.lower() in s.url.lower() and len(s.url) <= 100
        ][:25]

    @app_commands.command(
        name=_("import"), description=_("Import an attached agenda for this server")
    )
    @app_commands.describe(file=_("A Markdown, YAML or .ics agenda"))
    @app_commands.check(require_manage_events)
    async def import_schedule(
        self, interaction: discord.Interaction[Any], file: discord.Attachment
    ) -> None:
        assert interaction.guild_id is not None
        box = services(interaction)
        locale = str(interaction.locale)
        filename = PurePath(file.filename).name
        name = clip(filename, ECHO)
        if format_of(file.filename) is None:
            raise UserError("import_format")
        if file.size > MAX_BYTES:
            too_big = reply(
                interaction,
                "import_too_big",
                size=file.size // 1024,
                limit=MAX_BYTES // 1024,
            )
            raise UserError("import_failed", name=name, problems=too_big)
        await interaction.response.defer(ephemeral=True, thinking=True)
        data = await file.read()
        outcome = await box.imports.import_agenda(interaction.guild_id, filename, data)
        result = outcome.result
        problems = _problems(list(result.diagnostics), locale)
        if outcome.taken is not None:
            await respond(
                interaction,
                reply(
                    interaction, "import_id_taken", name=name, schedule=clip(outcome.taken, ECHO)
                ),
            )
            return
        if not outcome.imported:
            # Errors first: they are why nothing was imported, and the reply may be cut.
            errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
            failed = errors + [d for d in result.diagnostics if d not in errors]
            problems = _problems(failed, locale)
            await respond(
                interaction, reply(interaction, "import_failed", name=name, problems=problems)
            )
            return
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
            room = CONTENT - length(text) - 1
            text += "\n" + clip(reply(interaction, "import_warnings", problems=problems), room)
        await respond(interaction, text)
