"""`check` reports speaker pages; `show` links sessions to them (the profile id in JSON)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.cli.test_agenda_commands import run
from tests.helpers import ROOT, SEED

SPEAKERS = ROOT / "schedules" / "speakers"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "schedules"
    (folder / "speakers").mkdir(parents=True)
    shutil.copy(SEED, folder / "meetup.md")
    shutil.copy(SPEAKERS / "huabing-zhao.md", folder / "speakers" / "huabing-zhao.md")
    return folder


def test_check_reports_each_speaker_page_and_its_problems(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    broken = folder / "speakers" / "nobody.yaml"
    broken.write_text("bio: Someone.\n")
    code, out, _ = run("check", str(folder))
    assert code == 1
    lines = out.splitlines()
    assert lines[2:] == [
        f"{folder / 'speakers' / 'huabing-zhao.md'}: speaker Huabing Zhao [en], 16 talks, "
        "4 publications, 6 projects, 3 links, profile huabing-zhao, 0 warnings, 0 errors",
        f"{broken}: FAILED: no speaker read, 0 warnings, 1 error",
        f"  {broken}:1: error: a speaker needs a `name:`",
        "3 files, 1 failed",
    ]
    assert lines[0].startswith(f"{folder / 'meetup.md'}: ok: 1 schedule, 9 sessions")


def test_check_of_a_speakers_folder_alone(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    code, out, _ = run("check", str(folder / "speakers"))
    assert code == 0
    assert out.splitlines()[-1] == "1 files, 0 failed"
    assert "speaker Huabing Zhao" in out


def test_show_json_gives_each_speakers_profile(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    code, out, _ = run("show", str(folder / "meetup.md"), "--format", "json")
    assert code == 0
    sessions = json.loads(out)["schedules"][0]["sessions"]
    linked = [s for s in sessions if any(p["profile"] for p in s["speakers"])]
    assert [(s["id"], s["title"], s["speakers"]) for s in linked] == [
        (
            "full-stack-service-grid-aeraki-helps-you-manage",
            "Full-stack service grid-Aeraki helps you manage any seven-tier traffic in Istio",
            [
                {
                    "name": "Huabing Zhao",
                    "affiliation": "Senior Engineer, Tencent Cloud",
                    "profile": "huabing-zhao",
                }
            ],
        )
    ]
    others = [p for s in sessions for p in s["speakers"] if not p["profile"]]
    assert others and all(p["profile"] is None for p in others)


def test_show_table_names_the_speaker_after_the_title(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    code, out, _ = run("show", str(folder))
    assert code == 0
    assert (
        "08:15-08:45 UTC  Full-stack service grid-Aeraki helps you manage any seven-tier traffic "
        "in Istio — Huabing Zhao (Senior Engineer, Tencent Cloud)"
    ) in out
