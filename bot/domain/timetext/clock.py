"""Clock times and ranges: "13:30 - 13:50", "6:30pm", "下午2点", "19h às 21h", "오후 2시 ~ 6시".

Text is read in two steps: every number that may be a time becomes a token ("14:00", "7 点半",
"20 Uhr", "10"); then neighbouring tokens joined by a range separator become a range. A token
written as a clock time that cannot be one ("25:99", "13pm") is reported by `find_bad_clocks`
and never yields a time, nor does a range with such an end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import time, timedelta
from functools import lru_cache

from bot.domain.patterns import compiled
from bot.domain.timetext.clock_tokens import Token, clock_tokens
from bot.domain.timetext.languages import (
    ALL_WEEKDAYS,
    DE_SHORT_WEEKDAYS,
    DOTTED_TIME_WORDS,
    RANGE_DASHES,
    RANGE_END_WORDS,
    RANGE_MARKS,
    RANGE_WORDS,
    TIME_PREPOSITIONS,
    WEEKDAY_NAMES,
    WRITTEN_WEEKDAYS,
    alternation,
)

# "12:00 PM – Sun 10:00 AM", "20 h 00 → dim. 11 h": the end on a later day, named by its weekday
# (any word here; `_weekday` keeps weekdays only)
_WEEKDAY_BEFORE_END = r"(?P<day>[^\W\d_]{2,12})\.?,?\s+"
_SEPARATOR = compiled(
    # "12:00 PM Sat – 11:00 AM Sun": the start's own weekday after it
    r"(?:\s+(?P<from>[^\W\d_]{2,12})(?![^\W\d_])\.?,?)?"
    # "19:00(+0800) ~ 21:30(+0800)": an offset after the start does not part it from its end
    r"(?:\s*[(（](?:(?:UTC|GMT)\s*[+-]\d{1,2}(?::?\d{2})?|[+-]\d{1,2}:?\d{2})[)）])?"
    rf"\s*(?:[{RANGE_DASHES}~〜～]{{1,2}}|→|->|,?\s*(?i:{alternation(RANGE_WORDS)})(?!\w)"
    rf"|{alternation(RANGE_MARKS)})"
    # "6:00 pm until about 9:30 pm", "19 Uhr bis etwa 22 Uhr": an end given roughly is the end
    r"(?:\s*(?i:about|around|approx\.?|approximately|ca\.|circa|etwa|gegen|environ|vers"
    r"|aprox\.?|около|примерно)(?!\w))?"
    rf"\s*(?:{_WEEKDAY_BEFORE_END})?"
)
# A weekday right before a bare number: the number is that day's date ("martes 16")
_DAY_NAMED_BEFORE = compiled(rf"(?i)(?<!\w)(?:{WRITTEN_WEEKDAYS})\.?,?\s+$")
# "… – 11:00 AM Sun": the end's weekday after it, when the start named its own
_WEEKDAY_AFTER = compiled(r"\s+(?P<day>[^\W\d_]{2,12})\b\.?")
_RANGE_END = compiled(rf"\s*(?:{alternation(RANGE_END_WORDS)})")
# A length: "(60m)", "45 min", "(2h)", "(1h30)" closing its bracket; not "(22h00 Lisboa)", the
# same hour in another city.
_DURATION = (
    r"(?P<dur>\d+(?:\.\d+)?)\s*"
    r"(?P<unit>minutes|minute|mins|min|m|hours|hour|hrs|hr|h|分钟|分鐘|分|小时|小時|時間)"
    r"(?:(?<=[hH])(?P<dmin>[0-5]\d)(?=\s*[)）]|\s*$))?(?![a-zA-Z\d])"
)
_TRAILING_DURATION = compiled(rf"\s*[(（]?\s*{_DURATION}\s*[)）]?")
_DURATION_ONLY = compiled(rf"^\s*[(（]?\s*{_DURATION}\s*[)）]?\s*$")
_AFTER_PREPOSITION = compiled(rf"(?i)(?:^|[^\w])(?:{alternation(TIME_PREPOSITIONS)})\s*$")


@dataclass(frozen=True, slots=True)
class ClockSpan:
    """A time or a time range found in text, with where it was."""

    start: time
    end: time | None
    duration: timedelta | None
    begin: int
    finish: int
    twelve_hour: bool = False  # no am/pm and every hour 1-12: "6:30" may mean the evening
    overnight: bool = False  # the text says the end is the next morning: "7:30pm - 8:00am"
    twenty_four: bool = False  # an hour 13-23 without am/pm: the 24-hour clock ("13:30")
    end_weekday: int | None = None  # "20 h 00 → dim. 11 h": the day of the end, Monday 0

    def ending_at(self, end: time) -> ClockSpan:
        """The same start given an end found elsewhere (an End column, "until 9:00 PM"): a range
        now, so neither its stated length nor the 12-hour doubt of a lone time applies."""
        return replace(self, end=end, duration=None, twelve_hour=False, overnight=False)

    def moved(self, offset: int) -> ClockSpan:
        """The same span found `offset` characters further into a longer text."""
        if not offset:
            return self
        return replace(self, begin=self.begin + offset, finish=self.finish + offset)

    @property
    def end_next_day(self) -> bool:
        """True for ranges that cross midnight ("23:00-01:00")."""
        return self.end is not None and self.end <= self.start and self.end != self.start

    @property
    def length(self) -> timedelta | None:
        """The span's length from the range, or else from the stated duration."""
        if self.end is None:
            return self.duration
        minutes = (self.end.hour * 60 + self.end.minute) - (
            self.start.hour * 60 + self.start.minute
        )
        if minutes < 0:
            minutes += 24 * 60
        return timedelta(minutes=minutes)


@dataclass(frozen=True, slots=True)
class BadClock:
    """Something written as a clock time that cannot be one ("25:99", "24:30", "13pm")."""

    begin: int
    finish: int
    text: str
    reason: str


def _hour_in(part: str | None, hour: int) -> int:
    """An hour from 0 to 12 on the 24-hour clock, in a part of the day ("night", 12 -> 0)."""
    if part == "am" or (part == "night" and hour < 5):
        return 0 if hour == 12 else hour
    if part == "pm":
        return hour if hour == 12 else hour + 12
    if part == "night":
        return 0 if hour == 12 else hour + 12
    if part == "noon":
        return hour if hour >= 11 else hour + 12
    return hour


def _clock(token: Token, part: str | None) -> time:
    """The token's time of day, read in the given part of the day."""
    hour = _hour_in(part, token.hour) if token.hour <= 12 else token.hour
    return time(hour % 24, token.minute)


def _other(part: str) -> str:
    return "am" if part == "pm" else "pm"


def _range_times(first: Token, second: Token) -> tuple[time, time]:
    """Both ends: one am/pm may cover both, and a day part carries to an end that has none."""
    if first.part is None and second.part in ("am", "pm") and first.flexible:
        end = _clock(second, second.part)
        start = _clock(first, second.part)
        if start > end:
            start = _clock(first, _other(second.part))
        return start, end
    start = _clock(first, first.part)
    carried = second.part or (first.part if second.flexible else None)
    if carried is None and _noon_word(first) and first.hour == 12 and second.flexible:
        carried = "pm"  # "noon–1": one in the afternoon
    end = _clock(second, carried)
    if second.part is None and carried in ("am", "pm") and end < start:
        end = _clock(second, _other(carried))
    return start, end


def _joins(first: Token, second: Token) -> bool:
    """Whether two tokens side by side make a range ("10 bis 12 Uhr" does, "13:30 - 2021" not)."""
    kinds = {first.kind, second.kind}
    if kinds & {"none", "bad"} or kinds <= {"bare"}:
        return False
    if second.kind == "bare":
        # "5pm - 7", "klo 17–20" and "noon–1": a bare hour ends a range a time or a word opened
        said = first.part is not None or (first.sign == "h" and second.hour <= 24)
        return said or (_noon_word(first) and 1 <= second.hour <= 11)
    if first.kind == "bare" and second.kind == "range":
        return False
    # "13:00 - 2h" is a length; "14h-16h" and "de 10 à 12h" are ranges.
    return second.kind != "loose" or first.kind in ("loose", "bare", "range") or first.sign == "h"


def _noon_word(token: Token) -> bool:
    """A token made of "noon" or "midnight" (a time with no digits' flexibility or sign)."""
    return token.kind == "time" and not token.flexible and not token.sign and token.part is None


def _loose_is_time(text: str, token: Token) -> bool:
    """Whether "19h" alone is a time: not "(2h)", and "2h" only after "à", "ab", "at"..."""
    before = text[max(0, token.begin - 3) : token.begin].rstrip()
    after = text[token.end : token.end + 3].lstrip()
    if before.endswith(("(", "（", "[")):
        return False
    # ("(2h)" is a length; "(hasta las 22 hs)" gives a time, the words before it in its brackets)
    opened = max(text.rfind("(", 0, token.begin), text.rfind("（", 0, token.begin))
    if after.startswith((")", "）")) and (opened < 0 or not text[opened + 1 : token.begin].strip()):
        return False
    if _AFTER_PREPOSITION.search(text, max(0, token.begin - 12), token.begin):
        return True
    return 7 <= token.hour <= 23


def loose_hour_is_time(text: str, begin: int, end: int, hour: int) -> bool:
    """Whether an hour written "19h" at text[begin:end] reads as a time rather than a length."""
    return _loose_is_time(text, Token(begin, end, hour, 0, None, "loose", False))


def _tail(text: str, finish: int) -> tuple[timedelta | None, int]:
    """A duration written right after a time or range ("13:00-14:00 (60m)"), and where it ends."""
    match = _TRAILING_DURATION.match(text, finish)
    if match is None:
        return None, finish
    return _duration(match), match.end()


def _weekday(word: str | None) -> int | bool | None:
    """The weekday a word beside a range's times names ("Sun", "dim.", "So"): None for no
    word, False when the word is no weekday (then the range is not one)."""
    if word is None:
        return None
    if len(word) == 2:  # German "So", "Sa": capitalised
        return DE_SHORT_WEEKDAYS.get(word, False)
    day = ALL_WEEKDAYS.get(word.casefold())
    if day is None and len(word) >= 3:  # "Sun", "Sunday", "Thurs" (not "Sunset", "Monkey")
        folded = word.casefold()
        day = next(
            (n for n, name in enumerate(WEEKDAY_NAMES) if name.casefold().startswith(folded)), None
        )
    return False if day is None else day


def _single(text: str, token: Token) -> ClockSpan | None:
    if token.kind == "loose" and not _loose_is_time(text, token):
        return None
    if token.kind not in ("time", "loose"):
        return None
    duration, finish = _tail(text, token.end)
    twelve = token.flexible and token.part is None and not _padded(text, token)
    start = _clock(token, token.part)
    return ClockSpan(
        start, None, duration, token.begin, finish, twelve, twenty_four=_on_24_hours(token)
    )


def _range(text: str, first: Token, second: Token) -> ClockSpan:
    start, end = _range_times(first, second)
    finish = second.end
    closing = _RANGE_END.match(text, finish)
    if closing is not None:
        finish = closing.end()
    duration, finish = _tail(text, finish)
    twelve = (
        first.flexible
        and second.flexible
        and first.part is None
        and second.part is None
        and not _padded(text, first)
    )
    overnight = second.part == "am" and first.part in ("pm", "night") and end <= start
    twenty_four = _on_24_hours(first) or _on_24_hours(second)
    return ClockSpan(start, end, duration, first.begin, finish, twelve, overnight, twenty_four)


def _on_24_hours(token: Token) -> bool:
    return token.part is None and 13 <= token.hour <= 23


def _padded(text: str, token: Token) -> bool:
    """An hour written with a leading zero ("06:30", "01:00"): the 24-hour clock's way."""
    return text[token.begin : token.begin + 1] == "0"


def _bad(text: str, token: Token) -> BadClock:
    return BadClock(
        token.begin, token.end, text[token.begin : token.end], token.problem or "not a time"
    )


@lru_cache(maxsize=32)
def _scan(text: str) -> tuple[tuple[ClockSpan, ...], tuple[BadClock, ...]]:
    """`_read`, remembered for a few texts: readers ask for the times and bad times of a line."""
    spans, bad = _read(text)
    return tuple(spans), tuple(bad)


def _read(text: str) -> tuple[list[ClockSpan], list[BadClock]]:
    """Times and ranges in the text, and things written as times that cannot be."""
    spans: list[ClockSpan] = []
    bad: list[BadClock] = []
    if len(text) > 4000:  # keep pathological lines cheap: nobody writes a time that far in
        text = text[:4000]
    tokens = clock_tokens(text)
    done = 0
    for index, token in enumerate(tokens):
        if token.begin < done:
            continue
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        separator = (
            None if following is None else _SEPARATOR.fullmatch(text, token.end, following.begin)
        )
        weekday = None if separator is None else _weekday(separator.group("day"))
        started = None if separator is None else _weekday(separator.group("from"))
        after = None
        if started is False:
            separator = None  # "18:00 CET – 19:00": a word that is no weekday parts them
        elif started is not None and weekday is None and following is not None:
            after = _WEEKDAY_AFTER.match(text, following.end)
            weekday = _weekday(after.group("day")) if after is not None else None
            if weekday is False:
                weekday, after = None, None
        if following is not None and separator is not None and weekday is not False:
            if "bad" in (token.kind, following.kind):
                bad.extend(_bad(text, t) for t in (token, following) if t.kind == "bad")
                done = following.end
                continue
            joined = _range(text, token, following) if _joins(token, following) else None
            if (
                joined is not None
                and token.kind == "bare"
                and joined.end is not None
                and joined.end < joined.start
                and _DAY_NAMED_BEFORE.search(text, max(0, token.begin - 16), token.begin)
            ):
                joined = None  # "antes del martes 16 a las 12:00": the 16th, not 16:00 to 12:00
            if joined is not None and not (
                weekday is not None
                and started is None
                and (
                    following.kind == "bare"
                    or (joined.end is not None and joined.end > joined.start)
                )
            ):
                # (not a day's number either: "19 h, au dimanche 9 mars, 8 h 30")
                # (a weekday before the end joins only an end that is the next morning's,
                # unless the start names its own: "Fri 10:00 – Sun 18:00")
                if weekday is not None:
                    joined = replace(joined, end_weekday=weekday)
                if after is not None:
                    joined = replace(joined, finish=max(joined.finish, after.end()))
                spans.append(joined)
                done = joined.finish
                continue
        if token.kind == "bad":
            bad.append(_bad(text, token))
            continue
        span = _single(text, token)
        if span is not None:
            spans.append(span)
            done = span.finish
    return spans, bad


def find_clock_spans(text: str) -> list[ClockSpan]:
    """Every clock time or range in the text, in order.

    A bare number is not a time: a time needs minutes, am/pm, a day part or an hour sign
    (点, 時, 시, Uhr, "h"). In a range one am/pm may cover both ends ("7:45-7:50 AM"); if that
    would put the start after the end, the start takes the other half of the day ("11:30-12:30
    PM" starts at 11:30 AM). A range with an impossible end ("10:00-31:99") yields nothing.
    """
    return list(_scan(text)[0])


def find_bad_clocks(text: str) -> list[BadClock]:
    """Everything in the text written as a clock time that cannot be one, in order."""
    return list(_scan(text)[1])


_TIME_WORD_FIRST = compiled(rf"(?i:{alternation(DOTTED_TIME_WORDS)})\s*(?=\d)")


def leading_clock_span(text: str) -> ClockSpan | None:
    """The time or range a text starts with ("17:00 - 17:10: Opening"), if any."""
    stripped = text.lstrip(" *_`[(（")
    symbols = _EMOJI_FIRST.match(stripped)  # "⏰ 5:30 PM — Check-in", "🍉 6:00 PM — Iftar"
    if symbols is not None:
        stripped = stripped[symbols.end() :].lstrip(" *_`")
    offset = len(text) - len(stripped)
    word = _TIME_WORD_FIRST.match(stripped)  # "klo 17.30 Avaus", "saat 19:00 Açılış"
    at = 0 if word is None else word.end()
    spans = find_clock_spans(stripped[at : at + 80])
    if spans and spans[0].begin == 0 and not _A_DAY_LONG.match(stripped, at):
        return spans[0].moved(offset + at)
    if word is not None:
        # "kl. 01.15 Demos": read with its word, a dotted time that alone may be a date
        spans = find_clock_spans(stripped[: at + 80])
        if spans and spans[0].begin == at:
            return spans[0].moved(offset)
    return None


# Pictographs, their variation selector and joiners, then a space.
_EMOJI_FIRST = compiled(r"[\U0001F000-\U0001FAFF\u2190-\u2BFF\uFE0F\u200D]+\s")

# "24 uur (nou ja, 25 🙃) bouwen…", "24 hours of hacking": a day's length, not midnight ("24 Uhr" is)
_A_DAY_LONG = compiled(r"24\s*(?:hrs?|hours?|uur|Stunden|heures|horas|ore)\b(?!\s*[-–—~]\s*\d)")


def _duration(match: re.Match[str]) -> timedelta | None:
    value = match.group("dur")
    if value is None:
        return None
    amount = float(value)
    unit = match.group("unit").lower()
    hours = amount if unit.startswith(("h", "小", "時")) else amount / 60
    hours += int(match.group("dmin") or 0) / 60  # "(1h30)"
    if hours > 24 * 7:
        return None  # "(99999999999999999999m)" is no session's length
    return timedelta(hours=hours)


def find_duration(text: str) -> timedelta | None:
    """A duration written alone ("(10m)", "30 min", "（30分钟）")."""
    match = _DURATION_ONLY.search(text)
    return _duration(match) if match else None
