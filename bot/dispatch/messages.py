"""The message a planned reminder or notice sends, from the agendas as they are now, and the
log line (once per member and zone) for a stored zone that cannot be written out.

The DMs of one session are worked out once per zone, language and lateness and shared by every
member they fit: ten thousand members in fifty zones make a few hundred messages, not ten
thousand, and each sink writes each of them out once. A shared DM names no member (`user_id` is
None): the target it is sent to does. What is remembered holds for one set of agendas only: a
reload starts afresh."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import replace

from bot.agendas.library import Snapshot
from bot.domain.reminders.changes import Change, Moved
from bot.domain.reminders.message import (
    ReminderMessage,
    moved_message,
    reminder_message,
    removed_message,
)
from bot.domain.reminders.plan import Audience, PlannedReminder, ReminderKind, TargetKind
from bot.domain.zones.naming import open_zone

# DMs remembered for one set of agendas, at most (sessions x zones x languages x lateness).
REMEMBERED_DMS = 4096
_DmKey = tuple[str, str, str | None, str | None, bool]

log = logging.getLogger(__name__)


class MessageWriter:
    def __init__(self) -> None:
        self._zones_reported: set[tuple[int, str]] = set()
        self._schedules: Mapping[str, object] | None = None
        self._speakers: Mapping[str, object] | None = None
        self._dms: dict[_DmKey, ReminderMessage] = {}

    def message(
        self,
        reminder: PlannedReminder,
        snapshot: Snapshot,
        audience: Audience,
        notices: Mapping[str, Change],
        *,
        late: bool,
    ) -> ReminderMessage | None:
        """What `reminder` says; None when its session (or its agenda) is gone."""
        schedule = snapshot.schedules.get(reminder.schedule_id)
        if schedule is None:
            return None
        if reminder.kind is ReminderKind.NOTICE:
            change = notices.get(reminder.key)
            if change is None:
                return None
            follow = reminder.follow
            guild = follow.guild_id if follow is not None else None
            locale = audience.guild_locales.get(guild) if guild is not None else None
            if isinstance(change, Moved):
                return moved_message(schedule, change.was, change.now, locale, snapshot.speakers)
            return removed_message(schedule, change.was, locale, snapshot.speakers)
        member = reminder.member
        if reminder.target.kind is TargetKind.DM and member is not None:
            key = (reminder.schedule_id, reminder.session_id, member.timezone, member.locale, late)
            if self._schedules is not snapshot.schedules or self._speakers is not snapshot.speakers:
                self._schedules, self._speakers = snapshot.schedules, snapshot.speakers
                self._dms = {}
            known = self._dms.get(key)
            if known is not None:
                if member.timezone and known.personal_zone is None:
                    self.readable(member.user_id, member.timezone)  # logged once per member
                return known
        session = next((s for s in schedule.sessions if s.id == reminder.session_id), None)
        if session is None:
            return None
        message = reminder_message(
            schedule,
            session,
            reminder,
            audience,
            late=late,
            readable=self.readable,
            profiles=snapshot.speakers,
        )
        if reminder.target.kind is TargetKind.DM and member is not None:
            if len(self._dms) >= REMEMBERED_DMS:
                self._dms.clear()
            message = self._dms[key] = replace(message, user_id=None)
        return message

    def readable(self, user_id: int, zone: str) -> bool:
        """Whether `zone` opens; if not, a log line (once per member and zone): one member's bad
        zone leaves it out of the message, and never stops the message."""
        opens = open_zone(zone) is not None
        if not opens and (user_id, zone) not in self._zones_reported:
            self._zones_reported.add((user_id, zone))
            log.warning(
                "member %s has a time zone that cannot be read (%r): left out of reminders",
                user_id,
                zone,
            )
        return opens
