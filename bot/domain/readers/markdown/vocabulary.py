"""The words agenda pages use, in English, Chinese and Japanese: column headers, line labels and
session kinds. Matching is on lower-cased text with punctuation and zone mentions removed."""

from __future__ import annotations

import re
from enum import StrEnum

from bot.domain.agenda import SessionKind


class Role(StrEnum):
    """What a table column or a labelled line holds."""

    TIME = "time"
    END = "end"
    DATE = "date"
    TITLE = "title"
    SPEAKER = "speaker"
    AFFILIATION = "affiliation"
    LOCATION = "location"
    TRACK = "track"
    DURATION = "duration"
    KIND = "kind"
    LINKS = "links"
    DESCRIPTION = "description"
    VENUE = "venue"
    ZONE = "zone"


_WORDS: dict[Role, tuple[str, ...]] = {
    Role.TIME: (
        "zeit",
        "uhrzeit",
        "wann",
        "horário",
        "quando",
        "cuándo",
        "cuando",
        "quand",
        "일시",
        "시간",
        "언제",
        "heure",
        "horaire",
        "hora",
        "horario",
        "ora",
        "orario",
        "tijd",
        "time",
        "times",
        "when",
        "hour",
        "hours",
        "time and day",
        "time and date",
        "date and time",
        "date & time",
        "time & date",
        "schedule time",
        "start",
        "start time",
        "slot",
        "时间",
        "時間",
        "活动时间",
        "活動時間",
        "会议时间",
        "日时",
        "日時",
        "开始时间",
        "开始",
        "開始",
        "開始時間",
        "시작",
        "시작 시간",
        "begin",
        "beginn",
        "début",
        "inicio",
        "início",
        "時刻",
        "开催日時",
        "開催日時",
        "时段",
    ),
    Role.DATE: (
        "datum",
        "fecha",
        "data",
        "jour",
        "tag",
        "date",
        "day",
        "dates",
        "日期",
        "日付",
        "日程",
        "开催日",
        "開催日",
    ),
    Role.TITLE: (
        "vortrag",
        "thema",
        "titel",
        "programmpunkt",
        "sujet",
        "titre",
        "tema",
        "título",
        "titulo",
        "charla",
        "ponencia",
        "onderwerp",
        "session",
        "sessions",
        "title",
        "topic",
        "topics",
        "talk",
        "talks",
        "workshop",
        "workshops",
        "presentation",
        "vortragstitel",
        "atividade",
        "palestra",
        "actividad",
        "intervention",
        "세션",
        "발표",
        "주제",
        "프로그램",
        "agenda",
        "activity",
        "what",
        "program",
        "programme",
        "item",
        "event",
        "subject",
        "content",
        "议题",
        "議題",
        "主题",
        "主題",
        "题目",
        "題目",
        "内容",
        "议程",
        "議程",
        "演讲主题",
        "分享主题",
        "环节",
        "タイトル",
        "講演タイトル",
        "テーマ",
        "演題",
        "セッション",
        "プログラム",
        "内容",
    ),
    Role.SPEAKER: (
        "sprecher",
        "sprecherin",
        "referent",
        "referentin",
        "vortragende",
        "intervenant",
        "intervenants",
        "orateur",
        "ponente",
        "ponentes",
        "orador",
        "relatore",
        "spreker",
        "speaker",
        "speakers",
        "presenter",
        "presenters",
        "who",
        "host",
        "hosts",
        "moderator",
        "讲师",
        "講師",
        "嘉宾",
        "嘉賓",
        "分享嘉宾",
        "分享人",
        "讲者",
        "講者",
        "演讲者",
        "演講者",
        "演讲嘉宾",
        "主讲人",
        "主講人",
        "讲师介绍",
        "講演者",
        "登壇者",
        "スピーカー",
        "発表者",
    ),
    Role.AFFILIATION: (
        "company",
        "affiliation",
        "organization",
        "organisation",
        "org",
        "employer",
        "公司",
        "单位",
        "單位",
        "企业",
        "所属",
        "所屬",
        "会社",
        "組織",
    ),
    Role.LOCATION: (
        "raum",
        "saal",
        "salle",
        "sala",
        "lieu",
        "lugar",
        "zaal",
        "location",
        "room",
        "where",
        "hall",
        "place",
        "stage",
        "地点",
        "地點",
        "会场",
        "會場",
        "会議室",
        "会场地点",
        "场地",
        "部屋",
        "会場",
    ),
    Role.TRACK: ("track", "tracks", "stream", "分会场", "分會場", "专场", "專場", "トラック"),
    Role.END: (
        "end",
        "end time",
        "ends",
        "finish",
        "until",
        "to",
        "bis",
        "ende",
        "fin",
        "fim",
        "término",
        "termino",
        "结束",
        "結束",
        "结束时间",
        "終了",
        "終了時間",
        "終わり",
        "종료",
        "종료 시간",
    ),
    Role.DURATION: (
        "duration",
        "length",
        "mins",
        "min",
        "minutes",
        "dauer",
        "durée",
        "duración",
        "duracion",
        "duração",
        "时长",
        "時長",
        "所要時間",
        "長さ",
        "時間配分",
        "소요 시간",
        "시간(분)",
    ),
    Role.KIND: ("type", "kind", "format", "类型", "類型", "形式", "種別"),
    Role.LINKS: (
        "slides",
        "slide",
        "video",
        "videos",
        "recording",
        "recordings",
        "links",
        "link",
        "resources",
        "materials",
        "deck",
        "ppt",
        "资料",
        "資料",
        "视频",
        "視頻",
        "幻灯片",
        "演示文稿",
        "录像",
        "動画",
        "スライド",
    ),
    Role.DESCRIPTION: (
        "abstract",
        "description",
        "summary",
        "details",
        "简介",
        "簡介",
        "摘要",
        "介绍",
        "介紹",
        "概要",
        "内容简介",
    ),
    Role.ZONE: ("time zone", "timezone", "tz", "zone", "时区", "時區", "タイムゾーン"),
    Role.VENUE: (
        "venue",
        "address",
        "活动地点",
        "活動地點",
        "会议地点",
        "地址",
        "会場",
        "場所",
        "开催场所",
        "開催場所",
    ),
}

_LOOKUP: dict[str, Role] = {}
for _role, _words in _WORDS.items():
    for _word in _words:
        _LOOKUP.setdefault(_word, _role)

_PUNCT = re.compile(r"[\s*_`#:：()（）\[\]【】|/\\.,，、!?-]+")


def normalise_label(text: str) -> str:
    return _PUNCT.sub(" ", text.lower()).strip()


def role_of(label: str) -> Role | None:
    """The role a column header or line label names, if any ("Time (CST)" -> TIME)."""
    key = normalise_label(label)
    if not key:
        return None
    if key in _LOOKUP:
        return _LOOKUP[key]
    # "Time (CST)" or "Session title": try the first and the last word alone.
    words = key.split()
    for candidate in (" ".join(words[:2]), words[0], words[-1]):
        if candidate in _LOOKUP:
            return _LOOKUP[candidate]
    return None


_LABEL = re.compile(r"^\s*(?P<label>[^:：\n]{1,24}?)\s*[:：]\s*(?P<value>.*)$", re.DOTALL)


def split_label(text: str) -> tuple[Role, str, str] | None:
    """("Time and day: 13:30-17:30") -> (TIME, "Time and day", "13:30-17:30") for known labels."""
    match = _LABEL.match(text)
    if not match:
        return None
    role = role_of(match.group("label"))
    if role is None:
        return None
    return role, match.group("label"), match.group("value").strip()


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
            "drinks",
            "beers",
        ),
    ),
)


_KIND_PATTERNS = tuple(
    (kind, re.compile("|".join(re.escape(w) for w in words))) for kind, words in _KINDS
)


def kind_of(title: str) -> SessionKind:
    """A session's kind from words in its title; a talk when nothing says otherwise."""
    lowered = f"{title.lower()} "
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


_DAY_HEADING = re.compile(
    r"^(?:day\s*\d+|day\s+(?:one|two|three|four|five)|第[一二三四五六七八九十\d]+天|"
    r"[一二三四五六七八九十\d]+日目)\b",
    re.IGNORECASE,
)


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
