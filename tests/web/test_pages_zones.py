"""Zone names on the pages: a zone known by an older name (Asia/Calcutta, Europe/Kiev) is shown
by its current one, and the script gets, from a file of ours per language, those current names
and each zone's city in the page's language."""

from __future__ import annotations

import json
import zoneinfo
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from aiohttp.test_utils import TestClient
from lxml import html

from bot.domain.zones.current_names import aliases, current_name
from tests.web.page_agendas import MEETUP, Site, site, snapshot

Client = Callable[..., Awaitable[TestClient]]
LEGACY = {
    "Asia/Calcutta": "Asia/Kolkata",
    "Europe/Kiev": "Europe/Kyiv",
    "Asia/Saigon": "Asia/Ho_Chi_Minh",
    "Asia/Katmandu": "Asia/Kathmandu",
    "Asia/Rangoon": "Asia/Yangon",
    "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
    "US/Pacific": "America/Los_Angeles",
    "Etc/UTC": "UTC",
    "Etc/GMT": "UTC",
}


@pytest.fixture
async def web(tmp_path: Path, aiohttp_client: Client) -> Site:
    return await site(tmp_path, aiohttp_client)


async def _zone_data(web: Site, lang: str) -> dict[str, dict[str, str]]:
    """The zone table the page in `lang` loads, as the script reads it."""
    page = html.fromstring(await (await web.client.get(f"/?lang={lang}")).text())
    source = next(src for src in page.xpath("//script/@src") if "/zones-" in src)
    assert source.startswith(f"/static/zones-{lang}.js?v=")
    response = await web.client.get(source)
    assert response.status == 200
    assert response.headers["Content-Type"].startswith("text/javascript")
    text = await response.text()
    prefix = "window.agendaBotZones = "
    assert text.startswith(prefix) and text.endswith(";\n")
    data: dict[str, dict[str, str]] = json.loads(text[len(prefix) : -2])
    return data


@pytest.mark.parametrize(("old", "current"), sorted(LEGACY.items()))
def test_an_older_zone_name_reads_as_the_current_one(old: str, current: str) -> None:
    assert current_name(old) == current


def test_every_current_name_is_one_the_zone_database_opens_and_is_final() -> None:
    known = zoneinfo.available_timezones()
    assert len(aliases()) > 100  # the whole table, not a few names
    for old, current in aliases().items():
        assert current in known, old
        assert current_name(current) == current, old


@pytest.mark.parametrize("zone", ["Europe/Amsterdam", "Asia/Shanghai", "America/Montevideo"])
def test_a_zone_of_its_own_keeps_its_name(zone: str) -> None:
    # The tz database may link zones that agree since 1970 (Amsterdam to Brussels): people
    # there still read their own city.
    assert current_name(zone) == zone


async def test_the_script_gets_current_names_and_english_cities(web: Site) -> None:
    data = await _zone_data(web, "en")
    for old, current in LEGACY.items():
        assert data["aliases"][old] == current
    assert data["cities"]["Asia/Ho_Chi_Minh"] == "Ho Chi Minh City"
    assert "Asia/Calcutta" not in data["cities"]  # cities are by current names only


async def test_the_chinese_page_gets_the_cities_in_chinese(web: Site) -> None:
    cities = (await _zone_data(web, "zh"))["cities"]
    assert cities["Asia/Tokyo"] == "东京"
    assert cities["Asia/Kolkata"] == "加尔各答"
    assert cities["Europe/Kyiv"] == "基辅"
    assert cities["America/Los_Angeles"] == "洛杉矶"


async def test_an_agenda_written_with_an_older_zone_name_shows_the_current_one(
    web: Site,
) -> None:
    calcutta = replace(MEETUP, timezone=ZoneInfo("Asia/Calcutta"))
    web.serve(snapshot(2, **{MEETUP.id: calcutta}))
    page = await (await web.client.get("/s/istio-meetup")).text()
    tree = html.fromstring(page)
    assert "Asia/Calcutta" not in page
    assert tree.find_class("zone")[0].text_content() == "Asia/Kolkata"
    assert tree.find_class("when")[0].get("data-org-zone") == "Asia/Kolkata"
    assert tree.find_class("when")[0].get("data-org-city") == "Kolkata"
