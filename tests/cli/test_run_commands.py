from __future__ import annotations

import asyncio
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy.engine import make_url

from bot.cli import cli
from bot.cli.demo import demo_agenda, demo_settings
from bot.cli.preflight import check_port
from bot.config import SettingsError, StartupError, load_settings
from bot.domain.reminders.plan import Leads
from tests.database import POSTGRES_URL
from tests.helpers import PAGES, ROOT, SEED, free_port


def test_reminders_lists_what_would_be_sent_and_when() -> None:
    result = CliRunner().invoke(
        cli, ["reminders", str(PAGES / "toml-front-matter.md"), "--tz", "Europe/Berlin", "--all"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "2024-03-27 18:30 UTC+01:00  event    1440 min before 2024-03-28 18:30  toml-front-matter: Doors open",
        "2024-03-28 18:15 UTC+01:00  session    15 min before 2024-03-28 18:30  toml-front-matter: Doors open",
        "2024-03-28 18:45 UTC+01:00  session    15 min before 2024-03-28 19:00  toml-front-matter: Gateway API in practice",
        "2024-03-28 19:15 UTC+01:00  session    15 min before 2024-03-28 19:30  toml-front-matter: Panel: the mesh in 2024",
        "2024-03-28 20:00 UTC+01:00  session    15 min before 2024-03-28 20:15  toml-front-matter: Networking & pizza",
    ]
    past = CliRunner().invoke(cli, ["reminders", str(PAGES / "toml-front-matter.md")])
    assert past.stdout == "" and "5 reminders already past" in past.stderr


def test_db_upgrade_migrates_and_reports_the_revision(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    result = CliRunner(env={"DATABASE_URL": url}).invoke(cli, ["db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "database at revision 0007 (was empty; latest 0007)"
    again = CliRunner(env={"DATABASE_URL": url}).invoke(cli, ["db", "upgrade"])
    assert again.stdout.strip() == "database at revision 0007 (was 0007; latest 0007)"


def test_settings_come_from_the_file_then_the_environment(tmp_path: Path) -> None:
    config = tmp_path / "agenda-bot.toml"
    config.write_text('session_leads = "1h,15m"\nevent_lead = "off"\nport = 9000\n')
    settings = load_settings(config, {"AGENDA_BOT_PORT": "9100", "DISCORD_TOKEN": "sekrit"})
    assert settings.port == 9100
    assert settings.leads.event is None and len(settings.leads.sessions) == 2
    assert settings.discord_token == "sekrit"
    assert "sekrit" not in repr(settings)


@pytest.mark.parametrize(
    ("content", "env", "message"),
    [
        ('discord_token = "x"\n', {}, "discord_token is a secret; set it in the environment"),
        ('color = "blue"\n', {}, "unknown setting 'color'"),
        (
            "",
            {"AGENDA_BOT_SESSION_LEADS": "soon"},
            "AGENDA_BOT_SESSION_LEADS: 'soon' is not a lead time",
        ),
        ("", {"AGENDA_BOT_PORT": "99999"}, "AGENDA_BOT_PORT = '99999' is not a port number"),
        (
            "",
            {"AGENDA_BOT_SESSION_LEADS": "1e300d"},
            "AGENDA_BOT_SESSION_LEADS: '1e300d' is too long; a lead time is at most 365 days",
        ),
        (
            "",
            {"AGENDA_BOT_EVENT_LEAD": "400d"},
            "AGENDA_BOT_EVENT_LEAD: '400d' is too long; a lead time is at most 365 days",
        ),
        (
            "",
            {"AGENDA_BOT_EVENT_LEAD": "infd"},
            "AGENDA_BOT_EVENT_LEAD: 'infd' is too long; a lead time is at most 365 days",
        ),
        (
            "",
            {"AGENDA_BOT_SESSION_LEADS": "nanm"},
            "AGENDA_BOT_SESSION_LEADS: 'nanm' is not a lead time",
        ),
        (
            "",
            {"DISCORD_CHANNEL_ID": "general"},
            "DISCORD_CHANNEL_ID = 'general' is not a channel id",
        ),
        ("", {"DISCORD_API_BASE": "ftp://x"}, "DISCORD_API_BASE = 'ftp://x' is not an http(s) URL"),
        (
            'default_timezone = "CST"\n',
            {},
            "default_timezone = 'CST' is not an IANA time zone name",
        ),
    ],
)
def test_a_wrong_setting_is_named(
    tmp_path: Path, content: str, env: dict[str, str], message: str
) -> None:
    config = tmp_path / "agenda-bot.toml"
    config.write_text(content)
    with pytest.raises(SettingsError) as error:
        load_settings(config, env)
    assert message in str(error.value)


# ---- settings that do not work here: one line naming the setting, exit 1 -------------------


def _cli(
    workdir: Path, args: list[str], env: dict[str, str], timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """The real command line, in `workdir`, with only the settings given in `env`."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("AGENDA_BOT_", "DISCORD_", "SHARD_")) and k != "DATABASE_URL"
    }
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=workdir,
        env={**clean, "PYTHONPATH": str(ROOT), **env},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def _workdir(tmp_path: Path) -> Path:
    (tmp_path / "schedules").mkdir()
    shutil.copy(SEED, tmp_path / "schedules" / SEED.name)
    return tmp_path


def test_run_on_a_port_in_use_says_so_in_one_line(tmp_path: Path) -> None:
    workdir = _workdir(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = _cli(workdir, ["run"], {"AGENDA_BOT_PORT": str(port)})
    assert done.returncode == 1, done.stderr
    assert done.stderr.splitlines() == [
        f"Error: AGENDA_BOT_PORT = {port}: 127.0.0.1:{port} is already in use by another program"
    ]


def _postgres(database: str | None = None, port: int | None = None) -> str:
    url = make_url(POSTGRES_URL)
    if database is not None:
        url = url.set(database=database)
    if port is not None:
        url = url.set(port=port)
    return url.render_as_string(hide_password=False)


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        (
            {"AGENDA_BOT_STATE_DIR": "{tmp}/a-file"},
            "Error: AGENDA_BOT_STATE_DIR = {tmp}/a-file: not a folder",
        ),
        (
            {"AGENDA_BOT_STATE_DIR": "{tmp}/a-file/state"},
            "Error: AGENDA_BOT_STATE_DIR = {tmp}/a-file/state: cannot create the folder "
            "(Not a directory)",
        ),
        (
            {"AGENDA_BOT_SCHEDULES": "{tmp}/nowhere"},
            "Error: AGENDA_BOT_SCHEDULES = {tmp}/nowhere: no such folder",
        ),
        (
            {"DATABASE_URL": "mysql://agenda:secret@localhost/agenda"},
            "Error: DATABASE_URL = mysql://agenda:***@localhost/agenda: unsupported database "
            "'mysql'; use sqlite:///PATH or postgresql://USER@HOST/DATABASE",
        ),
        (
            {"DATABASE_URL": "not a url"},
            "Error: DATABASE_URL = not a url: not a database URL; "
            "use sqlite:///PATH or postgresql://USER@HOST/DATABASE",
        ),
        (
            {"DATABASE_URL": _postgres(database="agenda_bot_no_such_database")},
            "Error: DATABASE_URL = {url}: cannot connect: "
            'database "agenda_bot_no_such_database" does not exist',
        ),
        (
            {"DATABASE_URL": _postgres(port=free_port())},
            "Error: DATABASE_URL = {url}: cannot connect: Connection refused",
        ),
    ],
    ids=[
        "state-dir-is-a-file",
        "state-dir-cannot-be-made",
        "no-schedules-folder",
        "unknown-driver",
        "not-a-url",
        "missing-database",
        "closed-port",
    ],
)
def test_run_with_a_setting_that_does_not_work_says_so_in_one_line(
    tmp_path: Path, env: dict[str, str], expected: str
) -> None:
    workdir = _workdir(tmp_path)
    (tmp_path / "a-file").write_text("")
    env = {k: v.replace("{tmp}", str(tmp_path)) for k, v in env.items()}
    url = env.get("DATABASE_URL", "")
    done = _cli(workdir, ["run"], {"AGENDA_BOT_PORT": str(free_port()), **env})
    assert done.returncode == 1, done.stderr
    assert done.stderr.splitlines() == [
        expected.replace("{tmp}", str(tmp_path)).replace("{url}", url)
    ]


def test_db_upgrade_with_an_unreachable_database_says_so_in_one_line(tmp_path: Path) -> None:
    url = _postgres(port=free_port())
    done = _cli(tmp_path, ["db", "upgrade"], {"DATABASE_URL": url})
    assert done.returncode == 1, done.stderr
    assert done.stderr.splitlines() == [
        f"Error: DATABASE_URL = {url}: cannot connect: Connection refused"
    ]


def test_a_default_setting_is_named_with_the_variable_that_changes_it(tmp_path: Path) -> None:
    config = tmp_path / "agenda-bot.toml"
    config.write_text("port = 9000\n")
    from_file = load_settings(config, {"AGENDA_BOT_STATE_DIR": "/srv/state"})
    assert from_file.setting("port") == f"{config}: port = 9000"
    assert from_file.setting("state_dir") == "AGENDA_BOT_STATE_DIR = /srv/state"
    assert from_file.setting("host") == ("host = 127.0.0.1 (the default; AGENDA_BOT_HOST sets it)")


def test_the_port_check_serve_shares_names_its_option() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(StartupError) as error:
            check_port("127.0.0.1", port, port_setting=f"--port {port}", host_setting="--host")
    assert str(error.value) == (
        f"--port {port}: 127.0.0.1:{port} is already in use by another program"
    )
    check_port("127.0.0.1", free_port(), port_setting="--port", host_setting="--host")


async def test_run_stops_with_one_line_when_the_port_is_taken_after_the_checks(
    tmp_path: Path,
) -> None:
    from bot.runtime import run_all

    workdir = _workdir(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        settings = load_settings(
            None,
            {
                "AGENDA_BOT_SCHEDULES": str(workdir / "schedules"),
                "AGENDA_BOT_STATE_DIR": str(workdir / "state"),
                "AGENDA_BOT_PORT": str(port),
            },
        )
        stop = asyncio.Event()
        with pytest.raises(StartupError) as error:
            await asyncio.wait_for(run_all(settings, stop), timeout=30)
    assert str(error.value) == (
        f"AGENDA_BOT_PORT = {port}: 127.0.0.1:{port} is already in use by another program"
    )


# ---- `reminders` reports what it could not read ---------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("missing.md", None, "{path}: error: no such file or folder"),
        ("empty.md", b"", "{path}: error: the file is empty"),
        (
            "image.md",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00",
            "{path}: error: this is a binary file, not an agenda",
        ),
        (
            "broken.yaml",
            b"title: Meetup\ntimezone: Mars/Olympus\nsessions:\n  - title: x\n    start: '10:00'\n",
            "{path}:2: error: timezone: unknown time zone 'Mars/Olympus'",
        ),
    ],
)
def test_reminders_prints_the_errors_of_what_it_could_not_read(
    tmp_path: Path, name: str, data: bytes | None, expected: str
) -> None:
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    result = CliRunner().invoke(cli, ["reminders", str(path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines()[0].startswith(expected.replace("{path}", str(path)))
    checked = CliRunner().invoke(cli, ["check", str(path)])
    assert f"  {result.stderr.splitlines()[0]}" in checked.stdout.splitlines()


def test_reminders_on_a_folder_without_agendas_says_so(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["reminders", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{tmp_path}: no agenda files found (.md, .markdown, .yaml, .yml, .ics)"
    ]


# ---- `run --demo` ---------------------------------------------------------------------------


def test_the_demo_agenda_starts_two_minutes_after_the_clock() -> None:
    now = datetime(2026, 3, 8, 9, 59, 30, 123456, tzinfo=UTC)
    settings = load_settings(None, {})
    demo = demo_agenda(now, settings, settings.read_options())
    assert demo.diagnostics == []
    [schedule] = demo.schedules
    assert (schedule.id, schedule.timezone_name) == ("agenda-bot-demo", "Asia/Shanghai")
    assert [(s.title, s.start.astimezone(UTC), s.end) for s in schedule.sessions] == [
        (
            "Welcome to agenda-bot",
            datetime(2026, 3, 8, 10, 1, 30, tzinfo=UTC),
            datetime(2026, 3, 8, 10, 3, 30, tzinfo=UTC),
        ),
        (
            "Lightning talk: one agenda, every time zone",
            datetime(2026, 3, 8, 10, 3, 30, tzinfo=UTC),
            datetime(2026, 3, 8, 10, 5, 30, tzinfo=UTC),
        ),
        (
            "Wrap-up",
            datetime(2026, 3, 8, 10, 5, 30, tzinfo=UTC),
            datetime(2026, 3, 8, 10, 7, 30, tzinfo=UTC),
        ),
    ]


def test_a_demo_run_reminds_one_minute_before_unless_leads_are_set() -> None:
    defaults = demo_settings(load_settings(None, {}))
    assert defaults.leads == Leads(sessions=(timedelta(minutes=1),), event=None)
    chosen = demo_settings(load_settings(None, {"AGENDA_BOT_SESSION_LEADS": "5m"}))
    assert chosen.leads == Leads(sessions=(timedelta(minutes=5),), event=None)
    both = demo_settings(
        load_settings(None, {"AGENDA_BOT_SESSION_LEADS": "5m", "AGENDA_BOT_EVENT_LEAD": "2h"})
    )
    assert both.leads == Leads(sessions=(timedelta(minutes=5),), event=timedelta(hours=2))


def _run_until(
    workdir: Path, args: list[str], settings: dict[str, str], seen: str, *, stream: str
) -> tuple[list[str], str, int]:
    """`agenda-bot run ...` as a process until `seen` shows in its `stream` ("stdout" or
    "stderr") or 45 s pass, then SIGTERM: that stream's lines, the other stream, the exit code."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("AGENDA_BOT_", "DISCORD_", "SHARD_")) and k != "DATABASE_URL"
    }
    env |= {"PYTHONPATH": str(ROOT), "AGENDA_BOT_PORT": str(free_port()), **settings}
    lines: list[str] = []
    with subprocess.Popen(
        [sys.executable, "-m", "bot", *args],
        cwd=workdir,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        watched, other = (
            (process.stdout, process.stderr)
            if stream == "stdout"
            else (process.stderr, process.stdout)
        )
        reader = threading.Thread(target=lambda: lines.extend(watched or ()), daemon=True)
        reader.start()
        deadline = time.monotonic() + 45
        try:
            while time.monotonic() < deadline and not any(seen in x for x in lines):
                time.sleep(0.1)
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(30)
        reader.join(5)
        rest = other.read() if other else ""
    return lines, rest, process.returncode


def test_run_demo_prints_a_reminder_on_the_console(tmp_path: Path) -> None:
    # A lead just under the demo's two minutes: the first reminder is due a few seconds in.
    lines, errors, code = _run_until(
        _workdir(tmp_path),
        ["run", "--demo"],
        {"AGENDA_BOT_SESSION_LEADS": "115s"},
        "Welcome",
        stream="stdout",
    )
    assert any("Welcome to agenda-bot" in line for line in lines), "".join(lines) + errors
    assert lines[0].startswith("--- reminder to console")
    assert "demo: agenda 'agenda-bot-demo' starts at" in errors
    assert code == 0, errors


async def test_the_demo_is_served_with_the_folder_and_leaves_no_trace_in_the_feeds(
    tmp_path: Path,
) -> None:
    from bot.agendas.library import AgendaLibrary
    from bot.agendas.revision_store import MemoryRevisionStore
    from bot.runtime import LibraryWithExtras

    workdir = _workdir(tmp_path)
    settings = load_settings(None, {"AGENDA_BOT_SCHEDULES": str(workdir / "schedules")})
    options = settings.read_options()
    demo = demo_agenda(datetime.now(UTC), settings, options)
    store = MemoryRevisionStore()
    library = LibraryWithExtras(settings.schedules, options, store, [demo])
    assert set(library.load().schedules) == {"agenda-bot-demo", "istio-meetup-china-2021"}
    assert set((await library.reload()).schedules) == {"agenda-bot-demo", "istio-meetup-china-2021"}
    assert {r.schedule_id for r in store.load().values()} == {"istio-meetup-china-2021"}
    after = AgendaLibrary(settings.schedules, options, store).load()
    assert set(after.schedules) == {"istio-meetup-china-2021"} and not after.retired


@pytest.mark.parametrize(
    ("args", "ready"), [(["run"], "running:"), (["serve"], "feed server listening")]
)
def test_run_and_serve_report_each_problem_of_an_agenda_once(
    tmp_path: Path, args: list[str], ready: str
) -> None:
    workdir = _workdir(tmp_path)
    (workdir / "schedules" / "broken.md").write_text(
        "# Broken\n\n**Date:** 31 February 2026, 19:00 (Europe/Berlin)\n", encoding="utf-8"
    )
    lines, _, _ = _run_until(workdir, args, {}, ready, stream="stderr")
    problems = [line for line in lines if "broken.md:3: error:" in line]
    assert len(problems) == 1, "".join(lines)
    assert any(ready in line for line in lines), "".join(lines)
