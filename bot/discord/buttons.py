"""The buttons under a session's details: "Remind me" (stars it) and "Add to calendar" (sends
its .ics). They name the session by key in their custom id (`star:<key>`, `ics:<key>`), so they
keep working after a restart without a stored view."""

from __future__ import annotations

import re
from typing import Any, Self

import discord

from bot.app.calendars import session_file
from bot.discord.errors import UserError, answer_error
from bot.discord.formatting import starred_text
from bot.discord.i18n import reply
from bot.discord.replies import attachment, respond
from bot.discord.transformers import services
from bot.domain.agenda import Schedule, Session


class _SessionButton:
    """A button that names a session by key. Mixed into DynamicItems."""

    prefix = ""
    emoji = ""
    style = discord.ButtonStyle.secondary

    def __init__(self, key: str, label: str) -> None:
        super().__init__(  # type: ignore[call-arg]  # DynamicItem.__init__ takes the button
            discord.ui.Button(
                label=label, emoji=self.emoji, style=self.style, custom_id=f"{self.prefix}:{key}"
            )
        )
        self.key = key

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
    ) -> Self:
        return cls(match["key"], getattr(item, "label", "") or "")

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        # Buttons are not commands: their errors never reach the tree's handler, so they are
        # answered here, or the member would see only "This interaction failed".
        try:
            found = services(interaction).agendas.by_key(interaction.guild_id, self.key)
            if found is None:
                raise UserError("session_gone")
            await self.act(interaction, *found)
        except Exception as exc:  # every failure gets an answer (and a log line)
            await answer_error(interaction, exc, f"button {self.prefix}")

    async def act(
        self, interaction: discord.Interaction[Any], schedule: Schedule, session: Session
    ) -> None:
        raise NotImplementedError


class StarButton(
    _SessionButton,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"star:(?P<key>[0-9a-f]{20})",
):
    prefix, emoji, style = "star", "⭐", discord.ButtonStyle.primary

    async def act(
        self, interaction: discord.Interaction[Any], schedule: Schedule, session: Session
    ) -> None:
        locale = str(interaction.locale)
        starred = await services(interaction).stars.star(
            interaction.user.id, schedule, session, locale=locale
        )
        await respond(interaction, starred_text(locale, session.title_in(locale), starred))


class CalendarButton(
    _SessionButton,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"ics:(?P<key>[0-9a-f]{20})",
):
    prefix, emoji = "ics", "📅"

    async def act(
        self, interaction: discord.Interaction[Any], schedule: Schedule, session: Session
    ) -> None:
        box = services(interaction)
        made = session_file(box.agendas.snapshot, schedule, session, base_url=box.base_url)
        await respond(
            interaction,
            reply(interaction, "ics_file", what=session.title_in(str(interaction.locale))),
            file=attachment(made),
        )
