"""The bot in the test's own event loop, logged in to the Discord-compatible fake: interactions
are built from raw payloads and run through discord.py's own CommandTree; replies are captured
by the fake at the HTTP boundary."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import discord
import pytest
from discord.http import Route

from bot.agendas.library import AgendaLibrary
from bot.app.imports import AgendaImports
from bot.config import Settings
from bot.delivery.discord_rest import use_api_base
from bot.discord.client import AgendaBot
from bot.discord.services import UseCases
from bot.domain.readers.context import ReadOptions
from bot.storage.database import make_engine, session_factory
from bot.storage.feed_tokens import DatabaseFeedTokens
from bot.storage.imported_agendas import DatabaseImportedAgendas
from bot.storage.members import DatabaseMembers
from bot.storage.migrate import upgrade
from bot.storage.rsvp import DatabaseRsvps
from tests.fakes.discord_http import CHANNEL_ID, FakeDiscord, Received
from tests.fakes.interactions import ALL_PERMISSIONS, slash
from tests.helpers import PAGES, SEED

MANAGE_EVENTS = str(1 << 33)
NOW = datetime(2025, 9, 9, 13, 40, tzinfo=UTC)  # 09:40 in New York, during DevConf day 1


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeDiscord]:
    server = FakeDiscord().start()
    yield server
    server.stop()


@dataclass
class Harness:
    bot: AgendaBot
    fake: FakeDiscord
    members: DatabaseMembers
    tokens: DatabaseFeedTokens
    imports: DatabaseImportedAgendas
    library: AgendaLibrary
    folder: Path

    async def run(self, payload: dict[str, Any]) -> list[Received]:
        """Run one interaction through the tree; return what the fake received for it."""
        before = len(self.fake.replies())
        interaction = discord.Interaction(data=payload, state=self.bot._connection)
        await self.bot.tree._call(interaction)
        return self.fake.replies()[before:]

    async def gateway(self, payload: dict[str, Any], replies: int = 1) -> list[Received]:
        """Deliver an interaction as the gateway would (components, dynamic items)."""
        before = len(self.fake.replies())
        self.bot._connection.parse_interaction_create(payload)
        for _ in range(200):
            if len(self.fake.replies()) >= before + replies:
                break
            await asyncio.sleep(0.01)
        return self.fake.replies()[before:]


@pytest.fixture
async def harness(fake: FakeDiscord, tmp_path: Path) -> AsyncIterator[Harness]:
    folder = tmp_path / "schedules"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    shutil.copy(PAGES / "parallel-tracks.md", folder / "devconf.md")
    engine = make_engine(f"sqlite:///{tmp_path / 'bot.sqlite3'}")
    upgrade(engine)
    sessions = session_factory(engine)
    options = ReadOptions()
    imports = DatabaseImportedAgendas(sessions)
    library = AgendaLibrary(folder, options, imports=imports)
    library.load()
    members, tokens = DatabaseMembers(sessions), DatabaseFeedTokens(sessions)
    settings = Settings(base_url="https://agenda.example.org")
    services = UseCases.build(
        library,
        members,
        tokens,
        rsvps=DatabaseRsvps(sessions),
        imports=AgendaImports(imports, library),
        settings=settings,
        resolver=options.resolver,
        clock=lambda: NOW,
    )
    old_base = Route.BASE
    use_api_base(fake.base)
    bot = AgendaBot(services)
    await bot.login("test-token")
    try:
        yield Harness(bot, fake, members, tokens, imports, library, folder)
    finally:
        await bot.close()
        Route.BASE = old_base
        engine.dispose()


def import_payload(
    fake: FakeDiscord,
    name: str,
    data: bytes,
    *,
    size: int | None = None,
    locale: str = "en-US",
    attachment_id: str = "5001",
    content_type: str | None = None,
) -> dict[str, Any]:
    """`/schedules import` with `data` attached as `name`, served by the fake's CDN."""
    fake.attachments[name] = data
    attachment: dict[str, Any] = {
        "id": attachment_id,
        "filename": name,
        "size": len(data) if size is None else size,
        "url": fake.attachment_url(name),
        "proxy_url": fake.attachment_url(name),
    }
    if content_type is not None:
        attachment["content_type"] = content_type
    return slash(
        "import",
        group="schedules",
        raw_options=[{"name": "file", "type": 11, "value": attachment_id}],
        resolved={"attachments": {attachment_id: attachment}},
        permissions=ALL_PERMISSIONS,
        locale=locale,
    )


def follow_payload(lead: str) -> dict[str, Any]:
    """`/follow schedule:devconf channel:#general lead:<lead>` by an organizer."""
    resolved = {
        "channels": {
            CHANNEL_ID: {"id": CHANNEL_ID, "type": 0, "name": "general", "permissions": "0"}
        }
    }
    raw = [
        {"name": "schedule", "type": 3, "value": "devconf"},
        {"name": "channel", "type": 7, "value": CHANNEL_ID},
        {"name": "lead", "type": 3, "value": lead},
    ]
    return slash("follow", raw_options=raw, resolved=resolved, permissions=MANAGE_EVENTS)
