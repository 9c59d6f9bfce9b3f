"""Reminders of an agenda published in two languages: each member reads theirs, each server's
channel the language the server prefers, and the agenda's own where that is not known."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, cast

from bot.agendas.library import AgendaLibrary
from bot.delivery.formats.discord_markup import discord_markup
from bot.delivery.formats.plain_text import plain_text
from bot.dispatch.messages import MessageWriter
from bot.domain.readers.context import ReadOptions
from bot.domain.reminders.changes import Moved, Removed
from bot.domain.reminders.plan import (
    Audience,
    ChannelFollow,
    Leads,
    MemberPrefs,
    PlannedReminder,
    ReminderKind,
    Target,
    TargetKind,
    plan_reminders,
)
from tests.helpers import SEED

if TYPE_CHECKING:
    from bot.storage.deliveries import DeliveryLedger

ZH_SEED = SEED.with_name("istio-meetup-china-2021.zh.md")
T0 = datetime(2026, 1, 1, tzinfo=UTC)
ZH_MEMBER, EN_MEMBER, NO_LANGUAGE = 1, 2, 3
ZH_GUILD, EN_GUILD, UNKNOWN_GUILD = 10, 20, 30


def _library(tmp_path: Path) -> AgendaLibrary:
    folder = tmp_path / "schedules"
    folder.mkdir()
    shutil.copy(SEED, folder / "meetup.md")
    shutil.copy(ZH_SEED, folder / "meetup.zh.md")
    library = AgendaLibrary(folder, ReadOptions(), clock=lambda: T0)
    library.load()
    return library


def _audience() -> Audience:
    members = {
        ZH_MEMBER: MemberPrefs(ZH_MEMBER, "Asia/Shanghai", "zh-CN", dm_opt_in=True),
        EN_MEMBER: MemberPrefs(EN_MEMBER, "Europe/Berlin", "en-US", dm_opt_in=True),
        NO_LANGUAGE: MemberPrefs(NO_LANGUAGE, "UTC", None, dm_opt_in=True),
    }
    return Audience(
        follows=tuple(
            ChannelFollow(Target(TargetKind.CHANNEL, str(guild)), "meetup", guild)
            for guild in (ZH_GUILD, EN_GUILD, UNKNOWN_GUILD)
        ),
        members=members,
        member_follows=frozenset((uid, "meetup") for uid in members),
        guild_locales={ZH_GUILD: "zh-CN", EN_GUILD: "en-US"},
    )


def _coffee(planned: list[PlannedReminder], target: str) -> PlannedReminder:
    return next(p for p in planned if str(p.target) == target and p.session_id == "coffee-break")


def test_a_dm_reminder_is_in_the_members_language(tmp_path: Path) -> None:
    snapshot = _library(tmp_path).snapshot
    audience = _audience()
    planned = plan_reminders(snapshot.schedules.values(), audience, Leads(event=None))
    writer = MessageWriter()

    def dm(user_id: int) -> str:
        reminder = _coffee(planned, f"dm:{user_id}")
        message = writer.message(reminder, snapshot, audience, {}, late=False)
        assert message is not None
        return plain_text(message)

    chinese, english, unknown = dm(ZH_MEMBER), dm(EN_MEMBER), dm(NO_LANGUAGE)
    assert chinese.splitlines()[0] == "⏰ 茶歇 于 Sat 2021-07-10 07:30 UTC 开始"
    assert chinese.splitlines()[-1] == "日程：首届 Istio Meetup China 来啦！"
    assert english.splitlines()[0] == "⏰ Coffee break starts at Sat 2021-07-10 07:30 UTC"
    assert english.splitlines()[-1] == "Agenda: The first local Istio meetup is here!"
    assert unknown.splitlines()[0] == english.splitlines()[0]
    # Written once per zone and language: asked again, each member still reads their own.
    assert dm(ZH_MEMBER) == chinese and dm(EN_MEMBER) == english


def test_a_channel_post_is_in_the_servers_language_when_known_else_the_agendas(
    tmp_path: Path,
) -> None:
    snapshot = _library(tmp_path).snapshot
    audience = _audience()
    planned = plan_reminders(snapshot.schedules.values(), audience, Leads(event=None))
    writer = MessageWriter()

    def first_line(guild: int) -> str:
        reminder = _coffee(planned, f"channel:{guild}")
        message = writer.message(reminder, snapshot, audience, {}, late=False)
        assert message is not None
        return discord_markup(message).splitlines()[0]

    assert first_line(ZH_GUILD) == "⏰ **茶歇** <t:1625902200:R>开始"
    assert first_line(EN_GUILD) == "⏰ **Coffee break** starts <t:1625902200:R>"
    assert first_line(UNKNOWN_GUILD) == first_line(EN_GUILD)


def test_change_notices_to_a_chinese_server_name_the_session_in_chinese(tmp_path: Path) -> None:
    snapshot = _library(tmp_path).snapshot
    coffee = snapshot.schedules["meetup"].sessions[5]
    audience = _audience()
    writer = MessageWriter()
    seen = []
    for follow in audience.follows[:2]:  # the Chinese server's, the English server's
        notice = PlannedReminder(
            f"notice:{follow.target}",
            T0,
            ReminderKind.NOTICE,
            timedelta(0),
            follow.target,
            "meetup",
            coffee.id,
            coffee.start,
            follow,
        )
        for change in (Moved("meetup", coffee, coffee), Removed("meetup", coffee)):
            notices = {notice.key: change}
            message = writer.message(notice, snapshot, audience, notices, late=False)
            assert message is not None
            seen.append((message.kind.value, message.title, message.agenda[:4], message.locale))
    assert seen == [
        ("moved", "茶歇", "首届 I", "zh-CN"),
        ("removed", "茶歇", "首届 I", "zh-CN"),
        ("moved", "Coffee break", "The ", "en-US"),
        ("removed", "Coffee break", "The ", "en-US"),
    ]


class _People:
    """Everyone who asked for reminders, in memory."""

    def __init__(self, audience: Audience) -> None:
        self.known = audience

    def audience(self) -> Audience:
        return self.known

    def star_times(self) -> dict[tuple[int, str, str], datetime]:
        return {}

    def mark_dm_closed(self, user_id: int) -> None:
        return None


class _NoLedger:
    """Planning never reaches the ledger: nothing is recorded."""

    def record(self, *args: object) -> None:
        raise AssertionError("nothing is delivered here")


def test_the_runtime_plans_with_the_languages_the_servers_prefer(tmp_path: Path) -> None:
    from bot.dispatch.service import ReminderService
    from tests.dispatch.conftest import RecordingSender

    library = _library(tmp_path)

    def service(languages: Callable[[], Mapping[int, str]] | None) -> ReminderService:
        return ReminderService(
            library=library,
            people=_People(replace(_audience(), guild_locales={})),
            ledger=cast("DeliveryLedger", _NoLedger()),
            sender=RecordingSender(),
            defaults=Leads(event=None),
            guild_locales=languages,
        )

    def broken() -> Mapping[int, str]:
        raise RuntimeError("the gateway is reconnecting")

    made: list[Mapping[int, str]] = []
    for languages in (lambda: {ZH_GUILD: "zh-CN"}, None, broken):
        running = service(languages)
        running.plan()
        made.append(running._audience.guild_locales)
    assert made == [{ZH_GUILD: "zh-CN"}, {}, {}]
