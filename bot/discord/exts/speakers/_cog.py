"""/speaker name: a speaker's profile and their sessions here, with names autocompleted in
any script."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import discord
from discord import app_commands
from discord.app_commands import locale_str as _
from discord.ext import commands

from bot.app.speakers import find_profile, search_profiles, sessions_of
from bot.discord.errors import UserError
from bot.discord.exts.speakers._profile import profile_title, speaker_embed
from bot.discord.limits import CHOICES, ECHO, clip, fit_choices
from bot.discord.replies import respond
from bot.discord.transformers import services
from bot.domain.speakers.profile import Profile
from bot.texts import text_for

CLOSE = 3  # names offered when what was typed matches nobody


def choice_label(profile: Profile, locale: str | None) -> str:
    """ "Huabing Zhao (赵化冰) · Tetrate": every script's name, so a member finds the person
    whichever they typed, and the affiliation to tell namesakes apart."""
    label = profile_title(profile, locale)
    affiliation = profile.affiliation_in(locale)
    return f"{label} · {affiliation}" if affiliation else label


async def speaker_autocomplete(
    interaction: discord.Interaction[Any], value: str
) -> list[app_commands.Choice[str]]:
    """Speakers whose name (in any script) is, starts with or contains what was typed, in any
    order, case or accents, then names spelt alike: every name /speaker takes is offered."""
    locale = str(interaction.locale)
    found = search_profiles(services(interaction).agendas.snapshot.speakers, value, CHOICES)
    return fit_choices(
        [app_commands.Choice(name=choice_label(p, locale), value=p.id) for p in found]
    )


def close_matches(profiles: Mapping[str, Profile], typed: str) -> list[Profile]:
    """Profiles a mistyped name may have meant: names containing it, else names spelt alike
    (in any order: "Zhao Huabin" is close to "Huabing Zhao")."""
    if not typed.strip():
        return []
    return search_profiles(profiles, typed, CLOSE)


def unknown_speaker(profiles: Mapping[str, Profile], typed: str, locale: str | None) -> UserError:
    """What was typed, repeated, and the names it may have meant."""
    shown = clip(typed.strip(), ECHO)
    close = [
        f"**{discord.utils.escape_markdown(p.name_in(locale))}**"
        for p in close_matches(profiles, typed)
    ]
    if not close:
        return UserError("speaker_unknown", name=shown)
    names = close[-1]
    if len(close) > 1:
        names = (
            text_for(locale, "speaker_comma").join(close[:-1])
            + text_for(locale, "speaker_or")
            + close[-1]
        )
    return UserError("speaker_unknown_close", name=shown, names=names)


class SpeakersCog(commands.Cog):
    @app_commands.command(name=_("speaker"), description=_("A speaker's profile and sessions"))
    @app_commands.describe(name=_("The speaker's name, in any script"))
    @app_commands.autocomplete(name=speaker_autocomplete)
    async def speaker(self, interaction: discord.Interaction[Any], name: str) -> None:
        box = services(interaction)
        locale = str(interaction.locale)
        profiles = box.agendas.snapshot.speakers
        profile = find_profile(profiles, name)
        if profile is None:
            raise unknown_speaker(profiles, name, locale)
        tz = await box.members.zone(interaction.user.id)
        sessions = sessions_of(profile, box.agendas.visible(interaction.guild_id))
        embed = speaker_embed(
            profile, sessions, tz=tz, locale=locale, now=box.clock(), base_url=box.base_url
        )
        await respond(interaction, embed=embed)
