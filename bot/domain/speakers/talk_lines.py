"""Talks written as list items, as many speakers' pages list them:

    - 2023, KubeCon EU (Amsterdam): Title — [slides](…) [video](…)
    - "Title", KubeCon EU 2023, Amsterdam ([slides](…))
    - Title at KubeCon EU 2023 — [video](…)
    - 2023 年，KubeCon 中国（上海）：题目 [讲稿](…)

The year is the one written first (or any in the event's part); the title is the quoted part,
else what follows the first colon, else what comes before " at "; the city is the event's
parenthesised or last comma-separated part. Links named "slides"/"video" (讲稿, 视频...) are
the files; a link on the title or the event is their page.
"""

from __future__ import annotations

import re

from bot.domain.agenda import Link
from bot.domain.speakers.profile import Talk
from bot.domain.speakers.table_rows import year_in

_SLIDES = frozenset(("slides", "slide", "deck", "ppt", "pdf", "讲稿", "幻灯片", "课件", "簡報"))
_VIDEO = frozenset(("video", "recording", "youtube", "bilibili", "视频", "录像", "回放", "視頻"))
_SLIDES_AT = re.compile(
    r"(?i)\.(?:pdf|pptx?|key|odp)(?:[?#]|$)|speakerdeck\.com|slideshare\.net|docs\.google\.com/presentation"
)
_VIDEO_AT = re.compile(r"(?i)youtube\.com/watch|youtu\.be/|bilibili\.com/video|vimeo\.com/")
_LEADING_YEAR = re.compile(r"^\s*((?:19|20|21)\d{2})\s*年?\s*[,，:：.|/\-–—]?\s*")
_QUOTED = re.compile(r"[\"“«《「](.+?)[\"”»》」]")
_COLON = re.compile(r"\s*[:：]\s+|：\s*")
_AT = re.compile(r"\s+(?:at|@)\s+", re.IGNORECASE)
_DASH = re.compile(r"\s+[-–—|]+\s+")
_EVENT_WORDS = re.compile(
    r"(?i)\b(?:\w*con|summit|meetup|conference|forum|day|days|workshop|symposium|expo|"
    r"week|fest)\b|大会|峰会|会议|论坛|沙龙|大會"
)
_CITY = re.compile(r"^(?P<event>.+?)\s*[(（](?P<city>[^()（）]+)[)）]\s*$")
_TRIM = " \t,，;；:：-–—|·"
# What is left of "([slides], [video])" once the links' words are taken out.
_EMPTY_BRACKETS = re.compile(r"[(（\[]\s*(?:[,，/&|·]|and|\s)*[)）\]]", re.IGNORECASE)


def talk_from_line(text: str, links: list[Link]) -> Talk | None:
    """One talk from a list item's text and links; None when no title can be told apart."""
    slides = _file_link(links, _SLIDES, _SLIDES_AT)
    video = _file_link(links, _VIDEO, _VIDEO_AT)
    for link in links:
        if link.url in (slides, video) and link.label:
            text = _without_last(text, link.label)
    text = _EMPTY_BRACKETS.sub(" ", text).strip(_TRIM)
    year: int | None = None
    leading = _LEADING_YEAR.match(text)
    if leading:
        year = int(leading.group(1))
        text = text[leading.end() :]
    title, event = _title_and_event(text, dated=year is not None)
    if not title:
        return None
    city = None
    if event:
        event, city = _event_and_city(event)
        if year is None:
            year = year_in(event)
    others = [link for link in links if link.url not in (slides, video)]
    return Talk(
        title=title,
        year=year,
        city=city,
        event=event or None,
        event_url=_labelled(others, event),
        url=_labelled(others, title),
        slides=slides,
        video=video,
    )


def _file_link(links: list[Link], words: frozenset[str], places: re.Pattern[str]) -> str | None:
    """The link named with one of `words` ("slides", "讲稿"), else the first whose address is
    such a file's ("….pdf", speakerdeck.com; youtube.com, bilibili.com)."""
    for link in links:
        label = link.label.strip(" []()（）").casefold()
        if label in words or any(word in label.split() for word in words):
            return link.url
    for link in links:
        if places.search(link.url):
            return link.url
    return None


def _without_last(text: str, label: str) -> str:
    at = text.rfind(label)
    if at < 0:
        return text
    return (text[:at].rstrip() + " " + text[at + len(label) :].lstrip()).strip()


def _title_and_event(text: str, dated: bool) -> tuple[str, str]:
    """The title and the event's part; before a colon is the event when a year led the line or
    it reads as one ("KubeCon EU: Title"), else a colon is the title's own ("Lightning talk:
    Five Minutes of WebAssembly", "Lessons: X at Y")."""
    text = text.strip(_TRIM)
    quoted = _QUOTED.search(text)
    if quoted:
        rest = (text[: quoted.start()] + " " + text[quoted.end() :]).strip()
        rest = re.sub(r"^(?:at|@)\s+", "", rest.strip(_TRIM), flags=re.IGNORECASE)
        return quoted.group(1).strip(), rest.strip(_TRIM)
    colon = _COLON.search(text)
    at = _AT.search(text)
    if colon and (dated or _EVENT_WORDS.search(text[: colon.start()])):
        return text[colon.end() :].strip(_TRIM), text[: colon.start()].strip(_TRIM)
    dash = _DASH.search(text)
    if dash:
        left, right = text[: dash.start()].strip(_TRIM), text[dash.end() :].strip(_TRIM)
        if _EVENT_WORDS.search(left) and not _EVENT_WORDS.search(right):
            return right, left
        if _EVENT_WORDS.search(right) or at is None:
            return left, right
    if at:
        return text[: at.start()].strip(_TRIM), text[at.end() :].strip(_TRIM)
    return text, ""


def _event_and_city(event: str) -> tuple[str, str | None]:
    """The event and its city: "KubeCon EU (Amsterdam)" and "KubeCon EU, Amsterdam" give
    ("KubeCon EU", "Amsterdam")."""
    paren = _CITY.match(event)
    if paren:
        return paren.group("event").strip(_TRIM), paren.group("city").strip()
    head, comma, tail = event.rpartition(",")
    if not comma:
        head, comma, tail = event.rpartition("，")
    tail = tail.strip()
    if comma and head.strip() and tail and not re.search(r"\d", tail) and len(tail) <= 40:
        return head.strip(_TRIM), tail
    return event, None


def _labelled(links: list[Link], text: str) -> str | None:
    """The link written on `text` (its label is that text), or None."""
    if not text:
        return None
    for link in links:
        if link.label and link.label.strip().casefold() == text.strip().casefold():
            return link.url
    return None
