from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli
from tests.helpers import PAGES, ROOT, SEED


def run(*args: str, cwd: Path | None = None) -> tuple[int, str, str]:
    runner = CliRunner()
    if cwd is not None:
        old = Path.cwd()
        os.chdir(cwd)
    try:
        result = runner.invoke(cli, list(args), catch_exceptions=False)
    finally:
        if cwd is not None:
            os.chdir(old)
    return result.exit_code, result.stdout, result.stderr


def test_check_defaults_to_the_schedules_folder_and_passes_on_the_seed() -> None:
    code, out, _ = run("check", cwd=ROOT)
    assert code == 0
    assert out.splitlines() == [
        "schedules/istio-meetup-china-2021.md: ok: 1 schedule, 9 sessions (en, zh), 1 warning, "
        "0 errors",
        "  schedules/istio-meetup-china-2021.md:13: warning: CST is ambiguous (Asia/Shanghai, "
        "America/Chicago, America/Havana); assumed Asia/Shanghai",
        "schedules/istio-meetup-china-2021.zh.md: ok: translation of "
        "schedules/istio-meetup-china-2021.md, 0 warnings, 0 errors",
        "schedules/speakers/huabing-zhao.md: speaker Huabing Zhao (赵化冰) [en], 16 talks, "
        "4 publications, 6 projects, 3 links, profile huabing-zhao, 0 warnings, 0 errors",
        "schedules/speakers/huabing-zhao.zh.md: speaker 赵化冰 (Huabing Zhao) [zh], 16 talks, "
        "4 publications, 6 projects, 3 links, profile huabing-zhao, 0 warnings, 0 errors",
        "4 files, 0 failed",
    ]


def test_check_reports_file_and_line_and_exits_1_when_a_file_fails(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "bad.md").write_text(
        (PAGES / "bad-rows.md").read_text(encoding="utf-8"), encoding="utf-8"
    )
    code, out, _ = run("check", str(tmp_path))
    assert code == 1
    assert (
        f"{tmp_path / 'bad.md'}:11: error: end 14:00 is before start 14:30; session not imported"
        in out
    )
    assert f"{tmp_path / 'good.md'}: ok:" in out
    assert out.splitlines()[-1] == "2 files, 1 failed"


def test_check_on_a_missing_path_fails_cleanly(tmp_path: Path) -> None:
    code, out, _ = run("check", str(tmp_path / "nope"))
    assert code == 1
    assert "no such file or folder" in out


def test_show_json_is_one_object_with_times_in_the_asked_zone() -> None:
    code, out, _ = run("show", str(SEED), "--tz", "America/New_York", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"schedules", "warnings"}
    [schedule] = data["schedules"]
    assert (schedule["id"], schedule["timezone"], len(schedule["sessions"])) == (
        "istio-meetup-china-2021",
        "Asia/Shanghai",
        9,
    )
    first = schedule["sessions"][0]
    assert first == {
        "id": "sign-in",
        "title": "Sign in",
        "titles": {},
        "start": "2021-07-10T01:30:00-04:00",
        "end": "2021-07-10T01:50:00-04:00",
        "all_day": False,
        "speakers": [],
        "location": first["location"],
        "track": None,
    }
    assert first["location"].startswith("Industrial Internet Exhibition Hall")
    assert data["warnings"] == [
        {
            "file": str(SEED),
            "line": 13,
            "message": "CST is ambiguous (Asia/Shanghai, America/Chicago, America/Havana); "
            "assumed Asia/Shanghai",
            "severity": "warning",
        }
    ]


def test_show_json_gives_dates_for_all_day_entries_and_null_for_unknown_ends() -> None:
    code, out, _ = run("show", str(PAGES / "front-matter-only.md"), "--format", "json")
    session = json.loads(out)["schedules"][0]["sessions"][0]
    assert (code, session["start"], session["end"], session["all_day"]) == (
        0,
        "2024-06-01",
        "2024-06-02",
        True,
    )
    _, out, _ = run("show", str(PAGES / "announcement.md"), "--format", "json")
    assert json.loads(out)["schedules"][0]["sessions"][0]["end"] is None


def test_show_table_marks_day_changes_and_sessions_on_another_date_for_the_reader() -> None:
    code, out, _ = run("show", str(SEED), "--tz", "Pacific/Honolulu")
    assert code == 0
    lines = out.splitlines()
    assert lines[1] == "organizers' zone: Asia/Shanghai; shown in: Pacific/Honolulu"
    assert "Fri 2021-07-09" in lines
    assert lines[lines.index("Fri 2021-07-09") + 1] == (
        "  19:30-19:50 UTC-10:00  Sign in  (Sat 2021-07-10 for the organizers)"
    )


def test_show_uses_source_tz_for_pages_that_state_no_zone() -> None:
    code, out, _err = run(
        "show", str(PAGES / "date-only.md"), "--source-tz", "Europe/Paris", "--format", "json"
    )
    assert code == 0
    assert json.loads(out)["schedules"][0]["timezone"] == "Europe/Paris"
    assert "assumed Europe/Paris" in json.loads(out)["warnings"][0]["message"]


def test_show_rejects_an_unknown_zone_naming_the_option() -> None:
    code, _, err = run("show", str(SEED), "--tz", "Mars/Olympus")
    assert code == 2
    assert "--tz" in err and "Mars/Olympus" in err


def test_convert_prints_the_time_in_every_asked_zone() -> None:
    code, out, err = run(
        "convert",
        "14:00 CST",
        "--date",
        "2021-07-10",
        "--to",
        "America/New_York",
        "--to",
        "Europe/Berlin",
    )
    assert code == 0
    assert out.splitlines() == [
        "Asia/Shanghai     2021-07-10 14:00 UTC+08:00",
        "America/New_York  2021-07-10 02:00 UTC-04:00",
        "Europe/Berlin     2021-07-10 08:00 UTC+02:00",
    ]
    assert "CST is ambiguous" in err


def test_convert_a_range_across_the_date_line() -> None:
    code, out, _ = run("convert", "9am-10am PT", "--date", "2025-09-24", "--to", "Asia/Tokyo")
    assert code == 0
    assert out.splitlines()[1] == (
        "Asia/Tokyo           2025-09-25 01:00 UTC+09:00 - 2025-09-25 02:00 UTC+09:00"
    )


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("convert", "noon-ish"), "no time of day"),
        (("convert", "14:00", "--date", "2021-13-01"), "--date"),
        (("convert", "14:00", "--from", "Nowhere/Land", "--date", "2021-01-01"), "--from"),
    ],
)
def test_convert_errors_name_what_is_wrong(args: tuple[str, ...], needle: str) -> None:
    code, _, err = run(*args)
    assert code == 2
    assert needle in err


def test_config_file_overrides_abbreviations(tmp_path: Path) -> None:
    config = tmp_path / "agenda-bot.toml"
    config.write_text('[abbreviations]\nCST = "America/Chicago"\n', encoding="utf-8")
    page = tmp_path / "call.md"
    page.write_text("# Community call\n\n**Date:** 2024-05-05, 10:00-11:00 CST\n", encoding="utf-8")
    code, out, _ = run("--config", str(config), "show", str(page), "--format", "json")
    assert code == 0
    assert json.loads(out)["schedules"][0]["timezone"] == "America/Chicago"
    # The seed page is in Beijing: there CST is China's, whatever the default meaning.
    code, out, _ = run("--config", str(config), "show", str(SEED), "--format", "json")
    assert json.loads(out)["schedules"][0]["timezone"] == "Asia/Shanghai"


def test_a_wrong_setting_stops_with_one_line_naming_it(tmp_path: Path) -> None:
    config = tmp_path / "agenda-bot.toml"
    config.write_text('[abbreviations]\nCST = "Central"\n', encoding="utf-8")
    code, _, err = run("--config", str(config), "check")
    assert code == 2
    assert "abbreviations.CST = 'Central' is not an IANA time zone name" in err


def test_the_console_entry_point_runs_as_a_real_process() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "bot", "show", str(SEED), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "TZ": "America/Los_Angeles"},
        cwd=ROOT,
    )
    assert completed.returncode == 0, completed.stderr
    # The server's own zone never leaks in: UTC is the default display zone.
    assert json.loads(completed.stdout)["schedules"][0]["sessions"][0]["start"] == (
        "2021-07-10T05:30:00+00:00"
    )
