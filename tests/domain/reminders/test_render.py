from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from bot.domain.reminders.render import (
    change_notice,
    channel_reminder,
    dm_reminder,
    written_in_zones,
)
from tests.helpers import SEED


def _seed():
    from bot.domain.readers.context import ReadOptions
    from bot.domain.readers.source import read_path

    return read_path(SEED, ReadOptions()).schedules[0]


def test_channel_reminder_has_discord_timestamps_guild_zones_details_and_role() -> None:
    schedule = _seed()
    session = schedule.sessions[0]
    message = channel_reminder(
        schedule,
        session,
        event=False,
        member_zones=["Europe/Berlin", "America/New_York", "Europe/Berlin", "Asia/Tokyo"],
        role_id=42,
        late=False,
    )
    lines = message.content.splitlines()
    assert lines[0] == "⏰ **Sign in** starts <t:1625895000:R>"
    assert lines[1] == (
        "<t:1625895000:F> · Sat 01:30 America/New_York · Sat 07:30 Europe/Berlin · "
        "Sat 13:30 Asia/Shanghai · Sat 14:30 Asia/Tokyo"
    )
    assert lines[-1] == "<@&42>" and message.role_id == 42
    assert "Agenda: The first local Istio meetup is here!" in lines
    assert "CST" not in message.content


def test_written_zones_are_capped_with_a_count_of_the_rest() -> None:
    moment = _seed().sessions[0].start
    zones = [
        "Asia/Tokyo",
        "Europe/London",
        "America/Chicago",
        "Australia/Sydney",
        "Asia/Kolkata",
        "Africa/Lagos",
        "America/Sao_Paulo",
        "Pacific/Auckland",
    ]
    text = written_in_zones(moment, zones, cap=3)
    # 05:30Z: Chicago is on CDT (-5), Lagos and London both at +1 (ordered by name).
    assert (
        text
        == "Sat 00:30 America/Chicago · Sat 02:30 America/Sao_Paulo · Sat 06:30 Africa/Lagos · +5 more"
    )


def test_dm_reminder_speaks_the_members_language_in_their_zone() -> None:
    schedule = _seed()
    session = schedule.sessions[0]
    english = dm_reminder(schedule, session, zone="America/Los_Angeles", locale="en-US", late=False)
    assert english.content.splitlines()[1] == "Friday, July 9, 2021, 22:30 (America/Los_Angeles)"
    chinese = dm_reminder(schedule, session, zone="Asia/Shanghai", locale="zh-CN", late=True)
    lines = chinese.content.splitlines()
    assert lines[0] == "⏰ **Sign in** <t:1625895000:R>开始"
    assert lines[1] == "2021年7月10日 星期六 13:30 (Asia/Shanghai)"
    assert lines[-1] == "（延迟送达：提醒到期时机器人不在线）"


def test_dm_without_a_zone_uses_discord_time_and_says_how_to_set_one() -> None:
    schedule = _seed()
    message = dm_reminder(schedule, schedule.sessions[0], zone=None, locale=None, late=False)
    assert "<t:1625895000:F>" in message.content and "/timezone set" in message.content


def test_change_notice_shows_old_and_new_times_in_the_organizers_zone() -> None:
    schedule = _seed()
    old = schedule.sessions[0]
    new = replace(old, start=old.start + timedelta(minutes=30))
    lines = change_notice(schedule, old, new).content.splitlines()
    assert lines[0] == "🔁 **Sign in** has moved: was <t:1625895000:F>, now <t:1625896800:F>"
    assert lines[1] == "13:30 → 14:00 Asia/Shanghai (UTC+08:00)"
