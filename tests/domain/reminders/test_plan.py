from __future__ import annotations

from datetime import timedelta

import pytest

from bot.domain.reminders.plan import (
    Audience,
    ChannelFollow,
    Leads,
    MemberPrefs,
    ReminderKind,
    Target,
    TargetKind,
    parse_leads,
    plan_reminders,
    reminder_key,
)
from tests.helpers import read_page, utc

CHANNEL = Target(TargetKind.CHANNEL, "77")


def _night():
    return read_page("toml-front-matter.md").schedules[0]  # 4 sessions, Europe/Berlin


def test_a_channel_follow_gets_each_session_at_each_lead_and_the_event_the_day_before() -> None:
    schedule = _night()
    audience = Audience(follows=(ChannelFollow(CHANNEL, schedule.id),))
    planned = plan_reminders([schedule], audience, Leads())
    assert [(p.kind, utc(p.due), p.session_id) for p in planned] == [
        (ReminderKind.EVENT, "2024-03-27T17:30Z", "doors-open"),
        (ReminderKind.SESSION, "2024-03-28T17:15Z", "doors-open"),
        (ReminderKind.SESSION, "2024-03-28T17:45Z", "gateway-api-in-practice"),
        (ReminderKind.SESSION, "2024-03-28T18:15Z", "panel-the-mesh-in-2024"),
        (ReminderKind.SESSION, "2024-03-28T19:00Z", "networking-pizza"),
    ]
    assert len({p.key for p in planned}) == 5


def test_per_follow_leads_replace_the_defaults() -> None:
    schedule = _night()
    follow = ChannelFollow(
        CHANNEL, schedule.id, leads=Leads((timedelta(hours=1), timedelta(0)), None)
    )
    planned = plan_reminders([schedule], Audience(follows=(follow,)), Leads())
    assert len(planned) == 8 and {p.lead for p in planned} == {timedelta(hours=1), timedelta(0)}


def test_dms_go_to_stars_and_to_opted_in_followers_at_their_own_lead() -> None:
    schedule = _night()
    audience = Audience(
        members={
            1: MemberPrefs(1, lead=timedelta(minutes=5)),
            2: MemberPrefs(2, dm_opt_in=True),
            3: MemberPrefs(3, dm_opt_in=False),
            4: MemberPrefs(4, dm_opt_in=True, dm_closed=True),
        },
        stars=frozenset({(1, schedule.id, "gateway-api-in-practice"), (1, "gone", "x")}),
        member_follows=frozenset({(2, schedule.id), (3, schedule.id), (4, schedule.id)}),
    )
    planned = plan_reminders([schedule], audience, Leads())
    assert sorted((p.target.id, p.session_id, p.lead) for p in planned) == sorted(
        [("1", "gateway-api-in-practice", timedelta(minutes=5))]
        + [("2", s.id, timedelta(minutes=15)) for s in schedule.sessions]
    )
    assert all(p.target.kind is TargetKind.DM for p in planned)


def test_a_moved_session_gets_a_new_key() -> None:
    schedule = _night()
    audience = Audience(follows=(ChannelFollow(CHANNEL, schedule.id, leads=Leads(event=None)),))
    before = {p.key for p in plan_reminders([schedule], audience, Leads())}
    from dataclasses import replace

    moved = replace(schedule.sessions[1], start=schedule.sessions[1].start + timedelta(minutes=30))
    changed = replace(schedule, sessions=(schedule.sessions[0], moved, *schedule.sessions[2:]))
    after = {p.key for p in plan_reminders([changed], audience, Leads())}
    assert len(before - after) == 1 and len(after - before) == 1


def test_all_day_entries_get_the_event_reminder_only() -> None:
    schedule = read_page("front-matter-only.md").schedules[0]
    planned = plan_reminders(
        [schedule], Audience(follows=(ChannelFollow(CHANNEL, schedule.id),)), Leads()
    )
    assert [p.kind for p in planned] == [ReminderKind.EVENT]


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("15", [15]), ("1d, 15m", [1440, 15]), ("2h,30s", [120, 0.5]), ("0", [0]), ("15m,15", [15])],
)
def test_lead_times_parse_in_minutes_or_with_units(text: str, minutes: list[float]) -> None:
    assert parse_leads(text) == tuple(timedelta(minutes=m) for m in minutes)


@pytest.mark.parametrize("text", ["soon", "-5m", "1w"])
def test_bad_lead_times_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="lead time"):
        parse_leads(text)


def test_lead_times_count_real_time_across_a_dst_jump() -> None:
    from tests.helpers import read_text

    schedule = read_text(
        "---\ntitle: T\ntimezone: America/New_York\n---\n\n**Date:** March 10, 2024\n\n- 03:05 - 04:00: After the jump\n"
    ).schedules[0]
    [planned] = plan_reminders(
        [schedule], Audience(follows=(ChannelFollow(CHANNEL, schedule.id),)), Leads(event=None)
    )
    assert utc(planned.due) == "2024-03-10T06:50Z"  # 01:50 EST, not the wall clock's 02:50
    assert planned.due.utcoffset() == timedelta(0)


def test_targets_start_the_delivery_keys_as_they_always_have() -> None:
    """The ledger holds keys from earlier versions: a target's text never changes."""
    targets = [
        CHANNEL,
        Target(TargetKind.DM, "5"),
        Target.operator("webhook"),
        Target.operator("console"),
    ]
    assert [str(t) for t in targets] == ["channel:77", "dm:5", "webhook", "console"]
    schedule = _night()
    session = schedule.sessions[0]
    key = reminder_key(
        Target.operator("console"),
        schedule.id,
        session,
        ReminderKind.SESSION,
        timedelta(minutes=15),
    )
    assert key == f"console|{schedule.id}|{session.id}|session|15m|{int(session.start.timestamp())}"
