"""What changed between two versions of the agendas, for change notices.

A session keeps its id across edits (see `agenda.unique_ids`), so comparing ids tells a moved
session from a removed one. Notices have keys beside the reminders' (`notice_key`): the ledger
sends each one once, and a session moved twice gets a notice for each move.

Occurrences of a repeating session come and go as the window they are worked out over moves
on: that alone is never worth a notice. A series whose time changed gives one notice, for its
next occurrence; a single occurrence cancelled (a new EXDATE) gives one for that occurrence; an
occurrence moved on its own (an override) is moved like any session.
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
    none: its follows learn nothing from a notice per session. Occurrences of repeating
    sessions are compared series by series (see the module's notes)."""
    changes: list[Change] = []
    for schedule_id, schedule in new.items():
        before = old.get(schedule_id)
        if before is None:
            continue
        retimed = _retimed_series(before, schedule)
        current = {s.id: s for s in schedule.sessions}
        earlier = {s.id: s for s in before.sessions}
        for session in schedule.sessions:
            if session.series_id in retimed:
                continue
            was = earlier.get(session.id)
            if was is None or same_instant(was.start, session.start):
                continue
            if max(was.start, session.start) < now:
                continue
            changes.append(Moved(schedule_id, was, session))
        changes.extend(_series_changes(schedule_id, before, schedule, retimed, now))
        added = [s.start for s in schedule.sessions if s.id not in earlier]
        cancelled = _cancelled_starts(before, schedule)
        changes.extend(
            Removed(schedule_id, was)
            for was in before.sessions
            if was.id not in current
            and was.start > now
            and (
                was.series_id is None
                or (
                    was.series_id not in retimed
                    and was.recurrence_id is not None
                    and _instant(was.recurrence_id) in cancelled.get(was.series_id, set())
                )
            )
            and not any(same_instant(was.start, start) for start in added)
        )
    return changes


def _timing(series: Session) -> tuple[object, ...]:
    """What decides when a series' occurrences are (its cancelled dates aside)."""
    repeat = series.repeat
    rule = repeat.rule if repeat is not None else None
    rdates = frozenset(_instant(d) for d in repeat.rdates) if repeat is not None else frozenset()
    end = None if series.end is None else series.end - series.start
    return (_instant(series.start), end, series.all_day, rule, rdates)


def _retimed_series(before: Schedule, after: Schedule) -> set[str]:
    """The ids of the series whose timing changed, or that were taken out of the agenda."""
    now_series = {s.id: s for s in after.series}
    retimed: set[str] = set()
    for series in before.series:
        changed = now_series.get(series.id)
        if changed is None or _timing(changed) != _timing(series):
            retimed.add(series.id)
    return retimed


def _series_changes(
    schedule_id: str, before: Schedule, after: Schedule, retimed: set[str], now: datetime
) -> list[Change]:
    """One notice per retimed series: its next occurrence moved, or gone when none is left."""
    changes: list[Change] = []
    for series_id in sorted(retimed):
        was = _next_occurrence(before, series_id, now)
        if was is None:
            continue
        upcoming = _next_occurrence(after, series_id, now)
        if upcoming is None:
            # Kept as a one-off session at the same time: renamed, not removed.
            if not any(same_instant(was.start, s.start) for s in after.sessions):
                changes.append(Removed(schedule_id, was))
        elif not same_instant(was.start, upcoming.start):
            changes.append(Moved(schedule_id, was, upcoming))
    return changes


def _next_occurrence(schedule: Schedule, series_id: str, now: datetime) -> Session | None:
    upcoming = [s for s in schedule.sessions if s.series_id == series_id and s.start > now]
    return min(upcoming, key=lambda s: s.start, default=None)


def _cancelled_starts(before: Schedule, after: Schedule) -> dict[str, set[float]]:
    """Per series, the occurrences (as instants) cancelled since `before`: new EXDATEs."""
    earlier = {s.id: s for s in before.series}
    found: dict[str, set[float]] = {}
    for series in after.series:
        if series.repeat is None:
            continue
        was = earlier.get(series.id)
        old = set() if was is None or was.repeat is None else set(map(_instant, was.repeat.exdates))
        new = set(map(_instant, series.repeat.exdates)) - old
        if new:
            found[series.id] = new
    return found


def _instant(moment: datetime) -> float:
    return moment.timestamp()


def notice_key(target: Target, change: Change) -> str:
    """The delivery key of the notice of `change` to `target`."""
    if isinstance(change, Moved):
        was, now = int(change.was.start.timestamp()), int(change.now.start.timestamp())
        return f"{target}|{change.schedule_id}|{change.now.id}|notice|{was}->{now}"
    was = int(change.was.start.timestamp())
    return f"{target}|{change.schedule_id}|{change.was.id}|notice|{was}->removed"
