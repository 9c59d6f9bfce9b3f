"""The shapes dates are written in, each read into month, day, year and weekday.

Every shape has a cheap test that runs first: most table cells hold no date.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bot.domain.timetext.languages import (
    ALL_WEEKDAYS,
    DE_SHORT_WEEKDAYS,
    EU_FULL_MONTHS,
    EU_MONTHS,
    EU_WEEKDAYS,
    JAPANESE_ERAS,
    KO_WEEKDAYS,
    MONTHS,
    WEEKDAYS,
    alternation,
)


@dataclass(frozen=True, slots=True)
class DateParts:
    """A date as written: what it says, not yet checked against a calendar."""

    month: int
    day: int
    year: int | None = None
    last_day: int | None = None
    weekday: int | None = None


def _spellings(names: Iterable[str]) -> str:
    """Capitalised and upper-case forms only: "may" in a sentence is not a month."""
    words = [w for w in names if w.isascii()]
    forms = {f for w in words for f in (w.capitalize(), w.upper())}
    return "|".join(sorted(forms, key=len, reverse=True))


_CJK_DAYS = "一二三四五六日天月火水木金土"
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
    rf"(?:(?:(?P<y>\d{{4}})|(?P<era>{alternation(JAPANESE_ERAS)})\s*(?P<ey>\d{{1,2}}|元))\s*年\s*)?"
    r"(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号號]"
    r"(?:\s*(?:-|–|~|～|至|到)\s*(?P<d2>\d{1,2})\s*[日号號])?"
    r"(?:\s*[(（]?\s*(?:星期|周|週|礼拜|禮拜)?"
    rf"(?P<wd>[{_CJK_DAYS}])(?:曜日?)?\s*[)）]?)?"
)
_KO_DAY = f"[{''.join(KO_WEEKDAYS)}]"
_KOREAN = (
    r"(?:(?P<y>\d{4})\s*년\s*)?(?<!\d)(?P<m>\d{1,2})\s*월\s*(?P<d>\d{1,2})\s*일"
    r"(?:\s*[-~～]\s*(?P<d2>\d{1,2})\s*일)?"
    rf"(?:\s*[(（]\s*(?P<wd>{_KO_DAY})(?:요일)?\s*[)）]|\s*(?P<wd2>{_KO_DAY})요일)?"
)
_ISO = (
    r"(?<![\d.])(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d])"
    rf"(?:\s*[(（]\s*(?P<wd>[{_CJK_DAYS}](?=曜|[)）])|{_spellings(WEEKDAYS)})"
    r"(?:曜日?|\.)?\s*[)）])?"
)
# "Sa., 15.03.2024": day first, as written across Europe (dots only: 03/15/2024 is ambiguous).
_DE_WEEKDAY = alternation([*DE_SHORT_WEEKDAYS, *(w.capitalize() for w in EU_WEEKDAYS)])
_DOTTED = (
    rf"(?:\b(?P<wd>{_DE_WEEKDAY}|{_spellings(WEEKDAYS)})\.?,?\s*)?"
    r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?![\d])"
)
# "25/10/2019" or "10/25/2019": read only when a number above 12 says which is the day.
_SLASHED = r"(?<![\d/.])(?P<a>\d{1,2})(?P<sep>[/-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})(?![\d/])"
# German, Spanish, Portuguese, French: "Samstag, 12. Oktober 2019", "viernes 8 de noviembre de
# 2024", "sábado, 12 de outubro", "1er avril", "del 10 al 12 de octubre".
_EU = (
    rf"(?:\b(?P<wd>(?i:{alternation(EU_WEEKDAYS)})|{alternation(DE_SHORT_WEEKDAYS)})\.?,?\s+)?"
    r"(?<![\d.,/:])(?P<d>\d{1,2})(?!\d)(?P<dot>\.|er|ᵉʳ|º|°)?"
    r"(?:\s*(?:-|–|—|(?i:al|au|bis|a|à))\s*(?P<d2>\d{1,2})(?:\.|er|º)?)?"
    r"(?:\s+|(?<=[.rʳº°])\s*)(?P<de>(?i:de)\s+)?"
    rf"(?P<mon>(?i:{alternation(EU_MONTHS)}))(?P<mdot>\.)?(?!\w)"
    r"(?:,?\s+(?:(?i:de|del)\s+)?(?P<y>\d{4})(?!\d))?"
)
_ARTICLE_BEFORE = re.compile(r"(?i)\b(?:le|am|el|o|du|au|del|vom|dès|ab)\s*$")
_HAS_MONTH_WORD = re.compile(rf"\b(?:{_spellings(MONTHS)})")
_HAS_EU_MONTH = re.compile(rf"(?i)(?:{alternation({w[:3] for w in EU_MONTHS})})")


def _number(text: str | None) -> int | None:
    return int(text) if text else None


def _weekday(word: str | None) -> int | None:
    return ALL_WEEKDAYS.get(word.lower().rstrip(".")) if word else None


def _numeric(match: re.Match[str], text: str) -> DateParts | None:
    """ISO, dotted and CJK dates: numbers for month and day."""
    groups = match.groupdict()
    year = _number(groups.get("y"))
    if groups.get("era"):
        year = JAPANESE_ERAS[groups["era"]] + (1 if groups["ey"] == "元" else int(groups["ey"]))
    weekday = _weekday(groups.get("wd") or groups.get("wd2"))
    return DateParts(int(groups["m"]), int(groups["d"]), year, _number(groups.get("d2")), weekday)


def _slashed(match: re.Match[str], text: str) -> DateParts | None:
    first, second = int(match.group("a")), int(match.group("b"))
    if (first > 12) == (second > 12):
        return None  # "12/10/2019" could be either way round
    day, month = (first, second) if first > 12 else (second, first)
    return DateParts(month, day, int(match.group("y")))


def _english(match: re.Match[str], text: str) -> DateParts | None:
    groups = match.groupdict()
    return DateParts(
        MONTHS[groups["mon"].lower()],
        int(groups["d"]),
        _number(groups.get("y")),
        _number(groups.get("d2")),
        _weekday(groups.get("wd")),
    )


def _eu_plausible(match: re.Match[str], text: str) -> bool:
    """Whether "8 mar" is a date: "mar" is also the sea, "out" and "set" English words."""
    if any(match.group(g) for g in ("y", "wd", "de", "dot", "mdot")):
        return True
    month = match.group("mon")
    if month.lower() in EU_FULL_MONTHS and month.islower():
        return True
    return _ARTICLE_BEFORE.search(text, 0, match.start()) is not None


def _european(match: re.Match[str], text: str) -> DateParts | None:
    if not _eu_plausible(match, text):
        return None
    return DateParts(
        EU_MONTHS[match.group("mon").lower()],
        int(match.group("d")),
        _number(match.group("y")),
        _number(match.group("d2")),
        _weekday(match.group("wd")),
    )


def _always(text: str) -> bool:
    return True


Reader = Callable[[re.Match[str], str], "DateParts | None"]
PATTERNS: list[tuple[re.Pattern[str], Callable[[str], bool], Reader]] = [
    (re.compile(_ISO), _always, _numeric),
    (re.compile(_DOTTED), lambda t: "." in t, _numeric),
    (re.compile(_SLASHED), lambda t: "/" in t or "-" in t, _slashed),
    (re.compile(_CJK), lambda t: "月" in t, _numeric),
    (re.compile(_KOREAN), lambda t: "월" in t, _numeric),
    (re.compile(_ENGLISH_MONTH_FIRST), lambda t: _HAS_MONTH_WORD.search(t) is not None, _english),
    (re.compile(_ENGLISH_DAY_FIRST), lambda t: _HAS_MONTH_WORD.search(t) is not None, _english),
    (re.compile(_EU), lambda t: _HAS_EU_MONTH.search(t) is not None, _european),
]
