"""Re-read the agendas whenever a file in the schedules folder changes (watchfiles)."""

from __future__ import annotations

import asyncio
import logging

from watchfiles import Change, awatch

from bot.agendas.library import AgendaLibrary
from bot.domain.readers.source import format_of

log = logging.getLogger(__name__)


def _is_agenda(change: Change, path: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    return not name.startswith(".") and format_of(name) is not None


async def watch_agendas(
    library: AgendaLibrary, stop: asyncio.Event, debounce_ms: int = 300
) -> None:
    """Reload `library` after each burst of agenda file changes, until `stop` is set."""
    async for changes in awatch(
        library.folder, stop_event=stop, debounce=debounce_ms, watch_filter=_is_agenda
    ):
        log.info("agenda files changed: %s", ", ".join(sorted({p for _, p in changes})))
        try:
            await library.reload()
        except Exception:  # a reload bug must not stop the watcher; the last snapshot stays
            log.exception("reloading agendas failed; the previous version stays live")
