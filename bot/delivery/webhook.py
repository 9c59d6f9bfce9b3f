"""A Discord channel webhook: reminders in one channel without running a bot."""

from __future__ import annotations

import aiohttp

from bot.delivery import Retry, SendResult, Sent, Undeliverable
from bot.domain.reminders.plan import Target, TargetKind
from bot.domain.reminders.render import Rendered

TIMEOUT = aiohttp.ClientTimeout(total=15)


class WebhookSender:
    """Posts to `url` (the webhook URL holds its own secret: it is never logged)."""

    kinds = frozenset({TargetKind.WEBHOOK})

    def __init__(self, url: str) -> None:
        self.url = url
        self._session: aiohttp.ClientSession | None = None

    async def start(self) -> None:
        self._session = aiohttp.ClientSession(timeout=TIMEOUT)

    async def send(self, target: Target, message: Rendered, nonce: str) -> SendResult:
        if self._session is None:
            raise RuntimeError("WebhookSender.start was not awaited")
        mentions: dict[str, object] = {"parse": []}
        if message.role_id is not None:
            mentions["roles"] = [str(message.role_id)]
        payload = {"content": message.content, "allowed_mentions": mentions}
        try:
            async with self._session.post(
                self.url, params={"wait": "true"}, json=payload
            ) as response:
                if response.status in (200, 204):
                    data = await response.json(content_type=None) if response.status == 200 else {}
                    return Sent(
                        str(data.get("id")) if isinstance(data, dict) and data.get("id") else None
                    )
                text = (await response.text())[:300]
                if response.status == 429 or response.status >= 500:
                    return Retry(f"webhook answered {response.status}: {text}")
                return Undeliverable(f"webhook answered {response.status}: {text}")
        except (TimeoutError, aiohttp.ClientError, OSError) as exc:
            return Retry(f"webhook unreachable: {type(exc).__name__}: {exc}")

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
