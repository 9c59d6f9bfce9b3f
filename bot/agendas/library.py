"""The current agendas, re-read on demand, with the last good version of a broken file kept live.

They are the files in the schedules folder (the operators') and the agendas Discord servers
imported, kept in the database so that every process reads the same ones.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import threading
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from bot.agendas.revision_store import MemoryRevisionStore, RevisionStore
from bot.agendas.snapshot import (
    GUILDS_FOLDER,
    NOBODY,
    PUBLIC,
    Snapshot,
    Visibility,
    visibility_of,
)
from bot.app.clock import Clock, utc_now
from bot.app.imports import ImportsMarker
from bot.domain.agenda import Schedule
from bot.domain.diagnostics import Diagnostic, Severity
from bot.domain.ics.revisions import DEFAULT_GRACE, Revision, advance, retire
from bot.domain.readers.context import ReadOptions
from bot.domain.readers.source import ReadResult, read_bytes, read_paths
from bot.domain.readers.translations import Edition, merge_editions
from bot.domain.recurrence import DEFAULT_AHEAD, DEFAULT_BEFORE, expand_schedule
from bot.domain.speakers.folder import SpeakerPages, read_speaker_pages
from bot.domain.speakers.linking import link_schedules

if TYPE_CHECKING:
    from bot.app.ports import ImportedAgendaStore

log = logging.getLogger(__name__)

__all__ = [
    "GUILDS_FOLDER",
    "ID_TAKEN",
    "NOBODY",
    "PUBLIC",
    "AgendaLibrary",
    "Snapshot",
    "Visibility",
    "visibility_of",
]


@dataclass(frozen=True, slots=True)
class _Read:
    """One file as read for a reload: `key` tells it from every other (a folder file and a
    server's import may be named alike); `result.file` is how messages name it."""

    key: str
    result: ReadResult
    visibility: Visibility


@dataclass(frozen=True, slots=True)
class _Reading:
    """Every file read for one reload, and the imports' marker read just before them."""

    files: list[_Read]
    marker: ImportsMarker | None = None
    speakers: SpeakerPages | None = None  # the pages in `speakers/` (operators': public)


@dataclass(slots=True)
class _Accepted:
    """The version of one file that is live: its schedules and how many errors it had."""

    file: str
    schedules: list[Schedule]
    errors: int
    modified: datetime
    visibility: Visibility
    translation_key: str | None = None  # its front matter's: pages sharing one are twins


# How old the window of occurrences may grow before a running library reads again (the watcher
# asks `due_to_roll`): a week back and four months ahead stay covered with a day to spare.
ROLL_EVERY = timedelta(days=1)

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
    marker: ImportsMarker | None
    owners: dict[str, str]
    speakers: SpeakerPages | None = None


class AgendaLibrary:
    """Reads a folder of agendas, and the servers' imports from `imports` when given (each seen
    in its server only); `reload()` again whenever either may have changed.

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
        *,
        imports: ImportedAgendaStore | None = None,
    ) -> None:
        self.folder = folder
        self.options = options
        self.store = store or MemoryRevisionStore()
        self.imports = imports
        self.clock = clock
        self.grace = grace
        self._accepted: dict[str, _Accepted] = {}
        self._retired: dict[str, Schedule] = {}
        self._saved = self.store.load()
        self._snapshot = Snapshot(0, MappingProxyType({}), MappingProxyType(self._saved))
        self._subscribers: list[_Subscriber] = []
        self._marker: ImportsMarker | None = None
        self._owners: dict[str, str] = {}  # live schedule id -> key of the file it came from
        self._speakers = SpeakerPages()  # the speaker pages live (a broken edit keeps these)
        self._lock = asyncio.Lock()
        # A cancelled reload releases `_lock` while its thread runs on: saves never overlap.
        self._saving = threading.Lock()

    @property
    def snapshot(self) -> Snapshot:
        return self._snapshot

    @property
    def imports_marker(self) -> ImportsMarker | None:
        """The imports' marker as of the live snapshot: another one in the store means a
        server imported an agenda since (in this process or another)."""
        return self._marker

    def due_to_roll(self) -> bool:
        """Whether the live snapshot's occurrences were worked out `ROLL_EVERY` ago or more
        (or never): a reload then brings the window of occurrences up to now."""
        loaded = self._snapshot.loaded_at
        return loaded is None or self.clock() - loaded >= ROLL_EVERY

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
        """Read the agendas now and publish the result, all in the calling thread (blocking:
        for startup and one-off commands; a running service calls `reload`)."""
        return self._go_live(self._work_out(self._read_all()))

    async def reload(self) -> Snapshot:
        """`load` with everything but the swap off the event loop; concurrent calls run one
        after the other. Raises what reading or saving raised, and then nothing changed."""
        async with self._lock:
            outcome = await asyncio.to_thread(lambda: self._work_out(self._read_all()))
            return self._go_live(outcome)

    def _read(self) -> list[ReadResult]:
        """The files read for one reload (in its worker thread); a subclass may add to them.
        Who may see each is decided by where it lies in the folder (`visibility_of`)."""
        return read_paths([self.folder], self.options) if self.folder.exists() else []

    def _read_all(self) -> _Reading:
        """The folder's files and the servers' imports, read for one reload."""
        files = [_Read(r.file, r, visibility_of(self.folder, r.file)) for r in self._read()]
        speakers = read_speaker_pages(self.folder, self._speakers)
        if self.imports is None:
            return _Reading(files, speakers=speakers)
        # The marker first: an import saved while the rows are read shows at the next poll.
        marker = self.imports.marker()
        for agenda in self.imports.imported():
            result = read_bytes(agenda.data, agenda.file, self.options, file_name=agenda.name)
            result.modified = agenda.updated_at
            visibility = Visibility(guild_id=agenda.guild_id)
            files.append(_Read(f"imported:{agenda.file}", result, visibility))
        return _Reading(files, marker, speakers)

    def _work_out(self, reading: _Reading) -> _Outcome:
        """Everything a reading leads to, from the live state, which it leaves untouched; saves
        the revisions and prepares the subscribers. Safe in a worker thread (one at a time)."""
        now = self.clock()
        live = self._snapshot
        accepted = dict(self._accepted)
        retired = dict(self._retired)
        diagnostics: list[Diagnostic] = []
        seen_files = set()
        for read in reading.files:
            result = read.result
            seen_files.add(read.key)
            diagnostics.extend(result.diagnostics)
            errors = sum(1 for d in result.diagnostics if d.severity is Severity.ERROR)
            previous = accepted.get(read.key)
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
                accepted[read.key] = _Accepted(
                    result.file,
                    result.schedules,
                    errors,
                    result.modified or now,
                    read.visibility,
                    result.translation_key,
                )
        for gone in set(accepted) - seen_files:
            del accepted[gone]
        shown = _with_translations(accepted, diagnostics)
        read_schedules, owners = self._by_id(shown, diagnostics, self._owners)
        speakers = reading.speakers or SpeakerPages()
        diagnostics.extend(speakers.diagnostics)
        # Sessions name their speakers' profiles before anything is worked out from them.
        read_schedules = link_schedules(read_schedules, speakers.profiles)
        schedules = {
            i: self._expanded(s, now, shown[owners[i]].file, diagnostics)
            for i, s in read_schedules.items()
        }
        first_seen = {i: shown[key].modified for i, key in owners.items()}
        # advance and retire each return one schedule's revisions, read from the last book.
        book = live.revisions
        revisions: dict[str, Revision] = {}
        # Calendars write a series as one event: its occurrences have no revisions of their own.
        for schedule_id, schedule in read_schedules.items():
            revisions.update(
                advance(
                    book,
                    _without_occurrences(schedule),
                    now=now,
                    first_seen=first_seen[schedule_id],
                    changed_at=first_seen[schedule_id],  # the file's time: same in every process
                    grace=self.grace,
                    speakers=speakers.profiles,  # what a profile adds to an event counts too
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
        changed = changed or dict(speakers.profiles) != dict(live.speakers)
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
                    **{i: live.visibility_of(i) for i in retired},
                    **{i: shown[key].visibility for i, key in owners.items()},
                }
            ),
            speakers=MappingProxyType(dict(speakers.profiles)),
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
        return _Outcome(
            snapshot, accepted, retired, announce, installs, reading.marker, owners, speakers
        )

    def _go_live(self, outcome: _Outcome) -> Snapshot:
        """Swap to `outcome` and tell the subscribers: quick, for the event loop."""
        snapshot = outcome.snapshot
        self._accepted, self._retired = outcome.accepted, outcome.retired
        self._snapshot = snapshot
        self._marker = outcome.marker
        self._owners = outcome.owners
        self._speakers = outcome.speakers or self._speakers
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

    @staticmethod
    def _expanded(
        schedule: Schedule, now: datetime, file: str, diagnostics: list[Diagnostic]
    ) -> Schedule:
        """`schedule` with its series' occurrences from a week before `now` to four months
        after among its sessions (see `expand_schedule`)."""
        made, problems = expand_schedule(schedule, now - DEFAULT_BEFORE, now + DEFAULT_AHEAD, file)
        diagnostics.extend(problems)
        return made

    @staticmethod
    def _by_id(
        accepted: Mapping[str, _Accepted],
        diagnostics: list[Diagnostic],
        held: Mapping[str, str] | None = None,
    ) -> tuple[dict[str, Schedule], dict[str, str]]:
        """The live schedules by id, and the key of the file each came from (see `placed`)."""
        schedules: dict[str, Schedule] = {}
        owners: dict[str, str] = {}
        for key, schedule, problem in placed(accepted, held or {}):
            if problem is not None:
                live = accepted[key]
                diagnostics.append(
                    Diagnostic(live.file, schedule.source.line, problem, Severity.ERROR)
                )
                continue
            schedules[schedule.id] = schedule
            owners[schedule.id] = key
        return dict(sorted(schedules.items())), owners


def placed(
    accepted: Mapping[str, _Accepted], held: Mapping[str, str]
) -> list[tuple[str, Schedule, str | None]]:
    """Every schedule of the accepted files with the id it goes live under, or the problem that
    keeps it out: (file key, schedule, problem).

    Public agendas are placed first (in file order) and keep the ids they ask for; a second
    public file asking for a taken id is an error. A server's agenda asking for an id that a
    public agenda or another agenda of the same server holds is an error too (the server sees
    both; the first file by key keeps it). An id held by another server's agenda is never
    refused, and never taken from it: of the servers asking for one id, the one holding it in
    `held` (the live snapshot) keeps it, else the one whose file changed first (then the file
    key); the others' agendas get a free id made from their server and the id asked for
    (`free_id`), the same on every reload and in every process reading the same files."""
    out: list[tuple[str, Schedule, str | None]] = []
    taken: dict[str, str] = {}  # id -> key of its file
    public = sorted(k for k in accepted if accepted[k].visibility.public)
    for key in public:
        for schedule in accepted[key].schedules:
            if schedule.id in taken:
                out.append((key, schedule, _used_by(schedule.id, accepted[taken[schedule.id]])))
                continue
            taken[schedule.id] = key
            out.append((key, schedule, None))
    claims: dict[str, list[tuple[str, Schedule]]] = {}
    for key in sorted(k for k in accepted if not accepted[k].visibility.public):
        for schedule in accepted[key].schedules:
            claims.setdefault(schedule.id, []).append((key, schedule))
    moved: list[tuple[str, Schedule]] = []
    for wanted, claimants in sorted(claims.items()):
        holder_key = held.get(wanted)
        was = accepted.get(holder_key) if holder_key is not None else None
        holder_seen = was.visibility if was is not None else None
        first: dict[int | None, tuple[bool, datetime, str]] = {}
        for key, _ in claimants:
            seen = accepted[key].visibility
            rank = (seen != holder_seen, accepted[key].modified, key)
            first[seen.guild_id] = min(first.get(seen.guild_id, rank), rank)
        claimants.sort(key=lambda c: (first[accepted[c[0]].visibility.guild_id], c[0]))
        for key, schedule in claimants:
            guild = accepted[key].visibility.guild_id
            holder = taken.get(wanted)
            if holder is None:
                taken[wanted] = key
                out.append((key, schedule, None))
            elif accepted[holder].visibility.visible_to(guild):
                out.append((key, schedule, _used_by(wanted, accepted[holder])))
            else:
                moved.append((key, schedule))
    for key, schedule in moved:
        new_id = free_id(schedule.id, accepted[key].visibility.guild_id, taken.keys() | claims)
        taken[new_id] = key
        out.append((key, replace(schedule, id=new_id), None))
    return out


# The words of the problem an agenda gets when its id is held by another it is seen beside:
# what the sources' status looks for to tell why a followed URL's agenda is not live.
ID_TAKEN = "is already used by"


def _used_by(schedule_id: str, holder: _Accepted) -> str:
    return f"schedule id {schedule_id!r} {ID_TAKEN} {holder.file}; this one is ignored"


def free_id(wanted: str, guild_id: int | None, taken: Collection[str]) -> str:
    """The id a server's agenda gets when the one it asks for is held by an agenda the server
    cannot see: the id asked for and a short mark of the server (`basic-3f9a1c`), the same
    for the same server and id wherever it is worked out; `-2`, `-3`... on the rare clash."""
    mark = hashlib.sha256(f"{guild_id}/{wanted}".encode()).hexdigest()[:6]
    base = f"{wanted}-{mark}"
    found, n = base, 1
    while found in taken:
        n += 1
        found = f"{base}-{n}"
    return found


def _with_translations(
    accepted: Mapping[str, _Accepted], diagnostics: list[Diagnostic]
) -> dict[str, _Accepted]:
    """The live files with an agenda published in several languages (`meetup.md` and its
    `meetup.zh.md`, seen by the same people) merged into one schedule, the primary file's; it
    changed when any of them did. A twin merged whole holds no schedule; one that cannot be
    read, or could never be, leaves the primary as it is. Should merging fail, every file
    stays as read."""
    editions = [
        Edition(key, live.file, tuple(live.schedules), live.translation_key, live.visibility)
        for key, live in accepted.items()
    ]
    try:
        merged = merge_editions(editions)
    except Exception:  # translations never take the agendas down
        log.exception("merging agendas published in several languages failed")
        return dict(accepted)
    diagnostics.extend(merged.diagnostics)
    shown: dict[str, _Accepted] = {}
    for key, live in accepted.items():
        twins = merged.merged_from.get(key, [])
        modified = max([live.modified, *(accepted[t].modified for t in twins)])
        shown[key] = replace(live, schedules=list(merged.schedules[key]), modified=modified)
    return shown


def _without_occurrences(schedule: Schedule) -> Schedule:
    """`schedule` as read: its one-off sessions only, the occurrences of its series left out."""
    if not any(s.series_id is not None for s in schedule.sessions):
        return schedule
    return replace(schedule, sessions=tuple(s for s in schedule.sessions if s.series_id is None))
