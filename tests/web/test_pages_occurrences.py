"""A repeating meeting on the web agenda: each occurrence has its page (its id carries an '@',
written as is or as %40), says how it repeats, and its buttons add that one meeting; any date
the rule gives has its page and its download, inside the window of occurrences the library
lists (a week back, four months ahead from 30 November 2026 here) or not."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from aiohttp.test_utils import TestClient
from icalendar import Calendar
from lxml import html

from bot.agendas.library import AgendaLibrary
from bot.domain.feed_tokens import MemoryFeedTokens
from bot.domain.readers.context import ReadOptions
from bot.web.app import make_app
from bot.web.feed_cache import FeedCache

CALL = """\
id: community-call
title: Community call
titles:
  zh: 社区例会
timezone: Europe/Berlin
sessions:
  - id: community-call
    title: Community call
    titles:
      zh: 社区例会
    start: "2026-11-04 17:00"
    duration: 1h
    repeat: FREQ=WEEKLY;BYDAY=WE
    except: ["2027-06-30"]
"""


@pytest.fixture
async def client(
    tmp_path: Path, aiohttp_client: Callable[..., Awaitable[TestClient]]
) -> TestClient:
    (tmp_path / "community-call.yaml").write_text(CALL)
    library = AgendaLibrary(
        tmp_path, ReadOptions(), clock=lambda: datetime(2026, 11, 30, tzinfo=UTC)
    )
    library.load()
    feeds = FeedCache()
    await library.subscribe_prepared(feeds.prepare)
    return await aiohttp_client(make_app(library, feeds, MemoryFeedTokens()))


@pytest.mark.parametrize("written", ["community-call@20261202", "community-call%4020261202"])
async def test_an_occurrence_has_its_own_page(client: TestClient, written: str) -> None:
    response = await client.get(f"/s/community-call/{written}")
    assert response.status == 200
    tree = html.fromstring(await response.text())
    assert tree.findtext(".//h1") == "Community call"
    facts = dict(zip(tree.xpath("//dt/text()"), tree.xpath("//dd/text()"), strict=True))
    assert facts["Repeats"] == "every Wednesday"
    stamps = [t.get("datetime") for t in tree.find_class("when-org")[0].iter("time")]
    assert stamps == ["2026-12-02T16:00:00Z", "2026-12-02T17:00:00Z"]
    download = tree.xpath("//a[text()='Download .ics']/@href")[0]
    assert download == "/calendars/community-call/community-call@20261202.ics"
    assert (await client.get(download)).status == 200
    google = tree.xpath("//a[text()='Add to Google Calendar']/@href")[0]
    assert parse_qs(urlsplit(google).query)["dates"] == ["20261202T160000Z/20261202T170000Z"]


async def test_the_agenda_lists_the_occurrences_with_links_to_each(client: TestClient) -> None:
    response = await client.get("/s/community-call", headers={"Accept-Language": "zh"})
    tree = html.fromstring(await response.text())
    titles = tree.xpath("//h4[@class='session-title']/a")
    assert titles[0].text_content() == "社区例会"
    hrefs = [a.get("href") for a in titles]
    assert "/s/community-call/community-call@20261202" in hrefs
    assert "/s/community-call/community-call@20261209" in hrefs
    assert "重复：每周三" in " ".join(tree.text_content().split())


async def test_a_date_the_series_does_not_meet_on_is_not_found(client: TestClient) -> None:
    response = await client.get("/s/community-call/community-call@20261203")
    assert response.status == 404


@pytest.mark.parametrize(
    ("day", "start"),
    [
        ("20261104", "2026-11-04T16:00:00Z"),  # the first meeting, before the window
        ("20270407", "2027-04-07T15:00:00Z"),  # after it, in summer time
        ("20291226", "2029-12-26T16:00:00Z"),
    ],
)
async def test_a_meeting_outside_the_listed_window_has_its_page_and_download(
    client: TestClient, day: str, start: str
) -> None:
    response = await client.get(f"/s/community-call/community-call@{day}")
    assert response.status == 200
    tree = html.fromstring(await response.text())
    assert tree.find_class("when-org")[0].find("time").get("datetime") == start
    download = await client.get(f"/calendars/community-call/community-call@{day}.ics")
    assert download.status == 200
    event = Calendar.from_ical(await download.read()).walk("VEVENT")[0]
    assert event.decoded("DTSTART").astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") == start
    assert "RRULE" not in event  # that one meeting, never the series


@pytest.mark.parametrize(
    "day",
    [
        "20270408",  # a Thursday
        "20270630",  # a meeting the agenda cancels
        "20261028",  # a Wednesday before the first meeting
        "29991225",  # a Wednesday centuries on: not looked for
        "20270231",  # no such date
    ],
)
async def test_a_date_the_rule_does_not_give_is_not_found_page_or_download(
    client: TestClient, day: str
) -> None:
    page = await client.get(f"/s/community-call/community-call@{day}")
    assert page.status == 404
    download = await client.get(f"/calendars/community-call/community-call@{day}.ics")
    assert download.status == 404


async def test_the_list_of_agendas_shows_a_repeating_meeting_as_repeating(
    client: TestClient,
) -> None:
    tree = html.fromstring(await (await client.get("/")).text())
    meta = " ".join(tree.find_class("card")[0].find_class("meta")[0].text_content().split())
    assert meta == "every Wednesday, 17:00–18:00 Europe/Berlin"
    everything = tree.find_class("everything")[0].find_class("meta")[0].text_content()
    assert " ".join(everything.split()) == "(0 sessions) · 1 repeating meeting"
    zh = html.fromstring(await (await client.get("/?lang=zh")).text())
    meta = " ".join(zh.find_class("card")[0].find_class("meta")[0].text_content().split())
    assert meta == "每周三 17:00–18:00（Europe/Berlin）"
