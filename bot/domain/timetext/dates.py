"""Calendar dates as agendas write them, in English, German, Spanish, Portuguese, French, Chinese,
Japanese and Korean.

"July 10, 2021", "4 April, 2019", "Tuesday 9th September 2025", "2021-07-10", "2021年7月10日",
"7月10日（土）", "July 10-11, 2021", "Samstag, 12. Oktober 2019", "8 de noviembre", "1er avril",
"2024년 10월 12일 (토)", "令和6年6月14日". A date without a year takes one from context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from bot.domain.patterns import compiled
from bot.domain.timetext.date_patterns import PATTERNS, DateParts
from bot.domain.timetext.languages import MONTHS, WEEKDAY_NAMES, WEEKDAYS

__all__ = ["MONTHS", "WEEKDAYS", "WEEKDAY_NAMES", "DateError", "DateMention", "find_dates"]

_DIGIT = compiled(r"\d")
# Between the two ends of a range of dates: "October 30 – November 1, 2026", "30 oct. au 1er nov."
_BETWEEN_DATES = compiled(r"\s*(?:[-–—~〜～→]|->|(?i:to|until|bis|au|al|a|à|até|tot))\s*")
# Two days joined by "and": a range when the second is the day after the first ("Thursday 11
# June & Friday 12 June 2026"), two dates in passing otherwise ("14 and 21 June").
_AND_DATES = compiled(r"\s*(?:&|\+|(?i:and|und|et|y|e|i|og|och|ja))\s*")


class DateError(ValueError):
    """A date that cannot be a date (February 30th) or has no year to be had."""


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date found in text: parts as written, not yet given a year."""

    begin: int
    finish: int
    text: str
    month: int
    day: int
    year: int | None = None
    last_day: int | None = None  # "July 10-12": 12
    weekday: int | None = None  # as stated, Monday = 0

    def resolve(
        self, reference: date | None, today: date | None = None
    ) -> tuple[date, date, list[str]]:
        """First and last day, taking the year from `reference` when the text has none.

        A date more than half a year before the reference is taken to be in the next year
        (pages are published before their events). With no reference, a stated weekday picks
        the year nearest `today` in which the date falls on that weekday. Notes say what was
        assumed or contradicted.
        """
        notes: list[str] = []
        year = self.year
        if year is None:
            if reference is None and today is not None and self.weekday is not None:
                year = _year_for_weekday(self.month, self.day, self.weekday, today.year)
                if year is not None:
                    notes.append(
                        f"{self.text!r} has no year; assumed {year}, when it falls on a "
                        f"{WEEKDAY_NAMES[self.weekday]}"
                    )
            if year is None and reference is None:
                raise DateError(f"{self.text!r} has no year and the page gives none")
            if year is None:
                assert reference is not None
                year = reference.year
                if _safe_date(year, self.month, self.day) < reference - timedelta(days=183):
                    year += 1
                    notes.append(f"{self.text!r} has no year; assumed {year}")
        first = _make(year, self.month, self.day, self.text)
        last = first
        if self.last_day is not None:
            last = _make(year, self.month, self.last_day, self.text)
            if last < first:
                raise DateError(f"{self.text!r}: the range ends before it starts")
        if self.weekday is not None and first.weekday() != self.weekday:
            notes.append(
                f"{self.text!r}: {first.isoformat()} is a {WEEKDAY_NAMES[first.weekday()]}, "
                f"not a {WEEKDAY_NAMES[self.weekday]}"
            )
        return first, last, notes


def _year_for_weekday(month: int, day: int, weekday: int, around: int) -> int | None:
    """The year nearest `around` (later first on ties) in which month/day is that weekday."""
    for distance in range(7):
        for year in (around + distance, around - distance):
            try:
                if date(year, month, day).weekday() == weekday:
                    return year
            except ValueError:
                continue
    return None


def _safe_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        return date(year, month, 1)


def _make(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise DateError(f"{text!r} is not a valid date ({exc})") from None


def find_dates(text: str) -> list[DateMention]:
    """Every date in the text, in order, without overlaps."""
    return list(_dates(text))


@lru_cache(maxsize=32)
def _dates(text: str) -> tuple[DateMention, ...]:
    """`_read_dates`, remembered for a few texts: each step of a page's walk asks about its line."""
    return tuple(_read_dates(text))


def _read_dates(text: str) -> list[DateMention]:
    if len(text) > 4000:
        text = text[:4000]
    found: list[DateMention] = []
    if not _DIGIT.search(text):
        return found
    for might_match, patterns in PATTERNS:
        if not might_match(text):
            continue
        for pattern, read in patterns:
            for match in pattern.finditer(text):
                parts = read(match, text)
                mention = _mention(text, match, parts) if parts is not None else None
                if mention is None:
                    continue
                if any(m.begin < mention.finish and mention.begin < m.finish for m in found):
                    continue
                found.append(mention)
    return _years_carried_back(text, sorted(found, key=lambda m: m.begin))


def range_end(text: str, dates: list[DateMention]) -> DateMention | None:
    """The last day of a range written as two dates ("October 30 – November 1, 2026"): the
    second of `dates` (found in `text`) when a dash or "to" joins it to the first."""
    if len(dates) < 2:
        return None
    first, second = dates[0], dates[1]
    if _BETWEEN_DATES.fullmatch(text, first.finish, second.begin) is not None:
        return second
    if _AND_DATES.fullmatch(text, first.finish, second.begin) is None:
        return None
    year = second.year or first.year or 2000
    try:
        following = date(year, first.month, first.day) + timedelta(days=1)
    except ValueError:
        return None
    return second if (following.month, following.day) == (second.month, second.day) else None


def _years_carried_back(text: str, found: list[DateMention]) -> list[DateMention]:
    """A range of dates writes its year once, at its end: "October 30 – November 1, 2026" is
    2026 from the start (and "December 30 – January 2, 2027" starts in 2026)."""
    for index in range(len(found) - 1, 0, -1):
        first, last = found[index - 1], found[index]
        if first.year is not None or last.year is None:
            continue
        joined = _BETWEEN_DATES.fullmatch(text, first.finish, last.begin) or _AND_DATES.fullmatch(
            text, first.finish, last.begin
        )
        if joined is None:
            continue
        year = last.year if (first.month, first.day) <= (last.month, last.day) else last.year - 1
        found[index - 1] = replace(first, year=year)
    return found


def _mention(text: str, match: re.Match[str], parts: DateParts) -> DateMention | None:
    """The mention a match makes, if its numbers can be a month and a day."""
    if not (1 <= parts.month <= 12 and 1 <= parts.day <= 31):
        return None
    if parts.year is not None and not 1900 <= parts.year <= 2200:
        return None
    if parts.last_day is not None and not parts.day <= parts.last_day <= 31:
        return None  # (a range within a month runs forwards)
    begin = match.start() if parts.begin is None else parts.begin
    finish = match.end() if parts.finish is None else parts.finish
    return DateMention(
        begin,
        finish,
        text[begin:finish].strip(),
        parts.month,
        parts.day,
        parts.year,
        parts.last_day,
        parts.weekday,
    )
