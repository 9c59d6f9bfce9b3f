"""The channel-neutral reminder message: what it holds for a channel, a member and a notice."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain.agenda import Schedule
from bot.domain.reminders.message import (
    MessageKind,
    ReminderMessage,
    channel_zones,
    moved_message,
    reminder_message,
    removed_message,
    written_zones,
)
from bot.domain.reminders.plan import (
    Audience,
    ChannelFollow,
    MemberPrefs,
    PlannedReminder,
    ReminderKind,
    Target,
    TargetKind,
)
from tests.helpers import SEED

GUILD = 9


def seed() -> Schedule:
    from bot.domain.readers.context import ReadOptions
    from bot.domain.readers.source import read_path

    return read_path(SEED, ReadOptions()).schedules[0]


def planned(
    target: Target,
    kind: ReminderKind = ReminderKind.SESSION,
    *,
    follow: ChannelFollow | None = None,
    member: MemberPrefs | None = None,
) -> PlannedReminder:
    schedule = seed()
    session = schedule.sessions[0]
    return PlannedReminder(
        "key",
        session.start - timedelta(minutes=15),
        kind,
        timedelta(minutes=15),
        target,
        schedule.id,
        session.id,
        session.start,
        follow,
        member,
    )


def guild_audience(zones: dict[int, str | None]) -> Audience:
    return Audience(
        members={u: MemberPrefs(u, zone) for u, zone in zones.items()},
        guild_members={GUILD: frozenset(zones)},
    )


def test_a_channel_message_holds_the_session_the_guilds_zones_and_the_role() -> None:
    schedule = seed()
    session = schedule.sessions[0]
    follow = ChannelFollow(Target(TargetKind.CHANNEL, "77"), schedule.id, GUILD, role_id=42)
    audience = guild_audience(
        {1: "Europe/Berlin", 2: "America/New_York", 3: "Europe/Berlin", 4: "Asia/Tokyo", 5: None}
    )
    message = reminder_message(
        schedule, session, planned(follow.target, follow=follow), audience, late=False
    )
    assert message == ReminderMessage(
        kind=MessageKind.SESSION,
        title="Sign in",
        agenda="The first local Istio meetup is here!",
        start=session.start,
        end=session.end,
        organizers_zone=ZoneInfo("Asia/Shanghai"),
        zones=("America/New_York", "Europe/Berlin", "Asia/Shanghai", "Asia/Tokyo"),
        speakers=message.speakers,
        place=message.place,
        links=message.links,
        role_id=42,
    )
    assert message.start == datetime(2021, 7, 10, 5, 30, tzinfo=UTC)


def test_an_event_reminder_is_marked_as_the_events() -> None:
    schedule = seed()
    target = Target.operator("console")
    message = reminder_message(
        schedule, schedule.sessions[0], planned(target, ReminderKind.EVENT), Audience(), late=True
    )
    assert (message.kind, message.late, message.zones, message.role_id) == (
        MessageKind.EVENT,
        True,
        ("Asia/Shanghai",),
        None,
    )


def test_a_dm_holds_the_members_zone_and_language_and_never_the_guilds_zones() -> None:
    schedule = seed()
    member = MemberPrefs(6, "Asia/Shanghai", "zh-CN")
    audience = guild_audience({1: "Europe/Berlin"})
    message = reminder_message(
        schedule,
        schedule.sessions[0],
        planned(Target(TargetKind.DM, "6"), member=member),
        audience,
        late=False,
    )
    assert (message.personal, message.personal_zone, message.locale, message.user_id) == (
        True,
        "Asia/Shanghai",
        "zh-CN",
        6,
    )
    assert message.zones == ()


def test_a_zone_the_check_refuses_is_left_out_and_reported_to_it() -> None:
    schedule = seed()
    audience = guild_audience({1: "Asia/Tokyo", 2: "UTC-03:00", 3: "Europe/Berlin"})
    asked: list[tuple[int, str]] = []

    def readable(user_id: int, zone: str) -> bool:
        asked.append((user_id, zone))
        return zone != "Europe/Berlin"

    zones, more = channel_zones(
        schedule.sessions[0].start, schedule, audience, GUILD, readable=readable
    )
    assert (zones, more) == (("Asia/Shanghai", "Asia/Tokyo"), 0)  # UTC-03:00 cannot be opened
    assert asked == [(1, "Asia/Tokyo"), (2, "UTC-03:00"), (3, "Europe/Berlin")]


def test_written_zones_are_capped_with_a_count_of_the_rest() -> None:
    moment = seed().sessions[0].start
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
    # 05:30Z: Chicago is on CDT (-5), Lagos and London both at +1 (ordered by name).
    assert written_zones(moment, zones, cap=3) == (
        ("America/Chicago", "America/Sao_Paulo", "Africa/Lagos"),
        5,
    )


def test_change_notices_hold_the_old_start_or_the_removed_session() -> None:
    schedule = seed()
    old = schedule.sessions[0]
    new = replace(old, start=old.start + timedelta(minutes=30))
    moved = moved_message(schedule, old, new)
    assert (moved.kind, moved.previous_start, moved.start) == (
        MessageKind.MOVED,
        old.start,
        new.start,
    )
    removed = removed_message(schedule, old)
    assert (removed.kind, removed.start, removed.title) == (
        MessageKind.REMOVED,
        old.start,
        "Sign in",
    )
