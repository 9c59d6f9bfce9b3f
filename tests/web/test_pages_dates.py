"""What the pages say without the script: a session's or a speaker's page has no day headings,
so every time on it carries its full date with the year, in the organizers' zone and in UTC;
an agenda in UTC says its times once; all-day entries carry the organizers' days as instants,
for the script's marks; nothing claims the script ran."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient
from lxml import html

from bot.domain.agenda import Schedule, Session, SourceRef
from bot.domain.zones.naming import fixed_offset
from tests.web.page_agendas import FESTIVAL, Site, site, snapshot

Client = Callable[..., Awaitable[TestClient]]


@pytest.fixture
async def web(tmp_path: Path, aiohttp_client: Client) -> Site:
    return await site(tmp_path, aiohttp_client)


async def _tree(web: Site, path: str, **headers: str) -> html.HtmlElement:
    response = await web.client.get(path, headers=headers)
    assert response.status == 200
    return html.fromstring(await response.text())


def _line(element: html.HtmlElement, name: str) -> str:
    return " ".join(element.find_class(name)[0].text_content().split())


async def test_a_session_page_dates_every_time_in_both_zones(web: Site) -> None:
    tree = await _tree(web, "/s/istio-meetup/sign-in")
    assert (
        _line(tree, "when-org") == "Organizers' time: Sat, Jul 10, 2021 13:30–13:50 Asia/Shanghai"
    )
    assert _line(tree, "when-utc") == "Sat, Jul 10, 2021 05:30–05:50 UTC"
    assert tree.find_class("when")[0].get("data-dated") is not None  # the script dates it too


async def test_a_session_page_dates_an_end_on_the_next_day_and_the_utc_date(web: Site) -> None:
    late = await _tree(web, "/s/istio-meetup/late")
    assert _line(late, "when-org") == (
        "Organizers' time: Sat, Jul 10, 2021 23:30–Sun, Jul 11 00:30 Asia/Shanghai"
    )
    assert _line(late, "when-utc") == "Sat, Jul 10, 2021 15:30–16:30 UTC"
    early = await _tree(web, "/s/istio-meetup/early")  # the day before in UTC
    assert _line(early, "when-utc") == "Sat, Jul 10, 2021 22:00–23:00 UTC"


async def test_a_chinese_session_page_dates_every_time_in_chinese(web: Site) -> None:
    tree = await _tree(web, "/s/istio-meetup/sign-in?lang=zh")
    assert _line(tree, "when-org") == "主办方时间： 2021年7月10日周六 13:30–13:50 Asia/Shanghai"
    assert _line(tree, "when-utc") == "2021年7月10日周六 05:30–05:50 UTC"


async def test_a_speaker_page_dates_every_session(web: Site) -> None:
    tree = await _tree(web, "/speakers/huabing-zhao")
    assert (
        _line(tree, "when-org") == "Organizers' time: Sat, Jul 10, 2021 16:15–16:45 Asia/Shanghai"
    )
    assert _line(tree, "when-utc") == "Sat, Jul 10, 2021 08:15–08:45 UTC"


async def test_an_agenda_page_leaves_the_date_to_its_day_headings(web: Site) -> None:
    tree = await _tree(web, "/s/istio-meetup")
    sign_in = tree.get_element_by_id("session-sign-in")
    assert _line(sign_in, "when-org") == "Organizers' time: 13:30–13:50 Asia/Shanghai"
    assert sign_in.find_class("when")[0].get("data-dated") is None


async def test_an_all_day_session_page_gives_its_days_with_the_year(web: Site) -> None:
    tree = await _tree(web, "/s/festival/festival")
    assert _line(tree, "when") == "Sat, Mar 14 – Sun, Mar 15, 2026 · All day"
    block = tree.find_class("when")[0]
    assert (block.get("data-start"), block.get("data-end")) == (
        "2026-03-13T23:00:00Z",
        "2026-03-15T23:00:00Z",
    )
    assert block.find_class("status")  # where the script says it is on now, or next


async def test_an_all_day_entry_spans_the_organizers_days_across_a_dst_change(
    web: Site,
) -> None:
    # Berlin moves its clocks on 29 March 2026: the last day ends at 22:00 UTC, not 23:00.
    moved = replace(
        FESTIVAL.sessions[0],
        start=datetime(2026, 3, 28, tzinfo=FESTIVAL.timezone),
        end=datetime(2026, 3, 30, tzinfo=FESTIVAL.timezone),
    )
    web.serve(snapshot(2, festival=replace(FESTIVAL, sessions=(moved,))))
    block = (await _tree(web, "/s/festival")).find_class("when")[0]
    assert (block.get("data-start"), block.get("data-end")) == (
        "2026-03-27T23:00:00Z",
        "2026-03-29T22:00:00Z",
    )


async def test_an_agenda_in_utc_gives_each_time_once(web: Site) -> None:
    tree = await _tree(web, "/s/hostile")
    assert _line(tree, "times-note") == "Times are in UTC."
    assert _line(tree, "when-org") == "Organizers' time: 09:00–10:00 UTC"
    assert not tree.find_class("when-utc")
    picker = [o.get("value") for o in tree.get_element_by_id("zone-choice").iter("option")]
    assert picker == ["", "UTC"]  # the organizers' zone is UTC: offered once
    zh = await _tree(web, "/s/hostile?lang=zh")
    assert _line(zh, "times-note") == "时间按 UTC 显示。"


async def test_an_agenda_in_another_zone_still_names_both(web: Site) -> None:
    tree = await _tree(web, "/s/istio-meetup")
    assert (
        _line(tree, "times-note") == "Times are in the organizers' zone, Asia/Shanghai, and in UTC."
    )


async def test_a_session_page_without_facts_has_no_empty_list(web: Site) -> None:
    tree = await _tree(web, "/s/festival/festival")
    assert tree.find_class("facts") == []
    with_facts = await _tree(web, "/s/istio-meetup/aeraki")
    terms = [dt.text_content() for dt in with_facts.find_class("facts")[0].iter("dt")]
    assert terms == ["Where", "Venue"]


async def test_an_agenda_without_venue_or_link_has_no_empty_list(web: Site) -> None:
    assert (await _tree(web, "/s/festival")).find_class("facts") == []
    assert (await _tree(web, "/s/istio-meetup")).find_class("facts") != []


async def test_the_footer_says_times_are_converted_only_once_the_script_shows_it(
    web: Site,
) -> None:
    for path in ("/", "/s/istio-meetup", "/s/istio-meetup/aeraki", "/speakers/huabing-zhao"):
        converted = (await _tree(web, path)).get_element_by_id("converted")
        assert converted.get("hidden") is not None
        assert "converted in your browser" in converted.text_content()


async def test_a_session_in_a_fixed_offset_zone_still_names_utc(web: Site) -> None:
    zone = fixed_offset(timedelta(hours=5, minutes=30))
    start = datetime(2026, 6, 1, 9, tzinfo=zone)
    agenda = Schedule(
        id="offset",
        title="Offset agenda",
        timezone=zone,
        source=SourceRef("offset.md"),
        sessions=(Session("talk", "Talk", start, start + timedelta(hours=1)),),
    )
    web.serve(snapshot(2, offset=agenda))
    tree = await _tree(web, "/s/offset/talk")
    assert _line(tree, "when-org") == "Organizers' time: Mon, Jun 1, 2026 09:00–10:00 UTC+05:30"
    assert _line(tree, "when-utc") == "Mon, Jun 1, 2026 03:30–04:30 UTC"
