"""`show` says how monthly meetings and meetings several times a day repeat."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from bot.cli import cli

MEETUPS = """\
id: meetups
title: Meetups
timezone: Europe/Berlin
sessions:
  - id: first-wed
    title: First Wednesday
    start: "2026-12-02 19:00"
    repeat: FREQ=MONTHLY;BYDAY=1WE
  - id: fifteenth
    title: Fifteenth
    start: "2026-12-15 12:00"
    repeat: FREQ=MONTHLY;BYMONTHDAY=15
  - id: twice
    title: Twice on Tuesdays
    start: "2026-12-01 09:00"
    repeat: FREQ=WEEKLY;BYDAY=TU;BYHOUR=9,17;BYMINUTE=0
"""


def test_show_labels_monthly_and_twice_a_day(tmp_path: Path) -> None:
    path = tmp_path / "meetups.yaml"
    path.write_text(MEETUPS)
    result = CliRunner().invoke(cli, ["show", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    [schedule] = json.loads(result.stdout)["schedules"]
    labels = {s["title"]: s["repeats"] for s in schedule["sessions"]}
    assert labels == {
        "First Wednesday": "first Wednesday of the month",
        "Fifteenth": "monthly on the 15th",
        "Twice on Tuesdays": "every Tuesday at 9:00 and 17:00",
    }
    table = CliRunner().invoke(cli, ["show", str(path)]).stdout
    assert "first Wednesday of the month" in table
