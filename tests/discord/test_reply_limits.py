"""Every reply fits Discord's limits whatever the input, and Discord timestamps are never put
inside code, where Discord shows them raw."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import discord
import pytest

from bot.discord.limits import clip, fit_embed, length
from tests.discord.conftest import Harness, follow_payload, import_payload
from tests.fakes.discord_http import Received
from tests.fakes.interactions import ALL_PERMISSIONS, message_command, slash

LONG = "Mars/" + "x" * 5995  # Discord's longest string option: 6,000 characters
CODE = re.compile(r"`[^`]*`")


def _embed_texts(embed: dict[str, Any]) -> Iterator[str]:
    yield embed.get("title", "")
    yield embed.get("description", "")
    for field in embed.get("fields", []):
        yield field["name"]
        yield field["value"]
    yield embed.get("footer", {}).get("text", "")


def _texts(reply: Received) -> Iterator[str]:
    data = reply.data.get("data") or {}
    yield data.get("content") or ""
    for embed in data.get("embeds") or []:
        yield from _embed_texts(embed)


def assert_within_discords_limits(replies: list[Received]) -> None:
    """What Discord would refuse: too long a content, embed part or choice."""
    assert replies, "no reply at all"
    for reply in replies:
        data = reply.data.get("data") or {}
        assert length(data.get("content") or "") <= 2000
        embeds = data.get("embeds") or []
        assert len(embeds) <= 10
        for embed in embeds:
            assert length(embed.get("title", "")) <= 256
            assert length(embed.get("description", "")) <= 4096
            assert len(embed.get("fields", [])) <= 25
            for field in embed.get("fields", []):
                assert 1 <= length(field["name"]) <= 256
                assert 1 <= length(field["value"]) <= 1024
            assert length(embed.get("footer", {}).get("text", "")) <= 2048
            assert sum(length(text) for text in _embed_texts(embed)) <= 6000
        choices = data.get("choices") or []
        assert len(choices) <= 25
        for choice in choices:
            assert 1 <= length(choice["name"]) <= 100 and length(choice["value"]) <= 100


def assert_no_timestamp_in_code(replies: list[Received]) -> None:
    for reply in replies:
        for text in _texts(reply):
            for span in CODE.findall(text):
                assert "<t:" not in span, text


ECHOING = {
    "timezone set": slash("set", {"zone": LONG}, group="timezone"),
    "agenda schedule": slash("agenda", {"schedule": LONG}),
    "agenda day": slash("agenda", {"schedule": "devconf", "day": LONG}),
    "next": slash("next", {"schedule": LONG}),
    "session": slash("session", {"schedule": "devconf", "session": LONG}),
    "session schedule": slash("session", {"schedule": LONG, "session": "break"}),
    "star": slash("star", {"schedule": "devconf", "session": LONG}),
    "unstar": slash("unstar", {"schedule": "devconf", "session": LONG}),
    "ics": slash("ics", {"schedule": "devconf", "session": LONG}),
    "subscribe": slash("subscribe", {"schedule": LONG}),
    "convert time": slash("convert", {"time": "Doors 14:00 CST, talks 9am PT. " * 180}),
    "convert from_zone": slash("convert", {"time": "14:00", "from_zone": LONG}),
    "convert to_zone": slash("convert", {"time": "14:00 CST", "to_zone": LONG}),
    "follow lead": follow_payload(LONG),
    "Convert times": message_command("Convert times", "At 13:30 (CST) **and** 9am PT. " * 130),
    "zone autocomplete": slash("set", {"zone": LONG}, group="timezone", focused="zone"),
    "schedule autocomplete": slash("agenda", {"schedule": LONG}, focused="schedule"),
    "session autocomplete": slash("star", {"session": LONG}, focused="session"),
}


@pytest.mark.parametrize("payload", ECHOING.values(), ids=ECHOING.keys())
async def test_a_very_long_input_still_gets_an_answer_within_discords_limits(
    harness: Harness, payload: dict[str, Any]
) -> None:
    replies = await harness.run(payload)
    assert_within_discords_limits(replies)
    assert len(replies) == 1


async def test_a_long_file_name_in_an_import_still_gets_an_answer(harness: Harness) -> None:
    name = "a" * 240 + ".yaml"
    data = b"title: X\ntimezone: Mars/Base\nsessions: []\n"
    payload = import_payload(harness.fake, name, data, size=40, attachment_id="5003")
    replies = await harness.run(payload)
    assert_within_discords_limits(replies)
    assert replies[-1].content.startswith("I could not read aaaa")


def _huge_agenda(harness: Harness) -> None:
    """An agenda whose every text is as long as an organizer may make it."""
    rows = []
    for day in range(1, 11):  # about 220 KB: under the 256 KB a file may have
        for hour in (9, 11, 14, 16):
            rows.append(
                f'  - title: "{"Talk " * 95}{day}-{hour}"\n'
                f'    start: "2025-10-{day:02d} {hour:02d}:00"\n    duration: 1h\n'
                f'    description: "{"words " * 400}"\n'
                f"    speakers: [{', '.join(f'Speaker {n} of a very long list' for n in range(80))}]\n"
            )
    (harness.folder / "huge.yaml").write_text(
        f'id: huge\ntitle: "{"Huge " * 59}"\ntimezone: UTC\nsessions:\n{"".join(rows)}'
    )


async def test_replies_about_a_huge_agenda_fit_discords_limits(harness: Harness) -> None:
    _huge_agenda(harness)
    await harness.library.reload()
    assert "huge" in {s.id for s in harness.bot.services.agendas.visible(None)}
    session = harness.bot.services.agendas.schedule(None, "huge").sessions[0].id  # type: ignore[union-attr]
    for payload in (
        slash("agenda", {"schedule": "huge"}),
        slash("next", {"schedule": "huge"}),
        slash("session", {"schedule": "huge", "session": session}),
        slash("star", {"schedule": "huge", "session": session}),
        slash("mine"),
        slash("star", {"session": "talk"}, focused="session"),
        slash("agenda", {"schedule": "huge"}, focused="schedule"),
        slash("list", group="schedules", permissions=ALL_PERMISSIONS),
    ):
        assert_within_discords_limits(await harness.run(payload))


async def test_no_discord_timestamp_is_put_inside_code(harness: Harness) -> None:
    harness.members.star(42, "devconf", "fuzzing-in-ci")
    replies = []
    for payload in (
        slash("agenda", {"schedule": "devconf"}),
        slash("agenda", {"schedule": "istio-meetup-china-2021"}),
        slash("next", {"schedule": "devconf"}),
        slash("session", {"schedule": "devconf", "session": "observability-101"}),
        slash("mine"),
        slash("convert", {"time": "14:00 CST on July 10, 2021"}),
        message_command("Convert times", "Call at **9am PT** / 4pm UTC on September 24th"),
    ):
        replies += await harness.run(payload)
    assert len(replies) == 7
    assert_no_timestamp_in_code(replies)
    [agenda] = replies[0].data["data"]["embeds"]
    assert agenda["fields"][0]["value"].splitlines()[:2] == [
        "<t:1757422800:t> Keynote: Open source at scale",
        "⏭ <t:1757425500:t> **Building fast APIs**",
    ]


def test_clip_cuts_at_a_line_end_and_never_inside_markup() -> None:
    lines = "\n".join(f"<t:{1757422800 + n}:t> **Talk {n}**" for n in range(200))
    clipped = clip(lines, 1024)
    assert length(clipped) <= 1024 and clipped.endswith("\n…")
    assert all(line.endswith("**") for line in clipped.splitlines()[:-1])
    assert clip("Agenda <t:1757422800:F> here", 20) == "Agenda…"
    assert clip("a **bold statement** that goes on", 12) == "a…"
    assert clip("😀" * 10, 6) == "😀😀…"  # astral characters count twice, as Discord counts them
    assert clip("short", 10) == "short"


def test_fit_embed_keeps_the_total_under_6000_and_says_fields_were_left_out() -> None:
    embed = discord.Embed(title="T" * 300, description="d" * 5000)
    for n in range(30):
        embed.add_field(name=f"Day {n}", value="v" * 1000)
    embed.set_footer(text="footer")
    fitted = fit_embed(embed).to_dict()
    assert length(fitted["title"]) == 256 and length(fitted["description"]) <= 4096
    total = sum(length(text) for text in _embed_texts(fitted))
    assert total <= 6000
    assert fitted["fields"][-1]["value"].endswith("…")
    assert fitted["footer"]["text"] == "footer"
