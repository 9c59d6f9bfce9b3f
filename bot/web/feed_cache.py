"""Feed bytes built once per agenda change, not per request, with their validators."""

from __future__ import annotations

import gzip
import hashlib
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.agendas.library import Snapshot
from bot.app.agendas import PUBLIC, public_retired, visible
from bot.app.calendars import session_file, speaker_links
from bot.domain.agenda import Schedule, Session
from bot.domain.feed_tokens import FeedSelection
from bot.domain.ics.calendars import Include, feed_calendar
from bot.web.conditional import http_date

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
CALENDAR_TYPE = "text/calendar; charset=utf-8"


@dataclass(frozen=True, slots=True)
class Body:
    """One representation of a feed: identity bytes, gzip bytes, a strong ETag for each."""

    data: bytes
    gzipped: bytes
    etag: str
    gzip_etag: str
    last_modified: datetime
    last_modified_header: str
    _headers: dict[tuple[str, str | None, bool, bool], tuple[str, Mapping[str, str]]] = field(
        default_factory=dict, compare=False, repr=False
    )
    _heads: dict[tuple[str, bool, bool], bytes] = field(
        default_factory=dict, compare=False, repr=False
    )

    def headers(
        self, cache: str, filename: str | None, gzipped: bool, not_modified: bool = False
    ) -> tuple[str, Mapping[str, str]]:
        """The ETag and the response headers for this body: gzip or identity bytes, a 304 or
        a 200, with `cache` as Cache-Control and `filename` for a download. Built once each."""
        key = (cache, filename, gzipped, not_modified)
        found = self._headers.get(key)
        if found is None:
            etag = self.gzip_etag if gzipped else self.etag
            headers = {
                "ETag": etag,
                "Last-Modified": self.last_modified_header,
                "Cache-Control": cache,
                "Vary": "Accept-Encoding",
            }
            if filename is not None:
                headers["Content-Disposition"] = f'attachment; filename="{filename}"'
            if not not_modified:
                headers["Content-Type"] = CALENDAR_TYPE
                if gzipped:
                    headers["Content-Encoding"] = "gzip"
            found = self._headers[key] = (etag, headers)
        return found

    def head(self, cache: str, gzipped: bool, not_modified: bool = False) -> bytes:
        """The start of an HTTP/1.1 answer for this body, as aiohttp writes it, up to where the
        Date and Server lines go: the status line, the headers of `headers()` and, for a 200,
        the Content-Length of the bytes chosen. Built once each."""
        key = (cache, gzipped, not_modified)
        found = self._heads.get(key)
        if found is None:
            _, headers = self.headers(cache, None, gzipped, not_modified)
            lines = ["HTTP/1.1 304 Not Modified" if not_modified else "HTTP/1.1 200 OK"]
            lines += [f"{name}: {value}" for name, value in headers.items()]
            if not not_modified:
                lines.append(f"Content-Length: {len(self.gzipped if gzipped else self.data)}")
            found = self._heads[key] = ("\r\n".join(lines) + "\r\n").encode()
        return found

    @classmethod
    def of(cls, data: bytes, last_modified: datetime) -> Body:
        # mtime=0 keeps the gzip bytes, and so their ETag, identical across rebuilds.
        packed = gzip.compress(data, compresslevel=6, mtime=0)
        stamp = last_modified.replace(microsecond=0)
        return cls(data, packed, _etag(data), _etag(packed), stamp, http_date(stamp))


def _etag(data: bytes) -> str:
    return '"' + hashlib.sha256(data).hexdigest()[:40] + '"'


@dataclass(frozen=True, slots=True)
class _Feeds:
    """Everything served for one snapshot; replaced whole, never changed in place (but for
    `extra`, the personal feeds and downloads built on request from this snapshot)."""

    snapshot: Snapshot
    schedule_feeds: Mapping[str, Body]
    all_feed: Body
    extra: OrderedDict[tuple[object, ...], Body] = field(default_factory=OrderedDict)


class FeedCache:
    """Public feeds (one per public schedule, and all of them), rebuilt from each new snapshot;
    personal feeds and downloads built on first request and kept until the next snapshot.
    Agendas imported in a guild get no public feed and are not in all.ics; a member's personal
    feed holds whatever they follow or starred.

    A new snapshot's feeds are built off the event loop (`prepare`, in the library's worker
    thread) and put live in one assignment: until then requests get the previous bytes, and
    never a mix of two snapshots."""

    def __init__(self, personal_limit: int = 10_000, *, base_url: str = "") -> None:
        self._live: _Feeds | None = None
        self._limit = personal_limit
        self._base_url = base_url  # speakers' pages are linked on it ("": not known)

    @property
    def snapshot(self) -> Snapshot | None:
        live = self._live
        return live.snapshot if live is not None else None

    @property
    def schedule_feeds(self) -> Mapping[str, Body]:
        live = self._live
        return live.schedule_feeds if live is not None else {}

    @property
    def all_feed(self) -> Body | None:
        live = self._live
        return live.all_feed if live is not None else None

    def prepare(self, snapshot: Snapshot) -> Callable[[], None]:
        """Build every public feed for `snapshot` without touching what is served (safe in any
        thread); the function returned puts them all live at once (call it on the event loop).
        For `AgendaLibrary.subscribe_prepared`."""
        public = visible(snapshot, PUBLIC)
        feeds = {
            schedule_id: self._build(schedule.title, [schedule], snapshot, None)
            for schedule_id, schedule in public.items()
        }
        everything = [*public.values(), *public_retired(snapshot).values()]
        built = _Feeds(snapshot, feeds, self._build("All agendas", everything, snapshot, None))

        def install() -> None:
            self._live = built

        return install

    def rebuild(self, snapshot: Snapshot) -> None:
        """Build every public feed for `snapshot` and serve them now, in the calling thread
        (blocking: for use before the server runs)."""
        self.prepare(snapshot)()

    def personal(self, selection: FeedSelection) -> Body:
        live = self._current()
        key = ("feed", selection.member, selection.schedule_ids, selection.sessions)
        cached = live.extra.get(key)
        if cached is None:
            snapshot = live.snapshot
            everything = [*snapshot.schedules.values(), *snapshot.retired.values()]
            cached = self._build("My agenda", everything, snapshot, selection.includes)
            self._remember(live, key, cached)
        return cached

    def download(self, schedule: Schedule, session: Session) -> Body:
        """The session's own calendar file, the same bytes the bot sends for it."""
        live = self._current()
        key = ("download", schedule.id, session.id)
        cached = live.extra.get(key)
        if cached is None:
            made = session_file(live.snapshot, schedule, session, base_url=self._base_url)
            cached = Body.of(made.data, made.changed_at or EPOCH)
            self._remember(live, key, cached)
        return cached

    def _current(self) -> _Feeds:
        if self._live is None:
            raise RuntimeError("FeedCache has no feeds yet (rebuild or prepare first)")
        return self._live

    def _remember(self, live: _Feeds, key: tuple[object, ...], body: Body) -> None:
        live.extra[key] = body
        while len(live.extra) > self._limit:
            live.extra.popitem(last=False)

    def _build(
        self,
        name: str,
        schedules: Iterable[Schedule],
        snapshot: Snapshot,
        include: Include | None,
    ) -> Body:
        chosen = list(schedules)
        links = speaker_links(snapshot, self._base_url)
        data = feed_calendar(name, chosen, snapshot.revisions, include=include, speakers=links)
        ids = {s.id for s in chosen}
        stamps = [
            r.changed_at
            for r in snapshot.revisions.values()
            if r.schedule_id in ids and (include is None or include(r.schedule_id, r.session.id))
        ]
        return Body.of(data, max(stamps, default=EPOCH))


__all__ = ["Body", "FeedCache"]
