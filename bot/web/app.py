"""The feed server's routes.

    GET/HEAD /                                      the public agendas, with https and webcal://
                                                    links (bot.web.pages: the web agenda)
    GET/HEAD /s/{schedule}                          one agenda's page
    GET/HEAD /s/{schedule}/{session}                one session's page
    GET/HEAD /speakers/{speaker}                    one speaker's page
    GET/HEAD /static/{name}                         the pages' script and style
    GET/HEAD /healthz                               for probes
    GET/HEAD /calendars/all.ics                     every agenda
    GET/HEAD /calendars/{schedule}.ics              one agenda (subscribe)
    GET/HEAD /calendars/{schedule}/{session}.ics    one session, or one occurrence (download)
    GET/HEAD /feeds/{token}.ics                     a member's personal feed

Only public agendas are on these routes (what `bot.app.agendas` lets the public web see): an
agenda imported in a Discord server answers exactly as an unknown id does. Other methods get
405; unknown ids 404 with the same body whatever exists. Every GET or HEAD is counted by route
template and status (an unknown path as "unmatched"); other methods are not counted.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from aiohttp import web

from bot.agendas.library import AgendaLibrary
from bot.app.agendas import PUBLIC, Agendas, find_session
from bot.app.ports import FeedTokenStore
from bot.observability.metrics import CONTENT_TYPE, Metrics
from bot.web.conditional import not_modified, wants_gzip
from bot.web.feed_cache import Body, FeedCache
from bot.web.ids import ID, SESSION_ID
from bot.web.pages import Pages
from bot.web.redaction import install_log_redaction
from bot.web.token_cache import UNSEEN
from bot.web.tokens import TokenLookups, TokenStoreUnavailable

LIBRARY = web.AppKey("library", AgendaLibrary)
AGENDAS = web.AppKey("agendas", Agendas)
FEEDS = web.AppKey("feeds", FeedCache)
TOKENS = web.AppKey("tokens", TokenLookups)
BASE_URL = web.AppKey("base_url", str)


@dataclass(frozen=True, slots=True)
class HealthChecks:
    """What /healthz asks beyond "the process answers": each check returns a status word or
    raises. `database` failing makes the answer 503; Discord only reports."""

    database: Callable[[], None] | None = None
    discord: Callable[[], str] | None = None
    # Followed agenda URLs: how they fare; a failing one is reported, never unhealthy (its
    # last good version stays live).
    sources: Callable[[], dict[str, object]] | None = None


HEALTH = web.AppKey("health", HealthChecks)
METRICS = web.AppKey("metrics", Metrics)
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
ServerHandler = Callable[[web.BaseRequest], Awaitable[web.StreamResponse]]

# The polled feed routes' templates: routed by the application, counted under these names, and
# answered first by FeedsFirst.
_ALL, _SCHEDULE, _PERSONAL = "/calendars/all.ics", "/calendars/{schedule}.ics", "/feeds/{token}.ics"

PUBLIC_CACHE = "public, max-age=300"
PRIVATE_CACHE = "private, max-age=300"
RETRY_AFTER = "30"


def make_app(
    library: AgendaLibrary,
    feeds: FeedCache,
    tokens: FeedTokenStore,
    base_url: str = "",
    *,
    health: HealthChecks | None = None,
    metrics: Metrics | None = None,
    token_lookup_timeout: float = 10.0,
) -> web.Application:
    """The aiohttp application. `base_url` ("https://agenda.example.org") is used in links;
    empty means the request's own scheme and host. Token lookups run in threads of their own
    and answer 503 after `token_lookup_timeout` seconds."""
    install_log_redaction()
    app = web.Application(client_max_size=1024)
    app[HEALTH] = health or HealthChecks()
    app[METRICS] = metrics or Metrics()
    app[LIBRARY] = library
    app[AGENDAS] = Agendas(library)
    app[FEEDS] = feeds
    lookups = TokenLookups(tokens, timeout=token_lookup_timeout)
    app[TOKENS] = lookups

    async def _close_lookups(_: web.Application) -> None:
        lookups.close()

    app.on_cleanup.append(_close_lookups)
    app[BASE_URL] = base_url.rstrip("/")
    count = app[METRICS].feed_requests.count
    calendars = _Calendars(feeds, lookups)
    app[FEEDS_FIRST] = FeedsFirst(calendars, count)
    pages = Pages(library, feeds, base_url)
    for path, handler in (
        ("/", pages.index),
        ("/s/{schedule}", pages.agenda),
        ("/s/{schedule}/{session}", pages.session),
        ("/speakers/{speaker}", pages.speaker),
        ("/static/{name}", pages.static),
        ("/healthz", healthz),
        (_ALL, calendars.all),
        (_SCHEDULE, calendars.schedule),
        ("/calendars/{schedule}/{session}.ics", calendars.session),
        (_PERSONAL, calendars.personal),
        ("/metrics", metrics_page),
    ):
        app.router.add_get(path, _counted(path, handler, count))

    async def unmatched(request: web.Request) -> web.Response:
        # A page's address with a slash at its end goes to the page; a feed client gets text.
        return await pages.misplaced(request) or _not_found()

    app.router.add_get("/{unmatched:.*}", _counted("unmatched", unmatched, count))
    return app


class FeedsFirst:
    """The polled feed routes answered before the application's router sees the request.

    Calendar clients poll `/calendars/all.ics`, `/calendars/{schedule}.ics` and
    `/feeds/{token}.ics` all day; for those, aiohttp's router (a regular expression per
    template, a match dictionary) and the application's request steps cost as much as our whole
    answer (bench/feeds.py). `before(handler)` wraps the server's handler: a GET or HEAD for a
    feed this process holds is answered and counted here, exactly as its route would; anything
    else (an unknown id, a token not yet looked up, another method or route) goes on to the
    application unchanged.
    """

    def __init__(self, calendars: _Calendars, count: Callable[[str, int], None]) -> None:
        self.calendars = calendars
        self.count = count

    def feed(self, path: str) -> tuple[str, Body, str] | None:
        """The feed this process holds at `path` (decoded, no query): its route template (what
        it is counted under), its body and its Cache-Control; None for anything the application
        must answer (an unknown id, a token not yet looked up, another route)."""
        if not path.endswith(".ics"):
            return None
        feeds = self.calendars.feeds
        if path.startswith("/calendars/"):
            name = path[11:-4]
            if name == "all":
                body = feeds.all_feed
                return None if body is None else (_ALL, body, PUBLIC_CACHE)
            body = feeds.schedule_feeds.get(name)
            return None if body is None else (_SCHEDULE, body, PUBLIC_CACHE)
        if path.startswith("/feeds/"):
            selection = self.calendars.lookups.known(path[7:-4])
            if selection is not None and selection is not UNSEEN:
                return _PERSONAL, feeds.personal(selection), PRIVATE_CACHE
        return None

    def before(self, handler: ServerHandler) -> ServerHandler:
        feed, count = self.feed, self.count

        async def feeds_first(request: web.BaseRequest) -> web.StreamResponse:
            if request.method in _READS:
                found = feed(request.rel_url.path_safe)
                if found is not None:
                    route, body, cache = found
                    return _counted_now(route, count, request, body, cache)
            return await handler(request)

        return feeds_first


FEEDS_FIRST = web.AppKey("feeds_first", FeedsFirst)
_READS = frozenset({"GET", "HEAD"})


def _counted_now(
    route: str,
    count: Callable[[str, int], None],
    request: web.BaseRequest,
    body: Body,
    cache: str,
) -> web.Response:
    try:
        response = _calendar_response(request, body, cache)
    except BaseException:
        count(route, 500)
        raise
    count(route, response.status)
    return response


def _counted(route: str, handler: Handler, count: Callable[[str, int], None]) -> Handler:
    """`handler`, counting its answers by route template (never the path: it may hold a feed
    token). A wrapper per route rather than a middleware: the feed routes' hottest cost."""

    async def counted(request: web.Request) -> web.StreamResponse:
        try:
            response = await handler(request)
        except web.HTTPException as exc:
            count(route, exc.status)
            raise
        except BaseException:
            count(route, 500)
            raise
        count(route, response.status)
        return response

    return counted


async def metrics_page(request: web.Request) -> web.Response:
    return web.Response(body=request.app[METRICS].render(), headers={"Content-Type": CONTENT_TYPE})


def _not_found() -> web.Response:
    return web.Response(status=404, text="not found\n")


class _Calendars:
    """The calendar routes: what they read is bound here once, not looked up per request (these
    routes are polled all day; bench/feeds.py)."""

    def __init__(self, feeds: FeedCache, lookups: TokenLookups) -> None:
        self.feeds = feeds
        self.lookups = lookups

    async def all(self, request: web.Request) -> web.Response:
        body = self.feeds.all_feed
        assert body is not None  # built before the server starts
        return _calendar_response(request, body, PUBLIC_CACHE)

    async def schedule(self, request: web.Request) -> web.Response:
        # Public schedules only: the cache builds no feed for an agenda imported in a guild.
        body = self.feeds.schedule_feeds.get(request.match_info["schedule"])
        if body is None:
            return _not_found()
        return _calendar_response(request, body, PUBLIC_CACHE)

    async def session(self, request: web.Request) -> web.Response:
        schedule_id, session_id = request.match_info["schedule"], request.match_info["session"]
        if not (ID.match(schedule_id) and SESSION_ID.match(session_id)):
            return _not_found()
        snapshot = self.feeds.snapshot  # the one the served feeds were built from
        found = find_session(snapshot, PUBLIC, schedule_id, session_id) if snapshot else None
        if found is None:
            return _not_found()
        body = self.feeds.download(*found)
        name = f"{schedule_id}-{session_id.replace('@', '-')}.ics"  # as the bot names it
        return _calendar_response(request, body, PUBLIC_CACHE, name)

    async def personal(self, request: web.Request) -> web.Response:
        lookups, token = self.lookups, request.match_info["token"]
        selection = lookups.known(token)
        try:
            if selection is UNSEEN:
                selection = await lookups.lookup(token)
        except TokenStoreUnavailable:
            return web.Response(
                status=503,
                text="try again later\n",
                headers={"Retry-After": RETRY_AFTER, "Cache-Control": "no-store"},
            )
        if selection is None:
            return _not_found()
        return _calendar_response(request, self.feeds.personal(selection), PRIVATE_CACHE)


def _calendar_response(
    request: web.BaseRequest, body: Body, cache: str, filename: str | None = None
) -> web.Response:
    headers = request.headers
    gzipped = wants_gzip(headers.get("Accept-Encoding"))
    # Headers built once per body and kind of answer, not per request.
    etag, answer = body.headers(cache, filename, gzipped)
    if ("If-None-Match" in headers or "If-Modified-Since" in headers) and not_modified(
        headers, etag, body.last_modified
    ):
        return web.Response(status=304, headers=body.headers(cache, filename, gzipped, True)[1])
    return web.Response(body=body.gzipped if gzipped else body.data, headers=answer)


async def healthz(request: web.Request) -> web.Response:
    snapshot = request.app[LIBRARY].snapshot
    checks = request.app[HEALTH]
    report: dict[str, object] = {
        "process": "ok",
        "schedules": len(snapshot.schedules),
        "agenda_errors": len(snapshot.errors),
    }
    healthy = True
    if checks.database is not None:
        try:
            await asyncio.wait_for(asyncio.to_thread(checks.database), timeout=5)
            report["database"] = "ok"
        except Exception as exc:
            report["database"] = f"failing: {type(exc).__name__}"
            healthy = False
    report["discord"] = checks.discord() if checks.discord is not None else "not configured"
    if checks.sources is not None:
        report["sources"] = checks.sources()
    report["status"] = "ok" if healthy else "unhealthy"
    return web.Response(
        text=json.dumps(report),
        status=200 if healthy else 503,
        content_type="application/json",
        headers={"Cache-Control": "no-store"},
    )
