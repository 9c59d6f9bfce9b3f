"""`agenda-bot run`: agendas and their watcher, the reminder timer, the feed server and the
Discord delivery, in one process, until SIGTERM."""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import gc
import logging
import os
import secrets
import socket
import sys
from collections.abc import Callable, Coroutine, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from bot.agendas.adoption import adopt_guild_files
from bot.agendas.library import AgendaLibrary, Snapshot
from bot.agendas.revision_store import RevisionStore
from bot.agendas.watch import watch_agendas
from bot.app.imports import AgendaImports
from bot.cli.preflight import database_setting, port_problem
from bot.config import Settings, StartupError
from bot.delivery import Sender
from bot.delivery.console import ConsoleSender
from bot.delivery.discord_shards import shard_owner
from bot.delivery.webhook import WebhookSender
from bot.dispatch.service import ReminderService
from bot.domain.ics.revisions import Revision
from bot.domain.patterns import release_unused_patterns
from bot.domain.readers.context import ReadOptions
from bot.domain.readers.source import ReadResult
from bot.domain.reminders.plan import Target, TargetKind
from bot.observability.metrics import Metrics
from bot.sources.registry import SourceRegistry, guild_owner
from bot.sources.report import health as source_health
from bot.sources.safety import private_allowed_by_environment
from bot.storage.agenda_sources import DatabaseAgendaSources
from bot.storage.database import DatabaseProbe, make_engine, session_factory
from bot.storage.deliveries import DeliveryLedger
from bot.storage.feed_tokens import DatabaseFeedTokens
from bot.storage.imported_agendas import DatabaseImportedAgendas
from bot.storage.members import DatabaseMembers
from bot.storage.migrate import upgrade
from bot.storage.revisions import DatabaseRevisionStore
from bot.storage.rsvp import DatabaseRsvps
from bot.storage.scheduled_events import DatabaseScheduledEvents
from bot.web.app import HealthChecks
from bot.web.server import serve_feeds
from bot.web.token_cache import CachedFeedTokens

if TYPE_CHECKING:  # Discord (discord.py) is loaded only when a token is set
    from discord.http import HTTPClient

    from bot.discord.client import AgendaBot

log = logging.getLogger(__name__)

DATABASE_CHECK_EVERY = 30.0  # seconds: a deleted SQLite file is logged even if nobody probes


class _WithoutSchedules:
    """A revision store that never keeps the revisions of some schedules (the in-memory demo):
    a later run without them must not list their sessions as cancelled in the feeds."""

    def __init__(self, store: RevisionStore, schedule_ids: frozenset[str]) -> None:
        self.store = store
        self.schedule_ids = schedule_ids

    def _kept(self, revisions: Mapping[str, Revision]) -> dict[str, Revision]:
        return {k: r for k, r in revisions.items() if r.schedule_id not in self.schedule_ids}

    def load(self) -> dict[str, Revision]:
        return self._kept(self.store.load())

    def save(self, revisions: Mapping[str, Revision]) -> None:
        self.store.save(self._kept(revisions))


class LibraryWithExtras(AgendaLibrary):
    """The agenda library plus agendas held in memory (the demo) and the operator's followed
    URLs (`more`, asked at each reload), read again with every reload as if they were files
    in the folder."""

    def __init__(
        self,
        folder: Path,
        options: ReadOptions,
        store: RevisionStore,
        extras: Sequence[ReadResult],
        imports: DatabaseImportedAgendas | None = None,
        *,
        more: Callable[[], list[ReadResult]] | None = None,
    ) -> None:
        in_memory = frozenset(s.id for result in extras for s in result.schedules)
        super().__init__(folder, options, _WithoutSchedules(store, in_memory), imports=imports)
        self.extras = list(extras)
        self.more = more

    def _read(self) -> list[ReadResult]:
        more = self.more() if self.more is not None else []
        return [*super()._read(), *self.extras, *more]


def choose_sender(
    settings: Settings, http: HTTPClient | None = None
) -> tuple[Sender, tuple[Target, ...]]:
    """The bot when a token is set, else the webhook, else the console; and the destinations
    that follow every agenda without being asked (the console, the webhook, a default channel)."""
    if settings.discord_token:
        from bot.delivery.discord_rest import DiscordSender  # noqa: PLC0415

        channel = settings.discord_channel_id
        targets = (Target(TargetKind.CHANNEL, str(channel)),) if channel else ()
        return DiscordSender(settings.discord_token, http=http), targets
    if settings.discord_webhook_url:
        webhook = WebhookSender(settings.discord_webhook_url)
        return webhook, (webhook.destination,)
    console = ConsoleSender()
    return console, (console.destination,)


def _spawn(tasks: set[asyncio.Task[object]], work: Coroutine[Any, Any, object]) -> None:
    task = asyncio.get_running_loop().create_task(work)
    tasks.add(task)
    task.add_done_callback(tasks.discard)


async def _connect(client: AgendaBot, stop: asyncio.Event) -> Exception | None:
    """The gateway connection; if it ends for good (bad token, intents refused), stop everything
    and hand the failure back, so that `run` exits with an error for its supervisor."""
    from bot.discord.client import DiscordUnavailableError  # noqa: PLC0415

    try:
        await client.connect(reconnect=True)
    except DiscordUnavailableError as exc:  # already logged, in one line
        stop.set()
        return exc
    except Exception as exc:
        log.exception("the Discord connection failed")
        stop.set()
        return exc
    return None


def _gauge_agendas(metrics: Metrics, snapshot: Snapshot) -> None:
    metrics.agendas.set(len(snapshot.schedules))
    metrics.agenda_errors.set(len(snapshot.errors))


async def _watch_database(probe: DatabaseProbe, stop: asyncio.Event, every: float) -> None:
    """Run the database check now and then, so that a lost SQLite file is logged even when
    nothing asks /healthz (the check logs each change itself)."""
    while not stop.is_set():
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=every)
        if stop.is_set():
            return
        try:
            await asyncio.to_thread(probe)
        except Exception:  # already logged by the probe; /healthz answers 503 meanwhile
            continue


async def _prepare_database(settings: Settings) -> Engine:
    """The engine, with every migration applied; a database that cannot take them is a
    `StartupError` naming DATABASE_URL."""
    try:
        engine = make_engine(settings.database)
    except OSError as exc:
        raise StartupError(
            f"{database_setting(settings)}: cannot create the folder for the database file "
            f"({exc.strerror or exc})"
        ) from None
    try:
        await asyncio.to_thread(upgrade, engine)
    except (SQLAlchemyError, OSError) as exc:
        engine.dispose()
        cause = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise StartupError(
            f"{database_setting(settings)}: cannot apply the migrations ({cause})"
        ) from None
    return engine


async def _listening(feeds: asyncio.Task[None], started: asyncio.Event, settings: Settings) -> None:
    """Wait until the feed server listens; if it cannot, stop with one line naming the port."""
    waiting = asyncio.create_task(started.wait())
    try:
        await asyncio.wait({feeds, waiting}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        waiting.cancel()
    if started.is_set():
        return
    error = feeds.exception() if not feeds.cancelled() else None
    if error is None:  # ended without listening and without an error: stopping already
        return
    where = f"{settings.host or '*'}:{settings.port}"
    if isinstance(error, OSError):
        raise StartupError(
            port_problem(error, where, settings.setting("port"), settings.setting("host"))
        )
    raise StartupError(
        f"{settings.setting('port')}: the feed server did not start on {where} ({error})"
    )


def _guild_locales(client: AgendaBot) -> Callable[[], dict[int, str]]:
    """The language each server the bot is in prefers (its Discord `preferred_locale`), read
    afresh at each planning: channel reminders are posted in it."""
    return lambda: {guild.id: str(guild.preferred_locale) for guild in list(client.guilds)}


def _discord_state(client: AgendaBot | None, metrics: Metrics) -> str:
    if client is None:
        return "not configured"
    connected = client.is_ready() and not client.is_closed()
    metrics.discord_connected.set(1 if connected else 0)
    return "connected" if connected else "disconnected"


def _settle_memory() -> None:
    """Once started: free what start-up left behind, and keep the long-lived objects (agendas,
    the gazetteer, modules) out of later collections, which then stay short and touch fewer
    pages; the process holds less memory for as long as it runs. With glibc, the heap freed at
    start-up (the first agenda load, the gazetteer) goes back to the system too; so do the
    compiled patterns the cache file held for modules this process never imported."""
    release_unused_patterns()
    gc.collect()
    gc.freeze()
    if sys.platform == "linux":
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6").malloc_trim(0)


def process_name() -> str:
    """Who holds a claim: host, pid and a random part (pids repeat across restarts)."""
    return f"{socket.gethostname()[:32]}:{os.getpid()}:{secrets.token_hex(3)}"


async def run_all(
    settings: Settings,
    stop: asyncio.Event,
    access_log: bool = False,
    extras: Sequence[ReadResult] = (),
) -> None:
    """Run until `stop` is set. A setting that does not work here (the schedules folder, the
    database, the port) ends it with `StartupError`. `extras` are agendas held in memory, served
    and reminded of like the files in the schedules folder (`run --demo`)."""
    if not settings.schedules.is_dir():
        raise StartupError(f"{settings.setting('schedules')}: no such folder")
    engine = await _prepare_database(settings)
    probe = DatabaseProbe(engine, log)
    await asyncio.to_thread(probe.remember_file)
    sessions = session_factory(engine)
    options = settings.read_options()
    # Servers' imports live in the database, read by every process; files that an earlier
    # version imported under schedules/guilds/<id>/ move there first.
    imports = DatabaseImportedAgendas(sessions)
    await asyncio.to_thread(adopt_guild_files, settings.schedules, imports, options)

    metrics = Metrics()
    # Agendas followed from their URLs: the operator's are read with the folder's files, a
    # server's are kept as its imports.
    sources = SourceRegistry(
        DatabaseAgendaSources(sessions),
        imports,
        settings.schedules,
        operator=settings.sources,
        allow_private=settings.allow_private_sources or private_allowed_by_environment(),
        allow_private_servers=settings.allow_private_server_sources,
        metrics=metrics,
        owns_guild=guild_owner(settings.shard_count, settings.shard_ids),
    )

    def make_library() -> AgendaLibrary:
        # Revisions live in the database: feed servers in several processes serve the same
        # bytes. Made off the loop: the library reads them from the database when made.
        store = DatabaseRevisionStore(sessions)
        made = LibraryWithExtras(
            settings.schedules, options, store, extras, imports, more=sources.operator_results
        )
        sources.library = made
        sources.load()
        return made

    library = await asyncio.to_thread(make_library)
    snapshot = await asyncio.to_thread(library.load)
    for diagnostic in snapshot.warnings:  # (the errors: logged by the library's load)
        log.warning("%s", diagnostic)
    people = DatabaseMembers(sessions)
    # Personal feeds are answered from memory; this process's changes reach it at once.
    tokens = CachedFeedTokens(DatabaseFeedTokens(sessions))
    client: AgendaBot | None = None
    if settings.discord_token:
        from bot.delivery.discord_rest import use_api_base  # noqa: PLC0415
        from bot.discord.client import AgendaBot  # noqa: PLC0415
        from bot.discord.services import Coalesced, UseCases  # noqa: PLC0415

        use_api_base(settings.discord_api_base)
        use_cases = UseCases.build(
            library,
            people,
            tokens,
            rsvps=DatabaseRsvps(sessions),
            imports=AgendaImports(imports, library),
            settings=settings,
            resolver=library.options.resolver,
        )
        use_cases.sources = sources
        use_cases.scheduled_events = DatabaseScheduledEvents(sessions)
        client = AgendaBot(
            use_cases,
            dev_guild=settings.discord_dev_guild,
            custom_gateway=bool(settings.discord_api_base),
            shard_count=settings.shard_count,
            shard_ids=settings.shard_ids,
        )
        await client.login(settings.discord_token)
    sender, destinations = choose_sender(settings, client.http if client else None)
    await sender.start()
    scheduler = AsyncIOScheduler(timezone="UTC")
    service = ReminderService(
        library=library,
        people=people,
        ledger=DeliveryLedger(sessions, process_name()),
        sender=sender,
        defaults=settings.leads,
        destinations=destinations,
        scheduler=scheduler,
        metrics=metrics,
        owns=shard_owner(settings.shard_count, settings.shard_ids),
        guild_locales=_guild_locales(client) if client is not None else None,
    )
    library.subscribe(service.on_agendas_changed)
    library.subscribe(lambda s: _gauge_agendas(metrics, s))
    _gauge_agendas(metrics, snapshot)
    background: set[asyncio.Task[object]] = set()
    gateway_failure: Exception | None = None
    if client is not None:
        client.services.people_changed.connect(
            Coalesced(service.reconcile, lambda work: _spawn(background, work))
        )
        client.services.people_changed.connect(tokens.invalidate)
        gateway = asyncio.create_task(_connect(client, stop))
    watcher = asyncio.create_task(watch_agendas(library, stop))
    polling = asyncio.create_task(sources.run(stop))
    database_watch = asyncio.create_task(_watch_database(probe, stop, DATABASE_CHECK_EVERY))
    listening = asyncio.Event()
    feeds = asyncio.create_task(
        serve_feeds(
            library,
            tokens,
            host=settings.host,
            port=settings.port,
            base_url=settings.base_url,
            stop=stop,
            started=listening,
            access_log=access_log,
            health=HealthChecks(
                database=probe,
                discord=lambda: _discord_state(client, metrics),
                sources=lambda: source_health(sources.statuses_now()),
            ),
            metrics=metrics,
        )
    )
    try:
        await _listening(feeds, listening, settings)
        await service.start()
        log.info(
            "running: %d agendas, reminders through %s",
            len(snapshot.schedules),
            type(sender).__name__,
        )
        _settle_memory()
        await stop.wait()
    finally:
        stop.set()
        await service.stop()
        if client is not None:
            await client.close()
            await asyncio.gather(gateway, return_exceptions=True)
            gateway_failure = (
                gateway.result() if gateway.done() and not gateway.cancelled() else None
            )
        await asyncio.gather(
            watcher, polling, feeds, database_watch, *background, return_exceptions=True
        )
        await sender.close()
        engine.dispose()
        log.info("stopped")
    if gateway_failure is not None:
        raise gateway_failure
