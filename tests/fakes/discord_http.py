"""A Discord-compatible server for tests: the REST routes the bot uses, channel webhooks, and a
gateway websocket (HELLO, IDENTIFY -> READY + GUILD_CREATE, heartbeats, dispatched events).

It runs on its own thread and event loop, so whatever talks to it (a bot process, or a client
in the test's own loop) goes through a real socket. Everything received is recorded."""

from __future__ import annotations

import asyncio
import itertools
import json
import math
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from aiohttp import WSMsgType, web

BOT_ID = "1000"
APPLICATION_ID = "2000"
GUILD_ID = "3000"
CHANNEL_ID = "555"
OWNER_ID = "4000"


def message_payload(
    message_id: str, channel: str, content: str, author: dict[str, Any], **fields: Any
) -> dict[str, Any]:
    """A message object as Discord sends it; `fields` override ("type", "flags", "components")."""
    return {
        "id": message_id,
        "channel_id": channel,
        "content": content,
        "type": 0,
        "author": author,
        "attachments": [],
        "embeds": [],
        "mentions": [],
        "mention_roles": [],
        "pinned": False,
        "mention_everyone": False,
        "tts": False,
        "timestamp": "2026-01-01T00:00:00+00:00",
        "edited_timestamp": None,
        "flags": 0,
        "components": [],
        **fields,
    }


@dataclass
class Received:
    route: str  # "channel:<id>", "webhook:<id>", "callback:<interaction id>", "followup"
    content: str
    nonce: str | None
    at: float  # time.time() when it arrived
    data: dict[str, Any] = field(default_factory=dict)
    files: list[tuple[str, bytes]] = field(default_factory=list)


@dataclass
class RateLimit:
    """One 429 answer: `retry_after` seconds in the Retry-After header (rounded up, as Discord
    does) and/or the JSON body; `via` adds Discord's edge header, which makes discord.py wait and
    retry by itself instead of raising."""

    retry_after: float
    header: bool = True
    body: bool = True
    via: bool = False


@dataclass
class Attempt:
    route: str
    at: float
    status: int


def guild_payload() -> dict[str, Any]:
    return {
        "id": GUILD_ID,
        "name": "Test Guild",
        "icon": None,
        "owner_id": OWNER_ID,
        "roles": [
            {
                "id": GUILD_ID,
                "name": "@everyone",
                "permissions": "0",
                "position": 0,
                "color": 0,
                "hoist": False,
                "managed": False,
                "mentionable": False,
                "flags": 0,
            },
            {
                "id": "700",
                "name": "attendees",
                "permissions": "0",
                "position": 1,
                "color": 0,
                "hoist": False,
                "managed": False,
                "mentionable": True,
                "flags": 0,
            },
        ],
        "emojis": [],
        "stickers": [],
        "features": [],
        "members": [],
        "threads": [],
        "channels": [
            {
                "id": CHANNEL_ID,
                "type": 0,
                "name": "general",
                "position": 0,
                "guild_id": GUILD_ID,
                "permission_overwrites": [],
                "nsfw": False,
                "parent_id": None,
                "topic": None,
                "last_message_id": None,
                "rate_limit_per_user": 0,
            }
        ],
        "voice_states": [],
        "presences": [],
        "member_count": 2,
        "large": False,
        "unavailable": False,
        "verification_level": 0,
        "default_message_notifications": 0,
        "explicit_content_filter": 0,
        "mfa_level": 0,
        "premium_tier": 0,
        "preferred_locale": "en-US",
        "nsfw_level": 0,
        "system_channel_flags": 0,
        "afk_timeout": 300,
        "joined_at": "2026-01-01T00:00:00+00:00",
    }


@dataclass
class FakeDiscord:
    """Start with `start()`; `base` is the REST base URL, `webhook_url` a webhook's URL."""

    messages: list[Received] = field(default_factory=list)
    callbacks: list[Received] = field(default_factory=list)
    commands: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # scope -> commands
    identified: list[dict[str, Any]] = field(default_factory=list)
    closed_dms: set[str] = field(default_factory=set)
    broken_dms: set[str] = field(default_factory=set)  # creating their DM channel fails (404)
    port: int = 0
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(10_000))
    _nonces: dict[str, dict[str, Any]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _loop: asyncio.AbstractEventLoop | None = None
    _runner: web.AppRunner | None = None
    _thread: threading.Thread | None = None
    _sockets: list[web.WebSocketResponse] = field(default_factory=list)
    _sequence: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    attachments: dict[str, bytes] = field(default_factory=dict)
    # Off unless a test asks: 429s for the next message/webhook posts, a late answer (the message
    # is recorded first, as Discord would have posted it), every post with its status, and how
    # many posts were answered with an earlier message because their nonce was seen before.
    rate_limits: list[RateLimit] = field(default_factory=list)
    answer_delay: float = 0.0
    attempts: list[Attempt] = field(default_factory=list)
    nonce_replays: int = 0
    # Guild scheduled events as Discord keeps them (id -> event object), every call made to
    # their routes ("POST", "PATCH <id>", "DELETE <id>", "GET" with the body sent), and how
    # many unfinished events a guild may hold (Discord: 100).
    scheduled_events: dict[str, dict[str, Any]] = field(default_factory=dict)
    event_calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    event_cap: int = 100
    edits: list[Received] = field(default_factory=list)  # PATCHed channel messages, in order

    def limit_next(self, count: int, limit: RateLimit) -> None:
        with self._lock:
            self.rate_limits.extend([limit] * count)

    def tried(self) -> list[Attempt]:
        with self._lock:
            return list(self.attempts)

    def _limited(self, route: str) -> web.Response | None:
        with self._lock:
            limit = self.rate_limits.pop(0) if self.rate_limits else None
            self.attempts.append(Attempt(route, time.time(), 429 if limit else 200))
        if limit is None:
            return None
        body: dict[str, Any] = {"message": "You are being rate limited.", "global": False}
        if limit.body:
            body["retry_after"] = limit.retry_after
        headers = {"Content-Type": "application/json"}
        if limit.header:
            headers["Retry-After"] = str(math.ceil(limit.retry_after))
        if limit.via:
            headers["Via"] = "1.1 google"
        return web.Response(body=json.dumps(body).encode(), status=429, headers=headers)

    async def _answer_late(self) -> None:
        if self.answer_delay:
            await asyncio.sleep(self.answer_delay)

    def attachment_url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.port}/attachments/{name}"

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
        future = asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop)
        future.result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(10)
        self._loop.close()

    async def _shutdown(self) -> None:
        for socket in list(self._sockets):
            await socket.close()
        assert self._runner is not None
        await self._runner.cleanup()

    def received(self) -> list[Received]:
        with self._lock:
            return list(self.messages)

    def replies(self) -> list[Received]:
        with self._lock:
            return list(self.callbacks)

    @property
    def connected(self) -> bool:
        return bool(self._sockets)

    def dispatch(self, event: str, data: dict[str, Any]) -> None:
        """Send a gateway event (INTERACTION_CREATE...) to every connected client."""
        assert self._loop is not None
        asyncio.run_coroutine_threadsafe(self._dispatch(event, data), self._loop).result(10)

    async def _dispatch(self, event: str, data: dict[str, Any]) -> None:
        for socket in list(self._sockets):
            await socket.send_str(
                json.dumps({"op": 0, "t": event, "s": next(self._sequence), "d": data})
            )

    async def _start(self) -> None:
        app = web.Application(client_max_size=8 * 1024 * 1024)
        api = "/api/v10"
        app.router.add_get(f"{api}/users/@me", self._me)
        app.router.add_get(f"{api}/oauth2/applications/@me", self._application)
        app.router.add_get(f"{api}/gateway/bot", self._gateway_bot)
        app.router.add_get(f"{api}/gateway", self._gateway_bot)
        app.router.add_put(f"{api}/applications/{{app}}/commands", self._sync)
        app.router.add_put(f"{api}/applications/{{app}}/guilds/{{guild}}/commands", self._sync)
        app.router.add_post(f"{api}/channels/{{channel}}/messages", self._message)
        app.router.add_post(f"{api}/users/@me/channels", self._dm)
        app.router.add_patch(f"{api}/channels/{{channel}}/messages/{{message}}", self._edit_message)
        app.router.add_post(f"{api}/interactions/{{id}}/{{token}}/callback", self._callback)
        app.router.add_post(f"{api}/webhooks/{{app}}/{{token}}", self._followup)
        app.router.add_patch(
            f"{api}/webhooks/{{app}}/{{token}}/messages/@original", self._edit_original
        )
        app.router.add_post("/api/webhooks/{id}/{token}", self._webhook)
        app.router.add_get("/gateway", self._gateway)
        app.router.add_get("/attachments/{name}", self._attachment)
        events = f"{api}/guilds/{{guild}}/scheduled-events"
        app.router.add_post(events, self._create_event)
        app.router.add_get(events, self._list_events)
        app.router.add_patch(f"{events}/{{event}}", self._edit_event)
        app.router.add_delete(f"{events}/{{event}}", self._delete_event)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", self.port)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    @staticmethod
    def _json(data: Any, status: int = 200) -> web.Response:
        # discord.py compares Content-Type to exactly "application/json".
        return web.Response(
            body=json.dumps(data).encode(),
            status=status,
            headers={"Content-Type": "application/json"},
        )

    def _user(self) -> dict[str, Any]:
        return {
            "id": BOT_ID,
            "username": "agenda-bot",
            "discriminator": "0",
            "avatar": None,
            "global_name": None,
            "bot": True,
        }

    async def _me(self, request: web.Request) -> web.Response:
        if not request.headers.get("Authorization", "").startswith("Bot "):
            return self._json({"message": "401: Unauthorized", "code": 0}, 401)
        return self._json(self._user())

    async def _application(self, request: web.Request) -> web.Response:
        return self._json(
            {
                "id": APPLICATION_ID,
                "name": "agenda-bot",
                "description": "",
                "icon": None,
                "bot_public": True,
                "bot_require_code_grant": False,
                "verify_key": "0" * 64,
                "flags": 0,
                "owner": {
                    "id": OWNER_ID,
                    "username": "owner",
                    "discriminator": "0",
                    "avatar": None,
                    "global_name": None,
                },
            }
        )

    async def _gateway_bot(self, request: web.Request) -> web.Response:
        return self._json(
            {
                "url": f"ws://127.0.0.1:{self.port}/gateway",
                "shards": 1,
                "session_start_limit": {
                    "total": 1000,
                    "remaining": 1000,
                    "reset_after": 0,
                    "max_concurrency": 1,
                },
            }
        )

    async def _sync(self, request: web.Request) -> web.Response:
        body = await request.json()
        scope = request.match_info.get("guild", "global")
        echoed = []
        for sent in body:
            command = {
                **sent,
                "id": str(next(self._ids)),
                "application_id": APPLICATION_ID,
                "version": "1",
            }
            command.setdefault("description", "")  # Discord always returns one
            echoed.append(command)
        with self._lock:
            self.commands[scope] = echoed
        return self._json(echoed)

    async def _dm(self, request: web.Request) -> web.Response:
        body = await request.json()
        if str(body["recipient_id"]) in self.broken_dms:
            return self._json({"message": "Unknown User", "code": 10013}, 404)
        return self._json({"id": f"9{body['recipient_id']}", "type": 1, "recipients": []})

    async def _message(self, request: web.Request) -> web.Response:
        channel = request.match_info["channel"]
        body = await request.json()
        if channel.startswith("9") and channel[1:] in self.closed_dms:
            return self._json({"message": "Cannot send messages to this user", "code": 50007}, 403)
        route = f"dm:{channel[1:]}" if channel.startswith("9") else f"channel:{channel}"
        limited = self._limited(route)
        if limited is not None:
            return limited
        with self._lock:
            nonce = body.get("nonce")
            if nonce and body.get("enforce_nonce") and nonce in self._nonces:
                self.nonce_replays += 1
                return self._json(self._nonces[nonce])  # Discord returns the first message
            message = self._message_payload(channel, body["content"])
            if nonce:
                self._nonces[str(nonce)] = message
            self.messages.append(Received(route, body["content"], nonce, time.time(), body))
        await self._answer_late()
        return self._json(message)

    async def _edit_message(self, request: web.Request) -> web.Response:
        channel, message = request.match_info["channel"], request.match_info["message"]
        body, files = await self._read_body(request)
        limited = self._limited(f"edit:{channel}")
        if limited is not None:
            return limited
        with self._lock:
            self.edits.append(
                Received(
                    f"edit:{channel}/{message}",
                    body.get("content") or "",
                    None,
                    time.time(),
                    body,
                    files,
                )
            )
        edited = message_payload(message, channel, body.get("content") or "", self._user())
        edited["embeds"] = body.get("embeds") or []
        return self._json(edited)

    def edited(self) -> list[Received]:
        with self._lock:
            return list(self.edits)

    def _message_payload(self, channel: str, content: str) -> dict[str, Any]:
        return message_payload(str(next(self._ids)), channel, content, self._user())

    async def _read_body(
        self, request: web.Request
    ) -> tuple[dict[str, Any], list[tuple[str, bytes]]]:
        if request.content_type.startswith("multipart/"):
            payload: dict[str, Any] = {}
            files = []
            reader = await request.multipart()
            async for part in reader:  # type: ignore[union-attr]
                if part.name == "payload_json":
                    payload = json.loads(await part.text())  # type: ignore[union-attr]
                else:
                    files.append((part.filename or "", bytes(await part.read())))  # type: ignore[union-attr]
            return payload, files
        return await request.json(), []

    async def _callback(self, request: web.Request) -> web.Response:
        body, files = await self._read_body(request)
        data = body.get("data") or {}
        with self._lock:
            self.callbacks.append(
                Received(
                    f"callback:{request.match_info['id']}",
                    data.get("content") or "",
                    None,
                    time.time(),
                    body,
                    files,
                )
            )
        return self._json(
            {
                "interaction": {"id": request.match_info["id"], "type": 2},
                "resource": {"type": body.get("type", 4)},
            }
        )

    async def _followup(self, request: web.Request) -> web.Response:
        body, files = await self._read_body(request)
        with self._lock:
            self.callbacks.append(
                Received(
                    "followup",
                    body.get("content") or "",
                    None,
                    time.time(),
                    {"type": "followup", "data": body},
                    files,
                )
            )
        return self._json(self._message_payload(CHANNEL_ID, body.get("content") or ""))

    async def _edit_original(self, request: web.Request) -> web.Response:
        body, files = await self._read_body(request)
        with self._lock:
            self.callbacks.append(
                Received(
                    "edit",
                    body.get("content") or "",
                    None,
                    time.time(),
                    {"type": "edit", "data": body},
                    files,
                )
            )
        return self._json(self._message_payload(CHANNEL_ID, body.get("content") or ""))

    async def _webhook(self, request: web.Request) -> web.Response:
        body = await request.json()
        limited = self._limited(f"webhook:{request.match_info['id']}")
        if limited is not None:
            return limited
        with self._lock:
            message = {"id": str(next(self._ids)), "content": body["content"]}
            self.messages.append(
                Received(
                    f"webhook:{request.match_info['id']}", body["content"], None, time.time(), body
                )
            )
        await self._answer_late()
        return self._json(message)

    def events(self, status: int | None = None) -> list[dict[str, Any]]:
        """The guild scheduled events kept, in creation order (of one status: 1 scheduled,
        2 active, 3 completed, 4 cancelled)."""
        with self._lock:
            kept = [dict(e) for e in self.scheduled_events.values()]
        return [e for e in kept if status is None or e["status"] == status]

    def calls(self) -> list[tuple[str, dict[str, Any]]]:
        with self._lock:
            return list(self.event_calls)

    def interested(self, event_id: str, user_id: int, *, add: bool = True) -> None:
        """A member clicks "Interested" on an event (or clicks it again to take it back):
        GUILD_SCHEDULED_EVENT_USER_ADD / _REMOVE to every connected client."""
        kind = "ADD" if add else "REMOVE"
        self.dispatch(
            f"GUILD_SCHEDULED_EVENT_USER_{kind}",
            {
                "guild_scheduled_event_id": event_id,
                "user_id": str(user_id),
                "guild_id": self.scheduled_events[event_id]["guild_id"],
            },
        )

    @staticmethod
    def _invalid(field_name: str, message: str) -> web.Response:
        # Discord's form errors: code 50035 with the field that failed.
        return FakeDiscord._json(
            {
                "message": "Invalid Form Body",
                "code": 50035,
                "errors": {
                    field_name: {"_errors": [{"code": "BASE_TYPE_INVALID", "message": message}]}
                },
            },
            400,
        )

    def _event_problem(self, event: dict[str, Any]) -> web.Response | None:
        """What Discord refuses in an event (name 1-100, description up to 1000, an external
        event's location 1-100 and end time, a guild-only privacy level, an end after the start)."""
        if not 1 <= len(event.get("name") or "") <= 100:
            return self._invalid("name", "Must be between 1 and 100 in length.")
        if len(event.get("description") or "") > 1000:
            return self._invalid("description", "Must be 1000 or fewer in length.")
        if event.get("privacy_level") != 2:
            return self._invalid("privacy_level", "Value must be one of {2}.")
        if event.get("entity_type") == 3:
            location = (event.get("entity_metadata") or {}).get("location") or ""
            if not 1 <= len(location) <= 100:
                return self._invalid("entity_metadata", "Must be between 1 and 100 in length.")
            if not event.get("scheduled_end_time"):
                return self._invalid("scheduled_end_time", "This field is required")
        start = datetime.fromisoformat(event["scheduled_start_time"])
        end = event.get("scheduled_end_time")
        if start.utcoffset() is None or (end and datetime.fromisoformat(end) <= start):
            return self._invalid("scheduled_end_time", "Must be after the start time.")
        return None

    async def _create_event(self, request: web.Request) -> web.Response:
        guild = request.match_info["guild"]
        body = await request.json()
        with self._lock:
            self.event_calls.append(("POST", body))
            unfinished = [
                e
                for e in self.scheduled_events.values()
                if e["guild_id"] == guild and e["status"] in (1, 2)
            ]
        if len(unfinished) >= self.event_cap:
            return self._json(
                {
                    "message": "Maximum number of uncompleted guild scheduled events reached (100)",
                    "code": 30038,
                },
                400,
            )
        event = {
            "id": str(next(self._ids)),
            "guild_id": guild,
            "channel_id": None,
            "creator_id": BOT_ID,
            "creator": self._user(),
            "name": body.get("name"),
            "description": body.get("description"),
            "scheduled_start_time": body.get("scheduled_start_time"),
            "scheduled_end_time": body.get("scheduled_end_time"),
            "privacy_level": body.get("privacy_level"),
            "status": 1,
            "entity_type": body.get("entity_type"),
            "entity_id": None,
            "entity_metadata": body.get("entity_metadata"),
            "user_count": 0,
            "image": None,
            "recurrence_rule": None,
        }
        problem = self._event_problem(event)
        if problem is not None:
            return problem
        with self._lock:
            self.scheduled_events[event["id"]] = event
        return self._json(event)

    async def _list_events(self, request: web.Request) -> web.Response:
        guild = request.match_info["guild"]
        with self._lock:
            self.event_calls.append(("GET", {}))
            found = [
                dict(e)
                for e in self.scheduled_events.values()
                if e["guild_id"] == guild and e["status"] in (1, 2)
            ]
        return self._json(found)

    async def _edit_event(self, request: web.Request) -> web.Response:
        event_id = request.match_info["event"]
        body = await request.json()
        with self._lock:
            self.event_calls.append((f"PATCH {event_id}", body))
            event = self.scheduled_events.get(event_id)
        if event is None or event["guild_id"] != request.match_info["guild"]:
            return self._json({"message": "Unknown Guild Scheduled Event", "code": 10070}, 404)
        status = body.get("status")
        if event["status"] in (3, 4) or (
            status is not None and (event["status"], status) not in {(1, 2), (1, 4), (2, 3)}
        ):
            return self._json(
                {"message": "Cannot update the status of this event", "code": 180000}, 400
            )
        edited = {**event, **body}
        problem = self._event_problem(edited)
        if problem is not None:
            return problem
        with self._lock:
            self.scheduled_events[event_id] = edited
        return self._json(edited)

    async def _delete_event(self, request: web.Request) -> web.Response:
        event_id = request.match_info["event"]
        with self._lock:
            self.event_calls.append((f"DELETE {event_id}", {}))
            event = self.scheduled_events.get(event_id)
            if event is not None and event["guild_id"] == request.match_info["guild"]:
                del self.scheduled_events[event_id]
                return web.Response(status=204)
        return self._json({"message": "Unknown Guild Scheduled Event", "code": 10070}, 404)

    async def _attachment(self, request: web.Request) -> web.Response:
        data = self.attachments.get(request.match_info["name"])
        if data is None:
            return web.Response(status=404)
        return web.Response(body=data)

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        await socket.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": 41250}}))
        async for message in socket:
            if message.type is not WSMsgType.TEXT:
                continue
            frame = json.loads(message.data)
            if frame.get("op") == 1:
                await socket.send_str(json.dumps({"op": 11}))
            elif frame.get("op") == 2:
                with self._lock:
                    self.identified.append(frame["d"])
                ready = {
                    "v": 10,
                    "user": self._user(),
                    "guilds": [{"id": GUILD_ID, "unavailable": True}],
                    "session_id": "session-1",
                    "resume_gateway_url": f"ws://127.0.0.1:{self.port}/gateway",
                    "application": {"id": APPLICATION_ID, "flags": 0},
                    "shard": [0, 1],
                }
                await socket.send_str(
                    json.dumps({"op": 0, "t": "READY", "s": next(self._sequence), "d": ready})
                )
                await socket.send_str(
                    json.dumps(
                        {
                            "op": 0,
                            "t": "GUILD_CREATE",
                            "s": next(self._sequence),
                            "d": guild_payload(),
                        }
                    )
                )
                self._sockets.append(socket)
        if socket in self._sockets:
            self._sockets.remove(socket)
        return socket
