"""Pieces every formatter writes the same way: the zones, the move in the organizers' zone,
the details under the first lines."""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

from bot.domain.reminders.message import ReminderMessage
from bot.domain.zones.naming import offset_label, zone_name
from bot.texts import text_for


def zone_times(message: ReminderMessage) -> list[str]:
    """ "Sat 13:30 Asia/Shanghai" for each zone the message is written out in, and "+2 more"
    for the ones left out."""
    parts = [f"{message.start.astimezone(ZoneInfo(z)):%a %H:%M} {z}" for z in message.zones]
    if message.more_zones:
        parts.append(text_for(message.locale, "reminder_more_zones", count=message.more_zones))
    return parts


def moved_wall_clock(message: ReminderMessage) -> str:
    """ "13:30 → 14:00 Asia/Shanghai (UTC+08:00)": the move on the organizers' clock, with the
    dates when it crosses a day."""
    organizers = message.organizers_zone
    before = (message.previous_start or message.start).astimezone(organizers)
    after = message.start.astimezone(organizers)
    fmt = "%H:%M" if before.date() == after.date() else "%a %Y-%m-%d %H:%M"
    return f"{before:{fmt}} → {after:{fmt}} {zone_name(organizers)} ({offset_label(after)})"


def details(message: ReminderMessage, link: Callable[[str], str]) -> list[str]:
    """Speakers, place, links (each url written by `link`) and the agenda, one a line."""
    locale = message.locale
    lines = []
    if message.speakers:
        key = "reminder_speaker" if len(message.speakers) == 1 else "reminder_speakers"
        lines.append(text_for(locale, key, names=", ".join(message.speakers)))
    if message.place:
        lines.append(text_for(locale, "reminder_place", place=message.place))
    for each in message.links:
        lines.append(f"{each.label or text_for(locale, 'reminder_link')}: {link(each.url)}")
    lines.append(text_for(locale, "reminder_agenda", agenda=message.agenda))
    return lines
