"""Importing an agenda for one Discord server (`/schedules import`): read it, keep it in the
database for that server, and put it live in every process.

An import is seen in its server only (`Snapshot.visible_to`). It is kept as uploaded, under
the name `stored_name` gives it; importing the same name again in that server replaces it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass
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


class LiveAgendas(Protocol):
    @property
    def schedules(self) -> Mapping[str, Schedule]: ...


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
        schedules has an id another agenda (an operator's, or another server's import) already
        has: ids are shared by every server, and the agenda already live keeps it."""
        name = PurePath(filename).name
        result = await asyncio.to_thread(read_bytes, data, name, self.library.options)
        if not importable(result):
            return ImportOutcome(result, imported=False)
        kept_as = imported_file(guild_id, stored_name(filename))
        live = self.library.snapshot.schedules
        for schedule in result.schedules:
            holder = live.get(schedule.id)
            if holder is not None and holder.source.file != kept_as:
                return ImportOutcome(result, imported=False, taken=schedule.id)
        await asyncio.to_thread(self.store.save, guild_id, stored_name(filename), data)
        await self.library.reload()
        return ImportOutcome(result, imported=True)
