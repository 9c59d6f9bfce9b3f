"""Chat timestamps: `<t:1773349200:F>`, the markup Discord shows in each reader's own zone, and
forum date tags: `[date=2025-08-14 time=18:45:00 timezone="Europe/Paris"]`, `[date-range
from=… to=… timezone=…]`, Discourse's.

An announcement pasted from a chat into a page keeps them: each is an exact instant (seconds
since 1970, UTC), whatever zone its author was in. They are written out here as the text a
careful reader would write, dated and in UTC ("2026-03-12 21:00 UTC"), so the page reads like
any other; a range of two ("<t:…:t> – <t:…:t>") is one range. A relative one ("<t:…:R>", "in
2 hours") only restates another and is dropped. A forum tag is written out as its date, its
time or range, and its zone's name ("2025-08-14 18:45–22:00 (America/Argentina/Buenos_Aires)");
one without a zone is left as it is (the forum shows it in each reader's zone, from a zone the
page does not say).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from bot.domain.patterns import compiled

_STAMP = r"<t:(-?\d{1,12})(?::([tTdDfFR]))?>"
_ONE = compiled(_STAMP)
# Two stamps joined as a range: "<t:A:t> – <t:B:t>", "<t:A:f> to <t:B:t>".
_RANGE = compiled(_STAMP + r"\s*(?:[-–—~〜→]|\bto\b|\buntil\b|\bbis\b)\s*" + _STAMP)
# Brackets a dropped relative stamp leaves empty: "(that's )", "( )".
_EMPTY_BRACKETS = compiled(r"[ \t]*\([ \t]*(?:that'?s|i\.e\.|or|=|≈|~)?[ \t]*\)")
_DATE_ONLY = frozenset("dD")


def _instant(seconds: str) -> datetime | None:
    try:
        return datetime(1970, 1, 1, tzinfo=UTC) + timedelta(seconds=int(seconds))
    except OverflowError:
        return None


def _date(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d")


def _clock(moment: datetime) -> str:
    return moment.strftime("%H:%M")


def _written_range(start: datetime | None, end: datetime | None) -> str | None:
    if start is None or end is None or not timedelta(0) < end - start < timedelta(days=1):
        return None
    return f"{_date(start)} {_clock(start)}–{_clock(end)} UTC"


def _written(seconds: str, style: str | None) -> str | None:
    moment = _instant(seconds)
    if moment is None:
        return None
    if style == "R":
        return ""
    if style in _DATE_ONLY:
        return _date(moment)
    return f"{_date(moment)} {_clock(moment)} UTC"


def write_out_chat_stamps(text: str) -> str:
    """The text with every chat timestamp written out (unchanged when it has none). Line
    breaks are kept, so every line keeps its number."""
    if "<t:" not in text:
        return text

    def one_range(match: re.Match[str]) -> str:
        start, start_style, end, end_style = match.groups()
        if start_style in _DATE_ONLY or end_style in _DATE_ONLY or "R" in (start_style, end_style):
            return match.group(0)
        written = _written_range(_instant(start), _instant(end))
        return match.group(0) if written is None else written

    def one(match: re.Match[str]) -> str:
        written = _written(match.group(1), match.group(2))
        return match.group(0) if written is None else written

    ranged = _RANGE.sub(one_range, text)
    single = _ONE.sub(one, ranged)
    if single == ranged:
        return ranged
    return _EMPTY_BRACKETS.sub("", single) if "R>" in ranged else single


# Discourse's date tags, with their attributes in any order
_FORUM_TAG = compiled(r"\[(date-range\s+|(?=date=))([^\[\]\n]{1,300})\]")
_ATTRIBUTE = compiled(r"""([\w-]+)=(?:"([^"]*)"|'([^']*)'|(\S+))""")
_FORUM_MOMENT = compiled(r"(\d{4}-\d{2}-\d{2})(?:T(\d{1,2}:\d{2})(?::\d{2})?)?")
_FORUM_TIME = compiled(r"(\d{1,2}:\d{2})(?::\d{2})?")


def _forum_tag(match: re.Match[str]) -> str:
    attributes = {  # (findall gives "" for the quotes a value was not written in)
        name: next((v for v in values if v), "")
        for name, *values in _ATTRIBUTE.findall(match.group(2))
    }
    zone = attributes.get("timezone")
    if not zone:
        return match.group(0)
    if not match.group(1):  # [date=… time=…]
        day = _FORUM_MOMENT.fullmatch(attributes.get("date", ""))
        clock = _FORUM_TIME.fullmatch(attributes.get("time", ""))
        if day is None:
            return match.group(0)
        return f"{day.group(1)}{' ' + clock.group(1) if clock else ''} ({zone})"
    start = _FORUM_MOMENT.fullmatch(attributes.get("from", ""))
    end = _FORUM_MOMENT.fullmatch(attributes.get("to", ""))
    if start is None or end is None or (start.group(2) is None) != (end.group(2) is None):
        return match.group(0)
    if start.group(2) is None:
        return f"{start.group(1)} – {end.group(1)} ({zone})"
    if start.group(1) == end.group(1):
        return f"{start.group(1)} {start.group(2)}–{end.group(2)} ({zone})"
    return f"{start.group(1)} {start.group(2)} – {end.group(1)} {end.group(2)} ({zone})"


def write_out_forum_dates(text: str) -> str:
    """The text with every forum date tag that names its zone written out (unchanged when it
    has none); line breaks are kept."""
    if "[date" not in text:
        return text
    return _FORUM_TAG.sub(_forum_tag, text)
