"""The words agenda pages use, in English, Chinese and Japanese: column headers, line labels and
session kinds. Matching is on lower-cased text with punctuation and zone mentions removed."""

from __future__ import annotations

import re
from enum import StrEnum

from bot.domain.patterns import compiled


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
        # Finnish, Nordic, Turkish, Czech, Polish, Indonesian, Russian, Ukrainian, Greek, Hungarian
        *("aika", "kellonaika", "tid", "klokkeslett", "saat", "čas", "godzina", "waktu", "jam"),
        *("uur", "tijdstip"),  # Dutch: "| Uur | Wat | Spreker | Lokaal |"
        *("thời gian", "giờ", "tanggal"),  # Vietnamese, Indonesian ("Tanggal": the date)
        *("เวลา", "الوقت", "الموعد", "שעה", "שעות", "समय"),  # Thai, Arabic, Hebrew, Hindi
        *("время", "час", "ώρα", "idő", "időpont"),
        # "Wanneer:", "När:", "Kiedy:", "Kdy:", "Milloin:", "Når:", "Hvornår:", "Quan:"
        *("wanneer", "när", "kiedy", "kdy", "milloin", "når", "hvornår", "quan"),
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
        "timings",
        "timing",
        "hours",
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
        *("วันที่", "วัน", "التاريخ", "תאריך", "तारीख", "दिनांक"),  # Thai, Arabic, Hebrew, Hindi
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
        *("ohjelma", "esitys", "program", "föredrag", "oturum", "konu", "přednáška", "téma"),
        # "what" as a column says it: Dutch, German, French, Spanish, Nordic, Polish, Czech
        *("wat", "was", "quoi", "qué", "hva", "hvad", "vad", "co"),
        *("prelekcja", "temat", "acara", "sesi", "materi", "доклад", "тема", "θέμα", "előadás"),
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
        *("asunto", "assunto", "betreff", "objet", "oggetto"),
        *("sessão", "sessões", "sesión", "sesiones", "sessione", "sessioni", "séance", "sitzung"),
        *("conférence", "conferencia", "conferência", "atelier", "taller", "oficina", "evento"),
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
        "環節",
        "タイトル",
        "講演タイトル",
        "テーマ",
        "演題",
        "セッション",
        "プログラム",
        "内容",
    ),
    Role.SPEAKER: (
        *("palestrante", "palestrantes", "ponente", "ponentes", "orador", "oradora", "relatore"),
        *("spreker", "sprekers", "intervenant"),
        *("puhuja", "esiintyjä", "talare", "foredragsholder", "konuşmacı", "konuşmacılar"),
        "přednášející",
        *("prelegent", "pembicara", "спикер", "докладчик", "доповідач", "ομιλητής", "előadó"),
        # Vietnamese, Malay, Thai, Arabic, Hebrew, Hindi
        *("diễn giả", "người trình bày", "penceramah", "วิทยากร", "المتحدث", "מרצה", "वक्ता"),
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
        *("quién", "quien", "quem", "wer", "qui", "chi"),
        *("guest", "guests", "gast", "gäste", "invité", "invités", "invitado", "invitados"),
        *("convidado", "convidados", "ospite", "ospiti"),
        "host",
        "hosts",
        *("anfitrión", "anfitriona", "anfitriones", "anfitrião", "anfitriã"),  # Eventbrite's "Host"
        "moderator",
        "moderators",
        *("panelist", "panelists", "panellist", "panellists", "panelistas", "panélistes"),
        *("diskutanten", "podiumsgäste"),
        "moderatorin",
        "trainer",
        "trainers",
        "trainerin",
        "coach",
        "coaches",
        "facilitator",
        "facilitators",
        "instructor",
        "instructors",
        "intervenante",
        "animateur",
        "animatrice",
        "formateur",
        "formatrice",
        "moderador",
        "moderadora",
        "主持人",
        "主持",
        "主讲",
        "导师",
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
        "발표자",
        "연사",
        "강연자",
        "강사",
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
        *("sali", "huone", "sal", "rum", "salon", "místnost", "sál", "sala", "ruang", "зал"),
        *("lokaal", "lokal", "zaal"),
        *("αίθουσα", "terem"),
        *("房間", "房间", "場地", "场地", "教室"),
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
        *("dónde", "donde", "onde", "wo", "où", "dove"),
        *("waar", "var", "hvor", "gdzie", "kde", "missä"),  # a "| Tijd | Onderdeel | Waar |" column
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
        "場所",
        "장소",
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
        *("lokasi", "tempat", "địa điểm", "địa chỉ"),  # Indonesian, Vietnamese
        *("สถานที่", "المكان", "العنوان", "מקום", "כתובת", "स्थान"),  # Thai, Arabic, Hebrew, Hindi
        "活动地点",
        "活動地點",
        "会议地点",
        "地址",
        "会場",
        "場所",
        "开催场所",
        "開催場所",
        "장소",
        "ort",
        "veranstaltungsort",
        "lieu",
        "lugar",
        "local",
        "luogo",
        "sede",
        "locatie",
        "where",
        # "Waar:", "Wo:", "Où :", "Dónde:", "Onde:", "Dove:", "Var:", "Hvor:", "Gdzie:", "Kde:"
        *("waar", "wo", "où", "dónde", "donde", "onde", "dove", "var", "hvor", "gdzie", "kde"),
        *("missä", "miejsce", "plats", "sted"),
    ),
}

_LOOKUP: dict[str, Role] = {}
for _role, _words in _WORDS.items():
    for _word in _words:
        _LOOKUP.setdefault(_word, _role)

_PUNCT = compiled(r"[\s*_`#:：()（）\[\]【】|/\\.,，、!?-]+")


# The pictographs that open a line saying where: "📍 …", "🏢 …", "🗺️ …"
VENUE_PIN = compiled(r"^[📍🏢🗺🏛📌]\ufe0f?\s*")
# Pictographs and their joiners before a label: "🕗 Thời gian", "📍 Venue", "🗓️ Date"
_PICTOGRAPHS = compiled(r"^(?:[\U0001f000-\U0001faff\u2190-\u2bff\ufe0f\u200d]|\s)+")


def normalise_label(text: str) -> str:
    return _PUNCT.sub(" ", _PICTOGRAPHS.sub("", text.lower())).strip()


def role_of(label: str) -> Role | None:
    """The role a column header or line label names, if any ("Time (CST)" -> TIME)."""
    key = normalise_label(label)
    if not key:
        return None
    if key in _LOOKUP:
        return _LOOKUP[key]
    # "Time (CST)" or "Session title": try the first and the last word alone.
    words = key.split()
    if len(words) > 1 and _LOOKUP.get(" ".join(words[-1:])) in (Role.LOCATION, Role.TRACK):
        # "Workshop Room", "Session Hall", "Frontend Track": the last word is what the column
        # holds; the words before it name which one.
        return _LOOKUP[words[-1]]
    for candidate in (" ".join(words[:2]), words[0], words[-1]):
        if candidate in _LOOKUP:
            return _LOOKUP[candidate]
    return None


_LABEL = compiled(r"^\s*(?P<label>[^:：\n]{1,24}?)\s*[:：]\s*(?P<value>.*)$", re.DOTALL)


def split_label(text: str) -> tuple[Role, str, str] | None:
    """("Time and day: 13:30-17:30") -> (TIME, "Time and day", "13:30-17:30") for known labels."""
    match = _LABEL.match(text)
    if not match:
        return None
    if match.group("label")[-1:].isdigit() and match.group("value")[:2].isdigit():
        return None  # "Event starts at 14:00": the colon is the clock's, not a label's
    role = role_of(match.group("label"))
    if role is None:
        return None
    return role, match.group("label"), match.group("value").strip()


# "| Datum | Ort | Anmerkung |", "| … | Notes |": a column of remarks, neither titles nor rooms
_NOTE_HEADER = compiled(
    r"(?i)notes?|remarks?|comments?|anmerkung(?:en)?|bemerkung(?:en)?|hinweis(?:e)?|remarques?|"
    r"notas?|observaciones|observações|opmerking(?:en)?|huom(?:autus|ioita)?|uwagi|poznámka|備考|备注"
)


def is_note_header(label: str) -> bool:
    return _NOTE_HEADER.fullmatch(label.strip(" *_:")) is not None
