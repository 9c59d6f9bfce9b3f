"""Numbers in text that may be clock times, each read with the signs around it.

"14:00", "7 点半", "20 Uhr", "19h30", "10:30am", "下午2点", "noon" and plain numbers ("10") become
tokens; `clock` joins neighbouring tokens into ranges. A token written as a clock time that cannot
be one ("25:99", "13pm") carries the reason.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from bot.domain.timetext.languages import DAY_PARTS, NOON_WORDS, RANGE_NOON_WORDS, alternation

_NOT_A_RANGE_END = r"(?![-‐](?!(?i:noon|midnight)\b)[^\W\d_])"  # "noon-ish", not "noon-midnight"
# Every match starts with a digit, so the scan skips all other text quickly; what may stand
# before the digit (another digit, a day part) is checked in `_start`.
_TOKEN = re.compile(
    r"(?P<h>\d{1,2})"
    r"(?:[:：](?P<m>\d{2})(?:[:：](?P<s>\d{2}))?"
    r"|[.](?P<dm>\d{2})(?=\s*(?:[aApP]\.?\s?[mM]\b|[Uu]hr\b|uur\b"
    # "14.30 bis 15.15 Uhr", "14.30 – 15.15": the start of a dotted range ending in a time
    r"|(?:bis|[-–—])\s*\d{1,2}\.\d{2}\s*(?:[Uu]hr|uur)\b|bis\s*\d{1,2}\.\d{2}))"
    r"|(?P<hs>[hH]|u(?=\d{2}))(?P<hm>\d{2})?(?![a-zA-Z])"  # "19h30", Flemish "19u30"
    r"|\s(?P<hs2>h)\s(?P<hm2>\d{2})(?![\d\s]*(?:min|mn))"  # Québec and France: "9 h 30"
    r"|\s*(?P<cjk>[点點時时시])(?![間间간])(?:钟|鐘|整)?"
    r"(?:\s*(?P<cm>\d{1,2})\s*[分분](?![钟鐘])|(?P<cm2>\d{2})|\s*(?P<half>[半반]))?"
    r")?(?!\d)"
    rf"(?:\s*(?P<ap>[aApP]\.?\s?[mM]\b\.?|午前|午後|(?i:noon|midnight)\b{_NOT_A_RANGE_END}))?"
    r"(?:\s*(?P<sfx>[Uu]hr|uur|hrs|hr|hs|h)(?![a-zA-Z\d]))?"
)
_DAY_PART_BEFORE = re.compile(rf"(?:{alternation(DAY_PARTS)})$")
_NOON = re.compile(
    rf"\b(?i:{alternation(w for w in NOON_WORDS if w.isascii())})\b{_NOT_A_RANGE_END}"
    rf"|{alternation(w for w in NOON_WORDS if not w.isascii())}"
    rf"|\b(?i:{alternation(RANGE_NOON_WORDS)})\b"
)
_NOON_HINTS = ("noon", "mid", "正午", "medi", "minuit", "mitt")
# "+08:00" in "UTC+08:00" or "2024-11-21T18:00:00+01:00" is a zone offset, not a time.
_OFFSET_BEFORE = re.compile(
    r"(?:(?i:utc|gmt)|\d[:：]\d\d[:：]\d\d|T\d{1,2}[:：]\d\d)\s?[+\-−±]$"
    r"|(?:^|[\s\"'(（\[])[+±]$|(?:^|[\"'(（\[])[\-−]$"
)
_TWENTY_FOUR_HOUR_SIGNS = ("h", "uhr", "uur", "hrs", "hr", "hs")
_DIGIT = re.compile(r"\d")


class Token(NamedTuple):
    """A number that may be a time, with what it says and where it is."""

    begin: int
    end: int
    hour: int
    minute: int
    part: str | None  # "am", "pm", "noon", "night" or None
    kind: str  # "time", "loose" ("19h"), "range" ("midi"), "bare" (a number), "bad"
    flexible: bool  # an hour 1-12 on no 24-hour sign: a day part may still apply to it
    sign: str = ""  # "h", "uhr"... when written with one
    problem: str | None = None


def _problem(hour: int, minute: int, second: int, ap: str | None, has_minutes: bool) -> str | None:
    """Why an hour and minute cannot be a clock time, if they cannot."""
    reasons = []
    if hour > 24:
        reasons.append(f"hour {hour} does not exist (0-24)")
    elif hour == 24 and minute:
        reasons.append("nothing comes after 24:00")
    elif ap and not has_minutes and not 1 <= hour <= 12:
        reasons.append(f"hour {hour} does not exist on a 12-hour clock (1-12)")
    if minute > 59 or second > 59:
        reasons.append(f"minute {max(minute, second)} does not exist (0-59)")
    return "; ".join(reasons) or None


def _meridiem(ap: str | None) -> str | None:
    """The part of the day an am/pm word after a time names ("p.m." -> "pm")."""
    if not ap:
        return None
    word = ap.lower().replace(".", "").replace(" ", "")
    if word in ("am", "午前", "midnight"):
        return "am"
    if word in ("pm", "午後"):
        return "pm"
    return "noon" if word == "noon" else None


def _start(text: str, begin: int) -> tuple[int, str | None] | None:
    """Where a token starting at a digit really starts, with the day part written before it.

    None when the digit continues something else ("2021", "1.5", the "30" of "12:30").
    """
    if begin:
        before = text[begin - 1]
        if before.isdecimal() or before == ".":
            return None
        if before in ":：" and begin > 1 and text[begin - 2].isdecimal():
            return None
        if before in "+-−±" and _OFFSET_BEFORE.search(text, max(0, begin - 16), begin):
            return None
    stop = begin
    while stop and text[stop - 1] in " \t\u3000":
        stop -= 1
    if stop and text[stop - 1] >= "\u3000":
        found = _DAY_PART_BEFORE.search(text, max(0, stop - 2), stop)
        if found is not None:
            return found.start(), DAY_PARTS[found.group()]
    return begin, None


def _token(match: re.Match[str], begin: int, day_part: str | None) -> Token:
    """One number read with its signs ("7 点半", "20 Uhr", "10:30am")."""
    h, m, s, dm, hs, hm, hs2, hm2, cjk, cm, cm2, half, ap, sfx = match.groups()  # pattern order
    hs, hm = hs or hs2, hm or hm2
    hour = int(h)
    minute_text = m or dm or hm or cm or cm2
    minute = int(minute_text) if minute_text else (30 if half else 0)
    has_minutes = bool(minute_text or half)
    part = _meridiem(ap) or day_part
    sign = (sfx or hs or "").lower()
    clockish = has_minutes or part is not None or cjk is not None or sign in ("uhr", "uur")
    problem = None
    if hour > 12 or hour == 0 or minute > 59 or s:
        problem = _problem(hour, minute, int(s or 0), ap, has_minutes)
    if hour > 12:
        part = None  # "14:00 PM", "下午14点": the hour already says it
    flexible = 1 <= hour <= 12 and sign not in _TWENTY_FOUR_HOUR_SIGNS
    if problem is not None:
        kind = "bad" if clockish else "none"
    elif clockish:
        kind = "time"
    else:
        kind = "loose" if sign == "h" else "bare"
    return Token(begin, match.end(), hour, minute, part, kind, flexible, sign, problem)


def _noon_tokens(text: str) -> list[Token]:
    """ "noon", "midnight", "正午"; "midi", "Mittag"... (only as one end of a range)."""
    lowered = text.lower()
    if not any(hint in lowered for hint in _NOON_HINTS):
        return []
    tokens = []
    for match in _NOON.finditer(text):
        word = match.group().lower()
        if word in NOON_WORDS:
            tokens.append(
                Token(match.start(), match.end(), NOON_WORDS[word], 0, None, "time", False)
            )
        else:
            hour = RANGE_NOON_WORDS[word]
            tokens.append(Token(match.start(), match.end(), hour, 0, None, "range", False))
    return tokens


def clock_tokens(text: str) -> list[Token]:
    """Every number in the text that may be a time, and every word for noon or midnight."""
    tokens: list[Token] = []
    first = _DIGIT.search(text)
    if first is not None:
        for match in _TOKEN.finditer(text, first.start()):
            start = _start(text, match.start())
            if start is not None and (start[0] >= (tokens[-1].end if tokens else 0)):
                tokens.append(_token(match, *start))
    words = _noon_tokens(text)
    if words:
        taken = [(t.begin, t.end) for t in tokens]
        words = [w for w in words if not any(b < w.end and w.begin < e for b, e in taken)]
        tokens = sorted(tokens + words)
    return tokens
