"""The polled feeds answered from the request's bytes (`bot.web.wire`): byte for byte what
aiohttp sends for the same request, counted alike, and everything unusual left to aiohttp."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator

import pytest
from aiohttp.web_protocol import RequestHandler

from bot.domain.feed_tokens import FeedSelection
from bot.observability.metrics import Metrics
from bot.web import server as server_module
from bot.web.server import ServerLimits
from bot.web.token_cache import CachedFeedTokens
from bot.web.wire import FeedConnection, lean_path_available
from tests.web.conftest import Server, running

SEED_FEED = b"/calendars/istio-meetup-china-2021.ics"
_DATE = re.compile(rb"\r\nDate: [^\r]*\r\n")


@pytest.fixture
def aiohttp_given(monkeypatch: pytest.MonkeyPatch) -> list[tuple[RequestHandler, bytes]]:
    """What each connection handed on to aiohttp's own parser, in order."""
    given: list[tuple[RequestHandler, bytes]] = []
    original = RequestHandler.data_received

    def spy(self: RequestHandler, data: bytes) -> None:
        given.append((self, data))
        original(self, data)

    monkeypatch.setattr(RequestHandler, "data_received", spy)
    return given


def _get(path: bytes, *fields: bytes, method: bytes = b"GET", version: bytes = b"1.1") -> bytes:
    lines = [method + b" " + path + b" HTTP/" + version, b"Host: 127.0.0.1", *fields]
    return b"\r\n".join(lines) + b"\r\n\r\n"


async def _exchange(port: int, sends: list[bytes], methods: list[bytes]) -> bytes:
    """Send `sends` (a short pause between them) on one connection; read one answer per
    method in `methods`, whole, by its Content-Length."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        for n, chunk in enumerate(sends):
            if n:
                await asyncio.sleep(0.05)
            writer.write(chunk)
            await writer.drain()
        got = b""
        for method in methods:
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
            length = re.search(rb"\r\nContent-Length: (\d+)", head)
            status = int(head.split(b" ", 2)[1])
            if length and method != b"HEAD" and status != 304:
                head += await asyncio.wait_for(reader.readexactly(int(length[1])), 5)
            got += _DATE.sub(b"\r\nDate: -\r\n", head)
        return got
    finally:
        writer.close()


def _cases(etag: bytes, gzip_etag: bytes, token: bytes, revoked: bytes) -> Iterator[tuple]:
    """(name, what is sent, the methods answered, whether aiohttp may see any of it)."""
    gzip = b"Accept-Encoding: gzip, deflate"
    yield "plain GET", [_get(b"/calendars/all.ics")], [b"GET"], False
    yield "gzip", [_get(SEED_FEED, gzip)], [b"GET"], False
    yield "HEAD", [_get(SEED_FEED, gzip, method=b"HEAD")], [b"HEAD"], False
    yield "lower-case names", [_get(SEED_FEED, b"accept-encoding:gzip")], [b"GET"], False
    yield "q=0", [_get(b"/calendars/devconf.ics", b"Accept-Encoding: gzip;q=0")], [b"GET"], False
    yield "If-None-Match", [_get(SEED_FEED, b"If-None-Match: " + etag)], [b"GET"], False
    yield "weak, gzip", [_get(SEED_FEED, gzip, b"If-None-Match: W/" + gzip_etag)], [b"GET"], False
    yield (
        "identity etag, gzip asked",
        [_get(SEED_FEED, gzip, b"If-None-Match: " + etag)],
        [b"GET"],
        False,
    )
    yield "If-None-Match *", [_get(SEED_FEED, b"If-None-Match: *")], [b"GET"], False
    future = b"If-Modified-Since: Sun, 01 Jan 2090 00:00:00 GMT"
    yield "If-Modified-Since", [_get(SEED_FEED, future)], [b"GET"], False
    yield "bad date", [_get(SEED_FEED, b"If-Modified-Since: yesterday")], [b"GET"], False
    yield "keep-alive", [_get(SEED_FEED, b"Connection: keep-alive")], [b"GET"], False
    yield "pipelined", [_get(SEED_FEED) + _get(b"/calendars/all.ics", gzip)], [b"GET"] * 2, False
    yield "personal twice", [_get(b"/feeds/" + token + b".ics")] * 2, [b"GET"] * 2, True
    yield "Connection: close", [_get(SEED_FEED, b"Connection: close")], [b"GET"], True
    yield "HTTP/1.0", [_get(SEED_FEED, version=b"1.0")], [b"GET"], True
    yield "query", [_get(SEED_FEED + b"?x=1")], [b"GET"], True
    yield "escaped", [_get(b"/calendars/istio%2Dmeetup-china-2021.ics")], [b"GET"], True
    yield "unknown", [_get(b"/calendars/nope.ics")], [b"GET"], True
    yield "revoked", [_get(b"/feeds/" + revoked + b".ics")], [b"GET"], True
    yield "other route", [_get(b"/healthz")], [b"GET"], True
    post = _get(SEED_FEED, b"Content-Length: 3", method=b"POST") + b"abc"
    yield "then a POST", [_get(SEED_FEED) + post + _get(SEED_FEED)], [b"GET"] * 3, True
    yield "folded field", [_get(SEED_FEED, b"Accept-Encoding:", b" gzip")], [b"GET"], True
    yield "space before colon", [_get(SEED_FEED, b"Accept-Encoding : gzip")], [b"GET"], True
    split = _get(SEED_FEED, gzip)
    yield "split", [split[:20], split[20:], _get(SEED_FEED)], [b"GET"] * 2, True


async def test_answers_byte_for_byte_as_aiohttp_does(
    server: Server,
    unused_tcp_port_factory,
    monkeypatch: pytest.MonkeyPatch,
    aiohttp_given: list[tuple[RequestHandler, bytes]],
) -> None:
    assert lean_path_available()
    revoked = server.tokens.issue("member-2").encode()
    server.tokens.revoke("member-2")
    etag = server.feeds.schedule_feeds["istio-meetup-china-2021"].etag.encode()
    gzip_etag = server.feeds.schedule_feeds["istio-meetup-china-2021"].gzip_etag.encode()
    lean_metrics, plain_metrics = Metrics(), Metrics()
    lean_port, plain_port = unused_tcp_port_factory(), unused_tcp_port_factory()
    async with running(
        server, lean_port, tokens=CachedFeedTokens(server.tokens), metrics=lean_metrics
    ):
        monkeypatch.setattr(server_module, "lean_path_available", lambda: False)
        async with running(
            server, plain_port, tokens=CachedFeedTokens(server.tokens), metrics=plain_metrics
        ):
            # Issued once both run: neither knows it before its first request.
            token = server.tokens.issue("member-1").encode()
            server.tokens.select(FeedSelection("member-1", schedule_ids=frozenset({"devconf"})))
            for name, sends, methods, aiohttp_sees in _cases(etag, gzip_etag, token, revoked):
                aiohttp_given.clear()
                lean = await _exchange(lean_port, sends, methods)
                # (what a FeedConnection passed on; the plain server's handlers pass everything)
                lean_passed = [h for h, _ in aiohttp_given if isinstance(h, FeedConnection)]
                assert bool(lean_passed) == aiohttp_sees, name
                assert lean == await _exchange(plain_port, sends, methods), name
                assert lean.count(b"HTTP/1.") == len(methods), name
    counts = [
        [line for line in m.render().decode().splitlines() if "feed_requests_total{" in line]
        for m in (lean_metrics, plain_metrics)
    ]
    assert counts[0] == counts[1] and len(counts[0]) > 5
    assert b'route="/calendars/{schedule}.ics",status="304"} 4.0' in lean_metrics.render()


async def test_a_token_looked_up_by_aiohttp_comes_back_to_the_lean_path(
    server: Server, unused_tcp_port: int, aiohttp_given: list[tuple[RequestHandler, bytes]]
) -> None:
    async with running(server, unused_tcp_port, tokens=CachedFeedTokens(server.tokens)):
        token = server.tokens.issue("member-1").encode()  # after the start: not known yet
        request = _get(b"/feeds/" + token + b".ics")
        await _exchange(unused_tcp_port, [request] * 4, [b"GET"] * 4)
    # the first, while the token was not yet known here
    assert [data for _, data in aiohttp_given] == [request]


async def test_a_lean_connection_still_closes_when_idle_and_stays_open_while_polled(
    server: Server, unused_tcp_port: int
) -> None:
    limits = ServerLimits(idle_timeout=0.6)
    async with running(server, unused_tcp_port, limits=limits):
        reader, writer = await asyncio.open_connection("127.0.0.1", unused_tcp_port)
        for _ in range(4):  # 1.2 s in all, each poll within the timeout of the one before
            writer.write(_get(SEED_FEED, method=b"HEAD"))
            assert (await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)).startswith(
                b"HTTP/1.1 200 OK"
            )
            await asyncio.sleep(0.3)
        assert await asyncio.wait_for(reader.read(), 3) == b""  # closed once idle
        writer.close()


async def test_pipelined_requests_past_the_write_bound_are_left_to_aiohttp(
    server: Server, unused_tcp_port: int, aiohttp_given: list[tuple[RequestHandler, bytes]]
) -> None:
    request = _get(b"/calendars/all.ics")  # identity: a few KB answered for 40 bytes asked
    async with running(server, unused_tcp_port):
        body = await _exchange(unused_tcp_port, [request * 400], [b"GET"] * 400)
    assert body.count(b"HTTP/1.1 200 OK") == 400
    # more than a megabyte asked for at once: what is past the bound went to aiohttp
    first = aiohttp_given[0][1] if aiohttp_given else b""
    assert first.startswith(request) and len(first) < len(request * 400)
