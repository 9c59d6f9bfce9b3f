"""The current agendas, re-read on demand, with the last good version of a broken file kept live."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import MappingProxyType

from bot.agendas.revision_store import MemoryRevisionStore, RevisionStore
from bot.domain.agenda import Schedule
from bot.domain.diagnostics import Diagnostic, Severity
from bot.domain.ics.revisions import DEFAULT_GRACE, Revision, advance, retire
from bot.domain.readers.context import ReadOptions
from bot.domain.readers.source import ReadResult, read_paths

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]

GUILDS_FOLDER = "guilds"
_GUILD_ID = re.compile(r"[0-9]{1,20}")


@dataclass(frozen=True, slots=True)
class Visibility:
    """Who may see a schedule, from where its file lies in the schedules folder:

    - outside `guilds/`: an operator's agenda, public (the web, all.ics, every guild);
    - under `guilds/<server id>/`: imported in that Discord server, seen only there;
    - anywhere else under `guilds/`, or outside the folder: nobody.
    """

    public: bool = False
    guild_id: int | None = None

    def visible_to(self, guild_id: int | None) -> bool:
        """Whether a guild (None: the public web, a DM) may see the schedule."""
        return self.public or (guild_id is not None and self.guild_id == guild_id)


PUBLIC = Visibility(public=True)
NOBODY = Visibility()


def visibility_of(folder: Path, file: str | Path) -> Visibility:
    """The one rule for who may see the schedules read from `file` (see `Visibility`)."""
    try:
        parts = Path(file).relative_to(folder).parts
    except ValueError:
        return NOBODY
    if not parts or parts[0].casefold() != GUILDS_FOLDER:
        return PUBLIC
    if len(parts) >= 3 and _GUILD_ID.fullmatch(parts[1]):
        return Visibility(guild_id=int(parts[1]))
    return NOBODY


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything read at one moment. `version` rises with every reload that changed anything."""

    version: int
    schedules: Mapping[str, Schedule]
    revisions: Mapping[str, Revision]
    diagnostics: tuple[Diagnostic, ...] = ()
    retired: Mapping[str, Schedule] = field(default_factory=dict)
    loaded_at: datetime | None = None
    visibility: Mapping[str, Visibility] = field(default_factory=dict)

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity is Severity.ERROR)

    def visibility_of(self, schedule_id: str) -> Visibility:
        """Who may see this schedule (live or retired); an unknown id is seen by nobody."""
        return self.visibility.get(schedule_id, NOBODY)

    @property
    def public(self) -> dict[str, Schedule]:
        """The schedules the public web may show: operators' files outside `guilds/`."""
        return self.visible_to(None)

    @property
    def public_retired(self) -> dict[str, Schedule]:
        """Retired public schedules (their cancelled sessions stay in public feeds a while)."""
        return {i: s for i, s in self.retired.items() if self.visibility_of(i).public}

    def visible_to(self, guild_id: int | None) -> dict[str, Schedule]:
        """The schedules a guild may see: the public ones and its own imports. `None` (the
        web, a DM) sees the public ones only."""
        return {
            i: s for i, s in self.schedules.items() if self.visibility_of(i).visible_to(guild_id)
        }


@dataclass(slots=True)
class _Accepted:
    """The version of one file that is live: its schedules and how many errors it had."""

    schedules: list[Schedule]
    errors: int
    modified: datetime


Listener = Callable[[Snapshot], None]


class AgendaLibrary:
    """Reads a folder of agendas; `reload()` again whenever it may have changed."""

    def __init__(
        self,
        folder: Path,
        options: ReadOptions,
        store: RevisionStore | None = None,
        clock: Clock = utc_now,
        grace: timedelta = DEFAULT_GRACE,
    ) -> None:
        self.folder = folder
        self.options = options
        self.store = store or MemoryRevisionStore()
        self.clock = clock
        self.grace = grace
        self._accepted: dict[str, _Accepted] = {}
        self._retired: dict[str, Schedule] = {}
        self._saved = self.store.load()
        self._snapshot = Snapshot(0, MappingProxyType({}), MappingProxyType(self._saved))
        self._listeners: list[Listener] = []
        self._lock = asyncio.Lock()

    @property
    def snapshot(self) -> Snapshot:
        return self._snapshot

    @property
    def guild_folder(self) -> Path:
        """Where agendas imported in Discord servers go: `guilds/<server id>/` under the folder."""
        return self.folder / GUILDS_FOLDER

    def _public(self, file: str) -> bool:
        return visibility_of(self.folder, file).public

    def subscribe(self, listener: Listener) -> None:
        """Call `listener` with each new snapshot (after every reload that changed something)."""
        self._listeners.append(listener)

    def load(self) -> Snapshot:
        """Read the folder now (blocking) and publish the result."""
        results = read_paths([self.folder], self.options) if self.folder.exists() else []
        return self._publish(results)

    async def reload(self) -> Snapshot:
        """`load` off the event loop; concurrent calls run one after the other."""
        async with self._lock:
            results = await asyncio.to_thread(
                lambda: read_paths([self.folder], self.options) if self.folder.exists() else []
            )
            return self._publish(results)

    def _publish(self, results: list[ReadResult]) -> Snapshot:
        now = self.clock()
        diagnostics: list[Diagnostic] = []
        seen_files = set()
        for result in results:
            seen_files.add(result.file)
            diagnostics.extend(result.diagnostics)
            errors = sum(1 for d in result.diagnostics if d.severity is Severity.ERROR)
            previous = self._accepted.get(result.file)
            broken = not result.schedules or (previous is not None and errors > previous.errors)
            if broken and previous is not None:
                diagnostics.append(
                    Diagnostic(
                        result.file,
                        0,
                        "the last good version stays live until this is fixed",
                        Severity.WARNING,
                    )
                )
                continue
            if result.schedules:
                self._accepted[result.file] = _Accepted(
                    result.schedules, errors, result.modified or now
                )
        for gone in set(self._accepted) - seen_files:
            del self._accepted[gone]
        schedules, first_seen = self._by_id(diagnostics)
        # advance and retire each return one schedule's revisions, read from the last book.
        book = self._snapshot.revisions
        revisions: dict[str, Revision] = {}
        for schedule_id, schedule in schedules.items():
            revisions.update(
                advance(
                    book,
                    schedule,
                    now=now,
                    first_seen=first_seen[schedule_id],
                    changed_at=first_seen[schedule_id],  # the file's time: same in every process
                    grace=self.grace,
                )
            )
        for schedule_id in {r.schedule_id for r in book.values()} - set(schedules):
            mine = retire(book, schedule_id, now=now, grace=self.grace)
            revisions.update(mine)
            old = self._snapshot.schedules.get(schedule_id) or self._retired.get(schedule_id)
            if mine and old is not None:
                self._retired[schedule_id] = replace(old, sessions=())
            else:
                self._retired.pop(schedule_id, None)
        for schedule_id in list(self._retired):
            if schedule_id in schedules:
                del self._retired[schedule_id]
        changed = schedules != dict(self._snapshot.schedules) or revisions != dict(
            self._snapshot.revisions
        )
        version = (
            self._snapshot.version + 1
            if changed or self._snapshot.version == 0
            else (self._snapshot.version)
        )
        snapshot = Snapshot(
            version,
            MappingProxyType(schedules),
            MappingProxyType(revisions),
            tuple(diagnostics),
            MappingProxyType(dict(self._retired)),
            now,
            MappingProxyType(
                {
                    i: visibility_of(self.folder, s.source.file)
                    for i, s in [*self._retired.items(), *schedules.items()]
                }
            ),
        )
        self._snapshot = snapshot
        if revisions != self._saved:
            self.store.save(revisions)
            self._saved = revisions
        if changed or version == 1:
            for listener in self._listeners:
                listener(snapshot)
        for diagnostic in snapshot.errors:
            log.warning("%s", diagnostic)
        return snapshot

    def _by_id(
        self, diagnostics: list[Diagnostic]
    ) -> tuple[dict[str, Schedule], dict[str, datetime]]:
        schedules: dict[str, Schedule] = {}
        first_seen: dict[str, datetime] = {}
        owner: dict[str, str] = {}
        # Operators' files first: an import in a guild never takes over a public agenda's id.
        for file in sorted(self._accepted, key=lambda f: (not self._public(f), f)):
            accepted = self._accepted[file]
            for schedule in accepted.schedules:
                if schedule.id in schedules:
                    diagnostics.append(
                        Diagnostic(
                            file,
                            schedule.source.line,
                            f"schedule id {schedule.id!r} is already used by {owner[schedule.id]}; "
                            "this one is ignored",
                            Severity.ERROR,
                        )
                    )
                    continue
                schedules[schedule.id] = schedule
                first_seen[schedule.id] = accepted.modified
                owner[schedule.id] = file
        return dict(sorted(schedules.items())), first_seen
