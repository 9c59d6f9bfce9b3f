"""Channel messages and DMs through Discord's REST API, with discord.py's HTTP client (which
handles rate limits). DISCORD_API_BASE points it elsewhere: a REST proxy, or a local
Discord-compatible server in tests.

Every message carries the delivery's nonce with `enforce_nonce`: Discord then returns the first
message instead of posting a second one with the same nonce "in the past few minutes". This
sender is idempotent within that window, so an unanswered request is simply retried."""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta
from urllib.parse import urlsplit

import aiohttp
import discord
from discord.http import HTTPClient, Route, handle_message_parameters

from bot.delivery import GATEWAY_ERRORS, Retry, SendResult, Sent, Undeliverable, Unknown
from bot.delivery.formats.discord_markup import discord_markup
from bot.delivery.rate_limits import retry_after, waiting_out_short_limits
from bot.domain.reminders.message import ReminderMessage
from bot.domain.reminders.plan import Target, TargetKind

CANNOT_MESSAGE_USER = 50007
# discord.py sleeps through a 429 itself up to this long, and raises RateLimited beyond it, so a
# long wait comes back to the runtime instead of holding a claim (30 s is discord.py's minimum).
MAX_RATELIMIT_WAIT = 30.0


def use_api_base(base: str | None) -> None:
    """Send every REST call (discord.py's, webhooks' and ours) to `base`, e.g.
    "http://127.0.0.1:8900/api/v10"."""
    if base:
        base = base.rstrip("/")
        if urlsplit(base).path in ("", "/"):
            base += "/api/v10"  # the server's root was given: Discord's routes live under /api/v10
        Route.BASE = base


class DiscordSender:
    kinds = frozenset({TargetKind.CHANNEL, TargetKind.DM})
    idempotent = True

    def __init__(self, token: str, http: HTTPClient | None = None) -> None:
        self._token = token
        self._http = http
        self._own_http = http is None
        self._dm_channels: dict[str, str] = {}

    async def start(self) -> None:
        if self._http is None:
            self._http = HTTPClient(
                asyncio.get_running_loop(), max_ratelimit_timeout=MAX_RATELIMIT_WAIT
            )
            await self._http.static_login(self._token)

    async def send(self, target: Target, message: ReminderMessage, nonce: str) -> SendResult:
        if self._http is None:
            raise RuntimeError("DiscordSender.start was not awaited")
        http = self._http
        return await waiting_out_short_limits(lambda: self._post(http, target, message, nonce))

    async def _post(
        self, http: HTTPClient, target: Target, message: ReminderMessage, nonce: str
    ) -> SendResult:
        try:
            channel_id = target.id
            if target.kind is TargetKind.DM:
                channel_id = await self._dm_channel(target.id)
            mentions = discord.AllowedMentions(
                everyone=False,
                users=False,
                roles=[discord.Object(message.role_id)] if message.role_id else False,
            )
            params = handle_message_parameters(
                content=discord_markup(message), nonce=nonce[:25], allowed_mentions=mentions
            )
            if isinstance(params.payload, dict):
                params.payload["enforce_nonce"] = True  # a retry after a crash cannot post twice
            with params:
                data = await http.send_message(channel_id, params=params)
            return Sent(str(data["id"]))
        except discord.RateLimited as exc:
            return Retry(
                f"discord rate limited for {exc.retry_after:.1f}s",
                timedelta(seconds=exc.retry_after),
            )
        except discord.Forbidden as exc:
            closed = target.kind is TargetKind.DM and exc.code == CANNOT_MESSAGE_USER
            return Undeliverable(f"forbidden ({exc.code}): {exc.text}", dm_closed=closed)
        except discord.NotFound as exc:
            return Undeliverable(f"not found ({exc.code}): {exc.text}")
        except discord.HTTPException as exc:
            error = f"discord answered {exc.status}: {exc.text}"
            if exc.status == 429:
                return Retry(error, _retry_after(exc))
            if exc.status in GATEWAY_ERRORS:
                return Unknown(error)
            if exc.status >= 500:
                return Retry(error)
            return Undeliverable(f"discord refused ({exc.status}, {exc.code}): {exc.text}")
        except (aiohttp.ClientConnectorError, aiohttp.ConnectionTimeoutError) as exc:
            return Retry(f"discord unreachable: {type(exc).__name__}: {exc}")
        except (TimeoutError, aiohttp.ClientError, OSError) as exc:
            return Unknown(f"no answer from discord: {type(exc).__name__}: {exc}")

    async def _dm_channel(self, user_id: str) -> str:
        assert self._http is not None
        cached = self._dm_channels.get(user_id)
        if cached is None:
            channel = await self._http.start_private_message(int(user_id))
            cached = self._dm_channels[user_id] = str(channel["id"])
        return cached

    async def close(self) -> None:
        if self._http is not None and self._own_http:
            await self._http.close()


def _retry_after(exc: discord.HTTPException) -> timedelta | None:
    """The wait a 429 asked for. discord.py raises it as is when the answer did not come through
    Discord's edge (no `Via` header: a REST proxy, a local server) or after five tries."""
    response = exc.response
    headers = getattr(response, "headers", None) or {}
    # discord.py keeps only the message of the body, and aiohttp refuses to read a released
    # response again, but keeps the bytes it read: the body's retry_after is there.
    raw = getattr(response, "_body", None)
    body: object = None
    if isinstance(raw, bytes):
        try:
            body = json.loads(raw)
        except ValueError:
            body = None
    return retry_after(headers, body)
