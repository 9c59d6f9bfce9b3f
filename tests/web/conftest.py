from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient

from bot.agendas.library import AgendaLibrary
from bot.app.ports import FeedTokenStore
from bot.domain.feed_tokens import MemoryFeedTokens
from bot.domain.readers.context import ReadOptions
from bot.observability.metrics import Metrics
from bot.web.app import make_app
from bot.web.feed_cache import FeedCache
from bot.web.server import ServerLimits, serve_feeds
from tests.helpers import PAGES, SEED


@dataclass
class Server:
    client: TestClient
    library: AgendaLibrary
    feeds: FeedCache
    tokens: MemoryFeedTokens
    folder: Path


@pytest.fixture
async def server(tmp_path: Path, aiohttp_client: Callable[..., Awaitable[TestClient]]) -> Server:
    folder = tmp_path / "schedules"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    shutil.copy(PAGES / "parallel-tracks.md", folder / "devconf.md")
    library = AgendaLibrary(folder, ReadOptions(), clock=lambda: datetime(2026, 1, 1, tzinfo=UTC))
    library.load()
    feeds = FeedCache()
    await library.subscribe_prepared(feeds.prepare)
    tokens = MemoryFeedTokens()
    client = await aiohttp_client(make_app(library, feeds, tokens))
    return Server(client, library, feeds, tokens, folder)


@asynccontextmanager
async def running(
    server: Server,
    port: int,
    *,
    base_url: str = "",
    limits: ServerLimits | None = None,
    access_log: bool = False,
    tokens: FeedTokenStore | None = None,
    metrics: Metrics | None = None,
) -> AsyncIterator[str]:
    """The real feed server (serve_feeds) on 127.0.0.1:`port` for the agendas of `server`
    (and its tokens, unless others are given)."""
    stop, started = asyncio.Event(), asyncio.Event()
    task = asyncio.create_task(
        serve_feeds(
            server.library,
            tokens or server.tokens,
            host="127.0.0.1",
            port=port,
            base_url=base_url,
            metrics=metrics,
            stop=stop,
            started=started,
            access_log=access_log,
            limits=limits,
        )
    )
    await asyncio.wait_for(started.wait(), 10)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop.set()
        await asyncio.wait_for(task, 30)
