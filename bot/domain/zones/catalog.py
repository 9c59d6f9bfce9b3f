"""Zone suggestions for pickers: IANA names, cities, countries and abbreviations.

An ambiguous abbreviation lists every zone it can mean ("CST → America/Chicago"), so members pick
the one they live in instead of a guess.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

import pytz

from bot.domain.zones.abbreviations import Abbreviation

LIMIT = 25


@dataclass(frozen=True, slots=True)
class ZoneChoice:
    label: str  # what the member sees (at most 100 characters)
    zone: str  # the IANA name stored when picked


@cache
def _entries() -> tuple[tuple[str, str, str], ...]:
    """(search text, label, zone) for every IANA common name and every country."""
    rows: list[tuple[str, str, str]] = []
    for zone in pytz.common_timezones:
        city = zone.rsplit("/", 1)[-1].replace("_", " ")
        rows.append((f"{zone.lower()} {city.lower()}", zone, zone))
    for code, country in sorted(pytz.country_names.items(), key=lambda item: item[1]):
        for zone in pytz.country_timezones.get(code, []):
            city = zone.rsplit("/", 1)[-1].replace("_", " ")
            rows.append((f"{country.lower()} {code.lower()}", f"{country}: {city} ({zone})", zone))
    return tuple(rows)


def zone_suggestions(
    query: str, abbreviations: Mapping[str, Abbreviation], limit: int = LIMIT
) -> list[ZoneChoice]:
    """Up to `limit` choices for what a member typed, best matches first."""
    text = query.strip().lower().replace("_", " ")
    choices: list[ZoneChoice] = []
    abbreviation = abbreviations.get(query.strip().upper())
    if abbreviation is not None:
        word = query.strip().upper()
        choices.extend(ZoneChoice(f"{word} → {zone}", zone) for zone in abbreviation.candidates)
    if text:
        starts = [(label, zone) for key, label, zone in _entries() if _word_start(key, text)]
        inside = [
            (label, zone)
            for key, label, zone in _entries()
            if text in key and not _word_start(key, text)
        ]
        ranked = starts + inside
    else:
        ranked = [(label, zone) for _, label, zone in _entries()[:limit]]
    seen = {c.label for c in choices}
    for label, zone in ranked:
        if len(choices) >= limit:
            break
        if label not in seen:
            seen.add(label)
            choices.append(ZoneChoice(label[:100], zone))
    return choices[:limit]


def _word_start(key: str, text: str) -> bool:
    return key.startswith(text) or f" {text}" in key or f"/{text}" in key
