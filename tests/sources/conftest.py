"""An agenda site on 127.0.0.1 whose pages a test sets and changes as it goes: each page has a
body, a content type, an optional ETag/Last-Modified (answered with 304 when the request
carries them), a status, a delay, or a redirect."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import pytest
from aiohttp import web

MEETUP = """---
title: Gophers Night
timezone: Europe/Berlin
---

# Gophers Night

**Date:** 2030-03-14

| Time | Session |
| --- | --- |
| 18:00 | Doors |
| 18:30 | {talk} |
| 19:30 | Drinks |
"""


def meetup(talk: str = "Generics in practice") -> bytes:
    return MEETUP.format(talk=talk).encode()


CALENDAR = b"""BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
X-WR-CALNAME:Rust Night
BEGIN:VEVENT
UID:talk-1@test
DTSTART:20300314T180000Z
DTEND:20300314T190000Z
SUMMARY:Ownership
END:VEVENT
END:VCALENDAR
"""


@dataclass
class Page:
    body: bytes = b""
    content_type: str = "text/markdown"
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0
    location: str | None = None
    chunked: bool = False
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Site:
    base: str = ""
    pages: dict[str, Page] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def hits(self, path: str) -> list[dict[str, str]]:
        return [headers for p, headers in self.requests if p == path]


async def _serve(site: Site, request: web.Request) -> web.StreamResponse:
    site.requests.append((request.path, dict(request.headers)))
    page = site.pages.get(request.path)
    if page is None:
        return web.Response(status=404, text="not here")
    if page.delay:
        await asyncio.sleep(page.delay)
    if page.location is not None:
        return web.Response(status=page.status or 302, headers={"Location": page.location})
    headers: dict[str, str] = dict(page.headers)
    if page.etag:
        headers["ETag"] = page.etag
        if request.headers.get("If-None-Match") == page.etag:
            return web.Response(status=304, headers=headers)
    if page.last_modified:
        headers["Last-Modified"] = page.last_modified
        if not page.etag and request.headers.get("If-Modified-Since") == page.last_modified:
            return web.Response(status=304, headers=headers)
    if page.chunked:
        response = web.StreamResponse(status=page.status, headers=headers)
        response.content_type = page.content_type
        response.enable_chunked_encoding()
        await response.prepare(request)
        for start in range(0, len(page.body), 65536):
            await response.write(page.body[start : start + 65536])
        await response.write_eof()
        return response
    return web.Response(
        status=page.status, body=page.body, headers={**headers, "Content-Type": page.content_type}
    )


@pytest.fixture
async def site() -> AsyncIterator[Site]:
    found = Site()

    async def handler(request: web.Request) -> web.StreamResponse:
        return await _serve(found, request)

    app = web.Application()
    app.router.add_route("GET", "/{tail:.*}", handler)
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.1)
    await runner.setup()
    tcp = web.TCPSite(runner, "127.0.0.1", 0)
    await tcp.start()
    port = tcp._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    found.base = f"http://127.0.0.1:{port}"
    try:
        yield found
    finally:
        await runner.cleanup()
