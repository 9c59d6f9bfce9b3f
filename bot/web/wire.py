"""The polled feeds answered from a request's bytes, before aiohttp parses them.

Calendar apps poll a handful of URLs all day with the same plain request. For those, aiohttp's
parser, request object and response writer are nearly all of the cost: a 93 KB feed answered
through aiohttp reaches a fifth of what nginx serves (bench/feeds.py). `FeedConnection` is
aiohttp's own connection handler that reads each complete request itself first. A plain
HTTP/1.1 GET or HEAD of a feed this process holds (`FeedsFirst.feed`), with nothing unusual
about it, is answered here with the bytes aiohttp would send, and counted as aiohttp's route
would count it. At the first request it does not take (another route, a body, a percent-escape
or a query, `Connection: close`, HTTP/1.0, a header it does not expect, a request split across
reads, a client that stopped reading), the connection is aiohttp's from that request on. It
comes back here only once aiohttp has answered everything it was given and was given nothing
but whole requests without a body (a personal feed's first request, whose token aiohttp looks
up, say), so the two never answer on one connection at once.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable
from email.utils import formatdate
from typing import Any

from aiohttp import web
from aiohttp.http import SERVER_SOFTWARE
from aiohttp.web_protocol import RequestHandler

from bot.web.app import FeedsFirst
from bot.web.conditional import not_modified, wants_gzip

# What this path takes: a method, an absolute path of plain characters (no "%", no "?": those
# go to aiohttp, which decodes them), HTTP/1.1.
_REQUEST_LINE = re.compile(rb"(GET|HEAD) (/[A-Za-z0-9._~!$&'()*+,;=:@/-]*) HTTP/1\.1")
# One header field: a token, a colon, a printable ASCII value with its surrounding blanks
# dropped. Anything else (obsolete line folding, a space before the colon, control or non-ASCII
# bytes) goes to aiohttp, which has the last word on what is malformed.
_FIELD = re.compile(rb"([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*((?:[\x21-\x7e][ \t\x21-\x7e]*)?)")
_READ = {b"accept-encoding": "Accept-Encoding", b"if-none-match": "If-None-Match"}
_READ[b"if-modified-since"] = "If-Modified-Since"
# Fields that change how the request or the connection is read: aiohttp's to handle.
_NOT_OURS = frozenset({b"content-length", b"transfer-encoding", b"expect", b"upgrade", b"te"})
_BODY_OR_UPGRADE = re.compile(rb"(?i)content-length|transfer-encoding|upgrade")
_LONGEST = 8190  # aiohttp's own limit on a request line or a header field
WRITE_BUFFER_LIMIT = 1 << 20  # bytes queued for one connection before aiohttp takes over
_SERVER = f"\r\nServer: {SERVER_SOFTWARE}\r\n\r\n".encode()


# A request as this path needs it: HEAD or GET, the path, whether gzip is wanted, and the
# validators (If-None-Match, If-Modified-Since) when it sends any.
_Request = tuple[bool, str, bool, dict[str, str] | None]


def _read(raw: bytes) -> _Request | None:
    """One request's line and header fields (`raw`, without the blank line that ends them), or
    None when this path does not take it."""
    line_end = raw.find(b"\r\n")
    line = _REQUEST_LINE.fullmatch(raw, 0, len(raw) if line_end < 0 else line_end)
    if line is None:
        return None
    headers: dict[str, str] = {}
    if line_end >= 0:
        for text in raw[line_end + 2 :].split(b"\r\n"):
            field = _FIELD.fullmatch(text)
            if field is None:
                return None
            name = field[1].lower()
            read = _READ.get(name)
            if read is not None:
                headers.setdefault(read, field[2].decode("ascii"))
            elif name in _NOT_OURS or (name == b"connection" and field[2].lower() != b"keep-alive"):
                return None
    gzipped = wants_gzip(headers.pop("Accept-Encoding", None))
    return line[1] == b"HEAD", line[2].decode("ascii"), gzipped, headers or None


# Clients poll with the same bytes each time: each distinct request is read once (a few
# hundred kept; the oldest are dropped all at once).
_seen: dict[bytes, _Request | None] = {}
_SEEN_AT_MOST = 512


class _Stamp:
    """The Date line, made once a second."""

    def __init__(self) -> None:
        self.second = -1
        self.line = b""

    def __call__(self) -> bytes:
        now = int(time.time())
        if now != self.second:
            self.second = now
            self.line = b"Date: " + formatdate(now, usegmt=True).encode() + _SERVER
        return self.line


_stamp = _Stamp()


def lean_path_available() -> bool:
    """Whether this aiohttp keeps its connections the way `FeedConnection` relies on (the
    keep-alive deadline it moves after each answer); without it, every request goes the
    ordinary way."""
    return all(
        hasattr(RequestHandler, name)
        for name in ("_next_keepalive_close_time", "_keepalive_handle", "_process_keepalive")
    )


class FeedConnection(RequestHandler):
    """One client connection: the feeds `first` holds answered here, the rest by aiohttp."""

    __slots__ = ("_clean", "_first", "_lean")

    def __init__(self, manager: web.Server, first: FeedsFirst, **kwargs: Any) -> None:
        super().__init__(manager, **kwargs)
        self._first = first
        self._lean = True  # reading requests here, before aiohttp
        # Everything aiohttp was given was whole requests without a body, so that once it has
        # answered them its parser stands between two requests, where this path may go on.
        self._clean = True

    def data_received(self, data: bytes) -> None:
        if not self._lean and self._clean and self._aiohttp_idle():
            self._lean = True  # a token looked up, say: its next polls are answered here
        if self._lean:
            taken = self._answer(data) if not (self._force_close or self._close) else 0
            if taken == len(data):
                return
            self._lean = False
            if taken:
                data = data[taken:]
        if self._clean:
            self._clean = data.endswith(b"\r\n\r\n") and _BODY_OR_UPGRADE.search(data) is None
        super().data_received(data)

    def _aiohttp_idle(self) -> bool:
        waiter = self._waiter
        return waiter is not None and not waiter.done() and not self._messages

    def _answer(self, data: bytes) -> int:
        """Answer the complete requests at the start of `data` that are ours; how many bytes
        they took."""
        transport = self.transport
        if transport is None or self._paused or self._messages:
            return 0
        answers: list[bytes] = []
        taken = 0
        # Pipelined requests are answered here up to a bound on what waits to be sent: tiny
        # requests for a big feed would otherwise queue megabytes at once; past it, aiohttp
        # answers the rest one at a time as the client reads.
        queued = transport.get_write_buffer_size()
        while taken < len(data) and queued < WRITE_BUFFER_LIMIT:
            end = data.find(b"\r\n\r\n", taken, taken + _LONGEST)
            if end < 0:
                break
            answer = self._one(data, taken, end)
            if answer is None:
                break
            answers += answer
            queued += sum(len(part) for part in answer)
            taken = end + 4
        if answers:
            transport.writelines(answers)
            self._kept_alive()
        return taken

    def _one(self, data: bytes, start: int, end: int) -> tuple[bytes, ...] | None:
        raw = data[start:end]
        try:
            request = _seen[raw]
        except KeyError:
            request = _read(raw)
            if len(_seen) >= _SEEN_AT_MOST:
                _seen.clear()
            _seen[raw] = request
        if request is None:
            return None
        head_only, path, gzipped, validators = request
        found = self._first.feed(path)
        if found is None:
            return None
        route, body, cache = found
        if validators is not None and not_modified(
            validators, body.headers(cache, None, gzipped)[0], body.last_modified
        ):
            self._first.count(route, 304)
            return body.head(cache, gzipped, True), _stamp()
        self._first.count(route, 200)
        if head_only:
            return body.head(cache, gzipped), _stamp()
        return body.head(cache, gzipped), _stamp(), body.gzipped if gzipped else body.data

    def _kept_alive(self) -> None:
        """Start the idle timeout again, as aiohttp does after each response."""
        if self._keepalive_timeout <= 0 or not self._keepalive:
            return
        loop = self._loop
        close_time = loop.time() + self._keepalive_timeout
        self._next_keepalive_close_time = close_time
        if self._keepalive_handle is None:
            self._keepalive_handle = loop.call_at(close_time, self._process_keepalive)


def feed_connections(server: web.Server, first: FeedsFirst) -> Callable[[], RequestHandler]:
    """The protocol factory for `server`'s listening sockets: `FeedConnection`s built as the
    server builds its own handlers."""
    loop: asyncio.AbstractEventLoop = server._loop
    kwargs: dict[str, Any] = server._kwargs

    def connection() -> RequestHandler:
        return FeedConnection(server, first, loop=loop, **kwargs)

    return connection
