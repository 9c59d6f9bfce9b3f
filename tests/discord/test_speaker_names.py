"""/speaker finds every name it takes as the member types it (any order, case, spacing, script,
accents, a typo) and shows a profile in the member's language: names, affiliations, talk
history, link labels, links that have no web address; speakers on /session likewise."""

from __future__ import annotations

from typing import Any

import pytest

from tests.discord.chicago import install_chicago
from tests.discord.conftest import Harness
from tests.fakes.discord_http import Received
from tests.fakes.interactions import slash


def _embed(replies: list[Received]) -> dict[str, Any]:
    [reply] = replies
    assert reply.data["type"] == 4
    [embed] = reply.data["data"]["embeds"]
    return dict(embed)


def _fields(embed: dict[str, Any]) -> dict[str, str]:
    return {f["name"]: f["value"] for f in embed.get("fields", [])}


@pytest.fixture
async def chicago(harness: Harness) -> Harness:
    await install_chicago(harness)
    return harness


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Zhao Huabing", "huabing-zhao"),
        ("zhao hua", "huabing-zhao"),
        ("Wei Li", "li-wei"),
        ("李 伟", "li-wei"),
        ("Ana  Souza", "ana-souza"),
        ("Souza, Ana", "ana-souza"),
        ("Carlos Garcia", "carlos-garcia"),
        ("garc", "carlos-garcia"),
        ("Huabnig", "huabing-zhao"),
    ],
)
async def test_the_picker_offers_every_name_the_command_takes(
    chicago: Harness, typed: str, expected: str
) -> None:
    [reply] = await chicago.run(slash("speaker", {"name": typed}, focused="name"))
    choices = reply.data["data"]["choices"]
    assert choices and choices[0]["value"] == expected, choices


async def test_exact_names_come_before_names_spelt_alike(chicago: Harness) -> None:
    [reply] = await chicago.run(slash("speaker", {"name": "li"}, focused="name"))
    assert [c["value"] for c in reply.data["data"]["choices"]] == ["li-wei"]


async def test_a_name_typed_without_its_accent_opens_the_profile(chicago: Harness) -> None:
    embed = _embed(await chicago.run(slash("speaker", {"name": "Carlos Garcia"})))
    assert embed["title"] == "Carlos García"
    embed = _embed(await chicago.run(slash("speaker", {"name": "Souza, Ana"})))
    assert embed["title"] == "Ana Souza (安娜·苏扎)"


async def test_a_profile_in_chinese_shows_talks_and_links_in_chinese(chicago: Harness) -> None:
    embed = _embed(await chicago.run(slash("speaker", {"name": "赵化冰"}, locale="zh-CN")))
    assert embed["title"] == "赵化冰 (Huabing Zhao)"
    fields = _fields(embed)
    assert fields["近期演讲"].startswith(
        "**[Gateway API 及其扩展](https://www.zhaohuabing.com/post/2024-08-31/)** — "
        "[KubeCon 中国](https://kccncossaidevchn2024.sched.com/event/1eYcX), 香港, 2024"
    )
    assert fields["链接"].splitlines() == [
        "[完整资料](https://agenda.example.org/speakers/huabing-zhao)",
        "邮箱：zhaohuabing@gmail.com",
        "微信：zhao\\_huabing",
        "[领英](https://www.linkedin.com/in/zhaohuabing)",
    ]


async def test_links_without_a_web_address_are_written_out_in_english(chicago: Harness) -> None:
    embed = _embed(await chicago.run(slash("speaker", {"name": "Huabing Zhao"})))
    assert _fields(embed)["Links"].splitlines()[1:3] == [
        "Email: zhaohuabing@gmail.com",
        "WeChat: zhao\\_huabing",
    ]
    assert _fields(embed)["Recent talks"].startswith("**[Gateway API and Beyond](")


async def test_speakers_on_a_session_are_named_in_the_members_language(chicago: Harness) -> None:
    options = {"session": "panel-meshes-in-2027", "schedule": "cloud-native-chicago"}
    zh = _fields(_embed(await chicago.run(slash("session", options, locale="zh-CN"))))
    assert zh["讲师"] == (
        "[安娜·苏扎](https://agenda.example.org/speakers/ana-souza) (Red Hat)\n"
        "[李伟](https://agenda.example.org/speakers/li-wei) (蚂蚁集团)"
    )
    en = _fields(_embed(await chicago.run(slash("session", options))))
    assert en["Speakers"] == (
        "[Ana Souza](https://agenda.example.org/speakers/ana-souza) (Red Hat)\n"
        "[Li Wei](https://agenda.example.org/speakers/li-wei) (Ant Group)"
    )
    one = {"session": "sidecarless-mesh-at-scale", "schedule": "cloud-native-chicago"}
    assert "Speaker" in _fields(_embed(await chicago.run(slash("session", one))))


async def test_a_long_bio_is_cut_before_a_link_it_would_break(chicago: Harness) -> None:
    words = "Olga builds service meshes. " * 53  # 1,484 characters: the link crosses the cut
    page = f"name: Olga Petrova\nbio: >\n  {words}She works at [Tetrate](https://tetrate.io) now.\n"
    (chicago.folder / "speakers" / "olga-petrova.yaml").write_text(page, encoding="utf-8")
    await chicago.library.reload()
    embed = _embed(await chicago.run(slash("speaker", {"name": "Olga Petrova"})))
    assert embed["description"].endswith("She works at…")
    assert "[" not in embed["description"]
