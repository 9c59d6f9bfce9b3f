"""`agenda-bot ics FILE --session series@YYYYMMDD`: one occurrence of a repeating session, the
same bytes as the bot's calendar button gives for it, whenever it is."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from icalendar import Calendar

from bot.agendas.library import AgendaLibrary
from bot.app.calendars import session_file
from bot.cli import cli
from bot.domain.readers.context import ReadOptions

CALL = """\
id: community-call
title: Community call
timezone: Europe/Berlin
sessions:
  - id: community-call
    title: Community call
    start: "2026-11-04 17:00"
    duration: 1h
    repeat: FREQ=WEEKLY;BYDAY=WE
    except: [2026-12-23]
"""


def call(tmp_path: Path) -> Path:
    path = tmp_path / "community-call.yaml"
    path.write_text(CALL)
    return path


def button_bytes(path: Path, occurrence_id: str) -> bytes:
    library = AgendaLibrary(
        path.parent, ReadOptions(), clock=lambda: datetime(2026, 11, 30, tzinfo=UTC)
    )
    snapshot = library.load()
    schedule = snapshot.schedules["community-call"]
    [occurrence] = [s for s in schedule.sessions if s.id == occurrence_id]
    return session_file(snapshot, schedule, occurrence).data


def test_one_occurrence_is_the_buttons_file(tmp_path: Path) -> None:
    path = call(tmp_path)
    result = CliRunner().invoke(cli, ["ics", str(path), "--session", "community-call@20261202"])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == button_bytes(path, "community-call@20261202")
    [event] = Calendar.from_ical(result.stdout_bytes).walk("VEVENT")
    assert event.decoded("dtstart") == datetime(2026, 12, 2, 16, 0, tzinfo=UTC)
    assert "RRULE" not in event and "RECURRENCE-ID" not in event


def test_an_occurrence_years_ahead_with_an_alarm(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli,
        ["ics", str(call(tmp_path)), "--session", "community-call@20290606", "--alarm", "15"],
    )
    assert result.exit_code == 0, result.output
    [event] = Calendar.from_ical(result.stdout_bytes).walk("VEVENT")
    assert event.decoded("dtstart") == datetime(2029, 6, 6, 15, 0, tzinfo=UTC)  # CEST
    assert b"TRIGGER:-PT15M" in result.stdout_bytes


@pytest.mark.parametrize(
    "session_id",
    [
        "community-call@20261223",  # cancelled
        "community-call@20261203",  # a Thursday
        "community-call@20261332",
        "community-call@99991231",
    ],
)
def test_no_such_occurrence(tmp_path: Path, session_id: str) -> None:
    result = CliRunner().invoke(cli, ["ics", str(call(tmp_path)), "--session", session_id])
    assert result.exit_code == 2
    assert f"Invalid value for --session: no session {session_id!r}" in result.stderr
