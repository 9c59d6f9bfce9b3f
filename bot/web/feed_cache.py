"""Feed bytes built once per agenda change, not per request, with their validators."""

from __future__ import annotations

import gzip
import hashlib
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from bot.agendas.library import Snapshot
from bot.domain.agenda import Schedule
from bot.domain.feed_tokens import FeedSelection
from bot.domain.ics.calendars import Include, feed_calendar, session_download
from bot.domain.ics.revisions import revision_key
from bot.web.conditional import http_date

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Body:
    """One representation of a feed: identity bytes, gzip bytes, a strong ETag for each."""

    data: bytes
    gzipped: bytes
    etag: str
    gzip_etag: str
    last_modified: datetime
    last_modified_header: str

    @classmethod
    def of(cls, data: bytes, last_modified: datetime) -> Body:
        # mtime=0 keeps the gzip bytes, and so their ETag, identical across rebuilds.
        packed = gzip.compress(data, compresslevel=6, mtime=0)
        stamp = last_modified.replace(microsecond=0)
        return cls(data, packed, _etag(data), _etag(packed), stamp, http_date(stamp))


def _etag(data: bytes) -> str:
    return '"' + hashlib.sha256(data).hexdigest()[:40] + '"'


class FeedCache:
    """Public feeds (one per public schedule, and all of them), rebuilt from each new snapshot;
    personal feeds and downloads built on first request and kept until the next snapshot.
    Agendas imported in a guild get no public feed and are not in all.ics; a member's personal
    feed holds whatever they follow or starred."""

    def __init__(self, personal_limit: int = 10_000) -> None:
        self.snapshot: Snapshot | None = None
        self.schedule_feeds: dict[str, Body] = {}
        self.all_feed: Body | None = None
        self._extra: OrderedDict[tuple[object, ...], Body] = OrderedDict()
        self._limit = personal_limit

    def rebuild(self, snapshot: Snapshot) -> None:
        """Build every public feed for `snapshot` (called when the agendas change)."""
        public = snapshot.public
        feeds = {
            schedule_id: self._build(schedule.title, [schedule], snapshot, None)
            for schedule_id, schedule in public.items()
        }
        everything = [*public.values(), *snapshot.public_retired.values()]
        all_feed = self._build("All agendas", everything, snapshot, None)
        self.snapshot, self.schedule_feeds, self.all_feed = snapshot, feeds, all_feed
        self._extra.clear()

    def personal(self, selection: FeedSelection) -> Body:
        snapshot = self._current()
        key = ("feed", selection.member, selection.schedule_ids, selection.sessions)
        cached = self._extra.get(key)
        if cached is None:
            everything = [*snapshot.schedules.values(), *snapshot.retired.values()]
            cached = self._build("My agenda", everything, snapshot, selection.includes)
            self._remember(key, cached)
        return cached

    def download(self, schedule: Schedule, session_id: str) -> Body | None:
        snapshot = self._current()
        session = next((s for s in schedule.sessions if s.id == session_id), None)
        if session is None:
            return None
        key = ("download", schedule.id, session_id)
        cached = self._extra.get(key)
        if cached is None:
            revision = snapshot.revisions.get(revision_key(schedule.id, session_id))
            data = session_download(schedule, session, revision)
            cached = Body.of(data, revision.changed_at if revision else EPOCH)
            self._remember(key, cached)
        return cached

    def _current(self) -> Snapshot:
        if self.snapshot is None:
            raise RuntimeError("FeedCache.rebuild has not run yet")
        return self.snapshot

    def _remember(self, key: tuple[object, ...], body: Body) -> None:
        self._extra[key] = body
        while len(self._extra) > self._limit:
            self._extra.popitem(last=False)

    def _build(
        self,
        name: str,
        schedules: Iterable[Schedule],
        snapshot: Snapshot,
        include: Include | None,
    ) -> Body:
        chosen = list(schedules)
        data = feed_calendar(name, chosen, snapshot.revisions, include=include)
        ids = {s.id for s in chosen}
        stamps = [
            r.changed_at
            for r in snapshot.revisions.values()
            if r.schedule_id in ids and (include is None or include(r.schedule_id, r.session.id))
        ]
        return Body.of(data, max(stamps, default=EPOCH))


__all__ = ["Body", "FeedCache"]
