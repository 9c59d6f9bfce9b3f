"""`show` and `reminders` on a repeating meeting: occurrence by occurrence, up to --until."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from click.testing import CliRunner

from bot.cli import cli

# Every Thursday 17:00-18:00 UTC since January 2026, but not on 8 October 2026; and one talk.
CALENDAR = """\
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Example//Calls//EN
X-WR-CALNAME:Calls
BEGIN:VEVENT
UID:weekly@example.org
SUMMARY:Weekly call
DTSTART:20260108T170000Z
DTEND:20260108T180000Z
RRULE:FREQ=WEEKLY;BYDAY=TH
EXDATE:20261008T170000Z
END:VEVENT
BEGIN:VEVENT
UID:talk@example.org
SUMMARY:Launch talk
DTSTART:20260301T090000Z
DTEND:20260301T100000Z
END:VEVENT
END:VCALENDAR
"""


def calls(tmp_path: Path) -> Path:
    path = tmp_path / "calls.ics"
    path.write_text(CALENDAR)
    return path


def thursdays(first: date, last: date) -> list[date]:
    return [
        first + timedelta(days=n)
        for n in range((last - first).days + 1)
        if (first + timedelta(days=n)).weekday() == 3
    ]


def test_show_lists_occurrences_from_today_up_to_until(tmp_path: Path) -> None:
    today = datetime.now(UTC).date()
    until = today + timedelta(days=27)
    result = CliRunner().invoke(
        cli, ["show", str(calls(tmp_path)), "--until", until.isoformat(), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    [schedule] = json.loads(result.stdout)["schedules"]
    sessions = schedule["sessions"]
    assert sessions[0]["title"] == "Launch talk"  # one-off sessions are listed as before
    assert "series" not in sessions[0]
    occurrences = sessions[1:]
    expected = [d for d in thursdays(today, until) if d != date(2026, 10, 8)]
    assert [o["start"] for o in occurrences] == [f"{d}T17:00:00+00:00" for d in expected]
    assert {(o["title"], o["repeats"]) for o in occurrences} == {("Weekly call", "every Thursday")}
    assert all(o["id"].startswith(o["series"] + "@") for o in occurrences)
    assert len({o["id"] for o in occurrences}) == len(occurrences)


def test_show_without_until_lists_the_next_four_months_in_a_table(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["show", str(calls(tmp_path))])
    assert result.exit_code == 0, result.output
    rows = [line for line in result.stdout.splitlines() if "Weekly call" in line]
    assert 15 <= len(rows) <= 18
    assert all(row.startswith("  17:00-18:00 UTC  Weekly call (every Thursday)") for row in rows)


def test_a_bad_until_is_a_usage_error_naming_the_option(tmp_path: Path) -> None:
    for command in ("show", "reminders"):
        result = CliRunner().invoke(cli, [command, str(calls(tmp_path)), "--until", "next week"])
        assert result.exit_code == 2
        assert "Invalid value for '--until': 'next week' is not a date" in result.stderr


def test_reminders_lists_one_reminder_per_occurrence(tmp_path: Path) -> None:
    now = datetime.now(UTC)
    until = now.date() + timedelta(days=20)
    result = CliRunner().invoke(
        cli, ["reminders", str(calls(tmp_path)), "--until", until.isoformat()]
    )
    assert result.exit_code == 0, result.output
    expected = [
        d
        for d in thursdays(now.date(), until)
        if d != date(2026, 10, 8) and datetime(d.year, d.month, d.day, 16, 45, tzinfo=UTC) >= now
    ]
    assert result.stdout.splitlines() == [
        f"{d} 16:45 UTC  session    15 min before {d} 17:00  calls: Weekly call" for d in expected
    ]
