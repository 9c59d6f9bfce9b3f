"""Commands run through discord.py's CommandTree from raw payloads; replies as the fake got them."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from icalendar import Calendar

from bot.app.agendas import session_key as button_key
from tests.discord.conftest import Harness, import_payload
from tests.fakes.discord_http import CHANNEL_ID, GUILD_ID
from tests.fakes.interactions import ALL_PERMISSIONS, button, message_command, slash
from tests.helpers import PAGES

EPHEMERAL = 64


def _message(replies) -> dict:  # type: ignore[no-untyped-def]
    [reply] = replies
    assert reply.data["type"] == 4
    data = reply.data["data"]
    assert data.get("flags", 0) & EPHEMERAL
    return data


async def test_timezone_set_stores_the_zone_and_answers_in_english(harness: Harness) -> None:
    data = _message(await harness.run(slash("set", {"zone": "Europe/Berlin"}, group="timezone")))
    assert data["content"] == (
        "Your time zone is now **Europe/Berlin** (it is Tuesday, September 9, 2025, 15:40 (Europe/Berlin) there)."
    )
    assert harness.members.preferences(42).zone == "Europe/Berlin"
    assert harness.members.audience().guild_members == {int(GUILD_ID): frozenset({42})}


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Asia/Calcutta", "Asia/Kolkata"),
        ("Europe/Kiev", "Europe/Kyiv"),
        ("US/Eastern", "America/New_York"),
    ],
)
async def test_timezone_set_stores_a_zone_by_its_current_name(
    harness: Harness, typed: str, stored: str
) -> None:
    data = _message(await harness.run(slash("set", {"zone": typed}, group="timezone")))
    assert f"**{stored}**" in data["content"]
    assert harness.members.preferences(42).zone == stored


async def test_timezone_set_answers_in_chinese_for_a_chinese_client(harness: Harness) -> None:
    data = _message(
        await harness.run(slash("set", {"zone": "beijing time"}, group="timezone", locale="zh-CN"))
    )
    assert data["content"].startswith(
        "你的时区已设为 **Asia/Shanghai**（当地时间 2025年9月9日 星期二 21:40"
    )


async def test_an_unknown_zone_is_a_clear_error(harness: Harness) -> None:
    data = _message(await harness.run(slash("set", {"zone": "Mars/Olympus"}, group="timezone")))
    assert data["content"].startswith("I don't know the time zone 'Mars/Olympus'.")
    assert harness.members.preferences(42) is None


async def test_zone_autocomplete_lists_every_zone_an_abbreviation_can_mean(
    harness: Harness,
) -> None:
    [reply] = await harness.run(slash("set", {"zone": "CST"}, group="timezone", focused="zone"))
    assert reply.data["type"] == 8
    choices = reply.data["data"]["choices"]
    assert choices[:3] == [
        {"name": "CST → Asia/Shanghai", "value": "Asia/Shanghai"},
        {"name": "CST → America/Chicago", "value": "America/Chicago"},
        {"name": "CST → America/Havana", "value": "America/Havana"},
    ]
    assert len(choices) <= 25


async def test_timezone_show_without_a_zone_says_how_to_set_one(harness: Harness) -> None:
    data = _message(await harness.run(slash("show", group="timezone")))
    assert "/timezone set" in data["content"]


async def test_agenda_in_my_zone_marks_other_dates_and_what_is_next(harness: Harness) -> None:
    harness.members.set_timezone(42, "Pacific/Kiritimati")  # UTC+14: a day ahead of New York
    data = _message(await harness.run(slash("agenda", {"schedule": "devconf"})))
    [embed] = data["embeds"]
    assert embed["title"] == "DevConf Mini"
    assert [f["name"] for f in embed["fields"]] == ["Wed 2025-09-10", "Thu 2025-09-11"]
    first = embed["fields"][0]["value"].splitlines()
    assert first[0] == "`03:00–03:30` Keynote: Open source at scale ↪ 09-09"
    assert first[1] == "⏭ `03:45–04:30` **Building fast APIs** ↪ 09-09"
    assert embed["footer"]["text"].startswith("Times in Pacific/Kiritimati.")


async def test_agenda_for_a_day_that_is_not_a_date_says_how_to_write_it(
    harness: Harness,
) -> None:
    data = _message(await harness.run(slash("agenda", {"schedule": "devconf", "day": "tomorrow"})))
    assert (
        data["content"] == "'tomorrow' is not a date: write the day as YYYY-MM-DD, e.g. 2026-03-14."
    )
    data = _message(
        await harness.run(slash("agenda", {"schedule": "devconf", "day": "2025-09-20"}))
    )
    assert data["content"] == (
        "**DevConf Mini** has nothing on 2025-09-20 (the organizers' date: set your zone with "
        "/timezone set to pick days by yours)."
    )


async def test_agenda_needs_a_choice_when_there_are_several(harness: Harness) -> None:
    data = _message(await harness.run(slash("agenda")))
    assert (
        data["content"] == "Several agendas are available; choose one with the `schedule` option."
    )


async def test_next_shows_a_countdown_with_discord_timestamps_without_a_zone(
    harness: Harness,
) -> None:
    data = _message(await harness.run(slash("next", {"schedule": "devconf"})))
    lines = data["content"].splitlines()
    assert lines[0] == "**Building fast APIs** <t:1757425500:R> — <t:1757425500:F>"
    assert lines[1] == "**Intro to Rust** <t:1757425500:R> — <t:1757425500:F>"
    assert "/timezone set" in lines[-1]


async def test_session_details_come_with_remind_me_and_calendar_buttons(harness: Harness) -> None:
    data = _message(
        await harness.run(
            slash("session", {"schedule": "istio-meetup-china-2021", "session": "coffee-break"})
        )
    )
    [embed] = data["embeds"]
    assert embed["title"] == "Coffee break"
    buttons = data["components"][0]["components"]
    key = button_key("istio-meetup-china-2021", "coffee-break")
    assert [(b["label"], b["custom_id"]) for b in buttons] == [
        ("Remind me", f"star:{key}"),
        ("Add to calendar", f"ics:{key}"),
    ]


async def test_the_remind_me_button_stars_the_session(harness: Harness) -> None:
    key = button_key("devconf", "observability-101")  # starts in 65 minutes
    [reply] = await harness.gateway(button(f"star:{key}", locale="zh-CN"))
    assert (
        reply.data["data"]["content"]
        == "⭐ 已将 **Observability 101** 加入你的日程，将在开始前 15 分钟 提醒你。"
    )
    assert (42, "devconf", "observability-101") in harness.members.audience().stars


async def test_the_calendar_button_sends_an_ics_file(harness: Harness) -> None:
    key = button_key("istio-meetup-china-2021", "coffee-break")
    [reply] = await harness.gateway(button(f"ics:{key}"))
    [(name, data)] = reply.files
    assert name == "istio-meetup-china-2021-coffee-break.ics"
    assert len(Calendar.from_ical(data).walk("VEVENT")) == 1


async def test_session_autocomplete_lists_the_chosen_agendas_sessions(harness: Harness) -> None:
    payload = slash(
        "session", {"schedule": "istio-meetup-china-2021", "session": "coff"}, focused="session"
    )
    [reply] = await harness.run(payload)
    assert reply.data["data"]["choices"] == [
        {"name": "07-10 07:30 UTC Coffee break", "value": "coffee-break"}
    ]


async def test_convert_puts_a_quoted_time_in_my_zone(harness: Harness) -> None:
    harness.members.set_timezone(42, "America/New_York")
    data = _message(await harness.run(slash("convert", {"time": "14:00 CST on July 10, 2021"})))
    # CST names three zones: the reply says which one it read, as `convert` on the command
    # line warns.
    assert data["content"] == (
        "**14:00 CST** → Saturday, July 10, 2021, 02:00 (America/New_York) · <t:1625896800:R>"
        " (read as Asia/Shanghai; name the zone, e.g. America/Chicago, if you meant another)"
    )


async def test_convert_of_an_unambiguous_zone_adds_no_note(harness: Harness) -> None:
    harness.members.set_timezone(42, "America/New_York")
    data = _message(await harness.run(slash("convert", {"time": "14:00 UTC on July 10, 2021"})))
    assert data["content"] == (
        "**14:00 UTC** → Saturday, July 10, 2021, 10:00 (America/New_York) · <t:1625925600:R>"
    )


async def test_the_convert_times_message_command_finds_every_time(harness: Harness) -> None:
    harness.members.set_timezone(42, "Europe/Berlin")
    data = _message(
        await harness.run(
            message_command(
                "Convert times", "Call on Wednesday, September 24th at 9am PT / 4pm UTC"
            )
        )
    )
    assert data["content"].splitlines() == [
        "**9am PT** → Wednesday, September 24, 2025, 18:00 (Europe/Berlin) · <t:1758729600:R>",
        "**4pm UTC** → Wednesday, September 24, 2025, 18:00 (Europe/Berlin) · <t:1758729600:R>",
    ]


async def test_ics_sends_the_agenda_as_a_file(harness: Harness) -> None:
    [reply] = await harness.run(slash("ics", {"schedule": "istio-meetup-china-2021"}))
    [(name, data)] = reply.files
    assert name == "istio-meetup-china-2021.ics"
    assert len(Calendar.from_ical(data).walk("VEVENT")) == 9


async def test_subscribe_gives_a_working_private_feed_link_and_reset_replaces_it(
    harness: Harness,
) -> None:
    data = _message(await harness.run(slash("subscribe", {"schedule": "devconf"})))
    added, _, https, webcal = data["content"].splitlines()
    assert added == "**DevConf Mini** is now in your personal calendar feed."
    assert https.startswith("https://agenda.example.org/feeds/") and https.endswith(".ics")
    assert webcal == https.replace("https://", "webcal://")
    token = https.rsplit("/", 1)[1].removesuffix(".ics")
    assert harness.tokens.lookup(token).schedule_ids == frozenset({"devconf"})  # type: ignore[union-attr]
    data = _message(await harness.run(slash("subscribe", {"reset": True})))
    assert data["content"].startswith("Your old feed link no longer works.")
    assert harness.tokens.lookup(token) is None


async def test_remind_star_unstar_and_mine(harness: Harness) -> None:
    assert (
        "DM reminders are on" in _message(await harness.run(slash("on", group="remind")))["content"]
    )
    assert _message(await harness.run(slash("lead", {"minutes": 30}, group="remind")))[
        "content"
    ] == ("Your reminders now come 30 minutes before each session.")
    starred = _message(
        await harness.run(slash("star", {"schedule": "devconf", "session": "fuzzing-in-ci"}))
    )
    assert (
        starred["content"]
        == "⭐ Added **Fuzzing in CI** to your agenda; I will remind you 30 minutes before it."
    )
    mine = _message(await harness.run(slash("mine")))
    assert mine["embeds"][0]["description"] == "<t:1757509200:F> — **Fuzzing in CI** (DevConf Mini)"
    gone = _message(
        await harness.run(slash("unstar", {"schedule": "devconf", "session": "fuzzing-in-ci"}))
    )
    assert gone["content"] == "Removed **Fuzzing in CI** from your agenda."
    member = harness.members.audience().members[42]
    assert (member.dm_opt_in, member.lead) == (True, timedelta(minutes=30))


async def test_remind_on_says_so_when_the_members_dms_are_closed(harness: Harness) -> None:
    harness.fake.closed_dms.add("43")
    data = _message(await harness.run(slash("on", group="remind", user_id=43)))
    assert data["content"] == (
        "I cannot send you direct messages: please allow DMs from server members, then try again."
    )
    assert harness.members.preferences(43) is None or not harness.members.preferences(43).dm  # type: ignore[union-attr]


async def test_remind_on_still_turns_on_when_discord_fails_for_another_reason(
    harness: Harness,
) -> None:
    harness.fake.broken_dms.add("45")
    data = _message(await harness.run(slash("on", group="remind", user_id=45)))
    assert data["content"].startswith("DM reminders are on")
    assert harness.members.audience().members[45].dm_opt_in


async def test_remind_on_confirms_by_dm(harness: Harness) -> None:
    before = len(harness.fake.received())
    await harness.run(slash("on", group="remind", user_id=44, locale="zh-CN"))
    [dm] = harness.fake.received()[before:]
    assert dm.route == "dm:44" and dm.content.startswith("私信提醒已开启")


async def test_remind_lead_refuses_out_of_range_values(harness: Harness) -> None:
    [reply] = await harness.run(slash("lead", {"minutes": 99999}, group="remind"))
    assert reply.data["data"]["flags"] & EPHEMERAL
    assert harness.members.preferences(42) is None


async def test_follow_needs_manage_events_at_run_time(harness: Harness) -> None:
    resolved = {
        "channels": {
            CHANNEL_ID: {
                "id": CHANNEL_ID,
                "type": 0,
                "name": "general",
                "permissions": ALL_PERMISSIONS,
            }
        }
    }
    raw = [
        {"name": "schedule", "type": 3, "value": "devconf"},
        {"name": "channel", "type": 7, "value": CHANNEL_ID},
    ]
    denied = _message(await harness.run(slash("follow", raw_options=raw, resolved=resolved)))
    assert denied["content"] == "You need the Manage Events permission for this command."
    assert harness.members.audience().follows == ()
    manage_events = str(1 << 33)
    raw.append({"name": "lead", "type": 3, "value": "1d,15m"})
    allowed = _message(
        await harness.run(
            slash("follow", raw_options=raw, resolved=resolved, permissions=manage_events)
        )
    )
    assert allowed["content"] == f"<#{CHANNEL_ID}> now gets reminders for **DevConf Mini**."
    [follow] = harness.members.audience().follows
    assert (follow.schedule_id, follow.target.id, follow.guild_id) == (
        "devconf",
        CHANNEL_ID,
        int(GUILD_ID),
    )


async def test_schedules_import_reads_an_attached_agenda_for_this_guild(harness: Harness) -> None:
    page = (PAGES / "japanese.md").read_bytes()
    payload = import_payload(harness.fake, "tokyo.md", page, content_type="text/markdown")
    replies = await harness.run(payload)
    assert replies[0].data["type"] == 5  # deferred while reading
    assert replies[-1].content == "Imported **Cloud Native Tokyo** (3 sessions) as `tokyo`."
    [kept] = harness.imports.imported()  # in the database, for every process, not a file
    assert (kept.guild_id, kept.name, kept.data) == (int(GUILD_ID), "tokyo.md", page)
    assert not (harness.folder / "guilds").exists()
    listed = _message(
        await harness.run(slash("list", group="schedules", permissions=ALL_PERMISSIONS))
    )
    assert "`tokyo` — Cloud Native Tokyo (3, Asia/Tokyo)" in listed["content"]
    # Seen only in this server: another server and DMs (guild None) never see it.
    other = slash("list", group="schedules", permissions=ALL_PERMISSIONS)
    other["guild_id"] = "999000999"
    assert "tokyo" not in _message(await harness.run(other))["content"]
    assert "tokyo" not in [s.id for s in harness.bot.services.agendas.visible(None)]


async def test_a_broken_import_shows_its_errors_with_line_numbers(harness: Harness) -> None:
    data = b"title: X\ntimezone: Mars/Base\nsessions: [{title: A, start: '2024-01-01 10:00'}]\n"
    payload = import_payload(harness.fake, "bad.yaml", data, size=80, attachment_id="5002")
    replies = await harness.run(payload)
    assert (
        replies[-1].content
        == "I could not read bad.yaml:\nline 2: timezone: unknown time zone 'Mars/Base'"
    )
    assert harness.imports.imported() == []
    assert not (harness.folder / "guilds").exists()


async def test_an_import_whose_id_is_taken_is_refused_and_says_why(harness: Harness) -> None:
    page = (PAGES / "japanese.md").read_bytes()
    payload = import_payload(harness.fake, "devconf.md", page, content_type="text/markdown")
    replies = await harness.run(payload)
    assert replies[-1].content == (
        "I could not import devconf.md: another agenda already has the id `devconf`. Rename the "
        "file (the id comes from its name, or from an `id:` in a YAML agenda) and import it again."
    )
    assert harness.imports.imported() == []


async def test_an_unexpected_error_is_logged_with_context_and_apologised_for(
    harness: Harness, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("database on fire")

    monkeypatch.setattr(harness.members, "set_timezone", broken)
    with caplog.at_level(logging.ERROR):
        data = _message(
            await harness.run(slash("set", {"zone": "Europe/Berlin"}, group="timezone"))
        )
    assert data["content"] == "Sorry, something went wrong on my side. It has been logged."
    assert "command timezone set failed for user 42 in guild 3000" in caplog.text
    assert "database on fire" in caplog.text


async def test_star_without_an_agenda_looks_in_every_agenda(harness: Harness) -> None:
    data = _message(await harness.run(slash("star", {"session": "no-such-talk"})))
    assert data["content"] == (
        "No agenda here has a session 'no-such-talk'. Start typing its title and pick it from "
        "the list."
    )
    (harness.folder / "devconf.md").unlink()
    await harness.library.reload()
    data = _message(await harness.run(slash("star", {"session": "coffee-break"})))
    assert data["content"].startswith("⭐ Added **Coffee break** to your agenda")
