"""The nearest known zone names to one that means nothing: "Europe/Lodnon" -> Europe/London.

Candidates are IANA names, region words and phrases ("Eastern", "Beijing time"), abbreviations
and cities of a million people or more, each shown with the zone it means. A candidate is near
when it is one or two edits away (a swapped pair of letters counts as one edit) or, for long
names, when most of it matches.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from functools import cache

import pytz

from bot.domain.zones.abbreviations import Abbreviation
from bot.domain.zones.phrase_table import PHRASES, REGION_WORDS
from bot.domain.zones.places import big_places

LIMIT = 3


def unknown_zone_message(name: str, abbreviations: Mapping[str, Abbreviation]) -> str:
    """ "unknown time zone 'Eastren'; did you mean Eastern (America/New_York)?"."""
    message = f"unknown time zone {name.strip()!r}"
    nearest = suggestions(name, abbreviations)
    if nearest:
        message += f"; did you mean {_either(nearest)}?"
    return message


def suggestions(
    name: str, abbreviations: Mapping[str, Abbreviation], limit: int = LIMIT
) -> list[str]:
    """Up to `limit` known names nearest to `name`, nearest first, each as it should be shown.

    When the whole name is near nothing, its words are tried one by one ("Lodnon time")."""
    query = " ".join(name.split()).lower().replace("_", " ")
    vocabulary = dict(_vocabulary())
    for word, entry in abbreviations.items():
        vocabulary.setdefault(word.lower(), f"{word} ({entry.zone})")
    found = _nearest(query, vocabulary)
    if not found and " " in query:
        for word in query.split():
            if len(word) >= 4 and word not in _TIME_WORDS:
                found += [s for s in _nearest(word, vocabulary) if s not in found]
    return found[:limit]


_TIME_WORDS = frozenset({"time", "zeit", "hora", "heure", "horário", "horario", "local"})


def _nearest(query: str, vocabulary: Mapping[str, str]) -> list[str]:
    if len(query) < 2:
        return []
    allowed = 1 if len(query) <= 6 else 2
    scored = []
    for key, shown in vocabulary.items():
        if abs(len(key) - len(query)) > allowed:
            continue
        distance = _edits(query, key, allowed)
        ratio = difflib.SequenceMatcher(None, query, key).ratio()
        if distance <= allowed or (len(query) >= 10 and ratio >= 0.85):
            scored.append((distance, -ratio, shown))
    chosen: list[str] = []
    for _, _, shown in sorted(scored):
        if shown not in chosen:
            chosen.append(shown)
    return chosen


def _either(names: list[str]) -> str:
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} or {names[-1]}"


@cache
def _vocabulary() -> tuple[tuple[str, str], ...]:
    """(lower-cased key, how to show it) for everything a zone may be called."""
    found: dict[str, str] = {}
    for zone in pytz.common_timezones:
        found.setdefault(zone.lower().replace("_", " "), zone)
    for word, zone in REGION_WORDS.items():
        found.setdefault(word, f"{word.title()} ({zone})")
    for phrase, zone in PHRASES.items():
        if phrase.isascii():
            found.setdefault(phrase, f"{phrase[0].upper()}{phrase[1:]} ({zone})")
    for city, zone in big_places():
        found.setdefault(city.lower(), f"{city} ({zone})")
    return tuple(found.items())


def _edits(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (a swap of two neighbours is one edit), stopping early
    once every path is beyond `limit`."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                best = min(best, previous2[j - 2] + 1)
            current[j] = best
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]
