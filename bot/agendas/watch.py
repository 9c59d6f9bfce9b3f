"""Re-read the agendas whenever a file in the schedules folder changes (watchfiles), or a
Discord server imported one (in this process or another: the database is polled), and once a day
at least, so the occurrences of repeating sessions roll forward with time."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import datetime, timedelta

from watchfiles import Change, awatch

from bot.agendas.library import AgendaLibrary
from bot.domain.readers.source import format_of

log = logging.getLogger(__name__)

# Seconds between two looks at the imports' marker: one small query, so another process's
# import is live here a few seconds after it was made.
POLL_EVERY = 5.0
ROLL_RETRY = timedelta(hours=1)


def _is_agenda(change: Change, path: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    return not name.startswith(".") and format_of(name) is not None


async def watch_agendas(
    library: AgendaLibrary,
    stop: asyncio.Event,
    debounce_ms: int = 300,
    poll_every: float = POLL_EVERY,
) -> None:
    """Reload `library` after each burst of agenda file changes, and whenever the servers'
    imports changed, until `stop` is set."""
    poller = asyncio.create_task(poll_imports(library, stop, poll_every))
    try:
        async for changes in awatch(
            library.folder, stop_event=stop, debounce=debounce_ms, watch_filter=_is_agenda
        ):
            log.info("agenda files changed: %s", ", ".join(sorted({p for _, p in changes})))
            await _reload(library)
    finally:
        if not stop.is_set():  # the folder watch failed: the poll ends with it
            poller.cancel()
        await asyncio.gather(poller, return_exceptions=True)


async def poll_imports(library: AgendaLibrary, stop: asyncio.Event, every: float) -> None:
    """Every `every` seconds, read the imports' marker (in a worker thread) and reload when
    it is not the one the live agendas were read with, or when the live occurrences are a day
    old (`AgendaLibrary.due_to_roll`). A database that does not answer is logged once, when it
    starts failing; the agendas stay as they are meanwhile. A roll that failed is tried again an
    hour later."""
    store = library.imports
    failing = False
    rolled_at: datetime | None = None
    while not stop.is_set():
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=every)
        if stop.is_set():
            return
        changed = False
        if store is not None:
            try:
                marker = await asyncio.to_thread(store.marker)
            except Exception as exc:
                if not failing:
                    log.warning("cannot look for newly imported agendas (%s); retrying", exc)
                failing = True
            else:
                failing = False
                changed = marker != library.imports_marker
                if changed:
                    log.info("imported agendas changed; reading them again")
        now = library.clock()
        retry = rolled_at is None or now - rolled_at >= ROLL_RETRY
        if not changed and not failing and retry and library.due_to_roll():
            log.info("a day has passed; working out the repeating sessions again")
            rolled_at = now
            changed = True
        if changed:
            await _reload(library)


async def _reload(library: AgendaLibrary) -> None:
    try:
        await library.reload()
    except Exception:  # a reload bug must not stop the watcher; the last snapshot stays
        log.exception("reloading agendas failed; the previous version stays live")
