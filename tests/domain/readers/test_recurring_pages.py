"""Pages that state a recurring meeting, each beside the series a careful reader gets.

Every `tests/pages/recurring-<name>.md` (Markdown) or `recurring-<name>.yaml` (the native format)
has a sibling `recurring-<name>.expected.yaml`:

    schedules:                      # one per schedule read, in order
      - timezone: UTC               # the schedule's zone (IANA name or UTC)
        sessions: 0                 # how many one-off sessions it has beside its series
        series:                     # in start order
          - title: Community call
            rule: FREQ=WEEKLY;BYDAY=WE
            timezone: UTC           # the series' own zone
            start: 2026-01-07T17:00+00:00   # the first meeting, wall time with its offset
            end: 2026-01-07T18:00+00:00     # or null
            except: [2026-12-30T17:00+00:00]
        occurrences:                # through bot.domain.recurrence.expanded, starts in UTC
          - from: 2026-01-01T00:00Z
            to: 2026-01-22T00:00Z
            starts: [2026-01-07T17:00Z, 2026-01-14T17:00Z, 2026-01-21T17:00Z]
    errors_on_lines: [3]            # lines that must carry an error; no other error is allowed

The pages are read with the default options (no source zone, no "today").
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.domain.agenda import Session
from bot.domain.diagnostics import Severity
from bot.domain.recurrence import expanded
from bot.domain.zones.naming import zone_name
from tests.helpers import PAGES, ReadOptions, read_path

EXPECTED = ".expected.yaml"


def _pages() -> list[Path]:
    found = [*PAGES.glob("recurring-*.md"), *PAGES.glob("recurring-*.yaml")]
    return sorted(p for p in found if not p.name.endswith(EXPECTED))


def _expected(page: Path) -> dict[str, Any]:
    path = page.with_name(page.stem + EXPECTED)
    loaded: dict[str, Any] = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return loaded


def _moment(text: str) -> datetime:
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    assert moment.utcoffset() is not None, text
    return moment


def _wall(moment: datetime) -> str:
    return moment.isoformat(timespec="minutes")


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")


def _series_facts(series: Session) -> dict[str, Any]:
    assert series.repeat is not None
    assert series.start.tzinfo is not None
    return {
        "title": series.title,
        "rule": series.repeat.rule,
        "timezone": zone_name(series.start.tzinfo),
        "start": _wall(series.start),
        "end": None if series.end is None else _wall(series.end),
        "except": [_wall(moment) for moment in series.repeat.exdates],
    }


def _expected_series(raw: dict[str, Any]) -> dict[str, Any]:
    return {
        "title": raw["title"],
        "rule": raw["rule"],
        "timezone": raw["timezone"],
        "start": _wall(_moment(raw["start"])),
        "end": None if raw["end"] == "null" else _wall(_moment(raw["end"])),
        "except": [_wall(_moment(m)) for m in raw["except"]],
    }


def test_every_recurring_page_has_its_expectation() -> None:
    pages = _pages()
    assert len(pages) >= 9
    for page in pages:
        assert page.with_name(page.stem + EXPECTED).is_file(), page.name


@pytest.mark.parametrize("page", _pages(), ids=lambda p: p.name)
def test_recurring_page_reads_as_its_expected_series(page: Path) -> None:
    expected = _expected(page)
    result = read_path(page, ReadOptions(), display=page.name)
    errors = sorted({d.line for d in result.diagnostics if d.severity is Severity.ERROR})
    assert errors == sorted(int(n) for n in expected.get("errors_on_lines", [])), [
        str(d) for d in result.diagnostics
    ]
    assert len(result.schedules) == len(expected["schedules"])
    for schedule, wanted in zip(result.schedules, expected["schedules"], strict=True):
        assert schedule.timezone_name == wanted["timezone"]
        assert len(schedule.sessions) == int(wanted["sessions"])
        assert all(s.repeat is None for s in schedule.sessions)
        assert [_series_facts(s) for s in schedule.series] == [
            _expected_series(s) for s in wanted["series"]
        ]
        for window in wanted["occurrences"]:
            start, end = _moment(window["from"]), _moment(window["to"])
            made = expanded(schedule, start, end)
            starts = [_utc(s.start) for s in made.sessions if s.series_id is not None]
            assert starts == [_utc(_moment(m)) for m in window["starts"]], window
