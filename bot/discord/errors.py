"""Errors members can cause, answered in their language; anything else is logged and apologised for."""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands

from bot.app.errors import Refused
from bot.discord.i18n import reply
from bot.discord.limits import ECHO, clip
from bot.discord.replies import respond

log = logging.getLogger(__name__)


class UserError(app_commands.AppCommandError):
    """A failure the member can fix: the reply key and its values."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


async def on_tree_error(
    interaction: discord.Interaction[Any], error: app_commands.AppCommandError
) -> None:
    """CommandTree.on_error: a clear ephemeral answer, or an apology and a log line with context."""
    original = error.__cause__ if isinstance(error, app_commands.TransformerError) else error
    if isinstance(error, app_commands.TransformerError) and isinstance(original, UserError):
        error = original
    if isinstance(error, app_commands.MissingPermissions | app_commands.CheckFailure):
        await respond(interaction, reply(interaction, "no_permission"))
        return
    command = interaction.command.qualified_name if interaction.command else "?"
    await answer_error(interaction, getattr(error, "original", error), f"command {command}")


async def answer_error(interaction: discord.Interaction[Any], error: Exception, what: str) -> None:
    """The member's own mistake is explained; anything else is logged with `what` failed, for
    whom and where, and apologised for. Buttons answer through here too: an unanswered click
    leaves the member with "This interaction failed"."""
    if isinstance(error, UserError):
        text = reply(interaction, error.key, **error.values)
    elif isinstance(error, Refused):
        # What a use case turned down names what was typed: repeated, but never at length.
        values = {k: clip(v, ECHO) if isinstance(v, str) else v for k, v in error.values.items()}
        text = reply(interaction, error.key, **values)
    else:
        log.error(
            "%s failed for user %s in guild %s",
            what,
            interaction.user.id,
            interaction.guild_id,
            exc_info=error,
        )
        text = reply(interaction, "apology")
    await respond(interaction, text)
