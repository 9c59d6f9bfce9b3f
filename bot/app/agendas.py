"""Which agendas a Discord server, a DM or the public web may see, and finding a session in them.

The rule itself is the library's (`Snapshot.visible_to`): an operator's agenda is public, an
agenda imported in a server is seen only there. This is the one place the bot and the feed
server ask it, and the one place a session is found by its id or by its button key.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

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
    """The session, if its schedule is visible to the guild and it has one by that id."""
    schedule = visible(snapshot, guild_id).get(schedule_id)
    if schedule is None:
        return None
    found = in_schedule(schedule, session_id)
    return (schedule, found) if found is not None else None


def in_schedule(schedule: Schedule, session_id: str) -> Session | None:
    """The schedule's session with this id."""
    return next((s for s in schedule.sessions if s.id == session_id), None)


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

    def by_key(self, guild_id: int | None, key: str) -> tuple[Schedule, Session] | None:
        """The session a button or a "#key" choice names, among those the guild may see."""
        for schedule in visible(self.snapshot, guild_id).values():
            for session in schedule.sessions:
                if session_key(schedule.id, session.id) == key:
                    return schedule, session
        return None
