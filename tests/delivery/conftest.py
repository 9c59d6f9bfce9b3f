from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
from discord.http import Route

from bot.delivery.discord_rest import DiscordSender, use_api_base
from bot.delivery.webhook import WebhookSender
from tests.fakes.discord_http import FakeDiscord


@pytest.fixture
def discord() -> Iterator[FakeDiscord]:
    fake = FakeDiscord().start()
    yield fake
    fake.stop()


@pytest.fixture
async def webhook(discord: FakeDiscord) -> AsyncIterator[WebhookSender]:
    sender = WebhookSender(discord.webhook_url)
    await sender.start()
    yield sender
    await sender.close()


@pytest.fixture
async def rest(discord: FakeDiscord) -> AsyncIterator[DiscordSender]:
    old = Route.BASE
    use_api_base(discord.base)
    sender = DiscordSender("test-token")
    await sender.start()
    yield sender
    await sender.close()
    Route.BASE = old
