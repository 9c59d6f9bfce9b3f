"""What a heading or a table column of a speaker page is about, in the languages speakers'
pages are written in: English, Chinese, Japanese, Korean, German, French, Spanish, Portuguese.

A page says "## Presentations (Selected)", "## Talks", "## 演讲（部分）", "## 登壇", "## Vorträge";
a table heads its columns "Year | City | Conference | Title | Slides | Video", "年份 | 城市 | 会议 |
题目 | 讲稿 | 视频", "日付 | イベント | タイトル | 資料 | 動画" or "Jahr | Konferenz | Ort | Titel |
Folien | Video", in any order and case. Words in Latin letters match whole words, Chinese,
Japanese and Korean ones anywhere in the text (they are written without spaces).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum

from bot.domain.patterns import compiled, longest_first
from bot.domain.speakers.scripts import is_cjk


class Section(StrEnum):
    ABOUT = "about"
    CONTACT = "contact"
    TALKS = "talks"
    PUBLICATIONS = "publications"
    PROJECTS = "projects"
    OTHER = "other"


# In the order they are tried: "Open Source Projects" is projects, "Talks and Publications"
# talks (the tables under it say which is which). English, Chinese, Japanese, Korean, German,
# French, Spanish and Portuguese: the languages speakers' own pages are most often written in.
_SECTION_WORDS: tuple[tuple[Section, tuple[str, ...]], ...] = (
    (
        Section.TALKS,
        (
            "presentations", "presentation", "talks", "talk", "speaking", "speeches",
            "speech", "conference talks", "keynotes", "sessions", "appearances",
            "演讲", "讲座", "技术分享", "分享", "报告", "演講",
            "登壇", "登壇歴", "発表", "講演", "トーク", "발표", "강연", "강의",
            "vorträge", "vortrag", "präsentationen", "konferenzbeiträge", "conférences",
            "interventions", "présentations", "charlas", "ponencias", "conferencias",
            "presentaciones", "palestras", "apresentações",
        ),
    ),
    (
        Section.PUBLICATIONS,
        (
            "publications", "publication", "books", "book", "writing", "writings",
            "出版物", "著作", "书籍", "出版", "作品", "著書", "執筆", "저서", "출판",
            "veröffentlichungen", "publikationen", "bücher", "livres", "publicaciones",
            "libros", "publicações", "livros",
        ),
    ),
    (
        Section.PROJECTS,
        (
            "projects", "project", "open source", "开源项目", "项目", "开源", "プロジェクト",
            "オープンソース", "프로젝트", "오픈소스", "projekte", "projets", "proyectos", "projetos",
        ),
    ),
    (
        Section.CONTACT,
        (
            "contact", "connect", "links", "find me", "social", "联系", "联系方式", "联系我",
            "リンク", "連絡先", "연락처", "링크", "kontakt", "contacto", "contato", "liens",
            "enlaces",
        ),
    ),
    (
        Section.ABOUT,
        (
            "about", "about me", "bio", "biography", "profile", "introduction", "who am i",
            "关于", "关于我", "个人简介", "简介", "自我介绍", "个人介绍", "關於我",
            "自己紹介", "プロフィール", "経歴", "소개", "자기소개", "프로필", "über mich",
            "à propos", "sobre mí", "sobre mim", "biografía", "biografia", "biographie",
        ),
    ),
)  # fmt: skip
# Page titles that name what the page is, not who: a section's words, or these.
_TITLE_WORDS = frozenset(
    (
        "home", "resume", "cv", "me", "whoami", "speaker", "speaker bio", "speaker profile",
        "讲师介绍", "個人簡介", "简历", "履歴", "이력",
    )
)  # fmt: skip
# Words around a section's name in a page title: "My Talks", "Selected Publications".
_TITLE_FILLERS = frozenset(
    (
        "my", "selected", "recent", "past", "upcoming", "all", "some", "and", "&", "+", "/",
        "the", "previous", "public", "conference", "meine", "mes", "mis", "meus", "minhas", "und",
        "et", "y", "e", "我的", "私の", "나의", "내",
    )
)  # fmt: skip


def section_of(heading: str) -> Section:
    """The kind of section a heading opens; OTHER for one a speaker page need not read
    ("Certificates", "Awards")."""
    for section, words in _SECTION_WORDS:
        if _mentions(heading, words):
            return section
    return Section.OTHER


def is_section_title(text: str) -> bool:
    """Whether a page's title names a section, not a person: "Talks", "About me", "My Talks &
    Publications", "演讲", "登壇", "Über mich" (a Jekyll talks page's `title: Talks`)."""
    rest = " ".join(_SYMBOLS.sub(" ", text).casefold().split())
    if rest in _KNOWN or rest.replace(" ", "") in _KNOWN:
        return bool(rest)
    named = False
    for word in _PHRASES:  # words of several words, and CJK ones, longest first
        if word in rest and (is_cjk(word) or re.search(rf"(?<!\w){re.escape(word)}(?!\w)", rest)):
            rest = rest.replace(word, " ")
            named = True
    tokens = [t for t in re.split(r"[\s,&+/|]+", rest) if t]
    named = named or any(t in _KNOWN for t in tokens)
    return named and all(t in _KNOWN or t in _TITLE_FILLERS for t in tokens)


# Emoji and punctuation a title or heading is decorated with ("### 🎤 Talks", "Talks:").
_SYMBOLS = compiled(r"[^\w\s&+/'’-]")
_KNOWN = frozenset(w for _, words in _SECTION_WORDS for w in words) | _TITLE_WORDS
_PHRASES = sorted((w for w in _KNOWN if " " in w or is_cjk(w)), key=longest_first)


def _mentions(text: str, words: Sequence[str]) -> bool:
    folded = text.casefold()
    tokens = set(re.findall(r"[^\W\d_]+", folded))
    for word in words:
        if is_cjk(word):
            if word in folded:
                return True
        elif " " in word or not word.isalpha():
            if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", folded):
                return True
        elif word in tokens:
            return True
    return False


# Each table's columns: the field, and the header words that name it, tried in this order
# (a "演讲视频" column is the video, not the title; "発表資料" the slides).
TALK_COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "video",
        (
            "video", "videos", "recording", "youtube", "replay", "视频", "录像", "回放", "視頻",
            "動画", "録画", "ビデオ", "アーカイブ", "영상", "동영상", "비디오", "녹화", "aufzeichnung",
            "mitschnitt", "vidéo", "enregistrement", "vídeo", "grabación", "gravação",
        ),
    ),
    (
        "slides",
        (
            "slides", "slide", "deck", "ppt", "pdf", "讲稿", "幻灯片", "课件", "演示文稿", "簡報",
            "資料", "スライド", "슬라이드", "자료", "folien", "diapositives", "diapos",
            "diapositivas", "transparents",
        ),
    ),
    (
        "year",
        (
            "year", "years", "date", "when", "年份", "日期", "时间", "年", "日付", "日時", "開催日",
            "날짜", "일자", "연도", "년도", "jahr", "datum", "wann", "année", "quand", "año",
            "fecha", "cuándo", "ano", "data", "quando",
        ),
    ),
    (
        "city",
        (
            "city", "location", "place", "where", "城市", "地点", "地點", "場所", "開催地", "都市",
            "会場", "장소", "도시", "지역", "ort", "stadt", "wo", "lieu", "ville", "où", "lugar",
            "ciudad", "dónde", "cidade", "onde", "local",
        ),
    ),
    (
        "event",
        (
            "conference", "event", "meetup", "summit", "venue", "会议", "活动", "大会", "會議",
            "イベント", "カンファレンス", "勉強会", "会議", "행사", "이벤트", "컨퍼런스", "학회",
            "veranstaltung", "konferenz", "tagung", "kongress", "conférence", "événement",
            "evento", "conferencia", "congreso", "conferência",
        ),
    ),
    (
        "title",
        (
            "title", "talk", "topic", "session", "presentation", "subject", "题目", "主题",
            "标题", "议题", "演讲", "題目", "タイトル", "演題", "テーマ", "発表", "講演", "제목",
            "주제", "발표", "titel", "thema", "vortrag", "titre", "sujet", "título", "tema",
            "charla", "ponencia", "palestra",
        ),
    ),
)  # fmt: skip
PUBLICATION_COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("by", ("publisher", "press", "出版社", "出版方", "出版商", "verlag", "éditeur", "editorial", "editora")),
    ("kind", ("type", "kind", "format", "类型", "形式", "類型", "種類", "typ", "tipo")),
    ("link", ("link", "links", "buy", "url", "链接", "购买", "地址", "連結", "リンク", "링크", "lien", "enlace")),
    ("title", ("title", "name", "book", "publication", "书名", "题目", "标题", "名称", "出版物", "タイトル", "書名", "제목", "titel", "titre", "título")),
)  # fmt: skip
PROJECT_COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("kind", ("role", "roles", "角色", "职责", "身份", "役割", "역할", "rolle", "rôle", "rol", "papel")),
    ("code", ("github", "gitlab", "repository", "repo", "source", "code", "代码", "仓库", "リポジトリ", "저장소")),
    ("site", ("website", "site", "homepage", "web", "url", "网站", "官网", "主页", "サイト", "웹사이트", "webseite", "sitio")),
    ("title", ("project", "name", "项目", "名称", "專案", "プロジェクト", "프로젝트", "projekt", "projet", "proyecto", "projeto")),
)  # fmt: skip


def columns_of(
    header: Sequence[str], vocabulary: tuple[tuple[str, tuple[str, ...]], ...]
) -> dict[str, int]:
    """Which column holds each field (the first column naming it), by the header's words."""
    found: dict[str, int] = {}
    for index, text in enumerate(header):
        for field, words in vocabulary:
            if field not in found and _mentions(text, words):
                found[field] = index
                break
    return found


def table_kind(header: Sequence[str], section: Section) -> Section:
    """What a table lists: its section says, unless its columns plainly say otherwise (a
    publications table in a "Talks and Writing" section)."""
    talks = columns_of(header, TALK_COLUMNS)
    publications = columns_of(header, PUBLICATION_COLUMNS)
    projects = columns_of(header, PROJECT_COLUMNS)
    if "by" in publications and section is not Section.PUBLICATIONS:
        return Section.PUBLICATIONS
    if "kind" in projects and "title" in projects and section is not Section.PROJECTS:
        return Section.PROJECTS
    if section in (Section.TALKS, Section.PUBLICATIONS, Section.PROJECTS):
        return section
    if "title" in talks and ({"event", "year"} & talks.keys()):
        return Section.TALKS
    return Section.OTHER
