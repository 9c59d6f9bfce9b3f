"""How times and sessions look in replies: written out in the member's zone when they set one,
Discord timestamps (shown in the reader's own zone) otherwise."""

from __future__ import annotations

from datetime import datetime, tzinfo

import discord

from bot.discord.i18n import text_for
from bot.domain.agenda import Schedule, Session
from bot.domain.reminders.render import discord_time, local_time
from bot.domain.zones.naming import zone_name


def when(moment: datetime, tz: tzinfo | None, locale: str | None) -> str:
    if tz is None:
        return discord_time(moment, "F")
    return f"{local_time(moment, tz, locale)} ({zone_name(tz)})"


def clock(moment: datetime, tz: tzinfo | None) -> str:
    return discord_time(moment, "t") if tz is None else f"{moment.astimezone(tz):%H:%M}"


def session_embed(
    schedule: Schedule, session: Session, tz: tzinfo | None, locale: str | None
) -> discord.Embed:
    embed = discord.Embed(title=session.title[:256], description=schedule.title[:4096])
    span = when(session.start, tz, locale)
    if session.end is not None:
        span += f" – {clock(session.end, tz)}"
    embed.add_field(
        name=text_for(locale, "when"),
        value=f"{span}\n{discord_time(session.start, 'R')}",
        inline=False,
    )
    if session.speakers:
        embed.add_field(
            name=text_for(locale, "speakers"),
            value="\n".join(str(s) for s in session.speakers)[:1024],
            inline=False,
        )
    place = ", ".join(p for p in (session.track, session.location, schedule.venue) if p)
    if place:
        embed.add_field(name=text_for(locale, "where"), value=place[:1024], inline=False)
    if session.links:
        links = "\n".join(f"[{link.label or link.url}]({link.url})" for link in session.links)
        embed.add_field(name=text_for(locale, "links"), value=links[:1024], inline=False)
    if session.description:
        embed.add_field(name="·", value=session.description[:1024], inline=False)
    return embed
