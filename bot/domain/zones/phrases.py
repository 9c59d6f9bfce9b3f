"""Zone names in words: "Beijing time", "北京时间", "Pacific Time", "9am Eastern".

Three kinds, in this order of precedence:
- fixed phrases from phrase_table.py ("China Standard Time", "hora del centro", "MEZ" is an
  abbreviation and lives in abbreviations.py);
- a place and the word for time in several languages: "Lyon time", "hora de Bogotá",
  "heure de Montréal", "Berliner Zeit", "成都时间", "서울 시간". The place is an IANA city, a
  country on one clock or any city of the gazetteer (places.py), read as conservatively as in
  page titles: "Reading time" and "Lunch Time" name no place;
- region words beside a clock time: "9am Eastern", "5pm Pacific", "14:00 Central European".
  Elsewhere ("Central Hall", "Pacific Ocean") they are prose, not zones.
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Iterator, Mapping
from functools import cache
from types import MappingProxyType

import pytz

from bot.domain.patterns import compiled, longest_first
from bot.domain.zones.phrase_table import GERMAN_PLACE_ADJECTIVES, PHRASES, REGION_WORDS
from bot.domain.zones.places import find_places

__all__ = ["PHRASES", "REGION_WORDS", "find_phrases", "places"]

_B = r"(?<![^\W\d_])"  # no letter before
_A = r"(?![^\W\d_])"  # no letter after
_CJK = compiled(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")


def _alternation(keys: list[str]) -> str:
    ordered = sorted(keys, key=longest_first)
    return "|".join(r"\s+".join(re.escape(part) for part in key.split(" ")) for key in ordered)


_LATIN_PHRASE = compiled(
    rf"{_B}(?:{_alternation([k for k in PHRASES if not _CJK.search(k)])}){_A}", re.IGNORECASE
)
_CJK_PHRASE = compiled(_alternation([k for k in PHRASES if _CJK.search(k)]))
_REGION = compiled(rf"{_B}(?:{_alternation(list(REGION_WORDS))}){_A}", re.IGNORECASE)
# What may not follow a region word for it to stand alone: "Central Hall", "Pacific Time".
_REGION_CONTINUES = compiled(r"\s*(?:-\s*)?(?:[A-Z]|(?i:time|standard|daylight|summer|european)\b)")
# A clock time right before: "9am ", "14:00 ", "9:30 p.m. ", "17h ", "20 Uhr ", "noon ".
_CLOCK_BEFORE = compiled(
    r"(?:(?<![\d:.])\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?\s?m\.?|(?<![\d:.])\d{1,2}[:h]\d{2}"
    r"|(?<![\d:.])\d{1,2}\s*(?:h|Uhr)|\b(?:noon|midnight))\s*[(（]?\s*$",
    re.IGNORECASE,
)
# "<place> time", "<place> local time", "<place> Standard Time".
_TIME_WORD = compiled(rf"{_B}(?:(?:local|Local|standard|Standard)\s+)?(?:time|Time){_A}")
_ZEIT = compiled(rf"[ \t-](?:Zeit|zeit){_A}")
_HORA = compiled(
    rf"{_B}(?:horas?|horários?|horarios?|heures?)(?:\s+(?:oficial|légale|normale|locale|local))?"
    r"\s+(?:del?|du|d['’])\s*(?:la\s+|l['’]\s*)?",
    re.IGNORECASE,
)
_CJK_TIME = compiled(r"时间|時間|时区|時區|标准时间|標準時間|標準時|[ \t]?(?:시간|표준시)")
_CAPITALISED_WORDS = compiled(r"(?:[A-ZÀ-Ý][\w.'’-]*\s+){1,3}$")


@cache
def places() -> Mapping[str, str]:
    """Lower-cased IANA city names and single-zone country names to IANA zones."""
    found: dict[str, str] = {}
    regions = "Africa/ America/ Antarctica/ Asia/ Atlantic/ Australia/ Europe/ Indian/ Pacific/"
    for key in sorted(zoneinfo.available_timezones()):
        if key.startswith(tuple(regions.split())):
            city = key.rsplit("/", 1)[1].replace("_", " ").lower()
            found.setdefault(city, key)
    for code, name in pytz.country_names.items():
        zones = pytz.country_timezones.get(code, [])
        if len(zones) == 1:
            found.setdefault(name.lower(), zones[0])
    return MappingProxyType(found)


# Every phrase and finder below needs one of these words: most table cells have none, and one
# search is cheaper than seven.
_MAYBE = compiled(
    r"(?i)time|zeit|hora|heure|horário|tiempo|tijd|ora\b|eastern|central|mountain|pacific|"
    r"atlantic|european|時|时|區|区|시간|표준시|час|времен|время|"
    r"\btid\b|aikaa|tíma|tími|czasu|času|saati|بتوقيت"
)


def find_phrases(text: str) -> list[tuple[int, int, str, str]]:
    """Each zone phrase in the text as (start, end, matched text, IANA zone), in order."""
    found: list[tuple[int, int, str, str]] = []
    if _MAYBE.search(text) is None:
        return found
    for pattern in (_LATIN_PHRASE, _CJK_PHRASE):
        for match in pattern.finditer(text):
            key = " ".join(match.group(0).split()).lower()
            found.append((match.start(), match.end(), match.group(0), PHRASES[key]))
    for finder in (_place_times, _german_times, _hora_de, _cjk_times, _region_words):
        for start, end, zone in finder(text):
            if not any(s < end and start < e for s, e, _, _ in found):
                found.append((start, end, text[start:end], zone))
    return sorted(found)


def _place_times(text: str) -> Iterator[tuple[int, int, str]]:
    """ "London time", "New York local time", "Lyon time", "Rio de Janeiro time"."""
    for match in _TIME_WORD.finditer(text):
        before = text[max(0, match.start() - 60) : match.start()]
        if not before[-1:].isspace():
            continue
        base = match.start() - len(before)
        words = _trailing_words(before)
        # The longest run of words ending right before "time": "New York time", then "York".
        known = next(
            ((at, places()[key]) for at, key in words if key in places()),
            None,
        )
        if known is None:
            known = _place_ending(before.rstrip())
        if known is not None:
            yield base + known[0], match.end(), known[1]


def _trailing_words(before: str) -> list[tuple[int, str]]:
    """(start, lower-cased words) of the capitalised words ending `before`, longest first."""
    tail = _CAPITALISED_WORDS.search(before)
    if tail is None:
        return []
    words = [(m.start() + tail.start(), m.group(0)) for m in re.finditer(r"\S+", tail.group(0))]
    return [(words[i][0], " ".join(w for _, w in words[i:]).lower()) for i in range(len(words))]


def _german_times(text: str) -> Iterator[tuple[int, int, str]]:
    """ "Berliner Zeit", "Münchner Zeit", "Wiener Zeit", "New Yorker Zeit", "Tokyo-Zeit"."""
    for match in _ZEIT.finditer(text):
        before = text[max(0, match.start() - 60) : match.start()]
        base = match.start() - len(before)
        for at, words in _trailing_words(before + " "):
            place = next(
                (
                    found[0]
                    for candidate in _german_stems(words)
                    if len(found := find_places(candidate)) == 1
                    and found[0].end - found[0].start == len(candidate)
                ),
                None,
            )
            if place is not None:
                yield base + at, match.end(), place.zone
                break


def _german_stems(words: str) -> Iterator[str]:
    """Place names an adjective may come from: "berliner" -> Berlin, "bremer" -> Bremen."""
    irregular = GERMAN_PLACE_ADJECTIVES.get(words)
    if irregular is not None:
        yield irregular
    *lead, last = words.split(" ")
    stems = [last]
    if last.endswith("er"):
        stems += [last[:-2], last[:-2] + "en", last[:-3] + "en"]
    for stem in stems:
        yield " ".join(part.capitalize() for part in [*lead, stem])


def _hora_de(text: str) -> Iterator[tuple[int, int, str]]:
    """ "hora de Bogotá", "horário de Brasília", "heure de Montréal", "heure du Québec"."""
    for match in _HORA.finditer(text):
        after = text[match.end() : match.end() + 60]
        found = find_places(after)
        if found and found[0].start == 0:
            yield match.start(), match.end() + found[0].end, found[0].zone


def _cjk_times(text: str) -> Iterator[tuple[int, int, str]]:
    """ "成都时间", "台湾时间", "大阪時間", "한국 시간", "서울시간"."""
    for match in _CJK_TIME.finditer(text):
        before = text[max(0, match.start() - 8) : match.start()]
        found = find_places(before)
        if found and found[-1].end == len(before):
            yield match.start() - len(before) + found[-1].start, match.end(), found[-1].zone


def _region_words(text: str) -> Iterator[tuple[int, int, str]]:
    """ "9am Eastern", "5pm pacific", "14:00 Central European": only right after a clock."""
    for match in _REGION.finditer(text):
        if _REGION_CONTINUES.match(text, match.end()):
            continue
        if not _CLOCK_BEFORE.search(text[max(0, match.start() - 24) : match.start()]):
            continue
        key = " ".join(match.group(0).split()).lower()
        yield match.start(), match.end(), REGION_WORDS[key]


def _place_ending(before: str) -> tuple[int, str] | None:
    """(start, zone) of a gazetteer place that ends `before`, read as in running text."""
    found = find_places(before)
    if found and found[-1].end == len(before):
        return found[-1].start, found[-1].zone
    return None
