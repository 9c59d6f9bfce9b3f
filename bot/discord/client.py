"""The bot: a discord.py client with app commands only, no privileged intents."""

from __future__ import annotations

import logging
import pkgutil
from typing import Any

import discord
import yarl
from discord.ext import commands
from discord.gateway import DiscordWebSocket

from bot.discord import exts
from bot.discord.buttons import CalendarButton, StarButton
from bot.discord.errors import on_tree_error
from bot.discord.i18n import AgendaTranslator
from bot.discord.services import UseCases

log = logging.getLogger(__name__)

# Gateway close codes after which Discord will not take the bot back without a change on our side.
CLOSE_REASONS = {
    4004: "the token was refused",
    4010: "an invalid shard was sent",
    4011: "the bot needs more shards",
    4012: "the gateway version is not supported",
    4013: "invalid intents were sent",
    4014: "the bot asks for intents it is not allowed",
}


class DiscordUnavailableError(RuntimeError):
    """Logging in or staying connected to Discord failed for good: the process should stop with
    an error status rather than run on without its bot."""


def _reason(error: BaseException) -> str:
    """One line for the log: what failed, without a traceback, and never the token."""
    if isinstance(error, discord.ConnectionClosed):
        why = CLOSE_REASONS.get(error.code)
        return f"the gateway closed with code {error.code}" + (f": {why}" if why else "")
    if isinstance(error, discord.PrivilegedIntentsRequired):
        return CLOSE_REASONS[4014]
    if isinstance(error, discord.LoginFailure):
        return CLOSE_REASONS[4004]
    if isinstance(error, discord.HTTPException):
        return f"Discord answered {error.status} {error.text or error.response.reason}".strip()
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def extensions() -> list[str]:
    """Every feature package under `bot.discord.exts`, in name order."""
    return sorted(
        f"{exts.__name__}.{module.name}"
        for module in pkgutil.iter_modules(exts.__path__)
        if module.ispkg and not module.name.startswith("_")
    )


def intents() -> discord.Intents:
    """Guilds, and their scheduled events (not privileged: "Interested" clicks on the events
    `/events publish` made count as RSVPs). Slash commands need no message content, members or
    presences."""
    chosen = discord.Intents.none()
    chosen.guilds = True
    chosen.guild_scheduled_events = True
    return chosen


class AgendaBot(commands.AutoShardedBot):
    """Sharded from the start: one process may run all shards (the default, as many as Discord
    recommends) or only `shard_ids` of `shard_count` when the bot is spread over processes."""

    def __init__(
        self,
        services: UseCases,
        *,
        dev_guild: int | None = None,
        sync_commands: bool = True,
        custom_gateway: bool = False,
        shard_count: int | None = None,
        shard_ids: tuple[int, ...] | None = None,
    ) -> None:
        sharding: dict[str, Any] = {}
        if shard_ids is not None:
            sharding = {"shard_count": shard_count, "shard_ids": list(shard_ids)}
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents(),
            help_command=None,
            # A 429 asking for a longer wait comes back to the reminder runtime, which plans
            # the retry at that time, instead of holding a delivery claim while sleeping.
            max_ratelimit_timeout=30,
            **sharding,
        )
        self.services = services
        self.dev_guild = dev_guild
        self.sync_commands = sync_commands
        self.custom_gateway = custom_gateway
        self.tree.on_error = on_tree_error  # type: ignore[method-assign]

    async def login(self, token: str) -> None:
        """Log in and set up (commands synced); DiscordUnavailableError when that fails."""
        try:
            await super().login(token)
        except Exception as exc:
            reason = _reason(exc)
            log.error("could not log in to Discord: %s", reason)
            await self.close()
            raise DiscordUnavailableError(f"could not log in to Discord: {reason}") from exc

    async def connect(self, *, reconnect: bool = True) -> None:
        """The gateway connection, until `close()`. discord.py reconnects by itself after what can
        pass; what cannot (a refused token or intents) ends here as DiscordUnavailableError."""
        try:
            await super().connect(reconnect=reconnect)
        except Exception as exc:
            reason = _reason(exc)
            log.error("the Discord connection failed for good: %s", reason)
            await self.close()
            raise DiscordUnavailableError(f"the Discord connection failed: {reason}") from exc

    async def setup_hook(self) -> None:
        await self.tree.set_translator(AgendaTranslator())
        for extension in extensions():
            await self.load_extension(extension)
        self.add_dynamic_items(StarButton, CalendarButton)
        if self.custom_gateway:
            # Behind DISCORD_API_BASE the gateway is wherever that server says it is.
            _shards, url, _limit = await self.http.get_bot_gateway()
            DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(url)
        if self.sync_commands:
            if self.dev_guild:
                guild = discord.Object(self.dev_guild)
                self.tree.copy_global_to(guild=guild)
                synced = await self.tree.sync(guild=guild)
            else:
                synced = await self.tree.sync()
            log.info("synced %d application commands", len(synced))

    async def on_ready(self) -> None:
        log.info("connected to Discord as %s in %d guilds", self.user, len(self.guilds))

    async def on_interaction(self, interaction: discord.Interaction[Any]) -> None:
        # Channel reminders write times out in the zones of a guild's members: remember who is where.
        if interaction.guild_id is not None:
            await self.services.members.seen_in_guild(interaction.user.id, interaction.guild_id)
