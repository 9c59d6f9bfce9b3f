"""Operations endpoints of the feed server: /healthz checks and /metrics."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from aiohttp.test_utils import TestClient

from bot.app.sources import SourceStatus
from bot.observability.metrics import Metrics
from bot.sources.report import health
from bot.web.app import HealthChecks, make_app
from tests.web.conftest import Server


async def _client(server: Server, aiohttp_client, **kwargs) -> TestClient:  # type: ignore[no-untyped-def]
    return await aiohttp_client(make_app(server.library, server.feeds, server.tokens, **kwargs))


async def test_healthz_reports_database_and_discord(server: Server, aiohttp_client) -> None:  # type: ignore[no-untyped-def]
    client = await _client(
        server,
        aiohttp_client,
        health=HealthChecks(database=lambda: None, discord=lambda: "connected"),
    )
    response = await client.get("/healthz")
    assert response.status == 200
    assert await response.json() == {
        "process": "ok",
        "schedules": 2,
        "agenda_errors": 0,
        "database": "ok",
        "discord": "connected",
        "status": "ok",
    }


async def test_healthz_is_503_when_the_database_fails(server: Server, aiohttp_client) -> None:  # type: ignore[no-untyped-def]
    def broken() -> None:
        raise ConnectionError("no route to database")

    client = await _client(server, aiohttp_client, health=HealthChecks(database=broken))
    response = await client.get("/healthz")
    assert response.status == 503
    body = await response.json()
    assert (body["status"], body["database"]) == ("unhealthy", "failing: ConnectionError")


async def test_metrics_count_feed_requests_by_route_template_never_by_token(
    server: Server, aiohttp_client
) -> None:  # type: ignore[no-untyped-def]
    metrics = Metrics()
    client = await _client(server, aiohttp_client, metrics=metrics)
    token = server.tokens.issue("member-1")
    await client.get("/calendars/istio-meetup-china-2021.ics")
    await client.get(f"/feeds/{token}.ics")
    await client.get("/calendars/nope.ics")
    metrics.reminders.labels("sent").inc(3)
    text = await (await client.get("/metrics")).text()
    assert (
        'agenda_bot_feed_requests_total{route="/calendars/{schedule}.ics",status="200"} 1.0' in text
    )
    assert (
        'agenda_bot_feed_requests_total{route="/calendars/{schedule}.ics",status="404"} 1.0' in text
    )
    assert 'agenda_bot_feed_requests_total{route="/feeds/{token}.ics",status="200"} 1.0' in text
    assert 'agenda_bot_reminders_total{outcome="sent"} 3.0' in text
    assert 'agenda_bot_reminders_total{outcome="failed"} 0.0' in text
    assert token not in text


async def test_healthz_shows_failing_sources_without_a_servers_urls(
    server: Server, aiohttp_client: Any
) -> None:
    checked = datetime(2030, 1, 1, 12, 0, tzinfo=UTC)
    statuses = [
        SourceStatus(
            "https://example.org/meetup.md", None, 30, checked, "HTTP 503", 2, ("meetup",)
        ),
        SourceStatus("https://private.example/guild.md", 77, 30, checked, "HTTP 404", 1),
        SourceStatus("https://example.org/ok.ics", None, 5, checked, None, 0, ("ok",)),
    ]
    client = await _client(
        server, aiohttp_client, health=HealthChecks(sources=lambda: health(statuses))
    )
    response = await client.get("/healthz")
    assert response.status == 200  # a failing source keeps its last good version: still healthy
    body = await response.json()
    assert body["status"] == "ok"
    assert body["sources"] == {
        "total": 3,
        "failing": 2,
        "operator": [
            {
                "url": "https://example.org/meetup.md",
                "status": "failing",
                "error": "HTTP 503",
                "failures": 2,
                "checked_at": "2030-01-01T12:00:00+00:00",
                "schedules": ["meetup"],
            },
            {
                "url": "https://example.org/ok.ics",
                "status": "ok",
                "error": None,
                "failures": 0,
                "checked_at": "2030-01-01T12:00:00+00:00",
                "schedules": ["ok"],
            },
        ],
    }
    assert "private.example" not in await response.text()
