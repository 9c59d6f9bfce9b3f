"""/schedules add, /schedules remove and the followed URLs in /schedules list, through the
Discord-compatible fake, with a local agenda site; in English and Chinese."""

from __future__ import annotations

from collections.abc import AsyncIterator
from functools import partial

import pytest

from bot.agendas.library import free_id
from bot.sources.fetch import fetch
from bot.sources.registry import SourceRegistry
from bot.sources.safety import is_public_address
from bot.storage.agenda_sources import DatabaseAgendaSources
from tests.discord.conftest import MANAGE_EVENTS, Harness
from tests.fakes.discord_http import GUILD_ID
from tests.fakes.interactions import slash
from tests.sources.conftest import (  # noqa: F401 (the site fixture)
    CALENDAR,
    Page,
    Site,
    meetup,
    site,
)

OTHER_GUILD = 4000


def _loopback_is_public(address: str) -> bool:
    return address == "127.0.0.1" or is_public_address(address)


def _native(schedule_id: str) -> bytes:
    return (
        f"id: {schedule_id}\ntitle: Night\ntimezone: UTC\nsessions:\n"
        "  - title: Talk\n    start: 2030-03-14 18:00\n    end: 2030-03-14 19:00\n"
    ).encode()


@pytest.fixture
async def sources(harness: Harness) -> AsyncIterator[SourceRegistry]:
    registry = SourceRegistry(
        DatabaseAgendaSources(harness.imports.sessions),
        harness.imports,
        harness.folder,
        allow_private_servers=True,
    )
    registry.library = harness.library
    harness.bot.services.sources = registry
    yield registry


def _add(url: str, *, locale: str = "en-US", permissions: str = MANAGE_EVENTS, **more: object):  # type: ignore[no-untyped-def]
    return slash(
        "add", {"url": url, **more}, group="schedules", permissions=permissions, locale=locale
    )


def _remove(url: str, *, locale: str = "en-US"):  # type: ignore[no-untyped-def]
    return slash(
        "remove", {"url": url}, group="schedules", permissions=MANAGE_EVENTS, locale=locale
    )


def _list(locale: str = "en-US"):  # type: ignore[no-untyped-def]
    return slash("list", group="schedules", permissions=MANAGE_EVENTS, locale=locale)


async def test_an_organizer_follows_a_url_and_sees_it_listed(
    harness: Harness,
    sources: SourceRegistry,
    site: Site,  # noqa: F811
) -> None:
    site.pages["/gophers/meetup.md"] = Page(meetup())
    url = site.url("/gophers/meetup.md")
    replies = await harness.run(_add(url, interval=10))
    assert replies[-1].content == (
        f"Following <{url}>: **Gophers Night** (3 sessions) as `meetup`, checked every 10 minutes."
    )
    assert harness.library.snapshot.visibility_of("meetup").guild_id == int(GUILD_ID)
    [listed] = await harness.run(_list())
    assert "`meetup` — Gophers Night" in listed.content
    assert f"Followed URLs:\n✅ <{url}> every 10 min, checked <t:" in listed.content

    again = await harness.run(_add(url))
    assert again[-1].content == f"<{url}> is already followed here."


async def test_a_failing_url_is_listed_with_its_error_and_the_agenda_stays(
    harness: Harness,
    sources: SourceRegistry,
    site: Site,  # noqa: F811
) -> None:
    site.pages["/meetup.md"] = Page(meetup())
    url = site.url("/meetup.md")
    await harness.run(_add(url))
    site.pages["/meetup.md"] = Page(b"down", status=503)
    await sources.poll(int(GUILD_ID), url)
    [listed] = await harness.run(_list())
    assert "`meetup` — Gophers Night" in listed.content
    assert (
        f"⚠️ <{url}> every 30 min, failing (1 check): HTTP 503 Service Unavailable "
        "(the last good version stays live; checked <t:"
    ) in listed.content
    [chinese] = await harness.run(_list("zh-CN"))
    assert f"⚠️ <{url}> 每 30 分钟，检查失败 1 次：HTTP 503 Service Unavailable" in (chinese.content)
    await sources.poll(int(GUILD_ID), url)
    [twice] = await harness.run(_list())
    assert "failing (2 checks in a row): HTTP 503" in twice.content
    [chinese] = await harness.run(_list("zh-CN"))
    assert "已连续 2 次失败：HTTP 503" in chinese.content


async def test_removing_a_url_drops_its_agenda(
    harness: Harness,
    sources: SourceRegistry,
    site: Site,  # noqa: F811
) -> None:
    site.pages["/meetup.md"] = Page(meetup())
    url = site.url("/meetup.md")
    await harness.run(_add(url))
    typed = slash(
        "remove",
        {"url": "meetup"},
        group="schedules",
        permissions=MANAGE_EVENTS,
        focused="url",
    )
    [choices] = await harness.run(typed)
    assert [c["value"] for c in choices.data["data"]["choices"]] == [url]
    [removed] = await harness.run(_remove(url))
    assert removed.content == f"Stopped following <{url}>; its agenda is gone from this server."
    assert "meetup" not in harness.library.snapshot.schedules
    [unknown] = await harness.run(_remove(url, locale="zh-CN"))
    assert unknown.content == f"本服务器没有关注 <{url}>。`/schedules list` 会列出已关注的网址。"


async def test_adding_in_chinese(
    harness: Harness,
    sources: SourceRegistry,
    site: Site,  # noqa: F811
) -> None:
    site.pages["/meetup.md"] = Page(meetup())
    url = site.url("/meetup.md")
    replies = await harness.run(_add(url, locale="zh-CN"))
    assert replies[-1].content == (
        f"已关注 <{url}>：**Gophers Night**（3 场），编号 `meetup`，每 30 分钟检查一次。"
    )
    failed = await harness.run(_add(site.url("/missing.md"), locale="zh-CN"))
    assert failed[-1].content == f"无法关注 <{site.url('/missing.md')}>：HTTP 404 Not Found"


async def test_members_without_manage_events_are_refused(
    harness: Harness,
    sources: SourceRegistry,
    site: Site,  # noqa: F811
) -> None:
    site.pages["/meetup.md"] = Page(meetup())
    url = site.url("/meetup.md")
    [denied] = await harness.run(_add(url, permissions="0"))
    assert denied.content == "You need the Manage Events permission for this command."
    [denied_zh] = await harness.run(_add(url, permissions="0", locale="zh-CN"))
    assert denied_zh.content == "此命令需要“管理活动”权限。"
    assert site.hits("/meetup.md") == []
    assert await sources.statuses(int(GUILD_ID)) == []


async def test_private_addresses_are_refused_when_not_allowed(
    harness: Harness,
    sources: SourceRegistry,
    site: Site,  # noqa: F811
) -> None:
    sources.allow_private_servers = False
    site.pages["/meetup.md"] = Page(meetup())
    url = site.url("/meetup.md")
    replies = await harness.run(_add(url))
    assert replies[-1].content == (
        f"I could not follow <{url}>: refused: 127.0.0.1 is a private or local address"
    )
    assert site.hits("/meetup.md") == []
    assert "meetup" not in harness.library.snapshot.schedules


async def test_a_page_with_errors_is_not_followed(
    harness: Harness,
    sources: SourceRegistry,
    site: Site,  # noqa: F811
) -> None:
    # 127.0.0.1 stands for a public site here: what the reader found is told.
    sources.allow_private_servers = False
    sources.fetcher = partial(fetch, policy=_loopback_is_public)
    site.pages["/broken.md"] = Page(b"\xff\xfe not utf-8 \xff")
    replies = await harness.run(_add(site.url("/broken.md")))
    content = replies[-1].content
    assert content.startswith(f"I could not follow <{site.url('/broken.md')}>: ")
    assert "UTF" in content
    assert await sources.statuses(int(GUILD_ID)) == []


async def test_a_private_page_is_never_quoted_back(
    harness: Harness,
    sources: SourceRegistry,
    site: Site,  # noqa: F811
) -> None:
    site.pages["/secret.ics"] = Page(b"db_password=hunter2\n", content_type="text/calendar")
    url = site.url("/secret.ics")
    replies = await harness.run(_add(url))
    assert replies[-1].content == (
        f"I could not follow <{url}>: the page at this private address is not an agenda that "
        "reads cleanly"
    )
    port = await harness.run(_add("http://127.0.0.1:9/x.ics"))
    assert (
        port[-1].content
        == "I could not follow <http://127.0.0.1:9/x.ics>: cannot connect to the server"
    )


async def test_another_servers_agenda_never_blocks_this_one_nor_shows(
    harness: Harness,
    sources: SourceRegistry,
    site: Site,  # noqa: F811
) -> None:
    """Every Google feed ends in basic.ics: another server following one never keeps this
    server from following its own, and nothing here tells that the other one exists."""
    site.pages["/theirs/basic.ics"] = Page(CALENDAR, content_type="text/calendar")
    site.pages["/ours/basic.ics"] = Page(CALENDAR, content_type="text/calendar")
    assert (await sources.add(OTHER_GUILD, site.url("/theirs/basic.ics"), None)).added
    url = site.url("/ours/basic.ics")
    moved = free_id("basic", int(GUILD_ID), ())
    replies = await harness.run(_add(url))
    assert replies[-1].content == (
        f"Following <{url}>: **Rust Night** (1 sessions) as `{moved}`, checked every 30 minutes."
    )
    [listed] = await harness.run(_list())
    assert f"`{moved}` — Rust Night" in listed.content
    assert "`basic`" not in listed.content and str(OTHER_GUILD) not in listed.content
    assert f"✅ <{url}> every 30 min, checked <t:" in listed.content
    assert listed.content.rstrip().endswith(f"→ `{moved}`")
    # An import of a file asking for "basic" is not refused either.
    box = harness.bot.services
    outcome = await box.imports.import_agenda(int(GUILD_ID), "basic.ics", CALENDAR)
    assert outcome.imported and outcome.taken is None


async def test_a_url_whose_agenda_cannot_go_live_is_listed_with_the_error(
    harness: Harness,
    sources: SourceRegistry,
    site: Site,  # noqa: F811
) -> None:
    first, second = site.url("/one.yaml"), site.url("/two.yaml")
    site.pages["/one.yaml"] = Page(_native("night"), content_type="application/yaml")
    site.pages["/two.yaml"] = Page(_native("other"), content_type="application/yaml")
    await harness.run(_add(first))
    await harness.run(_add(second))
    site.pages["/two.yaml"] = Page(_native("night"), content_type="application/yaml")
    await sources.poll(int(GUILD_ID), second)
    [listed] = await harness.run(_list())
    assert f"✅ <{first}> every 30 min, checked <t:" in listed.content
    assert f"⛔ <{second}> every 30 min: not shown: schedule id 'night' is already used by " in (
        listed.content
    )
    assert f"✅ <{second}>" not in listed.content
