"""--until reaches two years ahead at most: further is a usage error naming the option, never a
traceback or a complaint about the agenda."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli

STANDUP = """\
id: team
title: Team
timezone: Europe/Berlin
sessions:
  - id: standup
    title: Standup
    start: "2026-01-05 09:30"
    duration: 15m
    repeat: FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR
"""


def standup(tmp_path: Path) -> Path:
    path = tmp_path / "team.yaml"
    path.write_text(STANDUP)
    return path


@pytest.mark.parametrize("command", ["show", "reminders"])
@pytest.mark.parametrize("until", ["2050-01-01", "9999-12-31"])
def test_until_past_two_years_is_a_usage_error(tmp_path: Path, command: str, until: str) -> None:
    result = CliRunner().invoke(cli, [command, str(standup(tmp_path)), "--until", until])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Invalid value for '--until'" in result.stderr
    assert f"{until} is more than two years ahead" in result.stderr
    assert "occurrences in one window" not in result.stderr


def test_until_two_years_ahead_lists_every_weekday(tmp_path: Path) -> None:
    last = datetime.now(UTC).date() + timedelta(days=730)
    result = CliRunner().invoke(
        cli, ["show", str(standup(tmp_path)), "--until", last.isoformat(), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert len(result.stdout.split('"Standup"')) - 1 > 500
