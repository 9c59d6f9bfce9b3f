"""`agenda-bot run` as a real process against a Discord-compatible fake: every reminder arrives
once and on time, across kill -9 and restart, and with two processes on one database."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO

import pytest

from tests.database import database_url
from tests.fakes.discord_http import FakeDiscord, Received
from tests.helpers import ROOT, free_port

LEAD = timedelta(seconds=5)
TITLE = re.compile(r"^⏰ \*\*(?P<title>.+?)\*\* starts")


@pytest.fixture
def discord() -> Iterator[FakeDiscord]:
    fake = FakeDiscord().start()
    yield fake
    fake.stop()


def _agenda(folder: Path, starts: list[datetime]) -> dict[str, datetime]:
    """A native agenda with one session per start; returns each title's due time."""
    folder.mkdir(exist_ok=True)
    lines = ["title: Soon", "timezone: UTC", "sessions:"]
    due = {}
    for n, start in enumerate(starts, start=1):
        lines += [
            f"  - title: Talk {n}",
            f'    start: "{start:%Y-%m-%d %H:%M:%S}"',
            "    duration: 10m",
        ]
        due[f"Talk {n}"] = start - LEAD
    (folder / "soon.yaml").write_text("\n".join(lines) + "\n")
    return due


def _bot(workdir: Path, env: dict[str, str], log_name: str) -> subprocess.Popen[bytes]:
    with (workdir / log_name).open("ab") as log:  # the child keeps its own descriptor
        return _spawn(log, workdir, env)


def _spawn(log: IO[bytes], workdir: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        cwd=workdir,
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "AGENDA_BOT_SESSION_LEADS": "5s",
            "AGENDA_BOT_EVENT_LEAD": "off",
            "AGENDA_BOT_PORT": str(free_port()),
            **env,
        },
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def _wait(condition: Callable[[], bool], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)


def _titles(messages: list[Received]) -> Counter[str]:
    found = Counter()
    for message in messages:
        match = TITLE.match(message.content)
        assert match, message.content
        found[match.group("title")] += 1
    return found


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()


def _lateness(messages: list[Received], due: dict[str, datetime]) -> dict[str, float]:
    return {
        m: received.at - due[m].timestamp()
        for received in messages
        if (match := TITLE.match(received.content)) and (m := match.group("title"))
    }


def test_reminders_arrive_once_and_on_time_across_kill_9_and_restart(
    tmp_path: Path, discord: FakeDiscord
) -> None:
    first = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=12)
    due = _agenda(tmp_path / "schedules", [first + timedelta(seconds=3 * n) for n in range(6)])
    env = {
        "DISCORD_TOKEN": "test-token",
        "DISCORD_API_BASE": discord.base,
        "DISCORD_CHANNEL_ID": "555",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'bot.sqlite3'}",
    }
    bot = _bot(tmp_path, env, "run-1.log")
    try:
        _wait(lambda: len(discord.received()) >= 2, 30)
        bot.send_signal(signal.SIGKILL)  # no chance to clean up
        bot.wait(10)
        killed_at = time.time()
        time.sleep(3)  # at least one reminder comes due while nothing runs
        bot = _bot(tmp_path, env, "run-2.log")
        _wait(lambda: len(discord.received()) >= 6, 40)
        time.sleep(2)  # room for a duplicate to show up, if one were coming
    finally:
        _stop(bot)
    messages = discord.received()
    log = (tmp_path / "run-1.log").read_text() + (tmp_path / "run-2.log").read_text()
    assert _titles(messages) == Counter({f"Talk {n}": 1 for n in range(1, 7)}), log
    assert {m.route for m in messages} == {"channel:555"}
    lateness = _lateness(messages, due)
    missed = [t for t, d in due.items() if killed_at <= d.timestamp() <= killed_at + 3.5]
    assert missed, "the downtime window should have covered a due time"
    for title, seconds in lateness.items():
        if title in missed:
            assert seconds > 0  # sent after the restart, marked late
        else:
            assert -0.1 <= seconds <= 2.0, (title, seconds, log)


def test_a_webhook_receives_reminders_without_a_bot(tmp_path: Path, discord: FakeDiscord) -> None:
    first = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=10)
    due = _agenda(tmp_path / "schedules", [first, first + timedelta(seconds=2)])
    bot = _bot(tmp_path, {"DISCORD_WEBHOOK_URL": discord.webhook_url}, "run.log")
    try:
        _wait(lambda: len(discord.received()) >= 2, 30)
        time.sleep(1)
    finally:
        _stop(bot)
    messages = discord.received()
    assert _titles(messages) == Counter({"Talk 1": 1, "Talk 2": 1}), (
        tmp_path / "run.log"
    ).read_text()
    assert {m.route for m in messages} == {"webhook:123456789012345678"}
    assert all(-0.1 <= s <= 2.0 for s in _lateness(messages, due).values())
    assert "secret-webhook-token" not in (tmp_path / "run.log").read_text()
    assert bot.returncode == 0


def test_two_processes_on_one_postgresql_database_send_each_reminder_once(
    tmp_path: Path, discord: FakeDiscord
) -> None:
    first = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=12)
    _agenda(tmp_path / "schedules", [first + timedelta(seconds=2 * n) for n in range(4)])
    with database_url("postgresql", tmp_path) as url:
        env = {
            "DISCORD_TOKEN": "test-token",
            "DISCORD_API_BASE": discord.base,
            "DISCORD_CHANNEL_ID": "555",
            "DATABASE_URL": url,
        }
        one = _bot(tmp_path, env, "one.log")
        time.sleep(1.5)  # one migrates first; the second finds the schema ready
        two = _bot(tmp_path, env, "two.log")
        try:
            _wait(lambda: len(discord.received()) >= 4, 40)
            time.sleep(2)
        finally:
            _stop(one)
            _stop(two)
    log = (tmp_path / "one.log").read_text() + (tmp_path / "two.log").read_text()
    assert _titles(discord.received()) == Counter({f"Talk {n}": 1 for n in range(1, 5)}), log
    assert one.returncode == 0 and two.returncode == 0, log


def test_two_sharded_processes_split_the_work_and_send_each_reminder_once(
    tmp_path: Path, discord: FakeDiscord
) -> None:
    from bot.delivery.discord_shards import shard_of
    from bot.storage.database import make_engine, session_factory
    from bot.storage.members import DatabaseMembers
    from bot.storage.migrate import upgrade

    first = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=14)
    _agenda(tmp_path / "schedules", [first, first + timedelta(seconds=2)])
    with database_url("postgresql", tmp_path) as url:
        engine = make_engine(url)
        upgrade(engine)
        DatabaseMembers(session_factory(engine)).follow(
            3000, 555, "soon"
        )  # a guild on shard 0 of 2
        engine.dispose()
        assert shard_of(3000, 2) == 0
        env = {
            "DISCORD_TOKEN": "test-token",
            "DISCORD_API_BASE": discord.base,
            "DATABASE_URL": url,
            "SHARD_COUNT": "2",
        }
        zero = _bot(tmp_path, {**env, "SHARD_IDS": "0"}, "shard-0.log")
        one = _bot(tmp_path, {**env, "SHARD_IDS": "1"}, "shard-1.log")
        try:
            _wait(lambda: len(discord.received()) >= 2, 40)
            time.sleep(2)
        finally:
            _stop(zero)
            _stop(one)
    logs = {name: (tmp_path / name).read_text() for name in ("shard-0.log", "shard-1.log")}
    assert _titles(discord.received()) == Counter({"Talk 1": 1, "Talk 2": 1}), logs
    assert logs["shard-0.log"].count("INFO bot.dispatch.outcomes: sent") == 2
    assert "bot.dispatch.outcomes: sent" not in logs["shard-1.log"]
