"""Recurring meetings written in words, as an RFC 5545 RRULE value and what goes with it.

"every Wednesday at 5pm UTC", "biweekly on Tuesdays, 9am PT", "first Wednesday of every month",
"on the first and third Tuesday", "每周三 17:00 (UTC)", "每月第一个周三晚上 8 点（北京时间）": a phrase
gives the rule ("FREQ=WEEKLY;BYDAY=WE", "FREQ=MONTHLY;BYDAY=1WE,3WE"), the time of day as a
`ClockSpan`, the zone as written (a `ZoneMention`, judged by the reader with the zone machinery
it uses everywhere), the skipped dates ("no meeting on Dec 25", "12月25日暂停"), the first date
("starting 2026-01-07") and the last ("until 2026-06-30"), all as written (dates as
`DateMention`s, to be given a year by the reader).

`read_repetition` reads one line; `skipped_days` reads a line that only names skipped dates.
`first_matching_day` is the first day a rule meets on or after a date. Nothing here looks at the
clock: a phrase without a date is anchored by the reader on a fixed day.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import partial

from dateutil.rrule import rrulestr

from bot.domain.patterns import compiled
from bot.domain.timetext.clock import ClockSpan, find_clock_spans
from bot.domain.timetext.dates import DateMention, find_dates
from bot.domain.timetext.languages import EU_WEEKDAYS, WEEKDAY_NAMES, alternation, chinese_number
from bot.domain.timetext.quotes import pair_zones
from bot.domain.zones.resolve import ZoneMention

# The first occurrence of a series that gives no date is the first matching day on or after
# this one. Fixed, so that the same text always reads the same (and feeds do not change daily).
ANCHOR = date(2025, 1, 1)
DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")

# A cheap look before any real reading: a line without one of these states no recurrence.
# (The look-aheads name each branch's first letters: `re` tries no word where none can start.)
_HINT = compiled(
    r"(?i)\b(?=[ebfmwdstl1-5])(?:every|each|weekly|bi-?weekly|fortnightly|monthly|daily|"
    r"weekdays?|workdays?|(?:mon|tues|wednes|thurs|fri|satur|sun)days|first|second|third|"
    r"fourth|fifth|last|1st|2nd|3rd|4th|5th|mon(?:day)?\s*(?:to|through|thru|-|–)\s*fri(?:day)?)\b|"
    r"(?=[每隔双雙工最周週星])(?:每|隔周|隔週|双周|雙週|工作日|最后一个|最後一個|(?:周|週|星期)一\s*(?:至|到|-|–|~))"
)

_EN_DAYS = (
    ("monday", "mon"),
    ("tuesday", "tues", "tue"),
    ("wednesday", "wed"),
    ("thursday", "thurs", "thur", "thu"),
    ("friday", "fri"),
    ("saturday", "sat"),
    ("sunday", "sun"),
)
_EN_DAY_NUMBER = {word: n for n, words in enumerate(_EN_DAYS) for word in words}
_EN_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?|" + "|".join(
    rf"{short}\.?" for words in _EN_DAYS for short in words[1:]
)
_EN_DAY_WORD = compiled(rf"(?i)(?<![\w-])(?P<day>{_EN_DAY})(?![\w])")
_ZH_DAY_NUMBER = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "七": 6}
_ZH_DAY = r"(?:周|週|星期|礼拜|禮拜)(?P<zday>[一二三四五六日天1-7])"
_ZH_DAY_WORD = compiled(_ZH_DAY)

_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "fifth": 5,
    "5th": 5,
    "last": -1,
    "final": -1,
}
_EN_ORD = r"(?:first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last|final)"
_EN_POSITION = compiled(
    rf"(?i)\b(?P<ords>{_EN_ORD}(?:\s*(?:,\s*and|,|and|&|/)\s*(?:the\s+)?{_EN_ORD})*)\s+"
    rf"(?P<day>{_EN_DAY})(?![\w])"
)
_EN_ORD_WORD = compiled(rf"(?i){_EN_ORD}")
_ZH_ORD = r"(?:第\s*[一二三四五1-5]|最后一?|最後一?|倒数第一|倒數第一)\s*(?:个|個)?"
_ZH_POSITION = compiled(
    rf"(?P<ords>{_ZH_ORD}(?:\s*(?:和|与|與|及|、|,|，|/)\s*(?:第\s*)?(?:[一二三四五1-5]\s*(?:个|個)?|"
    rf"最后一?\s*(?:个|個)?|最後一?\s*(?:个|個)?))*)\s*{_ZH_DAY}"
)
_ZH_ORD_WORD = compiled(r"最后一?|最後一?|倒数第一|倒數第一|[一二三四五1-5]")

_MONTH_CUE = compiled(r"(?i)\b(?:month|months|monthly)\b|每月|每个月|每個月|隔月|每两个月|每兩個月")
# Words that make a weekday a weekly meeting: "every Tuesday", "Tuesdays", "weekly on", "每周二".
_WEEK_CUE = compiled(
    rf"(?i)\b(?:every|each)\s+(?:other\s+|second\s+|alternate\s+)?(?:{_EN_DAY})(?![\w])|"
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)days\b|\b(?:weekly|bi-?weekly|fortnightly)\b|"
    r"\bevery\s+(?:\w+\s+)?weeks?\b|"
    r"每周|每週|每星期|每个星期|每個星期|每礼拜|每禮拜|隔周|隔週|双周|雙週|单周|單週|每两周|每兩週|每兩周|"
    r"每隔.{1,2}(?:周|週)"
)
# "every 2nd and 4th Thursday": what makes a weekday of the month a recurring one.
_EVERY = compiled(r"(?i)\b(?:every|each)\b")
_DAILY = compiled(r"(?i)\b(?:every\s+day|each\s+day|daily)\b|每天|每日|天天")
_WORKDAYS = compiled(
    r"(?i)\b(?:every\s+weekday|each\s+weekday|on\s+weekdays|weekdays|every\s+workday|workdays|"
    r"monday\s*(?:to|through|thru|-|–)\s*friday|mon\s*(?:to|-|–)\s*fri)\b|工作日|"
    r"(?:周|週|星期)一\s*(?:至|到|-|–|~)\s*(?:周|週|星期)?五"
)
_EVERY_OTHER = compiled(
    r"(?i)\b(?:every\s+other|every\s+alternate|alternate|bi-?weekly|fortnightly|"
    r"every\s+(?:two|2)\s+weeks|every\s+second\s+week)\b|"
    r"隔周|隔週|双周|雙週|每两周|每兩週|每兩周|每2周|每隔一周|每隔一週|每隔1周|每两个星期|每兩個星期"
)
_EVERY_SECOND_DAY = compiled(rf"(?i)\bevery\s+second\s+(?:{_EN_DAY})(?![\w])")
_EVERY_N_WEEKS = compiled(
    r"(?i)\bevery\s+(?P<n>\d+|three|four|five|six)\s+weeks\b|每(?:隔)?(?P<zn>[三四五六3-6])(?:周|週|个星期|個星期)"
)
_EVERY_N_MONTHS = compiled(
    r"(?i)\bevery\s+(?:other|second|two|2)\s+months?\b|\bevery\s+(?P<n>\d+|three)\s+months\b|"
    r"隔月|每两个月|每兩個月|每(?P<zn>[二三2-3])个月"
)
# "every hour", "every 15 minutes", "每小时": more often than meetings go.
_SUB_DAILY = compiled(
    r"(?i)\b(?:every|each)\s+(?:(?:\d+|two|three|four|five|six|half\s+an?|other)\s+)?"
    r"(?:hours?|minutes?|mins?)\b|\bhourly\b|每(?:隔)?\s*(?:[一二三四五六两兩半\d]+\s*(?:个|個)?\s*)?(?:小时|小時|分钟|分鐘)"
)
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_MONTH_DAY = compiled(
    r"(?i)\bthe\s+(?P<d>\d{1,2})(?:st|nd|rd|th)\s+(?:day\s+)?of\s+(?:every|each|the)\s+month\b|"
    r"\bmonthly\s+on\s+the\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)\b|每(?:个|個)?月\s*(?P<zd>\d{1,2})\s*[日号號]"
)
_EVERY_WEEK_ONLY = compiled(r"(?i)\b(?:every|each)\s+week\b|\bweekly\b|每周|每週|每星期")

# What a date is, by the words before it ("no meeting on Dec 25") or after it ("12月25日暂停").
_SKIP_BEFORE = compiled(
    r"(?i)(?:\bno\s+(?:meetings?|calls?|sessions?)(?:\s+(?:on|in|during))?|\bexcept(?:\s+(?:on|for))?|"
    r"\bskip(?:ped|ping|s)?(?:\s+on)?|\bnot\s+on|\bcancell?ed(?:\s+on)?|\boff\s+on|"
    r"\bholidays?:?|\bexcluding)\s*:?|除了?|不包括|跳过|取消"
)
_SKIP_AFTER = compiled(
    r"\s*(?:[（(][^)）]{0,12}[)）])?\s*(?:暂停|暫停|停会|停會|休会|休會|不开会|不開會|不开|取消|除外|休息|放假|停一次)"
)
_START_BEFORE = compiled(
    r"(?i)(?:\bstart(?:ing|s)?(?:\s+(?:on|from))?|\bbegin(?:ning|s)?(?:\s+on)?|\bfrom|\bsince|"
    r"\bas\s+of|\beffective|\bfirst\s+(?:meeting|call|session)(?:\s+(?:on|is))?|"
    r"\bnext(?:\s+(?:meeting|call|session))?(?:\s+(?:on|is))?)\s*:?|从|從|自|首次|下次"
)
_START_AFTER = compiled(r"\s*(?:[（(][^)）]{0,12}[)）])?\s*(?:起|开始|開始)")
_UNTIL_BEFORE = compiled(
    r"(?i)(?:\buntil|\btill|\bthrough|\bthru|\bending(?:\s+on)?|\bends(?:\s+on)?|\blast\s+(?:meeting|call|session)(?:\s+(?:on|is))?)\s*:?|截止|截至|直到"
)
_UNTIL_AFTER = compiled(r"\s*(?:[（(][^)）]{0,12}[)）])?\s*(?:为止|為止|结束|結束)")
_CLAUSE_END = compiled(r"[;；。|]|\.\s")
# "except December 24 and 31", "12月24日、31日暂停": more days of the same month.
_MORE_DAYS = compiled(
    r"\s*(?:,\s*and|,|and|&|、|和|及|，)\s*(?P<d>\d{1,2})(?:st|nd|rd|th|日|号|號)?(?![\d:])"
)
# A second look, still cheap: a day, "daily", "weekly", "every other week", "monthly".
_SECOND_LOOK = (
    _EN_DAY_WORD,
    _ZH_DAY_WORD,
    _DAILY,
    _WORKDAYS,
    _EVERY_OTHER,
    _EVERY_N_WEEKS,
    _MONTH_DAY,
    _EVERY_WEEK_ONLY,
    compiled(r"(?i)\bmonthly\b|\bevery\s+month\b|每月"),
)


class RepetitionError(ValueError):
    """A repetition phrase or rule that cannot be read, with words for the organizer."""


@dataclass(frozen=True, slots=True)
class Repetition:
    """What a line says about a recurring meeting, as written.

    `rule` is an RRULE value ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"; UNTIL only when the last date
    gives its year, see `until`); `clock` the time of day (a range or a length when given);
    `also` the other times of day of the same zone ("at 9am and 5pm"); `alternates` the same
    time written in other zones ("9am PT / 17:00 UTC"); `zone` the zone phrase as written
    (None: the page's zone); `skipped` the dates the meeting does not happen; `first` and
    `until` the first and last dates when stated; `dated` the dates the line states without
    saying they start, end or skip the series ("this time on December 16, 2026"): such a line
    dates a meeting of its own (the first of them is also `first`). `problems` are parts that do not read (the
    phrase is not usable), `notes` what was assumed.
    """

    rule: str
    interval: int = 1
    clock: ClockSpan | None = None
    also: tuple[ClockSpan, ...] = ()
    alternates: tuple[tuple[ClockSpan, ZoneMention], ...] = ()
    zone: ZoneMention | None = None
    skipped: tuple[DateMention, ...] = ()
    first: DateMention | None = None
    until: DateMention | None = None
    dated: tuple[DateMention, ...] = ()
    problems: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def zone_text(self) -> str | None:
        """The zone phrase as written ("PT", "北京时间"), or None."""
        return self.zone.text if self.zone is not None else None

    @property
    def frequency(self) -> str:
        return rule_part(self.rule, "FREQ") or ""

    @property
    def needs_a_day(self) -> bool:
        """ "every two weeks", "weekly" without a weekday or a date: which day is not said."""
        return (
            self.frequency == "WEEKLY" and rule_part(self.rule, "BYDAY") is None and not self.first
        )

    def day_problem(self, text: str) -> str:
        """What to say when `needs_a_day`."""
        return (
            f'{text.strip()!r}: say which day of the week ("every other Tuesday") or the date '
            "of one meeting"
        )

    @property
    def needs_a_date(self) -> bool:
        """Every other week (or day) without a date: which weeks is not said."""
        return self.interval > 1 and self.frequency in ("WEEKLY", "DAILY") and self.first is None

    @property
    def sub_daily(self) -> bool:
        """An hourly (or more often) recurrence, which is refused."""
        return self.frequency in ("HOURLY", "MINUTELY", "SECONDLY")

    @property
    def complete(self) -> bool:
        """Whether the phrase makes a series as it stands: it reads, says its day and weeks,
        and gives a time of day."""
        return (
            not self.problems
            and not self.needs_a_day
            and not self.needs_a_date
            and self.clock is not None
        )


def rule_part(rule: str, name: str) -> str | None:
    """The value of one part of an RRULE ("FREQ", "BYDAY"), None when the rule has none."""
    for part in rule.split(";"):
        key, _, value = part.partition("=")
        if key.strip().upper() == name:
            return value.strip()
    return None


def looks_like_rrule(text: str) -> bool:
    """ "FREQ=WEEKLY;BYDAY=TH" or "RRULE:FREQ=..." rather than words."""
    return bool(re.match(r"(?i)\s*(?:RRULE:)?\s*(?:[A-Z]+=[^;]*;)*\s*FREQ\s*=", text)) or bool(
        re.fullmatch(r"(?i)\s*(?:RRULE:)?[A-Z]+=[^;\s]+(?:;[A-Z]+=[^;\s]+)*\s*", text)
    )


# The same phrases in German, French, Spanish, Portuguese, Italian and Dutch, said in English
# before the reading: "jeden ersten Donnerstag im Monat" is "every first Thursday of the month".
# The weekdays of the neighbouring languages, from the one table of weekday names (two-letter
# forms such as German "Do" are left out: "do 19:00" is Polish for "until 19:00").
_FOREIGN_DAY = alternation(w for w in EU_WEEKDAYS if len(w) > 2 and w not in _EN_DAY_NUMBER)
# A weekday in the plural is a whole word: "jeudis", "donnerstags"; "mar" + "s" is March.
_FOREIGN_WHOLE_DAY = alternation(w for w in EU_WEEKDAYS if len(w) > 3 and w not in _EN_DAY_NUMBER)
_FOREIGN_ORDINALS = {
    "first": "ersten?|premier|première|primer|primero|primeira|primo|prima|eerste",
    "second": "zweiten?|deuxième|second|segundo|segunda|secondo|seconda|tweede",
    "third": "dritten?|troisième|tercer|tercero|terceira|terzo|terza|derde",
    "fourth": "vierten?|quatrième|cuarto|quarta|quarto|vierde",
    "last": "letzten?|dernier|dernière|último|última|ultimo|ultima|laatste",
}
# Longest phrases first: "toutes les deux semaines" before "toutes les".
_EVERY_OTHER_WEEK = (
    r"alle (?:zwei|2) wochen|toutes les deux semaines|cada dos semanas|a cada duas semanas|"
    r"ogni due settimane|om de week|tweewekelijks"
)
_EVERY_WORD = (
    r"todos los|todas las|todos os|todas as|tous les|toutes les|a cada|jeden|jede|jedes|chaque|"
    r"cada|tod[ao]s?|ogni|elke|iedere"
)
_OF_THE_MONTH = r"im monat|des monats|du mois|del mes|do mês|do mes|del mese|van de maand"
_MONTHLY = r"monatlich|mensuel(?:le)?|mensual|mensal|mensile|maandelijks"
_WEEKLY = r"wöchentlich|hebdomadaire|semanal|settimanale|wekelijks"
_FOREIGN = [
    (compiled(rf"(?i)\b(?:{_EVERY_OTHER_WEEK})\b"), "every other week"),
    (compiled(rf"(?i)\b(?:{_OF_THE_MONTH})\b"), "of the month"),
    (compiled(rf"(?i)\b(?:{_MONTHLY})\b"), "monthly"),
    (compiled(rf"(?i)\b(?:{_WEEKLY})\b"), "weekly"),
    (compiled(rf"(?i)\b(?:{_EVERY_WORD})\b"), "every"),
    # an ordinal only before a weekday: "quarta" alone is Wednesday, "prima" also "before"
    *(
        (
            compiled(rf"(?i)\b(?:{words})\s+(?=(?:{_FOREIGN_DAY}|(?:{_FOREIGN_WHOLE_DAY})s)\b)"),
            f"{ordinal} ",
        )
        for ordinal, words in _FOREIGN_ORDINALS.items()
    ),
    (
        compiled(
            rf"(?i)\b(?:(?P<day>{_FOREIGN_WHOLE_DAY})(?P<plural>s)|(?P<one>{_FOREIGN_DAY}))\b"
        ),
        "",
    ),
]
# (the look-ahead names the words' first letters: `re` tries no word where none can start)
_FOREIGN_HINT = compiled(
    rf"(?i)\b(?=[actoejimwhsdf])(?:{_EVERY_OTHER_WEEK}|{_EVERY_WORD}|{_MONTHLY}|{_WEEKLY}|"
    r"(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)s)\b"
)


def _in_english(text: str) -> str:
    """A recurrence said in a neighbouring language, said in English (else the text as is)."""
    if _FOREIGN_HINT.search(text) is None:
        return text
    for pattern, english in _FOREIGN:
        text = pattern.sub(partial(_said_in_english, english), text)
    return text


def _said_in_english(english: str, match: re.Match[str]) -> str:
    """The English for a phrase; a weekday by its number, in the plural when it was written so
    ("donnerstags", "jeudis": a weekly one, "Thursdays")."""
    day = match.groupdict().get("day") or match.groupdict().get("one")
    if day is not None:
        english = WEEKDAY_NAMES[EU_WEEKDAYS[day.casefold()]].lower()
    return english + ("s" if match.groupdict().get("plural") else "")


def read_repetition(
    text: str, find_zones: Callable[[str], Sequence[ZoneMention]]
) -> Repetition | None:
    """The recurrence a line states, or None when it states none (most lines: a quick look
    decides). `find_zones` is the reader's zone finder (`ZoneResolver.find`), so zone phrases
    read exactly as everywhere else."""
    text = _in_english(text)
    if not _HINT.search(text) and ("hourly" not in text.lower() or not _SUB_DAILY.search(text)):
        return None  # (without a hint, only "hourly" can still make a phrase of _SUB_DAILY's)
    hourly = _SUB_DAILY.search(text)
    if hourly is not None:
        return _sub_daily(text, hourly.group(0))
    if not any(p.search(text) for p in _SECOND_LOOK):
        return None
    dates = _dates(text)
    taken = [(d.begin, _after_weekday(text, d.finish)) for d in dates]
    masked = _mask(text, taken)
    days, day_problems = _weekly_days(masked)
    positions = _positions(masked)
    month_day = _MONTH_DAY.search(masked)
    month_cue = bool(_MONTH_CUE.search(masked))
    week_cue = bool(_WEEK_CUE.search(masked))
    problems: list[str] = list(day_problems)
    notes: list[str] = []
    interval = 1
    parts: list[str]
    second = _EVERY_SECOND_DAY.search(masked)
    if second is not None and not month_cue:
        problems.append(
            f"{second.group(0)!r} may mean every other week or the second "
            f"{second.group(0).split()[-1]} of each month; write 'every other "
            f"{second.group(0).split()[-1]}' or 'second {second.group(0).split()[-1]} of the month'"
        )
    if positions and (month_cue or _EVERY.search(masked) or len(positions[0][0]) > 1):
        ordinals, weekday, _written = positions[0]
        if len({p[1] for p in positions}) > 1 or (days and set(days) - {p[1] for p in positions}):
            problems.append(f"{text.strip()!r} mixes weekdays and weekdays of the month")
        interval = _month_interval(masked)
        codes = ",".join(f"{n}{DAY_CODES[weekday]}" for n in ordinals)
        parts = ["FREQ=MONTHLY", f"BYDAY={codes}"]
    elif month_day is not None:
        number = int(month_day.group("d") or month_day.group("d2") or month_day.group("zd"))
        if not 1 <= number <= 31:
            problems.append(f"day {number} of the month does not exist")
        interval = _month_interval(masked)
        parts = ["FREQ=MONTHLY", f"BYMONTHDAY={number}"]
    elif _WORKDAYS.search(masked):
        parts = ["FREQ=WEEKLY", "BYDAY=MO,TU,WE,TH,FR"]
    elif _DAILY.search(masked):
        parts = ["FREQ=DAILY"]
        interval = _week_interval(masked)
    elif days and week_cue:
        interval = _week_interval(masked)
        parts = ["FREQ=WEEKLY", "BYDAY=" + ",".join(DAY_CODES[d] for d in days)]
    elif (
        _EVERY_OTHER.search(masked)
        or _EVERY_N_WEEKS.search(masked)
        or _EVERY_WEEK_ONLY.search(masked)
    ):
        interval = _week_interval(masked)
        parts = ["FREQ=WEEKLY"]  # the day comes from the first date, else the reader asks
    elif month_cue and re.search(r"(?i)\bmonthly\b|\bevery\s+month\b|每月|每个月|每個月", masked):
        parts = ["FREQ=MONTHLY"]
        problems.append(
            f'{text.strip()!r}: say which day of the month ("first Wednesday of every month")'
        )
    else:
        return None
    if interval > 1:
        parts.insert(1, f"INTERVAL={interval}")
    skipped, first, until, dated, date_notes = _roles(text, dates)
    notes.extend(date_notes)
    if until is not None:
        if until.year is None:
            problems.append(f"the last date {until.text!r} needs a year")
        else:
            parts.append(f"UNTIL={until.year:04d}{until.month:02d}{until.day:02d}")
    spans = [s for s in find_clock_spans(text) if not _inside(s.begin, s.finish, taken)]
    mentions = [m for m in find_zones(text) if not _inside(m.start, m.end, taken)]
    clock: ClockSpan | None = None
    also: list[ClockSpan] = []
    alternates: list[tuple[ClockSpan, ZoneMention]] = []
    zone: ZoneMention | None = None
    if spans:
        paired = pair_zones(text, spans, mentions)
        trailing = next((m for _, m in reversed(paired) if m is not None), None)
        clock, zone = paired[0][0], paired[0][1]
        for span, mention in paired[1:]:
            if mention is not None and zone is not None and mention.text != zone.text:
                alternates.append((span, mention))
            elif span.start != clock.start:
                also.append(span)
        if zone is None:
            zone = trailing
        if also and len({s.start.minute for s in (clock, *also)}) > 1:
            problems.append(
                f"{text.strip()!r}: times of day with different minutes "
                f"({', '.join(f'{s.start:%H:%M}' for s in (clock, *also))}); write one line each"
            )
    elif mentions:
        zone = mentions[0]
    return Repetition(
        rule=";".join(parts),
        interval=interval,
        clock=clock,
        also=tuple(also),
        alternates=tuple(alternates),
        zone=zone,
        skipped=tuple(skipped),
        first=first,
        until=until,
        dated=tuple(dated),
        problems=tuple(problems),
        notes=tuple(notes),
    )


def _sub_daily(text: str, said: str) -> Repetition:
    """ "every hour starting 2026-12-01": read far enough to say it is refused."""
    dates = _dates(text)
    _, first, until, dated, _ = _roles(text, dates)
    taken = [(d.begin, d.finish) for d in dates]
    spans = [s for s in find_clock_spans(text) if not _inside(s.begin, s.finish, taken)]
    return Repetition(
        rule="FREQ=HOURLY",
        clock=spans[0] if spans else None,
        first=first,
        until=until,
        dated=tuple(dated),
        problems=(
            f"{said.strip()!r}: meetings that repeat within a day (hourly, every few minutes) "
            "are not supported; write each meeting's time",
        ),
    )


def skipped_days(text: str) -> list[DateMention]:
    """The dates a line names as skipped ("No meeting on Dec 25", "12 月 25 日不开会",
    "Skipped: 2026-12-23, 2026-12-30"); empty when it names none."""
    dates = _dates(text)
    if not dates:
        return []
    skipped, first, until, _, _ = _roles(text, dates)
    return list(skipped) if first is None and until is None else []


def first_matching_day(rule: str, on_or_after: date) -> date | None:
    """The first day on or after `on_or_after` the rule meets (its INTERVAL aside: the first
    meeting fixes which weeks); None when it never does."""
    parts = [
        p
        for p in rule.split(";")
        if p.split("=", 1)[0].strip().upper() not in ("INTERVAL", "COUNT", "UNTIL")
    ]
    begin = datetime.combine(on_or_after, datetime.min.time())
    # Followed for so many years only: a rule that matches nothing would run to the year 9999.
    last = min(on_or_after.year + 400, 9998)
    parts.append(f"UNTIL={last:04d}0101T000000")
    made = rrulestr(";".join(parts), dtstart=begin)
    found = made.after(begin, inc=True)
    return found.date() if isinstance(found, datetime) else None


# ---- pieces ----------------------------------------------------------------------------------


def _dates(text: str) -> list[DateMention]:
    """The dates of a line, "December 24 and 31" counted as two."""
    found: list[DateMention] = []
    for mention in find_dates(text):
        found.append(mention)
        at = mention.finish
        while True:
            more = _MORE_DAYS.match(text, at)
            if more is None:
                break
            day = int(more.group("d"))
            if not 1 <= day <= 31:
                break
            found.append(
                replace(
                    mention,
                    begin=more.start("d"),
                    finish=more.end(),
                    text=f"{mention.text} & {more.group('d')}",
                    day=day,
                    last_day=None,
                    weekday=None,
                )
            )
            at = more.end()
    return found


_DATE_WEEKDAY = compiled(
    rf"(?i)\s*[(（]\s*(?:{_EN_DAY}|{_ZH_DAY})\s*[)）]|\s*,?\s*(?:{_EN_DAY})(?![\w])(?=\s*[)）.;；,，。]|\s*$)"
)


def _after_weekday(text: str, finish: int) -> int:
    """Where a date ends with the weekday written after it ("December 24 (Thursday)",
    "12月24日（周四）"): that weekday names the date's day, not a day of the meeting."""
    found = _DATE_WEEKDAY.match(text, finish)
    return found.end() if found is not None else finish


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for begin, finish in spans:
        for index in range(begin, min(finish, len(chars))):
            chars[index] = " "
    return "".join(chars)


def _inside(begin: int, finish: int, spans: list[tuple[int, int]]) -> bool:
    return any(b < finish and begin < f for b, f in spans)


def _weekly_days(masked: str) -> tuple[list[int], list[str]]:
    days: list[int] = []
    for match in _EN_DAY_WORD.finditer(masked):
        word = match.group("day").lower().rstrip(".")
        if word.endswith("days"):
            word = word[:-1]
        number = _EN_DAY_NUMBER.get(word)
        if number is not None and number not in days:
            days.append(number)
    for match in _ZH_DAY_WORD.finditer(masked):
        char = match.group("zday")
        number = int(char) - 1 if char.isdigit() else _ZH_DAY_NUMBER[char]
        if number not in days:
            days.append(number)
    return sorted(days), []


def _positions(masked: str) -> list[tuple[list[int], int, str]]:
    """("first and third Tuesday") -> [([1, 3], 1, text)]."""
    found: list[tuple[list[int], int, str]] = []
    for match in _EN_POSITION.finditer(masked):
        ordinals = [_ORDINALS[w.lower()] for w in _EN_ORD_WORD.findall(match.group("ords"))]
        word = match.group("day").lower().rstrip(".")
        word = word[:-1] if word.endswith("days") else word
        found.append((_unique(ordinals), _EN_DAY_NUMBER[word], match.group(0)))
    for match in _ZH_POSITION.finditer(masked):
        ordinals = []
        for word in _ZH_ORD_WORD.findall(match.group("ords")):
            if word.startswith(("最", "倒")):
                ordinals.append(-1)
            else:
                ordinals.append(int(word) if word.isdigit() else chinese_number(word) or 0)
        char = match.group("zday")
        weekday = int(char) - 1 if char.isdigit() else _ZH_DAY_NUMBER[char]
        found.append((_unique([o for o in ordinals if o]), weekday, match.group(0)))
    return found


def _unique(numbers: list[int]) -> list[int]:
    seen: list[int] = []
    for number in numbers:
        if number not in seen:
            seen.append(number)
    return seen


def _week_interval(masked: str) -> int:
    many = _EVERY_N_WEEKS.search(masked)
    if many is not None:
        word = many.group("n") or many.group("zn")
        return int(word) if word.isdigit() else _NUMBER_WORDS.get(word) or chinese_number(word) or 1
    return 2 if _EVERY_OTHER.search(masked) else 1


def _month_interval(masked: str) -> int:
    many = _EVERY_N_MONTHS.search(masked)
    if many is None:
        return 1
    word = many.group("n") or many.group("zn")
    if word is None:
        return 2
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word) or chinese_number(word) or 1


def _roles(
    text: str, dates: list[DateMention]
) -> tuple[list[DateMention], DateMention | None, DateMention | None, list[DateMention], list[str]]:
    """Which dates are skipped, which is the first and which the last, and the dates said
    with none of these words (a meeting's own date, "this time on December 16")."""
    skipped: list[DateMention] = []
    first: DateMention | None = None
    until: DateMention | None = None
    loose: list[DateMention] = []
    notes: list[str] = []
    masked = _mask(text, [(d.begin, d.finish) for d in dates])
    previous_role: str | None = None
    previous_end = 0
    for mention in dates:
        role = _role_after(text, mention, dates)
        if role is None:
            role = _role_before(masked, mention.begin)
        if role is None and previous_role is not None:
            between = masked[previous_end : mention.begin]
            if re.fullmatch(r"[\s,，、/&]*(?:and|or|和|及|与|與)?[\s,，、/&]*", between):
                role = previous_role  # "skipped: 2026-12-23, 2026-12-30"
        if role == "skip":
            skipped.append(mention)
        elif role == "start" and first is None:
            first = mention
        elif role == "until" and until is None:
            until = mention
        else:
            loose.append(mention)
        previous_role, previous_end = role, mention.finish
    dated = list(loose)
    if first is None and loose:
        first = loose.pop(0)  # "every other Tuesday (2024-10-08)"
    for mention in loose:
        notes.append(f"{mention.text!r}: not clear what this date is for; ignored")
    return skipped, first, until, dated, notes


def _role_after(text: str, mention: DateMention, dates: list[DateMention]) -> str | None:
    """ "12月24日、31日暂停": the word after the date (or after the dates listed with it)."""
    at = mention.finish
    for other in dates:
        if other.begin >= at and re.fullmatch(r"[\s,，、/&和及]*", text[at : other.begin]):
            at = other.finish
    if _SKIP_AFTER.match(text, at):
        return "skip"
    if _START_AFTER.match(text, at):
        return "start"
    if _UNTIL_AFTER.match(text, at):
        return "until"
    return None


def _role_before(masked: str, begin: int) -> str | None:
    """ "no meeting on Dec 25": the last keyword before the date in the same clause."""
    clause_start = 0
    for end in _CLAUSE_END.finditer(masked, 0, begin):
        clause_start = end.end()
    clause = masked[clause_start:begin]
    best: tuple[int, str] | None = None
    for role, pattern in (
        ("skip", _SKIP_BEFORE),
        ("start", _START_BEFORE),
        ("until", _UNTIL_BEFORE),
    ):
        for match in pattern.finditer(clause):
            if best is None or match.end() > best[0]:
                best = (match.end(), role)
    return best[1] if best is not None else None


__all__ = [
    "ANCHOR",
    "DAY_CODES",
    "Repetition",
    "RepetitionError",
    "first_matching_day",
    "looks_like_rrule",
    "read_repetition",
    "skipped_days",
]
