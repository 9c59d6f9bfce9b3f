"""Calendar dates as agendas write them, in English, Chinese and Japanese.

"July 10, 2021", "4 April, 2019", "Tuesday 9th September 2025", "September 24th", "2021-07-10",
"2021年7月10日", "7月10日（土）", "July 10-11, 2021". A date without a year takes one from context.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: number
    for number, names in enumerate(
        [
            ("monday", "mon", "一", "月"),
            ("tuesday", "tue", "tues", "二", "火"),
            ("wednesday", "wed", "三", "水"),
            ("thursday", "thu", "thur", "thurs", "四", "木"),
            ("friday", "fri", "五", "金"),
            ("saturday", "sat", "六", "土"),
            ("sunday", "sun", "日", "天"),
        ]
    )
    for name in names
}
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _spellings(names: Iterable[str]) -> str:
    """Capitalised and upper-case forms only: "may" in a sentence is not a month."""
    words = [w for w in names if w.isascii()]
    forms = {f for w in words for f in (w.capitalize(), w.upper())}
    return "|".join(sorted(forms, key=len, reverse=True))


_MONTH = rf"(?P<mon>{_spellings(MONTHS)})\.?"
_WEEKDAY_EN = r"(?:(?P<wd>" + _spellings(WEEKDAYS) + r")\.?,?\s+(?:the\s+)?)?"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<y>\d{4}))?"
_ENGLISH_MONTH_FIRST = (
    rf"\b{_WEEKDAY_EN}{_MONTH}\s+(?P<d>\d{{1,2}}){_ORD}"
    rf"(?:\s*(?:-|–|—|to)\s*(?P<d2>\d{{1,2}}){_ORD})?{_YEAR}\b"
)
_ENGLISH_DAY_FIRST = (
    rf"\b{_WEEKDAY_EN}(?P<d>\d{{1,2}}){_ORD}(?:\s*(?:-|–|—|to)\s*(?P<d2>\d{{1,2}}){_ORD})?"
    rf"\s+(?:of\s+)?{_MONTH},?{_YEAR}\b"
)
_CJK = (
    r"(?:(?P<y>\d{4})\s*年\s*)?(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号號]"
    r"(?:\s*(?:-|–|~|～|至|到)\s*(?P<d2>\d{1,2})\s*[日号號])?"
    r"(?:\s*[(（]?\s*(?:星期|周|週|礼拜|禮拜)?(?P<cwd>[一二三四五六日天月火水木金土])(?:曜日?)?\s*[)）]?)?"
)
_ISO = r"(?<![\d.])(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d])"
# "15.03.2024": day first, as written across Europe (dots only: 03/15/2024 is ambiguous).
_DOTTED = r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?![\d])"

# Each pattern runs only when a cheap test says it might match: most table cells hold no date.
_HAS_MONTH_WORD = re.compile(rf"\b(?:{_spellings(MONTHS)})")


def _always(text: str) -> bool:
    return True


def _cjk_month(text: str) -> bool:
    return "月" in text


def _month_word(text: str) -> bool:
    return _HAS_MONTH_WORD.search(text) is not None


_PATTERNS: list[tuple[re.Pattern[str], str, Callable[[str], bool]]] = [
    (re.compile(_ISO), "iso", _always),
    (re.compile(_DOTTED), "dotted", _always),
    (re.compile(_CJK), "cjk", _cjk_month),
    (re.compile(_ENGLISH_MONTH_FIRST), "en", _month_word),
    (re.compile(_ENGLISH_DAY_FIRST), "en", _month_word),
]
_DIGIT = re.compile(r"\d")


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
    if len(text) > 4000:
        text = text[:4000]
    found: list[DateMention] = []
    if not _DIGIT.search(text):
        return found
    for pattern, kind, might_match in _PATTERNS:
        if not might_match(text):
            continue
        for match in pattern.finditer(text):
            mention = _mention(match, kind)
            if mention is None:
                continue
            if any(m.begin < mention.finish and mention.begin < m.finish for m in found):
                continue
            found.append(mention)
    return sorted(found, key=lambda m: m.begin)


def _mention(match: re.Match[str], kind: str) -> DateMention | None:
    groups = match.groupdict()
    year = int(groups["y"]) if groups.get("y") else None
    month = MONTHS[groups["mon"].lower()] if kind == "en" else int(groups["m"])
    day = int(groups["d"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if year is not None and not 1900 <= year <= 2200:
        return None
    weekday_text = groups.get("wd") or groups.get("cwd")
    weekday = WEEKDAYS.get(weekday_text.lower()) if weekday_text else None
    last_day = int(groups["d2"]) if groups.get("d2") else None
    text = match.group(0).strip()
    return DateMention(match.start(), match.end(), text, month, day, year, last_day, weekday)
