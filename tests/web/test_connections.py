"""The connection cap in front of aiohttp's server, with stand-ins for its connections."""

from __future__ import annotations

import asyncio
import logging
from typing import Any, cast

import pytest

from bot.web.connections import ConnectionGuard


class FakeTransport(asyncio.WriteTransport):
    def __init__(self) -> None:
        super().__init__()
        self.written = b""
        self.closed = False

    def write(self, data: bytes | bytearray | memoryview) -> None:
        self.written += bytes(data)

    def close(self) -> None:
        self.closed = True


class FakeHandler:
    """What the guard looks at on one of aiohttp's connections."""

    def __init__(self, idle: bool) -> None:
        self.transport: object | None = object()
        loop = asyncio.get_running_loop()
        self._waiter: asyncio.Future[None] | None = loop.create_future() if idle else None

    def force_close(self) -> None:
        self.transport = None


class FakeServer:
    def __init__(self) -> None:
        self.handlers: list[FakeHandler] = []

    @property
    def connections(self) -> list[FakeHandler]:
        return list(self.handlers)

    def __call__(self) -> str:
        self.handlers.append(FakeHandler(idle=True))  # connected, waiting for its request
        return "a new aiohttp connection"


def _guard(server: FakeServer, limit: int, now: list[float]) -> ConnectionGuard:
    return ConnectionGuard(cast(Any, server), limit, remind_every=60.0, clock=lambda: now[0])


async def test_under_the_cap_every_connection_is_served() -> None:
    server = FakeServer()
    server.handlers = [FakeHandler(idle=True) for _ in range(3)]
    assert _guard(server, 4, [0.0])() == "a new aiohttp connection"
    assert all(h.transport is not None for h in server.handlers)


async def test_at_the_cap_the_longest_idle_connection_makes_room() -> None:
    server = FakeServer()
    busy, oldest_idle, newer_idle = FakeHandler(False), FakeHandler(True), FakeHandler(True)
    server.handlers = [busy, oldest_idle, newer_idle]
    guard = _guard(server, 3, [0.0])
    assert guard() == "a new aiohttp connection"
    assert oldest_idle.transport is None
    assert busy.transport is not None and newer_idle.transport is not None
    # The closed one no longer counts; the next connection closes the next longest idle one.
    assert guard() == "a new aiohttp connection"
    assert newer_idle.transport is None and busy.transport is not None
    assert server.handlers[-2].transport is not None  # the newest ones stay


async def test_when_every_connection_is_busy_a_new_one_gets_503(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="bot.web.connections")
    server = FakeServer()
    server.handlers = [FakeHandler(idle=False) for _ in range(2)]
    now = [0.0]
    guard = _guard(server, 2, now)
    protocols = []
    for second in (0.0, 1.0, 2.0, 61.0, 62.0):
        now[0] = second
        protocols.append(guard())
    transport = FakeTransport()
    refused = protocols[0]
    assert isinstance(refused, asyncio.Protocol)
    refused.connection_made(transport)
    assert transport.written.startswith(b"HTTP/1.1 503 ") and transport.closed
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 2  # the start of the burst, one reminder a minute later
    assert "3 refused so far" in warnings[1]
    # Back under the cap: one line closes the burst, and the next burst is reported anew.
    server.handlers.clear()
    assert guard() == "a new aiohttp connection"
    infos = [r.getMessage() for r in caplog.records if r.levelno == logging.INFO]
    assert len(infos) == 1 and "5 refused" in infos[0]
