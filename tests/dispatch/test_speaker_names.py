"""Reminders by DM name speakers as their profiles write them in the member's language, sent
through the Discord sender to the Discord-compatible fake: "讲师：李伟" for a member reading
Chinese, "Speaker: Li Wei" (one speaker) for one reading English."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from discord.http import Route

from bot.delivery.discord_rest import DiscordSender, use_api_base
from tests.discord.chicago import write_chicago
from tests.dispatch.conftest import Clock, make_world
from tests.fakes.discord_http import FakeDiscord

# Sidecarless Mesh at Scale: 19:00 in Chicago on 8 December 2026; DM reminders 15 min before.
DUE = datetime(2026, 12, 9, 0, 45, tzinfo=UTC)
CHINESE, ENGLISH = 101, 102


@pytest.fixture
def discord() -> Iterator[FakeDiscord]:
    fake = FakeDiscord().start()
    yield fake
    fake.stop()


@pytest.fixture
async def sender(discord: FakeDiscord) -> AsyncIterator[DiscordSender]:
    old = Route.BASE
    use_api_base(discord.base)
    made = DiscordSender("test-token")
    await made.start()
    yield made
    await made.close()
    Route.BASE = old


async def test_a_dm_names_speakers_in_the_members_language(
    engine: object, tmp_path: Path, discord: FakeDiscord, sender: DiscordSender
) -> None:
    folder = tmp_path / "schedules"
    folder.mkdir()
    write_chicago(folder)
    world = make_world(engine, folder, Clock(DUE), sender=sender, destinations=())
    for member, locale in ((CHINESE, "zh-CN"), (ENGLISH, "en-US")):
        world.people.set_dm(member, True)
        world.people.star_as(member, "cloud-native-chicago", "sidecarless-mesh-at-scale", locale)
    await world.service.fire(DUE)
    sent = {m.route: m.content.splitlines() for m in discord.received()}
    assert set(sent) == {f"dm:{CHINESE}", f"dm:{ENGLISH}"}
    assert sent[f"dm:{CHINESE}"][0].startswith("⏰ **大规模无边车服务网格**")
    assert "讲师：李伟 (蚂蚁集团)" in sent[f"dm:{CHINESE}"]
    assert "Speaker: Li Wei (Ant Group)" in sent[f"dm:{ENGLISH}"]
