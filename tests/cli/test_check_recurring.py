"""`agenda-bot check` on pages that state recurring meetings (Markdown and the native format)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli
from tests.helpers import PAGES

READABLE = [
    "recurring-weekly-utc.md",
    "recurring-la-dst.md",
    "recurring-biweekly-zh.md",
    "recurring-monthly-beijing.md",
    "recurring-first-third-paris.md",
    "recurring-with-agenda.md",
    "recurring-labels.md",
    "recurring-native-calls.yaml",
]


def _check(*paths: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["check", *map(str, paths)], catch_exceptions=False)
    return result.exit_code, result.stdout


@pytest.mark.parametrize("name", READABLE)
def test_check_passes_on_a_page_that_states_a_recurring_meeting(name: str, tmp_path: Path) -> None:
    page = tmp_path / name
    shutil.copy(PAGES / name, page)
    code, out = _check(page)
    assert code == 0, out
    assert out.splitlines()[0].startswith(f"{page}: ok: 1 schedule,")
    assert out.splitlines()[-1] == "1 files, 0 failed"


def test_check_fails_with_file_and_line_when_the_weeks_are_not_said(tmp_path: Path) -> None:
    page = tmp_path / "recurring-no-parity.md"
    shutil.copy(PAGES / page.name, page)
    code, out = _check(page)
    assert code == 1
    assert (
        f"{page}:3: error: 'Every other Tuesday at 9am PT' does not say which weeks: add the "
        "date of one meeting" in out
    )
    assert out.splitlines()[-1] == "1 files, 1 failed"


def test_a_page_with_only_a_recurrence_was_no_agenda_before_and_reads_now(tmp_path: Path) -> None:
    page = tmp_path / "call.md"
    page.write_text("# Community call\n\nEvery Wednesday at 5pm UTC\n", encoding="utf-8")
    code, out = _check(page)
    assert code == 0, out
    assert "no agenda found" not in out


def test_the_summary_of_a_page_that_is_only_a_recurring_meeting_counts_its_series(
    tmp_path: Path,
) -> None:
    page = tmp_path / "recurring-labels.md"
    shutil.copy(PAGES / page.name, page)
    code, out = _check(page)
    assert code == 0, out
    assert (
        out.splitlines()[0] == f"{page}: ok: 1 schedule, 1 recurring series, 0 warnings, 0 errors"
    )


def test_the_summary_counts_the_sessions_and_the_series_of_a_page_that_has_both(
    tmp_path: Path,
) -> None:
    page = tmp_path / "recurring-with-agenda.md"
    shutil.copy(PAGES / page.name, page)
    code, out = _check(page)
    assert code == 0, out
    assert out.splitlines()[0].startswith(
        f"{page}: ok: 1 schedule, 3 sessions, 1 recurring series, "
    )
