"""The webhook sender against the Discord-compatible fake: rate limits, slow answers, and what
it can and cannot promise."""

from __future__ import annotations

from datetime import timedelta

import aiohttp

from bot.delivery import Retry, Sent, Unknown
from bot.delivery.webhook import TIMEOUT, WebhookSender
from bot.dispatch.service import Timing
from bot.storage.deliveries import DEFAULT_LEASE
from tests.delivery.messages import message, shown_in_discord
from tests.fakes.discord_http import FakeDiscord, RateLimit

HOOK = WebhookSender.destination


async def test_a_webhook_waits_out_a_short_retry_after_header_then_posts(
    discord: FakeDiscord, webhook: WebhookSender
) -> None:
    discord.limit_next(1, RateLimit(0.4, header=True, body=False))
    result = await webhook.send(HOOK, message("hello"), nonce="ab1")
    assert isinstance(result, Sent) and result.message_id
    limited, posted = discord.tried()
    assert (limited.status, posted.status) == (429, 200)
    assert posted.at - limited.at >= 0.4  # Retry-After says 1 s when rounded; 0.4 s asked
    assert [m.content for m in discord.received()] == [shown_in_discord("hello")]
    assert discord.received()[0].content.startswith("⏰ **hello** starts <t:1772362800:R>")


async def test_a_webhook_reads_retry_after_from_the_json_body(
    discord: FakeDiscord, webhook: WebhookSender
) -> None:
    discord.limit_next(2, RateLimit(0.3, header=False, body=True))
    assert isinstance(await webhook.send(HOOK, message("hi"), nonce="ab2"), Sent)
    first, second, third = discord.tried()
    assert [a.status for a in (first, second, third)] == [429, 429, 200]
    assert second.at - first.at >= 0.3 and third.at - second.at >= 0.3


async def test_a_long_retry_after_goes_back_to_the_runtime_untried(
    discord: FakeDiscord, webhook: WebhookSender
) -> None:
    discord.limit_next(1, RateLimit(120.0))
    result = await webhook.send(HOOK, message("later"), nonce="ab3")
    assert isinstance(result, Retry) and result.retry_after == timedelta(seconds=120)
    assert len(discord.tried()) == 1 and discord.received() == []


async def test_an_unanswered_webhook_post_is_unknown_not_a_failure(discord: FakeDiscord) -> None:
    # The fake posts the message, then answers after the sender stopped waiting: the message is
    # there, so "failed" would be a lie; the runtime records "outcome unknown".
    discord.answer_delay = 1.0
    sender = WebhookSender(discord.webhook_url, timeout=aiohttp.ClientTimeout(total=0.3))
    await sender.start()
    try:
        result = await sender.send(HOOK, message("slow"), nonce="ab4")
    finally:
        await sender.close()
    assert isinstance(result, Unknown)
    assert [m.content for m in discord.received()] == [shown_in_discord("slow")]


async def test_an_unreachable_webhook_posted_nothing_and_is_retried() -> None:
    sender = WebhookSender("http://127.0.0.1:9/api/webhooks/1/token")  # nothing listens there
    await sender.start()
    try:
        result = await sender.send(HOOK, message("x"), nonce="ab5")
    finally:
        await sender.close()
    assert isinstance(result, Retry) and result.retry_after is None


def test_a_webhook_waits_for_a_slow_answer_but_never_past_its_claim() -> None:
    # Answers slower than 15 s used to be abandoned, reported failed and posted again; the wait
    # is now well past Discord's usual latency, and still ends before the claim's lease does.
    assert TIMEOUT.total is not None
    assert TIMEOUT.total >= 30
    assert TIMEOUT.total < (DEFAULT_LEASE - Timing().send_margin).total_seconds()


def test_the_webhook_is_not_idempotent_and_rest_is() -> None:
    from bot.delivery.console import ConsoleSender
    from bot.delivery.discord_rest import DiscordSender

    assert WebhookSender.idempotent is False  # Execute Webhook takes no nonce
    assert ConsoleSender.idempotent is False
    assert DiscordSender.idempotent is True  # nonce + enforce_nonce


def test_the_operators_destination_keeps_the_name_its_delivery_keys_start_with() -> None:
    from bot.delivery.console import ConsoleSender
    from bot.domain.reminders.plan import Target

    assert (str(WebhookSender.destination), str(ConsoleSender.destination)) == (
        "webhook",
        "console",
    )
    assert WebhookSender.destination == Target.operator("webhook")
