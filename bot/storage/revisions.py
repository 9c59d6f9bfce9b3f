"""The revision store in the database: the shared state that keeps feed servers stateless."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.app.clock import Clock, utc_now
from bot.domain.ics.revisions import Revision, revision_from_json, revision_to_json
from bot.storage.tables import RevisionRow

log = logging.getLogger(__name__)


class DatabaseRevisionStore:
    """Writes only what changed since it last loaded or saved; a concurrent writer computing the
    same revisions (same files, same stamps) makes the conflict harmless, so it retries once."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        clock: Clock = utc_now,
    ) -> None:
        self.sessions = sessions
        self.clock = clock
        # What the table holds, as revisions (None: a row that did not read). Kept as the
        # revisions the book already holds, not as their JSON: half a megabyte at 1,000 sessions.
        self._known: dict[str, Revision | None] = {}

    def load(self) -> dict[str, Revision]:
        with self.sessions() as db:
            rows = db.execute(select(RevisionRow.key, RevisionRow.data)).all()
        found: dict[str, Revision] = {}
        self._known = {}
        for key, data in rows:
            try:
                found[key] = revision_from_json(json.loads(data))
            except (ValueError, KeyError, TypeError) as exc:
                log.warning("revision %s unreadable (%s); it starts afresh", key, exc)
            self._known[key] = found.get(key)
        return found

    def save(self, revisions: Mapping[str, Revision]) -> None:
        for attempt in (1, 2):
            try:
                self._write(revisions)
                self._known = dict(revisions)
                return
            except IntegrityError:
                if attempt == 2:
                    raise
                self.load()  # another process wrote the same keys first: diff against them

    def _write(self, revisions: Mapping[str, Revision]) -> None:
        now = self.clock()
        with self.sessions.begin() as db:
            gone = [key for key in self._known if key not in revisions]
            if gone:
                db.execute(delete(RevisionRow).where(RevisionRow.key.in_(gone)))
            for key, revision in revisions.items():
                if key in self._known and self._known[key] == revision:
                    continue
                data = json.dumps(revision_to_json(revision), ensure_ascii=False, sort_keys=True)
                row = db.get(RevisionRow, key)
                schedule_id = key.split("/", 1)[0]
                if row is None:
                    db.add(RevisionRow(key=key, schedule_id=schedule_id, data=data, updated_at=now))
                else:
                    row.data, row.updated_at = data, now
