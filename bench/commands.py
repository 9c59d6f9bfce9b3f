"""Slash command latency: 100 commands within one second, from 200 members in 30 zones.

`agenda-bot run` answers them over loopback, connected to the Discord-compatible fake (its
gateway and REST routes), once on SQLite and once on PostgreSQL (127.0.0.1:5432, database
`test`, a fresh schema removed afterwards). The mix: /agenda, /next, /timezone show, /mine,
/star, /session and the session autocomplete. Each figure is from the interaction dispatched
by the fake to the reply received by it; printed beside the target (p99 < 50 ms).

    .venv/bin/python bench/commands.py [--rounds 5] [--backend sqlite|postgresql]
        [--profile out.prof]   (the bot under cProfile, for the first backend run)
        [--spy out.txt]        (py-spy, from PATH, samples the bot during the measured rounds:
                                collapsed stacks per thread, for the first backend run)
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pytz  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from bot.storage.database import make_engine, session_factory  # noqa: E402
from bot.storage.migrate import upgrade  # noqa: E402
from bot.storage.tables import Member, MemberGuild, Star  # noqa: E402
from tests.database import database_url  # noqa: E402
from tests.fakes.discord_http import GUILD_ID, FakeDiscord  # noqa: E402
from tests.fakes.interactions import slash  # noqa: E402
from tests.helpers import PAGES, SEED, free_port  # noqa: E402

TARGET_P99_MS = 50
MEMBERS = 200
ZONES = [z for z in pytz.common_timezones if "/" in z][::12][:30]
LOCALES = ["en-US", "zh-CN", "en-GB"]
SESSIONS = [
    "keynote-open-source-at-scale",
    "building-fast-apis",
    "intro-to-rust",
    "observability-101",
    "security-day-opener",
    "fuzzing-in-ci",
]
FIRST_USER = 10_000


def _mix(rng: random.Random, user_id: int) -> dict[str, Any]:
    """One command of the mix, by one member."""
    pick = rng.randrange(7)
    session = rng.choice(SESSIONS)
    locale = rng.choice(LOCALES)
    if pick == 0:
        return slash("agenda", {"schedule": "devconf"}, user_id=user_id, locale=locale)
    if pick == 1:
        return slash("next", {"schedule": "devconf"}, user_id=user_id, locale=locale)
    if pick == 2:
        return slash("show", group="timezone", user_id=user_id, locale=locale)
    if pick == 3:
        return slash("mine", user_id=user_id, locale=locale)
    if pick == 4:
        options = {"schedule": "devconf", "session": session}
        return slash("star", options, user_id=user_id, locale=locale)
    if pick == 5:
        options = {"schedule": "devconf", "session": session}
        return slash("session", options, user_id=user_id, locale=locale)
    options = {"schedule": "devconf", "session": session[:3]}
    return slash("star", options, user_id=user_id, locale=locale, focused="session")


def _table_reads(backend: str, url: str) -> int | None:
    """Index and sequential scans of the bench's own tables so far (PostgreSQL's statistics,
    flushed within a second or so): about one per statement that reads a table."""
    if backend != "postgresql":
        return None
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            found = connection.execute(
                text(
                    "SELECT coalesce(sum(coalesce(seq_scan, 0) + coalesce(idx_scan, 0)), 0)"
                    " FROM pg_stat_user_tables WHERE schemaname = current_schema()"
                )
            ).scalar_one()
    finally:
        engine.dispose()
    return int(found)


def _populate(url: str) -> None:
    """200 members in 30 zones, half of them seen in the guild already, a few stars each."""
    engine = make_engine(url)
    upgrade(engine)
    now = datetime.now(UTC)
    rng = random.Random(5)
    with session_factory(engine).begin() as db:
        db.add_all(
            Member(
                user_id=FIRST_USER + n,
                timezone=ZONES[n % len(ZONES)],
                locale=rng.choice(LOCALES),
                dm_opt_in=n % 3 == 0,
                created_at=now,
                updated_at=now,
            )
            for n in range(MEMBERS)
        )
        db.flush()
        db.add_all(
            MemberGuild(user_id=FIRST_USER + n, guild_id=int(GUILD_ID))
            for n in range(0, MEMBERS, 2)
        )
        db.add_all(
            Star(user_id=FIRST_USER + n, schedule_id="devconf", session_id=s, created_at=now)
            for n in range(MEMBERS)
            for s in rng.sample(SESSIONS, 2)
        )
    engine.dispose()


def _wait(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


def _burst(
    fake: FakeDiscord, rng: random.Random, count: int, spread: float, *, everyone: bool = False
) -> list[float]:
    """`count` commands spread evenly over `spread` seconds (with `everyone`, a /timezone show
    from each member in turn); each latency in seconds."""
    sent: dict[str, float] = {}
    before = len(fake.replies())
    began = time.perf_counter()
    for n in range(count):
        if everyone:
            payload = slash("show", group="timezone", user_id=FIRST_USER + n % MEMBERS)
        else:
            payload = _mix(rng, FIRST_USER + rng.randrange(MEMBERS))
        pause = began + n * spread / count - time.perf_counter()
        if pause > 0:
            time.sleep(pause)
        sent[f"callback:{payload['id']}"] = time.time()
        fake.dispatch("INTERACTION_CREATE", payload)
    if not _wait(lambda: len(fake.replies()) >= before + count, 60):
        raise SystemExit(f"only {len(fake.replies()) - before} of {count} replies came")
    return [r.at - sent[r.route] for r in fake.replies()[before:] if r.route in sent]


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * len(ordered)) - 1)]


def run_backend(
    backend: str, rounds: int, profile: str | None, spy: str | None = None
) -> list[float]:
    """Start the bot on `backend`, warm it up, then `rounds` bursts of 100; each round's p99."""
    fake = FakeDiscord().start()
    rng = random.Random(11)
    p99s = []
    try:
        with tempfile.TemporaryDirectory() as tmp, database_url(backend, Path(tmp)) as url:
            work = Path(tmp)
            folder = work / "schedules"
            folder.mkdir()
            shutil.copy(SEED, folder / SEED.name)
            shutil.copy(PAGES / "parallel-tracks.md", folder / "devconf.md")
            _populate(url)
            command = [sys.executable, "-m", "bot", "run"]
            if profile:
                command[1:1] = ["-m", "cProfile", "-o", profile]
            log = (work / "run.log").open("w")
            process = subprocess.Popen(
                command,
                cwd=work,
                env={
                    **os.environ,
                    "PYTHONPATH": str(ROOT),
                    "DISCORD_TOKEN": "bench",
                    "DISCORD_API_BASE": fake.base,
                    "DISCORD_DEV_GUILD": GUILD_ID,
                    "AGENDA_BOT_PORT": str(free_port()),
                    "DATABASE_URL": url,
                },
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
            log.close()
            try:
                ready = _wait(lambda: fake.connected and GUILD_ID in fake.commands, 60)
                if not ready:
                    raise SystemExit((work / "run.log").read_text())
                time.sleep(1)
                # Warm up as a bot that has run a while: every member used the server once
                # (imports done, connections open), then 50 of the mix.
                _burst(fake, rng, MEMBERS, 2.0, everyone=True)
                _burst(fake, rng, 50, 1.0)
                sampler = None
                if spy:
                    sampler = subprocess.Popen(
                        [
                            *("py-spy", "record", "-p", str(process.pid), "-o", spy),
                            *("--format", "raw", "--threads", "--nonblocking", "-r", "200"),
                            *("-d", str(int(rounds * 1.6) + 1)),
                        ],
                        stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL,
                    )
                    time.sleep(1)
                # What the bot reads with no command at all (its timers), over as long as the
                # measured rounds take, is taken off the figure per command.
                idle_for = rounds * 1.5 + 2
                idle_before = _table_reads(backend, url)
                time.sleep(idle_for)
                reads_before = _table_reads(backend, url)
                for _ in range(rounds):
                    time.sleep(0.5)
                    latencies = _burst(fake, rng, 100, 1.0)
                    ms = [x * 1000 for x in latencies]
                    p99s.append(_quantile(ms, 0.99))
                    print(
                        f"  {backend:10} p50 {statistics.median(ms):6.1f}  "
                        f"p95 {_quantile(ms, 0.95):6.1f}  p99 {_quantile(ms, 0.99):6.1f}  "
                        f"max {max(ms):6.1f} ms   (target p99 < {TARGET_P99_MS} ms)",
                        flush=True,
                    )
                if sampler is not None:
                    sampler.wait(60)
                time.sleep(2)
                reads_after = _table_reads(backend, url)
                if idle_before is not None and reads_before is not None and reads_after is not None:
                    idle = reads_before - idle_before
                    per = (reads_after - reads_before - idle) / (rounds * 100)
                    print(
                        f"  {backend:10} table reads per command: {per:.2f} "
                        f"(with {idle} reads by the idle bot over {idle_for:.1f} s taken off)",
                        flush=True,
                    )
            finally:
                process.send_signal(signal.SIGTERM)
                process.wait(60)
    finally:
        fake.stop()
    return p99s


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--backend", choices=["sqlite", "postgresql"], action="append")
    parser.add_argument("--profile")
    parser.add_argument("--spy")
    args = parser.parse_args()
    print(
        f"100 slash commands within 1 s, {MEMBERS} members in {len(ZONES)} zones, "
        "dispatched -> reply received by the fake Discord:"
    )
    for n, backend in enumerate(args.backend or ["sqlite", "postgresql"]):
        first = n == 0
        p99s = run_backend(
            backend,
            args.rounds,
            args.profile if first else None,
            args.spy if first else None,
        )
        print(
            f"{backend}: p99 median {statistics.median(p99s):.1f} ms over {len(p99s)} rounds "
            f"(spread {min(p99s):.1f}-{max(p99s):.1f}); target < {TARGET_P99_MS} ms"
        )


if __name__ == "__main__":
    main()
