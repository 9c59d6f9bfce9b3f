"""A session named by its title as a member types it, in any of its agenda's languages, in
/session, /star and /unstar; sessions named alike are listed to choose from."""

from __future__ import annotations

import shutil
from typing import Any

from tests.discord.chicago import install_chicago
from tests.discord.conftest import Harness
from tests.fakes.discord_http import Received
from tests.fakes.interactions import slash
from tests.helpers import PAGES

CHICAGO = "cloud-native-chicago"


def _data(replies: list[Received]) -> dict[str, Any]:
    [reply] = replies
    assert reply.data["type"] == 4
    data: dict[str, Any] = reply.data["data"]
    return data


async def test_session_by_its_english_or_chinese_title_with_or_without_the_agenda(
    harness: Harness,
) -> None:
    await install_chicago(harness)
    for options, locale in [
        ({"session": "Gateway API in Practice", "schedule": CHICAGO}, "en-US"),
        ({"session": "gateway api  in PRACTICE"}, "en-US"),
        ({"session": "Gateway API 实战", "schedule": CHICAGO}, "zh-CN"),
        ({"session": "gateway api实战"}, "zh-CN"),
    ]:
        [embed] = _data(await harness.run(slash("session", options, locale=locale)))["embeds"]
        expected = "Gateway API in Practice" if locale == "en-US" else "Gateway API 实战"
        assert embed["title"] == expected, options


async def test_star_and_unstar_by_title(harness: Harness) -> None:
    await install_chicago(harness)
    starred = _data(
        await harness.run(slash("star", {"session": "大规模无边车服务网格"}, locale="zh-CN"))
    )
    assert starred["content"].startswith("⭐ 已将 **大规模无边车服务网格** 加入你的日程")
    assert harness.members.audience().stars == frozenset(
        {(42, CHICAGO, "sidecarless-mesh-at-scale")}
    )
    gone = _data(await harness.run(slash("unstar", {"session": "Sidecarless mesh at scale"})))
    assert gone["content"] == "Removed **Sidecarless Mesh at Scale** from your agenda."
    assert harness.members.audience().stars == frozenset()


async def test_an_id_found_in_one_agenda_needs_no_agenda_chosen(harness: Harness) -> None:
    data = _data(await harness.run(slash("star", {"session": "coffee-break"})))
    assert data["content"].startswith("⭐ Added **Coffee break** to your agenda")


async def test_an_unknown_session_says_so_rather_than_asking_for_an_agenda(
    harness: Harness,
) -> None:
    await install_chicago(harness)
    data = _data(await harness.run(slash("session", {"session": "Gateway API in Theory"})))
    assert data["content"] == (
        "No agenda here has a session 'Gateway API in Theory'. Start typing its title and pick "
        "it from the list."
    )
    data = _data(
        await harness.run(
            slash("session", {"session": "网关理论", "schedule": CHICAGO}, locale="zh-CN")
        )
    )
    assert data["content"] == (
        "**芝加哥云原生冬季聚会** 中没有议程 '网关理论'。请输入议程标题，并从列表中选择。"
    )


async def test_sessions_named_alike_in_several_agendas_are_listed_to_choose_from(
    harness: Harness,
) -> None:
    shutil.copy(PAGES / "parallel-tracks.md", harness.folder / "devconf-encore.md")
    await harness.library.reload()
    data = _data(await harness.run(slash("session", {"session": "intro to rust"})))
    assert data["content"] == (
        "'intro to rust' could be several sessions. Pick one from the list, or type what stands "
        "first on its line:\n"
        "• `devconf/intro-to-rust` — Intro to Rust (DevConf Mini)\n"
        "• `devconf-encore/intro-to-rust` — Intro to Rust (DevConf Mini)"
    )
    data = _data(await harness.run(slash("session", {"session": "devconf-encore/intro-to-rust"})))
    assert data["embeds"][0]["title"] == "Intro to Rust"
    data = _data(
        await harness.run(slash("session", {"session": "Intro to Rust", "schedule": "devconf"}))
    )
    assert data["embeds"][0]["title"] == "Intro to Rust"


async def test_the_picker_finds_a_title_typed_with_other_spacing_or_case(harness: Harness) -> None:
    await install_chicago(harness)
    [reply] = await harness.run(slash("session", {"session": "GATEWAY api  in"}, focused="session"))
    assert [c["value"] for c in reply.data["data"]["choices"]] == [
        "cloud-native-chicago/gateway-api-in-practice"
    ]
