"""A Discord-compatible HTTP endpoint for tests: the REST routes the bot uses and channel
webhooks, recording every message with the time it arrived. Runs on its own thread and loop so
the process under test talks to it over a real socket."""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web


@dataclass
class Received:
    route: str  # "channel:<id>" or "webhook:<id>"
    content: str
    nonce: str | None
    at: float  # time.time() when it arrived


@dataclass
class FakeDiscord:
    """Start with `start()`; `base` is the REST base URL, `webhook_url` a webhook's URL."""

    messages: list[Received] = field(default_factory=list)
    fail_next: int = 0  # answer this many message posts with 503 first
    closed_dms: set[str] = field(default_factory=set)
    port: int = 0
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(10_000))
    _nonces: dict[str, dict[str, Any]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _loop: asyncio.AbstractEventLoop | None = None
    _runner: web.AppRunner | None = None
    _thread: threading.Thread | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def webhook_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/webhooks/123456789012345678/secret-webhook-token"

    def start(self) -> FakeDiscord:
        ready = threading.Event()

        def serve() -> None:
            self._loop = asyncio.new_event_loop()
            self._loop.run_until_complete(self._start())
            ready.set()
            self._loop.run_forever()

        self._thread = threading.Thread(target=serve, daemon=True)
        self._thread.start()
        ready.wait(10)
        return self

    def stop(self) -> None:
        if self._loop is None:
            return
        future = asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop)  # type: ignore[union-attr]
        future.result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(10)
        self._loop.close()

    def received(self) -> list[Received]:
        with self._lock:
            return list(self.messages)

    async def _start(self) -> None:
        app = web.Application()
        app.router.add_get("/api/v10/users/@me", self._me)
        app.router.add_post("/api/v10/channels/{channel}/messages", self._message)
        app.router.add_post("/api/v10/users/@me/channels", self._dm)
        app.router.add_post("/api/webhooks/{id}/{token}", self._webhook)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", self.port)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    @staticmethod
    def _json(data: Any, status: int = 200) -> web.Response:
        # discord.py compares Content-Type to exactly "application/json".
        return web.Response(
            text=json.dumps(data), status=status, headers={"Content-Type": "application/json"}
        )

    async def _me(self, request: web.Request) -> web.Response:
        if request.headers.get("Authorization", "").split(" ")[-1] == "":
            return self._json({"message": "401: Unauthorized", "code": 0}, 401)
        return self._json(
            {
                "id": "1000",
                "username": "agenda-bot",
                "discriminator": "0",
                "avatar": None,
                "global_name": None,
                "bot": True,
            }
        )

    async def _dm(self, request: web.Request) -> web.Response:
        body = await request.json()
        return self._json({"id": f"dm{body['recipient_id']}", "type": 1, "recipients": []})

    async def _message(self, request: web.Request) -> web.Response:
        channel = request.match_info["channel"]
        body = await request.json()
        if channel.startswith("dm") and channel[2:] in self.closed_dms:
            return self._json({"message": "Cannot send messages to this user", "code": 50007}, 403)
        with self._lock:
            if self.fail_next:
                self.fail_next -= 1
                return self._json({"message": "upstream trouble", "code": 0}, 503)
            nonce = body.get("nonce")
            if nonce and body.get("enforce_nonce") and nonce in self._nonces:
                return self._json(self._nonces[nonce])  # Discord returns the first message
            message = {
                "id": str(next(self._ids)),
                "channel_id": channel,
                "content": body["content"],
            }
            if nonce:
                self._nonces[str(nonce)] = message
            self.messages.append(
                Received(f"channel:{channel}", body["content"], nonce, time.time())
            )
        return self._json(message)

    async def _webhook(self, request: web.Request) -> web.Response:
        body = await request.json()
        with self._lock:
            message = {"id": str(next(self._ids)), "content": body["content"]}
            self.messages.append(
                Received(f"webhook:{request.match_info['id']}", body["content"], None, time.time())
            )
        return self._json(message)
