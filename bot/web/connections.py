"""A cap on open connections, so that silent or slow clients cannot take every route offline.

aiohttp closes a connection that stays idle (no complete request) for its keep-alive timeout,
counted from the moment the connection opens and again after each response: that covers both
idle keep-alive connections and clients that never finish their headers. It has no cap on how
many connections are open at once; `ConnectionGuard` adds one. At the cap, a new connection
makes room by closing the longest-open idle connection (one waiting for a request); when every
connection is busy with a request, the new one gets a bare 503 and is closed. Reaching the cap
is logged once per burst (with a reminder while it lasts), not once per connection.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from aiohttp import web
from aiohttp.web_protocol import RequestHandler

log = logging.getLogger(__name__)

_BUSY = (
    b"HTTP/1.1 503 Service Unavailable\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n"
    b"Content-Length: 5\r\n"
    b"Retry-After: 5\r\n"
    b"Connection: close\r\n\r\n"
    b"busy\n"
)


class _Refused(asyncio.Protocol):
    """A connection over the cap: answered 503 at once, then closed."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.WriteTransport)
        transport.write(_BUSY)
        transport.close()


def _idle(handler: RequestHandler) -> bool:
    """Waiting for (the rest of) a request: nothing of ours is in progress on it."""
    waiter = getattr(handler, "_waiter", None)
    return waiter is not None and not waiter.done()


@dataclass(slots=True)
class _Burst:
    began: float
    reported: float
    closed: int = 0
    refused: int = 0


class ConnectionGuard:
    """The protocol factory for a listening socket, in front of aiohttp's `web.Server`."""

    def __init__(
        self,
        server: web.Server,
        limit: int,
        *,
        connection: Callable[[], asyncio.BaseProtocol] | None = None,
        remind_every: float = 300.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.server = server
        self.limit = limit
        self.connection = connection or server  # what a connection under the limit gets
        self.remind_every = remind_every
        self.clock = clock
        self._burst: _Burst | None = None

    def __call__(self) -> asyncio.BaseProtocol:
        # Connections being closed (transport gone) no longer count.
        live = [h for h in self.server.connections if h.transport is not None]
        if len(live) < self.limit:
            if self._burst is not None and len(live) < self.limit * 0.8:
                self._end_burst()
            return self.connection()
        burst = self._note_burst()
        victim = next((h for h in live if _idle(h)), None)  # oldest first
        if victim is not None:
            victim.force_close()
            burst.closed += 1
            return self.connection()
        burst.refused += 1
        return _Refused()

    def _note_burst(self) -> _Burst:
        now = self.clock()
        if self._burst is None:
            self._burst = _Burst(began=now, reported=now)
            log.warning(
                "connection limit (%d) reached: closing the longest idle connections to make "
                "room, refusing new ones with 503 while all are busy",
                self.limit,
            )
        elif now - self._burst.reported >= self.remind_every:
            self._burst.reported = now
            log.warning(
                "still at the connection limit (%d) after %.0f s: %d idle connections closed, "
                "%d refused so far",
                self.limit,
                now - self._burst.began,
                self._burst.closed,
                self._burst.refused,
            )
        return self._burst

    def _end_burst(self) -> None:
        assert self._burst is not None
        log.info(
            "back under the connection limit after %.0f s: %d idle connections closed, %d refused",
            self.clock() - self._burst.began,
            self._burst.closed,
            self._burst.refused,
        )
        self._burst = None


class GuardedSite(web.BaseSite):
    """aiohttp's TCPSite, with `ConnectionGuard` between the socket and the server."""

    def __init__(
        self,
        runner: web.BaseRunner,
        host: str,
        port: int,
        max_connections: int,
        connection: Callable[[web.Server], Callable[[], asyncio.BaseProtocol]] | None = None,
    ) -> None:
        super().__init__(runner)
        self._host = host
        self._port = port
        self._max_connections = max_connections
        self._connection = connection  # the protocol factory, made from the runner's server
        self.guard: ConnectionGuard | None = None

    @property
    def name(self) -> str:
        host = self._host or "0.0.0.0"
        return f"http://[{host}]:{self._port}" if ":" in host else f"http://{host}:{self._port}"

    async def start(self) -> None:
        await super().start()
        server = self._runner.server
        assert server is not None
        connection = self._connection(server) if self._connection is not None else None
        self.guard = ConnectionGuard(server, self._max_connections, connection=connection)
        loop = asyncio.get_running_loop()
        self._server = await loop.create_server(
            self.guard, self._host or None, self._port, backlog=self._backlog
        )
