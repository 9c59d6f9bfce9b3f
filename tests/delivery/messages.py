"""Small reminder messages for the senders' tests, and the text Discord receives for them."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.delivery.formats.discord_markup import discord_markup
from bot.domain.reminders.message import MessageKind, ReminderMessage

START = datetime(2026, 3, 1, 11, 0, tzinfo=UTC)


def message(title: str) -> ReminderMessage:
    return ReminderMessage(MessageKind.SESSION, title, "Conf", START)


def shown_in_discord(title: str) -> str:
    """What a Discord channel shows for `message(title)`."""
    return discord_markup(message(title))
