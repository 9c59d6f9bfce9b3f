"""Moving agendas that `/schedules import` used to write under `schedules/guilds/<server id>/`
into the database, where imports live now, so that every process of a deployment sees them.

Run at start, before the agendas are read. A file is removed from the folder only once the
database holds it; a file that does not read stays where it is, with a warning. Running it
again finds nothing left to move (or, after a stop between the two steps, the same bytes
already stored, and only removes the file).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bot.agendas.snapshot import guild_folder_id, is_guilds_folder
from bot.app.imports import importable, stored_name
from bot.domain.diagnostics import Severity
from bot.domain.readers.context import ReadOptions
from bot.domain.readers.source import MAX_BYTES, format_of, read_bytes

if TYPE_CHECKING:
    from bot.app.ports import ImportedAgendaStore

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Adopted:
    """A file moved into the database as a server's import."""

    path: Path
    guild_id: int
    name: str


def adopt_guild_files(
    folder: Path, store: ImportedAgendaStore, options: ReadOptions
) -> list[Adopted]:
    """Store every agenda file right under `folder/guilds/<server id>/` as that server's
    import and remove it from the folder; each move is logged in one line. Files deeper down
    stay operators' files, seen in that server as before."""
    adopted: list[Adopted] = []
    for guild_id, server in _server_folders(folder):
        taken: dict[str, Path] = {}
        for path in sorted(server.iterdir()):
            if path.name.startswith(".") or format_of(path.name) is None or not path.is_file():
                continue
            name = stored_name(path.name)
            if name in taken:
                log.warning(
                    "%s stays in the folder: %s is stored as %s for this server already",
                    path,
                    taken[name].name,
                    name,
                )
                continue
            if _adopt(path, guild_id, name, store, options):
                taken[name] = path
                adopted.append(Adopted(path, guild_id, name))
    return adopted


def _server_folders(folder: Path) -> list[tuple[int, Path]]:
    if not folder.is_dir():
        return []
    found = []
    for guilds in sorted(folder.iterdir()):
        if not (is_guilds_folder(guilds.name) and guilds.is_dir()):
            continue
        for server in sorted(guilds.iterdir()):
            guild_id = guild_folder_id(server.name)
            if guild_id is not None and server.is_dir():
                found.append((guild_id, server))
    return found


def _adopt(
    path: Path, guild_id: int, name: str, store: ImportedAgendaStore, options: ReadOptions
) -> bool:
    try:
        if path.stat().st_size > MAX_BYTES:
            data = b""
            problem = f"it is over {MAX_BYTES // 1024} KB"
        else:
            data = path.read_bytes()
            problem = ""
    except OSError as exc:
        log.warning("%s stays in the folder: cannot read it (%s)", path, exc.strerror or exc)
        return False
    if not problem:
        result = read_bytes(data, str(path), options, file_name=path.name)
        if not importable(result):
            errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
            problem = str(errors[0]) if errors else "it holds no agenda"
    if problem:
        log.warning(
            "%s stays in the folder, seen in server %d as before: %s", path, guild_id, problem
        )
        return False
    store.save(guild_id, name, data)  # committed when it returns
    path.unlink(missing_ok=True)
    log.info("moved %s into the database: server %d's imported agenda %s", path, guild_id, name)
    return True
