from __future__ import annotations

import shutil
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient

from bot.agendas.library import AgendaLibrary
from bot.domain.feed_tokens import MemoryFeedTokens
from bot.domain.readers.context import ReadOptions
from bot.web.app import make_app
from bot.web.feed_cache import FeedCache
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
    feeds = FeedCache(host="agenda.example.org")
    feeds.rebuild(library.snapshot)
    library.subscribe(feeds.rebuild)
    tokens = MemoryFeedTokens()
    client = await aiohttp_client(make_app(library, feeds, tokens))
    return Server(client, library, feeds, tokens, folder)
