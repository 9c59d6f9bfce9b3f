"""An agenda imported in one server is used there, and is unknown in any other server and in
DMs; calendar files the bot sends are the ones the feed server serves."""

from __future__ import annotations

from typing import Any

from icalendar import Calendar

from bot.app.agendas import session_key
from bot.app.calendars import session_file
from tests.discord.conftest import Harness, import_payload
from tests.fakes.discord_http import Received
from tests.fakes.interactions import button, slash
from tests.helpers import PAGES

EPHEMERAL = 64
OTHER_GUILD = "999000999"


def _content(replies: list[Received]) -> str:
    [reply] = replies
    assert reply.data["type"] == 4 and reply.data["data"]["flags"] & EPHEMERAL
    return str(reply.data["data"]["content"])


def _elsewhere(payload: dict[str, Any], guild: str | None) -> dict[str, Any]:
    """The same interaction in another server (or, with None, in a DM)."""
    if guild is None:
        payload.pop("guild_id")
        payload["user"] = payload.pop("member")["user"]
        payload["context"] = 1
    else:
        payload["guild_id"] = guild
    return payload


async def _import_tokyo(harness: Harness) -> tuple[str, str]:
    page = (PAGES / "japanese.md").read_bytes()
    replies = await harness.run(import_payload(harness.fake, "tokyo.md", page))
    assert replies[-1].content == "Imported **Cloud Native Tokyo** (3 sessions) as `tokyo`."
    first = harness.library.snapshot.schedules["tokyo"].sessions[0]
    return first.id, first.title


async def test_an_imported_agenda_is_unknown_in_other_servers_and_in_dms(
    harness: Harness,
) -> None:
    session_id, _ = await _import_tokyo(harness)
    unknown = "There is no agenda 'tokyo' here. `/schedules list` shows the agendas."
    for guild in (OTHER_GUILD, None):
        for payload in (
            slash("agenda", {"schedule": "tokyo"}),
            slash("ics", {"schedule": "tokyo"}),
            slash("session", {"schedule": "tokyo", "session": session_id}),
            slash("star", {"schedule": "tokyo", "session": session_id}),
        ):
            assert _content(await harness.run(_elsewhere(payload, guild))) == unknown
        typed = slash("session", {"session": ""}, focused="session")
        [choices] = await harness.run(_elsewhere(typed, guild))
        assert all(not c["value"].startswith("tokyo/") for c in choices.data["data"]["choices"])
    assert harness.members.audience().stars == frozenset()


async def test_a_button_of_an_imported_session_answers_only_in_its_server(
    harness: Harness,
) -> None:
    session_id, title = await _import_tokyo(harness)
    key = session_key("tokyo", session_id)
    [elsewhere] = await harness.gateway(_elsewhere(button(f"star:{key}"), OTHER_GUILD))
    assert elsewhere.content == (
        "That session is no longer on the agenda: it was removed, or its agenda was."
    )
    [here] = await harness.gateway(button(f"star:{key}"))
    assert here.content is not None and title in here.content
    assert harness.members.audience().stars == {(42, "tokyo", session_id)}


async def test_an_imported_agenda_is_shown_in_its_own_server(harness: Harness) -> None:
    session_id, _ = await _import_tokyo(harness)
    [reply] = await harness.run(slash("agenda", {"schedule": "tokyo"}))
    [embed] = reply.data["data"]["embeds"]
    assert embed["title"] == "Cloud Native Tokyo"
    [reply] = await harness.run(slash("ics", {"schedule": "tokyo", "session": session_id}))
    [(name, _data)] = reply.files
    assert name == f"tokyo-{session_id}.ics"


async def test_ics_of_a_moved_session_is_the_feed_servers_file_with_its_sequence(
    harness: Harness,
) -> None:
    page = harness.folder / "devconf.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text.replace("| 10:45-11:30 AM | Observability 101", "| 10:50-11:30 AM | Observability 101")
    )
    snapshot = await harness.library.reload()
    [reply] = await harness.run(
        slash("ics", {"schedule": "devconf", "session": "observability-101"})
    )
    [(name, data)] = reply.files
    schedule = snapshot.schedules["devconf"]
    session = next(s for s in schedule.sessions if s.id == "observability-101")
    assert (name, data) == (
        "devconf-observability-101.ics",
        session_file(snapshot, schedule, session, base_url=harness.bot.services.base_url).data,
    )
    [event] = Calendar.from_ical(data).walk("VEVENT")
    assert int(event["SEQUENCE"]) == 1
    [button_reply] = await harness.gateway(button(f"ics:{session_key('devconf', session.id)}"))
    assert button_reply.files == [(name, data)]


async def test_session_links_its_web_page_only_for_a_public_agenda(harness: Harness) -> None:
    """The seed agenda is on the web: /session's title links its page. A server's own agenda
    is on no page: no link that would answer 404."""
    [reply] = await harness.run(
        slash("session", {"schedule": "istio-meetup-china-2021", "session": "coffee-break"})
    )
    [embed] = reply.data["data"]["embeds"]
    assert embed["url"] == "https://agenda.example.org/s/istio-meetup-china-2021/coffee-break"
    session_id, _ = await _import_tokyo(harness)
    [reply] = await harness.run(slash("session", {"schedule": "tokyo", "session": session_id}))
    [embed] = reply.data["data"]["embeds"]
    assert "url" not in embed
