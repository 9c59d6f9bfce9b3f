"""The live agendas when one is published in two languages: one schedule, one feed entry each."""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.agendas.library import AgendaLibrary
from bot.domain.ics.calendars import feed_calendar
from bot.domain.readers.context import ReadOptions
from tests.helpers import SEED

ZH_SEED = SEED.with_name("istio-meetup-china-2021.zh.md")
T0 = datetime(2026, 1, 1, tzinfo=UTC)


def _folder(tmp_path: Path, *, chinese: bool = True) -> Path:
    folder = tmp_path / "schedules"
    folder.mkdir()
    shutil.copy(SEED, folder / "meetup.md")
    if chinese:
        shutil.copy(ZH_SEED, folder / "meetup.zh.md")
    return folder


def _touch(path: Path, seconds: int) -> None:
    """A later modification time, as an edit a few seconds on has."""
    at = path.stat().st_mtime + seconds
    os.utime(path, (at, at))


def test_a_page_and_its_translation_are_one_live_agenda_with_one_feed_entry_per_session(
    tmp_path: Path,
) -> None:
    library = AgendaLibrary(_folder(tmp_path), ReadOptions(), clock=lambda: T0)
    snapshot = library.load()
    assert list(snapshot.schedules) == ["meetup"]
    schedule = snapshot.schedules["meetup"]
    assert schedule.languages == ("en", "zh")
    assert all(s.title_in("zh") != s.title_in("en") for s in schedule.sessions)
    assert len(snapshot.revisions) == 9
    feed = feed_calendar(schedule.title, list(snapshot.schedules.values()), snapshot.revisions)
    assert feed.count(b"BEGIN:VEVENT") == 9
    assert not snapshot.errors


def test_a_translation_that_cannot_be_read_never_takes_the_page_down(tmp_path: Path) -> None:
    folder = _folder(tmp_path, chinese=False)
    (folder / "meetup.zh.md").write_bytes(b"\x00\x01 binary junk")
    library = AgendaLibrary(folder, ReadOptions(), clock=lambda: T0)
    snapshot = library.load()
    assert list(snapshot.schedules) == ["meetup"]
    assert snapshot.schedules["meetup"].titles == ()
    assert [d.file for d in snapshot.errors] == [str(folder / "meetup.zh.md")]
    shutil.copy(ZH_SEED, folder / "meetup.zh.md")
    assert library.load().schedules["meetup"].titles == (("zh", "首届 Istio Meetup China 来啦！"),)
    # Broken again after a good version: that version stays merged.
    (folder / "meetup.zh.md").write_bytes(b"\x00\x01 binary junk")
    again = library.load()
    assert again.schedules["meetup"].titles == (("zh", "首届 Istio Meetup China 来啦！"),)
    assert list(again.schedules) == ["meetup"]


def test_a_changed_chinese_title_raises_that_sessions_sequence_only(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    clock = [T0]
    library = AgendaLibrary(folder, ReadOptions(), clock=lambda: clock[0])
    before = library.load().revisions
    assert {r.sequence for r in before.values()} == {0}
    page = folder / "meetup.zh.md"
    page.write_text(page.read_text(encoding="utf-8").replace("| 茶歇 |", "| 茶歇与交流 |"))
    _touch(page, 5)
    clock[0] = T0 + timedelta(hours=1)
    after = library.load()
    assert {k: r.sequence for k, r in after.revisions.items() if r.sequence} == {
        "meetup/coffee-break": 1
    }
    changed = after.revisions["meetup/coffee-break"]
    assert changed.changed_at == datetime.fromtimestamp(int(page.stat().st_mtime), UTC)
    assert after.schedules["meetup"].sessions[5].title_in("zh") == "茶歇与交流"
    clock[0] = T0 + timedelta(hours=2)
    assert library.load().revisions == after.revisions  # read again unchanged: nothing moves


def test_a_translation_removed_leaves_the_page_alone(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    library = AgendaLibrary(folder, ReadOptions(), clock=lambda: T0)
    library.load()
    (folder / "meetup.zh.md").unlink()
    snapshot = library.load()
    assert list(snapshot.schedules) == ["meetup"]
    assert all(not s.titles for s in snapshot.schedules["meetup"].sessions)
    assert not snapshot.retired


def test_a_translation_on_another_date_is_an_agenda_of_its_own_with_a_warning(
    tmp_path: Path,
) -> None:
    folder = _folder(tmp_path)
    page = folder / "meetup.zh.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("2021 年 7 月 10 日", "2021 年 7 月 17 日")
    )
    snapshot = AgendaLibrary(folder, ReadOptions(), clock=lambda: T0).load()
    assert list(snapshot.schedules) == ["meetup", "meetup-zh"]
    assert [d.message for d in snapshot.diagnostics if d.file == str(page)] == [
        f"no session is at the time of one of {folder / 'meetup.md'} (2021-07-17 here, "
        "2021-07-10 there): not merged; kept as an agenda of its own"
    ]
