"""Reminders as a Discord channel webhook posts them: Discord's markup, and a payload that may
mention only the message's role."""

from __future__ import annotations

from bot.delivery.formats.discord_markup import discord_markup
from bot.domain.reminders.message import ReminderMessage


def webhook_payload(message: ReminderMessage) -> dict[str, object]:
    """The JSON body of Execute Webhook for `message`."""
    mentions: dict[str, object] = {"parse": []}
    if message.role_id is not None:
        mentions["roles"] = [str(message.role_id)]
    return {"content": discord_markup(message), "allowed_mentions": mentions}
