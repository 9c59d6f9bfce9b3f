"""Reminders as Discord shows them: the same text channels and DMs have always had."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from bot.delivery.formats.discord_markup import discord_markup, discord_time
from bot.delivery.formats.webhook import webhook_payload
from bot.domain.reminders.message import (
    MessageKind,
    moved_message,
    reminder_message,
    removed_message,
)
from bot.domain.reminders.plan import ChannelFollow, MemberPrefs, Target, TargetKind
from tests.domain.reminders.test_message import GUILD, guild_audience, planned, seed


def _channel(role_id: int | None = 42) -> str:
    schedule = seed()
    follow = ChannelFollow(Target(TargetKind.CHANNEL, "77"), schedule.id, GUILD, role_id=role_id)
    audience = guild_audience(
        {1: "Europe/Berlin", 2: "America/New_York", 3: "Europe/Berlin", 4: "Asia/Tokyo"}
    )
    reminder = planned(follow.target, follow=follow)
    return discord_markup(
        reminder_message(schedule, schedule.sessions[0], reminder, audience, late=False)
    )


def _dm(zone: str | None, locale: str | None, *, late: bool = False) -> str:
    schedule = seed()
    reminder = planned(Target(TargetKind.DM, "6"), member=MemberPrefs(6, zone, locale))
    message = reminder_message(
        schedule, schedule.sessions[0], reminder, guild_audience({}), late=late
    )
    return discord_markup(message)


def test_discord_time_is_a_discord_timestamp() -> None:
    assert discord_time(seed().sessions[0].start) == "<t:1625895000:F>"
    assert discord_time(seed().sessions[0].start, "R") == "<t:1625895000:R>"


def test_channel_reminder_has_discord_timestamps_guild_zones_details_and_role() -> None:
    content = _channel()
    lines = content.splitlines()
    assert lines[0] == "⏰ **Sign in** starts <t:1625895000:R>"
    assert lines[1] == (
        "<t:1625895000:F> · Sat 01:30 America/New_York · Sat 07:30 Europe/Berlin · "
        "Sat 13:30 Asia/Shanghai · Sat 14:30 Asia/Tokyo"
    )
    assert lines[-1] == "<@&42>"
    assert "Agenda: The first local Istio meetup is here!" in lines
    assert "CST" not in content


def test_zones_beyond_the_cap_are_counted() -> None:
    schedule = seed()
    message = replace(
        reminder_message(
            schedule,
            schedule.sessions[0],
            planned(Target.operator("webhook")),
            guild_audience({}),
            late=False,
        ),
        zones=("America/Chicago", "America/Sao_Paulo", "Africa/Lagos"),
        more_zones=5,
    )
    assert discord_markup(message).splitlines()[1] == (
        "<t:1625895000:F> · Sat 00:30 America/Chicago · Sat 02:30 America/Sao_Paulo · "
        "Sat 06:30 Africa/Lagos · +5 more"
    )


def test_event_reminder_names_the_agenda_and_its_first_session() -> None:
    schedule = seed()
    message = reminder_message(
        schedule,
        schedule.sessions[0],
        planned(Target(TargetKind.CHANNEL, "77")),
        guild_audience({}),
        late=False,
    )
    event = replace(message, kind=MessageKind.EVENT)
    assert discord_markup(event).splitlines()[0] == (
        "📅 **The first local Istio meetup is here!** starts <t:1625895000:R>: "
        "first up, **Sign in**"
    )


def test_dm_reminder_speaks_the_members_language_in_their_zone() -> None:
    english = _dm("America/Los_Angeles", "en-US")
    assert english.splitlines()[1] == "Friday, July 9, 2021, 22:30 (America/Los_Angeles)"
    lines = _dm("Asia/Shanghai", "zh-CN", late=True).splitlines()
    assert lines[0] == "⏰ **Sign in** <t:1625895000:R>开始"
    assert lines[1] == "2021年7月10日 星期六 13:30 (Asia/Shanghai)"
    assert lines[-1] == "（延迟送达：提醒到期时机器人不在线）"


def test_dm_without_a_zone_uses_discord_time_and_says_how_to_set_one() -> None:
    content = _dm(None, None)
    assert content.splitlines()[1:3] == [
        "<t:1625895000:F>",
        "Set your time zone with /timezone set to see times written out for you.",
    ]


def test_change_notice_shows_old_and_new_times_in_the_organizers_zone() -> None:
    schedule = seed()
    old = schedule.sessions[0]
    new = replace(old, start=old.start + timedelta(minutes=30))
    lines = discord_markup(moved_message(schedule, old, new)).splitlines()
    assert lines == [
        "🔁 **Sign in** has moved: was <t:1625895000:F>, now <t:1625896800:F>",
        "13:30 → 14:00 Asia/Shanghai (UTC+08:00)",
        "Agenda: The first local Istio meetup is here!",
    ]
    later = replace(old, start=old.start + timedelta(days=1))
    assert discord_markup(moved_message(schedule, old, later)).splitlines()[1] == (
        "Sat 2021-07-10 13:30 → Sun 2021-07-11 13:30 Asia/Shanghai (UTC+08:00)"
    )


def test_removal_notice_names_the_session_its_time_and_agenda() -> None:
    schedule = seed()
    assert discord_markup(removed_message(schedule, schedule.sessions[0])) == (
        "❌ **Sign in** (<t:1625895000:F>) was removed from The first local Istio meetup is here!"
    )


def test_the_webhooks_payload_carries_the_markup_and_mentions_only_the_role() -> None:
    schedule = seed()
    follow = ChannelFollow(Target.operator("webhook"), schedule.id, None, role_id=42)
    message = reminder_message(
        schedule,
        schedule.sessions[0],
        planned(follow.target, follow=follow),
        guild_audience({}),
        late=False,
    )
    payload = webhook_payload(message)
    assert payload == {
        "content": discord_markup(message),
        "allowed_mentions": {"parse": [], "roles": ["42"]},
    }
    assert str(payload["content"]).startswith("⏰ **Sign in** starts <t:1625895000:R>")
    assert webhook_payload(replace(message, role_id=None))["allowed_mentions"] == {"parse": []}
