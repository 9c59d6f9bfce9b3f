"""The live library keeps repeating sessions expanded over a window around now, rolled forward
by the watcher's poll at least once a day."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.agendas.library import AgendaLibrary
from bot.agendas.watch import poll_imports
from bot.domain.agenda import Recurrence, Schedule, Session, SourceRef
from bot.domain.diagnostics import Severity
from bot.domain.readers.context import ReadOptions
from bot.domain.readers.source import ReadResult

LA = ZoneInfo("America/Los_Angeles")
NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)  # a Monday


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def team(rule: str = "FREQ=WEEKLY;BYDAY=TH") -> Schedule:
    first = datetime(2026, 10, 1, 10, 0, tzinfo=LA)
    series = Session(
        "standup", "Standup", first, first + timedelta(minutes=30), repeat=Recurrence(rule), line=4
    )
    launch = Session("launch", "Launch", datetime(2026, 12, 2, 9, 0, tzinfo=LA), line=9)
    return Schedule("team", "Team", LA, (launch,), SourceRef("team.yaml", 1), series=(series,))


class Library(AgendaLibrary):
    def __init__(self, folder: Path, schedule: Schedule, clock: Clock) -> None:
        super().__init__(folder, ReadOptions(), clock=clock)
        self.schedule = schedule

    def _read(self) -> list[ReadResult]:
        return [ReadResult(str(self.folder / "team.yaml"), [self.schedule], modified=NOW)]


def test_the_snapshot_holds_the_occurrences_of_a_week_back_and_four_months_ahead(
    tmp_path: Path,
) -> None:
    library = Library(tmp_path, team(), Clock(NOW))
    schedule = library.load().schedules["team"]
    occurrences = [s for s in schedule.sessions if s.series_id == "standup"]
    assert occurrences[0].id == "standup@20261126"  # last Thursday: within the week back
    assert occurrences[0].start == datetime(2026, 11, 26, 18, 0, tzinfo=UTC)  # PST
    assert occurrences[-1].start < NOW + timedelta(days=120) <= occurrences[-1].start + timedelta(7)
    assert [s.id for s in schedule.sessions[:3]] == [
        "standup@20261126",
        "launch",
        "standup@20261203",
    ]
    assert schedule.series == team().series  # the series stays, for calendars and labels
    # Revisions (what calendar files are written from) never hold an occurrence.
    revisions = library.snapshot.revisions
    assert "team/launch" in revisions and not any("@" in key for key in revisions)


def test_a_schedule_without_series_is_as_read(tmp_path: Path) -> None:
    plain = team()
    plain = Schedule(plain.id, plain.title, LA, plain.sessions, plain.source)
    library = Library(tmp_path, plain, Clock(NOW))
    assert library.load().schedules["team"] == plain


def test_a_rule_that_cannot_be_expanded_is_an_error_on_its_line(tmp_path: Path) -> None:
    library = Library(tmp_path, team("FREQ=WEEKLY;BYDAY=XX"), Clock(NOW))
    snapshot = library.load()
    assert [s.id for s in snapshot.schedules["team"].sessions] == ["launch"]
    [error] = snapshot.errors
    assert (error.line, error.severity) == (4, Severity.ERROR)
    assert "'Standup' repeats" in error.message and error.file.endswith("team.yaml")


async def test_the_poll_rolls_the_window_forward_once_a_day(tmp_path: Path) -> None:
    clock = Clock(NOW)
    library = Library(tmp_path, team(), clock)
    library.load()
    versions: list[int] = []
    library.subscribe(lambda snapshot: versions.append(snapshot.version))
    stop = asyncio.Event()
    poller = asyncio.create_task(poll_imports(library, stop, 0.01))  # no imports: rolls only
    try:
        await asyncio.sleep(0.1)
        assert versions == []  # not a day old yet: nothing read again
        clock.now = NOW + timedelta(days=4)
        for _ in range(200):
            if versions:
                break
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.1)
        assert versions == [2]  # read once, then not again for a day
    finally:
        stop.set()
        await poller
    ids = [s.id for s in library.snapshot.schedules["team"].sessions]
    assert ids[:2] == ["launch", "standup@20261203"]  # 26 November left the window
    assert library.snapshot.loaded_at == NOW + timedelta(days=4)
