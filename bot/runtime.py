"""`agenda-bot run`: agendas and their watcher, the reminder timer, the feed server and the
Discord delivery, in one process, until SIGTERM."""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import socket
from collections.abc import Coroutine
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from discord.http import HTTPClient
from sqlalchemy import Engine, text

from bot.agendas.library import AgendaLibrary, Snapshot
from bot.agendas.watch import watch_agendas
from bot.config import Settings
from bot.delivery import Sender
from bot.delivery.console import ConsoleSender
from bot.delivery.discord_rest import DiscordSender, use_api_base
from bot.delivery.webhook import WebhookSender
from bot.discord.client import AgendaBot
from bot.discord.services import BotServices
from bot.domain.reminders.plan import Target, TargetKind
from bot.observability.metrics import Metrics
from bot.reminders.service import ReminderService
from bot.storage.database import make_engine, session_factory
from bot.storage.deliveries import DeliveryLedger
from bot.storage.feed_tokens import DatabaseFeedTokens
from bot.storage.migrate import upgrade
from bot.storage.people import People
from bot.storage.revisions import DatabaseRevisionStore
from bot.web.app import HealthChecks
from bot.web.server import serve_feeds

log = logging.getLogger(__name__)


def choose_sender(
    settings: Settings, http: HTTPClient | None = None
) -> tuple[Sender, tuple[Target, ...]]:
    """The bot when a token is set, else the webhook, else the console; and the destinations
    that follow every agenda without being asked (the console, the webhook, a default channel)."""
    if settings.discord_token:
        channel = settings.discord_channel_id
        targets = (Target(TargetKind.CHANNEL, str(channel)),) if channel else ()
        return DiscordSender(settings.discord_token, http=http), targets
    if settings.discord_webhook_url:
        return WebhookSender(settings.discord_webhook_url), (Target(TargetKind.WEBHOOK),)
    return ConsoleSender(), (Target(TargetKind.CONSOLE),)


def _spawn(tasks: set[asyncio.Task[object]], work: Coroutine[Any, Any, object]) -> None:
    task = asyncio.get_running_loop().create_task(work)
    tasks.add(task)
    task.add_done_callback(tasks.discard)


async def _connect(client: AgendaBot, stop: asyncio.Event) -> None:
    """The gateway connection; if it ends for good (bad token, intents refused), stop everything."""
    try:
        await client.connect(reconnect=True)
    except Exception:
        log.exception("the Discord connection failed")
        stop.set()


def _gauge_agendas(metrics: Metrics, snapshot: Snapshot) -> None:
    metrics.agendas.set(len(snapshot.schedules))
    metrics.agenda_errors.set(len(snapshot.errors))


def _ping(engine: Engine) -> None:
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))


def _discord_state(client: AgendaBot | None, metrics: Metrics) -> str:
    if client is None:
        return "not configured"
    connected = client.is_ready() and not client.is_closed()
    metrics.discord_connected.set(1 if connected else 0)
    return "connected" if connected else "disconnected"


def process_name() -> str:
    """Who holds a claim: host, pid and a random part (pids repeat across restarts)."""
    return f"{socket.gethostname()[:32]}:{os.getpid()}:{secrets.token_hex(3)}"


async def run_all(settings: Settings, stop: asyncio.Event, access_log: bool = False) -> None:
    engine = make_engine(settings.database)
    await asyncio.to_thread(upgrade, engine)
    sessions = session_factory(engine)
    if not settings.schedules.is_dir():
        raise SystemExit(f"the schedules folder {settings.schedules} does not exist")
    # Revisions live in the database: feed servers in several processes serve the same bytes.
    library = AgendaLibrary(
        settings.schedules, settings.read_options(), DatabaseRevisionStore(sessions)
    )
    snapshot = await asyncio.to_thread(library.load)
    for diagnostic in snapshot.diagnostics:
        log.warning("%s", diagnostic)
    people = People(sessions)
    tokens = DatabaseFeedTokens(sessions)
    metrics = Metrics()
    client: AgendaBot | None = None
    if settings.discord_token:
        use_api_base(settings.discord_api_base)
        client = AgendaBot(
            BotServices(library, people, tokens, settings, library.options.resolver),
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
        shards=(settings.shard_count, settings.shard_ids)
        if settings.shard_count and settings.shard_ids
        else None,
    )
    library.subscribe(service.on_agendas_changed)
    library.subscribe(lambda s: _gauge_agendas(metrics, s))
    _gauge_agendas(metrics, snapshot)
    background: set[asyncio.Task[object]] = set()
    if client is not None:
        client.services.on_people_changed = lambda: _spawn(background, service.reconcile())
        gateway = asyncio.create_task(_connect(client, stop))
    watcher = asyncio.create_task(watch_agendas(library, stop))
    feeds = asyncio.create_task(
        serve_feeds(
            library,
            tokens,
            host=settings.host,
            port=settings.port,
            base_url=settings.base_url,
            stop=stop,
            access_log=access_log,
            health=HealthChecks(
                database=lambda: _ping(engine), discord=lambda: _discord_state(client, metrics)
            ),
            metrics=metrics,
        )
    )
    try:
        await service.start()
        log.info(
            "running: %d agendas, reminders through %s",
            len(snapshot.schedules),
            type(sender).__name__,
        )
        await stop.wait()
    finally:
        stop.set()
        await service.stop()
        if client is not None:
            await client.close()
            await asyncio.gather(gateway, return_exceptions=True)
        await asyncio.gather(watcher, feeds, *background, return_exceptions=True)
        await sender.close()
        engine.dispose()
        log.info("stopped")
