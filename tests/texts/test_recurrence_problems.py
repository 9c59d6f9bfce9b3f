"""The readers' problems about recurring meetings, in Chinese."""

from __future__ import annotations

import pytest

from bot.domain.diagnostics import Diagnostic, Severity
from bot.texts.problems import problem_text
from tests.helpers import messages, read_text

PAGES_WITH_PROBLEMS = [
    ("# Release sync\n\nEvery other Tuesday at 9am PT\n", "page.md", "没有说明是哪几周"),
    ("# Review\n\nWeekly review at 14:00 UTC\n", "page.md", "请说明是星期几"),
    ("# Book club\n\nEvery other Thursday, starting 2026-01-08\n", "page.md", "没有写明几点开会"),
    ("# Call\n\nEvery second Tuesday at 6pm UTC\n", "page.md", "既可能是隔周"),
    ("# Call\n\nMonthly call at 17:00 UTC\n", "page.md", "请说明是每月哪一天"),
    (
        "# Call\n\nEvery Wednesday at 17:00 UTC, starting 2026-01-05\n",
        "page.md",
        "不是开会的日子；第一次会议是 2026-01-07",
    ),
    ("# Call\n\nEvery Wednesday at 17:00 UTC\n\nNo meeting on Dec 31.\n", "page.md", "没有年份"),
    (
        "title: Calls\ntimezone: UTC\nsessions:\n  - title: Sync\n    start: '20:00'\n"
        "    repeat: every other Friday\n",
        "calls.yaml",
        "没有说明是哪几周",
    ),
    (
        "title: Calls\ntimezone: UTC\nsessions:\n  - title: Sync\n    start: '20:00'\n"
        "    repeat: FREQ=HOURLY\n",
        "calls.yaml",
        "不适用于会议",
    ),
    (
        "title: Calls\ntimezone: UTC\nsessions:\n  - title: Sync\n    start: '20:00'\n"
        "    repeat: now and then\n",
        "calls.yaml",
        "既不是 RRULE",
    ),
    (
        "title: Calls\ntimezone: UTC\nsessions:\n  - title: Sync\n    start: 2026-01-08 17:00\n"
        "    repeat: every Thursday\n    except: [2026-01-09]\n",
        "calls.yaml",
        "没有跳过任何会议",
    ),
]


@pytest.mark.parametrize(("text", "name", "chinese"), PAGES_WITH_PROBLEMS)
def test_recurrence_problems_read_in_chinese(text: str, name: str, chinese: str) -> None:
    result = read_text(text, name=name)
    found = [d for d in result.diagnostics if "no time zone stated" not in d.message]
    assert found, messages(result)
    translated = [problem_text(d, "zh-CN") for d in found]
    assert any(chinese in t for t in translated), translated
    english = [problem_text(d, "en-US") for d in found]
    assert all(chinese not in t for t in english)


def test_a_problem_inside_a_not_imported_meeting_is_translated_whole() -> None:
    message = (
        "'every second Tuesday' may mean every other week or the second Tuesday of each month; "
        "write 'every other Tuesday' or 'second Tuesday of the month'; recurring meeting not "
        "imported"
    )
    text = problem_text(Diagnostic("page.md", 3, message, Severity.ERROR), "zh-CN")
    assert "may mean" not in text
    assert "该周期性会议未导入" in text
