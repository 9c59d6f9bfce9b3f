"""RSVP through the fake Discord with real discord.py: /rsvp commands, the announcement and its
buttons, waitlist promotion with DMs, coalesced edits of the counts, buttons after a restart."""

from __future__ import annotations

import asyncio
import csv
import io
import itertools
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from bot.discord.client import AgendaBot
from bot.discord.exts.rsvp._cog import EDIT_EVERY, board_of, event_key, fit_lines, parse_closes
from bot.discord.limits import CONTENT, length
from tests.discord.conftest import MANAGE_EVENTS, NOW, Harness
from tests.fakes.discord_http import CHANNEL_ID, GUILD_ID, RateLimit, Received
from tests.fakes.interactions import button, slash

EPHEMERAL = 64
KEY = event_key("devconf")
DEVCONF_START = datetime(2025, 9, 9, 13, 0, tzinfo=UTC)  # 9:00 in New York
CHANNEL = {
    "channels": {CHANNEL_ID: {"id": CHANNEL_ID, "type": 0, "name": "general", "permissions": "0"}}
}


def rsvp(
    name: str,
    options: dict[str, Any] | None = None,
    *,
    permissions: str = MANAGE_EVENTS,
    locale: str = "en-US",
    user_id: int = 42,
    raw: list[dict[str, Any]] | None = None,
    resolved: dict[str, Any] | None = None,
) -> dict[str, Any]:
    raw_options = raw
    if raw_options is None:
        raw_options = [
            {"name": k, "type": 4 if isinstance(v, int) else 3, "value": v}
            for k, v in {"schedule": "devconf", **(options or {})}.items()
        ]
    return slash(
        name,
        group="rsvp",
        raw_options=raw_options,
        resolved=resolved,
        permissions=permissions,
        locale=locale,
        user_id=user_id,
    )


def text(replies: list[Received]) -> str:
    [reply] = replies
    assert reply.data["type"] == 4
    assert reply.data["data"].get("flags", 0) & EPHEMERAL
    content: str = reply.data["data"]["content"]
    return content


def click(action: str, message_id: str, *, user_id: int, locale: str = "en-US") -> dict[str, Any]:
    payload = button(f"rsvp:{action}:{KEY}", user_id=user_id, locale=locale)
    payload["message"]["id"] = message_id
    return payload


async def open_and_post(harness: Harness, capacity: int, interval: float = 0.05) -> str:
    """Open RSVPs with `capacity` seats, post the announcement; the posted message's id."""
    board_of(harness.bot).interval = interval
    opened = text(await harness.run(rsvp("open", {"capacity": capacity})))
    assert opened.startswith(f"RSVPs for **DevConf Mini** are open: {capacity} seat")
    raw = [
        {"name": "schedule", "type": 3, "value": "devconf"},
        {"name": "channel", "type": 7, "value": CHANNEL_ID},
    ]
    posted = text(await harness.run(rsvp("post", raw=raw, resolved=CHANNEL)))
    found = re.search(rf"/channels/{GUILD_ID}/{CHANNEL_ID}/(\d+)$", posted)
    assert found, posted
    await board_of(harness.bot).settle()
    return found[1]


_T = TypeVar("_T")


async def wait_for(found: Callable[[], list[_T]]) -> list[_T]:
    for _ in range(300):
        if found():
            break
        await asyncio.sleep(0.01)
    return found()


def edits_of(harness: Harness, message_id: str) -> list[Received]:
    return [e for e in harness.fake.edited() if e.route == f"edit:{CHANNEL_ID}/{message_id}"]


async def test_the_announcement_shows_the_event_its_time_seats_and_three_buttons(
    harness: Harness,
) -> None:
    message_id = await open_and_post(harness, 2)
    [posted] = [m for m in harness.fake.received() if m.data.get("components")][-1:]
    assert posted.route == f"channel:{CHANNEL_ID}"
    stamp = int(DEVCONF_START.timestamp())
    assert posted.content.splitlines() == [
        "📅 **DevConf Mini**",
        f"🕒 <t:{stamp}:F> (<t:{stamp}:R>)",
        "🎟 2 of 2 seats left · 0 going · 0 on the waitlist",
    ]
    [row] = posted.data["components"]
    assert [(b["label"], b["custom_id"]) for b in row["components"]] == [
        ("Going", f"rsvp:go:{KEY}"),
        ("Not going", f"rsvp:no:{KEY}"),
        ("My status", f"rsvp:me:{KEY}"),
        ("Check in", f"rsvp:ci:{KEY}"),
    ]
    assert message_id


async def test_going_beyond_capacity_waitlists_and_not_going_promotes_with_a_dm(
    harness: Harness,
) -> None:
    message_id = await open_and_post(harness, 2)
    answers = []
    for user in (101, 102, 103, 104):
        answers.append(text(await harness.gateway(click("go", message_id, user_id=user))))
    assert answers[0] == "✅ You are going to **DevConf Mini**: your seat is confirmed."
    assert answers[1].startswith("✅")
    assert answers[2].startswith("⏳ **DevConf Mini** is full: you are number 1 on the waitlist.")
    assert "number 2 on the waitlist" in answers[3]

    status = text(await harness.gateway(click("me", message_id, user_id=104)))
    assert status == "⏳ You are number 2 on the waitlist for **DevConf Mini**."

    harness.members.set_timezone(103, "Asia/Tokyo")
    harness.members.set_locale(103, "zh-CN")
    before = len(harness.fake.received())
    left = text(await harness.gateway(click("no", message_id, user_id=101)))
    assert left == "You are not going to **DevConf Mini**."
    dms = await wait_for(
        lambda: [m for m in harness.fake.received()[before:] if m.route == "dm:103"]
    )
    assert [m.content for m in dms] == [
        "🎟 有名额空出：你参加 **DevConf Mini**（2025年9月9日 星期二 22:00 (Asia/Tokyo)）的名额已确认。"
    ]
    assert text(await harness.gateway(click("me", message_id, user_id=103))) == (
        "✅ Your seat for **DevConf Mini** is confirmed."
    )
    assert "number 1 on the waitlist" in text(
        await harness.gateway(click("me", message_id, user_id=104))
    )
    never = text(await harness.gateway(click("me", message_id, user_id=199)))
    assert never.startswith("You are not going to **DevConf Mini**")

    await board_of(harness.bot).settle()
    last = edits_of(harness, message_id)[-1]
    assert "🎟 0 of 2 seats left · 2 going · 1 on the waitlist" in last.content
    assert "components" not in last.data  # the buttons stay as they are


async def test_a_closed_dm_channel_does_not_break_the_click(harness: Harness) -> None:
    message_id = await open_and_post(harness, 1)
    await harness.gateway(click("go", message_id, user_id=201))
    await harness.gateway(click("go", message_id, user_id=202))
    harness.fake.closed_dms.add("202")
    try:
        left = text(await harness.gateway(click("no", message_id, user_id=201)))
        assert left == "You are not going to **DevConf Mini**."
        status = text(await harness.gateway(click("me", message_id, user_id=202)))
        assert status == "✅ Your seat for **DevConf Mini** is confirmed."
    finally:
        harness.fake.closed_dms.discard("202")


async def test_many_clicks_make_few_edits_and_the_last_has_the_final_counts(
    harness: Harness,
) -> None:
    assert EDIT_EVERY >= 2.0
    message_id = await open_and_post(harness, 5, interval=0.5)
    already = len(edits_of(harness, message_id))
    before = len(harness.fake.replies())
    for user in range(300, 330):
        harness.bot._connection.parse_interaction_create(click("go", message_id, user_id=user))
    for _ in range(500):
        if len(harness.fake.replies()) >= before + 30:
            break
        await asyncio.sleep(0.01)
    assert len(harness.fake.replies()) == before + 30
    await board_of(harness.bot).settle()
    edits = edits_of(harness, message_id)[already:]
    assert 1 <= len(edits) <= 4, len(edits)
    for earlier, later in itertools.pairwise(edits):
        assert later.at - earlier.at >= 0.45
    assert "🎟 0 of 5 seats left · 5 going · 25 on the waitlist" in edits[-1].content


async def test_list_and_export_show_everyone_in_click_order(harness: Harness) -> None:
    message_id = await open_and_post(harness, 1)
    harness.members.set_timezone(402, "Europe/Berlin")
    for user in (401, 402, 403):
        await harness.gateway(click("go", message_id, user_id=user))
    await harness.gateway(click("no", message_id, user_id=403))

    listing = text(await harness.run(rsvp("list")))
    assert listing.splitlines() == [
        "**DevConf Mini** (open): 1 going (1 seat), 1 on the waitlist, 1 not going.",
        "**Going**, in click order:",
        "1. <@401>",
        "**Waitlist**:",
        "1. <@402>",
        "**Not going**:",
        "<@403>",
    ]

    deferred, followup = await harness.run(rsvp("export"))
    assert deferred.data["type"] == 5
    [(name, data)] = followup.files
    assert name == "rsvp-devconf.csv"
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == [
        "member_id",
        "display_name",
        "state",
        "clicked_at_utc",
        "zone",
        "waitlist_position",
        "checked_in",
    ]
    clicked = NOW.isoformat()
    assert rows[1:] == [
        ["401", "member401", "confirmed", clicked, "", "", "no"],
        ["402", "member402", "waitlisted", clicked, "Europe/Berlin", "1", "no"],
        ["403", "member403", "not_going", clicked, "", "", "no"],
    ]


async def test_check_in_and_no_shows_after_the_event(harness: Harness) -> None:
    message_id = await open_and_post(harness, 3)
    for user in (501, 502):
        await harness.gateway(click("go", message_id, user_id=user))
    user = {"id": "501", "username": "member501", "discriminator": "0", "avatar": None}
    raw = [
        {"name": "schedule", "type": 3, "value": "devconf"},
        {"name": "member", "type": 6, "value": "501"},
    ]
    checked = text(await harness.run(rsvp("checkin", raw=raw, resolved={"users": {"501": user}})))
    assert checked == "<@501> is checked in for **DevConf Mini**."
    again = text(await harness.run(rsvp("checkin", raw=raw, resolved={"users": {"501": user}})))
    assert again == "<@501> was already checked in for **DevConf Mini**."

    later = NOW + timedelta(days=5)
    box = harness.bot.services
    box.clock = box.rsvps.clock = lambda: later
    listing = text(await harness.run(rsvp("list")))
    assert "No-shows: 1 of 2 confirmed did not check in." in listing.splitlines()
    assert "1. <@501> ✅" in listing.splitlines()


async def test_a_member_without_manage_events_is_refused(harness: Harness) -> None:
    for name in ("open", "close", "list", "export"):
        answer = text(await harness.run(rsvp(name, permissions="0")))
        assert answer == "You need the Manage Events permission for this command."
    counts = await harness.bot.services.rsvps.counts(int(GUILD_ID), "devconf")
    assert not counts.open


async def test_replies_and_the_announcement_in_chinese(harness: Harness) -> None:
    board_of(harness.bot).interval = 0.05
    opened = text(await harness.run(rsvp("open", {"capacity": 1}, locale="zh-CN")))
    assert opened.startswith("**DevConf Mini** 已开放报名：1 个名额")
    message_id = await open_and_post(harness, 1)
    going = text(await harness.gateway(click("go", message_id, user_id=601, locale="zh-CN")))
    assert going == "✅ 你已报名参加 **DevConf Mini**，名额已确认。"
    waiting = text(await harness.gateway(click("go", message_id, user_id=602, locale="zh-CN")))
    assert waiting.startswith("⏳ **DevConf Mini** 名额已满：你在候补名单第 1 位。")
    refused = text(await harness.run(rsvp("list", permissions="0", locale="zh-CN")))
    assert refused == "此命令需要“管理活动”权限。"
    status = text(await harness.gateway(click("me", message_id, user_id=603, locale="zh-CN")))
    assert status.startswith("你没有参加 **DevConf Mini**")


async def test_closed_rsvps_refuse_going_and_the_announcement_says_so(harness: Harness) -> None:
    message_id = await open_and_post(harness, 3)
    closed = text(await harness.run(rsvp("close")))
    assert closed == "RSVPs for **DevConf Mini** are closed: 0 going, 0 on the waitlist."
    refused = text(await harness.gateway(click("go", message_id, user_id=701)))
    assert refused.startswith("RSVP for this event is closed")
    await board_of(harness.bot).settle()
    assert "🔒 RSVPs are closed." in edits_of(harness, message_id)[-1].content


async def test_a_closing_time_is_read_in_the_organizers_zone_or_as_iso(harness: Harness) -> None:
    harness.members.set_timezone(42, "Asia/Shanghai")
    opened = text(await harness.run(rsvp("open", {"capacity": 10, "closes": "2025-09-09 23:00"})))
    stamp = int(datetime(2025, 9, 9, 15, 0, tzinfo=UTC).timestamp())
    assert f"RSVPs close <t:{stamp}:F>." in opened
    counts = await harness.bot.services.rsvps.counts(int(GUILD_ID), "devconf")
    assert counts.closes_at == datetime(2025, 9, 9, 15, 0, tzinfo=UTC)
    bad = text(await harness.run(rsvp("open", {"closes": "next friday"})))
    assert bad.startswith("'next friday' is not a closing time")
    past = text(await harness.run(rsvp("open", {"closes": "2025-09-01T10:00Z"})))
    assert past.startswith("The closing time")
    assert parse_closes("2025-09-09T18:00+02:00", UTC) == datetime(2025, 9, 9, 16, 0, tzinfo=UTC)


async def test_buttons_work_after_a_restart(harness: Harness) -> None:
    message_id = await open_and_post(harness, 1)
    await harness.gateway(click("go", message_id, user_id=801))
    await board_of(harness.bot).settle()
    await harness.bot.close()

    restarted = AgendaBot(harness.bot.services)
    await restarted.login("test-token")
    harness.bot = restarted
    try:
        board_of(restarted).interval = 0.05
        already = len(edits_of(harness, message_id))
        answer = text(await harness.gateway(click("go", message_id, user_id=802)))
        assert answer.startswith("⏳ **DevConf Mini** is full: you are number 1 on the waitlist.")
        await board_of(restarted).settle()
        [edit] = edits_of(harness, message_id)[already:]
        assert "🎟 0 of 1 seat left · 1 going · 1 on the waitlist" in edit.content
    finally:
        await restarted.close()


async def test_more_seats_move_the_waitlist_up_and_tell_them(harness: Harness) -> None:
    message_id = await open_and_post(harness, 1)
    for user in (901, 902, 903):
        await harness.gateway(click("go", message_id, user_id=user))
    before = len(harness.fake.received())
    opened = text(await harness.run(rsvp("open", {"capacity": 2})))
    assert opened.startswith(
        "RSVPs for **DevConf Mini** are open: 2 seats, 2 going, 1 on the waitlist."
    )
    dms = await wait_for(
        lambda: [m for m in harness.fake.received()[before:] if m.route.startswith("dm:")]
    )
    assert [(m.route, m.content) for m in dms] == [
        (
            "dm:902",
            f"🎟 A seat opened up: you are now confirmed for **DevConf Mini** (<t:{int(DEVCONF_START.timestamp())}:F>).",
        )
    ]
    status = text(await harness.gateway(click("me", message_id, user_id=903)))
    assert status == "⏳ You are number 1 on the waitlist for **DevConf Mini**."


def test_a_long_list_is_cut_at_a_line_with_how_many_were_left_out() -> None:
    lines = [f"{n}. <@{10**17 + n}>" for n in range(1, 400)]
    cut = fit_lines(lines, CONTENT, lambda left: f"… and {left} more")
    assert length(cut) <= CONTENT
    kept = cut.splitlines()
    assert kept[:-1] == lines[: len(kept) - 1]
    assert kept[-1] == f"… and {len(lines) - len(kept) + 1} more"
    assert length(cut) > CONTENT - 30  # as much as fits
    assert fit_lines(lines[:3], CONTENT, str) == "\n".join(lines[:3])


def pick(values: list[str], *, permissions: str = MANAGE_EVENTS) -> dict[str, Any]:
    """An organizer's choice in the Check in member picker."""
    custom_id = f"rsvp:pick:{KEY}"
    payload = button(custom_id)
    payload["member"]["permissions"] = permissions
    users = {
        v: {"id": v, "username": f"member{v}", "discriminator": "0", "avatar": None} for v in values
    }
    payload["data"] = {
        "custom_id": custom_id,
        "component_type": 5,
        "values": values,
        "resolved": {"users": users},
    }
    select = {"type": 5, "custom_id": custom_id, "min_values": 1, "max_values": 25}
    payload["message"]["components"] = [{"type": 1, "components": [select]}]
    return payload


async def test_organizers_check_members_in_from_the_announcement(harness: Harness) -> None:
    message_id = await open_and_post(harness, 1)
    for user in (1001, 1002):
        await harness.gateway(click("go", message_id, user_id=user))
    organizer = click("ci", message_id, user_id=42)
    organizer["member"]["permissions"] = MANAGE_EVENTS

    late = text(await harness.gateway(organizer))  # NOW: the first session is over
    assert late.startswith("The Check in button works from an hour before the first session")

    box = harness.bot.services
    before_start = DEVCONF_START - timedelta(minutes=20)
    box.clock = box.rsvps.clock = lambda: before_start
    refused = text(await harness.gateway(click("ci", message_id, user_id=1001)))
    assert refused == "You need the Manage Events permission for this command."

    organizer = click("ci", message_id, user_id=42)
    organizer["member"]["permissions"] = MANAGE_EVENTS
    [offer] = await harness.gateway(organizer)
    data = offer.data["data"]
    assert data["flags"] & EPHEMERAL
    assert data["content"] == "Who came to **DevConf Mini**? Pick the members to check in."
    [[select]] = [row["components"] for row in data["components"]]
    assert (select["type"], select["custom_id"]) == (5, f"rsvp:pick:{KEY}")

    assert text(await harness.gateway(pick(["1001"], permissions="0"))) == (
        "You need the Manage Events permission for this command."
    )
    picked = text(await harness.gateway(pick(["1001", "1002"])))
    assert picked.splitlines() == [
        "✅ Checked in: <@1001>",
        "No confirmed seat, not checked in: <@1002>",
    ]
    again = text(await harness.gateway(pick(["1001"])))
    assert again == "Already checked in: <@1001>"
    entries = await box.rsvps.entries(int(GUILD_ID), "devconf")
    assert [(e.user_id, e.checked_in) for e in entries] == [(1001, True), (1002, False)]


async def test_an_edit_answered_429_is_retried_by_discord_py(harness: Harness) -> None:
    message_id = await open_and_post(harness, 2)
    already = len(edits_of(harness, message_id))
    tried = len(harness.fake.tried())
    harness.fake.limit_next(1, RateLimit(0.2, via=True))
    await harness.gateway(click("go", message_id, user_id=1101))

    def edits_tried() -> list[Any]:
        return [a for a in harness.fake.tried()[tried:] if a.route == f"edit:{CHANNEL_ID}"]

    # (on a loaded machine the click's reply, and so the edit, may come after the gateway's wait)
    await wait_for(lambda: edits_tried() if len(edits_tried()) >= 2 else [])
    await board_of(harness.bot).settle()
    attempts = edits_tried()
    assert [a.status for a in attempts] == [429, 200]
    assert attempts[1].at - attempts[0].at >= 0.2
    [edit] = edits_of(harness, message_id)[already:]
    assert "🎟 1 of 2 seats left · 1 going · 0 on the waitlist" in edit.content


async def test_the_language_and_name_of_a_click_outlive_a_restart(harness: Harness) -> None:
    message_id = await open_and_post(harness, 1)
    await harness.gateway(click("go", message_id, user_id=1101))
    waiting = text(await harness.gateway(click("go", message_id, user_id=1102, locale="zh-CN")))
    assert waiting.startswith("⏳")
    chosen = await harness.bot.services.members.preferences(1102)
    assert chosen.locale == "zh-CN"  # reminders speak it too
    board = board_of(harness.bot)
    board.names.clear()  # what a restart forgets
    board.locales.clear()
    before = len(harness.fake.received())
    await harness.gateway(click("no", message_id, user_id=1101))
    dms = await wait_for(
        lambda: [m for m in harness.fake.received()[before:] if m.route == "dm:1102"]
    )
    assert dms and dms[0].content.startswith("🎟 有名额空出")
    _, followup = await harness.run(rsvp("export"))
    [(_, data)] = followup.files
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert [row[1] for row in rows[1:]] == ["member1102", "member1101"]  # click order


def rsvp_cog(harness: Harness) -> Any:
    return harness.bot.get_cog("RsvpCog")


async def test_the_announcement_follows_agenda_changes_and_says_when_it_is_gone(
    harness: Harness,
) -> None:
    message_id = await open_and_post(harness, 2)
    page = harness.folder / "devconf.md"
    text_of_page = page.read_text(encoding="utf-8")
    page.write_text(text_of_page.replace("| 9:00-9:30 AM |", "| 8:30-9:30 AM |"), "utf-8")
    await harness.library.reload()
    await rsvp_cog(harness).settle()
    moved = int((DEVCONF_START - timedelta(minutes=30)).timestamp())
    assert f"<t:{moved}:F>" in edits_of(harness, message_id)[-1].content

    page.unlink()
    await harness.library.reload()
    await rsvp_cog(harness).settle()
    last = edits_of(harness, message_id)[-1]
    assert last.content.splitlines() == [
        "📅 ~~**DevConf Mini**~~",
        "🗑 This event is no longer on the agendas here: RSVPs are closed.",
    ]
    assert last.data["components"] == []  # no buttons left to click
    answer = text(await harness.gateway(click("go", message_id, user_id=1201)))
    assert answer == "This event is no longer on the agendas here."


async def test_reopening_without_a_capacity_keeps_the_seats_and_a_lower_one_is_explained(
    harness: Harness,
) -> None:
    message_id = await open_and_post(harness, 3)
    for user in (1301, 1302, 1303):
        await harness.gateway(click("go", message_id, user_id=user))
    again = text(await harness.run(rsvp("open")))
    assert again.startswith("RSVPs for **DevConf Mini** are open: 3 seats, 3 going")
    assert "⚠️" not in again
    lower = text(await harness.run(rsvp("open", {"capacity": 1})))
    assert lower.startswith("RSVPs for **DevConf Mini** are open: 1 seat, 3 going")
    assert lower.splitlines()[-1] == (
        "⚠️ 3 members are confirmed already, more than the capacity of 1: they all keep their seats,"
        " and nobody new gets one until the confirmed count falls below 1."
    )
    counts = await harness.bot.services.rsvps.counts(int(GUILD_ID), "devconf")
    assert (counts.capacity, counts.confirmed) == (1, 3)


async def test_the_announcement_says_closed_once_the_closing_time_passes(
    harness: Harness,
) -> None:
    board_of(harness.bot).interval = 0.05
    closes = (NOW + timedelta(seconds=1)).isoformat()
    text(await harness.run(rsvp("open", {"capacity": 3, "closes": closes})))
    raw = [
        {"name": "schedule", "type": 3, "value": "devconf"},
        {"name": "channel", "type": 7, "value": CHANNEL_ID},
    ]
    posted = text(await harness.run(rsvp("post", raw=raw, resolved=CHANNEL)))
    message_id = posted.rsplit("/", 1)[-1]
    await board_of(harness.bot).settle()
    rsvps = harness.bot.services.rsvps
    rsvps.clock = lambda: NOW + timedelta(seconds=2)  # the closing time has passed
    shown = await wait_for(
        lambda: [e for e in edits_of(harness, message_id) if "🔒 RSVPs are closed." in e.content]
    )
    assert shown, [e.content for e in edits_of(harness, message_id)]
    # A click refused for the closing time shows it as well (here: again, nothing new).
    refused = text(await harness.gateway(click("go", message_id, user_id=1401)))
    assert refused.startswith("RSVP for this event is closed")


async def test_an_event_that_ended_takes_no_rsvps(harness: Harness) -> None:
    message_id = await open_and_post(harness, 3)
    later = NOW + timedelta(days=5)
    box = harness.bot.services
    box.clock = box.rsvps.clock = lambda: later
    over = "This event is over: RSVPs are no longer taken."
    assert text(await harness.run(rsvp("open", {"capacity": 5}))) == over
    raw = [
        {"name": "schedule", "type": 3, "value": "devconf"},
        {"name": "channel", "type": 7, "value": CHANNEL_ID},
    ]
    assert text(await harness.run(rsvp("post", raw=raw, resolved=CHANNEL))) == over
    assert text(await harness.gateway(click("go", message_id, user_id=1501))) == over
    zh = text(await harness.gateway(click("go", message_id, user_id=1502, locale="zh-CN")))
    assert zh == "本活动已经结束，不再接受报名。"
    entries = await box.rsvps.entries(int(GUILD_ID), "devconf")
    assert entries == []


async def test_a_seat_given_up_before_its_dm_goes_out_is_not_announced(harness: Harness) -> None:
    message_id = await open_and_post(harness, 1)
    for user in (1601, 1602, 1603):
        await harness.gateway(click("go", message_id, user_id=user))
    rsvps = harness.bot.services.rsvps
    freed = await rsvps.not_going(int(GUILD_ID), "devconf", 1601)
    assert freed.promoted == (1602,)
    # 1602's own Not going comes in before the DM of their seat is sent: 1603 moves up.
    then = await rsvps.not_going(int(GUILD_ID), "devconf", 1602)
    assert then.promoted == (1603,)
    before = len(harness.fake.received())
    schedule = harness.library.snapshot.schedules["devconf"]
    board = board_of(harness.bot)
    await board.tell_promoted(int(GUILD_ID), schedule, freed.promoted, None)
    await board.tell_promoted(int(GUILD_ID), schedule, then.promoted, None)
    routes = [m.route for m in harness.fake.received()[before:] if m.route.startswith("dm:")]
    assert routes == ["dm:1603"]


async def test_one_seat_and_one_row_are_singular_in_english(harness: Harness) -> None:
    message_id = await open_and_post(harness, 1)
    [posted] = [m for m in harness.fake.received() if m.data.get("components")][-1:]
    assert "🎟 1 of 1 seat left · 0 going · 0 on the waitlist" in posted.content
    await harness.gateway(click("go", message_id, user_id=1701))
    _, followup = await harness.run(rsvp("export"))
    assert followup.content == "The RSVPs for **DevConf Mini** (1 row, times in UTC)."
    lower = text(await harness.run(rsvp("open", {"capacity": 0})))
    assert lower.splitlines()[-1].startswith("⚠️ 1 member is confirmed already")
    zh = text(await harness.run(rsvp("open", {"capacity": 0}, locale="zh-CN")))
    assert zh.splitlines()[-1].startswith("⚠️ 已有 1 人确认")


async def test_a_member_turns_an_events_reminders_off_and_on_again(harness: Harness) -> None:
    message_id = await open_and_post(harness, 2)
    text(await harness.gateway(click("go", message_id, user_id=101)))

    def reminded() -> bool:
        return (101, "devconf") in set(harness.members.audience().rsvp_follows)

    assert reminded()
    remind = {"name": "schedule", "type": 3, "value": "devconf"}
    off = slash(
        "event",
        group="remind",
        raw_options=[remind, {"name": "enabled", "type": 5, "value": False}],
        user_id=101,
    )
    assert text(await harness.run(off)).startswith("No more DM reminders for **DevConf Mini**")
    assert not reminded()
    on = slash(
        "event",
        group="remind",
        raw_options=[remind, {"name": "enabled", "type": 5, "value": True}],
        user_id=101,
        locale="zh-CN",
    )
    assert text(await harness.run(on)) == "你将重新收到 **DevConf Mini** 的私信提醒。"
    assert reminded()
    stranger = slash(
        "event",
        group="remind",
        raw_options=[remind, {"name": "enabled", "type": 5, "value": False}],
        user_id=999,
    )
    assert text(await harness.run(stranger)) == "You have no RSVP for **DevConf Mini** here."
