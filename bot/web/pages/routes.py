"""The web agenda's routes: the list of agendas, an agenda, a session, a speaker, and the
static files. Only what the public web may see (`bot.app.agendas`): an agenda imported in a
Discord server answers exactly as an unknown id does.

Pages are rendered once per agenda version, language and address, and answered with a strong
ETag (If-None-Match gets 304). They vary by Accept-Language and by the language cookie the
switch (`?lang=`) sets. The script converting times runs from a file of ours only: the
Content-Security-Policy forbids inline script, and every other origin.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime

from aiohttp import web

from bot.agendas.library import AgendaLibrary, Snapshot
from bot.app.agendas import PUBLIC, find_session, visible
from bot.domain.patterns import compiled
from bot.texts.web import WEB_TEXTS
from bot.web.conditional import not_modified
from bot.web.feed_cache import FeedCache
from bot.web.ids import ID, SESSION_ID
from bot.web.pages.language import COOKIE, HTML_LANG, choose, supported
from bot.web.pages.render import Assets, PageCache, Templates
from bot.web.pages.views import Views

HTML = "text/html; charset=utf-8"
POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
PAGE_CACHE = "public, max-age=300"
STATIC_CACHE = "public, max-age=86400"
COOKIE_AGE = 365 * 24 * 3600
_NEVER = datetime(1970, 1, 1, tzinfo=UTC)  # pages carry no Last-Modified: ETags only
_PAGE_PREFIXES = ("/s/", "/speakers/")
# A page's address without its last slash: an agenda, a session, a speaker.
_PAGE_PATH = compiled(r"/s/[^/]+(?:/[^/]+)?|/speakers/[^/]+")

Build = Callable[[Views, Snapshot, Mapping[str, str]], bytes | None]


class Pages:
    """The page routes, bound once to what they read."""

    def __init__(self, library: AgendaLibrary, feeds: FeedCache, base_url: str) -> None:
        self.library = library
        self.feeds = feeds
        self.base_url = base_url.rstrip("/")
        self.assets = Assets()
        self.templates = Templates(self.assets)
        self.cache = PageCache()
        self.missing: dict[str, bytes] = {}  # the not-found page per language, once rendered

    # ---- routes ----------------------------------------------------------------------------

    async def index(self, request: web.Request) -> web.Response:
        def build(views: Views, snapshot: Snapshot, t: Mapping[str, str]) -> bytes:
            page = views.index(visible(snapshot, PUBLIC), t["all_agendas"])
            return self.templates.render("index.html", views.lang, page=page)

        return self._answer(request, ("index",), build)

    async def agenda(self, request: web.Request) -> web.Response:
        schedule_id = request.match_info["schedule"]
        if not ID.match(schedule_id):
            return self._not_found(request)

        def build(views: Views, snapshot: Snapshot, _: Mapping[str, str]) -> bytes | None:
            schedule = visible(snapshot, PUBLIC).get(schedule_id)
            if schedule is None:
                return None
            page = views.agenda(schedule)
            return self.templates.render("agenda.html", views.lang, agenda=page)

        return self._answer(request, ("agenda", schedule_id), build)

    async def session(self, request: web.Request) -> web.Response:
        schedule_id, session_id = request.match_info["schedule"], request.match_info["session"]
        if not (ID.match(schedule_id) and SESSION_ID.match(session_id)):
            return self._not_found(request)

        def build(views: Views, snapshot: Snapshot, _: Mapping[str, str]) -> bytes | None:
            found = find_session(snapshot, PUBLIC, schedule_id, session_id)
            if found is None:
                return None
            schedule, session = found
            agenda = views.agenda(schedule, with_days=False)
            return self.templates.render(
                "session.html",
                views.lang,
                agenda=agenda,
                session=views.session(schedule, session, dated=True),
            )

        return self._answer(request, ("session", schedule_id, session_id), build)

    async def speaker(self, request: web.Request) -> web.Response:
        speaker_id = request.match_info["speaker"]
        if not ID.match(speaker_id):
            return self._not_found(request)

        def build(views: Views, snapshot: Snapshot, _: Mapping[str, str]) -> bytes | None:
            profile = snapshot.speakers.get(speaker_id)
            if profile is None:
                return None
            page = views.speaker(profile, visible(snapshot, PUBLIC))
            return self.templates.render("speaker.html", views.lang, speaker=page)

        return self._answer(request, ("speaker", speaker_id), build)

    async def static(self, request: web.Request) -> web.Response:
        asset = self.assets.get(request.match_info["name"])
        if asset is None:
            return self._not_found(request)
        headers = {
            "ETag": asset.etag,
            "Cache-Control": STATIC_CACHE,
            "X-Content-Type-Options": "nosniff",
        }
        if "If-None-Match" in request.headers and not_modified(request.headers, asset.etag, _NEVER):
            return web.Response(status=304, headers=headers)
        return web.Response(
            body=asset.data, headers={**headers, "Content-Type": asset.content_type}
        )

    async def misplaced(self, request: web.Request) -> web.Response | None:
        """What a path no route matched gets, when it looks like a page's: a page's address
        with a slash at its end is sent to the page (`/s/x/` to `/s/x`, the query kept), any
        other under `/s/` or `/speakers/` gets the not-found page. None for other paths."""
        path = request.path
        if not path.startswith(_PAGE_PREFIXES):
            return None
        bare = path.rstrip("/")
        if bare != path and _PAGE_PATH.fullmatch(bare):
            target = request.rel_url.with_path(bare).with_query(request.rel_url.query)
            return web.Response(
                status=301, headers={"Location": str(target), "Cache-Control": PAGE_CACHE}
            )
        return self._not_found(request)

    # ---- answers ---------------------------------------------------------------------------

    def _answer(self, request: web.Request, key: tuple[str, ...], build: Build) -> web.Response:
        lang, remember = self._language(request)
        root = self.base_url or f"{request.scheme}://{request.host}"
        snapshot = self.feeds.snapshot or self.library.snapshot
        texts = WEB_TEXTS[lang]
        rendered = self.cache.get(
            snapshot,
            (*key, lang, root),
            lambda: build(Views(lang, root, snapshot.speakers), snapshot, texts),
        )
        if rendered is None:
            return self._not_found(request)
        headers = self._headers(lang)
        headers["ETag"] = rendered.etag
        # Without base_url the links follow the request's Host header: no cache may keep the
        # page and hand it to someone else.
        headers["Cache-Control"] = PAGE_CACHE if self.base_url else "no-store"
        if "If-None-Match" in request.headers and not_modified(
            request.headers, rendered.etag, _NEVER
        ):
            response = web.Response(status=304, headers=headers)
        else:
            response = web.Response(body=rendered.data, headers={**headers, "Content-Type": HTML})
        return self._remembered(response, remember)

    def _not_found(self, request: web.Request) -> web.Response:
        """The same answer for an unknown id and an agenda the public web may not see."""
        lang, remember = self._language(request)
        headers = self._headers(lang)
        headers["Cache-Control"] = "no-store"
        response = web.Response(
            status=404, body=self._missing(lang), headers={**headers, "Content-Type": HTML}
        )
        return self._remembered(response, remember)

    def _missing(self, lang: str) -> bytes:
        page = self.missing.get(lang)
        if page is None:
            page = self.missing[lang] = self.templates.render("not_found.html", lang)
        return page

    @staticmethod
    def _language(request: web.Request) -> tuple[str, str | None]:
        """The page's language, and the one to remember in the cookie (when the switch chose
        one the cookie does not hold yet)."""
        chosen = supported(request.query.get("lang"))
        cookie = request.cookies.get(COOKIE)
        lang = choose(chosen, cookie, request.headers.get("Accept-Language"))
        return lang, chosen if chosen is not None and chosen != cookie else None

    @staticmethod
    def _headers(lang: str) -> dict[str, str]:
        return {
            "Vary": "Accept-Language, Cookie",
            "Content-Language": HTML_LANG[lang],
            "Content-Security-Policy": POLICY,
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "same-origin",
        }

    @staticmethod
    def _remembered(response: web.Response, remember: str | None) -> web.Response:
        if remember is not None:
            response.set_cookie(
                COOKIE, remember, max_age=COOKIE_AGE, path="/", samesite="Lax", httponly=True
            )
        return response
