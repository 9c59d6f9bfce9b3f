"""A venue line that goes on to say the times' zone: the zone is read, the place stays a place."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.domain.diagnostics import Diagnostics
from bot.domain.readers.context import ReadOptions
from bot.domain.readers.markdown import read_markdown

PAGE = """# Data Day Cape Town

**Date:** Thursday, 3 September 2026
Venue: CTICC, Cape Town. All times UTC+2.

| Time | Session |
| --- | --- |
| 09:00 - 12:30 | Workshop: dbt for public health data |
"""


def test_the_zone_sentence_is_not_part_of_the_venue() -> None:
    [schedule] = read_markdown(PAGE, Diagnostics("p.md"), ReadOptions(), "p")
    assert schedule.venue == "CTICC, Cape Town"
    [session] = schedule.sessions
    assert session.start == datetime(2026, 9, 3, 7, 0, tzinfo=UTC)


def test_a_venue_of_several_sentences_without_a_zone_stays_whole() -> None:
    page = PAGE.replace("All times UTC+2.", "Enter by the west door.")
    [schedule] = read_markdown(page, Diagnostics("p.md"), ReadOptions(), "p")
    assert schedule.venue == "CTICC, Cape Town. Enter by the west door."
