"""`agenda-bot run`: agendas and their watcher, the reminder timer, the feed server and the
Discord delivery, in one process, until SIGTERM."""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import socket

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.agendas.library import AgendaLibrary
from bot.agendas.revision_store import JsonRevisionStore
from bot.agendas.watch import watch_agendas
from bot.config import Settings
from bot.delivery import Sender
from bot.delivery.console import ConsoleSender
from bot.delivery.discord_rest import DiscordSender, use_api_base
from bot.delivery.webhook import WebhookSender
from bot.domain.reminders.plan import Target, TargetKind
from bot.reminders.service import ReminderService
from bot.storage.database import make_engine, session_factory
from bot.storage.deliveries import DeliveryLedger
from bot.storage.feed_tokens import DatabaseFeedTokens
from bot.storage.migrate import upgrade
from bot.storage.people import People
from bot.web.server import serve_feeds

log = logging.getLogger(__name__)


def choose_sender(settings: Settings) -> tuple[Sender, tuple[Target, ...]]:
    """The bot when a token is set, else the webhook, else the console; and the destinations
    that follow every agenda without being asked (the console, the webhook, a default channel)."""
    if settings.discord_token:
        use_api_base(settings.discord_api_base)
        channel = settings.discord_channel_id
        targets = (Target(TargetKind.CHANNEL, str(channel)),) if channel else ()
        return DiscordSender(settings.discord_token), targets
    if settings.discord_webhook_url:
        return WebhookSender(settings.discord_webhook_url), (Target(TargetKind.WEBHOOK),)
    return ConsoleSender(), (Target(TargetKind.CONSOLE),)


def process_name() -> str:
    """Who holds a claim: host, pid and a random part (pids repeat across restarts)."""
    return f"{socket.gethostname()[:32]}:{os.getpid()}:{secrets.token_hex(3)}"


async def run_all(settings: Settings, stop: asyncio.Event, access_log: bool = False) -> None:
    engine = make_engine(settings.database)
    await asyncio.to_thread(upgrade, engine)
    sessions = session_factory(engine)
    if not settings.schedules.is_dir():
        raise SystemExit(f"the schedules folder {settings.schedules} does not exist")
    library = AgendaLibrary(
        settings.schedules,
        settings.read_options(),
        JsonRevisionStore(settings.state_dir / "revisions.json"),
    )
    snapshot = await asyncio.to_thread(library.load)
    for diagnostic in snapshot.diagnostics:
        log.warning("%s", diagnostic)
    sender, destinations = choose_sender(settings)
    await sender.start()
    scheduler = AsyncIOScheduler(timezone="UTC")
    service = ReminderService(
        library=library,
        people=People(sessions),
        ledger=DeliveryLedger(sessions, process_name()),
        sender=sender,
        defaults=settings.leads,
        destinations=destinations,
        scheduler=scheduler,
    )
    library.subscribe(service.on_agendas_changed)
    watcher = asyncio.create_task(watch_agendas(library, stop))
    feeds = asyncio.create_task(
        serve_feeds(
            library,
            DatabaseFeedTokens(sessions),
            host=settings.host,
            port=settings.port,
            base_url=settings.base_url,
            stop=stop,
            access_log=access_log,
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
        await asyncio.gather(watcher, feeds, return_exceptions=True)
        await sender.close()
        engine.dispose()
        log.info("stopped")
