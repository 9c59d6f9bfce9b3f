"""Change notices: when an agenda is edited, every follow of it hears of each moved session and
each removed future session, once (the ledger keeps the notice's key)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from bot.domain.reminders.changes import Change, Moved, notice_key
from bot.domain.reminders.plan import ChannelFollow, PlannedReminder, ReminderKind


def planned_notices(
    changes: Iterable[Change], follows: Iterable[ChannelFollow], now: datetime
) -> dict[str, tuple[PlannedReminder, Change]]:
    """A notice, due now, for each change and each follow of the change's agenda; by key."""
    follows = tuple(follows)
    notices: dict[str, tuple[PlannedReminder, Change]] = {}
    for change in changes:
        session = change.now if isinstance(change, Moved) else change.was
        for follow in follows:
            if follow.schedule_id != change.schedule_id:
                continue
            key = notice_key(follow.target, change)
            notice = PlannedReminder(
                key,
                now,
                ReminderKind.NOTICE,
                timedelta(0),
                follow.target,
                change.schedule_id,
                session.id,
                session.start,
                follow,
            )
            notices[key] = (notice, change)
    return notices
