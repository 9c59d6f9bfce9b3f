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


RULE_PAGE = "title: Calls\ntimezone: UTC\nsessions:\n  - title: Sync\n    start: 2026-12-02 17:00\n"
RULE_PROBLEMS = [
    ("FREQ=WEEKLY;COUNT=3;UNTIL=20261231", "同时写了 UNTIL 和 COUNT"),
    ("FREQ=WEEKLY;INTERVAL=0", "必须是 1 到 1000 之间的整数"),
    ("FREQ=WEEKLY;COUNT=0", "必须是不小于 1 的整数"),
    ("FREQ=WEEKLY;UNTIL=20261201", "此规则在第一次会议之后不再开会"),
    ("FREQ=DAILY;BYSECOND=0,1", "BYSECOND 不适用于会议"),
    ("FREQ=DAILY;BYHOUR=1,2,3,4,5", "每天开会 5 次"),
    ("FREQ=WEEKLY;INTERVAL=1;INTERVAL=2", "写了两次 INTERVAL"),
]


@pytest.mark.parametrize(("rule", "chinese"), RULE_PROBLEMS)
def test_rule_problems_read_in_chinese(rule: str, chinese: str) -> None:
    result = read_text(f"{RULE_PAGE}    repeat: {rule}\n", name="calls.yaml")
    translated = [problem_text(d, "zh-CN") for d in result.diagnostics]
    assert any(chinese in t for t in translated), translated
    assert not any("must be" in t or "meets" in t or "twice" in t for t in translated), translated


@pytest.mark.parametrize(
    ("text", "chinese"),
    [
        ("# Nonsense\n\nEvery hour starting 2026-12-01.\n", "不支持一天内重复的会议"),
        (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:a@t\r\n"
            "DTSTAMP:20260101T000000Z\r\nDTSTART:20261202T170000Z\r\n"
            "RRULE:FREQ=DAILY;BYHOUR=1,2,3,4,5\r\nSUMMARY:S\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "每天开会 5 次",
        ),
        (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:a@t\r\n"
            "DTSTAMP:20260101T000000Z\r\nDTSTART:20261202T170000Z\r\n"
            "RRULE:FREQ=MONTHLY;BYDAY=MO;BYSETPOS=9\r\nSUMMARY:S\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "超过了一个周期内的会议次数",
        ),
    ],
)
def test_hourly_and_runaway_problems_read_in_chinese(text: str, chinese: str) -> None:
    name = "feed.ics" if text.startswith("BEGIN") else "page.md"
    result = read_text(text, name=name)
    translated = [problem_text(d, "zh-CN") for d in result.diagnostics]
    assert any(chinese in t for t in translated), translated
    assert not any(
        "not supported" in t or "times a day" in t or "asks for" in t for t in translated
    )
