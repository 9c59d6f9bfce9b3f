"""`agenda-bot run` with an operator's `[[sources]]`: the followed agenda is served like a file
of the schedules folder; after a restart while the site fails, the last good version is still
served and /healthz and /metrics report the failure."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import aiohttp

from bot.app.sources import SourceSpec
from bot.config import Settings, load_settings
from bot.runtime import run_all
from tests.helpers import free_port
from tests.sources.conftest import Page, Site, meetup


async def _until(check: Callable[[], Awaitable[bool]], timeout: float = 30.0) -> None:
    started = time.monotonic()
    while not await check():
        assert time.monotonic() - started < timeout, "timed out"
        await asyncio.sleep(0.05)


async def _get(http: aiohttp.ClientSession, url: str) -> tuple[int, str]:
    try:
        async with http.get(url) as answer:
            return answer.status, await answer.text()
    except aiohttp.ClientConnectionError:
        return 0, ""


async def _while_running(settings: Settings, work: Callable[[str], Awaitable[Any]]) -> None:
    stop = asyncio.Event()
    running = asyncio.create_task(run_all(settings, stop))
    try:
        await work(f"http://127.0.0.1:{settings.port}")
        assert not running.done()
    finally:
        stop.set()
        await asyncio.wait_for(running, timeout=30)


async def test_run_serves_a_followed_url_and_keeps_it_through_a_failure(
    site: Site, tmp_path: Path
) -> None:
    (tmp_path / "schedules").mkdir()
    settings = load_settings(
        None,
        {
            "AGENDA_BOT_SCHEDULES": str(tmp_path / "schedules"),
            "AGENDA_BOT_STATE_DIR": str(tmp_path / "state"),
            "AGENDA_BOT_PORT": str(free_port()),
            "AGENDA_BOT_ALLOW_PRIVATE_SOURCES": "1",
        },
    )
    site.pages["/meetup.md"] = Page(meetup())
    settings = replace(settings, sources=(SourceSpec(site.url("/meetup.md"), 5),))

    async def first(base: str) -> None:
        async with aiohttp.ClientSession() as http:

            async def served() -> bool:
                status, text = await _get(http, f"{base}/calendars/meetup.ics")
                return status == 200 and "Generics in practice" in text

            await _until(served)
            _, text = await _get(http, f"{base}/")
            assert "meetup" in text  # a public agenda, listed on the index

    await _while_running(settings, first)

    site.pages["/meetup.md"] = Page(b"down", status=502)

    async def second(base: str) -> None:
        async with aiohttp.ClientSession() as http:

            async def reported() -> bool:
                status, text = await _get(http, f"{base}/healthz")
                return status == 200 and '"failing": 1' in text

            await _until(reported)
            status, text = await _get(http, f"{base}/calendars/meetup.ics")
            assert status == 200 and "Generics in practice" in text
            _, metrics = await _get(http, f"{base}/metrics")
            assert "agenda_bot_sources_failing 1.0" in metrics
            assert 'agenda_bot_source_polls_total{outcome="failed"} 1.0' in metrics

    await _while_running(settings, second)
