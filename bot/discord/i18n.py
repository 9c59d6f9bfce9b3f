"""Replies in the member's language, and command names and descriptions localised through
discord.py's Translator (the words of both are in `bot.texts.catalogue`)."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from bot.texts import text_for
from bot.texts.catalogue import COMMANDS_ZH


def reply(interaction: discord.Interaction[Any], key: str, **values: object) -> str:
    """The reply `key` in the language of the member's Discord client."""
    return text_for(str(interaction.locale), key, **values)


class AgendaTranslator(app_commands.Translator):
    """Localises command names, descriptions and options for zh-CN; others stay English."""

    async def translate(
        self,
        string: app_commands.locale_str,
        locale: discord.Locale,
        context: app_commands.TranslationContextTypes,
    ) -> str | None:
        if locale is not discord.Locale.chinese:
            return None
        return COMMANDS_ZH.get(string.message)
