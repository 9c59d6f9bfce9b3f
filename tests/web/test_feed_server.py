"""HTTP behaviour of the feed server, through aiohttp's test client over a real socket."""

from __future__ import annotations

import asyncio
import gzip
import logging
import re

import aiohttp
import pytest
from icalendar import Calendar

from bot.domain.feed_tokens import FeedSelection
from bot.web import feed_cache
from bot.web.access_log import redact
from bot.web.server import serve_feeds
from tests.web.conftest import Server

SEED_FEED = "/calendars/istio-meetup-china-2021.ics"


async def test_feed_is_text_calendar_with_validators_and_identity_encoding(server: Server) -> None:
    response = await server.client.get(SEED_FEED, headers={"Accept-Encoding": "identity"})
    assert response.status == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert re.fullmatch(r'"[0-9a-f]{40}"', response.headers["ETag"])
    assert response.headers["Last-Modified"].endswith(" GMT")
    assert response.headers["Cache-Control"] == "public, max-age=300"
    assert "Content-Encoding" not in response.headers
    assert "Content-Disposition" not in response.headers
    body = await response.read()
    assert len(Calendar.from_ical(body).walk("VEVENT")) == 9


async def test_no_accept_header_at_all_still_gets_the_calendar(server: Server) -> None:
    # Google's importer sends no Accept header: nothing is negotiated on Accept.
    response = await server.client.get(SEED_FEED, skip_auto_headers=["Accept", "Accept-Encoding"])
    assert response.status == 200
    assert "Content-Encoding" not in response.headers


async def test_if_none_match_answers_304_and_wins_over_if_modified_since(server: Server) -> None:
    first = await server.client.get(SEED_FEED)
    etag = first.headers["ETag"]
    again = await server.client.get(SEED_FEED, headers={"If-None-Match": etag})
    assert again.status == 304
    assert again.headers["ETag"] == etag
    assert await again.read() == b""
    weak = await server.client.get(SEED_FEED, headers={"If-None-Match": f'"nope", W/{etag}'})
    assert weak.status == 304
    stale = await server.client.get(
        SEED_FEED,
        headers={"If-None-Match": '"other"', "If-Modified-Since": first.headers["Last-Modified"]},
    )
    assert stale.status == 200


async def test_if_modified_since_answers_304_only_for_a_date_it_can_parse(server: Server) -> None:
    first = await server.client.get(SEED_FEED)
    same = await server.client.get(
        SEED_FEED, headers={"If-Modified-Since": first.headers["Last-Modified"]}
    )
    assert same.status == 304
    older = await server.client.get(
        SEED_FEED, headers={"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"}
    )
    assert older.status == 200
    garbage = await server.client.get(SEED_FEED, headers={"If-Modified-Since": "yesterday-ish"})
    assert garbage.status == 200


async def test_head_gives_the_headers_of_get_without_a_body(server: Server) -> None:
    get = await server.client.get(SEED_FEED)
    head = await server.client.head(SEED_FEED)
    assert head.status == 200
    assert head.headers["ETag"] == get.headers["ETag"]
    assert head.headers["Content-Length"] == get.headers["Content-Length"]
    assert await head.read() == b""


async def test_gzip_only_when_asked_with_its_own_etag(server: Server) -> None:
    plain = await server.client.get(SEED_FEED, headers={"Accept-Encoding": "identity"})
    packed = await server.client.get(
        SEED_FEED, headers={"Accept-Encoding": "gzip"}, auto_decompress=False
    )
    assert packed.headers["Content-Encoding"] == "gzip"
    assert packed.headers["Vary"] == "Accept-Encoding"
    assert gzip.decompress(await packed.read()) == await plain.read()
    assert packed.headers["ETag"] != plain.headers["ETag"]
    refused = await server.client.get(SEED_FEED, headers={"Accept-Encoding": "gzip;q=0"})
    assert "Content-Encoding" not in refused.headers


async def test_session_download_is_an_attachment(server: Server) -> None:
    response = await server.client.get("/calendars/istio-meetup-china-2021/sign-in.ics")
    assert response.status == 200
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="istio-meetup-china-2021-sign-in.ics"'
    )
    text = (await response.read()).decode()
    assert text.count("BEGIN:VEVENT") == 1 and "X-WR-CALNAME" not in text


async def test_all_feed_holds_every_agenda(server: Server) -> None:
    response = await server.client.get("/calendars/all.ics")
    events = Calendar.from_ical(await response.read()).walk("VEVENT")
    assert len(events) == 9 + 8


@pytest.mark.parametrize(
    "path",
    [
        "/calendars/nope.ics",
        "/calendars/istio-meetup-china-2021/nope.ics",
        "/calendars/nope/sign-in.ics",
        "/calendars/..%2F..%2Fetc%2Fpasswd.ics",
        "/calendars/%00.ics",
        "/feeds/short.ics",
        "/feeds/" + "A" * 43 + ".ics",
        "/etc/passwd",
    ],
)
async def test_unknown_or_hostile_paths_get_the_same_404(server: Server, path: str) -> None:
    response = await server.client.get(path)
    assert response.status == 404
    assert await response.text() in ("not found\n", "404: Not Found")


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
async def test_other_methods_get_405(server: Server, method: str) -> None:
    response = await server.client.request(method, SEED_FEED)
    assert response.status == 405
    assert response.headers["Allow"] == "GET,HEAD"


async def test_huge_headers_are_refused_cleanly(server: Server) -> None:
    response = await server.client.get(SEED_FEED, headers={"X-Filler": "x" * 100_000})
    assert response.status in (400, 431)


async def test_personal_feed_holds_followed_schedules_and_starred_sessions(server: Server) -> None:
    token = server.tokens.issue("member-1")
    server.tokens.select(
        FeedSelection(
            "member-1",
            schedule_ids=frozenset({"devconf"}),
            sessions=frozenset({("istio-meetup-china-2021", "coffee-break")}),
        )
    )
    response = await server.client.get(f"/feeds/{token}.ics")
    assert response.status == 200
    assert response.headers["Cache-Control"] == "private, max-age=300"
    summaries = [
        str(e["SUMMARY"]) for e in Calendar.from_ical(await response.read()).walk("VEVENT")
    ]
    assert len(summaries) == 9 and "Coffee break" in summaries
    assert "X-WR-CALNAME:My agenda" in (await response.read()).decode()


async def test_a_revoked_or_replaced_token_stops_working(server: Server) -> None:
    old = server.tokens.issue("member-1")
    new = server.tokens.issue("member-1")
    assert (await server.client.get(f"/feeds/{old}.ics")).status == 404
    assert (await server.client.get(f"/feeds/{new}.ics")).status == 200
    server.tokens.revoke("member-1")
    assert (await server.client.get(f"/feeds/{new}.ics")).status == 404


async def test_tokens_never_reach_the_logs_of_the_real_server(
    server: Server, caplog: pytest.LogCaptureFixture, unused_tcp_port: int
) -> None:
    token = server.tokens.issue("member-1")
    caplog.set_level(logging.DEBUG)
    stop, started = asyncio.Event(), asyncio.Event()
    running = asyncio.create_task(
        serve_feeds(
            server.library,
            server.tokens,
            host="127.0.0.1",
            port=unused_tcp_port,
            base_url="",
            stop=stop,
            started=started,
            access_log=True,
        )
    )
    await asyncio.wait_for(started.wait(), 10)
    async with aiohttp.ClientSession() as session:
        for suffix in (".ics", ".ics?x=1", "x.ics"):
            async with session.get(
                f"http://127.0.0.1:{unused_tcp_port}/feeds/{token}{suffix}"
            ) as r:
                await r.read()
    stop.set()
    await running
    assert "/feeds/<redacted>.ics" in caplog.text
    assert token not in caplog.text
    assert redact(f"/feeds/{token}.ics") == "/feeds/<redacted>.ics"


async def test_index_lists_schedules_with_https_and_webcal_links(server: Server) -> None:
    response = await server.client.get("/", headers={"Host": "agenda.example.org"})
    page = await response.text()
    assert response.headers["Content-Type"].startswith("text/html")
    assert 'href="webcal://agenda.example.org/calendars/istio-meetup-china-2021.ics"' in page
    assert 'href="http://agenda.example.org/calendars/istio-meetup-china-2021.ics"' in page
    assert "webcal://agenda.example.org/calendars/all.ics" in page


async def test_healthz_answers_for_probes(server: Server) -> None:
    response = await server.client.get("/healthz")
    assert response.status == 200
    assert (await response.json())["schedules"] == 2


async def test_feeds_are_built_when_agendas_change_not_on_every_request(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []
    real = feed_cache.feed_calendar
    monkeypatch.setattr(
        feed_cache, "feed_calendar", lambda *a, **k: calls.append(1) or real(*a, **k)
    )
    for _ in range(5):
        assert (await server.client.get(SEED_FEED)).status == 200
    assert calls == []
    before = (await server.client.get(SEED_FEED)).headers["ETag"]
    page = server.folder / "istio-meetup-china-2021.md"
    page.write_text(
        page.read_text().replace(
            "| 15:30 - 15:45 | Coffee break |", "| 15:30 - 15:50 | Coffee break |"
        )
    )
    await server.library.reload()
    assert len(calls) == 3  # the seed's feed, devconf's and all
    after = await server.client.get(SEED_FEED)
    assert after.headers["ETag"] != before
    assert "SEQUENCE:1" in (await after.read()).decode()
