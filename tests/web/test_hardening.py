"""The feed server under hostile or unlucky conditions: a slow token store, silent and slow
clients, oversized request lines, a server reachable beyond this machine."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable

import aiohttp
import pytest
from aiohttp.test_utils import TestClient

from bot.domain.feed_tokens import FeedSelection, MemoryFeedTokens
from bot.web import server as server_module
from bot.web.app import make_app
from bot.web.redaction import FeedTokenRedaction, install_log_redaction
from bot.web.server import ServerLimits, warn_if_exposed
from tests.web.conftest import Server, running

Client = Callable[..., Awaitable[TestClient]]


class SlowTokens:
    """A token store whose every lookup blocks its thread, as a locked table does."""

    def __init__(self, inner: MemoryFeedTokens, delay: float, fail: bool = False) -> None:
        self.inner, self.delay, self.fail = inner, delay, fail
        self.calls = 0

    def issue(self, member: str) -> str:
        return self.inner.issue(member)

    def revoke(self, member: str) -> None:
        self.inner.revoke(member)

    def lookup(self, token: str) -> FeedSelection | None:
        self.calls += 1
        time.sleep(self.delay)
        if self.fail:
            raise RuntimeError(f"database said no to /feeds/{token}.ics")
        return self.inner.lookup(token)


# ---- 9: no database call on the event loop ---------------------------------------------------


async def test_a_slow_token_store_never_delays_healthz(
    server: Server, aiohttp_client: Client
) -> None:
    tokens = SlowTokens(server.tokens, delay=1.5)
    token = tokens.issue("member-1")
    client = await aiohttp_client(make_app(server.library, server.feeds, tokens))
    began = time.monotonic()
    feed = asyncio.create_task(client.get(f"/feeds/{token}.ics"))
    while tokens.calls == 0:  # the lookup is under way (and blocking whichever thread runs it)
        await asyncio.sleep(0.01)
    health = await client.get("/healthz")
    assert health.status == 200
    # Measured from before the feed request: a lookup on the event loop would stall this
    # coroutine too, for the whole 1.5 s.
    assert time.monotonic() - began < 0.5
    assert (await feed).status == 200


async def test_a_token_lookup_that_takes_too_long_answers_503(
    server: Server, aiohttp_client: Client
) -> None:
    tokens = SlowTokens(server.tokens, delay=1.0)
    token = tokens.issue("member-1")
    app = make_app(server.library, server.feeds, tokens, token_lookup_timeout=0.2)
    client = await aiohttp_client(app)
    response = await client.get(f"/feeds/{token}.ics")
    assert response.status == 503
    assert response.headers["Retry-After"]
    assert token not in await response.text()


async def test_a_failing_token_store_answers_503_and_logs_no_token(
    server: Server, aiohttp_client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    tokens = SlowTokens(server.tokens, delay=0, fail=True)
    token = tokens.issue("member-1")
    client = await aiohttp_client(make_app(server.library, server.feeds, tokens))
    response = await client.get(f"/feeds/{token}.ics")
    assert response.status == 503
    assert "token store" in caplog.text
    assert token not in caplog.text


async def test_implausible_tokens_never_reach_the_store(
    server: Server, aiohttp_client: Client
) -> None:
    tokens = SlowTokens(server.tokens, delay=0)
    client = await aiohttp_client(make_app(server.library, server.feeds, tokens))
    assert (await client.get("/feeds/short.ics")).status == 404
    assert tokens.calls == 0


# ---- 10: idle and slow clients, and a cap on connections ------------------------------------


async def _is_closed(reader: asyncio.StreamReader, within: float) -> bool:
    """Whether the server closes this connection within `within` seconds."""
    try:
        async with asyncio.timeout(within):
            while await reader.read(1024):
                pass
        return True
    except TimeoutError:
        return False
    except ConnectionError:
        return True


async def test_many_silent_connections_neither_block_healthz_nor_stay_open(
    server: Server, unused_tcp_port: int, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot.web")
    limits = ServerLimits(idle_timeout=1.0, max_connections=100)
    async with running(server, unused_tcp_port, limits=limits) as url:
        silent = [await asyncio.open_connection("127.0.0.1", unused_tcp_port) for _ in range(300)]
        await asyncio.sleep(0.2)
        began = time.monotonic()
        async with aiohttp.ClientSession() as session, session.get(f"{url}/healthz") as health:
            assert health.status == 200
        assert time.monotonic() - began < 0.5
        # The cap held: the oldest silent connections made room for the newer ones.
        shed = await asyncio.gather(*(_is_closed(r, 0.05) for r, _ in silent))
        assert sum(shed) >= 200
        # The rest are closed once they have been idle for the timeout.
        closed = await asyncio.gather(*(_is_closed(r, 2.0) for r, _ in silent))
        assert all(closed)
        for _, writer in silent:
            writer.close()
    warnings = [
        r
        for r in caplog.records
        if r.levelno == logging.WARNING and "connection limit" in r.getMessage()
    ]
    assert len(warnings) == 1, [r.getMessage() for r in warnings]


async def test_a_client_that_trickles_its_headers_is_cut_off(
    server: Server, unused_tcp_port: int
) -> None:
    limits = ServerLimits(idle_timeout=1.0, max_connections=100)
    async with running(server, unused_tcp_port, limits=limits):
        reader, writer = await asyncio.open_connection("127.0.0.1", unused_tcp_port)
        writer.write(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        began = time.monotonic()
        closed = False
        while time.monotonic() - began < 3:
            writer.write(b"X-Slow: y\r\n")
            if await _is_closed(reader, 0.2):
                closed = True
                break
        assert closed
        assert time.monotonic() - began < 2
        writer.close()


async def test_a_keep_alive_connection_serves_requests_then_closes_when_idle(
    server: Server, unused_tcp_port: int
) -> None:
    limits = ServerLimits(idle_timeout=1.0, max_connections=100)
    async with running(server, unused_tcp_port, limits=limits):
        reader, writer = await asyncio.open_connection("127.0.0.1", unused_tcp_port)
        for _ in range(2):
            writer.write(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 2)
            assert head.startswith(b"HTTP/1.1 200")
            length = next(
                int(line.split(b":")[1])
                for line in head.split(b"\r\n")
                if b"Content-Length" in line
            )
            await reader.readexactly(length)
        assert await _is_closed(reader, 2.5)
        writer.close()


def test_the_default_cap_fits_the_processs_file_limit() -> None:
    import resource

    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    limits = ServerLimits()
    assert 64 <= limits.max_connections <= 4096
    if soft != resource.RLIM_INFINITY:
        assert limits.max_connections <= max(64, soft // 2)
    assert 0 < limits.idle_timeout <= 60


# ---- 11: no feed token in any log record ----------------------------------------------------


async def test_an_oversized_request_line_logs_no_token_and_no_traceback(
    server: Server, unused_tcp_port: int, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    install_log_redaction().reset()  # earlier tests' bad requests may share its window
    token = server.tokens.issue("member-1")
    async with running(server, unused_tcp_port, access_log=True):
        for _ in range(3):
            reader, writer = await asyncio.open_connection("127.0.0.1", unused_tcp_port)
            line = f"GET /feeds/{token}.ics?pad={'a' * 9000} HTTP/1.1\r\nHost: x\r\n\r\n"
            writer.write(line.encode())
            status = await asyncio.wait_for(reader.readline(), 5)
            assert status.split()[1] in (b"400", b"414")
            writer.close()
    formatter = logging.Formatter()
    for record in caplog.records:
        assert token not in formatter.format(record), record.name
        assert token not in str(record.__dict__), record.name
    bad = [r for r in caplog.records if r.name == "aiohttp.server"]
    assert len(bad) == 1  # one line for the burst, not one per request
    assert bad[0].exc_info is None and bad[0].exc_text is None
    assert "/feeds/<redacted>" in bad[0].getMessage()


def _record(
    name: str, msg: str, *args: object, exc: BaseException | None = None
) -> logging.LogRecord:
    exc_info = (type(exc), exc, exc.__traceback__) if exc is not None else None
    return logging.LogRecord(name, logging.ERROR, __file__, 1, msg, args, exc_info)


def test_the_redaction_covers_arguments_messages_and_tracebacks() -> None:
    token = "A" * 43
    redaction = FeedTokenRedaction()
    record = _record("aiohttp.web", "GET %s failed", f"/feeds/{token}.ics")
    assert redaction.filter(record)
    assert record.getMessage() == "GET /feeds/<redacted> failed"
    try:
        raise RuntimeError(f"while serving /feeds/{token}.ics")
    except RuntimeError as exc:
        failure = _record("aiohttp.server", "Error handling request", exc=exc)
    assert redaction.filter(failure)
    text = logging.Formatter().format(failure)
    assert token not in text and "RuntimeError" in text and "Traceback" in text
    encoded = _record("aiohttp.access", '"GET /FEEDS%2f' + token + '.ics HTTP/1.1"')
    assert redaction.filter(encoded)
    assert token not in encoded.getMessage()


def test_bad_request_lines_are_summarised_once_per_window() -> None:
    from aiohttp.http_exceptions import BadStatusLine

    now = [0.0]
    redaction = FeedTokenRedaction(window=10.0, clock=lambda: now[0])
    kept = []
    for second in (0, 1, 2, 11):
        now[0] = second
        record = _record(
            "aiohttp.server", "Error handling request from %s", "1.2.3.4", exc=BadStatusLine("x")
        )
        if redaction.filter(record):
            kept.append(record.getMessage())
    assert len(kept) == 2
    assert "2 more bad requests" in kept[1]


# ---- 13: a page whose links follow the Host header is never cached --------------------------


async def test_the_index_is_not_cacheable_when_links_follow_the_host_header(
    server: Server, aiohttp_client: Client
) -> None:
    response = await server.client.get("/", headers={"Host": "evil.example"})
    assert response.headers["Cache-Control"] == "no-store"
    configured = await aiohttp_client(
        make_app(server.library, server.feeds, server.tokens, "https://cal.example.org")
    )
    fixed = await configured.get("/", headers={"Host": "evil.example"})
    assert "evil.example" not in await fixed.text()
    assert fixed.headers.get("Cache-Control") != "no-store"


@pytest.mark.parametrize(
    ("host", "base_url", "warned"),
    [
        ("127.0.0.1", "", False),
        ("127.8.9.10", "", False),
        ("::1", "", False),
        ("[::1]", "", False),
        ("localhost", "", False),
        ("0.0.0.0", "", True),
        ("::", "", True),
        ("", "", True),
        ("192.168.1.20", "", True),
        ("feeds.example.org", "", True),
        ("0.0.0.0", "https://cal.example.org", False),
    ],
)
def test_warn_if_exposed(
    host: str, base_url: str, warned: bool, caplog: pytest.LogCaptureFixture
) -> None:
    log = logging.getLogger("test.exposed")
    with caplog.at_level(logging.WARNING, logger="test.exposed"):
        assert warn_if_exposed(host, base_url, log) is warned
    assert len(caplog.records) == (1 if warned else 0)
    if warned:
        assert "base_url" in caplog.records[0].getMessage()


async def test_serving_checks_exposure_once_at_start(
    server: Server, unused_tcp_port: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str, str]] = []
    monkeypatch.setattr(
        server_module, "warn_if_exposed", lambda host, base, log: calls.append((host, base))
    )
    async with running(server, unused_tcp_port):
        pass
    assert calls == [("127.0.0.1", "")]
