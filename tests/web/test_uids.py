"""UIDs never depend on base_url: setting it after people subscribed must not duplicate events."""

from __future__ import annotations

import aiohttp
from icalendar import Calendar

from bot.domain.ics.calendars import feed_calendar, uid
from tests.helpers import free_port
from tests.web.conftest import Server, running

PATHS = (
    "/calendars/istio-meetup-china-2021.ics",
    "/calendars/all.ics",
    "/calendars/istio-meetup-china-2021/sign-in.ics",
)


async def _uids(server: Server, base_url: str) -> dict[str, list[str]]:
    found = {}
    async with (
        running(server, free_port(), base_url=base_url) as url,
        aiohttp.ClientSession() as session,
    ):
        for path in PATHS:
            async with session.get(url + path) as response:
                body = await response.read()
            found[path] = [str(e["UID"]) for e in Calendar.from_ical(body).walk("VEVENT")]
    return found


async def test_uids_are_the_same_with_and_without_base_url(server: Server) -> None:
    without = await _uids(server, "")
    with_base = await _uids(server, "https://cal.example.org")
    assert with_base == without
    assert all(u.endswith("@agenda-bot") for uids in without.values() for u in uids)
    assert "istio-meetup-china-2021-sign-in@agenda-bot" in without[PATHS[2]]


async def test_served_uids_match_the_cli_and_discord_downloads(server: Server) -> None:
    schedule = server.library.snapshot.schedules["istio-meetup-china-2021"]
    offline = Calendar.from_ical(feed_calendar(schedule.title, [schedule], {}))
    served = await _uids(server, "https://cal.example.org")
    assert served[PATHS[0]] == [str(e["UID"]) for e in offline.walk("VEVENT")]
    assert uid(schedule.id, "sign-in") == "istio-meetup-china-2021-sign-in@agenda-bot"
