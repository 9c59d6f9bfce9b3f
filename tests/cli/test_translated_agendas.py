"""`check`, `show` and `reminders` on an agenda published in two languages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from bot.cli import cli
from tests.helpers import SEED

ZH_SEED = SEED.with_name("istio-meetup-china-2021.zh.md")


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "schedules"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    shutil.copy(ZH_SEED, folder / ZH_SEED.name)
    return folder


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_check_counts_the_translation_as_part_of_its_page(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    code, out, _ = run("check", str(folder))
    assert code == 0
    assert out.splitlines() == [
        f"{folder / SEED.name}: ok: 1 schedule, 9 sessions (en, zh), 1 warning, 0 errors",
        f"  {folder / SEED.name}:13: warning: CST is ambiguous (Asia/Shanghai, America/Chicago, "
        "America/Havana); assumed Asia/Shanghai",
        f"{folder / ZH_SEED.name}: ok: translation of {folder / SEED.name}, 0 warnings, 0 errors",
        "2 files, 0 failed",
    ]


def test_show_in_chinese_lists_one_agenda_with_its_chinese_titles(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    code, out, _ = run("show", str(folder), "--language", "zh", "--tz", "Asia/Shanghai")
    assert code == 0
    lines = out.splitlines()
    assert lines[:5] == [
        "首届 Istio Meetup China 来啦！  [istio-meetup-china-2021]",
        "organizers' zone: Asia/Shanghai; shown in: Asia/Shanghai; languages: zh, en",
        "",
        "Sat 2021-07-10",
        "  13:30-13:50 UTC+08:00  签到",
    ]
    assert "  15:30-15:45 UTC+08:00  茶歇" in lines
    assert len(lines) == 4 + 9
    _, english, _ = run("show", str(folder))
    assert english.splitlines()[:2] == [
        "The first local Istio meetup is here!  [istio-meetup-china-2021]",
        "organizers' zone: Asia/Shanghai; shown in: UTC; languages: en, zh",
    ]


def test_show_json_carries_the_language_and_every_sessions_titles(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    _, out, _ = run("show", str(folder), "--format", "json")
    [schedule] = json.loads(out)["schedules"]
    assert (schedule["language"], schedule["titles"]) == (
        "en",
        {"zh": "首届 Istio Meetup China 来啦！"},
    )
    assert [(s["title"], s["titles"]) for s in schedule["sessions"]][5] == (
        "Coffee break",
        {"zh": "茶歇"},
    )
    _, out, _ = run("show", str(folder), "--format", "json", "--language", "zh-CN")
    [chinese] = json.loads(out)["schedules"]
    assert (chinese["id"], chinese["language"], chinese["title"]) == (
        "istio-meetup-china-2021",
        "zh",
        "首届 Istio Meetup China 来啦！",
    )
    assert [(s["title"], s["titles"]) for s in chinese["sessions"]][5] == (
        "茶歇",
        {"en": "Coffee break"},
    )


def test_reminders_list_each_session_once_in_the_language_asked(tmp_path: Path) -> None:
    code, out, _ = run("reminders", str(_folder(tmp_path)), "--all", "--language", "zh")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 1 + 9  # the event's reminder, then one per session
    assert lines[1] == (
        "2021-07-10 05:15 UTC  session    15 min before 2021-07-10 05:30  "
        "istio-meetup-china-2021: 签到"
    )


def test_a_language_that_is_no_language_is_refused_with_its_name(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["show", str(_folder(tmp_path)), "--language", "klingon"])
    assert result.exit_code == 2
    assert "'klingon' is not a language" in result.stderr
