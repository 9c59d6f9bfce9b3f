"""Option parsing shared by the commands: zones, agendas and sessions, with autocomplete.

Domain errors become UserError here, so the domain never learns about Discord.
"""

from __future__ import annotations

from datetime import UTC, tzinfo
from typing import Any

import discord
from discord import app_commands

from bot.app.agendas import session_key, title_key
from bot.discord.errors import UserError
from bot.discord.limits import CHOICE, ECHO, clip, fit_choices, length
from bot.discord.member_zones import zone_label
from bot.discord.services import UseCases
from bot.domain.agenda import Schedule, Session
from bot.domain.zones.catalog import zone_suggestions
from bot.domain.zones.resolve import UnknownZoneError

LIMIT = 25
AGENDA_LABEL = 30  # how much of an agenda's title a session choice shows beside it


def services(interaction: discord.Interaction[Any]) -> UseCases:
    found: UseCases = interaction.client.services
    return found


class ZoneTransformer(app_commands.Transformer):
    """A zone as typed or picked -> the zone."""

    async def transform(self, interaction: discord.Interaction[Any], value: str) -> tzinfo:
        try:
            return services(interaction).resolver.parse(value).tz
        except UnknownZoneError:
            raise UserError("unknown_zone", zone=clip(value, ECHO)) from None

    async def autocomplete(  # type: ignore[override]
        self, interaction: discord.Interaction[Any], value: str
    ) -> list[app_commands.Choice[str]]:
        table = services(interaction).resolver.abbreviations
        return fit_choices(
            [
                app_commands.Choice(name=choice.label, value=choice.zone)
                for choice in zone_suggestions(value, table, LIMIT)
            ]
        )


class ScheduleTransformer(app_commands.Transformer):
    """An agenda id (autocompleted by title) -> the Schedule visible in this guild."""

    async def transform(self, interaction: discord.Interaction[Any], value: str) -> Schedule:
        schedule = services(interaction).agendas.schedule(interaction.guild_id, value)
        if schedule is None:
            raise UserError("unknown_schedule", schedule=clip(value, ECHO))
        return schedule

    async def autocomplete(  # type: ignore[override]
        self, interaction: discord.Interaction[Any], value: str
    ) -> list[app_commands.Choice[str]]:
        typed = value.lower()
        locale = str(interaction.locale)
        found = [
            s
            for s in services(interaction).agendas.visible(interaction.guild_id)
            if typed in s.id or _titled(typed, s.title, s.titles)
        ]
        return fit_choices(
            [app_commands.Choice(name=f"{s.title_in(locale)} ({s.id})", value=s.id) for s in found]
        )


def _titled(typed: str, title: str, titles: tuple[tuple[str, str], ...]) -> bool:
    """Whether `typed` is in the title in any of the agenda's languages, case and spacing
    aside (what the commands take: "gateway api  in" finds "Gateway API in Practice")."""
    wanted = title_key(typed)
    return wanted in title_key(title) or any(wanted in title_key(other) for _, other in titles)


def session_choice_value(schedule: Schedule, session: Session) -> str:
    """ "agenda/session" for a choice offered without an agenda chosen; "#key" if that is long."""
    value = f"{schedule.id}/{session.id}"
    return value if length(value) <= CHOICE else f"#{session_key(schedule.id, session.id)}"


async def session_autocomplete(
    interaction: discord.Interaction[Any], value: str
) -> list[app_commands.Choice[str]]:
    """Sessions of the agenda chosen in the same command; with none chosen, of every agenda
    here, each labelled with its agenda. Times are in the member's zone, or UTC."""
    box = services(interaction)
    chosen = getattr(interaction.namespace, "schedule", None)
    schedules = box.agendas.visible(interaction.guild_id)
    if chosen:
        schedules = [s for s in schedules if s.id == str(chosen)]
    several = len(schedules) > 1
    tz = await box.members.zone(interaction.user.id) or UTC
    typed = value.lower()
    locale = str(interaction.locale)
    choices = []
    for schedule in schedules:
        for session in schedule.sessions:
            if not _titled(typed, session.title, session.titles) and typed not in session.id:
                continue
            if session.all_day:
                when = f"{session.start.astimezone(schedule.timezone):%m-%d}"
            else:
                when = f"{session.start.astimezone(tz):%m-%d %H:%M} {zone_label(tz)}"
            agenda = f" ({clip(schedule.title_in(locale), AGENDA_LABEL)})" if several else ""
            room = CHOICE - length(when) - length(agenda) - 1
            label = f"{when} {clip(session.title_in(locale), room)}{agenda}"
            choices.append(
                app_commands.Choice(
                    name=label,
                    value=session_choice_value(schedule, session) if several else session.id,
                )
            )
            if len(choices) == LIMIT:
                return fit_choices(choices)
    return fit_choices(choices)


def only_schedule(interaction: discord.Interaction[Any], schedule: Schedule | None) -> Schedule:
    """The chosen agenda, or the only one there is."""
    if schedule is not None:
        return schedule
    visible = services(interaction).agendas.visible(interaction.guild_id)
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


def session_reference(
    interaction: discord.Interaction[Any], schedule: Schedule | None, value: str
) -> tuple[Schedule, str]:
    """The agenda and session id a session option names: a choice made across agendas carries
    its agenda ("agenda/session" or "#key"); a bare session id needs the agenda chosen, or the
    only one there is."""
    agendas = services(interaction).agendas
    if value.startswith("#"):
        found = agendas.by_key(interaction.guild_id, value[1:])
        if found is not None and (schedule is None or found[0].id == schedule.id):
            return found[0], found[1].id
    agenda, slash, session_id = value.partition("/")
    if slash and (schedule is None or schedule.id == agenda):
        named = agendas.schedule(interaction.guild_id, agenda)
        if named is not None:
            return named, session_id
    return only_schedule(interaction, schedule), value


def pick_session(
    interaction: discord.Interaction[Any], schedule: Schedule | None, value: str
) -> tuple[Schedule, Session]:
    """The session a command's option names: a choice's value, an id, or a title as typed in
    any of its agenda's languages; in the chosen agenda, else in any agenda here. Several
    sessions named alike are listed for the member to choose from."""
    box = services(interaction)
    found = box.agendas.named(
        interaction.guild_id,
        value,
        schedule_id=schedule.id if schedule is not None else None,
        now=box.clock(),
    )
    if len(found) == 1:
        return found[0]
    locale = str(interaction.locale)
    typed = clip(value.strip(), ECHO)
    if found:
        raise UserError("several_sessions", session=typed, choices=_listed(found, locale))
    if schedule is None:
        visible = box.agendas.visible(interaction.guild_id)
        if not visible:
            raise UserError("no_schedules")
        if len(visible) > 1:
            raise UserError("unknown_session_anywhere", session=typed)
        schedule = visible[0]
    raise UserError("unknown_session", schedule=schedule.title_in(locale), session=typed)


def starred_reference(
    interaction: discord.Interaction[Any], schedule: Schedule | None, value: str
) -> tuple[Schedule, str, Session | None]:
    """The session an unstar names: as `pick_session` finds it, or, for one gone from its
    agenda since it was starred, the agenda and the id the option names (None: no session)."""
    try:
        chosen, found = pick_session(interaction, schedule, value)
    except UserError as error:
        if error.key == "several_sessions":
            raise
        chosen, session_id = session_reference(interaction, schedule, value)
        return chosen, session_id, None
    return chosen, found.id, found


SEVERAL_SHOWN = 10


def _listed(found: list[tuple[Schedule, Session]], locale: str) -> str:
    """One line a session, to choose from: what to type for it, its title and its agenda."""
    lines = [
        f"• `{session_choice_value(schedule, session)}` — "
        f"{clip(session.title_in(locale), AGENDA_LABEL * 2)} "
        f"({clip(schedule.title_in(locale), AGENDA_LABEL)})"
        for schedule, session in found[:SEVERAL_SHOWN]
    ]
    if len(found) > SEVERAL_SHOWN:
        lines.append("…")
    return "\n".join(lines)
