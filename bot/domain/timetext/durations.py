"""Lengths of time as agendas write them: "75 minutes", "1h30", "2 Stunden", "1時間半", "一个半小时"."""

from __future__ import annotations

import re
from datetime import timedelta

from bot.domain.patterns import compiled
from bot.domain.timetext.clock import loose_hour_is_time
from bot.domain.timetext.languages import (
    AND_A_HALF,
    HOUR_UNITS,
    HOUR_WORDS,
    MINUTE_UNITS,
    NUMBER_WORDS,
    alternation,
    chinese_number,
)

_AND = r"(?:and|und|y|e|et)\s+"
_PROSE = compiled(
    rf"(?<![\d.,:：])(?P<a>\d{{1,3}}(?:[.,]\d{{1,2}})?)(?P<gap>\s*|-)"
    rf"(?:(?P<hu>{alternation(HOUR_UNITS)})"
    rf"(?:\s*(?:{_AND})?(?P<b>\d{{1,2}})(?!\d)\s*(?P<bu>{alternation(MINUTE_UNITS)})?"
    rf"|\s*(?P<half>半|반))?"
    rf"|(?P<mu>{alternation(MINUTE_UNITS)}))(?![a-zA-Z])",
    re.IGNORECASE,
)
_CHINESE = compiled(
    r"(?P<n>[零一二两兩三四五六七八九十]*)\s*[个個]?\s*(?P<half>半)?\s*(?:小时|小時|钟头|鐘頭)"
    r"|(?P<mn>[一二两兩三四五六七八九十]+)\s*(?:分钟|分鐘)"
)
_WORDS = compiled(
    rf"(?i)(?<!\w)(?P<n>{alternation(NUMBER_WORDS)})(?:\s+|(?<=-))(?:{alternation(HOUR_WORDS)})(?!\w)"
    rf"(?:\s+(?P<half>{alternation(AND_A_HALF)})(?!\w))?"
    r"|(?<!\w)(?P<short>(?:a\s+)?half[- ]hour)(?!\w)"
)
_MAYBE = compiled(
    rf"\d|小时|小時|钟头|鐘頭|分钟|分鐘|(?i:{alternation(w[:4] for w in HOUR_WORDS)})"
)
_CLOCK_SIGNS = ("点", "點", "時", "时", "시")
_CUE = compiled(
    r"(?i)(?:durée|dauer|duration|length|duración|duração|for|pendant|während|durante|total)"
    r"\s*:?\s*$"
)
_CLOCK_LENGTH = compiled(r"(?P<h>\d{1,2})[:：](?P<m>[0-5]\d)(?:[:：](?P<s>[0-5]\d))?\s*(?:h|hrs?)?")
_PRIME = compiled(r"(?P<n>\d{1,3})\s*['’′]")


def _amount(text: str) -> float:
    return float(text.replace(",", "."))


def _value(match: re.Match[str]) -> timedelta | None:
    """The length a match reads, or None when its parts do not fit together."""
    if match.group("mu"):
        if match.group("mu") == "m" and match.group("gap"):
            return None  # "5 m" is more often metres
        return timedelta(minutes=_amount(match.group("a")))
    hours = timedelta(hours=_amount(match.group("a")))
    if match.group("half"):
        return hours + timedelta(minutes=30)
    minutes_text = match.group("b")
    if minutes_text is None:
        return hours
    compact = match.group("hu").lower() == "h" or match.group("hu") in ("時間", "시간")
    if match.group("bu") is None and not compact:
        return hours  # "2 hours 15 people": the 15 is something else
    minutes = int(minutes_text)
    return hours + timedelta(minutes=minutes) if minutes < 60 else None


def _reads_as_clock(text: str, match: re.Match[str]) -> bool:
    """Whether a match is part of a clock time: "2点45分", "à 9h30", "19h"."""
    before = text[max(0, match.start() - 20) : match.start()].rstrip()
    if before.endswith(_CLOCK_SIGNS):
        return True
    if (match.group("hu") or "").lower() != "h" or match.group("half"):
        return False
    if _CUE.search(before[-16:]):
        return False
    whole = match.group("a")
    if not whole.isdigit():
        return False
    end = match.start() + len(whole) + len(match.group("gap")) + 1
    return loose_hour_is_time(text, match.start(), end, int(whole))


def _chinese_value(match: re.Match[str]) -> timedelta | None:
    if match.group("mn"):
        minutes = chinese_number(match.group("mn"))
        return timedelta(minutes=minutes) if minutes is not None else None
    hours = chinese_number(match.group("n")) if match.group("n") else 0
    if hours is None or (hours == 0 and not match.group("half")):
        return None
    return timedelta(hours=hours, minutes=30 if match.group("half") else 0)


def _word_value(match: re.Match[str]) -> timedelta:
    if match.group("short"):
        return timedelta(minutes=30)
    hours = NUMBER_WORDS[" ".join(match.group("n").lower().split())]
    return timedelta(hours=hours + (0.5 if match.group("half") else 0))


def _candidates(text: str) -> list[tuple[int, timedelta]]:
    found = []
    word = _WORDS.search(text)
    if word is not None:
        found.append((word.start(), _word_value(word)))
    for match in _PROSE.finditer(text):
        value = _value(match)
        if value is not None and not _reads_as_clock(text, match):
            found.append((match.start(), value))
            break
    for match in _CHINESE.finditer(text):
        value = _chinese_value(match)
        if value is not None:
            found.append((match.start(), value))
            break
    return found


def find_prose_duration(text: str) -> timedelta | None:
    """The first length of time written in a sentence ("lasts 75 minutes", "Durée : 1h30").

    Clock times are not lengths: the minutes of "2点45分" and the "19h" of "à 19h" are skipped.
    """
    text = text[:4000]
    if _MAYBE.search(text) is None:
        return None
    found = _candidates(text)
    return min(found, key=lambda item: item[0])[1] if found else None


def cell_duration(text: str) -> timedelta | None:
    """A length filling a table cell: "0:15", "1:30h", "15 min", "15'", "15分钟", "1h", "(10m)".

    "H:MM" reads as hours and minutes; a bare number is not a length.
    """
    inner = text.strip()
    if inner[:1] in ("(", "（") and inner[-1:] in (")", "）"):
        inner = inner[1:-1].strip()
    if not inner:
        return None
    clock = _CLOCK_LENGTH.fullmatch(inner)
    if clock is not None:
        seconds = int(clock.group("s") or 0)
        return timedelta(
            hours=int(clock.group("h")), minutes=int(clock.group("m")), seconds=seconds
        )
    prime = _PRIME.fullmatch(inner)
    if prime is not None:
        return timedelta(minutes=int(prime.group("n")))
    prose = _PROSE.fullmatch(inner)
    if prose is not None:
        return None if _reads_as_clock(inner, prose) else _value(prose)
    chinese = _CHINESE.fullmatch(inner)
    return _chinese_value(chinese) if chinese is not None else None
