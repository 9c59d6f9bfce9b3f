from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from click.testing import CliRunner, Result
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


def _serve_once(folder: Path, state_dir: Path) -> Result:
    """`serve` on a free port with `state_dir`: for settings that stop it before it listens."""
    arguments = ["serve", "--schedules", str(folder), "--port", str(free_port())]
    return CliRunner().invoke(cli, [*arguments, "--state-dir", str(state_dir)])


def test_serve_on_a_port_in_use_or_a_state_dir_that_is_a_file_says_so_in_one_line(
    tmp_path: Path,
) -> None:
    import socket

    folder = tmp_path / "schedules"
    folder.mkdir()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--schedules", str(folder), "--port", str(port)])
    assert result.exit_code == 1
    assert f"--port {port}: 127.0.0.1:{port} is already in use by another program" in (
        result.output
    )
    assert "Traceback" not in result.output
    state = tmp_path / "state"
    state.write_text("not a folder")
    result = _serve_once(folder, state)
    assert result.exit_code == 2  # click's own check of the option, one line too
    assert "--state-dir" in result.output and "is a file" in result.output
    assert "Traceback" not in result.output
    unwritable = tmp_path / "plain-file" / "state"
    (tmp_path / "plain-file").write_text("a file where a folder should be")
    result = _serve_once(folder, unwritable)
    assert result.exit_code == 1
    assert f"--state-dir {unwritable}:" in result.output
    assert "Traceback" not in result.output
