"""One occurrence of a repeating session downloads from the feed server (its id has an '@',
written as is or as %40), the same bytes the bot's calendar button sends for it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient
from icalendar import Calendar

from bot.agendas.library import AgendaLibrary
from bot.app.calendars import session_file
from bot.domain.feed_tokens import MemoryFeedTokens
from bot.domain.readers.context import ReadOptions
from bot.web.app import make_app
from bot.web.feed_cache import FeedCache

CALL = """\
id: community-call
title: Community call
timezone: Europe/Berlin
sessions:
  - id: community-call
    title: Community call
    start: "2026-11-04 17:00"
    duration: 1h
    repeat: FREQ=WEEKLY;BYDAY=WE
  - id: twice
    title: Twice a day
    start: "2026-11-02 09:00"
    duration: 30m
    repeat: FREQ=DAILY;BYHOUR=9,17;BYMINUTE=0
"""


@pytest.fixture
async def client(
    tmp_path: Path, aiohttp_client: Callable[..., Awaitable[TestClient]]
) -> tuple[TestClient, AgendaLibrary]:
    (tmp_path / "community-call.yaml").write_text(CALL)
    library = AgendaLibrary(
        tmp_path, ReadOptions(), clock=lambda: datetime(2026, 11, 30, tzinfo=UTC)
    )
    library.load()
    feeds = FeedCache()
    await library.subscribe_prepared(feeds.prepare)
    return await aiohttp_client(make_app(library, feeds, MemoryFeedTokens())), library


@pytest.mark.parametrize("written", ["community-call@20261202", "community-call%4020261202"])
async def test_an_occurrence_downloads(
    client: tuple[TestClient, AgendaLibrary], written: str
) -> None:
    http, library = client
    response = await http.get(f"/calendars/community-call/{written}.ics")
    assert response.status == 200
    body = await response.read()
    schedule = library.snapshot.schedules["community-call"]
    occurrence = next(s for s in schedule.sessions if s.id == "community-call@20261202")
    assert body == session_file(library.snapshot, schedule, occurrence).data
    [event] = Calendar.from_ical(body).walk("VEVENT")
    assert event.decoded("dtstart") == datetime(2026, 12, 2, 16, 0, tzinfo=UTC)
    assert "RRULE" not in event
    assert "community-call-community-call-20261202.ics" in response.headers["Content-Disposition"]


async def test_an_occurrence_of_a_twice_daily_series_downloads(
    client: tuple[TestClient, AgendaLibrary],
) -> None:
    http, _ = client
    response = await http.get("/calendars/community-call/twice@20261202T1700.ics")
    assert response.status == 200
    [event] = Calendar.from_ical(await response.read()).walk("VEVENT")
    assert event.decoded("dtstart") == datetime(2026, 12, 2, 16, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "written",
    [
        "community-call@20261203",  # no meeting that day
        "community-call@2026",
        "community-call@@20261202",
        "community-call@20261202x",
    ],
)
async def test_other_ids_with_an_at_are_not_found(
    client: tuple[TestClient, AgendaLibrary], written: str
) -> None:
    http, _ = client
    assert (await http.get(f"/calendars/community-call/{written}.ics")).status == 404
