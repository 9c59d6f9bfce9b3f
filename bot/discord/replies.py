"""Sending a reply to an interaction: within Discord's limits, as the first response or as a
followup when the interaction was already answered (deferred)."""

from __future__ import annotations

from io import BytesIO
from typing import Any

import discord

from bot.app.calendars import CalendarFile
from bot.discord.limits import fit_content, fit_embed


def attachment(made: CalendarFile) -> discord.File:
    """A calendar file as an attachment to a reply."""
    return discord.File(BytesIO(made.data), filename=made.filename)


async def respond(
    interaction: discord.Interaction[Any],
    content: str | None = None,
    *,
    embed: discord.Embed | None = None,
    view: discord.ui.View | None = None,
    file: discord.File | None = None,
    allowed_mentions: discord.AllowedMentions | None = None,
    ephemeral: bool = True,
) -> None:
    """Every reply goes through here, so none can be refused for its size."""
    options: dict[str, Any] = {"ephemeral": ephemeral}
    if content is not None:
        options["content"] = fit_content(content)
    if embed is not None:
        options["embed"] = fit_embed(embed)
    if view is not None:
        options["view"] = view
    if file is not None:
        options["file"] = file
    if allowed_mentions is not None:
        options["allowed_mentions"] = allowed_mentions
    if interaction.response.is_done():
        await interaction.followup.send(**options)
    else:
        await interaction.response.send_message(**options)
