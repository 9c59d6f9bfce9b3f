"""What a session is from the words of its title (talk, break, keynote, panel...), in English,
Chinese, Japanese and the European languages; and the headings that name a day of an event or
nothing at all ("Agenda", "Day 1")."""

from __future__ import annotations

import re

from bot.domain.agenda import SessionKind
from bot.domain.patterns import compiled
from bot.domain.readers.markdown.vocabulary import normalise_label

_KINDS: tuple[tuple[SessionKind, tuple[str, ...]], ...] = (
    (
        SessionKind.REGISTRATION,
        (
            "einlass",
            "accueil",
            "acreditación",
            "inscripción",
            "sign in",
            "sign-in",
            "signin",
            "registration",
            "check-in",
            "check in",
            "doors open",
            "签到",
            "簽到",
            "注册",
            "入场",
            "受付",
        ),
    ),
    (
        SessionKind.MEAL,
        (
            "mittagessen",
            "déjeuner",
            "almuerzo",
            "comida",
            "lunch",
            "dinner",
            "breakfast",
            "午餐",
            "午饭",
            "午休",
            "晚餐",
            "早餐",
            "ランチ",
            "昼食",
        ),
    ),
    (
        SessionKind.BREAK,
        (
            "pause",
            "kaffeepause",
            "descanso",
            "break",
            "coffee",
            "tea ",
            "recess",
            "intermission",
            "茶歇",
            "休息",
            "休憩",
            "中場",
        ),
    ),
    (SessionKind.KEYNOTE, ("keynote", "主题演讲", "主旨演讲", "基調講演")),
    (SessionKind.PANEL, ("panel", "roundtable", "round table", "圆桌", "圓桌", "パネル")),
    (
        SessionKind.WORKSHOP,
        (
            "workshop",
            "hands-on",
            "hands on",
            "tutorial",
            "lab:",
            "工作坊",
            "动手",
            "ワークショップ",
            "ハンズオン",
        ),
    ),
    (SessionKind.LIGHTNING, ("lightning", "闪电", "ライトニング")),
    (
        SessionKind.OPENING,
        (
            "begrüßung",
            "bienvenue",
            "bienvenida",
            "apertura",
            "welcome",
            "opening",
            "kick-off",
            "kickoff",
            "开场",
            "開場",
            "致辞",
            "致辭",
            "开幕",
            "開幕",
            "オープニング",
        ),
    ),
    (
        SessionKind.CLOSING,
        ("closing", "wrap-up", "wrap up", "farewell", "闭幕", "閉幕", "总结", "クロージング"),
    ),
    (
        SessionKind.NETWORKING,
        (
            "networking",
            "happy hour",
            "social",
            "mixer",
            "交流",
            "懇親会",
            "after party",
            "afterparty",
            "after-party",
            "drinks",
            "beers",
        ),
    ),
)


_KIND_PATTERNS = tuple(
    (kind, compiled("|".join(re.escape(w) for w in words))) for kind, words in _KINDS
)


# Any kind's word at all: most titles are talks' and name none, and one search says so.
_ANY_KIND = compiled("|".join(f"(?:{pattern.pattern})" for _, pattern in _KIND_PATTERNS))


def kind_of(title: str) -> SessionKind:
    """A session's kind from words in its title; a talk when nothing says otherwise."""
    lowered = f"{title.lower()} "
    if _ANY_KIND.search(lowered) is None:
        return SessionKind.TALK
    for kind, pattern in _KIND_PATTERNS:
        if pattern.search(lowered):
            return kind
    return SessionKind.TALK


def kind_from_text(text: str) -> SessionKind | None:
    """A kind named outright ("Keynote", "break") in a type column or a YAML field."""
    cleaned = normalise_label(text)
    for kind in SessionKind:
        if cleaned == kind.value:
            return kind
    found = kind_of(text)
    return None if found is SessionKind.TALK and cleaned not in ("talk", "session") else found


_DAY_HEADING = compiled(
    r"^[\W_]*(?:(?:day|tag|dia|día|jour|giorno|dag|dzień|päivä|gün|den|день|ημέρα|hari|ngày"
    r"|dan|ден|diena|päev)\s*\d+"  # (Indonesian and Malay, Vietnamese, South Slavic, Baltic)
    r"|day\s+(?:one|two|three|four|five)|\d+\.\s*(?:tag|dag|päivä|gün|nap)"
    r"|第[一二三四五六七八九十\d]+天|[一二三四五六七八九十\d]+日目|\d+일차)\b",
    re.IGNORECASE,
)


_DAY_NUMBER = compiled(
    r"(?i)^\W*(?:day|tag|jour|día|dia|giorno|dag|hari|ngày|dan|일차)\s*"
    r"(?P<n>\d{1,2}|one|two|three|four|five)\b"
    r"|^\W*第(?P<cn>[一二三四五六七八九十\d]+)天|^\W*(?P<jn>[一二三四五六七八九十\d]+)日目"
    r"|^\W*(?P<kn>\d{1,2})\s*일차"
)
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_CJK_NUMBERS = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)}


def day_number(text: str) -> int | None:
    """ "Day 2 (Friday)", "第二天", "2日目", "Tag 2": which day of a multi-day event."""
    match = _DAY_NUMBER.match(text)
    if match is None:
        return None
    raw = next(g for g in match.groups() if g)
    if raw.isdigit():
        return int(raw)
    return _NUMBERS.get(raw.lower()) or _CJK_NUMBERS.get(raw)


def is_day_label(text: str) -> bool:
    """ "Day 1: ...", "第一天", "1日目": a day of the same event, not a new event."""
    return bool(_DAY_HEADING.match(text.strip()))


GENERIC_HEADINGS = frozenset(
    normalise_label(w)
    for w in (
        "agenda",
        "schedule",
        "program",
        "programme",
        "timetable",
        "sessions",
        "talks",
        "speakers",
        "日程",
        "日程安排",
        "议程",
        "議程",
        "活动议程",
        "活动日程",
        "スケジュール",
        "タイムテーブル",
        "プログラム",
        "details",
        "event details",
        "about",
        "venue",
        "location",
        "how to join",
        "registration",
    )
)
