"""`/subscribe` keeps a member's feed link working: a calendar app subscribed to it goes on
updating when the member adds an agenda or asks again; only `reset:True` replaces it. The feed
is read over HTTP from the feed server, as a calendar app reads it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp.test_utils import TestClient
from icalendar import Calendar

from bot.web.app import make_app
from bot.web.feed_cache import FeedCache
from tests.discord.conftest import Harness
from tests.fakes.interactions import slash

Client = Callable[..., Awaitable[TestClient[Any, Any]]]
BASE = "https://agenda.example.org"


def _content(replies: list[Any]) -> str:
    [reply] = replies
    content: str = reply.data["data"]["content"]
    return content


def _token(content: str) -> str:
    [https] = [line for line in content.splitlines() if line.startswith(f"{BASE}/feeds/")]
    return https.removeprefix(f"{BASE}/feeds/").removesuffix(".ics")


async def _feed_server(harness: Harness, aiohttp_client: Client) -> TestClient[Any, Any]:
    feeds = FeedCache(base_url=BASE)
    await harness.library.subscribe_prepared(feeds.prepare)
    return await aiohttp_client(make_app(harness.library, feeds, harness.tokens, BASE))


async def _summaries(client: TestClient[Any, Any], token: str) -> list[str]:
    response = await client.get(f"/feeds/{token}.ics")
    assert response.status == 200
    return [str(e["SUMMARY"]) for e in Calendar.from_ical(await response.read()).walk("VEVENT")]


async def test_adding_an_agenda_keeps_the_link_a_calendar_app_already_has(
    harness: Harness, aiohttp_client: Client
) -> None:
    client = await _feed_server(harness, aiohttp_client)
    token = _token(_content(await harness.run(slash("subscribe"))))
    assert await _summaries(client, token) == []

    content = _content(await harness.run(slash("subscribe", {"schedule": "devconf"})))
    assert content.splitlines()[0] == "**DevConf Mini** is now in your personal calendar feed."
    assert "stays valid" in content and "/feeds/" not in content
    summaries = await _summaries(client, token)
    assert len(summaries) == 8 and "Building fast APIs" in summaries

    again = _content(await harness.run(slash("subscribe", {"schedule": "istio-meetup-china-2021"})))
    assert "/feeds/" not in again
    assert len(await _summaries(client, token)) == 8 + 9


async def test_asking_again_says_the_link_stays_and_only_reset_replaces_it(
    harness: Harness, aiohttp_client: Client
) -> None:
    client = await _feed_server(harness, aiohttp_client)
    token = _token(_content(await harness.run(slash("subscribe", {"schedule": "devconf"}))))
    content = _content(await harness.run(slash("subscribe")))
    assert content.startswith("Your personal feed link stays valid")
    assert "`/subscribe reset:True` makes a new link" in content
    assert (await client.get(f"/feeds/{token}.ics")).status == 200

    zh = _content(await harness.run(slash("subscribe", locale="zh-CN")))
    assert zh.startswith("你的个人订阅链接继续有效") and "/subscribe reset:True" in zh

    reset = _content(await harness.run(slash("subscribe", {"reset": True})))
    assert reset.startswith("Your old feed link no longer works.")
    assert (await client.get(f"/feeds/{token}.ics")).status == 404
    assert len(await _summaries(client, _token(reset))) == 8


async def test_a_first_link_asked_for_with_reset_is_simply_a_new_link(harness: Harness) -> None:
    content = _content(await harness.run(slash("subscribe", {"reset": True}, user_id=77)))
    assert content.startswith("Your personal calendar feed (keep it private;")
    assert harness.tokens.lookup(_token(content)) is not None


async def test_feeds_and_downloads_link_each_sessions_web_page(
    harness: Harness, aiohttp_client: Client
) -> None:
    client = await _feed_server(harness, aiohttp_client)
    token = _token(_content(await harness.run(slash("subscribe", {"schedule": "devconf"}))))
    first = await (await client.get(f"/feeds/{token}.ics")).read()
    assert await (await client.get(f"/feeds/{token}.ics")).read() == first
    for event in Calendar.from_ical(first).walk("VEVENT"):
        page = f"{BASE}/s/devconf/{str(event['UID']).split('@')[0].removeprefix('devconf-')}"
        assert str(event["DESCRIPTION"]).splitlines()[-1] == page
        assert str(event["URL"]) == page
    [reply] = await harness.run(
        slash("ics", {"schedule": "istio-meetup-china-2021", "session": "coffee-break"})
    )
    [(_, data)] = reply.files
    [event] = Calendar.from_ical(data).walk("VEVENT")
    assert str(event["URL"]) == f"{BASE}/s/istio-meetup-china-2021/coffee-break"
    served = await client.get("/calendars/istio-meetup-china-2021/coffee-break.ics")
    assert served.status == 200 and await served.read() == data
