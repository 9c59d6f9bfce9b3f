from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from click.testing import CliRunner
from icalendar import Calendar

from bot.cli import cli
from tests.helpers import PAGES, ROOT, SEED, free_port


def test_ics_writes_the_whole_agenda_to_stdout() -> None:
    result = CliRunner().invoke(cli, ["ics", str(SEED)])
    assert result.exit_code == 0
    calendar = Calendar.from_ical(result.stdout_bytes)
    assert len(calendar.walk("VEVENT")) == 9
    assert b"X-WR-CALNAME:" in result.stdout_bytes


def test_ics_session_download_with_an_alarm_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "sign-in.ics"
    result = CliRunner().invoke(
        cli, ["ics", str(SEED), "--session", "sign-in", "--alarm", "30", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    text = out.read_text()
    assert text.count("BEGIN:VEVENT") == 1 and "TRIGGER:-PT30M" in text
    assert "X-WR-CALNAME" not in text


def test_ics_is_byte_identical_for_an_unchanged_file() -> None:
    first = CliRunner().invoke(cli, ["ics", str(SEED)]).stdout_bytes
    assert CliRunner().invoke(cli, ["ics", str(SEED)]).stdout_bytes == first


def test_ics_errors_name_what_is_wrong() -> None:
    missing = CliRunner().invoke(cli, ["ics", str(SEED), "--session", "nope"])
    assert missing.exit_code == 2 and "no session 'nope'" in missing.stderr
    several = CliRunner().invoke(cli, ["ics", str(PAGES / "multi-event.md"), "--schedule", "x"])
    assert several.exit_code == 1 and "no schedule found" in several.stderr


def test_serve_runs_as_a_process_answers_and_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    folder = tmp_path / "schedules"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "serve", "--port", str(port)],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/calendars/istio-meetup-china-2021.ics"
        body = b""
        for _ in range(100):
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    body = response.read()
                break
            except OSError:
                time.sleep(0.1)
        assert len(Calendar.from_ical(body).walk("VEVENT")) == 9
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, output
    assert "feed server stopped" in output
    assert (tmp_path / ".agenda-bot" / "revisions.json").is_file()
