"""The shapes dates are written in, each read into month, day, year and weekday.

Every shape has a cheap test that runs first: most table cells hold no date.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from bot.domain.patterns import compiled, longest_first
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
    begin: int | None = None  # where the mention starts, when before the match ("Samstag, ")
    finish: int | None = None  # where it ends, when before the match's end ("December 24")


def _spellings(names: Iterable[str]) -> str:
    """Capitalised and upper-case forms only: "may" in a sentence is not a month."""
    words = [w for w in names if w.isascii()]
    forms = {f for w in words for f in (w.capitalize(), w.upper())}
    return "|".join(sorted(forms, key=longest_first))


_CJK_DAYS = "一二三四五六日天月火水木金土"
_MONTH = rf"(?P<mon>{_spellings(MONTHS)})\.?"
_WEEKDAY_EN = r"(?:(?P<wd>" + _spellings(WEEKDAYS) + r")\.?,?\s+(?:the\s+)?)?"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<y>\d{4}))?"
# Between the two days of a range: a dash or "to", or, for two days in a row, "&", "and" or a
# slash ("14 & 15 June", "14/15 June"); the second day carries a weekday when the first does
# ("Sat 14 – Sun 15"; "Day 1 — Thursday, 21 November" is the 21st only).
_SECOND_WEEKDAY_EN = rf"(?(wd)(?:(?:{_spellings(WEEKDAYS)})\.?,?\s+(?:the\s+)?)?)"
_SECOND_DAY_EN = (
    rf"(?P<second>\s*(?:-|–|—|to\b|(?P<and>&|and\b|/))\s*{_SECOND_WEEKDAY_EN}"
    rf"(?P<d2>\d{{1,2}}){_ORD})?"
)
# ("13 Oct 23:00" is the 13th at 23:00: a day is never the hour of a time)
_ENGLISH_MONTH_FIRST = (
    rf"\b{_WEEKDAY_EN}{_MONTH}\s+(?P<d>\d{{1,2}})(?![:：]\d){_ORD}{_SECOND_DAY_EN}{_YEAR}\b"
)
_ENGLISH_DAY_FIRST = (
    rf"\b{_WEEKDAY_EN}(?P<d>\d{{1,2}}){_ORD}{_SECOND_DAY_EN}"
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
_FINNISH = alternation(w for w in EU_WEEKDAYS if w.endswith(("tai", "taina", "kkona", "viikko")))
_DE_WEEKDAY = alternation([*DE_SHORT_WEEKDAYS, *(w.capitalize() for w in EU_WEEKDAYS)])
_DOTTED = (
    rf"(?:\b(?P<wd>{_DE_WEEKDAY}|{_spellings(WEEKDAYS)})\.?,?\s*)?"
    r"(?<![\d.])(?P<d>\d{1,2})\. ?(?P<m>\d{1,2})\. ?(?P<y>\d{4})(?![\d])"  # Czech "27. 10. 2026"
)
# "Freitag, 13.06.", "Do 12.6.": day and month with their dots and no year, after a weekday (alone,
# "13.06." could be a time).
_DOTTED_NO_YEAR = (
    # (a weekday capitalised, as German writes it, or any in Finnish: "tiistaina 20.5.")
    rf"\b(?P<wd>{_DE_WEEKDAY}|{_spellings(WEEKDAYS)}|(?i:{_FINNISH}))\.?,?\s*"
    r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?![\d.]|\s?\d{4}(?!\d))"
)
_DOTTED_NO_YEAR_HINT = compiled(r"\d\.\d{1,2}\.(?![\d.]|\s?\d{4}(?!\d))")
# "13.1.26", "03.02.27": day, month and a two-digit year (2020-2039), as Israeli, German and
# Russian pages write them; read only when the day is past 12 or the numbers are written with
# two digits each, so that a version number ("3.1.26") stays one.
_DOTTED_SHORT_YEAR = r"(?<![\w.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>[23]\d)(?!\d|\.\d)"
_DOTTED_SHORT_YEAR_HINT = compiled(r"\d\.\d{1,2}\.[23]\d(?!\d)")
# "25/10/2019" or "10/25/2019": read only when a number above 12 says which is the day.
_SLASHED = r"(?<![\d/.])(?P<a>\d{1,2})(?P<sep>[/-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})(?![\d/])"
# German, Spanish, Portuguese, French: "12. Oktober 2019", "8 de noviembre de 2024", "1er avril",
# "del 10 al 12 de octubre". The scan starts at digits; the word after is looked up as a month, and
# a weekday before ("Samstag, ", "sábado, ") is read by `_EU_WEEKDAY_BEFORE`.
# "14. und 15. Juni", "14 et 15 juin", "14 y 15 de junio", "sábado 14 y domingo 15 de junio":
# two days in a row joined by "and", with the second day's weekday between, are a range too
# (after a dash a weekday starts another date: "Tag 1 – Donnerstag, 21. November").
_EU_SECOND_WEEKDAY = (
    rf"(?:(?:(?i:{alternation(EU_WEEKDAYS)})|{alternation(DE_SHORT_WEEKDAYS)})\.?,?\s+)?"
)
_EU = (
    r"(?P<d>\d{1,2})(?!\d)(?P<dot>\.|er|ᵉʳ|º|°)?"
    rf"(?P<second>\s*(?:(?:-|–|—|(?i:al|au|bis|a|à)\b\s*{_EU_SECOND_WEEKDAY})\s*"
    rf"|(?P<and>&|/|(?i:und|et|y|e|i|and)\b)\s*{_EU_SECOND_WEEKDAY})"
    r"(?P<d2>\d{1,2})(?:\.|er|º)?)?"
    r"(?:\s+|(?<=[.rʳº°])\s*)(?P<de>(?i:de)\s+|(?i:d)['’])?"  # Catalan "25 d'octubre"
    # "października", and Thai "มีนาคม" with its vowel marks
    r"(?P<mon>(?:[^\W\d_]|[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]){3,12})(?P<mdot>\.)?(?![^\W\d_])"
    r"(?:,?\s+(?:(?i:de|del)\s+)?(?P<y>\d{4})(?!\d))?"
)
_EU_WEEKDAY_BEFORE = compiled(
    rf"(?<!\w)(?:(?i:{alternation(EU_WEEKDAYS)})|{alternation(DE_SHORT_WEEKDAYS)})\.?,?\s+$"
)
# "15 Mart Cumartesi", "13 mars, torsdag": the weekday after the day and month
_EU_WEEKDAY_AFTER = compiled(rf"[,\s]\s*(?i:{alternation(EU_WEEKDAYS)})(?!\w)")
_ARTICLE_BEFORE = compiled(r"(?i)(?<!\w)(?:le|am|el|o|du|au|del|vom|dès|ab)\s*$")
# Cheap tests, each starting with a digit or a letter the scan can skip to.
_ISO_HINT = compiled(r"\d{4}[-/.]\d")
_DOTTED_HINT = compiled(r"\d\. ?\d{1,2}\. ?\d{4}")
_SLASHED_HINT = compiled(r"\d[/-]\d{1,2}[/-]\d{4}")
# "8/10（日）", "8/10 (Sun)": month and day with their weekday, as East Asian and US pages write
# them; the weekday is checked once the year is known.
_MONTH_DAY_WEEKDAY = (
    r"(?<![\d/.])(?P<m>\d{1,2})/(?P<d>\d{1,2})(?![\d/])\s*[(（]\s*(?:星期|週|周)?"
    rf"(?P<wd>[{_CJK_DAYS}]|[월화수목금토일](?=요일|[)）])|{_spellings(WEEKDAYS)})\.?(?:曜日?|요일)?\s*[)）]"
)
_MONTH_DAY_HINT = compiled(r"\d/\d{1,2}\s*[(（]")
# "jueves 11/3", "jeudi 5/4", "Domingo (08/11)": a weekday of a language that writes the day
# first, then day/month without a year (English "Thursday 3/11" stays unread: either way round)
_WEEKDAY_DAY_MONTH = (
    rf"(?<!\w)(?P<wd>(?i:{alternation(EU_WEEKDAYS)}))\.?,?(?:\s+|\s*[(（]\s*)"
    r"(?P<d>\d{1,2})/(?P<m>\d{1,2})(?![\d/])"
)
_WEEKDAY_DAY_MONTH_HINT = compiled(r"[^\W\d_]\.?,?(?:\s+|\s*[(（]\s*)\d{1,2}/\d{1,2}(?![\d/])")
# A day's last digit, its "." or "°" (the "er", "ᵉʳ", "º" and "de" are letters), then letters.
_EU_HINT = compiled(r"\d[.°]?\s*[^\W\d_]")
# "2026. 4. 23. (목)": Korean dotted dates, with spaces after the dots.
_KOREAN_DOTTED = (
    r"(?<![\d.])(?P<y>\d{4})\.\s+(?P<m>\d{1,2})\.\s*(?P<d>\d{1,2})\.?(?!\d)"
    r"(?:\s*[(（](?P<wd>[월화수목금토일])[)）])?"
)
_KOREAN_DOTTED_HINT = compiled(r"\d{4}\.\s+\d")
# "2024. november 21., csütörtök", "2025. márc. 6.": Hungarian, the year first and a month's
# name, the weekday after
_YEAR_MONTH_DAY = (
    r"(?<![\d.])(?P<y>\d{4})\.\s*(?P<mon>[^\W\d_]{3,12})\.?\s+(?P<d>\d{1,2})\.(?!\d)"
    r"(?:(?:\s*[-–]\s*|\s+(?:és|&)\s+)(?P<d2>\d{1,2})\.(?!\d))?"
    rf"(?:,?\s*(?P<wd>(?i:{alternation(EU_WEEKDAYS)}))(?!\w))?"
)
_YEAR_MONTH_DAY_HINT = compiled(r"\d{4}\.\s*[^\W\d_]")
_MONTH_HINT = compiled(rf"(?:{_spellings(MONTHS)})")


def _number(text: str | None) -> int | None:
    return int(text) if text else None


def _year(text: str | None) -> int | None:
    """A year as written: "2569" in the Buddhist era Thai pages count in is 2026."""
    year = _number(text)
    return year - 543 if year is not None and year >= 2400 else year


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


def _year_month_day(match: re.Match[str], text: str) -> DateParts | None:
    month = EU_MONTHS.get(match.group("mon").lower())
    if month is None:
        return None
    return DateParts(
        month,
        int(match.group("d")),
        int(match.group("y")),
        _number(match.group("d2")),
        _weekday(match.group("wd")),
    )


def _short_year(match: re.Match[str], text: str) -> DateParts | None:
    day, month = match.group("d"), match.group("m")
    if int(day) <= 12 and not (len(day) == len(month) == 2):
        return None
    return DateParts(int(month), int(day), 2000 + int(match.group("y")))


def _slashed(match: re.Match[str], text: str) -> DateParts | None:
    first, second, year = int(match.group("a")), int(match.group("b")), int(match.group("y"))
    # "Ter, 13/10/2026": a weekday written before the date is part of it
    before = _WEEKDAY_BEFORE.search(text, 0, match.start())
    weekday = _weekday(before.group("wd")) if before is not None else None
    begin = before.start() if before is not None and weekday is not None else None
    if first == second:  # "05/05/2025" reads the same either way round
        return DateParts(first, first, year, weekday=weekday, begin=begin)
    if (first > 12) != (second > 12):
        day, month = (first, second) if first > 12 else (second, first)
        return DateParts(month, day, year, weekday=weekday, begin=begin)
    # "Thursday 05/06/2025" could be either way round: the weekday written before it says which
    # (5 June 2025 is a Thursday, 6 May a Tuesday); without one, or when both fit, it stays unread.
    if weekday is None:  # "09/10/2025 (quinta-feira)": the weekday after it says as much
        after = _WEEKDAY_AFTER.match(text, match.end())
        weekday = _weekday(after.group("wd")) if after is not None else None
    if weekday is None:
        return None
    fits = [
        (month, day)
        for day, month in ((first, second), (second, first))
        if weekday_of(year, month, day) == weekday
    ]
    if len(fits) != 1:
        return None
    month, day = fits[0]
    return DateParts(month, day, year, weekday=weekday, begin=begin)


_WEEKDAY_AFTER = compiled(
    rf"\s*[(（,]?\s*(?P<wd>{_spellings(ALL_WEEKDAYS)}|{alternation(EU_WEEKDAYS)})(?!\w)"
)
# A weekday written just before a numeric date: "Thursday 05/06/2025", "Thu, 05/06/2025",
# "jueves 12/11/2026" (the languages that write weekdays in lower case).
_WEEKDAY_BEFORE = compiled(
    rf"(?<!\w)(?P<wd>{_spellings(ALL_WEEKDAYS)}|{alternation(EU_WEEKDAYS)}"
    rf"|{alternation(w.title() for w in EU_WEEKDAYS if not w.isascii())})\.?,?\s*$"
)  # (and "Thứ Năm", "Miércoles": capitalised as some languages write them)


def weekday_of(year: int, month: int, day: int) -> int | None:
    """The weekday (Monday = 0) of a date, or None when there is no such day."""
    try:
        return date(year, month, day).weekday()
    except ValueError:
        return None


def _apart(match: re.Match[str]) -> bool:
    """Whether two days are joined by "and" (or "&", "/") without being a day apart: "June 14
    and 21" names two days a week apart, not the week between them."""
    last = match.group("d2")
    return bool(match.group("and")) and last is not None and int(last) != int(match.group("d")) + 1


def _one_of_two(match: re.Match[str], month: int, year: int | None) -> DateParts:
    """One date of "December 24 and 31" (the first: the second day follows it for who wants
    it) or of "14 and 21 June" (the second, the one written with its month)."""
    if match.start("second") > match.start("mon"):
        return DateParts(month, int(match.group("d")), year, finish=match.start("second"))
    return DateParts(month, int(match.group("d2")), year, begin=match.start("d2"))


def _english(match: re.Match[str], text: str) -> DateParts | None:
    groups = match.groupdict()
    month, year = MONTHS[groups["mon"].lower()], _number(groups.get("y"))
    if _apart(match):
        return _one_of_two(match, month, year)
    return DateParts(
        month, int(groups["d"]), year, _number(groups.get("d2")), _weekday(groups.get("wd"))
    )


def _eu_plausible(match: re.Match[str], text: str, weekday: bool) -> bool:
    """Whether "8 mar" is a date: "mar" is also the sea, "out" and "set" English words."""
    if weekday or any(match.group(g) for g in ("y", "de", "dot", "mdot")):
        return True
    month = match.group("mon")
    if month.lower() in EU_FULL_MONTHS and (
        month.islower()
        or month.upper() == month
        or match.group("d2")
        or _EU_WEEKDAY_AFTER.match(text, match.end())
    ):
        return True  # "15 mars", "15-16 Mart", "15 Mart Cumartesi"
    return _ARTICLE_BEFORE.search(text, max(0, match.start() - 12), match.start()) is not None


def _european(match: re.Match[str], text: str) -> DateParts | None:
    month = EU_MONTHS.get(match.group("mon").lower())
    begin = match.start()
    if month is None or (begin and text[begin - 1] in "0123456789.,/:"):
        return None
    before = _EU_WEEKDAY_BEFORE.search(text, max(0, begin - 20), begin)
    if not _eu_plausible(match, text, before is not None):
        return None
    weekday = _weekday(before.group().strip(" \t,")) if before is not None else None
    if _apart(match):
        return _one_of_two(match, month, _year(match.group("y")))
    numbered = begin > 0 and text[begin - 1] in "#№"
    if match.group("d2") and (numbered or int(match.group("d2")) < int(match.group("d"))):
        # "#30 — 16 april 2026", "#17 — 23 de abril": an edition's number, then its date
        return DateParts(
            month, int(match.group("d2")), _year(match.group("y")), begin=match.start("d2")
        )
    return DateParts(
        month,
        int(match.group("d")),
        _year(match.group("y")),
        _number(match.group("d2")),
        weekday,
        before.start() if before is not None else None,
    )


def _has(hint: re.Pattern[str]) -> Callable[[str], object]:
    return hint.search  # a match or None: the cheap test, without a Python call around it


Reader = Callable[[re.Match[str], str], "DateParts | None"]
# (cheap test, patterns it guards): most table cells hold no date and stop at the test.
PATTERNS: list[tuple[Callable[[str], object], list[tuple[re.Pattern[str], Reader]]]] = [
    (_has(_ISO_HINT), [(compiled(_ISO), _numeric)]),
    (_has(_DOTTED_HINT), [(compiled(_DOTTED), _numeric)]),
    (_has(_DOTTED_NO_YEAR_HINT), [(compiled(_DOTTED_NO_YEAR), _numeric)]),
    (_has(_DOTTED_SHORT_YEAR_HINT), [(compiled(_DOTTED_SHORT_YEAR), _short_year)]),
    (_has(_SLASHED_HINT), [(compiled(_SLASHED), _slashed)]),
    (_has(_MONTH_DAY_HINT), [(compiled(_MONTH_DAY_WEEKDAY), _numeric)]),
    (_has(_WEEKDAY_DAY_MONTH_HINT), [(compiled(_WEEKDAY_DAY_MONTH), _numeric)]),
    (_has(_KOREAN_DOTTED_HINT), [(compiled(_KOREAN_DOTTED), _numeric)]),
    (_has(_YEAR_MONTH_DAY_HINT), [(compiled(_YEAR_MONTH_DAY), _year_month_day)]),
    (lambda text: "月" in text, [(compiled(_CJK), _numeric)]),
    (lambda text: "월" in text, [(compiled(_KOREAN), _numeric)]),
    (
        _has(_MONTH_HINT),
        [(compiled(_ENGLISH_MONTH_FIRST), _english), (compiled(_ENGLISH_DAY_FIRST), _english)],
    ),
    (_has(_EU_HINT), [(compiled(_EU), _european)]),
]
