"""Importing an agenda for one Discord server (`/schedules import`): read it, keep it in the
database for that server, and put it live in every process.

An import is seen in its server only (`Snapshot.visible_to`). It is kept as uploaded, under
the name `stored_name` gives it; importing the same name again in that server replaces it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import PurePath
from typing import TYPE_CHECKING, Protocol

from bot.domain.agenda import Schedule, slugify
from bot.domain.diagnostics import Severity
from bot.domain.readers.context import ReadOptions
from bot.domain.readers.source import ReadResult, read_bytes

if TYPE_CHECKING:
    from bot.app.ports import ImportedAgendaStore

# How messages name an import (`guilds/<server id>/<name>:12: ...`): where the file used to lie
# under the schedules folder, so operators read the same lines as before.
IMPORTS_PREFIX = "guilds"

ImportsMarker = tuple[int, datetime | None]
"""How many imports there are and when the latest changed: equal markers, equal imports."""


@dataclass(frozen=True, slots=True)
class ImportedAgenda:
    """One server's imported agenda file, as uploaded."""

    guild_id: int
    name: str
    data: bytes
    updated_at: datetime

    @property
    def file(self) -> str:
        """How reading messages name it."""
        return imported_file(self.guild_id, self.name)


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """What an import read (schedules and problems, for the reply) and whether it was kept."""

    result: ReadResult
    imported: bool
    taken: str | None = None  # a schedule id another agenda already has: nothing was kept


class SeenBy(Protocol):
    def visible_to(self, guild_id: int | None) -> bool: ...


class LiveAgendas(Protocol):
    @property
    def schedules(self) -> Mapping[str, Schedule]: ...

    def visibility_of(self, schedule_id: str) -> SeenBy: ...


class ReloadingLibrary(Protocol):
    """The agenda library, as an import needs it: how it reads, the agendas live now (whose
    ids an import may not take), and a reload to go live."""

    @property
    def options(self) -> ReadOptions: ...

    @property
    def snapshot(self) -> LiveAgendas: ...

    async def reload(self) -> object: ...


def stored_name(filename: str) -> str:
    """The name an uploaded file is kept under: its stem as a slug ("agenda" when nothing is
    left of it) and its suffix in lower case, "My Night.MD" → "my-night.md"."""
    path = PurePath(PurePath(filename).name)
    return f"{slugify(path.stem) or 'agenda'}{path.suffix.lower()}"


def imported_file(guild_id: int, name: str) -> str:
    """How reading messages name a server's import: `guilds/<server id>/<name>`."""
    return f"{IMPORTS_PREFIX}/{guild_id}/{name}"


def blocking_id(result: ReadResult, live: LiveAgendas, guild_id: int, file: str) -> str | None:
    """A schedule id of `result` that an agenda the server sees (a public one, or another of
    its own) already holds: that one keeps it, and `result` cannot be kept. An id held by an
    agenda the server cannot see blocks nothing (the library gives this one a free id)."""
    for schedule in result.schedules:
        holder = live.schedules.get(schedule.id)
        if holder is None or holder.source.file == file:
            continue
        if live.visibility_of(schedule.id).visible_to(guild_id):
            return schedule.id
    return None


def as_placed(result: ReadResult, live: LiveAgendas, file: str) -> tuple[ReadResult, list[str]]:
    """`result` with each schedule under the id it went live with, and the ids that did not go
    live (held by another agenda the server sees)."""
    mine = [s for s in live.schedules.values() if s.source.file == file]
    by_place = {(s.source.line, s.title): s.id for s in mine}
    ids = {s.id for s in mine}
    schedules: list[Schedule] = []
    missing: list[str] = []
    for schedule in result.schedules:
        found = by_place.get((schedule.source.line, schedule.title))
        if found is None and schedule.id in ids:
            found = schedule.id
        if found is None:
            missing.append(schedule.id)
            schedules.append(schedule)
        else:
            schedules.append(replace(schedule, id=found))
    placed = ReadResult(result.file, schedules, list(result.diagnostics), result.modified)
    return placed, missing


def importable(result: ReadResult) -> bool:
    """Whether a reading may be imported: it found schedules and no errors."""
    return bool(result.schedules) and not any(
        d.severity is Severity.ERROR for d in result.diagnostics
    )


class AgendaImports:
    """Imports agendas for Discord servers into the shared store."""

    def __init__(self, store: ImportedAgendaStore, library: ReloadingLibrary) -> None:
        self.store = store
        self.library = library

    async def import_agenda(self, guild_id: int, filename: str, data: bytes) -> ImportOutcome:
        """Read `data` (in a worker thread, as the library reads); if it holds schedules and
        no errors, keep it for the server, replacing an earlier import of the same name, and
        reload the library before returning. Otherwise nothing is kept; nor when one of its
        schedules has an id an agenda the server sees (an operator's, or another of its own)
        already has. An id held by another server's agenda is never mentioned: this agenda
        goes live under a free id, which the outcome's schedules carry."""
        name = PurePath(filename).name
        result = await asyncio.to_thread(read_bytes, data, name, self.library.options)
        if not importable(result):
            return ImportOutcome(result, imported=False)
        kept_as = imported_file(guild_id, stored_name(filename))
        taken = blocking_id(result, self.library.snapshot, guild_id, kept_as)
        if taken is not None:
            return ImportOutcome(result, imported=False, taken=taken)
        await asyncio.to_thread(self.store.save, guild_id, stored_name(filename), data)
        await self.library.reload()
        placed, _ = as_placed(result, self.library.snapshot, kept_as)
        return ImportOutcome(placed, imported=True)
