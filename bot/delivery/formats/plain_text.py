"""Reminders as plain text, for the console: no markup, every time written out, in UTC first
("Sat 2021-07-10 05:30 UTC"), then in the organizers' zone and the other zones."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.delivery.formats._parts import details, moved_wall_clock, zone_times
from bot.domain.reminders.message import MessageKind, ReminderMessage
from bot.domain.zones.naming import open_zone, zone_name
from bot.texts import local_time, text_for


def utc_time(moment: datetime) -> str:
    """ "Sat 2021-07-10 05:30 UTC" """
    return f"{moment.astimezone(UTC):%a %Y-%m-%d %H:%M} UTC"


def _local_times(message: ReminderMessage) -> str:
    """The start in the organizers' zone (also when it is a fixed offset, which channel messages
    leave to Discord's timestamp) and in the other zones."""
    parts = zone_times(message)
    organizers = zone_name(message.organizers_zone)
    if organizers != "UTC" and organizers not in message.zones:
        local = message.start.astimezone(message.organizers_zone)
        parts.insert(0, f"{local:%a %H:%M} {organizers}")
    return " · ".join(parts)


def plain_text(message: ReminderMessage) -> str:
    """The message's text as printed on the console."""
    locale = message.locale
    if message.kind is MessageKind.REMOVED:
        head = text_for(
            locale,
            "reminder_removed",
            title=message.title,
            when=utc_time(message.start),
            agenda=message.agenda,
        )
        local = _local_times(message)
        return f"{head}\n{local}" if local else head
    if message.kind is MessageKind.MOVED:
        head = text_for(
            locale,
            "reminder_moved",
            title=message.title,
            old=utc_time(message.previous_start or message.start),
            new=utc_time(message.start),
        )
        agenda = text_for(locale, "reminder_agenda", agenda=message.agenda)
        return f"{head}\n{moved_wall_clock(message)}\n{agenda}"
    when = utc_time(message.start)
    if message.kind is MessageKind.EVENT:
        head = text_for(
            locale, "reminder_event_at", agenda=message.agenda, when=when, title=message.title
        )
    else:
        head = text_for(locale, "reminder_starts_at", title=message.title, when=when)
    lines = [head]
    if message.personal:
        tz = open_zone(message.personal_zone)
        if tz is not None:
            lines.append(f"{local_time(message.start, tz, locale)} ({message.personal_zone})")
    elif local := _local_times(message):
        lines.append(local)
    lines.extend(details(message, lambda url: url))
    if message.late:
        lines.append(text_for(locale, "reminder_late"))
    return "\n".join(lines)
