"""Reminders as Discord shows them: timestamps every reader's app puts in their own zone
(`<t:UNIX:F>`, `<t:UNIX:R>`), bold titles, the role mention on the last line."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

from bot.delivery.formats._parts import details, moved_wall_clock, zone_times
from bot.domain.reminders.message import MessageKind, ReminderMessage
from bot.domain.zones.naming import open_zone
from bot.texts import local_time, text_for

SET_ZONE_COMMAND = "/timezone set"


def discord_time(moment: datetime, style: str = "F") -> str:
    """A Discord timestamp: "F" full date and time, "R" relative, "t" short time."""
    return f"<t:{int(moment.timestamp())}:{style}>"


def _bold(text: str) -> str:
    return f"**{text}**"


@lru_cache(maxsize=2048)
def discord_markup(message: ReminderMessage) -> str:
    """The message's text as posted in a Discord channel or DM. Remembered: the DMs of one
    session to members who share a zone, a language and a lead are the same message (only the
    addressee differs, which the text never shows), written out once."""
    locale = message.locale
    title = _bold(message.title)
    if message.kind is MessageKind.REMOVED:
        return text_for(
            locale,
            "reminder_removed",
            title=title,
            when=discord_time(message.start),
            agenda=message.agenda,
        )
    if message.kind is MessageKind.MOVED:
        previous = message.previous_start or message.start
        head = text_for(
            locale,
            "reminder_moved",
            title=title,
            old=discord_time(previous),
            new=discord_time(message.start),
        )
        agenda = text_for(locale, "reminder_agenda", agenda=message.agenda)
        return f"{head}\n{moved_wall_clock(message)}\n{agenda}"
    relative = discord_time(message.start, "R")
    if message.kind is MessageKind.EVENT:
        lines = [
            text_for(
                locale,
                "reminder_event",
                agenda=_bold(message.agenda),
                relative=relative,
                title=title,
            )
        ]
    else:
        lines = [text_for(locale, "reminder_starts", title=title, relative=relative)]
    when = discord_time(message.start)
    if message.personal:
        tz = open_zone(message.personal_zone)
        if tz is not None:
            lines.append(f"{local_time(message.start, tz, locale)} ({message.personal_zone})")
        else:
            lines.append(when)
            lines.append(text_for(locale, "reminder_set_zone", command=SET_ZONE_COMMAND))
    else:
        lines.append(" · ".join([when, *zone_times(message)]))
    lines.extend(details(message, lambda url: f"<{url}>"))  # <...>: no embed under the reminder
    if message.late:
        lines.append(text_for(locale, "reminder_late"))
    if message.role_id is not None:
        lines.append(f"<@&{message.role_id}>")
    return "\n".join(lines)
