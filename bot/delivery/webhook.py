"""A Discord channel webhook: reminders in one channel without running a bot.

Discord's Execute Webhook takes no nonce (unlike Create Message), so nothing on Discord's side
stops a second copy when a request is repeated. This sender is therefore not idempotent: the
runtime sends through it one message at a time, and only an outcome that is truly unknown (the
process died mid-request, or no answer came) can lead to a repeat, of that one message. To keep
"no answer" rare, it waits for a slow answer well beyond Discord's usual latency, and it tells
"nothing was posted" (no connection, an error status, a 429) apart from "no answer".
"""

from __future__ import annotations

import json

import aiohttp

from bot.delivery import GATEWAY_ERRORS, Retry, SendResult, Sent, Undeliverable, Unknown
from bot.delivery.formats.webhook import webhook_payload
from bot.delivery.rate_limits import retry_after, waiting_out_short_limits
from bot.domain.reminders.message import ReminderMessage
from bot.domain.reminders.plan import Target, TargetKind

# Connecting is quick or it failed (nothing was posted); an answer gets much longer, inside the
# runtime's deadline for one send (the ledger's lease less a margin).
TIMEOUT = aiohttp.ClientTimeout(total=40, connect=10)


class WebhookSender:
    """Posts to `url` (the webhook URL holds its own secret: it is never logged)."""

    kinds = frozenset({TargetKind.OPERATOR})
    destination = Target.operator("webhook")  # its name starts the ledger's keys: never change it
    idempotent = False

    def __init__(self, url: str, timeout: aiohttp.ClientTimeout = TIMEOUT) -> None:
        self.url = url
        self.timeout = timeout
        self._session: aiohttp.ClientSession | None = None

    async def start(self) -> None:
        self._session = aiohttp.ClientSession(timeout=self.timeout)

    async def send(self, target: Target, message: ReminderMessage, nonce: str) -> SendResult:
        if self._session is None:
            raise RuntimeError("WebhookSender.start was not awaited")
        payload = webhook_payload(message)
        session = self._session
        return await waiting_out_short_limits(lambda: self._post(session, payload))

    async def _post(self, session: aiohttp.ClientSession, payload: dict[str, object]) -> SendResult:
        try:
            async with session.post(self.url, params={"wait": "true"}, json=payload) as response:
                if response.status in (200, 204):
                    data = await response.json(content_type=None) if response.status == 200 else {}
                    return Sent(
                        str(data.get("id")) if isinstance(data, dict) and data.get("id") else None
                    )
                raw = await response.text()
                text = raw[:300]
                if response.status == 429:
                    wait = retry_after(response.headers, _json_or_none(raw))
                    return Retry(f"webhook answered 429: {text}", wait)
                if response.status in GATEWAY_ERRORS:
                    return Unknown(f"webhook answered {response.status}: {text}")
                if response.status >= 500:
                    return Retry(f"webhook answered {response.status}: {text}")
                return Undeliverable(f"webhook answered {response.status}: {text}")
        except (aiohttp.ClientConnectorError, aiohttp.ConnectionTimeoutError) as exc:
            return Retry(f"webhook unreachable: {type(exc).__name__}: {exc}")
        except (TimeoutError, aiohttp.ClientError, OSError) as exc:
            # The request may have reached Discord: a read timeout, a dropped connection.
            return Unknown(f"no answer from the webhook: {type(exc).__name__}: {exc}")

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()


def _json_or_none(text: str) -> object:
    try:
        return json.loads(text)
    except ValueError:
        return None
