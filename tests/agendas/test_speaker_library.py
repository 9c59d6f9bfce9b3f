"""Speaker pages in the agenda library: `speakers/` right under the schedules folder is read as
people, never as agendas; every schedule (the operators' and the servers' imports) is linked
to them; a broken speaker page is a problem with its file and line and takes nothing down."""

from __future__ import annotations

import asyncio
import shutil
from datetime import UTC, datetime
from pathlib import Path

from bot.agendas.library import AgendaLibrary
from bot.agendas.watch import watch_agendas
from bot.domain.agenda import Speaker
from bot.domain.diagnostics import Diagnostic, Severity
from bot.domain.readers.context import ReadOptions
from tests.agendas.conftest import MemoryImports
from tests.helpers import PAGES, ROOT, SEED

SPEAKERS = ROOT / "schedules" / "speakers"
SESSION = "full-stack-service-grid-aeraki-helps-you-manage"
TITLE = "Full-stack service grid-Aeraki helps you manage any seven-tier traffic in Istio"
T0 = datetime(2026, 1, 1, tzinfo=UTC)


def _folder(tmp_path: Path, speakers: str = "speakers") -> Path:
    folder = tmp_path / "schedules"
    (folder / speakers).mkdir(parents=True)
    shutil.copy(SEED, folder / "meetup.md")
    shutil.copy(PAGES / "toml-front-matter.md", folder / "night.md")
    for page in ("huabing-zhao.md", "huabing-zhao.zh.md"):
        shutil.copy(SPEAKERS / page, folder / speakers / page)
    return folder


def _session_speakers(library: AgendaLibrary) -> tuple[str, tuple[Speaker, ...]]:
    session = next(s for s in library.snapshot.schedules["meetup"].sessions if s.id == SESSION)
    return session.title, session.speakers


def test_speaker_pages_are_people_and_sessions_link_to_them(tmp_path: Path) -> None:
    library = AgendaLibrary(_folder(tmp_path), ReadOptions(), clock=lambda: T0)
    snapshot = library.load()
    assert list(snapshot.schedules) == ["meetup", "night"]  # speaker pages are no agendas
    assert list(snapshot.speakers) == ["huabing-zhao"]
    person = snapshot.speakers["huabing-zhao"]
    assert (person.name, person.names, len(person.talks)) == (
        "Huabing Zhao",
        ("Huabing Zhao", "赵化冰"),
        16,
    )
    assert _session_speakers(library) == (
        TITLE,
        (Speaker("Huabing Zhao", "Senior Engineer, Tencent Cloud", "huabing-zhao"),),
    )
    assert not [d for d in snapshot.diagnostics if "speakers" in d.file]
    # The calendars know the session as the linked schedule has it.
    revision = next(r for r in snapshot.revisions.values() if r.session.id == SESSION)
    assert revision.session.title == TITLE


def test_the_speakers_folder_is_found_in_any_case(tmp_path: Path) -> None:
    library = AgendaLibrary(_folder(tmp_path, "Speakers"), ReadOptions(), clock=lambda: T0)
    snapshot = library.load()
    assert list(snapshot.speakers) == ["huabing-zhao"]
    assert list(snapshot.schedules) == ["meetup", "night"]


def test_a_broken_speaker_page_beside_good_agendas(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "speakers" / "broken.yaml").write_text("name: Ana\ntalks: [unclosed\n")
    (folder / "speakers" / "about.md").write_text("## About\n\nWelcome to my site.\n")
    (folder / "speakers" / "zhao-huabing.md").write_text("# Zhao Huabing\n\nAnother page.\n")
    with_pages = AgendaLibrary(folder, ReadOptions(), clock=lambda: T0).load()
    shutil.rmtree(folder / "speakers")
    without = AgendaLibrary(folder, ReadOptions(), clock=lambda: T0).load()
    # The agendas read as they do with no speaker page at all, but for the linked session.
    assert list(with_pages.schedules) == list(without.schedules) == ["meetup", "night"]
    assert with_pages.schedules["night"] == without.schedules["night"]
    problems = [d for d in with_pages.diagnostics if "/speakers/" in d.file]
    assert [(Path(d.file).name, d.line, d.severity) for d in problems] == [
        ("about.md", 1, Severity.ERROR),
        ("broken.yaml", 3, Severity.ERROR),
        ("zhao-huabing.md", 1, Severity.ERROR),
    ]
    assert "names no one" in problems[0].message
    assert problems[1].message.startswith("not valid YAML")
    assert problems[2].message.startswith("duplicate person")
    assert [d for d in with_pages.diagnostics if d not in problems] == list(without.diagnostics)
    assert list(with_pages.speakers) == ["huabing-zhao"]


def test_a_broken_edit_keeps_the_person_and_their_links(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "speakers" / "huabing-zhao.zh.md").unlink()
    library = AgendaLibrary(folder, ReadOptions(), clock=lambda: T0)
    first = library.load()
    page = folder / "speakers" / "huabing-zhao.md"
    page.write_bytes(b"\x00 not a page")
    second = library.load()
    assert second.speakers == first.speakers
    assert second.schedules == first.schedules
    assert (
        Diagnostic(
            str(page), 0, "the last good version stays live until this is fixed", Severity.WARNING
        )
        in second.diagnostics
    )


def test_session_ids_and_revisions_stay_when_a_speaker_page_is_added(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    shutil.rmtree(folder / "speakers")
    library = AgendaLibrary(folder, ReadOptions(), clock=lambda: T0)
    before = library.load()
    (folder / "speakers").mkdir()
    shutil.copy(SPEAKERS / "huabing-zhao.md", folder / "speakers" / "huabing-zhao.md")
    after = library.load()
    assert after.version == before.version + 1
    assert set(after.revisions) == set(before.revisions)
    ids = [s.id for s in before.schedules["meetup"].sessions]
    assert [s.id for s in after.schedules["meetup"].sessions] == ids
    assert _session_speakers(library)[1][0].profile == "huabing-zhao"


def test_a_bio_edit_alone_is_a_new_version(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    library = AgendaLibrary(folder, ReadOptions(), clock=lambda: T0)
    before = library.load()
    page = folder / "speakers" / "huabing-zhao.zh.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("大家好！", "你好！"), encoding="utf-8"
    )
    after = library.load()
    assert after.schedules == before.schedules
    assert after.version == before.version + 1
    assert (after.speakers["huabing-zhao"].bio_in("zh") or "").startswith("你好！我是赵化冰")


def test_a_servers_imported_agenda_is_linked_too(
    tmp_path: Path, memory_imports: MemoryImports
) -> None:
    folder = _folder(tmp_path)
    agenda = (
        "# Mesh night\n\n**Date:** 2030-03-05 (UTC)\n\n| Time | Session | Speaker |\n"
        "| --- | --- | --- |\n| 18:00 - 18:30 | Aeraki | Zhao Huabing |\n"
    )
    memory_imports.save(42, "mesh-night.md", agenda.encode())
    library = AgendaLibrary(folder, ReadOptions(), clock=lambda: T0, imports=memory_imports)
    snapshot = library.load()
    night = snapshot.schedules["mesh-night"]
    assert night.sessions[0].speakers == (Speaker("Zhao Huabing", None, "huabing-zhao"),)
    assert snapshot.visibility_of("mesh-night").guild_id == 42


async def test_the_watcher_reloads_when_a_speaker_page_changes(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    library = AgendaLibrary(folder, ReadOptions())
    library.load()
    seen: list[list[str]] = []
    library.subscribe(lambda snapshot: seen.append(sorted(snapshot.speakers)))
    stop = asyncio.Event()
    watcher = asyncio.create_task(watch_agendas(library, stop, debounce_ms=50))
    await asyncio.sleep(0.2)
    shutil.copy(PAGES / "speakers" / "ana-souza.yaml", folder / "speakers" / "ana-souza.yaml")
    for _ in range(100):
        if seen:
            break
        await asyncio.sleep(0.05)
    stop.set()
    await watcher
    assert seen and seen[-1] == ["ana-souza", "huabing-zhao"]
