"""Starring, the session buttons, session choices, follow leads, imports and conversions: what
members are told."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from bot.app.agendas import session_key as button_key
from tests.discord.conftest import NOW, Harness, follow_payload, import_payload
from tests.fakes.discord_http import CHANNEL_ID, Received
from tests.fakes.interactions import button, message_command, slash

EPHEMERAL = 64


def _content(replies: list[Received]) -> str:
    [reply] = replies
    assert reply.data["type"] == 4 and reply.data["data"]["flags"] & EPHEMERAL
    return str(reply.data["data"]["content"])


# ---- a star inside the lead time -------------------------------------------------------------


async def test_star_inside_the_lead_time_says_no_reminder_will_come(harness: Harness) -> None:
    # Building fast APIs starts at 13:45 UTC, 5 minutes from now; reminders come 15 minutes before.
    text = _content(
        await harness.run(slash("star", {"schedule": "devconf", "session": "building-fast-apis"}))
    )
    assert text == (
        "⭐ Added **Building fast APIs** to your agenda. It starts in 5 minutes, sooner than "
        "your reminder 15 minutes before, so no reminder will come."
    )
    again = _content(
        await harness.run(
            slash(
                "star",
                {"schedule": "devconf", "session": "building-fast-apis"},
                locale="zh-CN",
            )
        )
    )
    assert again == (
        "**Building fast APIs** 已在你的日程中。它将在 5 分钟后开始，早于你设定的提前 15 分钟 "
        "提醒，因此不会再发送提醒。"
    )


async def test_star_of_a_session_that_has_ended_says_it_has_ended(harness: Harness) -> None:
    key = button_key("devconf", "keynote-open-source-at-scale")  # 13:00-13:30 UTC; it is 13:40
    [reply] = await harness.gateway(button(f"star:{key}"))
    assert reply.data["data"]["content"] == (
        "⭐ Added **Keynote: Open source at scale** to your agenda. "
        "It has already ended, so no reminder will come."
    )
    [reply] = await harness.gateway(button(f"star:{key}", locale="zh-CN"))
    assert reply.data["data"]["content"] == (
        "**Keynote: Open source at scale** 已在你的日程中。它已经结束，因此不会再发送提醒。"
    )


async def test_star_of_a_session_under_way_says_it_has_started(harness: Harness) -> None:
    harness.bot.services.stars.clock = lambda: NOW + timedelta(minutes=15)  # 13:55 UTC
    text = _content(
        await harness.run(slash("star", {"schedule": "devconf", "session": "building-fast-apis"}))
    )
    assert text == (
        "⭐ Added **Building fast APIs** to your agenda. "
        "It has already started, so no reminder will come."
    )


async def test_star_with_a_short_lead_still_promises_the_reminder(harness: Harness) -> None:
    harness.members.set_lead(42, 3)
    text = _content(
        await harness.run(slash("star", {"schedule": "devconf", "session": "building-fast-apis"}))
    )
    assert text == (
        "⭐ Added **Building fast APIs** to your agenda; I will remind you 3 minutes before it."
    )


# ---- buttons for sessions that are gone ------------------------------------------------------


@pytest.mark.parametrize("prefix", ["star", "ics"])
async def test_a_button_for_a_removed_session_answers_that_it_is_gone(
    harness: Harness, prefix: str
) -> None:
    key = button_key("devconf", "observability-101")
    (harness.folder / "devconf.md").unlink()
    await harness.library.reload()
    [reply] = await harness.gateway(button(f"{prefix}:{key}"))
    assert reply.data["type"] == 4 and reply.data["data"]["flags"] & EPHEMERAL
    assert reply.data["data"]["content"] == (
        "That session is no longer on the agenda: it was removed, or its agenda was."
    )
    assert harness.members.audience().stars == frozenset()


# ---- session choices -------------------------------------------------------------------------


def _choices(replies: list[Received]) -> list[dict[str, Any]]:
    [reply] = replies
    assert reply.data["type"] == 8
    return list(reply.data["data"]["choices"])


async def test_session_choices_show_the_members_time_and_zone(harness: Harness) -> None:
    harness.members.set_timezone(42, "Europe/Berlin")
    payload = slash(
        "star", {"schedule": "istio-meetup-china-2021", "session": "coff"}, focused="session"
    )
    assert _choices(await harness.run(payload)) == [
        {"name": "07-10 09:30 Europe/Berlin Coffee break", "value": "coffee-break"}
    ]


async def test_session_choices_without_an_agenda_cover_every_agenda_and_can_be_starred(
    harness: Harness,
) -> None:
    choices = _choices(await harness.run(slash("star", {"session": "break"}, focused="session")))
    assert choices == [
        {"name": "09-09 14:30 UTC Break (DevConf Mini)", "value": "devconf/break"},
        {
            "name": "07-10 07:30 UTC Coffee break (The first local Istio meetup…)",
            "value": "istio-meetup-china-2021/coffee-break",
        },
    ]
    text = _content(await harness.run(slash("star", {"session": "devconf/break"})))
    assert text == "⭐ Added **Break** to your agenda; I will remind you 15 minutes before it."
    assert harness.members.audience().stars == frozenset({(42, "devconf", "break")})
    text = _content(await harness.run(slash("unstar", {"session": "devconf/break"})))
    assert text == "Removed **Break** from your agenda."


# ---- follow leads ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lead", "answer"),
    [
        (
            "abc",
            "'abc' is not a number. Write lead times in minutes, or like 1d, 2h, 15m "
            "(several: 1d,15m).",
        ),
        (
            "1d,inf",
            "'inf' is not a number. Write lead times in minutes, or like 1d, 2h, 15m "
            "(several: 1d,15m).",
        ),
        ("30d", "A lead time is between 0 and 10080 minutes (one week)."),
        ("-5m", "A lead time is between 0 and 10080 minutes (one week)."),
    ],
)
async def test_follow_says_what_is_wrong_with_a_lead(
    harness: Harness, lead: str, answer: str
) -> None:
    assert _content(await harness.run(follow_payload(lead))) == answer
    assert harness.members.audience().follows == ()


async def test_follow_takes_leads_with_units(harness: Harness) -> None:
    text = _content(await harness.run(follow_payload("1d, 90, 1.5h")))
    assert text == f"<#{CHANNEL_ID}> now gets reminders for **DevConf Mini**."
    [follow] = harness.members.audience().follows
    assert follow.leads is not None and follow.leads.event is not None


# ---- Simplified Chinese ----------------------------------------------------------------------


async def test_agenda_day_headings_are_in_chinese_for_a_chinese_client(harness: Harness) -> None:
    harness.members.set_timezone(42, "Asia/Shanghai")
    [reply] = await harness.run(slash("agenda", {"schedule": "devconf"}, locale="zh-CN"))
    [embed] = reply.data["data"]["embeds"]
    assert [f["name"] for f in embed["fields"]] == ["2025-09-09 周二", "2025-09-10 周三"]
    [reply] = await harness.run(slash("agenda", {"schedule": "devconf"}))
    [embed] = reply.data["data"]["embeds"]
    assert [f["name"] for f in embed["fields"]] == ["Tue 2025-09-09", "Wed 2025-09-10"]


async def _import(harness: Harness, name: str, data: bytes, locale: str) -> list[Received]:
    payload = import_payload(harness.fake, name, data, locale=locale, attachment_id="5010")
    return await harness.run(payload)


@pytest.mark.parametrize(
    ("name", "data", "answer"),
    [
        (
            "bad.yaml",
            b"title: X\ntimezone: Mars/Base\nsessions: [{title: A, start: '2024-01-01 10:00'}]\n",
            "无法读取 bad.yaml：\n第 2 行：时区：未知时区 'Mars/Base'",
        ),
        ("empty.md", b"   \n", "无法读取 empty.md：\n文件是空的"),
        (
            "times.md",
            b"# Meetup\n\n**Date:** 2024-06-01, times in UTC\n\n"
            b"| Time | Talk |\n| --- | --- |\n| 25:99 | Opening |\n",
            "无法读取 times.md：\n第 7 行：'25:99' 不是有效时间（不存在 25 点（0-24）；"
            "不存在第 99 分钟（0-59））；该行未导入",
        ),
    ],
)
async def test_import_errors_are_in_chinese_for_a_chinese_client(
    harness: Harness, name: str, data: bytes, answer: str
) -> None:
    replies = await _import(harness, name, data, "zh-CN")
    assert replies[-1].content.startswith(answer)


# ---- the Convert times message command -------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "first"),
    [
        ("**Time and day:** 13:30-17:30 (CST), July 10, 2021", "**13:30-17:30 (CST)** → "),
        ("Doors **13:30** (CST) on July 10, 2021", "**13:30 (CST)** → "),
        ("Doors at *7pm* PT on July 10, 2021", "**7pm PT** → "),
    ],
)
async def test_convert_times_shows_each_time_in_balanced_bold(
    harness: Harness, message: str, first: str
) -> None:
    harness.members.set_timezone(42, "Europe/Berlin")
    text = _content(await harness.run(message_command("Convert times", message)))
    line = text.splitlines()[0]
    assert line.startswith(first), line
    assert line.count("**") == 2
