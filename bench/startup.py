"""Start-up benchmarks: how long a command takes, whole process, beside a bare interpreter.

Prints the median wall time (and the spread) of:
1. `python -c pass`, the reference nothing can beat;
2. `agenda-bot --help`, `show PAGE` and `check` (target < 0.15 s for help, < 0.30 s for the others);
3. `agenda-bot run` from launch to its "running" log line, on the default SQLite file, the console
   sink and the repository's schedules/ (target < 1.5 s): once on a fresh state folder (the
   migrations run) and then with the database already there.

    .venv/bin/python bench/startup.py [--runs 7] [--root CHECKOUT]

`--root` times another checkout of the project with the same interpreter (before/after).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.helpers import free_port  # noqa: E402

PAGE = "schedules/istio-meetup-china-2021.md"


def _env(root: Path) -> dict[str, str]:
    # As a user runs it: with the compiled modules Python keeps beside the sources. Without them
    # (PYTHONDONTWRITEBYTECODE set, as in some shells and images) every run compiles every
    # module again, about 0.1 s more here, which measures the environment, not the program.
    env = {**os.environ, "PYTHONPATH": str(root)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _timed(argv: list[str], cwd: Path, env: dict[str, str]) -> float:
    began = time.perf_counter()
    subprocess.run(
        argv, check=False, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return time.perf_counter() - began


def _line(label: str, runs: list[float], target: str, reference: float | None) -> None:
    median = statistics.median(runs)
    spread = f"{min(runs) * 1000:.0f}-{max(runs) * 1000:.0f}"
    ratio = f", {median / reference:.1f}x the bare interpreter" if reference else ""
    print(f"{label:<34} median {median * 1000:6.0f} ms ({spread} ms){ratio}; target {target}")


def commands(root: Path, runs: int) -> None:
    env = _env(root)
    python = [sys.executable]
    bare = [_timed([*python, "-c", "pass"], root, env) for _ in range(runs)]
    _line("python -c pass (reference)", bare, "-", None)
    reference = statistics.median(bare)
    for label, args, target in (
        ("agenda-bot --help", ["--help"], "< 150 ms"),
        (f"agenda-bot show {Path(PAGE).name}", ["show", PAGE], "< 300 ms"),
        ("agenda-bot check", ["check"], "< 300 ms"),
    ):
        argv = [*python, "-m", "bot", *args]
        _timed(argv, root, env)  # warm the file cache
        _line(label, [_timed(argv, root, env) for _ in range(runs)], target, reference)


def _until_running(work: Path, env: dict[str, str]) -> float:
    log = work / "run.log"
    began = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        cwd=work,
        env={**env, "AGENDA_BOT_PORT": str(free_port())},
        stdout=subprocess.DEVNULL,
        stderr=log.open("w"),
    )
    try:
        while "running:" not in log.read_text():
            if process.poll() is not None:
                raise SystemExit(f"run ended before running:\n{log.read_text()}")
            time.sleep(0.005)
        return time.perf_counter() - began
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(30)


def run_start(root: Path, runs: int) -> None:
    env = _env(root)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copytree(root / "schedules", work / "schedules")
        fresh = _until_running(work, env)
        _line("run, fresh state folder", [fresh], "< 1500 ms", None)
        _line(
            "run, database already there",
            [_until_running(work, env) for _ in range(runs)],
            "< 1500 ms",
            None,
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args()
    commands(args.root.resolve(), args.runs)
    run_start(args.root.resolve(), args.runs)


if __name__ == "__main__":
    main()
