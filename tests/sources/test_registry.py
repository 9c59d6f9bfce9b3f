"""Followed URLs polled into the agenda library: a change is handled like an edited file, a
failure keeps the last good version live with the error shown, retries back off, a slow source
holds up nobody, and the operator's content survives a restart."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.agendas.library import free_id
from bot.app.sources import LONGEST_INTERVAL, SourceSpec
from bot.domain.readers.context import ReadOptions
from bot.observability.metrics import Metrics
from bot.runtime import LibraryWithExtras
from bot.sources.fetch import Limits
from bot.sources.registry import LONGEST_BACKOFF, SourceRegistry, backoff
from bot.sources.report import health
from bot.storage.agenda_sources import OPERATOR, DatabaseAgendaSources
from bot.storage.database import make_engine, session_factory
from bot.storage.imported_agendas import DatabaseImportedAgendas
from bot.storage.migrate import upgrade
from bot.storage.revisions import DatabaseRevisionStore
from tests.sources.conftest import CALENDAR, Page, Site, meetup

GUILD = 4242


@pytest.fixture
def sessions(tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    engine = make_engine(f"sqlite:///{tmp_path / 'bot.sqlite3'}")
    upgrade(engine)
    yield session_factory(engine)
    engine.dispose()


def _setup(
    sessions: sessionmaker[Session],
    folder: Path,
    specs: list[SourceSpec],
    **options: object,
) -> tuple[SourceRegistry, LibraryWithExtras]:
    folder.mkdir(exist_ok=True)
    imports = DatabaseImportedAgendas(sessions)
    registry = SourceRegistry(
        DatabaseAgendaSources(sessions),
        imports,
        folder,
        operator=specs,
        allow_private=True,
        allow_private_servers=True,
        rand=lambda: 0.5,  # no jitter: waits are exact
        **options,  # type: ignore[arg-type]
    )
    library = LibraryWithExtras(
        folder,
        ReadOptions(),
        DatabaseRevisionStore(sessions),
        (),
        imports,
        more=registry.operator_results,
    )
    registry.library = library
    registry.load()
    library.load()
    return registry, library


async def test_a_source_that_changes_updates_the_agenda_like_an_edited_file(
    site: Site, sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    site.pages["/gophers/meetup.md"] = Page(meetup())
    url = site.url("/gophers/meetup.md")
    registry, library = _setup(sessions, tmp_path / "schedules", [SourceSpec(url, 5)])
    assert library.snapshot.schedules == {}
    status = await registry.poll(None, url)
    assert status is not None and status.ok and status.schedule_ids == ("meetup",)
    schedule = library.snapshot.schedules["meetup"]
    assert schedule.source.file == url  # messages name the URL
    assert library.snapshot.visibility_of("meetup").public
    talk = schedule.sessions[1]
    before = library.snapshot.revisions
    sequence = {k: r.sequence for k, r in before.items() if r.session.id == talk.id}

    site.pages["/gophers/meetup.md"] = Page(meetup("Generics, revisited"))
    await registry.poll(None, url)
    changed = library.snapshot.schedules["meetup"].sessions[1]
    assert changed.title == "Generics, revisited"
    [(key, old)] = sequence.items()
    assert library.snapshot.revisions[key].sequence == old + 1  # SEQUENCE follows


async def test_a_failing_source_keeps_its_last_good_version_and_shows_the_error(
    site: Site, sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    site.pages["/meetup.md"] = Page(meetup())
    url = site.url("/meetup.md")
    metrics = Metrics()
    registry, library = _setup(sessions, tmp_path / "schedules", [SourceSpec(url)], metrics=metrics)
    await registry.poll(None, url)
    site.pages["/meetup.md"] = Page(b"gone", status=500)
    status = await registry.poll(None, url)
    assert status is not None and status.error == "HTTP 500 Internal Server Error"
    assert "meetup" in library.snapshot.schedules  # the last good version stays live
    report = health(registry.statuses_now())
    assert report["failing"] == 1
    entries = report["operator"]
    assert isinstance(entries, list)
    [entry] = entries
    assert entry["status"] == "failing" and entry["error"] == "HTTP 500 Internal Server Error"
    rendered = metrics.render().decode()
    assert "agenda_bot_sources_failing 1.0" in rendered
    assert 'agenda_bot_source_polls_total{outcome="failed"} 1.0' in rendered

    # A page that no longer reads cleanly is a failure too; the last good version stays.
    site.pages["/meetup.md"] = Page(b"\x00\x01binary")
    status = await registry.poll(None, url)
    assert status is not None and status.error is not None
    assert "does not read cleanly" in status.error
    assert library.snapshot.schedules["meetup"].sessions[1].title == "Generics in practice"
    [stored] = DatabaseAgendaSources(sessions).sources()
    assert stored.last_error == status.error and stored.failures == 2

    site.pages["/meetup.md"] = Page(meetup())
    status = await registry.poll(None, url)
    assert status is not None and status.ok and status.failures == 0
    assert "agenda_bot_sources_failing 0.0" in metrics.render().decode()


async def test_conditional_get_answered_304_is_not_read_again(
    site: Site, sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    site.pages["/rust.ics"] = Page(CALENDAR, content_type="text/calendar", etag='"r1"')
    url = site.url("/rust.ics")
    metrics = Metrics()
    registry, library = _setup(sessions, tmp_path / "schedules", [SourceSpec(url)], metrics=metrics)
    await registry.poll(None, url)
    assert "rust" in library.snapshot.schedules
    version = library.snapshot.version
    await registry.poll(None, url)
    await registry.poll(None, url)
    hits = site.hits("/rust.ics")
    assert "If-None-Match" not in hits[0]
    assert [h.get("If-None-Match") for h in hits[1:]] == ['"r1"', '"r1"']
    assert library.snapshot.version == version  # nothing read, nothing reloaded
    assert 'agenda_bot_source_polls_total{outcome="not_modified"} 2.0' in metrics.render().decode()


async def test_a_page_too_big_is_refused_and_the_last_good_stays(
    site: Site, sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    site.pages["/meetup.md"] = Page(meetup())
    url = site.url("/meetup.md")
    registry, library = _setup(sessions, tmp_path / "schedules", [SourceSpec(url)])
    await registry.poll(None, url)
    site.pages["/meetup.md"] = Page(meetup() + b" " * (2 * 1024 * 1024), chunked=True)
    status = await registry.poll(None, url)
    assert status is not None and status.error == "larger than 1 MB; reading stopped there"
    assert "meetup" in library.snapshot.schedules


def test_backoff_doubles_up_to_its_cap() -> None:
    interval = timedelta(minutes=30)
    waits = [backoff(interval, n) for n in range(7)]
    assert waits[:5] == [interval, interval, 2 * interval, 4 * interval, 8 * interval]
    assert waits[5] == waits[6] == LONGEST_BACKOFF
    assert backoff(timedelta(hours=12), 5) == timedelta(hours=12)
    assert backoff(interval, 10_000) == LONGEST_BACKOFF


async def test_retries_back_off_further_with_each_failure_in_a_row(
    site: Site, sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    site.pages["/meetup.md"] = Page(b"down", status=503)
    url = site.url("/meetup.md")
    registry, _ = _setup(sessions, tmp_path / "schedules", [SourceSpec(url, 5)], minute=1.0)
    source = registry._sources[OPERATOR, url]
    loop = asyncio.get_running_loop()
    waits = []
    for _ in range(4):
        await registry.poll(None, url)
        waits.append(round(source.due - loop.time()))
    assert waits == [5, 10, 20, 40]  # minutes, as seconds here
    assert source.failures == 4


async def test_jitter_spreads_the_waits() -> None:
    registry = SourceRegistry(None, None, Path("x"), minute=60.0, rand=lambda: 1.0)  # type: ignore[arg-type]
    from bot.sources.registry import _Source

    source = _Source(OPERATOR, "https://example.org/a.md", 30)
    loop = asyncio.get_running_loop()
    registry._next(source)
    assert source.due - loop.time() == pytest.approx(30 * 60 * 1.1, rel=0.01)
    registry.rand = lambda: 0.0
    registry._next(source)
    assert source.due - loop.time() == pytest.approx(30 * 60 * 0.9, rel=0.01)


async def test_a_slow_source_times_out_without_holding_up_the_others(
    site: Site, sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    site.pages["/slow.md"] = Page(meetup(), delay=30)
    site.pages["/rust.ics"] = Page(CALENDAR, content_type="text/calendar")
    slow, fast = site.url("/slow.md"), site.url("/rust.ics")
    registry, library = _setup(
        sessions,
        tmp_path / "schedules",
        [SourceSpec(slow), SourceSpec(fast)],
        limits=Limits(total_seconds=1.0),
    )
    stop = asyncio.Event()
    lags: list[float] = []

    async def watch_loop() -> None:
        while not stop.is_set():
            started = time.monotonic()
            await asyncio.sleep(0.01)
            lags.append(time.monotonic() - started - 0.01)

    watcher = asyncio.create_task(watch_loop())
    runner = asyncio.create_task(registry.run(stop))
    try:
        started = time.monotonic()
        while "rust" not in library.snapshot.schedules:
            assert time.monotonic() - started < 0.9, "the fast source waited for the slow one"
            await asyncio.sleep(0.02)
        slow_state = registry._sources[OPERATOR, slow]
        while slow_state.error is None:
            assert time.monotonic() - started < 5
            await asyncio.sleep(0.05)
        assert slow_state.error == "no complete answer within 1 seconds"
    finally:
        stop.set()
        await asyncio.gather(runner, watcher)
    assert max(lags) < 0.2


async def test_the_operators_content_survives_a_restart_while_the_site_is_down(
    site: Site, sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    site.pages["/meetup.md"] = Page(meetup())
    url = site.url("/meetup.md")
    registry, _ = _setup(sessions, tmp_path / "schedules", [SourceSpec(url)])
    await registry.poll(None, url)
    site.pages.clear()
    again, library = _setup(sessions, tmp_path / "schedules", [SourceSpec(url)])
    assert "meetup" in library.snapshot.schedules
    status = await again.poll(None, url)
    assert status is not None and status.error == "HTTP 404 Not Found"
    assert "meetup" in library.snapshot.schedules


async def test_a_guild_source_is_seen_in_its_guild_only_and_goes_when_removed(
    site: Site, sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    site.pages["/meetup.md"] = Page(meetup())
    url = site.url("/meetup.md")
    registry, library = _setup(sessions, tmp_path / "schedules", [])
    outcome = await registry.add(GUILD, url, None)
    assert outcome.added and outcome.result is not None
    visibility = library.snapshot.visibility_of("meetup")
    assert not visibility.public and visibility.guild_id == GUILD
    [status] = await registry.statuses(GUILD)
    assert status.url == url and status.ok and status.interval_minutes == 30
    assert status.schedule_ids == ("meetup",)
    assert await registry.statuses(GUILD + 1) == []
    assert (await registry.add(GUILD, url, None)).already

    # A change reaches the guild's agenda as a new import of the same name.
    site.pages["/meetup.md"] = Page(meetup("Fuzzing"))
    await registry.poll(GUILD, url)
    assert library.snapshot.schedules["meetup"].sessions[1].title == "Fuzzing"
    [imported] = DatabaseImportedAgendas(sessions).imported()
    assert imported.name == "meetup.md" and imported.guild_id == GUILD

    assert await registry.remove(GUILD, url)
    assert "meetup" not in library.snapshot.schedules
    assert DatabaseImportedAgendas(sessions).imported() == []
    assert not await registry.remove(GUILD, url)


async def test_adding_refuses_what_does_not_work(
    site: Site, sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    folder = tmp_path / "schedules"
    folder.mkdir()
    (folder / "meetup.md").write_bytes(meetup())
    registry, _ = _setup(sessions, folder, [])
    site.pages["/meetup.md"] = Page(meetup())
    taken = await registry.add(GUILD, site.url("/meetup.md"), None)
    assert not taken.added and taken.taken == "meetup"
    missing = await registry.add(GUILD, site.url("/nothing.md"), None)
    assert not missing.added and missing.error == "HTTP 404 Not Found"
    short = await registry.add(GUILD, site.url("/meetup.md"), 2)
    assert not short.added and short.error == "the interval is at least 5 minutes"
    scheme = await registry.add(GUILD, "ftp://example.org/a.md", None)
    assert not scheme.added and scheme.error is not None and "only http and https" in scheme.error
    assert DatabaseAgendaSources(sessions).sources(GUILD) == []


HTML_PAGE = b"""<!doctype html>
<html><head><title>Rust Night</title></head><body><h1>Rust Night</h1>
<p><strong>Date:</strong> 2030-03-14, Europe/Berlin</p>
<table><tr><th>Time</th><th>Session</th></tr>
<tr><td>18:00</td><td>Doors</td></tr><tr><td>18:30</td><td>{talk}</td></tr>
<tr><td>19:30</td><td>Drinks</td></tr></table></body></html>"""


async def test_a_rendered_page_is_read_as_html(
    site: Site, sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    site.pages["/events/rust/"] = Page(
        HTML_PAGE.replace(b"{talk}", b"Ownership"), content_type="text/html; charset=utf-8"
    )
    url = site.url("/events/rust/")
    registry, library = _setup(sessions, tmp_path / "schedules", [])
    outcome = await registry.add(GUILD, url, 10)
    assert outcome.added, outcome
    schedule = library.snapshot.schedules["rust"]
    assert [s.title for s in schedule.sessions] == ["Doors", "Ownership", "Drinks"]
    assert schedule.source.file == f"guilds/{GUILD}/rust.html"
    site.pages["/events/rust/"] = Page(
        HTML_PAGE.replace(b"{talk}", b"Lifetimes"), content_type="text/html"
    )
    await registry.poll(GUILD, url)
    assert library.snapshot.schedules["rust"].sessions[1].title == "Lifetimes"


async def test_two_urls_with_the_same_file_name_are_kept_apart(
    site: Site, sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    site.pages["/a/meetup.md"] = Page(meetup())
    site.pages["/b/meetup.ics"] = Page(CALENDAR, content_type="text/calendar")
    registry, library = _setup(sessions, tmp_path / "schedules", [])
    assert (await registry.add(GUILD, site.url("/a/meetup.md"), None)).added
    second = await registry.add(GUILD, site.url("/b/meetup.ics"), None)
    assert second.added, second
    names = sorted(a.name for a in DatabaseImportedAgendas(sessions).imported())
    assert names == ["meetup-2.ics", "meetup.md"]
    assert {"meetup", "meetup-2"} <= set(library.snapshot.schedules)


async def test_a_source_removed_while_it_is_fetched_leaves_nothing_behind(
    site: Site, sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    site.pages["/meetup.md"] = Page(meetup())
    url = site.url("/meetup.md")
    registry, library = _setup(sessions, tmp_path / "schedules", [])
    assert (await registry.add(GUILD, url, None)).added
    site.pages["/meetup.md"] = Page(meetup("Late change"), delay=0.3)
    polling = asyncio.create_task(registry.poll(GUILD, url))
    await asyncio.sleep(0.1)
    assert await registry.remove(GUILD, url)
    assert await polling is None
    assert DatabaseImportedAgendas(sessions).imported() == []
    assert "meetup" not in library.snapshot.schedules


OTHER_GUILD = 5151


def _native(schedule_id: str, title: str = "Night") -> bytes:
    return (
        f"id: {schedule_id}\ntitle: {title}\ntimezone: UTC\nsessions:\n"
        "  - title: Talk\n    start: 2030-03-14 18:00\n    end: 2030-03-14 19:00\n"
    ).encode()


async def test_servers_never_block_or_displace_each_others_agendas(
    site: Site, sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    """Every Google feed ends in basic.ics: a second server's is followed under an id of its
    own, and a page that changes to an id another server uses takes a free one instead."""
    site.pages["/a/basic.ics"] = Page(CALENDAR, content_type="text/calendar")
    site.pages["/b/basic.ics"] = Page(CALENDAR, content_type="text/calendar")
    registry, library = _setup(sessions, tmp_path / "schedules", [])
    assert (await registry.add(OTHER_GUILD, site.url("/a/basic.ics"), None)).added
    second = await registry.add(GUILD, site.url("/b/basic.ics"), None)
    assert second.added and second.taken is None and second.error is None
    assert second.result is not None
    moved = free_id("basic", GUILD, ())
    assert [s.id for s in second.result.schedules] == [moved]
    snapshot = library.snapshot
    assert snapshot.visibility_of("basic").guild_id == OTHER_GUILD
    assert snapshot.visibility_of(moved).guild_id == GUILD
    [status] = [s for s in await registry.statuses(GUILD) if s.guild_id == GUILD]
    assert status.ok and status.schedule_ids == (moved,)

    # The other server's second page asks for the id this server's agenda has: it never
    # takes it, on this reload, the next ones, or in a process started afresh.
    site.pages["/a/agenda.yaml"] = Page(_native("later"), content_type="application/yaml")
    site.pages["/b/night.yaml"] = Page(_native("night", "Ours"), content_type="application/yaml")
    assert (await registry.add(GUILD, site.url("/b/night.yaml"), None)).added
    assert (await registry.add(OTHER_GUILD, site.url("/a/agenda.yaml"), None)).added
    site.pages["/a/agenda.yaml"] = Page(_native("night", "Theirs"), content_type="application/yaml")
    changed = await registry.poll(OTHER_GUILD, site.url("/a/agenda.yaml"))
    assert changed is not None and changed.ok
    theirs = free_id("night", OTHER_GUILD, ())
    for snapshot in (library.snapshot, (await library.reload())):
        assert snapshot.schedules["night"].title == "Ours"
        assert snapshot.visibility_of("night").guild_id == GUILD
        assert snapshot.schedules[theirs].title == "Theirs"
        assert not [d for d in snapshot.errors if "already used" in d.message]
    _, fresh = _setup(sessions, tmp_path / "schedules", [])
    assert fresh.snapshot.schedules["night"].title == "Ours"
    assert fresh.snapshot.schedules[theirs].title == "Theirs"
    [listed] = [
        s for s in await registry.statuses(OTHER_GUILD) if s.url == site.url("/a/agenda.yaml")
    ]
    assert listed.ok and listed.schedule_ids == (theirs,)


async def test_a_source_whose_agenda_cannot_go_live_says_so(
    site: Site, sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    site.pages["/one.yaml"] = Page(_native("night"), content_type="application/yaml")
    site.pages["/two.yaml"] = Page(_native("other"), content_type="application/yaml")
    registry, _ = _setup(sessions, tmp_path / "schedules", [])
    assert (await registry.add(GUILD, site.url("/one.yaml"), None)).added
    assert (await registry.add(GUILD, site.url("/two.yaml"), None)).added
    # The second page now asks for the id the server's first agenda has: both are seen here,
    # so the first keeps it and the second is listed with the error, not as working.
    site.pages["/two.yaml"] = Page(_native("night", "Clash"), content_type="application/yaml")
    await registry.poll(GUILD, site.url("/two.yaml"))
    by_url = {s.url: s for s in await registry.statuses(GUILD)}
    first, second = by_url[site.url("/one.yaml")], by_url[site.url("/two.yaml")]
    assert first.ok and first.schedule_ids == ("night",)
    assert not second.ok and second.schedule_ids == ()
    assert second.error == (
        f"not shown: schedule id 'night' is already used by guilds/{GUILD}/one.yaml; "
        "this one is ignored"
    )


async def test_two_operator_sources_with_one_file_name_both_go_live(
    site: Site, sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    site.pages["/a/basic.ics"] = Page(CALENDAR, content_type="text/calendar")
    site.pages["/b/basic.ics"] = Page(CALENDAR, content_type="text/calendar")
    first, second = site.url("/a/basic.ics"), site.url("/b/basic.ics")
    folder = tmp_path / "schedules"
    registry, library = _setup(sessions, folder, [SourceSpec(first), SourceSpec(second)])
    # Polled in either order, the ids follow the order of [[sources]].
    await registry.poll(None, second)
    await registry.poll(None, first)
    snapshot = library.snapshot
    assert snapshot.schedules["basic"].source.file == first
    assert snapshot.schedules["basic-2"].source.file == second
    assert [s.schedule_ids for s in registry.statuses_now()] == [("basic",), ("basic-2",)]
    # A local file with the id of a followed URL: the error shows on the one not shown.
    (folder / "notes.yaml").write_bytes(_native("basic-2"))
    await library.reload()
    statuses = {s.url: s for s in registry.statuses_now()}
    assert statuses[first].ok
    shown = "basic-2" in library.snapshot.schedules
    loser = next(iter(d for d in library.snapshot.errors if "already used" in d.message))
    if loser.file.endswith("notes.yaml"):
        assert shown and statuses[second].ok
    else:
        assert not statuses[second].ok and "already used" in (statuses[second].error or "")
    # The same in a process started afresh.
    _, fresh = _setup(sessions, folder, [SourceSpec(first), SourceSpec(second)])
    assert fresh.snapshot.schedules["basic-2"] == library.snapshot.schedules["basic-2"]


async def test_an_exception_in_a_poll_backs_off_instead_of_retrying_at_once(
    site: Site, sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    site.pages["/meetup.md"] = Page(meetup())
    url = site.url("/meetup.md")
    calls = 0

    async def broken(*args: object, **kwargs: object) -> object:
        nonlocal calls
        calls += 1
        raise OverflowError("date value out of range")

    registry, _ = _setup(
        sessions,
        tmp_path / "schedules",
        [SourceSpec(url, 5)],
        fetcher=broken,
        minute=0.2,  # a minute is 0.2 s: the first retry is a second later
        refresh_every=10.0,
    )
    stop = asyncio.Event()
    running = asyncio.create_task(registry.run(stop))
    await asyncio.sleep(0.6)
    stop.set()
    await running
    assert calls == 1
    status = registry.statuses_now()[0]
    assert status.error == "the check failed (OverflowError)" and status.failures == 1


async def test_a_huge_interval_is_capped_and_polls_are_scheduled(
    site: Site, sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    site.pages["/meetup.md"] = Page(meetup())
    url = site.url("/meetup.md")
    registry, _ = _setup(sessions, tmp_path / "schedules", [SourceSpec(url, 2_000_000_000_000)])
    source = registry._sources[OPERATOR, url]
    await registry.poll(None, url)
    loop = asyncio.get_running_loop()
    assert source.due - loop.time() == pytest.approx(LONGEST_INTERVAL * 60, rel=0.01)
    assert backoff(timedelta(days=999_999), 3) == timedelta(minutes=LONGEST_INTERVAL)
    refused = await registry.add(GUILD, url, LONGEST_INTERVAL + 1)
    assert not refused.added and refused.error == "the interval is at most 10080 minutes"


async def test_a_server_is_not_told_addresses_or_private_content(
    site: Site, sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    site.pages["/secret.ics"] = Page(b"db_password=hunter2\n", content_type="text/calendar")
    registry, _ = _setup(sessions, tmp_path / "schedules", [])
    # Private addresses allowed for servers (an operator's choice): still nothing of the
    # page's content comes back.
    read = await registry.add(GUILD, site.url("/secret.ics"), None)
    assert not read.added and read.result is None
    assert read.error is not None and "hunter2" not in read.error
    registry.allow_private_servers = False
    refused = await registry.add(GUILD, site.url("/secret.ics"), None)
    assert refused.error == "refused: 127.0.0.1 is a private or local address"
    # A closed port: the kind of failure, no address or port.
    registry.allow_private_servers = True
    closed = await registry.add(GUILD, "http://127.0.0.1:9/x.ics", None)
    assert closed.error == "cannot connect to the server"
