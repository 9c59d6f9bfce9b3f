"""The DMs of one session are written once per zone, language and lateness, and read exactly as
if each had been written for its member; a reloaded agenda is never answered from memory."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.agendas.snapshot import Snapshot
from bot.delivery.formats.discord_markup import discord_markup
from bot.delivery.formats.plain_text import plain_text
from bot.dispatch.messages import MessageWriter
from bot.domain.agenda import Schedule, Session, SourceRef, Speaker
from bot.domain.reminders.message import reminder_message
from bot.domain.reminders.plan import (
    Audience,
    ChannelFollow,
    Leads,
    MemberPrefs,
    Target,
    TargetKind,
    plan_reminders,
)

START = datetime(2026, 7, 10, 5, 30, tzinfo=UTC)
ZONES = ["Asia/Shanghai", "Europe/Berlin", "America/New_York", None, "Mars/Olympus_Mons"]
LOCALES = ["en-US", "zh-CN", "en-GB", None]


def _schedule(title: str = "Keynote") -> Schedule:
    session = Session(
        "keynote", title, START, START + timedelta(minutes=45), speakers=(Speaker("Ana", "Acme"),)
    )
    return Schedule("conf", "Conf", ZoneInfo("Asia/Shanghai"), (session,), SourceRef("x"))


def _audience() -> Audience:
    members = {
        uid: MemberPrefs(uid, ZONES[uid % 5], LOCALES[uid % 4], dm_opt_in=True)
        for uid in range(1, 61)
    }
    return Audience(
        follows=(ChannelFollow(Target(TargetKind.CHANNEL, "1"), "conf", 9),),
        members=members,
        member_follows=frozenset((uid, "conf") for uid in members),
        guild_members={9: frozenset(members)},
    )


@pytest.mark.parametrize("late", [False, True])
def test_shared_dms_read_exactly_as_each_written_for_its_member(late: bool) -> None:
    schedule, audience = _schedule(), _audience()
    snapshot = Snapshot(1, {"conf": schedule}, {})
    writer = MessageWriter()
    planned = plan_reminders([schedule], audience, Leads(event=None))
    assert len(planned) == 61
    made = {}
    for reminder in planned:
        message = writer.message(reminder, snapshot, audience, {}, late=late)
        assert message is not None
        made[id(message)] = message  # kept: no id is reused
        alone = reminder_message(schedule, schedule.sessions[0], reminder, audience, late=late)
        assert discord_markup(message) == discord_markup(alone)
        assert plain_text(message) == plain_text(alone)
        if reminder.target.kind is TargetKind.DM:
            assert message.user_id is None  # shared: the target names the member
    # The channel's, and one per stored zone (or none) and language.
    assert len(made) == 1 + 5 * 4


def test_a_reloaded_agenda_is_written_afresh() -> None:
    audience = _audience()
    writer = MessageWriter()
    before, after = _schedule("Keynote"), _schedule("Opening keynote")
    for schedule in (before, after):
        snapshot = Snapshot(1, {"conf": schedule}, {})
        dms = [
            p
            for p in plan_reminders([schedule], audience, Leads(event=None))
            if p.target.kind is TargetKind.DM
        ]
        for reminder in dms:
            message = writer.message(reminder, snapshot, audience, {}, late=False)
            assert message is not None
            assert f"**{schedule.sessions[0].title}**" in discord_markup(message).splitlines()[0]


def test_an_unreadable_zone_is_still_logged_once_for_each_member(
    caplog: pytest.LogCaptureFixture,
) -> None:
    schedule, audience = _schedule(), _audience()
    snapshot = Snapshot(1, {"conf": schedule}, {})
    writer = MessageWriter()
    caplog.set_level(logging.WARNING)
    for _ in range(2):
        for reminder in plan_reminders([schedule], audience, Leads(event=None)):
            if reminder.target.kind is TargetKind.DM:
                writer.message(reminder, snapshot, audience, {}, late=False)
    logged = [r for r in caplog.records if "Mars/Olympus_Mons" in r.getMessage()]
    assert len(logged) == 12  # the twelve members in that zone, once each


def test_a_member_who_changed_zone_gets_the_new_zone() -> None:
    schedule, audience = _schedule(), _audience()
    snapshot = Snapshot(1, {"conf": schedule}, {})
    writer = MessageWriter()
    moved = replace(
        audience,
        members={**audience.members, 1: replace(audience.members[1], timezone="Asia/Tokyo")},
    )
    for people in (audience, moved):
        [reminder] = [
            p
            for p in plan_reminders([schedule], people, Leads(event=None))
            if p.target == Target(TargetKind.DM, "1")
        ]
        message = writer.message(reminder, snapshot, people, {}, late=False)
        assert message is not None
        assert f"({people.members[1].timezone})" in discord_markup(message)
