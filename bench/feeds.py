"""Feed benchmark: build time, and throughput beside the servers it is compared with.

Prints:
- the time to build a feed of 100, 1,000 and 10,000 sessions (median of several builds, cold
  VTIMEZONE cache excluded: the server caches them too);
- requests per second and p99 latency, loaded over loopback by `wrk -t1` from a separate
  process, each row beside its reference (issue 12), for one `agenda-bot run` serving the seed
  agenda (a 6 KB feed) and a generated agenda of about 93 KB:
    1. a personal feed `/feeds/{token}.ics` holding the 93 KB agenda vs the public feed of the
       same agenda in the same process (goal: at least 0.9);
    2. the public feed of the seed agenda (6 KB, what `all.ics` is with the seed alone) vs a bare aiohttp handler on uvloop returning the same bytes
       with the same headers (goal: at least 0.9), and vs nginx;
    3. the public 93 KB feed vs nginx serving the same bytes as a static file (goal: 0.70).
  Every request carries `Accept-Encoding: gzip, deflate`, as calendar clients send it (Apple
  Calendar, Thunderbird, Google Calendar's fetcher, DAVx5): both servers answer with the gzip
  bytes (nginx from a precompressed file, `gzip_static on`). `--identity` drops the header.

Needs wrk and nginx (Debian: `apt-get install wrk nginx-light`).

    .venv/bin/python bench/feeds.py [--duration 10] [--connections 16] [--rounds 3]
        [--root CHECKOUT]   # serve the code of another checkout (to measure "before")
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
SCHEDULE_ROUTE = "/calendars/{schedule}.ics"  # the route our server answers the 6 KB feed on


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


CLIENT_HEADERS = {"Accept-Encoding": "gzip, deflate", "User-Agent": "bench/feeds.py"}
BIG_SESSIONS = 205  # a generated agenda whose feed is about 93 KB
MEMBER = 4242

# The reference for row 2: the least aiohttp can do for the same bytes, on uvloop.
BARE_SERVER = """
import sys, gzip, uvloop
from aiohttp import web
route, data_file, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = open(data_file, "rb").read()
packed = gzip.compress(data, compresslevel=6, mtime=0)
headers = {"Content-Type": "text/calendar; charset=utf-8", "ETag": '"x"',
           "Last-Modified": "Thu, 01 Jan 2026 00:00:00 GMT",
           "Cache-Control": "public, max-age=300", "Vary": "Accept-Encoding"}
zipped = {**headers, "Content-Encoding": "gzip"}
async def handler(request):
    if "gzip" in request.headers.get("Accept-Encoding", ""):
        return web.Response(body=packed, headers=zipped)
    return web.Response(body=data, headers=headers)
app = web.Application()
app.router.add_get(route, handler)
uvloop.run(web._run_app(app, host="127.0.0.1", port=port, print=None, access_log=None))
"""


def wait_for(url: str, headers: dict[str, str] | None = None) -> bytes:
    for _ in range(400):
        try:
            request = urllib.request.Request(url, headers=headers or {})
            with urllib.request.urlopen(request, timeout=2) as response:
                return bytes(response.read())
        except OSError:
            time.sleep(0.05)
    raise SystemExit(f"server at {url} never answered")  # see the logs in the work folder


def wrk(url: str, duration: int, connections: int, headers: dict[str, str]) -> tuple[float, str]:
    flags = [arg for name, value in headers.items() for arg in ("-H", f"{name}: {value}")]
    done = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{duration}s", "--latency", *flags, url],
        capture_output=True,
        text=True,
        check=True,
    )
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", done.stdout).group(1))  # type: ignore[union-attr]
    p99 = re.search(r"^\s*99%\s+(\S+)", done.stdout, re.MULTILINE).group(1)  # type: ignore[union-attr]
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", done.stdout)
    if non_2xx:
        raise SystemExit(f"{url}: {non_2xx.group(1)} error responses")
    return rps, p99


def _nginx_conf(work: Path, port: int) -> Path:
    conf = work / "nginx.conf"
    conf.write_text(
        f"daemon off; worker_processes 1; pid {work}/nginx.pid; error_log {work}/error.log;\n"
        "events { worker_connections 1024; }\n"
        f"http {{ access_log off; client_body_temp_path {work}/body; proxy_temp_path {work}/proxy;"
        f" fastcgi_temp_path {work}/fcgi; uwsgi_temp_path {work}/uwsgi; scgi_temp_path {work}/scgi;\n"
        "  types { text/calendar ics; } gzip_static on; gzip_vary on;\n"
        f"  server {{ listen 127.0.0.1:{port}; root {work}/static; }} }}\n"
    )
    return conf


def _personal_token(work: Path) -> str:
    """A member following the big agenda, in the database `run` uses (issued from here, as
    another process would: the server learns of it on its first request)."""
    from bot.storage.database import make_engine, session_factory  # noqa: PLC0415
    from bot.storage.feed_tokens import DatabaseFeedTokens  # noqa: PLC0415
    from bot.storage.members import DatabaseMembers  # noqa: PLC0415

    engine = make_engine(f"sqlite:///{work / 'state' / 'agenda-bot.sqlite3'}")
    sessions = session_factory(engine)
    token = DatabaseFeedTokens(sessions).issue(str(MEMBER))
    DatabaseMembers(sessions).follow_schedule(MEMBER, "big")
    engine.dispose()
    return token


def throughput(duration: int, connections: int, rounds: int, root: Path, identity: bool) -> None:
    if not (shutil.which("wrk") and shutil.which("nginx")):
        raise SystemExit("wrk and nginx are needed: apt-get install wrk nginx-light")
    headers = {"User-Agent": "bench/feeds.py"} if identity else CLIENT_HEADERS
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        work.chmod(0o755)  # nginx workers drop root and must read the static files
        (work / "schedules").mkdir()
        shutil.copy(ROOT / "schedules" / "istio-meetup-china-2021.md", work / "schedules")
        big = schedule_of(BIG_SESSIONS)
        stamp = datetime(2025, 1, 1, tzinfo=UTC)
        book = advance({}, big, now=stamp, first_seen=stamp)
        (work / "schedules" / "big.ics").write_bytes(feed_calendar("big", [big], book))
        ours, bare_port, nginx_port = free_port(), free_port(), free_port()
        env = {
            "PYTHONPATH": str(root),
            "PATH": "/usr/bin:/bin",
            "AGENDA_BOT_PORT": str(ours),
            "AGENDA_BOT_STATE_DIR": str(work / "state"),
            "AGENDA_BOT_LOG_LEVEL": "WARNING",
        }
        log = (work / "run.log").open("w")
        processes = [
            subprocess.Popen([sys.executable, "-m", "bot", "run"], cwd=work, env=env, stderr=log)
        ]
        try:
            base = f"http://127.0.0.1:{ours}"
            small, large = "/calendars/istio-meetup-china-2021.ics", "/calendars/big.ics"
            wait_for(base + small)
            token = _personal_token(work)
            static = work / "static" / "calendars"
            static.mkdir(parents=True)
            for path in (small, large):
                data = wait_for(base + path)
                (static / Path(path).name).write_bytes(data)
                packed = wait_for(base + path, CLIENT_HEADERS)  # the very gzip bytes we send
                (static / (Path(path).name + ".gz")).write_bytes(packed)
            (work / "small.ics").write_bytes((static / Path(small).name).read_bytes())
            # The bare handler at the feed's own path (the issue's reference), and behind the
            # route template ours is served by (a path with a variable costs aiohttp a regular
            # expression and more: what the same handler loses there is aiohttp's, not ours).
            bare_template_port = free_port()
            for route, port in ((small, bare_port), (SCHEDULE_ROUTE, bare_template_port)):
                processes.append(
                    subprocess.Popen(
                        [
                            sys.executable,
                            "-c",
                            BARE_SERVER,
                            route,
                            str(work / "small.ics"),
                            str(port),
                        ],
                        stderr=log,
                    )
                )
            processes.append(
                subprocess.Popen(
                    ["nginx", "-c", str(_nginx_conf(work, nginx_port)), "-p", str(work)]
                )
            )
            bare, nginx = f"http://127.0.0.1:{bare_port}", f"http://127.0.0.1:{nginx_port}"
            bare_template = f"http://127.0.0.1:{bare_template_port}"
            personal = f"{base}/feeds/{token}.ics"
            for path in (small, large):
                ref = wait_for(nginx + path, headers)
                assert wait_for(base + path, headers) == ref, f"{path}: not the same bytes"
            assert wait_for(bare + small, headers) == wait_for(nginx + small, headers)
            assert wait_for(bare_template + small, headers) == wait_for(bare + small, headers)
            sizes = {p: len(wait_for(nginx + p, headers)) for p in (small, large)}
            print(
                f"feeds: seed {sizes[small]} B, big.ics {sizes[large]} B on the wire "
                f"({'identity' if identity else 'gzip'}; "
                f"{(static / 'big.ics').stat().st_size} B unpacked); "
                f"wrk -t1 -c{connections} -d{duration}s, {rounds} rounds, headers {headers}"
            )
            rows = {
                "personal 93 KB (/feeds/{token}.ics)": personal,
                "public 93 KB, same run": base + large,
                "public 6 KB (seed agenda)": base + small,
                "bare aiohttp+uvloop 6 KB": bare + small,
                "bare, route /calendars/{schedule}.ics": bare_template + small,
                "nginx 6 KB": nginx + small,
                "nginx 93 KB": nginx + large,
            }
            found: dict[str, list[float]] = {name: [] for name in rows}
            p99s: dict[str, list[str]] = {name: [] for name in rows}
            # Interleaved, every other round in reverse: noise from other work, and whatever
            # comes of being first or last in a round, hits every row alike.
            for turn in range(rounds):
                order = list(rows.items())
                for name, url in order if turn % 2 == 0 else reversed(order):
                    rps, p99 = wrk(url, duration, connections, headers)
                    found[name].append(rps)
                    p99s[name].append(p99)
        finally:
            for process in reversed(processes):
                process.terminate()
                process.wait(10)
    median = {name: statistics.median(values) for name, values in found.items()}
    for name, values in found.items():
        spread = f"{min(values):.0f}-{max(values):.0f}"
        print(f"{name:38} {median[name]:9.0f} req/s (spread {spread}), p99 {' '.join(p99s[name])}")
    for label, ours_name, ref_name, goal in (
        (
            "1. personal / public, 93 KB",
            "personal 93 KB (/feeds/{token}.ics)",
            "public 93 KB, same run",
            0.9,
        ),
        (
            "2. public all.ics / bare aiohttp",
            "public 6 KB (seed agenda)",
            "bare aiohttp+uvloop 6 KB",
            0.9,
        ),
        (
            "   public / bare, same route template",
            "public 6 KB (seed agenda)",
            "bare, route /calendars/{schedule}.ics",
            None,
        ),
        (
            "   bare same template / bare",
            "bare, route /calendars/{schedule}.ics",
            "bare aiohttp+uvloop 6 KB",
            None,
        ),
        ("   public 6 KB / nginx", "public 6 KB (seed agenda)", "nginx 6 KB", None),
        ("3. public 93 KB / nginx", "public 93 KB, same run", "nginx 93 KB", 0.70),
    ):
        ratio = median[ours_name] / median[ref_name]
        target = f"(goal: at least {goal:.2f})" if goal else "(reference)"
        print(f"{label:38} {ratio:5.2f} {target}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout to serve")
    parser.add_argument("--identity", action="store_true", help="no Accept-Encoding: gzip")
    parser.add_argument("--no-build", action="store_true", help="skip the build timings")
    args = parser.parse_args()
    if not args.no_build:
        build_times()
    throughput(args.duration, args.connections, args.rounds, args.root.resolve(), args.identity)


if __name__ == "__main__":
    main()
