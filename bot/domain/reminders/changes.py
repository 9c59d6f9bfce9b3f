"""What changed between two versions of the agendas, for change notices.

A session keeps its id across edits (see `agenda.unique_ids`), so comparing ids tells a moved
session from a removed one. Notices have keys beside the reminders' (`notice_key`): the ledger
sends each one once, and a session moved twice gets a notice for each move.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from bot.domain.agenda import Schedule, Session
from bot.domain.reminders.plan import Target
from bot.domain.zones.local_time import same_instant


@dataclass(frozen=True, slots=True)
class Moved:
    """A session of `schedule_id` that starts at `now.start` instead of `was.start`."""

    schedule_id: str
    was: Session
    now: Session


@dataclass(frozen=True, slots=True)
class Removed:
    """A future session gone from `schedule_id`, an agenda that is still there."""

    schedule_id: str
    was: Session


Change = Moved | Removed


def agenda_changes(
    old: Mapping[str, Schedule], new: Mapping[str, Schedule], now: datetime
) -> list[Change]:
    """The sessions worth a notice, in the new agendas' order (removals of an agenda after its
    moves): moved ones unless both starts are past, removed ones that had not started yet. A
    session whose id went while a new one starts at the same instant was renamed (its id comes
    from its title), not removed: it gives none. A schedule that is new or gone altogether gives
    none: its follows learn nothing from a notice per session."""
    changes: list[Change] = []
    for schedule_id, schedule in new.items():
        before = old.get(schedule_id)
        if before is None:
            continue
        current = {s.id: s for s in schedule.sessions}
        earlier = {s.id: s for s in before.sessions}
        for session in schedule.sessions:
            was = earlier.get(session.id)
            if was is None or same_instant(was.start, session.start):
                continue
            if max(was.start, session.start) < now:
                continue
            changes.append(Moved(schedule_id, was, session))
        added = [s.start for s in schedule.sessions if s.id not in earlier]
        changes.extend(
            Removed(schedule_id, was)
            for was in before.sessions
            if was.id not in current
            and was.start > now
            and not any(same_instant(was.start, start) for start in added)
        )
    return changes


def notice_key(target: Target, change: Change) -> str:
    """The delivery key of the notice of `change` to `target`."""
    if isinstance(change, Moved):
        was, now = int(change.was.start.timestamp()), int(change.now.start.timestamp())
        return f"{target}|{change.schedule_id}|{change.now.id}|notice|{was}->{now}"
    was = int(change.was.start.timestamp())
    return f"{target}|{change.schedule_id}|{change.was.id}|notice|{was}->removed"
