"""`agenda-bot check URL` and `agenda-bot show URL`: fetched once under the sources' rules,
read and printed as a file is; `check` without paths checks the operator's [[sources]] too."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli
from tests.sources.conftest import CALENDAR, meetup

PAGES = {
    "/meetup.md": (200, "text/plain; charset=utf-8", meetup()),
    "/rust": (200, "text/calendar", CALENDAR),
    "/broken.md": (500, "text/plain", b"oops"),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        status, kind, body = PAGES.get(self.path, (404, "text/plain", b"not here"))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _run(*args: str, allow: bool = True, cwd: Path | None = None) -> tuple[int, str, str]:
    env = {"AGENDA_BOT_ALLOW_PRIVATE_SOURCES": "1" if allow else ""}
    old = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout, result.stderr


def test_check_reads_a_url_like_a_file(base: str) -> None:
    code, out, _ = _run("check", f"{base}/meetup.md", f"{base}/rust")
    assert code == 0
    assert out.splitlines() == [
        f"{base}/meetup.md: ok: 1 schedule, 3 sessions, 0 warnings, 0 errors",
        f"{base}/rust: ok: 1 schedule, 1 session, 0 warnings, 0 errors",
        "2 files, 0 failed",
    ]


def test_check_reports_a_url_that_fails(base: str) -> None:
    code, out, _ = _run("check", f"{base}/broken.md")
    assert code == 1
    assert f"  {base}/broken.md: error: cannot fetch: HTTP 500 Internal Server Error" in out


def test_a_private_address_is_refused_unless_allowed(base: str) -> None:
    code, out, _ = _run("check", f"{base}/meetup.md", allow=False)
    assert code == 1
    assert (
        f"{base}/meetup.md: error: cannot fetch: refused: 127.0.0.1 is a private or local address"
    ) in out


def test_show_prints_a_urls_sessions(base: str) -> None:
    code, out, _ = _run("show", f"{base}/meetup.md", "--format", "json")
    assert code == 0
    [schedule] = json.loads(out)["schedules"]
    assert schedule["id"] == "meetup" and schedule["timezone"] == "Europe/Berlin"
    assert [s["start"] for s in schedule["sessions"]][:2] == [
        "2030-03-14T17:00:00+00:00",
        "2030-03-14T17:30:00+00:00",
    ]


def test_check_without_paths_checks_the_followed_sources_too(base: str, tmp_path: Path) -> None:
    (tmp_path / "schedules").mkdir()
    (tmp_path / "schedules" / "meetup.md").write_bytes(meetup())
    (tmp_path / "agenda-bot.toml").write_text(
        f'[[sources]]\nurl = "{base}/rust"\n\n[[sources]]\nurl = "{base}/broken.md"\n'
        "interval = 5\n",
        encoding="utf-8",
    )
    code, out, _ = _run("check", cwd=tmp_path)
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == "schedules/meetup.md: ok: 1 schedule, 3 sessions, 0 warnings, 0 errors"
    assert lines[1] == f"{base}/rust: ok: 1 schedule, 1 session, 0 warnings, 0 errors"
    assert lines[2] == f"{base}/broken.md: FAILED: 0 schedules, 0 sessions, 0 warnings, 1 error"
    assert lines[-1] == "3 files, 1 failed"


@pytest.mark.parametrize(
    "argument",
    ["file:///etc/passwd", "ftp://example.org/agenda.md", "FILE:/etc/passwd", "gopher://x/1"],
)
def test_a_url_of_another_scheme_is_refused_as_such(argument: str) -> None:
    for command in ("check", "show"):
        code, _, err = _run(command, argument)
        assert code == 2, (command, err)
        assert "only http and https URLs" in err


def test_a_url_with_a_password_is_never_printed(base: str) -> None:
    url = base.replace("http://", "http://ops:hunter2@") + "/meetup.md"
    code, out, err = _run("check", url)
    assert code == 1
    assert "hunter2" not in out + err
    assert "user name or password" in out


def test_check_reports_two_followed_urls_giving_one_id(base: str, tmp_path: Path) -> None:
    (tmp_path / "schedules").mkdir()
    (tmp_path / "schedules" / "rust.yaml").write_bytes(
        b"id: meetup\ntitle: Rust\ntimezone: UTC\nsessions:\n"
        b"  - title: Talk\n    start: 2030-03-14 18:00\n    end: 2030-03-14 19:00\n"
    )
    (tmp_path / "agenda-bot.toml").write_text(
        f'[[sources]]\nurl = "{base}/meetup.md"\n', encoding="utf-8"
    )
    code, out, _ = _run("check", cwd=tmp_path)
    assert code == 1
    assert "schedule id 'meetup' is already used by" in out
