"""Replies read members' preferences from memory between changes: every change a member makes
is in the very next reply, in every command that shows it."""

from __future__ import annotations

from tests.discord.conftest import Harness
from tests.fakes.discord_http import GUILD_ID
from tests.fakes.interactions import slash


async def _content(harness: Harness, payload: dict) -> str:  # type: ignore[type-arg]
    [reply] = await harness.run(payload)
    content: str = reply.data["data"]["content"]
    return content


async def test_a_zone_set_is_shown_by_the_next_timezone_show_at_once(harness: Harness) -> None:
    show = slash("show", group="timezone")
    assert (await _content(harness, show)).startswith("You have not set a time zone")
    await harness.run(slash("set", {"zone": "Europe/Berlin"}, group="timezone"))
    assert "**Europe/Berlin**" in await _content(harness, slash("show", group="timezone"))
    await harness.run(slash("set", {"zone": "Asia/Tokyo"}, group="timezone"))
    assert "**Asia/Tokyo**" in await _content(harness, slash("show", group="timezone"))
    await harness.run(slash("clear", group="timezone"))
    cleared = await _content(harness, slash("show", group="timezone"))
    assert cleared.startswith("You have not set a time zone")


async def test_a_zone_set_is_used_by_the_next_next_at_once(harness: Harness) -> None:
    await harness.run(slash("next", {"schedule": "devconf"}))
    await harness.run(slash("set", {"zone": "Asia/Tokyo"}, group="timezone"))
    assert "(Asia/Tokyo)" in await _content(harness, slash("next", {"schedule": "devconf"}))


async def test_a_new_lead_is_in_the_next_remind_on_at_once(harness: Harness) -> None:
    first = await _content(harness, slash("on", group="remind"))
    assert "15 minutes" in first
    await harness.run(slash("lead", {"minutes": 45}, group="remind"))
    assert "45 minutes" in await _content(harness, slash("on", group="remind"))


async def test_a_server_is_stored_once_for_a_member_and_each_new_server_too(
    harness: Harness,
) -> None:
    members = harness.bot.services.members
    calls: list[tuple[int, int]] = []
    store = members.guilds
    real = store.seen_in_guild

    def counted(user_id: int, guild_id: int) -> None:
        calls.append((user_id, guild_id))
        real(user_id, guild_id)

    store.seen_in_guild = counted  # type: ignore[method-assign]
    for _ in range(3):
        await members.seen_in_guild(42, int(GUILD_ID))
    await members.seen_in_guild(43, int(GUILD_ID))
    assert calls == [(42, int(GUILD_ID)), (43, int(GUILD_ID))]
    assert harness.members.audience().guild_members == {int(GUILD_ID): frozenset({42, 43})}
