"""Real calendar parsers for the interop tests. The test command installs what they need:
ical.js from the npm registry into .cache/ (once), libical's bindings from Debian when missing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import ROOT

HERE = Path(__file__).resolve().parent
NODE_PREFIX = ROOT / ".cache" / "icaljs"
SYSTEM_PYTHON = "/usr/bin/python3"


def _run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, check=False, **kwargs)  # type: ignore[call-overload]


@pytest.fixture(scope="session")
def icaljs() -> Callable[[bytes, str], list[dict[str, object]]]:
    """Parse .ics bytes with ical.js under node, in the time zone `tz` (the machine's TZ)."""
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

    def parse(data: bytes, tz: str) -> list[dict[str, object]]:
        source = NODE_PREFIX / "calendar.ics"
        source.write_bytes(data)
        done = _run([node, str(script), str(source)], env={**os.environ, "TZ": tz})
        assert done.returncode == 0, done.stderr
        parsed: list[dict[str, object]] = json.loads(done.stdout)
        return parsed

    return parse


@pytest.fixture(scope="session")
def libical() -> Callable[[bytes], list[str]]:
    """libical's complaints (X-LIC-ERROR lines) about .ics bytes; an empty list means clean."""
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

    def check(data: bytes) -> list[str]:
        done = _run([SYSTEM_PYTHON, str(HERE / "libical_errors.py")], input=data.decode())
        assert done.returncode == 0, done.stderr
        errors: list[str] = json.loads(done.stdout)
        return errors

    return check
