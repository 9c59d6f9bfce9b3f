"""What the cogs use: agendas, people, feed tokens, settings and a clock, in one object."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.agendas.library import AgendaLibrary
from bot.config import Settings
from bot.domain.agenda import Schedule, Session
from bot.domain.feed_tokens import FeedTokenStore
from bot.domain.zones.resolve import ZoneResolver
from bot.storage.people import People


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class BotServices:
    library: AgendaLibrary
    people: People
    tokens: FeedTokenStore
    settings: Settings
    resolver: ZoneResolver
    clock: Callable[[], datetime] = utc_now
    on_people_changed: Callable[[], None] = lambda: None  # reminders re-plan

    @property
    def guild_folder(self) -> Path:
        return self.library.guild_folder

    def schedules(self, guild_id: int | None) -> list[Schedule]:
        """Schedules a guild may see: the public ones, plus the ones imported in that guild
        (the library's one visibility rule, the same the web follows)."""
        return list(self.library.snapshot.visible_to(guild_id).values())

    def schedule(self, guild_id: int | None, schedule_id: str) -> Schedule | None:
        return next((s for s in self.schedules(guild_id) if s.id == schedule_id), None)

    def session(
        self, guild_id: int | None, schedule_id: str, session_id: str
    ) -> tuple[Schedule, Session] | None:
        schedule = self.schedule(guild_id, schedule_id)
        if schedule is None:
            return None
        session = next((s for s in schedule.sessions if s.id == session_id), None)
        return (schedule, session) if session else None

    def member_zone(self, user_id: int) -> tzinfo | None:
        """The member's zone; None when not set, or when what is stored cannot be read."""
        key = self.people.member_timezone(user_id)
        return ZoneInfo(key) if key else None

    def feed_url(self, path: str) -> str:
        base = self.settings.base_url or f"http://{self.settings.host}:{self.settings.port}"
        return f"{base.rstrip('/')}{path}"
