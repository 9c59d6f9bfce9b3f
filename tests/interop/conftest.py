"""Real calendar parsers for the interop tests. The test command installs what they need:
ical.js from the npm registry into .cache/ (once), libical's bindings from Debian when missing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import ROOT

HERE = Path(__file__).resolve().parent
NODE_PREFIX = ROOT / ".cache" / "icaljs"
SYSTEM_PYTHON = "/usr/bin/python3"


def _run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, check=False, **kwargs)  # type: ignore[call-overload]


IcalJs = Callable[..., list[dict[str, Any]]]


@pytest.fixture(scope="session")
def icaljs() -> IcalJs:
    """Parse .ics bytes with ical.js under node, in the time zone `tz` (the machine's TZ); with
    `until`, recurring events list their occurrences before it (at most `limit`)."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        pytest.fail("node and npm are needed for the ical.js interop tests (Debian: nodejs npm)")
    if not (NODE_PREFIX / "node_modules" / "ical.js").is_dir():
        NODE_PREFIX.mkdir(parents=True, exist_ok=True)
        installed = _run(
            [npm, "install", "--no-audit", "--no-fund", "--prefix", str(NODE_PREFIX), "ical.js@2"]
        )
        if installed.returncode != 0:
            pytest.fail(f"npm install ical.js failed: {installed.stderr[-2000:]}")
    script = NODE_PREFIX / "icaljs_events.mjs"
    shutil.copyfile(HERE / "icaljs_events.mjs", script)  # next to node_modules so import resolves

    def parse(
        data: bytes, tz: str, until: datetime | None = None, limit: int = 1000
    ) -> list[dict[str, Any]]:
        source = NODE_PREFIX / "calendar.ics"
        source.write_bytes(data)
        command = [node, str(script), str(source)]
        if until is not None:
            command += [until.astimezone(UTC).isoformat(), str(limit)]
        done = _run(command, env={**os.environ, "TZ": tz})
        assert done.returncode == 0, done.stderr
        parsed: list[dict[str, Any]] = json.loads(done.stdout)
        return parsed

    return parse


def _libical_bindings() -> None:
    probe = [SYSTEM_PYTHON, "-c", "import gi; gi.require_version('ICalGLib', '3.0')"]
    if _run(probe).returncode != 0:
        apt = shutil.which("apt-get")
        if apt is None:
            pytest.fail(
                "libical's GObject bindings are needed (Debian: gir1.2-ical-3.0 python3-gi)"
            )
        _run([apt, "update", "-qq"])
        installed = _run([apt, "install", "-y", "-qq", "gir1.2-ical-3.0", "python3-gi"])
        if installed.returncode != 0 or _run(probe).returncode != 0:
            pytest.fail(f"installing libical's bindings failed: {installed.stderr[-2000:]}")


@pytest.fixture(scope="session")
def libical() -> Callable[[bytes], list[str]]:
    """libical's complaints (X-LIC-ERROR lines) about .ics bytes; an empty list means clean."""
    _libical_bindings()

    def check(data: bytes) -> list[str]:
        done = _run([SYSTEM_PYTHON, str(HERE / "libical_errors.py")], input=data.decode())
        assert done.returncode == 0, done.stderr
        errors: list[str] = json.loads(done.stdout)
        return errors

    return check


@pytest.fixture(scope="session")
def libical_events() -> Callable[[bytes, datetime, datetime], list[dict[str, Any]]]:
    """Each VEVENT as libical reads it (UID, DTSTART and RECURRENCE-ID as UTC seconds), with the
    starts libical's own expansion gives a recurring one in [first, last)."""
    _libical_bindings()

    def expand(data: bytes, first: datetime, last: datetime) -> list[dict[str, Any]]:
        command = [
            SYSTEM_PYTHON,
            str(HERE / "libical_expand.py"),
            str(int(first.timestamp())),
            str(int(last.timestamp())),
        ]
        done = _run(command, input=data.decode())
        assert done.returncode == 0, done.stderr
        events: list[dict[str, Any]] = json.loads(done.stdout)
        return events

    return expand
