"""The bot: a discord.py client with app commands only, no privileged intents."""

from __future__ import annotations

import logging
from typing import Any

import discord
import yarl
from discord.ext import commands
from discord.gateway import DiscordWebSocket

from bot.discord.cogs.agenda_cog import AgendaCog, CalendarButton, StarButton
from bot.discord.cogs.calendar_cog import CalendarCog
from bot.discord.cogs.organizers_cog import FollowCog, SchedulesCog
from bot.discord.cogs.reminders_cog import RemindCog, StarsCog
from bot.discord.cogs.timezone_cog import TimezoneCog
from bot.discord.errors import on_tree_error
from bot.discord.i18n import AgendaTranslator
from bot.discord.services import BotServices

log = logging.getLogger(__name__)


def intents() -> discord.Intents:
    """Guilds only: slash commands need no message content, members or presences."""
    chosen = discord.Intents.none()
    chosen.guilds = True
    return chosen


class AgendaBot(commands.AutoShardedBot):
    """Sharded from the start: one process may run all shards (the default, as many as Discord
    recommends) or only `shard_ids` of `shard_count` when the bot is spread over processes."""

    def __init__(
        self,
        services: BotServices,
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
            **sharding,
        )
        self.services = services
        self.dev_guild = dev_guild
        self.sync_commands = sync_commands
        self.custom_gateway = custom_gateway
        self.tree.on_error = on_tree_error  # type: ignore[method-assign]

    async def setup_hook(self) -> None:
        await self.tree.set_translator(AgendaTranslator())
        for cog in (
            TimezoneCog(),
            AgendaCog(self),
            CalendarCog(),
            RemindCog(),
            StarsCog(),
            FollowCog(),
            SchedulesCog(),
        ):
            await self.add_cog(cog)
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
            self.services.people.seen_in_guild(interaction.user.id, interaction.guild_id)
