"""The words of reminders and change notices, as Discord markdown.

Times appear three ways: Discord timestamps (`<t:UNIX:F>`, `<t:UNIX:R>`), which every reader's
app shows in their own zone; written out in the zones the guild's members have set (deduplicated,
ordered by offset, capped); and for DMs in the member's own zone and language (Babel). Zones are
named by IANA names, never abbreviations. A zone that cannot be opened (bad stored data, a zone
database that changed) is left out: one member's zone never stops a message to the others.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.dates import format_datetime

from bot.domain.agenda import Schedule, Session
from bot.domain.zones.naming import offset_label, zone_name

ZONE_CAP = 6
_LANGUAGES = {"en": "en", "zh": "zh_Hans_CN"}

_TEXT = {
    "en": {
        "starts": "⏰ **{title}** starts {relative}",
        "event": "📅 **{agenda}** starts {relative}: first up, **{title}**",
        "late": "(late: the bot was offline when this reminder was due)",
        "speakers": "Speakers: {names}",
        "location": "Where: {place}",
        "agenda": "Agenda: {agenda}",
        "set_zone": "Set your time zone with /timezone set to see times written out for you.",
        "moved": "🔁 **{title}** has moved: was {old}, now {new}",
        "removed": "❌ **{title}** ({when}) was removed from {agenda}",
        "more": "+{count} more",
    },
    "zh": {
        "starts": "⏰ **{title}** {relative}开始",
        "event": "📅 **{agenda}** {relative}开始，首场：**{title}**",
        "late": "（延迟送达：提醒到期时机器人不在线）",
        "speakers": "讲师：{names}",
        "location": "地点：{place}",
        "agenda": "日程：{agenda}",
        "set_zone": "使用 /timezone set 设置时区，即可看到按你的时区写出的时间。",
        "moved": "🔁 **{title}** 时间已变更：原为 {old}，现为 {new}",
        "removed": "❌ **{title}**（{when}）已从 {agenda} 中移除",
        "more": "另有 {count} 个",
    },
}


def language(locale: str | None) -> str:
    """Discord locales ("zh-CN", "en-US") to the languages we write: zh or en."""
    return "zh" if locale and locale.lower().startswith("zh") else "en"


def discord_time(moment: datetime, style: str = "F") -> str:
    return f"<t:{int(moment.timestamp())}:{style}>"


@dataclass(frozen=True, slots=True)
class Rendered:
    content: str
    role_id: int | None = None  # the one role the message may mention
    user_id: int | None = None


def open_zone(name: str | None) -> ZoneInfo | None:
    """The zone named `name`, or None when it is empty or the zone database cannot open it
    ("UTC-03:00", "America", a name the system's zone files no longer have)."""
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def written_in_zones(moment: datetime, zones: Iterable[str], cap: int = ZONE_CAP) -> str:
    """ "Sat 13:30 Asia/Shanghai · Sat 07:30 Europe/Berlin · +2 more", ordered by offset.
    Zones `open_zone` cannot open are left out."""
    opened = {z: tz for z in set(zones) if (tz := open_zone(z)) is not None}
    unique = sorted(opened, key=lambda z: (moment.astimezone(opened[z]).utcoffset(), z))
    parts = [f"{moment.astimezone(opened[z]):%a %H:%M} {z}" for z in unique[:cap]]
    if len(unique) > cap:
        parts.append(_TEXT["en"]["more"].format(count=len(unique) - cap))
    return " · ".join(parts)


def _details(session: Session, schedule: Schedule, text: dict[str, str]) -> list[str]:
    lines = []
    if session.speakers:
        lines.append(text["speakers"].format(names=", ".join(str(s) for s in session.speakers)))
    place = ", ".join(p for p in (session.location, schedule.venue) if p)
    if place:
        lines.append(text["location"].format(place=place))
    for link in session.links:
        lines.append(f"{link.label or 'Link'}: <{link.url}>")
    lines.append(text["agenda"].format(agenda=schedule.title))
    return lines


def channel_reminder(
    schedule: Schedule,
    session: Session,
    *,
    event: bool,
    member_zones: Iterable[str],
    role_id: int | None,
    late: bool,
) -> Rendered:
    """A reminder for a channel: Discord timestamps, the guild's zones, details, role mention."""
    text = _TEXT["en"]
    relative = discord_time(session.start, "R")
    head = (
        text["event"].format(agenda=schedule.title, relative=relative, title=session.title)
        if event
        else text["starts"].format(title=session.title, relative=relative)
    )
    lines = [head]
    when = discord_time(session.start, "F")
    zones = [schedule.timezone_name] if isinstance(schedule.timezone, ZoneInfo) else []
    written = written_in_zones(session.start, [*zones, *member_zones])
    lines.append(f"{when} · {written}" if written else when)
    lines.extend(_details(session, schedule, text))
    if late:
        lines.append(text["late"])
    if role_id is not None:
        lines.append(f"<@&{role_id}>")
    return Rendered("\n".join(lines), role_id=role_id)


def dm_reminder(
    schedule: Schedule,
    session: Session,
    *,
    zone: str | None,
    locale: str | None,
    late: bool,
) -> Rendered:
    """A reminder for one member, in their zone and language; with a zone that cannot be opened,
    as for a member who set none."""
    lang = language(locale)
    text = _TEXT[lang]
    lines = [text["starts"].format(title=session.title, relative=discord_time(session.start, "R"))]
    tz = open_zone(zone)
    if tz is not None:
        lines.append(f"{local_time(session.start, tz, locale)} ({zone})")
    else:
        lines.append(discord_time(session.start, "F"))
        lines.append(text["set_zone"])
    lines.extend(_details(session, schedule, text))
    if late:
        lines.append(text["late"])
    return Rendered("\n".join(lines))


def local_time(moment: datetime, tz: tzinfo, locale: str | None) -> str:
    """A full date and time in the reader's language, e.g. "Saturday, July 10, 2021, 13:30"."""
    babel_locale = _LANGUAGES[language(locale)]
    pattern = "EEEE, MMMM d, y, HH:mm" if babel_locale == "en" else "y年M月d日 EEEE HH:mm"
    return format_datetime(moment.astimezone(tz), pattern, tzinfo=tz, locale=babel_locale)


def change_notice(schedule: Schedule, old: Session, new: Session | None) -> Rendered:
    """ "moved from 14:00 to 14:30 (Asia/Shanghai)" for a moved session; a removal otherwise."""
    text = _TEXT["en"]
    if new is None:
        return Rendered(
            text["removed"].format(
                title=old.title, when=discord_time(old.start, "F"), agenda=schedule.title
            )
        )
    organisers = schedule.timezone
    old_local, new_local = old.start.astimezone(organisers), new.start.astimezone(organisers)
    fmt = "%H:%M" if old_local.date() == new_local.date() else "%a %Y-%m-%d %H:%M"
    wall = (
        f"{old_local:{fmt}} → {new_local:{fmt}} {zone_name(organisers)} ({offset_label(new_local)})"
    )
    head = text["moved"].format(
        title=new.title, old=discord_time(old.start, "F"), new=discord_time(new.start, "F")
    )
    return Rendered(f"{head}\n{wall}\n" + text["agenda"].format(agenda=schedule.title))
