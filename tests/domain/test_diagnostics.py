"""Diagnostics: what a reading reports, each problem once."""

from __future__ import annotations

from bot.domain.diagnostics import Diagnostics, Severity


def test_the_same_problem_on_the_same_line_is_said_once() -> None:
    diagnostics = Diagnostics("page.md")
    for _ in range(4):  # four meetings of one page, each taking its zone from line 1
        diagnostics.warn(1, 'zone Europe/Vienna from "Wien" (line 1)')
    diagnostics.warn(2, 'zone Europe/Vienna from "Wien" (line 1)')
    diagnostics.error(1, 'zone Europe/Vienna from "Wien" (line 1)')
    assert [(d.line, d.severity) for d in diagnostics.items] == [
        (1, Severity.WARNING),
        (2, Severity.WARNING),
        (1, Severity.ERROR),
    ]
