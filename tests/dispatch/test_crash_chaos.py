"""`agenda-bot run` as a real process against the Discord-compatible fake, killed with SIGKILL at
random points of a burst of due reminders and restarted, for the bot's REST sink and for the
webhook sink. What the fake received is counted: nothing may be lost, and nothing repeated beyond
what was in flight at a kill (the claims the killed process held). REST repeats nothing (each
retry carries the same nonce); the webhook sends one message at a time, so a kill can repeat at
most that one. Run with `-s` to see the figures; CHAOS_SEED=<n> replays a run."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.fakes.discord_http import FakeDiscord
from tests.helpers import ROOT, free_port

BURST = 200  # reminders due at the same moment
KILLS = 4  # SIGKILLs per sink, each at a random point of what is left of the burst
FIRST_DUE = timedelta(seconds=4)  # time for the first process to start before the burst


@dataclass
class Figures:
    sink: str
    seed: int
    runs: int = 0
    kills: int = 0
    in_flight: list[int] = field(default_factory=list)  # claims held at each kill
    received: int = 0
    lost: int = 0
    duplicated: int = 0
    nonce_replays: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        return (
            f"chaos {self.sink}: seed={self.seed} burst={BURST} runs={self.runs} "
            f"kills={self.kills} in_flight_at_kills={self.in_flight} received={self.received} "
            f"lost={self.lost} duplicated={self.duplicated} nonce_replays={self.nonce_replays} "
            f"seconds={self.seconds:.1f}"
        )


@pytest.fixture
def discord() -> Iterator[FakeDiscord]:
    fake = FakeDiscord().start()
    yield fake
    fake.stop()


def _agenda(folder: Path, start: datetime) -> None:
    folder.mkdir()
    lines = ["title: Burst", "timezone: UTC", "sessions:"]
    for n in range(1, BURST + 1):
        lines += [
            f"  - title: Talk {n}",
            f'    start: "{start:%Y-%m-%d %H:%M:%S}"',
            "    duration: 10m",
        ]
    (folder / "burst.yaml").write_text("\n".join(lines) + "\n")


def _titles(discord: FakeDiscord) -> Counter[str]:
    found: Counter[str] = Counter()
    for message in discord.received():
        first = message.content.splitlines()[0]
        found[first.split("**")[1]] += 1
    return found


def _wait(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.002)
    return condition()


def _claims_held(database: Path) -> int:
    """Rows claimed and not recorded: what the killed process had in flight."""
    with sqlite3.connect(database) as db:
        (count,) = db.execute("SELECT count(*) FROM deliveries WHERE state = 'claimed'").fetchone()
    return int(count)


def _chaos(tmp_path: Path, discord: FakeDiscord, sink: str, env: dict[str, str]) -> Figures:
    seed = int(os.environ.get("CHAOS_SEED", time.time_ns() % 2**31))
    rng = random.Random(seed)
    figures = Figures(sink, seed)
    began = time.monotonic()
    due = datetime.now(UTC).replace(microsecond=0) + FIRST_DUE + timedelta(seconds=1)
    _agenda(tmp_path / "schedules", due + timedelta(seconds=5))
    database = tmp_path / "bot.sqlite3"
    environment = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "AGENDA_BOT_SESSION_LEADS": "5s",
        "AGENDA_BOT_EVENT_LEAD": "off",
        "DATABASE_URL": f"sqlite:///{database}",
        **env,
    }

    def spawn() -> subprocess.Popen[bytes]:
        figures.runs += 1
        with (tmp_path / f"run-{figures.runs}.log").open("wb") as log:
            return subprocess.Popen(
                [sys.executable, "-m", "bot", "run"],
                cwd=tmp_path,
                env={**environment, "AGENDA_BOT_PORT": str(free_port())},
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def unique() -> int:
        return len(_titles(discord))

    bot = spawn()
    try:
        for _ in range(KILLS):
            done = unique()
            if done >= BURST:
                break
            target = done + rng.randint(1, max(1, (BURST - done) // 3))
            reached = _wait(lambda goal=target: unique() >= goal, 30)
            assert reached, f"stuck at {unique()} of {target}"
            bot.send_signal(signal.SIGKILL)
            bot.wait(10)
            figures.kills += 1
            figures.in_flight.append(_claims_held(database))
            bot = spawn()
        _wait(lambda: unique() >= BURST, 40)
        time.sleep(1.0)  # room for a late repeat to show up
    finally:
        if bot.poll() is None:
            bot.send_signal(signal.SIGTERM)
            try:
                bot.wait(20)
            except subprocess.TimeoutExpired:
                bot.kill()
    titles = _titles(discord)
    figures.received = sum(titles.values())
    figures.lost = BURST - len(titles)
    figures.duplicated = figures.received - len(titles)
    figures.nonce_replays = discord.nonce_replays
    figures.seconds = time.monotonic() - began
    print(figures.line())
    logs = "\n".join(p.read_text()[-3000:] for p in sorted(tmp_path.glob("run-*.log")))
    assert figures.lost == 0, (figures.line(), logs)
    assert figures.kills >= KILLS - 1, (figures.line(), logs)  # the burst outlived most kills
    return figures


def test_rest_sink_survives_kill_9_mid_burst_with_nothing_lost_or_repeated(
    tmp_path: Path, discord: FakeDiscord
) -> None:
    discord.answer_delay = 0.02  # posted, answer on its way: the window a kill falls into
    figures = _chaos(
        tmp_path,
        discord,
        "rest",
        {
            "DISCORD_TOKEN": "test-token",
            "DISCORD_API_BASE": discord.base,
            "DISCORD_CHANNEL_ID": "555",
        },
    )
    assert figures.duplicated == 0, figures.line()
    assert {m.route for m in discord.received()} == {"channel:555"}


def test_webhook_sink_survives_kill_9_mid_burst_repeating_at_most_one_per_kill(
    tmp_path: Path, discord: FakeDiscord
) -> None:
    discord.answer_delay = 0.01
    figures = _chaos(tmp_path, discord, "webhook", {"DISCORD_WEBHOOK_URL": discord.webhook_url})
    assert all(held <= 1 for held in figures.in_flight), figures.line()
    assert figures.duplicated <= sum(figures.in_flight), figures.line()
