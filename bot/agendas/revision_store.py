"""Where session revisions live between restarts, so SEQUENCE keeps rising instead of resetting."""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

from bot.domain.ics.revisions import Revision, revision_from_json, revision_to_json

log = logging.getLogger(__name__)


class RevisionStore(Protocol):
    def load(self) -> dict[str, Revision]: ...

    def save(self, revisions: Mapping[str, Revision]) -> None: ...


class MemoryRevisionStore:
    """Revisions for one process lifetime (tests, one-off commands)."""

    def __init__(self) -> None:
        self._revisions: dict[str, Revision] = {}

    def load(self) -> dict[str, Revision]:
        return dict(self._revisions)

    def save(self, revisions: Mapping[str, Revision]) -> None:
        self._revisions = dict(revisions)


class JsonRevisionStore:
    """Revisions in one JSON file, replaced atomically on every save."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> dict[str, Revision]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            revisions = [revision_from_json(item) for item in data["revisions"]]
        except FileNotFoundError:
            return {}
        except (OSError, ValueError, KeyError, TypeError) as exc:
            # A damaged state file costs SEQUENCE history, never the service.
            log.warning("revision state %s unreadable (%s); starting afresh", self.path, exc)
            return {}
        return {r.key: r for r in revisions}

    def save(self, revisions: Mapping[str, Revision]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = {"revisions": [revision_to_json(r) for _, r in sorted(revisions.items())]}
        fd, temp = tempfile.mkstemp(dir=self.path.parent, prefix=".revisions-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(payload, handle, ensure_ascii=False, indent=1)
            Path(temp).replace(self.path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
