"""What a reminder or a change notice says, before any channel writes it out.

A `ReminderMessage` holds values only: the session, its instants, the zones to write the time
out in (already chosen), the reader's language and zone, the details and who may be mentioned.
Each sink (a Discord channel, a webhook, the console) turns it into its own text; the words come
from the one text catalogue. Zones are named by IANA keys, never by abbreviations. A zone that
cannot be opened (bad stored data, a zone database that changed) is left out: one member's zone
never stops a message to the others.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, tzinfo
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.domain.agenda import Link, Schedule, Session
from bot.domain.ics.speakers import speaker_for
from bot.domain.reminders.plan import Audience, PlannedReminder, ReminderKind, TargetKind
from bot.domain.speakers.profile import Profile
from bot.domain.zones.naming import open_zone

ZONE_CAP = 6  # zones written out in a channel message; the rest are counted ("+2 more")

# Whether a member's stored zone can be written out: (user id, zone) -> bool.
ZoneCheck = Callable[[int, str], bool]
# Speaker profiles by id: how a reminder names speakers in its reader's language.
Profiles = Mapping[str, Profile]
_NO_PROFILES: Profiles = {}


class MessageKind(StrEnum):
    SESSION = "session"  # a session starts soon
    EVENT = "event"  # an event starts soon: its first session
    MOVED = "moved"  # a session has a new start
    REMOVED = "removed"  # a session is gone from its agenda


@dataclass(frozen=True, slots=True)
class ReminderMessage:
    """One message to one target, in no channel's markup.

    `zones` are the zones a channel message writes the start out in, ordered by offset, with
    `more_zones` left out beyond the cap. A message to one member (`personal`) is written in
    their `personal_zone` and `locale` instead, or, when they have no zone that can be opened,
    tells them how to set one. `role_id` is the one role the message may mention; `user_id` the member it is for.
    """

    kind: MessageKind
    title: str
    agenda: str
    start: datetime
    end: datetime | None = None
    previous_start: datetime | None = None  # MOVED: the start it had before
    organizers_zone: tzinfo = UTC
    zones: tuple[str, ...] = ()
    more_zones: int = 0
    personal: bool = False
    personal_zone: str | None = None
    locale: str | None = None  # the reader's language ("zh-CN"); None: English
    speakers: tuple[str, ...] = ()
    place: str | None = None
    links: tuple[Link, ...] = ()
    late: bool = False
    role_id: int | None = None
    user_id: int | None = None


def _opens(_user_id: int, zone: str) -> bool:
    return open_zone(zone) is not None


def written_zones(
    moment: datetime, zones: Iterable[str], cap: int = ZONE_CAP
) -> tuple[tuple[str, ...], int]:
    """The zones to write `moment` out in: deduplicated, those that open, ordered by their offset
    at `moment` (then by name), at most `cap`; and how many were left out beyond the cap."""
    opened = {z: tz for z in set(zones) if (tz := open_zone(z)) is not None}
    unique = sorted(opened, key=lambda z: (moment.astimezone(opened[z]).utcoffset(), z))
    return tuple(unique[:cap]), max(len(unique) - cap, 0)


def channel_zones(
    moment: datetime,
    schedule: Schedule,
    audience: Audience,
    guild_id: int | None,
    *,
    readable: ZoneCheck = _opens,
    cap: int = ZONE_CAP,
) -> tuple[tuple[str, ...], int]:
    """The zones a channel message writes `moment` out in: the organizers' zone (when it is a
    named zone) and the zones the guild's members set and `readable` accepts."""
    zones = [schedule.timezone_name] if isinstance(schedule.timezone, ZoneInfo) else []
    if guild_id is not None:
        for user_id in sorted(audience.guild_members.get(guild_id, frozenset())):
            member = audience.members.get(user_id)
            if member is not None and member.timezone and readable(user_id, member.timezone):
                zones.append(member.timezone)
    return written_zones(moment, zones, cap)


def _about(
    kind: MessageKind,
    schedule: Schedule,
    session: Session,
    locale: str | None = None,
    profiles: Profiles = _NO_PROFILES,
) -> ReminderMessage:
    """The message about `session`, its titles in `locale`'s language where the agenda is
    published in it (a page and its translation), else as the agenda's own page gives them;
    speakers named as their `profiles` write their names and affiliations in that language
    ("李伟" for a reader of Chinese), else as the agenda does."""
    place = ", ".join(p for p in (session.location, schedule.venue) if p)
    speakers = tuple(
        str(speaker_for(s, profiles.get(s.profile or ""), locale, schedule.language))
        for s in session.speakers_in(locale)
    )
    return ReminderMessage(
        kind=kind,
        title=session.title_in(locale),
        agenda=schedule.title_in(locale),
        start=session.start,
        end=session.end,
        organizers_zone=schedule.timezone,
        speakers=speakers,
        place=place or None,
        links=session.links,
    )


def reminder_message(
    schedule: Schedule,
    session: Session,
    reminder: PlannedReminder,
    audience: Audience,
    *,
    late: bool,
    readable: ZoneCheck = _opens,
    profiles: Profiles = _NO_PROFILES,
) -> ReminderMessage:
    """The reminder `reminder` plans for `session`: to a member in their zone and language, to
    a channel in its guild's zones with its role, in the language its server prefers when that
    is known (`Audience.guild_locales`). `readable` says which stored zones can be written out
    (the runtime uses it to report the others); `profiles` name the speakers."""
    if reminder.target.kind is TargetKind.DM:
        member = reminder.member
        user_id = member.user_id if member is not None else int(reminder.target.id)
        zone = member.timezone if member is not None else None
        locale = member.locale if member is not None else None
        return replace(
            _about(MessageKind.SESSION, schedule, session, locale, profiles),
            personal=True,
            personal_zone=zone if zone and readable(user_id, zone) else None,
            locale=locale,
            late=late,
            user_id=user_id,
        )
    follow = reminder.follow
    guild_id = follow.guild_id if follow is not None else None
    zones, more = channel_zones(session.start, schedule, audience, guild_id, readable=readable)
    kind = MessageKind.EVENT if reminder.kind is ReminderKind.EVENT else MessageKind.SESSION
    locale = audience.guild_locales.get(guild_id) if guild_id is not None else None
    return replace(
        _about(kind, schedule, session, locale, profiles),
        locale=locale,
        zones=zones,
        more_zones=more,
        late=late,
        role_id=follow.role_id if follow is not None else None,
    )


def moved_message(
    schedule: Schedule,
    was: Session,
    now: Session,
    locale: str | None = None,
    profiles: Profiles = _NO_PROFILES,
) -> ReminderMessage:
    """A change notice: `was` now starts at `now.start` (in `locale`'s language, when known)."""
    return replace(
        _about(MessageKind.MOVED, schedule, now, locale, profiles),
        previous_start=was.start,
        locale=locale,
    )


def removed_message(
    schedule: Schedule, was: Session, locale: str | None = None, profiles: Profiles = _NO_PROFILES
) -> ReminderMessage:
    """A change notice: `was` is no longer on the agenda (in `locale`'s language, when known)."""
    return replace(_about(MessageKind.REMOVED, schedule, was, locale, profiles), locale=locale)
