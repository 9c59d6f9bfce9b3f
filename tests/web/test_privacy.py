"""An agenda a Discord server imported (with /schedules import, or as a file under
schedules/guilds/<id>/ before imports moved to the database) is never on the public web."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient
from icalendar import Calendar

from bot.agendas.library import AgendaLibrary
from bot.app.agendas import Agendas
from bot.app.imports import AgendaImports
from bot.domain.feed_tokens import FeedSelection, MemoryFeedTokens
from bot.web.app import make_app
from bot.web.feed_cache import FeedCache
from tests.helpers import PAGES, seed_library_with_imports
from tests.web.conftest import Server

GUILD = "123456789012345678"
PRIVATE_TITLE = "Cloud Native Night"


async def _import_in_a_guild(server: Server) -> None:
    folder = server.folder / "guilds" / GUILD
    folder.mkdir(parents=True)
    shutil.copy(PAGES / "toml-front-matter.md", folder / "night.md")
    snapshot = await server.library.reload()
    assert snapshot.schedules["night"].title == PRIVATE_TITLE  # loaded, just not public


async def _answer(server: Server, method: str, path: str) -> tuple[int, bytes, str | None]:
    response = await server.client.request(method, path)
    return response.status, await response.read(), response.headers.get("Content-Type")


@pytest.mark.parametrize("method", ["GET", "HEAD"])
@pytest.mark.parametrize(
    ("private", "unknown"),
    [
        ("/calendars/night.ics", "/calendars/nope.ics"),
        ("/calendars/night/doors-open.ics", "/calendars/nope/doors-open.ics"),
        ("/calendars/night/nope.ics", "/calendars/nope/nope.ics"),
    ],
)
async def test_a_guild_agenda_answers_exactly_like_an_unknown_id(
    server: Server, method: str, private: str, unknown: str
) -> None:
    await _import_in_a_guild(server)
    expected = await _answer(server, method, unknown)
    assert expected[0] == 404
    assert await _answer(server, method, private) == expected


async def test_a_guild_agenda_is_not_listed_nor_in_all_ics(server: Server) -> None:
    await _import_in_a_guild(server)
    page = await (await server.client.get("/")).text()
    assert PRIVATE_TITLE not in page and "/calendars/night.ics" not in page
    assert "(17 sessions)" in page  # the "All agendas" count: public sessions only
    body = await (await server.client.get("/calendars/all.ics")).read()
    events = Calendar.from_ical(body).walk("VEVENT")
    assert len(events) == 9 + 8
    assert b"night-" not in body and PRIVATE_TITLE.encode() not in body


async def test_a_removed_guild_agenda_does_not_appear_as_cancelled_in_all_ics(
    server: Server,
) -> None:
    await _import_in_a_guild(server)
    (server.folder / "guilds" / GUILD / "night.md").unlink()
    snapshot = await server.library.reload()
    assert "night" in snapshot.retired
    body = await (await server.client.get("/calendars/all.ics")).read()
    assert b"night-" not in body and b"STATUS:CANCELLED" not in body


async def test_a_member_who_follows_a_guild_agenda_still_gets_it_in_their_own_feed(
    server: Server,
) -> None:
    await _import_in_a_guild(server)
    token = server.tokens.issue("member-1")
    server.tokens.select(FeedSelection("member-1", schedule_ids=frozenset({"night"})))
    body = await (await server.client.get(f"/feeds/{token}.ics")).read()
    assert len(Calendar.from_ical(body).walk("VEVENT")) == 4


# ---- an agenda a server imported with /schedules import (kept in the database) ---------------

GUILD_A = 111_000_000_000_000_001
NIGHT_PATHS = ("/calendars/night.ics", "/calendars/night/doors-open.ics")


@pytest.fixture
async def imported(
    tmp_path: Path, aiohttp_client: Callable[..., Awaitable[TestClient]]
) -> AsyncIterator[tuple[TestClient, AgendaLibrary]]:
    """The feed server, with "Cloud Native Night" imported in server A through the use case."""
    with seed_library_with_imports(tmp_path) as library:
        feeds = FeedCache()
        await library.subscribe_prepared(feeds.prepare)
        client = await aiohttp_client(make_app(library, feeds, MemoryFeedTokens()))
        night = (PAGES / "toml-front-matter.md").read_bytes()
        assert library.imports is not None
        imports = AgendaImports(library.imports, library)
        outcome = await imports.import_agenda(GUILD_A, "night.md", night)
        assert outcome.imported and "night" in library.snapshot.schedules
        yield client, library


async def test_an_imported_agenda_is_seen_in_its_server_and_nowhere_on_the_web(
    imported: tuple[TestClient, AgendaLibrary],
) -> None:
    client, library = imported
    agendas = Agendas(library)
    assert agendas.session(GUILD_A, "night", "doors-open") is not None
    assert agendas.schedule(GUILD_A + 1, "night") is None
    page = await (await client.get("/")).text()
    assert PRIVATE_TITLE not in page and "night" not in page
    for path in NIGHT_PATHS:
        unknown = path.replace("night", "nope", 1)
        private, expected = await client.get(path), await client.get(unknown)
        assert (private.status, await private.read()) == (404, await expected.read())
    body = await (await client.get("/calendars/all.ics")).read()
    assert b"night-" not in body and PRIVATE_TITLE.encode() not in body
    public = await client.get("/calendars/istio-meetup-china-2021/sign-in.ics")
    assert public.status == 200
