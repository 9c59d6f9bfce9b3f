"""Numbers in text that may be clock times, each read with the signs around it.

"14:00", "7 点半", "20 Uhr", "19h30", "0930hrs", "10:30am", "下午2点", "下午两点", "晚上七点半", "noon" and plain
numbers ("10") become tokens; `clock` joins neighbouring tokens into ranges. A token written as a clock time that cannot
be one ("25:99", "13pm") carries the reason.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from bot.domain.patterns import compiled
from bot.domain.timetext.languages import (
    CHINESE_DIGITS,
    DAY_PARTS,
    DOTTED_TIME_WORDS,
    NOON_WORDS,
    RANGE_DASHES,
    RANGE_MARKS,
    RANGE_NOON_WORDS,
    RANGE_WORDS,
    alternation,
    chinese_number,
)

_NOT_A_RANGE_END = r"(?![-‐](?!(?i:noon|midnight)\b)[^\W\d_])"  # "noon-ish", not "noon-midnight"
# Every match starts with a digit, so the scan skips all other text quickly; what may stand
# before the digit (another digit, a day part) is checked in `_start`.
_TOKEN = compiled(
    r"(?<!\d)(?P<h>\d{1,2})"  # (a digit after a digit continues a number: `_start` says so too)
    r"(?:[:：](?P<m>\d{2})(?:[:：](?P<s>\d{2}))?"
    r"|[.](?P<dm>\d{2})(?=\s*(?:[aApP]\.?\s?[mM]\b|[Uu]hr\b|uur\b"
    # "14.30 bis 15.15 Uhr", "14.30 – 15.15": the start of a dotted range ending in a time
    r"|(?:bis|[-–—])\s*\d{1,2}\.\d{2}\s*(?:[Uu]hr|uur)\b|bis\s*\d{1,2}\.\d{2}"
    # "7.45-8.15pm", "4.10–5pm": a dotted range whose end alone says the part of the day
    r"|[-–—]\s*\d{1,2}(?:\.\d{2})?\s*[aApP]\.?\s?[mM]\b))"
    # "0900hrs", "1330 hrs" (East Africa), "1000 – 1015 hrs" (India: the range's end says it)
    r"|(?P<mil>\d{2})(?=\s*(?:hrs|hr)(?![a-zA-Z\d])|\s*[-–—]\s*\d{4}\s*(?:hrs|hr)(?![a-zA-Z\d]))"
    r"|(?P<hs>[hH]|u(?=\d{2}|[:\s]|$))(?P<hm>\d{2})?(?![a-zA-Z])"  # "19h30", Flemish "19u30", "19u"
    r"|\s(?P<hs2>h)\s(?P<hm2>\d{2})(?![\d\s]*(?:min|mn))"  # Québec and France: "9 h 30"
    r"|\s*(?P<cjk>[点點時时시])(?![間间간])(?:钟|鐘|整)?"
    r"(?:\s*(?P<cm>\d{1,2})\s*[分분](?![钟鐘])|(?P<cm2>\d{2})|\s*(?P<half>[半반]))?"
    r")?(?!\d)"
    # "12:00 m." (Colombia, Mexico: "meridiano"): noon
    rf"(?:\s*(?P<ap>[aApP]\.?\s?[mM]\b\.?|(?<=\d)p(?=[\s:,)–—-]|$)|(?<=12[:：]00\s)m\.(?!\w)"
    rf"|午前|午後|[صم](?!\w)|مساءً?|مساءا"
    rf"|صباحًا|صباحا|منتصف الليل|μ\.\s?μ\.|π\.\s?μ\."
    rf"|(?i:noon|midnight)\b{_NOT_A_RANGE_END}))?"
    r"(?:\s*(?P<sfx>[Uu]hr|uur|hrs|hr|hs|h|น\.)(?![a-zA-Z\d]))?"  # Thai "น.": o'clock
)
_DAY_PART_BEFORE = compiled(rf"(?:{alternation(DAY_PARTS)})$")
_NOON = compiled(
    rf"\b(?i:{alternation(w for w in NOON_WORDS if w.isascii())})\b{_NOT_A_RANGE_END}"
    rf"|{alternation(w for w in NOON_WORDS if not w.isascii())}"
    rf"|\b(?i:{alternation(RANGE_NOON_WORDS)})\b"
)
_NOON_HINT = compiled("noon|mid|正午|medi|minuit|mitt")
# "+08:00" in "UTC+08:00" or "2024-11-21T18:00:00+01:00" is a zone offset, not a time.
_OFFSET_BEFORE = compiled(
    r"(?:(?i:utc|gmt)|\d[:：]\d\d[:：]\d\d|T\d{1,2}[:：]\d\d)\s?[+\-−±]$"
    r"|(?:^|[\s\"'(（\[])[+±]$|(?:^|[\"'(（\[])[\-−]$"
)
_TWENTY_FOUR_HOUR_SIGNS = ("h", "uhr", "uur", "hrs", "hr", "hs", "น.")
_DIGIT = compiled(r"\d")
# Hours in Chinese numerals, 1 to 12: "下午两点", "晚上七点半", "十点一刻", "两点到五点". "一点" is also
# "a little" and "三点" "three points", so a numeral hour needs a sign it is a time: a part of the
# day before it, minutes or 钟/整 after it, an hour from ten up, or a time before it in a range.
_CN_NUMERALS = "".join(CHINESE_DIGITS) + "十"
_CN_HOUR = compiled(
    r"(?P<h>十[一二]|[一二两兩三四五六七八九十])\s*[点點](?P<whole>钟|鐘|整)?"
    r"(?:(?P<half>半)|(?P<quarter>[一三])刻|(?P<cm>[一二三四五]?十[一二三四五六七八九]?"
    r"|零?[一二三四五六七八九])分(?![钟鐘])"
    # "三点四十五", "两点零五": minutes without 分, from ten up or after 零
    r"|(?P<cm_bare>[二三四五]十[一二三四五六七八九]?|十[一二三四五六七八九]|零[一二三四五六七八九])"
    r"(?![分钟鐘点點\d一二三四五六七八九十]))?(?![儿兒])"
)
_CN_HINT = compiled(r"[一二两兩三四五六七八九十]\s*[点點]")
_CN_NOT_BEFORE = _CN_NUMERALS + "第0123456789０１２３４５６７８９"
_RANGE_BEFORE = compiled(rf"(?:[{RANGE_DASHES}~〜～]{{1,2}}|{alternation(RANGE_MARKS)})\s*$")


# Times written with a dot and nothing after them ("17.30 Dörrarna öppnar", "klo 17.30", "08.30
# s.d. 09.00"): at the start of a line or cell, or after a word that says a time follows, where
# a version number or a price would not stand. The dot is read as a colon (same length: every
# offset stays).
_DOTTED_AT = compiled(
    # (after an emoji too: "🕡 **18.30 – 21.00 WITA**")
    rf"^[\s\-*•·|#>_\u2190-\u2bff\U0001f000-\U0001faff\ufe0f]*"
    rf"(?:(?P<word>{alternation(DOTTED_TIME_WORDS)})\s*)?"
    # (a comma may follow, "22.00, no overnight stays", not a decimal's digit: "22.00,5")
    r"(?P<h>\d{1,2})(?P<dot>\.)[0-5]\d(?!\d|,\d|\.\w|:\d|\s*(?:%|€|\$|£|kr\b|zł|Kč))"
    rf"|(?<!\w)(?P<word2>{alternation(DOTTED_TIME_WORDS)})\s*(?P<h2>\d{{1,2}})(?P<dot2>\.)[0-5]\d(?![\d,]|\.\w|:\d)"
    # "14.30'da", "15.00'te": a Turkish case ending after the time
    r"|(?<![\w.])(?P<h3>\d{1,2})(?P<dot3>\.)[0-5]\d(?=['’](?:da|de|ta|te|dan|den|tan|ten)\b)"
    # Italian "dalle 9.30 alle 17.30" (only with minutes: German "alle 10 Minuten" is no time)
    r"|(?<!\w)(?i:dalle|alle)\s+(?P<h4>\d{1,2})(?P<dot4>\.)[0-5]\d"
    r"(?![\d,]|\.\w|:\d|\s*(?:%|€|\$|£|(?i:euro|eur|chf)\b))"
)
_DOTTED_END = compiled(
    rf"\s*(?:[{RANGE_DASHES}~]|(?i:{alternation(RANGE_WORDS)})(?!\w))\s*"
    r"(?P<h>\d{1,2})(?P<dot>\.)[0-5]\d(?![\d.,]|:\d)"
)


_TIME_WORD_BEFORE = compiled(rf"(?:^|[^\w.])(?i:{alternation(DOTTED_TIME_WORDS)})\s*$")


def _said_time(text: str, begin: int) -> bool:
    """Whether a word that says a time follows stands right before `begin` ("klo 17")."""
    return _TIME_WORD_BEFORE.search(text, max(0, begin - 8), begin) is not None


_CUM_TEMPORE = compiled(r"\s*c\.\s?t\.")
_HOUR_GROUPS = (("h", "dot"), ("h2", "dot2"), ("h3", "dot3"), ("h4", "dot4"))


def _dotted_as_colons(text: str) -> str:
    """The text with the dot of each dotted time read as one (see `_DOTTED_AT`) made a colon."""
    if "." not in text:
        return text
    dots: list[int] = []
    for match in _DOTTED_AT.finditer(text):
        hour, dot = next((match.group(h), d) for h, d in _HOUR_GROUPS if match.group(h))
        # (a Turkish case ending, or Italian "dalle"/"alle", says a time as a time word does)
        said = any(match.group(g) for g in ("word", "word2", "h3", "h4"))
        end = _DOTTED_END.match(text, match.end())
        if int(hour) > 23 or not (said or end or int(hour) >= 6):
            continue
        minutes = int(text[match.start(dot) + 1 : match.end()])
        if text[match.end() : match.end() + 1] == "." and 1 <= minutes <= 12:
            continue  # "13.06." is a day and a month; "runt kl. 20.15." ends a sentence
        dots.append(match.start(dot))
        if end is not None and int(end.group("h")) <= 24:
            dots.append(end.start("dot"))
    if not dots:
        return text
    chars = list(text)
    for index in dots:
        chars[index] = ":"
    return "".join(chars)


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
    if word in ("am", "午前", "midnight", "ص", "صباحًا", "صباحا", "منتصفالليل", "πμ"):
        return "am"
    if word in ("pm", "p", "午後", "م", "مساء", "مساءً", "مساءا", "μμ"):
        return "pm"
    return "noon" if word in ("noon", "m") else None  # "12:00 m.": meridiano


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
    return _day_part_before(text, begin)


def _day_part_before(text: str, begin: int) -> tuple[int, str | None]:
    """Where a time starts with the day part written before it ("下午 2点"), and that part."""
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
    h, m, s, dm, mil, hs, hm, hs2, hm2, cjk, cm, cm2, half, ap, sfx = match.groups()  # in order
    hs, hm = hs or hs2, hm or hm2
    hour = int(h)
    minute_text = m or dm or mil or hm or cm or cm2
    minute = int(minute_text) if minute_text else (30 if half else 0)
    has_minutes = bool(minute_text or half)
    part = _meridiem(ap) or day_part
    sign = (sfx or hs or "").lower()
    clockish = has_minutes or part is not None or cjk is not None or sign in ("uhr", "uur")
    problem = None
    if hour > 24 or minute > 59 or s or (hour == 24 and minute) or (ap and not has_minutes):
        problem = _problem(hour, minute, int(s or 0), ap, has_minutes)
    if hour > 12:
        part = None  # "14:00 PM", "下午14点": the hour already says it
    flexible = 1 <= hour <= 12 and sign not in _TWENTY_FOUR_HOUR_SIGNS
    if problem is not None:
        kind = "bad" if clockish else "none"
    elif clockish:
        kind = "time"
    else:
        kind = "loose" if sign in ("h", "hs", "u") else "bare"  # "19 h", "19 hs", Flemish "19u"
    return Token(begin, match.end(), hour, minute, part, kind, flexible, sign, problem)


def _noon_tokens(text: str) -> list[Token]:
    """ "noon", "midnight", "正午"; "midi", "Mittag"... (only as one end of a range)."""
    if _NOON_HINT.search(text.lower()) is None:
        return []
    tokens = []
    for match in _NOON.finditer(text):
        word = match.group().lower()
        if _opens_a_title(text, match):
            continue  # "00:30 — Midnight pixel-art jam": the title's word, not the range's end
        if word in NOON_WORDS:
            tokens.append(
                Token(match.start(), match.end(), NOON_WORDS[word], 0, None, "time", False)
            )
        else:
            hour = RANGE_NOON_WORDS[word]
            tokens.append(Token(match.start(), match.end(), hour, 0, None, "range", False))
    return tokens


_TITLE_WORD_AFTER = compiled(r"\s+(?![aApP]\.?[mM]\b)[^\W\d_]{2,}")
_DASH_BEFORE = compiled(rf"[{RANGE_DASHES}]\s*$")


def _opens_a_title(text: str, match: re.Match[str]) -> bool:
    """A capitalised "Midnight"/"Noon" after a time's dash with words after it starts a title."""
    return (
        match.group()[:1].isupper()
        and _DASH_BEFORE.search(text, max(0, match.start() - 4), match.start()) is not None
        and _TITLE_WORD_AFTER.match(text, match.end()) is not None
    )


def _cn_minute(match: re.Match[str]) -> int | None:
    """The minutes of a numeral hour: 半 30, 一刻 15, 三刻 45, "二十分" 20 (None: none said)."""
    if match.group("half"):
        return 30
    if match.group("quarter"):
        return 15 if match.group("quarter") == "一" else 45
    minutes = match.group("cm") or match.group("cm_bare")
    if minutes:
        return chinese_number(minutes.lstrip("零"))
    return None


def _after_a_time(text: str, begin: int, tokens: list[Token]) -> bool:
    """Whether a range mark with a time before it stands just before `begin` ("两点到五点")."""
    mark = _RANGE_BEFORE.search(text, max(0, begin - 6), begin)
    return mark is not None and any(
        t.end <= mark.start() and not text[t.end : mark.start()].strip() for t in tokens
    )


def _chinese_tokens(text: str, tokens: list[Token]) -> list[Token]:
    """Hours written in Chinese numerals, beside the `tokens` already found (in order)."""
    found: list[Token] = []
    for match in _CN_HOUR.finditer(text):
        begin = match.start()
        if begin and text[begin - 1] in _CN_NOT_BEFORE:
            continue  # "二十一点", "第一点", "3十点"
        hour = chinese_number(match.group("h"))
        minute = _cn_minute(match)
        said = match.group("cm") or match.group("cm_bare")
        if hour is None or (said and minute is None) or (minute or 0) > 59:
            continue
        start, part = _day_part_before(text, begin)
        if not (
            part is not None
            or minute is not None
            or match.group("whole")
            or hour >= 10
            or _after_a_time(text, begin, [*tokens, *found])
        ):
            continue
        if any(t.begin < match.end() and start < t.end for t in tokens):
            continue
        found.append(Token(start, match.end(), hour, minute or 0, part, "time", True))
    return found


def clock_tokens(text: str) -> list[Token]:
    """Every number in the text that may be a time, and every word for noon or midnight."""
    tokens: list[Token] = []
    text = _dotted_as_colons(text)
    first = _DIGIT.search(text)
    if first is not None:
        for match in _TOKEN.finditer(text, first.start()):
            start = _start(text, match.start())
            if start is not None and (start[0] >= (tokens[-1].end if tokens else 0)):
                token = _token(match, *start)
                if token.kind == "bare" and token.hour <= 24 and _said_time(text, token.begin):
                    token = token._replace(kind="time", flexible=False, sign="h")  # "klo 17"
                quarter = _CUM_TEMPORE.match(text, token.end) if "c" in text else None
                if quarter is not None and token.kind != "bad" and token.minute == 0:
                    # "17 Uhr c.t.": an academic quarter past the hour
                    token = token._replace(minute=15, end=quarter.end(), kind="time")
                tokens.append(token)
    if _CN_HINT.search(text):
        numerals = _chinese_tokens(text, tokens)
        if numerals:
            tokens = sorted(tokens + numerals)
    words = _noon_tokens(text)
    if words:
        taken = [(t.begin, t.end) for t in tokens]
        words = [w for w in words if not any(b < w.end and w.begin < e for b, e in taken)]
        tokens = sorted(tokens + words)
    return tokens
