"""/agenda, /next, /session, /convert and the "Convert times" message command."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

import discord
from discord import app_commands
from discord.app_commands import locale_str as _
from discord.ext import commands

from bot.app.agendas import session_key
from bot.app.repeats import repeat_label
from bot.delivery.formats.discord_markup import discord_time
from bot.discord.buttons import CalendarButton, StarButton
from bot.discord.errors import UserError
from bot.discord.formatting import clock, quoted_label, session_embed, when
from bot.discord.i18n import reply
from bot.discord.limits import CONTENT, ECHO, FIELD_VALUE, FIELDS, clip, length
from bot.discord.member_zones import zone_label
from bot.discord.replies import respond
from bot.discord.transformers import (
    ScheduleTransformer,
    ZoneTransformer,
    only_schedule,
    pick_session,
    services,
    session_autocomplete,
)
from bot.domain.agenda import Schedule, Session
from bot.domain.agenda_views import Entry, listing, now_and_next
from bot.domain.ics.speakers import agenda_page
from bot.domain.recurrence import expanded
from bot.domain.timetext.quotes import quoted_times
from bot.domain.zones.naming import zone_name
from bot.texts import day_heading, text_for


def agenda_embed(
    schedule: Schedule,
    tz: tzinfo | None,
    locale: str,
    now: datetime,
    only_day: date | None,
) -> discord.Embed:
    """The agenda day by day, in the member's zone (`tz`), with what runs now and next marked,
    titles in the member's language when the agenda has them in it."""
    current, upcoming = now_and_next(schedule, now)
    embed = discord.Embed(title=schedule.title_in(locale), url=schedule.url)
    shown = 0
    zone = tz or schedule.timezone
    shown_days = listing(schedule, zone, now.astimezone(zone).date(), only=only_day)
    if shown_days.more_after is not None:
        more = text_for(locale, "agenda_more", day=day_heading(shown_days.more_after, locale))
        embed.description = more
    for day in shown_days.days:
        lines = []
        for entry in day.entries:
            mark = "▶ " if entry.session in current else "⏭ " if entry.session in upcoming else ""
            start = _agenda_time(entry, tz)
            other = f" ↪ {entry.organizers_day:%m-%d}" if entry.other_day and tz is not None else ""
            text = entry.session.title_in(locale)
            title = f"**{text}**" if mark else text
            label = repeat_label(schedule, entry.session, locale)
            again = f" · 🔁 {label}" if label else ""
            lines.append(f"{mark}{start} {title}{again}{other}")
        value = clip("\n".join(lines), FIELD_VALUE)
        heading = day_heading(day.day, locale)
        if tz is None:  # the days are the organizers' dates; the times, the reader's own clock
            heading = text_for(locale, "agenda_day_organizers", day=heading)
        embed.add_field(name=heading, value=value or "—", inline=False)
        shown += 1
        if shown == FIELDS:
            break
    if shown == 0 and only_day is not None:
        raise UserError(
            "no_day" if tz is not None else "no_day_organizers",
            title=schedule.title_in(locale),
            day=only_day.isoformat(),
        )
    footer = (
        text_for(locale, "agenda_footer", zone=zone_label(tz))
        if tz is not None
        else text_for(locale, "agenda_footer_nozone")
    )
    embed.set_footer(text=footer)
    return embed


NEXT_SHOWN = 5  # sessions /next lists


def coming(schedule: Schedule, now: datetime, count: int = NEXT_SHOWN) -> list[Session]:
    """The next `count` sessions to start after `now` (every one starting with the last of
    them too: parallel tracks are never cut in two), in start order; all-day entries aside."""
    ahead = sorted(
        (s for s in schedule.sessions if not s.all_day and s.start > now),
        key=lambda s: (s.start.timestamp(), s.id),
    )
    if len(ahead) <= count:
        return ahead
    last = ahead[count - 1].start
    return [s for i, s in enumerate(ahead) if i < count or s.start == last]


def _on_day(schedule: Schedule, day: date) -> Schedule:
    """`schedule` with the occurrences of its series around `day` (a day in any zone), which
    may lie outside the window the live agenda keeps expanded; as it is if they cannot be."""
    if not schedule.series:
        return schedule
    try:
        start = datetime.combine(day, time(), UTC) - timedelta(days=1)
        return expanded(schedule, start, start + timedelta(days=3))
    except Exception:  # a day out of range, or a rule the live agenda already reported
        return schedule


def _agenda_time(entry: Entry, tz: tzinfo | None) -> str:
    """A session's time on its agenda line: written out in code style in the member's zone, or
    a Discord timestamp, which Discord shows in the reader's zone, but never inside code."""
    if entry.session.all_day:
        return "`—`"
    if tz is None:
        return discord_time(entry.session.start, "t")
    span = f"{entry.start:%H:%M}" + (f"–{entry.end:%H:%M}" if entry.end is not None else "")
    return f"`{span}`"


class AgendaCog(commands.Cog):
    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot
        self.menu = app_commands.ContextMenu(name=_("Convert times"), callback=self.convert_message)

    async def cog_load(self) -> None:
        self.bot.tree.add_command(self.menu)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.menu.name, type=self.menu.type)

    @app_commands.command(name=_("agenda"), description=_("The agenda in your time zone"))
    @app_commands.describe(
        schedule=_("Which agenda (default: the only one)"),
        day=_("Only this day (YYYY-MM-DD): your zone's date if you set one, else the organizers'"),
    )
    async def agenda(
        self,
        interaction: discord.Interaction[Any],
        schedule: app_commands.Transform[Schedule, ScheduleTransformer] | None = None,
        day: str | None = None,
    ) -> None:
        chosen = only_schedule(interaction, schedule)
        only_day = None
        if day:
            try:
                only_day = date.fromisoformat(day.strip())
            except ValueError:
                raise UserError("bad_day", day=clip(day, ECHO)) from None
        box = services(interaction)
        tz = await box.members.zone(interaction.user.id)
        if only_day is not None:
            chosen = _on_day(chosen, only_day)
        embed = agenda_embed(chosen, tz, str(interaction.locale), box.clock(), only_day)
        await respond(interaction, embed=embed)

    @app_commands.command(name=_("next"), description=_("The next sessions, with a countdown"))
    @app_commands.describe(schedule=_("Which agenda (default: the only one)"))
    async def next_sessions(
        self,
        interaction: discord.Interaction[Any],
        schedule: app_commands.Transform[Schedule, ScheduleTransformer] | None = None,
    ) -> None:
        chosen = only_schedule(interaction, schedule)
        box = services(interaction)
        tz = await box.members.zone(interaction.user.id)
        locale = str(interaction.locale)
        now = box.clock()
        current, _ = now_and_next(chosen, now)
        upcoming = coming(chosen, now)
        lines = [
            reply(interaction, "now_line", title=s.title_in(locale), until=clock(s.end, tz))
            for s in current
            if s.end
        ]
        for s in upcoming:
            line = reply(
                interaction,
                "next_line",
                title=s.title_in(locale),
                relative=discord_time(s.start, "R"),
                when=when(s.start, tz, locale),
            )
            label = repeat_label(chosen, s, locale)
            lines.append(f"{line} · 🔁 {label}" if label else line)
        footer = "" if tz is not None else "\n" + reply(interaction, "agenda_footer_nozone")
        text = "\n".join(lines) or reply(interaction, "next_none", title=chosen.title_in(locale))
        await respond(interaction, clip(text, CONTENT - length(footer)) + footer)

    @app_commands.command(
        name=_("session"), description=_("A session's details, speakers and links")
    )
    @app_commands.describe(
        schedule=_("Which agenda (default: the only one)"), session=_("Which session")
    )
    @app_commands.autocomplete(session=session_autocomplete)
    async def session(
        self,
        interaction: discord.Interaction[Any],
        session: str,
        schedule: app_commands.Transform[Schedule, ScheduleTransformer] | None = None,
    ) -> None:
        schedule_found, found = pick_session(interaction, schedule, session)
        box = services(interaction)
        locale = str(interaction.locale)
        tz = await box.members.zone(interaction.user.id)
        embed = session_embed(
            schedule_found,
            found,
            tz,
            locale,
            profiles=box.agendas.snapshot.speakers,
            base_url=box.base_url,
            # Only the public agendas are on the web: a server's own agenda gets no link.
            web_page=agenda_page(box.base_url, schedule_found.id, found.id)
            if box.base_url and schedule_found.id in box.agendas.public()
            else None,
        )
        key = session_key(schedule_found.id, found.id)
        view = discord.ui.View(timeout=None)
        view.add_item(StarButton(key, text_for(locale, "remind_me")))
        view.add_item(CalendarButton(key, text_for(locale, "add_calendar")))
        await respond(interaction, embed=embed, view=view)

    @app_commands.command(name=_("convert"), description=_("Convert a time into your time zone"))
    @app_commands.describe(
        time=_("A time such as 14:00 CST or 9am PT"),
        from_zone=_("The zone the time is in, if it does not say"),
        to_zone=_("The zone to convert into (default: yours)"),
    )
    async def convert(
        self,
        interaction: discord.Interaction[Any],
        time: str,
        from_zone: app_commands.Transform[tzinfo, ZoneTransformer] | None = None,
        to_zone: app_commands.Transform[tzinfo, ZoneTransformer] | None = None,
    ) -> None:
        await respond(interaction, await self._converted(interaction, time, from_zone, to_zone))

    async def convert_message(
        self, interaction: discord.Interaction[Any], message: discord.Message
    ) -> None:
        await respond(interaction, await self._converted(interaction, message.content, None, None))

    async def _converted(
        self,
        interaction: discord.Interaction[Any],
        text: str,
        source: tzinfo | None,
        target: tzinfo | None,
    ) -> str:
        box = services(interaction)
        locale = str(interaction.locale)
        mine = target or await box.members.zone(interaction.user.id)
        now = box.clock()
        today = now.astimezone(source or box.resolver.default_zone).date()
        found = quoted_times(text[:2000], box.resolver, today, fallback=source, now=now)
        if not found:
            return reply(interaction, "convert_none")
        lines = []
        for quoted in found[:10]:
            line = f"**{quoted_label(quoted.text)}** → {when(quoted.start, mine, locale)}"
            if quoted.end is not None:
                line += f" – {clock(quoted.end, mine)}"
            line += f" · {discord_time(quoted.start, 'R')}"
            if quoted.zone_assumed and source is None:
                line += " " + reply(interaction, "convert_assumed", zone=zone_name(quoted.source))
            elif quoted.notes:  # "CST is ambiguous (...); assumed Asia/Shanghai"
                line += " " + reply(interaction, "convert_read_as", zone=zone_name(quoted.source))
            lines.append(line)
        if mine is None:
            lines.append(reply(interaction, "agenda_footer_nozone"))
        return "\n".join(lines)
