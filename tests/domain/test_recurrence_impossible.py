"""Rules whose filters can never meet together are refused by reading them, before dateutil
would search them year by year up to 9999."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.domain.diagnostics import Diagnostic, Severity
from bot.domain.recurrence import RecurrenceError, check_rule
from bot.texts.problems import problem_text

FIRST = datetime(2026, 1, 1, 10, tzinfo=UTC)


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "no month it names has those days"),
        ("FREQ=YEARLY;BYMONTH=4,6;BYMONTHDAY=31", "no month it names has those days"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-30", "no month it names has those days"),
        ("FREQ=MONTHLY;BYDAY=1MO;BYMONTHDAY=20", "never fall on those days of the month"),
        ("FREQ=MONTHLY;BYDAY=-1FR;BYMONTHDAY=1", "never fall on those days of the month"),
        ("FREQ=YEARLY;BYWEEKNO=53;BYMONTH=6", "BYWEEKNO is not for meetings"),
        ("FREQ=YEARLY;BYYEARDAY=200", "BYYEARDAY is not for meetings"),
    ],
)
def test_a_rule_that_can_never_meet_is_refused_for_what_it_says(rule: str, words: str) -> None:
    with pytest.raises(RecurrenceError, match=words):
        check_rule(rule, FIRST)


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13",  # Friday the 13th: rare, but it happens
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",  # leap days
        "FREQ=MONTHLY;BYDAY=2TU;BYMONTHDAY=8,9,10,11,12,13,14",
        "FREQ=MONTHLY;BYMONTHDAY=31",  # the months that have one
    ],
)
def test_a_rare_but_possible_rule_is_kept(rule: str) -> None:
    assert check_rule(rule, FIRST) == rule


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=MONTHLY;BYDAY=1MO;BYMONTHDAY=20",
        "FREQ=YEARLY;BYWEEKNO=53;BYMONTH=6",
    ],
)
def test_the_refusal_reads_in_chinese(rule: str) -> None:
    with pytest.raises(RecurrenceError) as refused:
        check_rule(rule, FIRST)
    text = problem_text(Diagnostic("agenda.yaml", 3, str(refused.value), Severity.ERROR), "zh-CN")
    assert "never" not in text and "meetings" not in text, text
