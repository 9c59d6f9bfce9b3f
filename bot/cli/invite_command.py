"""`agenda-bot invite-url`: the link that adds the bot to a server."""

from __future__ import annotations

import base64
import binascii
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    import discord

    from bot.config import Settings

SCOPES = ("bot", "applications.commands")


def bot_permissions() -> discord.Permissions:
    """Exactly what the bot does: read the channels it posts to, post reminders with links,
    attach .ics files, keep the server's Events tab in step with its agendas (`/events
    publish`: Create Events covers creating events and editing or deleting the ones the bot
    made). Roles it mentions must be mentionable; it never needs @everyone."""
    import discord

    return discord.Permissions(
        view_channel=True,
        send_messages=True,
        embed_links=True,
        attach_files=True,
        create_events=True,
    )


def client_id_from_token(token: str) -> int | None:
    """A bot token starts with the bot's user id in base64, which is its application id."""
    head = token.split(".", 1)[0]
    try:
        decoded = base64.b64decode(head + "=" * (-len(head) % 4), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        return None
    return int(decoded) if decoded.isdigit() else None


@click.command("invite-url")
@click.option(
    "--client-id", type=int, help="The application id (default: read from DISCORD_TOKEN)."
)
@click.pass_obj
def invite_url(settings: Settings, client_id: int | None) -> None:
    """Print the OAuth2 URL that adds the bot with the scopes and permissions it needs."""
    from discord.utils import oauth_url

    if client_id is None and settings.discord_token:
        client_id = client_id_from_token(settings.discord_token)
    if client_id is None:
        raise click.UsageError("give --client-id (the application id) or set DISCORD_TOKEN")
    click.echo(oauth_url(client_id, permissions=bot_permissions(), scopes=SCOPES))
