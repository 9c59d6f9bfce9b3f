"""Agendas written as lists of dated lines, of talks under dated headings, and of lengths."""

from __future__ import annotations

from bot.domain.agenda import Speaker
from tests.helpers import read_text, timeline


def _sessions(text: str) -> list[tuple[str, str | None, str | None]]:
    return [row for schedule in read_text(text).schedules for row in timeline(schedule)]


def test_each_dated_line_in_a_row_is_a_session_on_its_own_date_across_dst() -> None:
    page = (
        "# Security Office Hours\n\n"
        "- **Thursday, March 5, 2026**, 12:00–13:00 ET — Supply-chain security\n"
        "- **Thursday, March 12, 2026**, 12:00–13:00 ET — Fuzzing unsafe code\n"
    )
    assert _sessions(page) == [
        ("Supply-chain security", "2026-03-05T17:00Z", "2026-03-05T18:00Z"),
        ("Fuzzing unsafe code", "2026-03-12T16:00Z", "2026-03-12T17:00Z"),
    ]


def test_dated_paragraphs_are_sessions_too() -> None:
    page = (
        "# Office Hours\n\n"
        "Thursday, March 5, 2026, 12:00–13:00 ET — Supply-chain security\n\n"
        "Thursday, March 12, 2026, 12:00–13:00 ET — Fuzzing unsafe code\n"
    )
    assert [row[0] for row in _sessions(page)] == ["Supply-chain security", "Fuzzing unsafe code"]


def test_chinese_dated_lines_keep_the_bracketed_zone_out_of_the_title() -> None:
    page = (
        "# 线上分享\n\n"
        "- 2026年3月5日 20:00-21:00（北京时间）第一期：供应链安全\n"
        "- 2026年3月12日 20:00-21:00（北京时间）第二期：模糊测试\n"
    )
    assert _sessions(page) == [
        ("第一期：供应链安全", "2026-03-05T12:00Z", "2026-03-05T13:00Z"),
        ("第二期：模糊测试", "2026-03-12T12:00Z", "2026-03-12T13:00Z"),
    ]


def test_hours_stated_once_give_each_dated_heading_its_talk() -> None:
    page = (
        "# Chicago Gophers\n\n"
        "Both meetups are at Braintree, 6:00 PM – 8:30 PM CT.\n\n"
        "### Thursday, October 29, 2026\n\n"
        "Generics patterns — Priya Raman\n\n"
        "### Thursday, November 5, 2026\n\n"
        "Go 1.26 release party — Dan Kortschak\n"
    )
    result = read_text(page)
    assert timeline(result.schedules[0]) == [
        ("Generics patterns", "2026-10-29T23:00Z", "2026-10-30T01:30Z"),
        ("Go 1.26 release party", "2026-11-06T00:00Z", "2026-11-06T02:30Z"),
    ]
    assert result.schedules[0].sessions[1].speakers == (Speaker("Dan Kortschak", None),)


def test_a_numbered_list_of_lengths_runs_from_the_stated_start() -> None:
    page = (
        "# FOSS Policy Forum\n\n"
        "Tuesday 31 March 2026, starting 16:00 Paris time.\n\n"
        "1. Opening words (10 min) — Amandine Leroy, OpenForum Europe\n"
        "2. The Cyber Resilience Act one year on (30 min) — Marcel Kolaja\n"
        "3. Closing (5 min)\n"
    )
    result = read_text(page)
    assert timeline(result.schedules[0]) == [
        ("Opening words", "2026-03-31T14:00Z", "2026-03-31T14:10Z"),
        ("The Cyber Resilience Act one year on", "2026-03-31T14:10Z", "2026-03-31T14:40Z"),
        ("Closing", "2026-03-31T14:40Z", "2026-03-31T14:45Z"),
    ]
    assert result.schedules[0].sessions[0].speakers == (
        Speaker("Amandine Leroy", "OpenForum Europe"),
    )
