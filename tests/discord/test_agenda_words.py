"""What /agenda, /next and /mine say to a member who has set no zone, in both languages: whose
date a day heading is, the next few sessions, the footer about Discord timestamps."""

from __future__ import annotations

from typing import Any

import discord

from tests.discord.chicago import install_chicago
from tests.discord.conftest import Harness
from tests.fakes.discord_http import Received
from tests.fakes.interactions import slash

CHICAGO = "cloud-native-chicago"
NO_ZONE_FOOTER = (
    "Times use Discord timestamps. Set your zone with /timezone set to see them written out."
)


def _data(replies: list[Received]) -> dict[str, Any]:
    [reply] = replies
    assert reply.data["type"] == 4
    data: dict[str, Any] = reply.data["data"]
    return data


async def test_day_headings_say_they_are_the_organizers_dates_without_a_zone(
    harness: Harness,
) -> None:
    await install_chicago(harness)
    [embed] = _data(await harness.run(slash("agenda", {"schedule": CHICAGO})))["embeds"]
    assert [f["name"] for f in embed["fields"]] == ["Tue 2026-12-08 · organizers' date"]
    assert embed["fields"][0]["value"].splitlines()[0] == "⏭ <t:1796774400:t> **Doors and pizza**"
    [embed] = _data(await harness.run(slash("agenda", {"schedule": CHICAGO}, locale="zh-CN")))[
        "embeds"
    ]
    assert [f["name"] for f in embed["fields"]] == ["2026-12-08 周二 · 组织者当地日期"]
    await harness.run(slash("set", {"zone": "Asia/Shanghai"}, group="timezone"))
    [embed] = _data(await harness.run(slash("agenda", {"schedule": CHICAGO})))["embeds"]
    assert [f["name"] for f in embed["fields"]] == ["Wed 2026-12-09"]


async def test_the_day_option_says_whose_date_it_filters_on(harness: Harness) -> None:
    agenda = harness.bot.tree.get_command("agenda")
    assert isinstance(agenda, discord.app_commands.Command)
    [day] = [p for p in agenda.parameters if p.name == "day"]
    assert day.description == (
        "Only this day (YYYY-MM-DD): your zone's date if you set one, else the organizers'"
    )


async def test_an_empty_day_names_the_agenda_by_its_title_in_the_members_language(
    harness: Harness,
) -> None:
    await install_chicago(harness)
    payload = slash("agenda", {"schedule": CHICAGO, "day": "2026-12-09"}, locale="zh-CN")
    assert _data(await harness.run(payload))["content"] == (
        "**芝加哥云原生冬季聚会** 在 2026-12-09（组织者当地日期）没有安排。"
        "使用 /timezone set 设置时区后，可按你的日期选择。"
    )
    await harness.run(slash("set", {"zone": "America/Chicago"}, group="timezone"))
    payload = slash("agenda", {"schedule": CHICAGO, "day": "2026-12-09"})
    assert _data(await harness.run(payload))["content"] == (
        "**Cloud Native Chicago: Winter Meetup** has nothing on 2026-12-09."
    )


async def test_next_with_an_agenda_lists_the_next_few_sessions(harness: Harness) -> None:
    await install_chicago(harness)
    lines = _data(await harness.run(slash("next", {"schedule": CHICAGO})))["content"].splitlines()
    assert [line.split(" <t:")[0] for line in lines] == [
        "**Doors and pizza**",
        "**Gateway API in Practice**",
        "**Sidecarless Mesh at Scale**",
        "**Rust for Kubernetes Operators**",
        "**Lightning: Kubernetes Cost Tricks**",
        NO_ZONE_FOOTER,
    ]


async def test_mine_without_a_zone_says_times_are_discord_timestamps(harness: Harness) -> None:
    await harness.run(slash("star", {"schedule": "devconf", "session": "fuzzing-in-ci"}))
    [embed] = _data(await harness.run(slash("mine")))["embeds"]
    assert embed["footer"]["text"] == NO_ZONE_FOOTER
    [embed] = _data(await harness.run(slash("mine", locale="zh-CN")))["embeds"]
    assert embed["footer"]["text"].startswith("时间以 Discord 时间戳显示")
    await harness.run(slash("set", {"zone": "Europe/Berlin"}, group="timezone"))
    [embed] = _data(await harness.run(slash("mine")))["embeds"]
    assert "footer" not in embed
