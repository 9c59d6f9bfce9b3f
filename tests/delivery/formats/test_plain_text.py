"""Reminders on the console: plain text, every time written out."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import UTC, timedelta

from bot.delivery.console import ConsoleSender
from bot.delivery.formats.plain_text import plain_text, utc_time
from bot.domain.agenda import Link
from bot.domain.reminders.message import (
    MessageKind,
    moved_message,
    reminder_message,
    removed_message,
)
from bot.domain.reminders.plan import ChannelFollow, ReminderKind
from bot.domain.zones.naming import fixed_offset
from tests.domain.reminders.test_message import guild_audience, planned, seed

CONSOLE = ConsoleSender.destination
MARKUP = re.compile(r"<t:\d+|\*\*|<@&|<https?:")


def _reminder(kind: ReminderKind = ReminderKind.SESSION):  # type: ignore[no-untyped-def]
    schedule = seed()
    follow = ChannelFollow(CONSOLE, schedule.id)
    return reminder_message(
        schedule,
        schedule.sessions[0],
        planned(CONSOLE, kind, follow=follow),
        guild_audience({}),
        late=False,
    )


def test_utc_time_is_written_out() -> None:
    assert utc_time(seed().sessions[0].start) == "Sat 2021-07-10 05:30 UTC"


def test_a_console_reminder_has_no_discord_markup_and_writes_the_times_out() -> None:
    message = replace(
        _reminder(),
        zones=("Europe/Berlin", "Asia/Shanghai"),
        links=(Link("https://example.org/live", "Stream"),),
        role_id=42,
    )
    text = plain_text(message)
    assert MARKUP.search(text) is None, text
    lines = text.splitlines()
    assert lines[0] == "⏰ Sign in starts at Sat 2021-07-10 05:30 UTC"
    assert lines[1] == "Sat 07:30 Europe/Berlin · Sat 13:30 Asia/Shanghai"
    assert "Stream: https://example.org/live" in lines
    assert lines[-1] == "Agenda: The first local Istio meetup is here!"


def test_a_console_event_reminder_and_a_late_one() -> None:
    event = plain_text(replace(_reminder(ReminderKind.EVENT), late=True)).splitlines()
    assert event[0] == (
        "📅 The first local Istio meetup is here! starts at Sat 2021-07-10 05:30 UTC: "
        "first up, Sign in"
    )
    assert event[1] == "Sat 13:30 Asia/Shanghai"
    assert event[-1] == "(late: the bot was offline when this reminder was due)"


def test_an_organizers_zone_at_a_fixed_offset_is_written_out_too() -> None:
    message = replace(_reminder(), zones=(), organizers_zone=UTC)
    assert plain_text(message).splitlines()[1].startswith("Where: ")  # UTC: on the first line
    fixed = replace(message, organizers_zone=fixed_offset(timedelta(hours=8)))
    assert plain_text(fixed).splitlines()[1] == "Sat 13:30 UTC+08:00"


def test_console_change_notices_have_no_markup() -> None:
    schedule = seed()
    old = schedule.sessions[0]
    new = replace(old, start=old.start + timedelta(minutes=30))
    assert plain_text(moved_message(schedule, old, new)).splitlines() == [
        "🔁 Sign in has moved: was Sat 2021-07-10 05:30 UTC, now Sat 2021-07-10 06:00 UTC",
        "13:30 → 14:00 Asia/Shanghai (UTC+08:00)",
        "Agenda: The first local Istio meetup is here!",
    ]
    assert plain_text(removed_message(schedule, old)).splitlines() == [
        "❌ Sign in (Sat 2021-07-10 05:30 UTC) was removed from The first local Istio meetup is here!",
        "Sat 13:30 Asia/Shanghai",
    ]
    assert removed_message(schedule, old).kind is MessageKind.REMOVED


async def test_the_console_sender_prints_plain_text() -> None:
    stream = io.StringIO()
    sender = ConsoleSender(stream)
    await sender.send(CONSOLE, _reminder(), nonce="ab1")
    printed = stream.getvalue()
    assert printed.startswith(
        "--- reminder to console (ab1)\n⏰ Sign in starts at Sat 2021-07-10 05:30 UTC\n"
    )
    assert MARKUP.search(printed) is None
