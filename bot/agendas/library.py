"""The current agendas, re-read on demand, with the last good version of a broken file kept live."""

from __future__ import annotations

import asyncio
import logging
import re
import threading
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
Install = Callable[[], None]
Preparer = Callable[[Snapshot], Install]


@dataclass(eq=False, slots=True)
class _Subscriber:
    """A plain listener (called on the loop), or a preparer (run in the worker thread; the
    install it returns is called on the loop)."""

    listener: Listener | None = None
    prepare: Preparer | None = None


@dataclass(frozen=True, slots=True)
class _Outcome:
    """One reading worked out in full (and saved) off the event loop, ready to go live at once."""

    snapshot: Snapshot
    accepted: dict[str, _Accepted]
    retired: dict[str, Schedule]
    announce: bool
    installs: dict[_Subscriber, Install]


class AgendaLibrary:
    """Reads a folder of agendas; `reload()` again whenever it may have changed.

    A reload reads the files, works out the revisions, saves them and prepares every
    `subscribe_prepared` subscriber in a worker thread; only the swap to the new snapshot, the
    installs and the plain listeners run on the event loop."""

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
        self._subscribers: list[_Subscriber] = []
        self._lock = asyncio.Lock()
        # A cancelled reload releases `_lock` while its thread runs on: saves never overlap.
        self._saving = threading.Lock()

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
        """Call `listener` with each new snapshot (after every reload that changed something),
        on the event loop, the moment it goes live: it must be quick."""
        self._subscribers.append(_Subscriber(listener=listener))

    async def subscribe_prepared(self, prepare: Preparer) -> None:
        """For work too slow for the event loop: `prepare(snapshot)` runs in the reload's
        worker thread before each new snapshot goes live and returns an install, called on the
        loop together with the swap (in subscription order with the plain listeners). The
        current snapshot is prepared and installed first, in a thread, between reloads. A
        `prepare` that raises is logged; its subscriber keeps what it had installed."""
        async with self._lock:
            install = await asyncio.to_thread(prepare, self._snapshot)
            install()
            self._subscribers.append(_Subscriber(prepare=prepare))

    def load(self) -> Snapshot:
        """Read the folder now and publish the result, all in the calling thread (blocking:
        for startup and one-off commands; a running service calls `reload`)."""
        return self._publish(self._read())

    async def reload(self) -> Snapshot:
        """`load` with everything but the swap off the event loop; concurrent calls run one
        after the other. Raises what reading or saving raised, and then nothing changed."""
        async with self._lock:
            outcome = await asyncio.to_thread(lambda: self._work_out(self._read()))
            return self._go_live(outcome)

    def _read(self) -> list[ReadResult]:
        """The files read for one reload (in its worker thread); a subclass may add to them."""
        return read_paths([self.folder], self.options) if self.folder.exists() else []

    def _publish(self, results: list[ReadResult]) -> Snapshot:
        """Work `results` out and put them live, all in the calling thread."""
        return self._go_live(self._work_out(results))

    def _work_out(self, results: list[ReadResult]) -> _Outcome:
        """Everything a reading leads to, from the live state, which it leaves untouched; saves
        the revisions and prepares the subscribers. Safe in a worker thread (one at a time)."""
        now = self.clock()
        live = self._snapshot
        accepted = dict(self._accepted)
        retired = dict(self._retired)
        diagnostics: list[Diagnostic] = []
        seen_files = set()
        for result in results:
            seen_files.add(result.file)
            diagnostics.extend(result.diagnostics)
            errors = sum(1 for d in result.diagnostics if d.severity is Severity.ERROR)
            previous = accepted.get(result.file)
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
                accepted[result.file] = _Accepted(result.schedules, errors, result.modified or now)
        for gone in set(accepted) - seen_files:
            del accepted[gone]
        schedules, first_seen = self._by_id(accepted, diagnostics)
        # advance and retire each return one schedule's revisions, read from the last book.
        book = live.revisions
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
            old = live.schedules.get(schedule_id) or retired.get(schedule_id)
            if mine and old is not None:
                retired[schedule_id] = replace(old, sessions=())
            else:
                retired.pop(schedule_id, None)
        for schedule_id in list(retired):
            if schedule_id in schedules:
                del retired[schedule_id]
        changed = schedules != dict(live.schedules) or revisions != dict(live.revisions)
        version = live.version + 1 if changed or live.version == 0 else live.version
        snapshot = Snapshot(
            version,
            MappingProxyType(schedules),
            MappingProxyType(revisions),
            tuple(diagnostics),
            MappingProxyType(dict(retired)),
            now,
            MappingProxyType(
                {
                    i: visibility_of(self.folder, s.source.file)
                    for i, s in [*retired.items(), *schedules.items()]
                }
            ),
        )
        with self._saving:
            if revisions != self._saved:
                self.store.save(revisions)
                self._saved = revisions
        announce = changed or version == 1
        installs: dict[_Subscriber, Install] = {}
        if announce:
            for subscriber in list(self._subscribers):
                if subscriber.prepare is None:
                    continue
                try:
                    installs[subscriber] = subscriber.prepare(snapshot)
                except Exception:
                    log.exception("preparing for agenda version %d failed", version)
        return _Outcome(snapshot, accepted, retired, announce, installs)

    def _go_live(self, outcome: _Outcome) -> Snapshot:
        """Swap to `outcome` and tell the subscribers: quick, for the event loop."""
        snapshot = outcome.snapshot
        self._accepted, self._retired = outcome.accepted, outcome.retired
        self._snapshot = snapshot
        if outcome.announce:
            for subscriber in list(self._subscribers):
                try:
                    if subscriber.listener is not None:
                        subscriber.listener(snapshot)
                    elif (install := outcome.installs.get(subscriber)) is not None:
                        install()
                except Exception:  # one listener's bug never keeps the others stale
                    log.exception("an agenda listener failed on version %d", snapshot.version)
        for diagnostic in snapshot.errors:
            log.warning("%s", diagnostic)
        return snapshot

    def _by_id(
        self, accepted: Mapping[str, _Accepted], diagnostics: list[Diagnostic]
    ) -> tuple[dict[str, Schedule], dict[str, datetime]]:
        schedules: dict[str, Schedule] = {}
        first_seen: dict[str, datetime] = {}
        owner: dict[str, str] = {}
        # Operators' files first: an import in a guild never takes over a public agenda's id.
        for file in sorted(accepted, key=lambda f: (not self._public(f), f)):
            live = accepted[file]
            for schedule in live.schedules:
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
                first_seen[schedule.id] = live.modified
                owner[schedule.id] = file
        return dict(sorted(schedules.items())), first_seen
