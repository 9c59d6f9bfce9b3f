"""A repeating meeting on the web agenda: each occurrence has its page (its id carries an '@',
written as is or as %40), says how it repeats, and its buttons add that one meeting."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from aiohttp.test_utils import TestClient
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
