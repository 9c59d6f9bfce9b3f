"""The followed URLs: the operator's `[[sources]]` (public) and the ones servers added with
`/schedules add` (seen in that server only), polled on their own intervals.

A change is handled exactly like an edited file: a server's new content is saved as that
server's imported agenda (every process reloads it, as after `/schedules import`); the
operator's is kept in the database and read by the library with the schedules folder. On any
failure (the network, the size or time caps, a refused address, a page that no longer reads
cleanly) the last good version stays live and the error is kept, for `/schedules list`,
`/healthz` and the metrics, while the retries back off.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Protocol

from bot.agendas.library import ID_TAKEN
from bot.app.clock import Clock, utc_now
from bot.app.imports import as_placed, blocking_id, importable, imported_file
from bot.app.sources import (
    DEFAULT_INTERVAL,
    LONGEST_INTERVAL,
    SHORTEST_INTERVAL,
    AddOutcome,
    SourceSpec,
    SourceStatus,
)
from bot.delivery.discord_shards import shard_of
from bot.domain.agenda import Schedule
from bot.domain.diagnostics import Diagnostic, Severity
from bot.domain.readers.context import ReadOptions
from bot.domain.readers.source import ReadResult, read_bytes
from bot.sources.fetch import LIMITS, Fetched, FetchError, Limits, fetch, file_name_for
from bot.sources.safety import SourceRefused, check_url
from bot.storage.agenda_sources import OPERATOR, Check, DatabaseAgendaSources, StoredSource

if TYPE_CHECKING:
    from bot.observability.metrics import Metrics
    from bot.storage.imported_agendas import DatabaseImportedAgendas

log = logging.getLogger(__name__)

LONGEST_BACKOFF = timedelta(hours=6)
JITTER = 0.1  # each wait is this fraction longer or shorter, at random
CONCURRENT_FETCHES = 4
# The folder (hidden, so no real file can share the name) the operator's fetched agendas are
# read as lying in: the library sees them as public agendas of the schedules folder.
OPERATOR_FOLDER = ".sources"

Fetcher = Callable[..., Awaitable[Fetched]]


class SeenBy(Protocol):
    def visible_to(self, guild_id: int | None) -> bool: ...


class LiveAgendas(Protocol):
    @property
    def schedules(self) -> Mapping[str, Schedule]: ...

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]: ...

    def visibility_of(self, schedule_id: str) -> SeenBy: ...


class Library(Protocol):
    """The agenda library, as the sources need it."""

    @property
    def options(self) -> ReadOptions: ...

    @property
    def snapshot(self) -> LiveAgendas: ...

    async def reload(self) -> object: ...


def guild_owner(
    shard_count: int | None, shard_ids: tuple[int, ...] | None
) -> Callable[[int], bool] | None:
    """The guilds whose sources this process polls: those of its Discord shards (None: all)."""
    if not shard_count or not shard_ids:
        return None
    count, ids = shard_count, frozenset(shard_ids)
    return lambda guild_id: shard_of(guild_id, count) in ids


def backoff(interval: timedelta, failures: int) -> timedelta:
    """The wait before the next poll: the interval (at most LONGEST_INTERVAL minutes), doubled
    with each failure in a row, at most LONGEST_BACKOFF (or the interval, when that is
    longer)."""
    interval = min(interval, timedelta(minutes=LONGEST_INTERVAL))
    if failures <= 0:
        return interval
    longest = max(interval, LONGEST_BACKOFF)
    if failures > 32:
        return longest
    doubled: timedelta = interval * (2 ** (failures - 1))
    return min(doubled, longest)


@dataclass(eq=False, slots=True)
class _Source:
    guild_id: int  # OPERATOR for the operator's
    url: str
    interval_minutes: int
    name: str | None = None
    data: bytes | None = None  # the last good content
    etag: str | None = None
    last_modified: str | None = None
    checked_at: datetime | None = None
    changed_at: datetime | None = None
    error: str | None = None
    failures: int = 0
    due: float = 0.0  # loop time of the next poll
    result: ReadResult | None = None  # the operator's last good reading
    polling: bool = False
    schedule_ids: tuple[str, ...] = field(default=())  # as the page asks for them
    stem: str | None = None  # the operator's: the name its content is read under, sans suffix

    @property
    def key(self) -> tuple[int, str]:
        return self.guild_id, self.url

    def status(self) -> SourceStatus:
        return SourceStatus(
            self.url,
            None if self.guild_id == OPERATOR else self.guild_id,
            self.interval_minutes,
            self.checked_at,
            self.error,
            self.failures,
            self.schedule_ids,
        )


def operator_stems(urls: Sequence[str]) -> dict[str, str]:
    """The stem each of the operator's URLs is read under (it gives the agenda its id): the
    URL's own (`file_name_for`), with -2, -3... for a later URL whose stem an earlier one has
    (two calendar feeds both ending in basic.ics): the same in every process, by the order
    of `[[sources]]`."""
    stems: dict[str, str] = {}
    for url in urls:
        stems[url] = PurePath(_free_name(file_name_for(url, None), set(stems.values()))).stem
    return stems


PRIVATE_CONTENT = "the page at this private address is not an agenda that reads cleanly"


def _problem(result: ReadResult, private: bool = False) -> str:
    """Why a reading is not taken: its first error, or that it holds no agenda. Content read
    from a private address is never quoted back (`private`)."""
    if private:
        return PRIVATE_CONTENT
    for diagnostic in result.diagnostics:
        if diagnostic.severity is Severity.ERROR:
            where = f"line {diagnostic.line}: " if diagnostic.line else ""
            return f"the page does not read cleanly ({where}{diagnostic.message})"
    return "no agenda found on the page"


class SourceRegistry:
    """Every followed URL this process polls, with its state; `run` polls until stopped."""

    def __init__(
        self,
        store: DatabaseAgendaSources,
        imports: DatabaseImportedAgendas,
        folder: Path,
        *,
        operator: Sequence[SourceSpec] = (),
        allow_private: bool = False,
        allow_private_servers: bool = False,
        limits: Limits = LIMITS,
        clock: Clock = utc_now,
        metrics: Metrics | None = None,
        owns_guild: Callable[[int], bool] | None = None,
        fetcher: Fetcher = fetch,
        minute: float = 60.0,
        refresh_every: float = 30.0,
        rand: Callable[[], float] = random.random,
    ) -> None:
        self.store = store
        self.imports = imports
        self.folder = folder
        self.operator = list(operator)
        self.allow_private = allow_private  # the operator's sources
        self.allow_private_servers = allow_private_servers  # the servers' sources
        self.limits = limits
        self.clock = clock
        self.metrics = metrics
        self.owns_guild = owns_guild
        self.fetcher = fetcher
        self.minute = minute
        self.refresh_every = refresh_every
        self.rand = rand
        self.library: Library | None = None
        self._sources: dict[tuple[int, str], _Source] = {}
        self._operator_results: tuple[ReadResult, ...] = ()
        self._slots = asyncio.Semaphore(CONCURRENT_FETCHES)
        self._tasks: set[asyncio.Task[None]] = set()
        self._wake = asyncio.Event()

    # -- what the library and the commands read -------------------------------------------

    def operator_results(self) -> list[ReadResult]:
        """The operator's sources' last good readings, for the library (any thread)."""
        return list(self._operator_results)

    def _publish(self) -> None:
        """Renew what `operator_results` hands out (one tuple, swapped whole: the library's
        worker thread never sees it half made)."""
        self._operator_results = tuple(
            s.result
            for s in self._sources.values()
            if s.guild_id == OPERATOR and s.result is not None
        )

    def statuses_now(self) -> list[SourceStatus]:
        """Every source this process polls, as it fares (for /healthz)."""
        return [
            self._placed(s.status(), s.name)
            for s in sorted(self._sources.values(), key=lambda s: s.key)
        ]

    async def statuses(self, guild_id: int | None) -> list[SourceStatus]:
        """The operator's sources, and a guild's (as every process recorded them); each with
        the ids its agendas are live under, and an error when they are not live at all."""
        mine = [
            self._placed(s.status(), s.name)
            for s in self._sources.values()
            if s.guild_id == OPERATOR
        ]
        if guild_id is None:
            return mine
        rows = await asyncio.to_thread(self.store.sources, guild_id)
        return mine + [self._row_status(row) for row in rows]

    def _row_status(self, row: StoredSource) -> SourceStatus:
        status = SourceStatus(
            row.url,
            row.guild_id,
            row.interval_minutes,
            row.checked_at,
            row.last_error,
            row.failures,
        )
        return self._placed(status, row.name)

    def _file_of(self, guild_id: int | None, name: str) -> str:
        """How the library names a source's content (its diagnostics and its schedules)."""
        if guild_id is None:
            return str(self.folder / OPERATOR_FOLDER / name)
        return imported_file(guild_id, name)

    def _placed(self, status: SourceStatus, name: str | None) -> SourceStatus:
        """`status` with the ids the source's agendas are live under now, and the error that
        keeps them out when the library could not place them (an id an agenda seen alongside
        already has)."""
        if name is None or self.library is None:
            return status
        snapshot = self.library.snapshot
        file = self._file_of(status.guild_id, name)
        made_from = status.url if status.guild_id is None else file
        ids = tuple(i for i, s in snapshot.schedules.items() if s.source.file == made_from)
        if status.error is None:
            for diagnostic in snapshot.diagnostics:
                if diagnostic.file == file and ID_TAKEN in diagnostic.message:
                    status = replace(status, error=f"not shown: {diagnostic.message}")
                    break
        return replace(status, schedule_ids=ids)

    # -- start-up ---------------------------------------------------------------------------

    def load(self) -> None:
        """Take the sources and their last good content from the database (blocking: at
        start, in a worker thread, before the library's first load)."""
        now = 0.0  # due at once: every source is polled when `run` starts
        options = self.library.options if self.library is not None else None
        for spec in self.operator:
            self.store.add(OPERATOR, spec.url, spec.interval_minutes)
        wanted = {spec.url: spec for spec in self.operator}
        stems = operator_stems([spec.url for spec in self.operator])
        for row in self.store.sources():
            if row.guild_id == OPERATOR and row.url not in wanted:
                continue  # no longer in the settings
            interval = (
                wanted[row.url].interval_minutes if row.guild_id == OPERATOR else None
            ) or row.interval_minutes
            source = self._from_row(row, interval, now)
            if source.guild_id == OPERATOR:
                source.stem = stems[row.url]
                if source.name is not None:
                    source.name = source.stem + PurePath(source.name).suffix
            if source.guild_id == OPERATOR and source.data is not None and options is not None:
                source.result = self._read_operator(source, source.data, options)
                source.schedule_ids = tuple(s.id for s in source.result.schedules)
            self._sources[source.key] = source
        self._publish()

    def _from_row(self, row: StoredSource, interval: int, due: float) -> _Source:
        return _Source(
            row.guild_id,
            row.url,
            min(interval, LONGEST_INTERVAL),
            name=row.name,
            data=row.data if row.guild_id == OPERATOR else None,
            etag=row.etag,
            last_modified=row.last_modified,
            checked_at=row.checked_at,
            changed_at=row.changed_at,
            error=row.last_error,
            failures=row.failures,
            due=due,
        )

    def _read_operator(self, source: _Source, data: bytes, options: ReadOptions) -> ReadResult:
        """The operator's content read as a public file of the schedules folder; messages name
        the URL."""
        assert source.name is not None
        result = read_bytes(data, source.url, options, file_name=source.name)
        result.file = str(self.folder / OPERATOR_FOLDER / source.name)
        result.modified = source.changed_at
        return result

    # -- polling ----------------------------------------------------------------------------

    async def run(self, stop: asyncio.Event) -> None:
        """Poll every source when it is due, each in its own task (a slow one holds only its
        own slot), and take up sources other processes added, until `stop` is set."""
        loop = asyncio.get_running_loop()
        refreshed = loop.time()
        try:
            while not stop.is_set():
                now = loop.time()
                if now - refreshed >= self.refresh_every:
                    refreshed = now
                    await self._refresh()
                for source in list(self._sources.values()):
                    if source.polling or source.due > now or not self._mine(source):
                        continue
                    source.polling = True
                    task = asyncio.create_task(self._poll_slot(source))
                    self._tasks.add(task)
                    task.add_done_callback(self._tasks.discard)
                upcoming = [s.due for s in self._sources.values() if not s.polling]
                wait = min([*upcoming, now + self.refresh_every]) - now
                self._wake.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(
                        _first(stop.wait(), self._wake.wait()), timeout=max(wait, 0.05)
                    )
        finally:
            for task in list(self._tasks):
                task.cancel()
            await asyncio.gather(*self._tasks, return_exceptions=True)

    def _mine(self, source: _Source) -> bool:
        if source.guild_id == OPERATOR or self.owns_guild is None:
            return True
        return self.owns_guild(source.guild_id)

    async def _refresh(self) -> None:
        """Take up the guild sources added or removed in other processes."""
        try:
            rows = await asyncio.to_thread(self.store.sources)
        except Exception as exc:
            log.warning("cannot read the followed URLs (%s); retrying", exc)
            return
        now = asyncio.get_running_loop().time()
        found = {(r.guild_id, r.url): r for r in rows if r.guild_id != OPERATOR}
        for key in [k for k, s in self._sources.items() if s.guild_id != OPERATOR]:
            if key not in found and not self._sources[key].polling:
                del self._sources[key]
        for key, row in found.items():
            if key not in self._sources:
                self._sources[key] = self._from_row(row, row.interval_minutes, now)

    async def _poll_slot(self, source: _Source) -> None:
        try:
            async with self._slots:
                await self.poll(source.guild_id, source.url)
        except Exception as exc:
            log.exception("polling %s failed", source.url)
            # Whatever went wrong, the source waits (backing off) before the next try.
            source.error = f"the check failed ({type(exc).__name__})"
            source.failures += 1
            try:
                self._next(source)
            except Exception:
                source.due = asyncio.get_running_loop().time() + LONGEST_BACKOFF.total_seconds()
        finally:
            source.polling = False
            self._wake.set()

    async def poll(self, guild_id: int | None, url: str) -> SourceStatus | None:
        """Poll one source now (None: it is not followed). Never raises for what the page or
        the network does; the outcome is in the status."""
        source = self._sources.get((OPERATOR if guild_id is None else guild_id, url))
        if source is None:
            return None
        # Conditional only when a good version is kept: else the content is needed whole.
        kept = source.data is not None or (source.guild_id != OPERATOR and source.name is not None)
        try:
            fetched = await self.fetcher(
                url,
                etag=source.etag if kept else None,
                last_modified=source.last_modified if kept else None,
                allow_private=self._allowed(source.guild_id),
                limits=self.limits,
            )
        except FetchError as exc:
            told = str(exc) if source.guild_id == OPERATOR else exc.public
            await self._failed(source, told, "failed")
            return source.status()
        if self._sources.get(source.key) is not source:  # removed while it was fetched
            return None
        if fetched.not_modified:
            await self._fine(source, fetched, "not_modified")
            return source.status()
        assert fetched.data is not None
        if fetched.data == source.data:
            await self._fine(source, fetched, "unchanged")
            return source.status()
        await self._changed(source, fetched)
        return source.status()

    def _allowed(self, guild_id: int) -> bool:
        """Whether a source may reach private addresses: the operator's by
        `allow_private_sources`, a server's by `allow_private_server_sources`."""
        return self.allow_private if guild_id == OPERATOR else self.allow_private_servers

    def _next(self, source: _Source) -> None:
        wait = backoff(timedelta(minutes=source.interval_minutes), source.failures)
        seconds = wait.total_seconds() / 60.0 * self.minute
        seconds *= 1 + JITTER * (2 * self.rand() - 1)
        source.due = asyncio.get_running_loop().time() + seconds

    def _count(self, outcome: str) -> None:
        if self.metrics is None:
            return
        self.metrics.source_polls.labels(outcome).inc()
        mine = list(self._sources.values())
        self.metrics.sources.set(len(mine))
        self.metrics.sources_failing.set(sum(1 for s in mine if s.error is not None))

    async def _failed(self, source: _Source, error: str, outcome: str) -> None:
        if source.error != error:
            log.warning("%s: %s; the last good version stays live", source.url, error)
        source.error = error
        source.failures += 1
        source.checked_at = self.clock()
        self._next(source)
        self._count(outcome)
        check = Check(source.checked_at, error, source.failures)
        await self._record(source, check)

    async def _fine(self, source: _Source, fetched: Fetched, outcome: str) -> None:
        if source.error is not None:
            log.info("%s works again", source.url)
        source.error, source.failures = None, 0
        source.checked_at = self.clock()
        source.etag = fetched.etag or source.etag
        source.last_modified = fetched.last_modified or source.last_modified
        self._next(source)
        self._count(outcome)
        check = Check(source.checked_at, None, 0, source.etag, source.last_modified)
        await self._record(source, check)

    async def _record(self, source: _Source, check: Check) -> None:
        try:
            await asyncio.to_thread(self.store.record, source.guild_id, source.url, check)
        except Exception as exc:
            log.warning("cannot record the poll of %s (%s)", source.url, exc)

    async def _changed(self, source: _Source, fetched: Fetched) -> None:
        assert fetched.data is not None and self.library is not None
        name = file_name_for(source.url, fetched.content_type, fetched.data)
        if source.stem is not None:  # the operator's: the stem its place in the settings gives
            name = source.stem + PurePath(name).suffix
        elif source.name is not None:  # keep the name chosen first; the suffix may change
            name = PurePath(source.name).stem + PurePath(name).suffix
        options = self.library.options
        display = (
            source.url if source.guild_id == OPERATOR else imported_file(source.guild_id, name)
        )
        result = await asyncio.to_thread(read_bytes, fetched.data, display, options, file_name=name)
        if not importable(result):
            private = fetched.private and source.guild_id != OPERATOR
            await self._failed(source, _problem(result, private), "unreadable")
            return
        if source.guild_id != OPERATOR:
            saved = await asyncio.to_thread(self.imports.save, source.guild_id, name, fetched.data)
            if not saved:  # the bytes kept already (read before a restart, or by another process)
                source.data = fetched.data
                await self._fine(source, fetched, "unchanged")
                return
            if source.name is not None and source.name != name:
                await asyncio.to_thread(self.store.drop_imported, source.guild_id, source.name)
        now = self.clock()
        source.name = name
        source.changed_at = now
        source.data = fetched.data
        if source.guild_id == OPERATOR:
            source.result = self._read_operator(source, fetched.data, options)
            self._publish()
        source.schedule_ids = tuple(s.id for s in result.schedules)
        log.info("%s changed; reading it again", source.url)
        source.error, source.failures = None, 0
        source.checked_at = now
        source.etag, source.last_modified = fetched.etag, fetched.last_modified
        self._next(source)
        self._count("changed")
        check = Check(
            now,
            None,
            0,
            fetched.etag,
            fetched.last_modified,
            name=name,
            data=fetched.data if source.guild_id == OPERATOR else None,
            changed_at=now,
        )
        await self._record(source, check)
        await self._reload()

    async def _reload(self) -> None:
        assert self.library is not None
        try:
            await self.library.reload()
        except Exception:  # the last snapshot stays; the next change or file edit retries
            log.exception("reloading the agendas after a source changed failed")

    # -- what organizers do -----------------------------------------------------------------

    async def add(self, guild_id: int, url: str, interval_minutes: int | None) -> AddOutcome:
        """Follow `url` in a guild: fetched and read at once; kept only when it reads cleanly
        and none of its agenda ids is another agenda's."""
        assert self.library is not None
        interval = interval_minutes or DEFAULT_INTERVAL
        if interval < SHORTEST_INTERVAL:
            return AddOutcome(None, False, f"the interval is at least {SHORTEST_INTERVAL} minutes")
        if interval > LONGEST_INTERVAL:
            return AddOutcome(None, False, f"the interval is at most {LONGEST_INTERVAL} minutes")
        try:
            check_url(url)
        except SourceRefused as exc:
            return AddOutcome(None, False, str(exc))
        stored = await asyncio.to_thread(self.store.get, guild_id, url)
        if (guild_id, url) in self._sources or stored is not None:
            return AddOutcome(None, False, already=True)
        try:
            fetched = await self.fetcher(
                url, allow_private=self.allow_private_servers, limits=self.limits
            )
        except FetchError as exc:
            return AddOutcome(None, False, exc.public)
        assert fetched.data is not None
        taken_names = await asyncio.to_thread(self.store.names, guild_id)
        name = _free_name(file_name_for(url, fetched.content_type, fetched.data), taken_names)
        file = imported_file(guild_id, name)
        result = await asyncio.to_thread(
            read_bytes, fetched.data, file, self.library.options, file_name=name
        )
        if not importable(result):
            if fetched.private:
                return AddOutcome(None, False, PRIVATE_CONTENT)
            return AddOutcome(result, False, _problem(result))
        taken = blocking_id(result, self.library.snapshot, guild_id, file)
        if taken is not None:
            return AddOutcome(result, False, taken=taken)
        if not await asyncio.to_thread(self.store.add, guild_id, url, interval, name):
            return AddOutcome(result, False, already=True)
        now = self.clock()
        source = _Source(
            guild_id,
            url,
            interval,
            name=name,
            data=fetched.data,
            etag=fetched.etag,
            last_modified=fetched.last_modified,
            checked_at=now,
            changed_at=now,
            schedule_ids=tuple(s.id for s in result.schedules),
        )
        self._next(source)
        self._sources[source.key] = source
        await asyncio.to_thread(self.imports.save, guild_id, name, fetched.data)
        check = Check(now, None, 0, fetched.etag, fetched.last_modified, name=name, changed_at=now)
        await self._record(source, check)
        await self._reload()
        self._wake.set()
        placed, _ = as_placed(result, self.library.snapshot, file)
        return AddOutcome(placed, True)

    async def remove(self, guild_id: int, url: str) -> bool:
        """Stop following `url` in a guild; its agenda goes with it."""
        self._sources.pop((guild_id, url), None)
        removed = await asyncio.to_thread(self.store.remove, guild_id, url)
        if removed and self.library is not None:
            await self._reload()
        return removed


def _free_name(name: str, taken: set[str]) -> str:
    """`name`, or `name-2`, `name-3`... when a guild already keeps an agenda under that stem
    (whatever its suffix: the stem gives the agenda its id)."""
    path = PurePath(name)
    stems = {PurePath(t).stem for t in taken}
    stem, n = path.stem, 1
    while stem in stems:
        n += 1
        stem = f"{path.stem}-{n}"
    return f"{stem}{path.suffix}"


async def _first(*waits: Awaitable[object]) -> None:
    tasks = [asyncio.ensure_future(w) for w in waits]
    try:
        await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in tasks:
            task.cancel()
