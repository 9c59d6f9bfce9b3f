"""Running the feed server on a host and port until told to stop."""

from __future__ import annotations

import asyncio
import logging

from aiohttp import web

from bot.agendas.library import AgendaLibrary
from bot.domain.feed_tokens import FeedTokenStore
from bot.observability.metrics import Metrics
from bot.web.access_log import RedactingAccessLogger
from bot.web.app import HealthChecks, make_app
from bot.web.feed_cache import FeedCache

log = logging.getLogger(__name__)


async def serve_feeds(
    library: AgendaLibrary,
    tokens: FeedTokenStore,
    *,
    host: str,
    port: int,
    base_url: str,
    stop: asyncio.Event,
    started: asyncio.Event | None = None,
    access_log: bool = False,
    health: HealthChecks | None = None,
    metrics: Metrics | None = None,
) -> None:
    """Serve feeds for `library` until `stop` is set; feeds rebuild on every agenda change."""
    feeds = FeedCache(host=_uid_host(base_url))
    feeds.rebuild(library.snapshot)
    library.subscribe(feeds.rebuild)
    app = make_app(library, feeds, tokens, base_url, health=health, metrics=metrics)
    # Calendar apps poll feeds all day long: access lines are opt-in (they cost about 40% of
    # throughput, bench/feeds.py), and when on, tokens are redacted from them.
    runner = web.AppRunner(
        app,
        access_log_class=RedactingAccessLogger,
        access_log=logging.getLogger("aiohttp.access") if access_log else None,
        handle_signals=False,
    )
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    log.info("feed server listening on http://%s:%s", host, port)
    if started is not None:
        started.set()
    try:
        await stop.wait()
    finally:
        await runner.cleanup()


def _uid_host(base_url: str) -> str:
    """The host part of UIDs: the feed's own host when configured, else a fixed name."""
    host = base_url.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
    return host or "agenda-bot"
