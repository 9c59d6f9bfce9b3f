"""A member's zone is stored in one form every reader opens (an IANA key), whatever they typed."""

from __future__ import annotations

import logging
from zoneinfo import ZoneInfo

import pytest

from bot.storage.tables import Member
from tests.discord.conftest import NOW, Harness
from tests.fakes.interactions import slash

EPHEMERAL = 64


def _content(replies) -> str:  # type: ignore[no-untyped-def]
    [reply] = replies
    assert reply.data["type"] == 4 and reply.data["data"]["flags"] & EPHEMERAL
    return str(reply.data["data"]["content"])


@pytest.mark.parametrize(
    ("typed", "stored", "set_reply", "shown", "keynote"),
    [
        (
            "UTC-3",
            "Etc/GMT+3",
            "Your time zone is now **UTC-03:00** "
            "(it is Tuesday, September 9, 2025, 10:40 (UTC-03:00) there).",
            "UTC-03:00",
            "`10:00–10:30` Keynote: Open source at scale",
        ),
        (
            "+08:00",
            "Etc/GMT-8",
            "Your time zone is now **UTC+08:00** "
            "(it is Tuesday, September 9, 2025, 21:40 (UTC+08:00) there).",
            "UTC+08:00",
            "`21:00–21:30` Keynote: Open source at scale",
        ),
        (
            "UTC+5:30",
            "Asia/Kolkata",
            "Your time zone is now **Asia/Kolkata**, which keeps UTC+05:30 all year "
            "(it is Tuesday, September 9, 2025, 19:10 (Asia/Kolkata) there).",
            "Asia/Kolkata",
            "`18:30–19:00` Keynote: Open source at scale",
        ),
    ],
)
async def test_timezone_set_with_an_offset_round_trips_through_show_and_agenda(
    harness: Harness, *, typed: str, stored: str, set_reply: str, shown: str, keynote: str
) -> None:
    assert _content(await harness.run(slash("set", {"zone": typed}, group="timezone"))) == set_reply
    assert harness.members.preferences(42).zone == stored  # type: ignore[union-attr]
    ZoneInfo(harness.members.audience().members[42].timezone or "")  # what reminders open

    shown_reply = _content(await harness.run(slash("show", group="timezone")))
    assert shown_reply.startswith(f"Your time zone is **{shown}** (it is Tuesday, September 9")

    [reply] = await harness.run(slash("agenda", {"schedule": "devconf"}))
    [embed] = reply.data["data"]["embeds"]
    assert embed["fields"][0]["value"].splitlines()[0] == keynote
    assert embed["footer"]["text"].startswith(f"Times in {shown}.")


async def test_an_offset_no_zone_keeps_all_year_is_refused_with_zones_to_pick(
    harness: Harness,
) -> None:
    text = _content(await harness.run(slash("set", {"zone": "UTC-2:30"}, group="timezone")))
    assert text == (
        "No time zone keeps UTC-02:30 all year. Pick your city or an IANA name instead "
        "(at that offset today: America/St_Johns, Canada/Newfoundland)."
    )
    assert harness.members.preferences(42) is None


async def test_an_old_unreadable_zone_reads_as_none_with_a_log_line(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    with harness.members.sessions.begin() as db:  # as stored before zones were checked
        db.add(
            Member(user_id=42, timezone="UTC-03:00", dm_opt_in=True, created_at=NOW, updated_at=NOW)
        )
    with caplog.at_level(logging.WARNING):
        shown = _content(await harness.run(slash("show", group="timezone")))
        [reply] = await harness.run(slash("agenda", {"schedule": "devconf"}))
        audience = harness.members.audience()
    assert shown.startswith("You have not set a time zone.")
    [embed] = reply.data["data"]["embeds"]
    assert embed["fields"][0]["value"].startswith("<t:1757422800:t> Keynote")
    assert audience.members[42].timezone is None  # reminders never see it either
    assert "member 42 has an unreadable time zone 'UTC-03:00'; treated as not set" in caplog.text


def test_people_refuse_to_store_a_zone_that_is_not_an_iana_key(harness: Harness) -> None:
    with pytest.raises(ValueError, match="'UTC-03:00' is not an IANA time zone key"):
        harness.members.set_timezone(42, "UTC-03:00")
    harness.members.set_timezone(42, "Etc/GMT+3")
    assert harness.members.preferences(42).zone == "Etc/GMT+3"
