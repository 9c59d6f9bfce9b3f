"""Running the feed server on a host and port until told to stop."""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import sys
from dataclasses import dataclass, field
from functools import partial

from aiohttp import web

from bot.agendas.library import AgendaLibrary
from bot.app.ports import FeedTokenStore
from bot.observability.metrics import Metrics
from bot.web.access_log import RedactingAccessLogger
from bot.web.app import FEEDS_FIRST, HealthChecks, make_app
from bot.web.connections import GuardedSite
from bot.web.feed_cache import FeedCache
from bot.web.redaction import install_log_redaction
from bot.web.token_cache import CachedFeedTokens
from bot.web.wire import feed_connections, lean_path_available

if sys.platform != "win32":
    import resource

log = logging.getLogger(__name__)


def default_max_connections() -> int:
    """Half the process's open-file limit (the rest is for the database, agenda files, Discord),
    between 64 and 4096."""
    if sys.platform == "win32":
        return 1024
    try:
        soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    except (OSError, ValueError):
        return 1024
    if soft == resource.RLIM_INFINITY:
        return 4096
    return max(64, min(4096, soft // 2))


@dataclass(frozen=True, slots=True)
class ServerLimits:
    """What keeps silent, slow or numerous clients from taking the server down.

    `idle_timeout`: a connection with no complete request for this long is closed, counted from
    when it opens (so it also bounds how long a client may take over its request line and
    headers) and again after each response (keep-alive). `max_connections`: open connections at
    once; at the cap the longest idle ones are closed to make room. `token_lookup_timeout`: how
    long a personal feed waits for the token store before answering 503.
    """

    idle_timeout: float = 15.0
    max_connections: int = field(default_factory=default_max_connections)
    token_lookup_timeout: float = 10.0


def warn_if_exposed(host: str, base_url: str, logger: logging.Logger) -> bool:
    """Warn (and return True) when the server listens beyond this machine without base_url:
    the links on `/` then follow each request's Host header, which any client can set."""
    if base_url or _loopback(host):
        return False
    logger.warning(
        "the feed server listens on %s, reachable beyond this machine, and base_url is not "
        "set: the links on / follow each request's Host header. Set base_url (--base-url) to "
        "the server's public URL.",
        host or "every interface",
    )
    return True


def _loopback(host: str) -> bool:
    name = host.strip().removeprefix("[").removesuffix("]").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False  # a name (or "" for every interface): assume it is reachable


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
    limits: ServerLimits | None = None,
) -> None:
    """Serve feeds for `library` until `stop` is set; feeds rebuild on every agenda change.
    With a `CachedFeedTokens` store, personal feeds are answered from its memory, kept fresh
    here."""
    limits = limits or ServerLimits()
    install_log_redaction()
    warn_if_exposed(host, base_url, log)
    feeds = FeedCache(base_url=base_url)
    # Built in worker threads, now and with every reload: the loop only swaps them in.
    await library.subscribe_prepared(feeds.prepare)
    app = make_app(
        library,
        feeds,
        tokens,
        base_url,
        health=health,
        metrics=metrics,
        token_lookup_timeout=limits.token_lookup_timeout,
    )
    # Calendar apps poll feeds all day long: access lines are opt-in (they cost about 40% of
    # throughput, bench/feeds.py), and when on, tokens are redacted from them.
    runner = web.AppRunner(
        app,
        access_log_class=RedactingAccessLogger,
        access_log=logging.getLogger("aiohttp.access") if access_log else None,
        handle_signals=False,
        keepalive_timeout=limits.idle_timeout,
    )
    await runner.setup()
    server = runner.server
    assert server is not None
    first = app[FEEDS_FIRST]
    server.request_handler = first.before(server.request_handler)
    # The polled feeds are answered from the request's bytes (bot.web.wire), but for access
    # lines, which only aiohttp's own path writes.
    lean = (
        None if access_log or not lean_path_available() else partial(feed_connections, first=first)
    )
    site = GuardedSite(runner, host, port, limits.max_connections, lean)
    await site.start()
    log.info(
        "feed server listening on http://%s:%s (idle timeout %g s, at most %d connections)",
        host,
        port,
        limits.idle_timeout,
        limits.max_connections,
    )
    fresh = (
        asyncio.create_task(tokens.keep_fresh(stop))
        if isinstance(tokens, CachedFeedTokens)
        else None
    )
    if started is not None:
        started.set()
    try:
        await stop.wait()
    finally:
        await runner.cleanup()
        if fresh is not None:
            fresh.cancel()
            await asyncio.gather(fresh, return_exceptions=True)
