from __future__ import annotations

from zoneinfo import ZoneInfo

from bot.domain.zones.abbreviations import DEFAULT_ABBREVIATIONS
from tests.helpers import ROOT


def test_every_abbreviation_names_real_iana_zones() -> None:
    for abbreviation in DEFAULT_ABBREVIATIONS.values():
        for zone in abbreviation.candidates:
            ZoneInfo(zone)


def test_the_documented_table_is_the_table_in_the_code() -> None:
    doc = (ROOT / "docs" / "time-zones.md").read_text(encoding="utf-8")
    rows = {line for line in doc.splitlines() if line.startswith("| ") and "---" not in line}
    for key, entry in DEFAULT_ABBREVIATIONS.items():
        season = {True: "summer", False: "standard", None: ""}[entry.daylight]
        expected = f"| {key} | {entry.zone} | {', '.join(entry.candidates[1:])} | {season} |"
        assert expected in rows, f"docs/time-zones.md is missing or disagrees on {key}"
    documented = {row.split("|")[1].strip() for row in rows} - {"abbreviation"}
    assert documented == set(DEFAULT_ABBREVIATIONS)
