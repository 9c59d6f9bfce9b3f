"""What a heading or a table column of a speaker page is about, in English or Chinese.

A page says "## Presentations (Selected)", "## Talks", "## 演讲（部分）"; a table heads its
columns "Year | City | Conference | Title | Slides | Video" or "年份 | 城市 | 会议 | 题目 | 讲稿 |
视频", in any order and case. Latin words match whole words, Chinese ones anywhere in the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum

from bot.domain.speakers.scripts import has_han


class Section(StrEnum):
    ABOUT = "about"
    CONTACT = "contact"
    TALKS = "talks"
    PUBLICATIONS = "publications"
    PROJECTS = "projects"
    OTHER = "other"


# In the order they are tried: "Open Source Projects" is projects, "Talks and Publications"
# talks (the tables under it say which is which).
_SECTION_WORDS: tuple[tuple[Section, tuple[str, ...]], ...] = (
    (
        Section.TALKS,
        (
            "presentations", "presentation", "talks", "talk", "speaking", "speeches",
            "speech", "conference talks", "keynotes", "演讲", "讲座", "技术分享", "分享",
            "报告", "演講",
        ),
    ),
    (
        Section.PUBLICATIONS,
        (
            "publications", "publication", "books", "book", "writing", "writings",
            "出版物", "著作", "书籍", "出版", "作品",
        ),
    ),
    (Section.PROJECTS, ("projects", "project", "open source", "开源项目", "项目", "开源")),
    (
        Section.CONTACT,
        ("contact", "connect", "links", "find me", "social", "联系", "联系方式", "联系我"),
    ),
    (
        Section.ABOUT,
        (
            "about", "about me", "bio", "biography", "profile", "introduction", "who am i",
            "关于", "关于我", "个人简介", "简介", "自我介绍", "个人介绍", "關於我",
        ),
    ),
)  # fmt: skip


def section_of(heading: str) -> Section:
    """The kind of section a heading opens; OTHER for one a speaker page need not read
    ("Certificates", "Awards")."""
    for section, words in _SECTION_WORDS:
        if _mentions(heading, words):
            return section
    return Section.OTHER


def _mentions(text: str, words: Sequence[str]) -> bool:
    folded = text.casefold()
    latin = set(re.findall(r"[a-z]+", folded))
    for word in words:
        if has_han(word):
            if word in folded:
                return True
        elif " " in word:
            if re.search(rf"\b{re.escape(word)}\b", folded):
                return True
        elif word in latin:
            return True
    return False


# Each table's columns: the field, and the header words that name it, tried in this order
# (a "演讲视频" column is the video, not the title).
TALK_COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("video", ("video", "videos", "recording", "youtube", "视频", "录像", "回放", "視頻")),
    ("slides", ("slides", "slide", "deck", "ppt", "pdf", "讲稿", "幻灯片", "课件", "演示文稿", "簡報")),
    ("year", ("year", "years", "date", "when", "年份", "日期", "时间", "年")),
    ("city", ("city", "location", "place", "where", "城市", "地点", "地點")),
    ("event", ("conference", "event", "meetup", "summit", "venue", "会议", "活动", "大会", "會議")),
    ("title", ("title", "talk", "topic", "session", "presentation", "subject", "题目", "主题", "标题", "议题", "演讲", "題目")),
)  # fmt: skip
PUBLICATION_COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("by", ("publisher", "press", "出版社", "出版方", "出版商")),
    ("kind", ("type", "kind", "format", "类型", "形式", "類型")),
    ("link", ("link", "links", "buy", "url", "链接", "购买", "地址", "連結")),
    ("title", ("title", "name", "book", "publication", "书名", "题目", "标题", "名称", "出版物")),
)  # fmt: skip
PROJECT_COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("kind", ("role", "roles", "角色", "职责", "身份")),
    ("code", ("github", "gitlab", "repository", "repo", "source", "code", "代码", "仓库")),
    ("site", ("website", "site", "homepage", "web", "url", "网站", "官网", "主页")),
    ("title", ("project", "name", "项目", "名称", "專案")),
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
