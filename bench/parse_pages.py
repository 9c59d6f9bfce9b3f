"""Parse-time benchmark for the agenda readers.

Prints: the seed page's parse time (median of many runs), the per-page parse time over a folder
of 1,000 generated pages (median, p95, mean), the time per 100 table rows on pages of 10 to
3,000 rows (linear in size: the figure stays flat), and the wall time of `agenda-bot check` on
that folder as a separate process, and the slowest of the worst shapes we know (rows by the
ten thousand, a run of "[", hundreds of dated events, deep lists) at the size limit. Goals:
under 1.5 ms per page, median, and linear in size; every input up to the limit in under 2 s.

    .venv/bin/python bench/parse_pages.py [--pages 1000] [--repeat 200]
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.domain.readers.context import ReadOptions  # noqa: E402 - after the path tweak
from bot.domain.readers.source import MAX_BYTES, read_bytes, read_path  # noqa: E402

SEED = ROOT / "schedules" / "istio-meetup-china-2021.md"
ZONES = ["CST", "UTC+8", "Europe/Berlin", "PT", "北京时间", "JST", "America/New_York"]
TITLES = [
    "Opening",
    "Service mesh in production",
    "Coffee break",
    "eBPF deep dive",
    "Lunch",
    "Panel: the future of gateways",
    "签到",
    "服务网格实践",
    "Lightning talks",
    "Closing",
]


def _table_page(rng: random.Random, n: int) -> str:
    zone = rng.choice(ZONES)
    day = rng.randint(1, 28)
    rows = []
    minute = 9 * 60
    for i in range(rng.randint(6, 14)):
        length = rng.choice([10, 15, 30, 45])
        rows.append(
            f"| {minute // 60:02d}:{minute % 60:02d} - {(minute + length) // 60:02d}:{(minute + length) % 60:02d} "
            f"| {rng.choice(TITLES)} {i} | Speaker {i} (Company {i % 5}) |"
        )
        minute += length
    return (
        f"---\ntitle: Generated meetup {n}\ndate: 2024-01-01\n---\n\nSome intro text for meetup {n}.\n\n"
        f"**Time:** {day} March 2024, 09:00-18:00 ({zone})\n\n**Venue:** Hall {n}\n\n## Agenda\n\n"
        "| Time | Session | Speaker |\n| --- | --- | --- |\n" + "\n".join(rows) + "\n"
    )


def _list_page(rng: random.Random, n: int) -> str:
    items = []
    minute = 17 * 60
    for i in range(rng.randint(4, 10)):
        items.append(
            f"- {minute // 60}:{minute % 60:02d} - {(minute + 20) // 60}:{(minute + 20) % 60:02d}: "
            f"{rng.choice(TITLES)} {i}\n  - Speaker: Person {i} (Org)\n  - [Slides](https://example.org/{n}/{i})"
        )
        minute += 20
    return (
        f"# Meetup {n}\n\nDate: 4 April, 2024 at 17:00 - 21:00 (Europe/Helsinki)\n\n"
        + "\n".join(items)
        + "\n"
    )


def _chinese_page(rng: random.Random, n: int) -> str:
    return (
        f"---\ntitle: 技术沙龙 {n}\n---\n\n**活动时间**：2024年7月{rng.randint(1, 28)}日13:00-17:30（北京时间）\n\n"
        "| 时间 | 议题 | 讲师 |\n| --- | --- | --- |\n"
        "| 13:00-13:30 | 签到 | |\n| 13:30-14:10 | 服务网格实践 | 张三（某公司） |\n"
        "| 14:10-14:50 | eBPF 加速 | 李四（某公司） |\n| 14:50-15:00 | 茶歇 | |\n"
    )


def generate(folder: Path, count: int) -> None:
    rng = random.Random(20211010)
    makers = [_table_page, _list_page, _chinese_page]
    for n in range(count):
        (folder / f"page-{n:04d}.md").write_text(makers[n % 3](rng, n), encoding="utf-8")


def _time(path: Path, options: ReadOptions) -> float:
    start = time.perf_counter()
    result = read_path(path, options)
    elapsed = time.perf_counter() - start
    if not result.schedules:
        raise SystemExit(f"benchmark page did not parse: {path}: {result.diagnostics}")
    return elapsed


def _scaling(options: ReadOptions, folder: Path) -> None:
    """The same page shape at growing sizes: milliseconds per 100 rows should stay flat."""
    figures = []
    for rows in (10, 100, 1000, 3000):
        lines = [
            f"| {9 + i // 60 % 12:02d}:{i % 60:02d} | Talk {i} | Speaker {i} (Org) |"
            for i in range(rows)
        ]
        page = folder / f"size-{rows}.md"
        page.write_text(
            "# Long day\n\n**Date:** 12 March 2024 (Europe/Berlin)\n\n"
            "| Time | Session | Speaker |\n| --- | --- | --- |\n" + "\n".join(lines) + "\n",
            encoding="utf-8",
        )
        runs = [_time(page, options) for _ in range(max(3, 300 // rows))]
        figures.append(f"{rows} rows {statistics.median(runs) * 1000 / rows * 100:.2f}")
    print("ms per 100 table rows by page size: " + ", ".join(figures))


def _worst_inputs(options: ReadOptions) -> None:
    """The slowest shapes we know, cut at the size limit: each must read in under 2 s."""
    seed = SEED.read_text(encoding="utf-8")
    shapes = {
        "list rows sharing a start": "**Date:** 2024-05-05 (UTC)\n\n"
        + "\n".join(f"- 10:00 Talk {i}" for i in range(40000)),
        "list rows": "**Date:** 2024-05-05 (UTC)\n\n"
        + "\n".join(f"- 10:{i % 60:02d} Talk {i}" for i in range(40000)),
        "table rows": "**Date:** 2024-05-05 (UTC)\n\n| Time | Talk |\n|--|--|\n"
        + "\n".join(f"| 10:{i % 60:02d} | Talk {i} |" for i in range(40000)),
        "the seed page repeated": seed * 200,
        "dated paragraphs": "".join(
            f"**Date:** 2024-05-{i % 28 + 1:02d} 10:00-11:00 CET\n\n" for i in range(20000)
        ),
        "dated headings": "".join(
            f"## Meetup {i} — May {i % 28 + 1}, 2024\n\n- 10:00 Talk\n\n" for i in range(20000)
        ),
        "a run of [": "[" * MAX_BYTES,
        "deep lists": "".join("  " * (i % 40) + "- 10:00 x\n" for i in range(50000)),
    }
    figures = []
    for name, text in shapes.items():
        data = text.encode()[:MAX_BYTES]
        start = time.perf_counter()
        read_bytes(data, "worst.md", options)
        figures.append((time.perf_counter() - start, name))
    slowest, name = max(figures)
    print(
        f"worst inputs at the {MAX_BYTES // 1024} KB limit: slowest {slowest:.2f} s ({name}); "
        + ", ".join(f"{n} {t:.2f}" for t, n in figures)
        + " (goal: under 2 s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    options = ReadOptions()
    _time(SEED, options)  # warm caches (zone tables, compiled patterns) once, as a server would
    seed = [_time(SEED, options) for _ in range(args.repeat)]
    print(f"seed page: median {statistics.median(seed) * 1000:.3f} ms over {args.repeat} runs")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        generate(folder, args.pages)
        times = sorted(_time(p, options) for p in sorted(folder.glob("*.md")))
        p95 = times[int(len(times) * 0.95) - 1]
        print(
            f"{len(times)} generated pages: median {statistics.median(times) * 1000:.3f} ms, "
            f"p95 {p95 * 1000:.3f} ms, mean {statistics.mean(times) * 1000:.3f} ms per page "
            f"(goal: median under 1.5 ms)"
        )
        start = time.perf_counter()
        completed = subprocess.run(
            [sys.executable, "-m", "bot", "check", str(folder)],
            capture_output=True,
            text=True,
            check=False,
            cwd=ROOT,
        )
        wall = time.perf_counter() - start
        last = (
            completed.stdout.strip().splitlines()[-1] if completed.stdout.strip() else "(no output)"
        )
        print(
            f"agenda-bot check on {args.pages} pages: {wall:.2f} s wall, exit {completed.returncode}: {last}"
        )
    with tempfile.TemporaryDirectory() as tmp:
        _scaling(options, Path(tmp))
    _worst_inputs(options)


if __name__ == "__main__":
    main()
