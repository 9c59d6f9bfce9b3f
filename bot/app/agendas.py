"""Which agendas a Discord server, a DM or the public web may see, and finding a session in them.

The rule itself is the library's (`Snapshot.visible_to`): an operator's agenda is public, an
agenda imported in a server is seen only there. This is the one place the bot and the feed
server ask it, and the one place a session is found by its id, its button key or its title.
"""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import datetime
from typing import TYPE_CHECKING

from bot.app.occurrences import occurrence_of
from bot.domain.agenda import Schedule, Session

if TYPE_CHECKING:
    from bot.app.ports import AgendaSnapshot, AgendaSource

PUBLIC = None  # the guild id the public web (and a DM) asks with


def session_key(schedule_id: str, session_id: str) -> str:
    """A short stable key for a session, where its ids would not fit (at most 100 characters
    in a button's custom_id or a choice's value)."""
    digest = hashlib.sha1(f"{schedule_id}/{session_id}".encode(), usedforsecurity=False)
    return digest.hexdigest()[:20]


def visible(snapshot: AgendaSnapshot, guild_id: int | None) -> dict[str, Schedule]:
    """The schedules of `snapshot` that a guild may see (None: the public web, a DM)."""
    return snapshot.visible_to(guild_id)


def public_retired(snapshot: AgendaSnapshot) -> dict[str, Schedule]:
    """Public schedules taken away lately: their cancelled sessions stay in public feeds."""
    return snapshot.public_retired


def find_session(
    snapshot: AgendaSnapshot, guild_id: int | None, schedule_id: str, session_id: str
) -> tuple[Schedule, Session] | None:
    """The session, if its schedule is visible to the guild and it has one by that id (an
    occurrence of a repeating meeting on any date it meets, in the window shown or not)."""
    schedule = visible(snapshot, guild_id).get(schedule_id)
    if schedule is None:
        return None
    found = in_schedule(schedule, session_id) or occurrence_of(schedule, session_id)
    return (schedule, found) if found is not None else None


def in_schedule(schedule: Schedule, session_id: str) -> Session | None:
    """The schedule's session with this id."""
    return next((s for s in schedule.sessions if s.id == session_id), None)


def sessions_named(
    snapshot: AgendaSnapshot,
    guild_id: int | None,
    typed: str,
    *,
    schedule_id: str | None = None,
    now: datetime,
) -> list[tuple[Schedule, Session]]:
    """The sessions a member's typed text names among the agendas the guild may see (only
    `schedule_id`'s when given): by button key ("#key"), by "agenda/session", by id, else by
    title in any of the agenda's languages, case and spacing aside ("gateway api  in practice",
    "Gateway API 实战"). Several when it names sessions of several agendas, or several titled
    alike; the occurrences of one repeating session count as one, the next from `now` (the
    last once all are over). Empty when it names none."""
    seen = visible(snapshot, guild_id)
    if schedule_id is not None:
        seen = {schedule_id: seen[schedule_id]} if schedule_id in seen else {}
    text = typed.strip()
    if text.startswith("#"):
        for schedule in seen.values():
            for session in schedule.sessions:
                if session_key(schedule.id, session.id) == text[1:]:
                    return [(schedule, session)]
    agenda, slash, session_id = text.partition("/")
    if slash and agenda in seen:
        pair = find_session(snapshot, guild_id, agenda, session_id)
        if pair is not None:
            return [pair]
    by_id = [
        (schedule, found)
        for schedule in seen.values()
        if (found := in_schedule(schedule, text) or occurrence_of(schedule, text)) is not None
    ]
    if by_id:
        return by_id
    wanted = title_key(text)
    if not wanted:
        return []
    titled = [
        (schedule, session)
        for schedule in seen.values()
        for session in schedule.sessions
        if wanted in {title_key(session.title), *(title_key(t) for _, t in session.titles)}
    ]
    return _one_per_series(titled, now)


def title_key(text: str) -> str:
    """A title as compared with what a member typed: any case, any spacing."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def _one_per_series(
    found: list[tuple[Schedule, Session]], now: datetime
) -> list[tuple[Schedule, Session]]:
    """`found` with the occurrences of each repeating session narrowed to one, in the place of
    its first: the next that has not ended at `now`, else the last."""
    meetings: dict[tuple[str, str], list[tuple[Schedule, Session]]] = {}
    for schedule, session in found:
        if session.series_id is not None:
            meetings.setdefault((schedule.id, session.series_id), []).append((schedule, session))
    result = []
    for schedule, session in found:
        if session.series_id is None:
            result.append((schedule, session))
            continue
        series = meetings.pop((schedule.id, session.series_id), None)
        if series is None:
            continue  # its place is taken already
        series.sort(key=lambda pair: pair[1].start)
        coming = [pair for pair in series if (pair[1].end or pair[1].start) > now]
        result.append(coming[0] if coming else series[-1])
    return result


class Agendas:
    """The current agendas, as a guild (or the public web, `None`) may see them."""

    def __init__(self, source: AgendaSource) -> None:
        self.source = source

    @property
    def snapshot(self) -> AgendaSnapshot:
        return self.source.snapshot

    def visible(self, guild_id: int | None) -> list[Schedule]:
        return list(visible(self.snapshot, guild_id).values())

    def public(self) -> dict[str, Schedule]:
        """What the public web may list and serve."""
        return visible(self.snapshot, PUBLIC)

    def schedule(self, guild_id: int | None, schedule_id: str) -> Schedule | None:
        return visible(self.snapshot, guild_id).get(schedule_id)

    def session(
        self, guild_id: int | None, schedule_id: str, session_id: str
    ) -> tuple[Schedule, Session] | None:
        return find_session(self.snapshot, guild_id, schedule_id, session_id)

    def named(
        self, guild_id: int | None, typed: str, *, schedule_id: str | None, now: datetime
    ) -> list[tuple[Schedule, Session]]:
        """The sessions a member's typed text names (see `sessions_named`)."""
        return sessions_named(self.snapshot, guild_id, typed, schedule_id=schedule_id, now=now)

    def by_key(self, guild_id: int | None, key: str) -> tuple[Schedule, Session] | None:
        """The session a button or a "#key" choice names, among those the guild may see."""
        for schedule in visible(self.snapshot, guild_id).values():
            for session in schedule.sessions:
                if session_key(schedule.id, session.id) == key:
                    return schedule, session
        return None
