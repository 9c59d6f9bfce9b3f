"""Feed benchmark: build time, and throughput against nginx serving the same bytes.

Prints:
- the time to build a feed of 100, 1,000 and 10,000 sessions (median of several builds, cold
  VTIMEZONE cache excluded: the server caches them too);
- requests per second and p99 latency for `agenda-bot serve` and for nginx serving the same
  feed bytes as a static file, each loaded over loopback by wrk from a separate process, and
  our throughput as a fraction of nginx's (goal: at least a third).

Needs wrk and nginx (Debian: `apt-get install wrk nginx-light`).

    .venv/bin/python bench/feeds.py [--duration 10] [--connections 50]
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.domain.agenda import Schedule, Session, SourceRef, Speaker  # noqa: E402
from bot.domain.ics.calendars import clear_caches, feed_calendar  # noqa: E402
from bot.domain.ics.revisions import advance  # noqa: E402
from tests.helpers import free_port  # noqa: E402

ZONE = ZoneInfo("Asia/Shanghai")


def schedule_of(count: int) -> Schedule:
    sessions = []
    start_day = date(2025, 1, 6)
    for n in range(count):
        day = start_day + timedelta(days=n // 20)
        start = datetime.combine(day, clock(9), ZONE) + timedelta(minutes=30 * (n % 20))
        sessions.append(
            Session(
                id=f"talk-{n}",
                title=f"Talk number {n}: service meshes, gateways and eBPF",
                start=start,
                end=start + timedelta(minutes=25),
                speakers=(Speaker(f"Speaker {n}", "Example Cloud"),),
                location=f"Room {n % 4}",
                track=f"Track {n % 3}",
            )
        )
    return Schedule("bench", "Benchmark conference", ZONE, tuple(sessions), SourceRef("bench"))


def build_times() -> None:
    stamp = datetime(2025, 1, 1, tzinfo=UTC)
    for count in (100, 1_000, 10_000):
        schedule = schedule_of(count)
        book = advance({}, schedule, now=stamp, first_seen=stamp)
        feed_calendar(schedule.title, [schedule], book)  # warm the VTIMEZONE cache
        cold, warm = [], []
        for _ in range(5 if count < 10_000 else 3):
            clear_caches()
            started = time.perf_counter()
            data = feed_calendar(schedule.title, [schedule], book)
            cold.append(time.perf_counter() - started)
            # One session moves: the rebuild re-encodes only that VEVENT.
            first = schedule.sessions[0]
            moved = replace(first, start=first.start + timedelta(minutes=5))
            changed = replace(schedule, sessions=(moved, *schedule.sessions[1:]))
            later = advance(book, changed, now=stamp + timedelta(hours=1), first_seen=stamp)
            started = time.perf_counter()
            feed_calendar(changed.title, [changed], later)
            warm.append(time.perf_counter() - started)
        print(
            f"build feed of {count:>6} sessions: first build median "
            f"{statistics.median(cold) * 1000:8.1f} ms, rebuild after one change "
            f"{statistics.median(warm) * 1000:7.1f} ms ({len(data) / 1024:.0f} KiB)"
        )


def wait_for(url: str) -> bytes:
    for _ in range(200):
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read()
        except OSError:
            time.sleep(0.05)
    raise SystemExit(f"server at {url} never answered")  # see serve.log


def wrk(url: str, duration: int, connections: int) -> tuple[float, str]:
    done = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{duration}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    )
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", done.stdout).group(1))  # type: ignore[union-attr]
    p99 = re.search(r"99%\s+(\S+)", done.stdout).group(1)  # type: ignore[union-attr]
    return rps, p99


def throughput(duration: int, connections: int) -> None:
    if not (shutil.which("wrk") and shutil.which("nginx")):
        raise SystemExit("wrk and nginx are needed: apt-get install wrk nginx-light")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        work.chmod(0o755)  # nginx workers drop root and must read the static file
        (work / "schedules").mkdir()
        shutil.copy(ROOT / "schedules" / "istio-meetup-china-2021.md", work / "schedules")
        ours = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "bot", "serve", "--port", str(ours)],
            cwd=work,
            stdout=subprocess.DEVNULL,
            stderr=(work / "serve.log").open("w"),
            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        )
        path = "/calendars/istio-meetup-china-2021.ics"
        try:
            body = wait_for(f"http://127.0.0.1:{ours}{path}")
            static = work / "static" / "calendars"
            static.mkdir(parents=True)
            (static / "istio-meetup-china-2021.ics").write_bytes(body)
            theirs = free_port()
            conf = work / "nginx.conf"
            conf.write_text(
                f"daemon off; worker_processes 1; pid {work}/nginx.pid; error_log {work}/error.log;\n"
                "events { worker_connections 1024; }\n"
                f"http {{ access_log off; client_body_temp_path {work}/body; proxy_temp_path {work}/proxy;"
                f" fastcgi_temp_path {work}/fcgi; uwsgi_temp_path {work}/uwsgi; scgi_temp_path {work}/scgi;\n"
                f"  types {{ text/calendar ics; }}\n"
                f"  server {{ listen 127.0.0.1:{theirs}; root {work}/static; }} }}\n"
            )
            nginx = subprocess.Popen(["nginx", "-c", str(conf), "-p", str(work)])
            try:
                assert wait_for(f"http://127.0.0.1:{theirs}{path}") == body
                print(f"feed served: {len(body)} bytes; wrk -t1 -c{connections} -d{duration}s")
                our_rps, our_p99 = wrk(f"http://127.0.0.1:{ours}{path}", duration, connections)
                nginx_rps, nginx_p99 = wrk(
                    f"http://127.0.0.1:{theirs}{path}", duration, connections
                )
            finally:
                nginx.terminate()
                nginx.wait(10)
        finally:
            server.terminate()
            server.wait(10)
    print(f"agenda-bot serve: {our_rps:10.0f} req/s, p99 {our_p99}")
    print(f"nginx (static)  : {nginx_rps:10.0f} req/s, p99 {nginx_p99}")
    print(f"agenda-bot / nginx = {our_rps / nginx_rps:.2f} (goal: at least 0.33)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=50)
    args = parser.parse_args()
    build_times()
    throughput(args.duration, args.connections)


if __name__ == "__main__":
    main()
