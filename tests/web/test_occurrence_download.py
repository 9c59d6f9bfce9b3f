"""One occurrence of a repeating session downloads from the feed server (its id has an '@',
written as is or as %40), the same bytes the bot's calendar button sends for it."""

from __future__ import annotations

import os
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
from bot.web.conditional import http_date
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


async def test_an_occurrence_download_changes_with_its_series(
    tmp_path: Path, aiohttp_client: Callable[..., Awaitable[TestClient]]
) -> None:
    """An occurrence has no revision of its own: it takes its series' Last-Modified and
    SEQUENCE, so moving the series never leaves a client with a 304 for the old time."""
    (tmp_path / "community-call.yaml").write_text(CALL)
    now = [datetime(2026, 11, 30, tzinfo=UTC)]
    library = AgendaLibrary(tmp_path, ReadOptions(), clock=lambda: now[0])
    library.load()
    feeds = FeedCache()
    await library.subscribe_prepared(feeds.prepare)
    http = await aiohttp_client(make_app(library, feeds, MemoryFeedTokens()))
    path = "/calendars/community-call/community-call@20261209.ics"
    first = await http.get(path)
    series = library.snapshot.revisions["community-call/community-call"]
    assert first.headers["Last-Modified"] == http_date(series.changed_at)
    assert series.changed_at.year == 2026  # the series' change, not 1970 nor the meeting
    [event] = Calendar.from_ical(await first.read()).walk("VEVENT")
    assert event.decoded("dtstamp") == series.changed_at
    before = int(event.get("sequence", 0))

    (tmp_path / "community-call.yaml").write_text(
        CALL.replace('start: "2026-11-04 17:00"', 'start: "2026-11-04 17:30"')
    )
    moved_at = series.changed_at.timestamp() + 86_400
    os.utime(tmp_path / "community-call.yaml", (moved_at, moved_at))
    await library.reload()
    again = await http.get(path, headers={"If-Modified-Since": first.headers["Last-Modified"]})
    assert again.status == 200
    later = library.snapshot.revisions["community-call/community-call"].changed_at
    assert later > series.changed_at
    assert again.headers["Last-Modified"] == http_date(later)
    [moved] = Calendar.from_ical(await again.read()).walk("VEVENT")
    assert moved.decoded("dtstart") == datetime(2026, 12, 9, 16, 30, tzinfo=UTC)
    assert int(moved["sequence"]) > before
