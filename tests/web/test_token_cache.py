"""Personal feeds answered from memory: a known token costs no store call, and what this
process changes (a revoked token, a new follow) takes effect at once."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient

from bot.domain.feed_tokens import FeedSelection, MemoryFeedTokens, token_digest
from bot.storage.database import session_factory
from bot.storage.feed_tokens import DatabaseFeedTokens
from bot.storage.members import DatabaseMembers
from bot.web.app import make_app
from bot.web.token_cache import UNSEEN, CachedFeedTokens
from tests.database import BACKENDS, migrated_engine
from tests.web.conftest import Server

Client = Callable[..., Awaitable[TestClient[web.Request, web.Application]]]


class CountingTokens:
    """A token store that counts its calls, and can be told to fail."""

    def __init__(self, inner: MemoryFeedTokens) -> None:
        self.inner, self.lookups, self.readings, self.fail = inner, 0, 0, False

    def issue(self, member: str) -> str:
        return self.inner.issue(member)

    def revoke(self, member: str) -> None:
        self.inner.revoke(member)

    def holds(self, member: str) -> bool:
        return self.inner.holds(member)

    def lookup(self, token: str) -> FeedSelection | None:
        self.lookups += 1
        if self.fail:
            raise ConnectionError("database unreachable")
        return self.inner.lookup(token)

    def selections(self) -> Mapping[str, FeedSelection]:
        self.readings += 1
        if self.fail:
            raise ConnectionError("database unreachable")
        return self.inner.selections()


async def _client(
    server: Server, aiohttp_client: Client
) -> tuple[TestClient[web.Request, web.Application], CountingTokens, CachedFeedTokens]:
    store = CountingTokens(server.tokens)
    cached = CachedFeedTokens(store)
    return await aiohttp_client(make_app(server.library, server.feeds, cached)), store, cached


async def test_a_known_token_is_answered_without_asking_the_store(
    server: Server, aiohttp_client: Client
) -> None:
    client, store, cached = await _client(server, aiohttp_client)
    token = cached.issue("member-1")
    assert (await client.get(f"/feeds/{token}.ics")).status == 200
    assert store.lookups == 1  # first sight: looked up once, off the loop
    for _ in range(3):
        assert (await client.get(f"/feeds/{token}.ics")).status == 200
    assert store.lookups == 1
    cached.reload()
    other = store.issue("member-2")  # issued elsewhere: the reading above did not see it
    cached.reload()
    assert (await client.get(f"/feeds/{other}.ics")).status == 200
    assert store.lookups == 1


async def test_a_token_revoked_in_this_process_stops_working_at_once(
    server: Server, aiohttp_client: Client
) -> None:
    client, _, cached = await _client(server, aiohttp_client)
    old = cached.issue("member-1")
    assert (await client.get(f"/feeds/{old}.ics")).status == 200
    new = cached.issue("member-1")  # replaces the old one
    assert (await client.get(f"/feeds/{old}.ics")).status == 404
    assert (await client.get(f"/feeds/{new}.ics")).status == 200
    cached.revoke("member-1")
    assert (await client.get(f"/feeds/{new}.ics")).status == 404


async def test_people_changed_in_this_process_change_the_feed_at_once(
    server: Server, aiohttp_client: Client
) -> None:
    client, _, cached = await _client(server, aiohttp_client)
    token = cached.issue("member-1")
    before = await (await client.get(f"/feeds/{token}.ics")).read()
    server.tokens.select(FeedSelection("member-1", schedule_ids=frozenset({"devconf"})))
    assert await (await client.get(f"/feeds/{token}.ics")).read() == before  # still remembered
    cached.invalidate()  # what the bot's people_changed signal calls
    assert await (await client.get(f"/feeds/{token}.ics")).read() != before


async def test_the_refresh_picks_up_another_processs_changes(
    server: Server, aiohttp_client: Client
) -> None:
    store = CountingTokens(server.tokens)
    cached = CachedFeedTokens(store, refresh_every=0.05)
    client = await aiohttp_client(make_app(server.library, server.feeds, cached))
    token = cached.issue("member-1")
    stop = asyncio.Event()
    fresh = asyncio.create_task(cached.keep_fresh(stop))
    try:
        assert (await client.get(f"/feeds/{token}.ics")).status == 200
        store.revoke("member-1")  # another process revokes it: nothing tells this one
        for _ in range(100):
            if (await client.get(f"/feeds/{token}.ics")).status == 404:
                break
            await asyncio.sleep(0.02)
        else:
            raise AssertionError("the revoked token kept working")
        assert store.readings >= 2
    finally:
        stop.set()
        await asyncio.wait_for(fresh, 5)


async def test_a_failing_store_still_answers_503_for_an_unknown_token_only(
    server: Server, aiohttp_client: Client
) -> None:
    client, store, cached = await _client(server, aiohttp_client)
    known = cached.issue("member-1")
    assert (await client.get(f"/feeds/{known}.ics")).status == 200
    unseen = store.issue("member-2")
    store.fail = True
    assert (await client.get(f"/feeds/{unseen}.ics")).status == 503
    assert (await client.get(f"/feeds/{known}.ics")).status == 200


def test_a_reading_begun_before_a_revoke_never_brings_the_token_back() -> None:
    inner = MemoryFeedTokens()
    token = inner.issue("member-1")

    class RevokedMeanwhile(CountingTokens):
        def selections(self) -> Mapping[str, FeedSelection]:
            stale = self.inner.selections()  # read before the revoke lands ...
            cached.revoke("member-1")  # ... in this process, while the reading is under way
            return stale

    cached = CachedFeedTokens(RevokedMeanwhile(inner))
    cached.reload()
    assert cached.cached(token_digest(token)) is UNSEEN


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_database_reads_every_selection_as_lookups_see_them(
    backend: str, tmp_path: Path
) -> None:
    with migrated_engine(backend, tmp_path) as engine:
        sessions = session_factory(engine)
        tokens, members = DatabaseFeedTokens(sessions), DatabaseMembers(sessions)
        first, second = tokens.issue("101"), tokens.issue("102")
        members.follow_schedule(101, "devconf")
        members.star(101, "istio-meetup-china-2021", "coffee-break")
        tokens.issue("103")
        tokens.revoke("103")
        table = tokens.selections()
        assert table == {
            token_digest(first): tokens.lookup(first),
            token_digest(second): tokens.lookup(second),
        }
        assert table[token_digest(first)] == FeedSelection(
            "101", frozenset({"devconf"}), frozenset({("istio-meetup-china-2021", "coffee-break")})
        )
