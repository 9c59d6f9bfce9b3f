"""The message a planned reminder or notice sends, from the agendas as they are now, and the
log line (once per member and zone) for a stored zone that cannot be written out."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from bot.agendas.library import Snapshot
from bot.domain.reminders.changes import Change, Moved
from bot.domain.reminders.message import (
    ReminderMessage,
    moved_message,
    open_zone,
    reminder_message,
    removed_message,
)
from bot.domain.reminders.plan import Audience, PlannedReminder, ReminderKind

log = logging.getLogger(__name__)


class MessageWriter:
    def __init__(self) -> None:
        self._zones_reported: set[tuple[int, str]] = set()

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
            if isinstance(change, Moved):
                return moved_message(schedule, change.was, change.now)
            return removed_message(schedule, change.was)
        session = next((s for s in schedule.sessions if s.id == reminder.session_id), None)
        if session is None:
            return None
        return reminder_message(
            schedule, session, reminder, audience, late=late, readable=self.readable
        )

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
