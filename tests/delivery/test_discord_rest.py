from __future__ import annotations

from datetime import timedelta

import pytest
from discord.http import Route

from bot.delivery import Retry, Sent
from bot.delivery.discord_rest import DiscordSender, use_api_base
from bot.domain.reminders.plan import Target, TargetKind
from tests.delivery.messages import message, shown_in_discord
from tests.fakes.discord_http import CHANNEL_ID, FakeDiscord, RateLimit


@pytest.mark.parametrize(
    ("given", "base"),
    [
        ("http://127.0.0.1:8900/api/v10", "http://127.0.0.1:8900/api/v10"),
        ("http://127.0.0.1:8900/api/v10/", "http://127.0.0.1:8900/api/v10"),
        ("http://127.0.0.1:8900", "http://127.0.0.1:8900/api/v10"),
        ("https://proxy.example.org/", "https://proxy.example.org/api/v10"),
    ],
)
def test_the_api_base_accepts_a_server_root_or_a_full_api_base(given: str, base: str) -> None:
    old = Route.BASE
    try:
        use_api_base(given)
        assert base == Route.BASE
    finally:
        Route.BASE = old


CHANNEL = Target(TargetKind.CHANNEL, CHANNEL_ID)


async def test_a_429_from_a_proxy_is_waited_out_for_its_retry_after(
    discord: FakeDiscord, rest: DiscordSender
) -> None:
    # Without Discord's edge header (a REST proxy, a local server) discord.py raises the 429
    # as is: the sender honours its Retry-After instead of a fixed 30 s backoff.
    discord.limit_next(1, RateLimit(0.4, header=False, body=True))
    result = await rest.send(CHANNEL, message("hello"), nonce="ab7")
    assert isinstance(result, Sent)
    limited, posted = discord.tried()
    assert (limited.status, posted.status) == (429, 200)
    assert posted.at - limited.at >= 0.4
    assert [(m.content, m.nonce) for m in discord.received()] == [
        (shown_in_discord("hello"), "ab7")
    ]


async def test_a_long_429_goes_back_to_the_runtime_with_its_wait(
    discord: FakeDiscord, rest: DiscordSender
) -> None:
    discord.limit_next(1, RateLimit(90.0, header=True, body=False))
    result = await rest.send(CHANNEL, message("later"), nonce="ab8")
    assert isinstance(result, Retry) and result.retry_after == timedelta(seconds=90)
    assert discord.received() == []


async def test_a_429_through_discords_edge_is_waited_out_by_discord_py(
    discord: FakeDiscord, rest: DiscordSender
) -> None:
    discord.limit_next(1, RateLimit(0.3, via=True))
    assert isinstance(await rest.send(CHANNEL, message("edge"), nonce="ab9"), Sent)
    limited, posted = discord.tried()
    assert posted.at - limited.at >= 0.3


async def test_a_long_429_through_discords_edge_is_not_slept_on_with_a_claim_held(
    discord: FakeDiscord, rest: DiscordSender
) -> None:
    discord.limit_next(1, RateLimit(45.0, via=True))
    result = await rest.send(CHANNEL, message("edge"), nonce="ab10")
    assert isinstance(result, Retry) and result.retry_after == timedelta(seconds=45)


async def test_a_repeated_send_with_the_same_nonce_posts_once(
    discord: FakeDiscord, rest: DiscordSender
) -> None:
    first = await rest.send(CHANNEL, message("once"), nonce="ab11")
    again = await rest.send(CHANNEL, message("once"), nonce="ab11")
    assert isinstance(first, Sent) and first == again
    assert len(discord.received()) == 1 and discord.nonce_replays == 1
