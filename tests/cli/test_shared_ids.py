"""Two agendas of one folder that would get the same id: `check` says so, as the bot does,
whatever the folder is; files named in a script with nothing to slug get ids of their own."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_agenda_commands import run

PAGE = """---
title: {title}
---

**Date:** 2026-12-05 14:00 UTC

- 14:00 Talk
"""

CHINESE = """---
title: {title}
---

**时间：** 2026 年 12 月 5 日 14:00-17:00（北京时间）

| 时间 | 议题 |
| --- | --- |
| 14:00 - 14:30 | 签到 |
"""


def test_check_of_a_folder_reports_two_files_asking_for_one_id(tmp_path: Path) -> None:
    for folder, title in (("x", "A"), ("y", "B")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "meetup.md").write_text(PAGE.format(title=title))
    code, out, _ = run("check", str(tmp_path))
    assert code == 1
    [line] = [x for x in out.splitlines() if "already used" in x]
    assert line.strip().startswith(f"{tmp_path}/y/meetup.md:")
    assert line.endswith(
        f"error: schedule id 'meetup' is already used by {tmp_path}/x/meetup.md; "
        "this one is not shown"
    )


def test_files_named_in_chinese_get_ids_of_their_own(tmp_path: Path) -> None:
    for name in ("北京聚会", "深圳聚会"):
        (tmp_path / f"{name}.md").write_text(CHINESE.format(title=name), encoding="utf-8")
    code, out, _ = run("check", str(tmp_path))
    assert code == 0, out
    code, out, _ = run("show", str(tmp_path), "--format", "json")
    ids = [s["id"] for s in json.loads(out)["schedules"]]
    assert len(set(ids)) == 2
    assert all(i.startswith("agenda-") for i in ids)
    # The same name gives the same id on every reading (stable links and feeds).
    assert run("show", str(tmp_path), "--format", "json")[1] == out
