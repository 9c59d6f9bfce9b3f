"""Agendas followed from their URLs, as the commands see them: what a server follows and how
each source fares. The poller behind it lives in `bot.sources`; it is handed in, never imported."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from bot.domain.readers.source import ReadResult

DEFAULT_INTERVAL = 30  # minutes between two polls of a source
SHORTEST_INTERVAL = 5
LONGEST_INTERVAL = 7 * 24 * 60  # a week


@dataclass(frozen=True, slots=True)
class SourceSpec:
    """An operator's `[[sources]]` entry: a URL and its interval in minutes."""

    url: str
    interval_minutes: int = DEFAULT_INTERVAL


@dataclass(frozen=True, slots=True)
class SourceStatus:
    """One followed URL: whose it is (None: the operator's), how often it is polled, when it
    was last checked, what went wrong last (None: it works) and what it gave when it last
    worked (schedule ids; empty before its first good reading)."""

    url: str
    guild_id: int | None
    interval_minutes: int
    checked_at: datetime | None = None
    error: str | None = None
    failures: int = 0
    schedule_ids: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True, slots=True)
class AddOutcome:
    """What `/schedules add` did: the first reading (for the reply), whether the source is
    now followed, the problem that stopped it, or the id another agenda already holds."""

    result: ReadResult | None
    added: bool
    error: str | None = None
    taken: str | None = None
    already: bool = False


class SourceDesk(Protocol):
    """The followed URLs, for a server's organizers."""

    async def add(self, guild_id: int, url: str, interval_minutes: int | None) -> AddOutcome: ...

    async def remove(self, guild_id: int, url: str) -> bool: ...

    async def statuses(self, guild_id: int | None) -> list[SourceStatus]: ...
