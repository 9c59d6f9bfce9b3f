"""The feed routes answered before the router (`FeedsFirst`): the real server answers every
request exactly as the application alone does, and counts it under the same route."""

from __future__ import annotations

import asyncio

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import make_mocked_request

from bot.domain.feed_tokens import FeedSelection
from bot.observability.metrics import Metrics
from bot.web.app import FEEDS_FIRST
from bot.web.token_cache import CachedFeedTokens
from tests.web.conftest import Server, running

SEED_FEED = "/calendars/istio-meetup-china-2021.ics"
GZIP = {"Accept-Encoding": "gzip, deflate"}


def _answer(status: int, headers: aiohttp.typedefs.LooseHeaders, body: bytes) -> tuple:
    kept = {k: v for k, v in dict(headers).items() if k not in ("Date", "Server")}
    return status, sorted(kept.items()), body


async def _requests(server: Server) -> list[tuple[str, str, dict[str, str]]]:
    known = server.tokens.issue("member-1")
    server.tokens.select(FeedSelection("member-1", schedule_ids=frozenset({"devconf"})))
    gone = server.tokens.issue("member-2")
    server.tokens.revoke("member-2")
    etag = (await server.client.get(SEED_FEED, headers=GZIP)).headers["ETag"]
    return [
        ("GET", "/calendars/all.ics", {}),
        ("GET", "/calendars/all.ics", GZIP),
        ("HEAD", "/calendars/all.ics", GZIP),
        ("GET", SEED_FEED, {}),
        ("GET", SEED_FEED, GZIP),
        ("GET", SEED_FEED + "?cache-buster=1", GZIP),
        ("HEAD", SEED_FEED, {}),
        ("GET", SEED_FEED, {**GZIP, "If-None-Match": etag}),
        ("GET", SEED_FEED, {"If-Modified-Since": "Sun, 01 Jan 2090 00:00:00 GMT"}),
        ("GET", "/calendars/devconf.ics", {"Accept-Encoding": "gzip;q=0"}),
        ("GET", "/calendars/unknown.ics", {}),
        ("GET", "/calendars/.ics", {}),
        ("GET", "/calendars/a%2Fb.ics", {}),
        ("GET", "/calendars/istio-meetup-china-2021/coffee-break.ics", {}),
        ("POST", SEED_FEED, {}),
        ("DELETE", "/calendars/all.ics", {}),
        ("GET", f"/feeds/{known}.ics", GZIP),
        ("GET", f"/feeds/{known}.ics", {}),
        ("HEAD", f"/feeds/{known}.ics", {}),
        ("GET", f"/feeds/{gone}.ics", {}),
        ("GET", "/feeds/not-a-token.ics", {}),
        ("PUT", f"/feeds/{known}.ics", {}),
    ]


async def test_the_real_server_answers_as_the_application_does(
    server: Server, unused_tcp_port: int
) -> None:
    requests = await _requests(server)
    metrics = Metrics()
    async with (
        running(
            server, unused_tcp_port, tokens=CachedFeedTokens(server.tokens), metrics=metrics
        ) as base,
        aiohttp.ClientSession() as session,
    ):
        for method, path, headers in requests:
            # Both clients would add an Accept-Encoding of their own.
            skip = () if "Accept-Encoding" in headers else ("Accept-Encoding",)
            async with session.request(
                method, base + path, headers=headers, skip_auto_headers=skip
            ) as real:
                got = _answer(real.status, real.headers, await real.read())
            alone = await server.client.request(
                method, path, headers=headers, skip_auto_headers=skip
            )
            want = _answer(alone.status, alone.headers, await alone.read())
            assert got == want, (method, path, headers)
    counts = metrics.render().decode()
    assert 'route="/calendars/all.ics",status="200"} 3.0' in counts
    assert 'route="/calendars/{schedule}.ics",status="200"} 5.0' in counts
    assert 'route="/calendars/{schedule}.ics",status="304"} 2.0' in counts
    assert 'route="/calendars/{schedule}.ics",status="404"} 2.0' in counts
    assert 'route="/feeds/{token}.ics",status="200"} 3.0' in counts
    assert 'route="/feeds/{token}.ics",status="404"} 2.0' in counts


@pytest.mark.parametrize("path", ["/calendars/all.ics", SEED_FEED])
async def test_a_feed_answered_first_follows_an_agenda_change(
    server: Server, unused_tcp_port: int, path: str
) -> None:
    async with running(server, unused_tcp_port) as base, aiohttp.ClientSession() as s:
        async with s.get(base + path) as before:
            assert before.status == 200 and "Coffee break" in await before.text()
        seed = server.folder / "istio-meetup-china-2021.md"
        seed.write_text(seed.read_text().replace("Coffee break", "Tea break"))
        server.library.load()
        for _ in range(100):  # the feeds are rebuilt off the loop
            async with s.get(base + path) as after:
                if "Tea break" in await after.text():
                    break
            await asyncio.sleep(0.05)
        else:
            pytest.fail("the feed answered first still holds the old agenda")


async def test_only_feeds_this_process_holds_skip_the_application(server: Server) -> None:
    app = server.client.app
    assert app is not None
    passed_on: list[str] = []

    async def application(request: web.BaseRequest) -> web.StreamResponse:
        passed_on.append(request.path)
        return web.Response(status=418)

    first = app[FEEDS_FIRST].before(application)
    for path in ("/calendars/all.ics", SEED_FEED, "/calendars/devconf.ics?x=1"):
        response = await first(make_mocked_request("GET", path, headers=GZIP, app=app))
        assert response.status == 200 and response.headers["Content-Encoding"] == "gzip"
    assert (await first(make_mocked_request("HEAD", SEED_FEED, app=app))).status == 200
    assert passed_on == []
    for method, path in (
        ("POST", SEED_FEED),
        ("GET", "/calendars/unknown.ics"),
        ("GET", "/calendars/istio-meetup-china-2021/coffee-break.ics"),
        ("GET", "/feeds/never-issued.ics"),  # not seen yet: looked up by the application
        ("GET", "/s/istio-meetup-china-2021"),
    ):
        assert (await first(make_mocked_request(method, path, app=app))).status == 418
    assert len(passed_on) == 5
