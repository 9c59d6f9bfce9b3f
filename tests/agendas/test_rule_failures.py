"""Whatever expanding a rule raises stays with its series: the agenda keeps its other sessions,
the other agendas stay live, reloads go on working, and the series is kept out of calendars."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.agendas.library import AgendaLibrary, expand_schedule
from bot.domain import recurrence
from bot.domain.agenda import Recurrence, Schedule, Session, SourceRef
from bot.domain.diagnostics import Severity
from bot.domain.ics.calendars import feed_calendar
from bot.domain.readers.context import ReadOptions
from bot.domain.readers.source import ReadResult

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
# The rule the fake expander below fails on, as dateutil fails on some rules.
FAILING = "FREQ=WEEKLY;INTERVAL=3"


def agenda(schedule_id: str, rule: str, *, with_good_series: bool = False) -> Schedule:
    first = datetime(2026, 12, 2, 17, 0, tzinfo=BERLIN)
    series = [
        Session(
            "odd", "Odd one", first, first + timedelta(hours=1), repeat=Recurrence(rule), line=5
        )
    ]
    if with_good_series:
        series.append(
            Session(
                "weekly",
                "Weekly",
                first,
                first + timedelta(hours=1),
                repeat=Recurrence("FREQ=WEEKLY"),
                line=9,
            )
        )
    launch = Session("launch", "Launch", datetime(2026, 12, 3, 9, 0, tzinfo=BERLIN), line=12)
    moved = Session(
        "odd-moved",
        "Odd one, moved",
        first + timedelta(days=21, hours=1),
        series_id="odd",
        recurrence_id=first + timedelta(days=21),
        line=14,
    )
    return Schedule(
        schedule_id,
        schedule_id.title(),
        BERLIN,
        (launch,),
        SourceRef(f"{schedule_id}.yaml", 1),
        series=tuple(series),
        overrides=(moved,),
    )


class Library(AgendaLibrary):
    def __init__(self, folder: Path, *schedules: Schedule) -> None:
        super().__init__(folder, ReadOptions(), clock=lambda: NOW)
        self.schedules = schedules

    def _read(self) -> list[ReadResult]:
        return [
            ReadResult(str(self.folder / f"{s.id}.yaml"), [s], modified=NOW) for s in self.schedules
        ]


@pytest.fixture
def dateutil_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    """dateutil raising ValueError while it expands `FAILING` (as "year 10000 is out of range"
    does for some rules), the way no RecurrenceError says."""
    real = recurrence._rule

    class Failing:
        def __init__(self, made: Any) -> None:
            self.made = made

        def xafter(self, *args: Any, **kwargs: Any) -> Any:
            raise ValueError("year 10000 is out of range")

    def rule(text: str, first_start: datetime) -> Any:
        made = real(text, first_start)
        return Failing(made) if text == FAILING else made

    monkeypatch.setattr(recurrence, "_rule", rule)


@pytest.mark.usefixtures("dateutil_fails")
def test_a_value_error_from_dateutil_stays_with_its_series(tmp_path: Path) -> None:
    library = Library(
        tmp_path, agenda("broken", FAILING, with_good_series=True), agenda("fine", "FREQ=WEEKLY")
    )
    snapshot = library.load()  # raised ValueError before
    broken, fine = snapshot.schedules["broken"], snapshot.schedules["fine"]
    assert [s.id for s in broken.sessions][:3] == ["weekly@20261202", "launch", "weekly@20261209"]
    assert not any(s.series_id == "odd" for s in broken.sessions)
    # The series that failed is left out of the schedule, with its override: no RRULE for it.
    assert [s.id for s in broken.series] == ["weekly"] and broken.overrides == ()
    assert "odd@20261202" in {s.id for s in fine.sessions}
    [error] = snapshot.errors  # what /healthz counts as agenda_errors
    assert (error.file, error.line, error.severity) == (
        str(tmp_path / "broken.yaml"),
        5,
        Severity.ERROR,
    )
    assert "'Odd one' repeats" in error.message and FAILING in error.message
    feed = feed_calendar("All", snapshot.schedules.values(), snapshot.revisions).decode()
    assert feed.count("RRULE:FREQ=WEEKLY") == 2  # "weekly" of broken, "odd" of fine
    assert "INTERVAL=3" not in feed
    assert feed.count("UID:broken-odd@") == 0 and feed.count("UID:fine-odd@") == 2  # + override


@pytest.mark.usefixtures("dateutil_fails")
async def test_reloads_go_on_after_a_rule_raises(tmp_path: Path) -> None:
    library = Library(tmp_path, agenda("broken", FAILING), agenda("fine", "FREQ=WEEKLY"))
    library.load()
    snapshot = await library.reload()
    assert set(snapshot.schedules) == {"broken", "fine"}
    assert [s.id for s in snapshot.schedules["broken"].sessions] == ["launch"]
    assert len(snapshot.errors) == 1


def test_an_interval_of_zero_never_escapes(tmp_path: Path) -> None:
    """FREQ=WEEKLY;INTERVAL=0 makes dateutil run out of years (ValueError) unless the rule is
    refused when read: either way the schedule and the others are live, with one error."""
    library = Library(
        tmp_path, agenda("broken", "FREQ=WEEKLY;INTERVAL=0"), agenda("fine", "FREQ=WEEKLY")
    )
    snapshot = library.load()
    assert [s.id for s in snapshot.schedules["broken"].sessions] == ["launch"]
    assert snapshot.schedules["broken"].series == ()
    assert len(snapshot.errors) == 1
    assert any(s.series_id == "odd" for s in snapshot.schedules["fine"].sessions)


def test_a_runaway_rule_is_not_written_to_calendars() -> None:
    """Every five minutes: more occurrences than a window takes, so none is shown, and the
    calendar files leave the series out instead of handing calendar apps its RRULE."""
    rule = "FREQ=DAILY;BYHOUR=" + ",".join(map(str, range(24))) + ";BYMINUTE=0,5,10,15,20,25"
    made, problems = expand_schedule(
        agenda("minutely", rule), NOW - timedelta(days=7), NOW + timedelta(days=120), "m.yaml"
    )
    assert [p.line for p in problems] == [5]
    assert made.series == () and [s.id for s in made.sessions] == ["launch"]
    assert b"RRULE:FREQ=DAILY" not in feed_calendar("M", [made], {})
