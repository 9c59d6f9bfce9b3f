"""/events publish and /events unpublish through the Discord-compatible fake with discord.py
itself: the scheduled events Discord receives, their upkeep when the agenda changes, and
"Interested" clicks (sent over the fake's gateway) counted as RSVPs."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast

import discord
import pytest

from bot.app.rsvp import RsvpState
from bot.cli.invite_command import bot_permissions
from bot.discord.client import intents
from bot.discord.exts.events._cog import (
    DESCRIPTION,
    EventsCog,
    marker_for,
    plan,
)
from bot.discord.limits import length
from bot.domain.agenda import Schedule, Session, SourceRef, Speaker
from bot.storage.database import make_engine, session_factory
from bot.storage.scheduled_events import DatabaseScheduledEvents
from bot.texts.catalogue import COMMANDS_ZH, TEXTS
from tests.discord.conftest import MANAGE_EVENTS, NOW, Harness
from tests.fakes.discord_http import GUILD_ID, FakeDiscord, Received
from tests.fakes.interactions import slash

FEED = "https://agenda.example.org/calendars/devconf.ics"
FUTURE_SESSIONS = 7  # of DevConf's eight, at NOW (the keynote is over)


@pytest.fixture
def store(harness: Harness, tmp_path: Path) -> Iterator[DatabaseScheduledEvents]:
    """The links kept in the harness's own database, and a fake with no events yet."""
    engine = make_engine(f"sqlite:///{tmp_path / 'bot.sqlite3'}")
    made = DatabaseScheduledEvents(session_factory(engine), clock=lambda: NOW)
    harness.bot.services.scheduled_events = made
    with harness.fake._lock:
        harness.fake.scheduled_events.clear()
        harness.fake.event_calls.clear()
    harness.fake.event_cap = 100
    yield made
    engine.dispose()


def publish(
    per: str | None = None, *, locale: str = "en-US", permissions: str = MANAGE_EVENTS
) -> dict[str, Any]:
    options = {"schedule": "devconf"} | ({"per": per} if per else {})
    return slash("publish", options, group="events", permissions=permissions, locale=locale)


def unpublish() -> dict[str, Any]:
    return slash("unpublish", {"schedule": "devconf"}, group="events", permissions=MANAGE_EVENTS)


def said(received: list[Received]) -> str:
    return "\n".join(r.content for r in received if r.content)


def cog(harness: Harness) -> EventsCog:
    # Loaded as an extension: discord.py imports the package afresh for each bot.
    found = harness.bot.get_cog("EventsCog")
    assert type(found).__name__ == "EventsCog"
    return cast(EventsCog, found)


def devconf(harness: Harness) -> Schedule:
    return harness.library.snapshot.schedules["devconf"]


def calls(fake: FakeDiscord, verb: str) -> list[tuple[str, dict[str, Any]]]:
    return [c for c in fake.calls() if c[0].split()[0] == verb]


async def test_one_event_spans_the_agenda_as_an_external_guild_only_event(
    harness: Harness, store: DatabaseScheduledEvents
) -> None:
    received = await harness.run(publish("event"))
    assert "**DevConf Mini** is in this server's Events tab: 1 created" in said(received)
    [(_, sent)] = calls(harness.fake, "POST")
    schedule = devconf(harness)
    assert sent["entity_type"] == 3 and sent["privacy_level"] == 2
    assert sent["channel_id"] is None
    assert sent["name"] == "DevConf Mini"
    # From the first session still to come (9:45 in New York) to the end of the last one.
    assert sent["scheduled_start_time"] == "2025-09-09T13:45:00+00:00"
    assert sent["scheduled_end_time"] == "2025-09-10T13:45:00+00:00"
    assert sent["entity_metadata"] == {
        "location": schedule.venue or schedule.url or "See the agenda"
    }
    description = sent["description"]
    assert f"{FUTURE_SESSIONS} sessions:" in description and "• Security day opener" in description
    assert "• Keynote: Open source at scale" not in description  # over before NOW
    assert f"Calendar: {FEED}" in description  # the agenda is public: its feed is linked
    marker = marker_for(int(GUILD_ID), "devconf", "event")
    assert description.endswith(f"ref {marker}")
    [event] = harness.fake.events()
    [link] = store.links(int(GUILD_ID), "devconf")
    assert (link.item, link.event_id, link.marker) == ("event", int(event["id"]), marker)


async def test_one_event_per_session_and_publishing_again_duplicates_nothing(
    harness: Harness, store: DatabaseScheduledEvents
) -> None:
    received = await harness.run(publish("session"))
    assert f"{FUTURE_SESSIONS} created" in said(received)
    events = {e["name"]: e for e in harness.fake.events()}
    assert len(harness.fake.events()) == FUTURE_SESSIONS == len(calls(harness.fake, "POST"))
    assert "Keynote: Open source at scale" not in events
    talk = events["Observability 101"]
    assert (talk["scheduled_start_time"], talk["scheduled_end_time"]) == (
        "2025-09-09T14:45:00+00:00",
        "2025-09-09T15:30:00+00:00",
    )
    assert (talk["entity_type"], talk["privacy_level"], talk["status"]) == (3, 2, 1)
    assert talk["entity_metadata"]["location"]
    assert "Agenda: DevConf Mini" in talk["description"]
    speaker = events["Intro to Rust"]
    assert "Speaker: Sam Roe" in speaker["description"]

    again = await harness.run(publish("session"))
    assert f"0 created, 0 updated, {FUTURE_SESSIONS} unchanged" in said(again)
    assert len(harness.fake.events()) == FUTURE_SESSIONS
    assert len(calls(harness.fake, "POST")) == FUTURE_SESSIONS
    assert calls(harness.fake, "PATCH") == []


async def test_an_event_created_just_before_a_crash_is_found_by_its_marker(
    harness: Harness, store: DatabaseScheduledEvents
) -> None:
    await harness.run(publish("event"))
    [event] = harness.fake.events()
    # As if the process died after Discord made the event, before its id was written down.
    guild = int(GUILD_ID)
    marker = marker_for(guild, "devconf", "event")
    store.forget(guild, "devconf", "event")
    store.intend(guild, "devconf", "event", marker, NOW + timedelta(hours=1))
    assert store.links(guild, "devconf")[0].event_id is None
    received = await harness.run(publish("event"))
    assert "0 created" in said(received)
    assert len(harness.fake.events()) == 1 and len(calls(harness.fake, "POST")) == 1
    assert store.links(guild, "devconf")[0].event_id == int(event["id"])
    assert store.schedule_of(guild, int(event["id"])) == "devconf"


async def test_agenda_edits_update_the_events_and_removed_sessions_cancel_theirs(
    harness: Harness, store: DatabaseScheduledEvents
) -> None:
    await harness.run(publish("session"))
    before = {e["name"]: e for e in harness.fake.events()}
    page = harness.folder / "devconf.md"
    text = page.read_text(encoding="utf-8")
    text = text.replace("10:45-11:30 AM", "10:50-11:30 AM").replace("Fuzzing in CI", "")
    page.write_text(text.replace("Sam Roe", "Sam Roe, Ada Lin"), encoding="utf-8")
    await harness.library.reload()
    await cog(harness).settle()

    patches = dict(calls(harness.fake, "PATCH"))
    for moved in ("Observability 101", "Hands-on workshop: eBPF"):
        edit = patches[f"PATCH {before[moved]['id']}"]
        assert edit["name"] == moved
        assert edit["scheduled_start_time"] == "2025-09-09T14:50:00+00:00"
        assert edit["scheduled_end_time"] == "2025-09-09T15:30:00+00:00"
        assert edit["entity_type"] == 3 and edit["privacy_level"] == 2
    speakers = patches[f"PATCH {before['Intro to Rust']['id']}"]["description"]
    assert "Speakers: Sam Roe, Ada Lin" in speakers
    gone = before["Fuzzing in CI"]["id"]
    assert patches[f"PATCH {gone}"] == {"status": 4}
    assert harness.fake.scheduled_events[gone]["status"] == 4
    items = {link.item for link in store.links(int(GUILD_ID), "devconf")}
    assert "fuzzing-in-ci" not in items and len(items) == FUTURE_SESSIONS - 1
    # Untouched sessions are not edited; no event is made twice.
    assert f"PATCH {before['Break']['id']}" not in patches
    assert len(calls(harness.fake, "POST")) == FUTURE_SESSIONS


async def test_unpublish_deletes_the_events(
    harness: Harness, store: DatabaseScheduledEvents
) -> None:
    await harness.run(publish("session"))
    received = await harness.run(unpublish())
    assert f"Deleted {FUTURE_SESSIONS} events of **DevConf Mini**" in said(received)
    assert harness.fake.events() == []
    assert len(calls(harness.fake, "DELETE")) == FUTURE_SESSIONS
    assert store.links(int(GUILD_ID), "devconf") == []
    again = await harness.run(unpublish())
    assert "**DevConf Mini** has no events in this server's Events tab." in said(again)


async def test_switching_to_one_event_removes_the_session_events(
    harness: Harness, store: DatabaseScheduledEvents
) -> None:
    await harness.run(publish("session"))
    received = await harness.run(publish("event"))
    assert f"1 created, 0 updated, 0 unchanged, {FUTURE_SESSIONS} cancelled" in said(received)
    assert [e["name"] for e in harness.fake.events(status=1)] == ["DevConf Mini"]
    assert [link.item for link in store.links(int(GUILD_ID), "devconf")] == ["event"]


async def test_more_events_than_discord_allows_is_refused_before_any_is_made(
    harness: Harness, store: DatabaseScheduledEvents
) -> None:
    others = {
        str(n): {"id": str(n), "guild_id": GUILD_ID, "status": 1, "description": None}
        for n in range(1, 97)
    }
    with harness.fake._lock:
        harness.fake.scheduled_events.update(others)
    received = await harness.run(publish("session"))
    assert (
        "Discord lets a server hold at most 100 events that have not ended. "
        f"This server has 96, and publishing needs {FUTURE_SESSIONS} more" in said(received)
    )
    assert calls(harness.fake, "POST") == []
    with harness.fake._lock:
        harness.fake.scheduled_events.clear()
    # Discord's own refusal (its error 30038) is explained the same way.
    harness.fake.event_cap = 0
    received = await harness.run(publish("event"))
    assert "Discord lets a server hold at most 100 events" in said(received)
    assert harness.fake.events() == []


async def test_only_organizers_may_publish(
    harness: Harness, store: DatabaseScheduledEvents
) -> None:
    received = await harness.run(publish("event", permissions="0"))
    assert said(received) == "You need the Manage Events permission for this command."
    assert harness.fake.calls() == []


async def test_replies_in_chinese(harness: Harness, store: DatabaseScheduledEvents) -> None:
    received = await harness.run(publish("event", locale="zh-CN"))
    assert "**DevConf Mini** 已在本服务器的活动页中：新建 1 个" in said(received)
    refused = await harness.run(publish("event", locale="zh-CN", permissions="0"))
    assert said(refused) == "此命令需要“管理活动”权限。"
    received = await harness.run(
        slash(
            "unpublish",
            {"schedule": "devconf"},
            group="events",
            permissions=MANAGE_EVENTS,
            locale="zh-CN",
        )
    )
    assert "已从活动页删除 **DevConf Mini** 的 1 个活动。" in said(received)
    keys = {k for k in TEXTS["en"] if k.startswith("events_")}
    assert len(keys) >= 12 and keys == {k for k in TEXTS["zh"] if k.startswith("events_")}
    for words in (
        "events",
        "publish",
        "unpublish",
        "per",
        "one event for the agenda",
        "one event per session",
        "Put an agenda in this server's Events tab",
    ):
        assert COMMANDS_ZH[words]


def _session(number: int, start: datetime, title: str, **fields: Any) -> Session:
    return Session(f"s{number}", title, start, start + timedelta(minutes=30), **fields)


def test_names_and_descriptions_fit_discords_limits() -> None:
    start = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)
    long_title = "会" * 150
    sessions = tuple(
        _session(
            i,
            start + timedelta(hours=i),
            f"{long_title} {i}",
            speakers=(Speaker("讲者" * 30),),
            description="描述" * 800,
        )
        for i in range(40)
    )
    schedule = Schedule(
        "big",
        "大会" * 80,
        UTC,
        sessions,
        SourceRef("big.md"),
        description="介绍" * 900,
        url="https://example.org/" + "x" * 200,  # too long to be a location: not cut
    )
    now = start - timedelta(days=1)
    for mode in ("event", "session"):
        made = plan(schedule, mode, 1, now=now, locale="zh-CN", feed="https://a.example/c.ics")
        assert made.items
        for planned in made.items.values():
            payload = planned.payload()
            assert length(payload["name"]) <= 100
            assert length(payload["description"]) <= DESCRIPTION
            assert payload["description"].endswith(f"ref {marker_for(1, 'big', planned.item)}")
            assert "日历：https://a.example/c.ics" in payload["description"]
            assert payload["entity_metadata"] == {"location": "见日程"}


def test_an_end_is_always_given_and_repeating_sessions_are_published_four_weeks_ahead() -> None:
    start = datetime(2026, 5, 4, 16, 0, tzinfo=UTC)
    weekly = tuple(
        Session(
            f"call@{(start + timedelta(weeks=w)):%Y%m%d}",
            "Weekly call",
            start + timedelta(weeks=w),
            series_id="call",
            recurrence_id=start + timedelta(weeks=w),
        )
        for w in range(10)
    )
    open_ended = Session("open", "Open end", start + timedelta(days=1), location="Hall A")
    last = Session("last", "Last", start + timedelta(weeks=20))
    schedule = Schedule(
        "club", "Club", UTC, (*weekly, open_ended, last), SourceRef("club.md"), venue="Club room"
    )
    made = plan(schedule, "session", 1, now=start - timedelta(hours=1), locale="en", feed=None)
    assert made.later == 6  # occurrences four weeks ahead and more wait for their turn
    assert sorted(made.items) == [
        "call@20260504",
        "call@20260511",
        "call@20260518",
        "call@20260525",
        "last",
        "open",
    ]
    # No end of its own: the next session's start; the last one: an hour.
    assert made.items["call@20260504"].end == start + timedelta(days=1)
    assert made.items["open"].end == start + timedelta(weeks=1)
    assert made.items["last"].end == start + timedelta(weeks=20, hours=1)
    assert made.items["open"].location == "Hall A"
    assert made.items["last"].location == "Club room"
    assert "Calendar:" not in made.items["last"].description  # not public: no feed link
    assert all(p.start.tzinfo is not None for p in made.items.values())
    assert made.items["last"].payload()["scheduled_start_time"] == "2026-09-21T16:00:00+00:00"
    over = start + timedelta(weeks=30)
    assert plan(schedule, "event", 1, now=over, locale="en", feed=None).items == {}


@contextlib.asynccontextmanager
async def connected(harness: Harness) -> AsyncIterator[None]:
    """The bot on the fake's gateway, as `run` connects it."""
    task = asyncio.create_task(harness.bot.connect(reconnect=False))
    try:
        for _ in range(500):
            if harness.bot.is_ready():
                break
            await asyncio.sleep(0.01)
        assert harness.bot.is_ready()
        yield
    finally:
        await harness.bot.close()
        task.cancel()
        with contextlib.suppress(BaseException):
            await task


async def _standing_becomes(harness: Harness, user_id: int, state: RsvpState) -> RsvpState:
    rsvps = harness.bot.services.rsvps
    found = None
    for _ in range(300):
        found = (await rsvps.standing(int(GUILD_ID), "devconf", user_id)).state
        if found is state:
            break
        await asyncio.sleep(0.01)
    assert found is not None
    return found


async def test_interested_members_are_going_waitlisted_when_full_and_can_take_it_back(
    harness: Harness, store: DatabaseScheduledEvents
) -> None:
    await harness.run(publish("event"))
    [event] = harness.fake.events()
    rsvps = harness.bot.services.rsvps
    await rsvps.open(int(GUILD_ID), "devconf", 1, None)
    async with connected(harness):
        harness.fake.interested(event["id"], 501)
        assert await _standing_becomes(harness, 501, RsvpState.CONFIRMED) is RsvpState.CONFIRMED
        harness.fake.interested(event["id"], 502)
        assert await _standing_becomes(harness, 502, RsvpState.WAITLISTED) is RsvpState.WAITLISTED
        harness.fake.interested(event["id"], 501, add=False)
        assert await _standing_becomes(harness, 501, RsvpState.NOT_GOING) is RsvpState.NOT_GOING
        # The freed seat went to the first on the waitlist.
        assert await _standing_becomes(harness, 502, RsvpState.CONFIRMED) is RsvpState.CONFIRMED
        entries = await rsvps.entries(int(GUILD_ID), "devconf")
        assert {e.user_id: e.state for e in entries} == {
            501: RsvpState.NOT_GOING,
            502: RsvpState.CONFIRMED,
        }


async def test_interest_opens_an_rsvp_never_opened_and_ignores_other_events(
    harness: Harness, store: DatabaseScheduledEvents
) -> None:
    await harness.run(publish("event"))
    [event] = harness.fake.events()
    async with connected(harness):
        # An event someone else made in the server: not an RSVP for anything.
        with harness.fake._lock:
            harness.fake.scheduled_events["77"] = {**event, "id": "77"}
        harness.fake.interested("77", 601)
        harness.fake.interested(event["id"], 602)
        assert await _standing_becomes(harness, 602, RsvpState.CONFIRMED) is RsvpState.CONFIRMED
        await cog(harness).settle()
        entries = await harness.bot.services.rsvps.entries(int(GUILD_ID), "devconf")
        assert [e.user_id for e in entries] == [602]


def test_the_bot_asks_for_create_events_and_the_scheduled_events_intent_only() -> None:
    permissions = bot_permissions()
    assert permissions.create_events and not permissions.manage_events
    assert permissions == discord.Permissions(
        view_channel=True,
        send_messages=True,
        embed_links=True,
        attach_files=True,
        create_events=True,
    )
    chosen = intents()
    assert chosen.guilds and chosen.guild_scheduled_events
    assert chosen.value == discord.Intents(guilds=True, guild_scheduled_events=True).value
    assert not (chosen.members or chosen.presences or chosen.message_content)


async def test_taking_back_interest_in_one_session_keeps_the_rsvp_of_the_others(
    harness: Harness, store: DatabaseScheduledEvents
) -> None:
    await harness.run(publish("session"))
    first, second = harness.fake.events()[:2]
    rsvps = harness.bot.services.rsvps
    guild = int(GUILD_ID)
    await rsvps.open(guild, "devconf", 5, None)
    async with connected(harness):
        harness.fake.interested(first["id"], 701)
        harness.fake.interested(second["id"], 701)
        assert await _standing_becomes(harness, 701, RsvpState.CONFIRMED) is RsvpState.CONFIRMED
        await cog(harness).settle()
        harness.fake.interested(second["id"], 701, add=False)
        await asyncio.sleep(0.05)
        await cog(harness).settle()
        assert (await rsvps.standing(guild, "devconf", 701)).state is RsvpState.CONFIRMED
        harness.fake.interested(first["id"], 701, add=False)
        assert await _standing_becomes(harness, 701, RsvpState.NOT_GOING) is RsvpState.NOT_GOING
        # A seat taken with the Going button stays when interest comes and goes.
        await rsvps.going(guild, "devconf", 702)
        harness.fake.interested(first["id"], 702)
        await asyncio.sleep(0.05)
        await cog(harness).settle()
        harness.fake.interested(first["id"], 702, add=False)
        await asyncio.sleep(0.05)
        await cog(harness).settle()
        assert (await rsvps.standing(guild, "devconf", 702)).state is RsvpState.CONFIRMED
        # Interest first, then the button: the button's seat stays as well.
        harness.fake.interested(first["id"], 703)
        assert await _standing_becomes(harness, 703, RsvpState.CONFIRMED) is RsvpState.CONFIRMED
        await cog(harness).settle()
        await rsvps.going(guild, "devconf", 703)
        harness.fake.interested(first["id"], 703, add=False)
        await asyncio.sleep(0.05)
        await cog(harness).settle()
        assert (await rsvps.standing(guild, "devconf", 703)).state is RsvpState.CONFIRMED


async def test_interest_in_a_full_event_tells_the_member_their_waitlist_place(
    harness: Harness, store: DatabaseScheduledEvents
) -> None:
    await harness.run(publish("event"))
    [event] = harness.fake.events()
    await harness.bot.services.rsvps.open(int(GUILD_ID), "devconf", 1, None)
    harness.members.set_timezone(802, "Asia/Tokyo")
    harness.members.set_locale(802, "zh-CN")
    async with connected(harness):
        harness.fake.interested(event["id"], 801)
        assert await _standing_becomes(harness, 801, RsvpState.CONFIRMED) is RsvpState.CONFIRMED
        before = len(harness.fake.received())
        harness.fake.interested(event["id"], 802)
        assert await _standing_becomes(harness, 802, RsvpState.WAITLISTED) is RsvpState.WAITLISTED
        await cog(harness).settle()
        dms = [m.content for m in harness.fake.received()[before:] if m.route == "dm:802"]
        assert dms == [
            "⏳ **DevConf Mini**（2025年9月9日 星期二 22:00 (Asia/Tokyo)）名额已满："
            "你在候补名单第 1 位。有名额空出时我会私信通知你。"
        ]
        harness.fake.interested(event["id"], 801, add=False)
        assert await _standing_becomes(harness, 802, RsvpState.CONFIRMED) is RsvpState.CONFIRMED
        await cog(harness).settle()
        dms = [m.content for m in harness.fake.received()[before:] if m.route == "dm:802"]
        assert len(dms) == 2 and dms[1].startswith("🎟 有名额空出")
