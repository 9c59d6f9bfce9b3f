"""Talks written as list items, as many speakers' pages list them:

    - 2023, KubeCon EU (Amsterdam): Title — [slides](…) [video](…)
    - 2023 — DevConf.CZ, Brno — Writing Operators That Don't Page You at 3am
    - **2020** · *PyCon DE*, Berlin · Typing Pandas
    - Jul 2019 – EuroPython (Basel) – "Async All the Things" – [video](…)
    - "Title", KubeCon EU 2023, Amsterdam ([slides](…))
    - FOSDEM, Brussels: Supply Chain Security: Lessons Learned
    - Title at KubeCon EU 2023 — [video](…)
    - 2023 年，KubeCon 中国（上海）：题目 [讲稿](…)

The year is the date the item starts with (or one in the event's part). The title is the
quoted part; else the item is split at its dashes, middle dots and bars first (after a date,
"Event, City — Title"; otherwise the part that reads as an event is the event), and a colon in
the title's part stays in the title; without separators, what follows the first colon when a
date leads or what precedes it reads as an event (by its shape: "FOSDEM, Brussels", "Lambda
World", "JSDay", never by a list of conferences), else what comes before " at ". The city is
the event's parenthesised or last comma-separated part. Links named "slides"/"video" (讲稿,
视频, Folien...) are the files; a link on the title or the event is their page.
"""

from __future__ import annotations

import re

from bot.domain.agenda import Link
from bot.domain.patterns import compiled
from bot.domain.speakers.profile import Talk
from bot.domain.speakers.table_rows import event_and_city, year_in

_SLIDES = frozenset(
    (
        "slides", "slide", "deck", "ppt", "pdf", "讲稿", "幻灯片", "课件", "簡報", "資料",
        "スライド", "슬라이드", "자료", "folien", "diapositives", "diapositivas",
    )
)  # fmt: skip
_VIDEO = frozenset(
    (
        "video", "recording", "youtube", "bilibili", "视频", "录像", "回放", "視頻", "動画",
        "録画", "영상", "동영상", "aufzeichnung", "vidéo", "vídeo", "grabación", "gravação",
    )
)  # fmt: skip
_SLIDES_AT = compiled(
    r"(?i)\.(?:pdf|pptx?|key|odp)(?:[?#]|$)|speakerdeck\.com|slideshare\.net|docs\.google\.com/presentation"
)
_VIDEO_AT = compiled(r"(?i)youtube\.com/watch|youtu\.be/|bilibili\.com/video|vimeo\.com/")
_MONTH = (
    r"(?:jan(?:uary|uar|vier)?|feb(?:ruary|ruar)?|f[ée]v(?:rier)?|mar(?:ch)?|m[äa]rz|mars|"
    r"apr(?:il)?|avr(?:il)?|may|mai|jun[ei]?|juin|jul[iy]?|juil(?:let)?|aug(?:ust)?|ao[uû]t|"
    r"sep(?:t|tember|tembre)?|oct(?:ober|obre)?|okt(?:ober)?|nov(?:ember|embre)?|"
    r"dec(?:ember)?|d[ée]c(?:embre)?|dez(?:ember)?)\.?"
)
# "2023", "2023 年", "Jul 2019", "May 3, 2023", "3 May 2023", "2023-05-10", "2023年5月": a date
# the item starts with, and the separator after it.
_LEADING_DATE = compiled(
    rf"(?i)^\s*(?:(?:\d{{1,2}}\.?\s+)?{_MONTH}\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?)?"
    r"((?:19|20|21)\d{2})(?:[-/.]\d{1,2}(?:[-/.]\d{1,2})?)?\s*年?(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?"
    r"\s*[,，:：.|/\-–—·•]?\s*"
)
_QUOTED = compiled(r"[\"“«《「](.+?)[\"”»》」]")
_COLON = compiled(r"\s*[:：]\s+|：\s*")
_AT = compiled(r"\s+(?:at|@)\s+", re.IGNORECASE)
# What separates the parts of an item: "2023 — DevConf.CZ, Brno — Title", "2020 · PyCon DE ·
# Title", "Title | Event": an em dash, or an en dash, a hyphen, a middle dot or a bar between
# spaces (a hyphen inside a word, "kube-tenant", is no separator).
_SEPARATOR = compiled(r"\s*—+\s*|\s+(?:--?|–|·|•|\|)\s+")
_SPACED_SEPARATOR = compiled(r"\s+(?:—+|--?|–|·|•|\|)\s+")
# Words and shapes that say a part names an event: "KubeCon", "DevConf.CZ", "JSDay", "Open
# Source Summit", "Lambda World", "云原生社区 Meetup", "勉強会".
_EVENT_WORDS = compiled(
    r"(?i)\b(?:\w*con|summit|meetup|meet-up|conference|conf|forum|workshop|symposium|expo|"
    r"week|days?|camp|fest|festival|hackathon|world|unconference|devroom|tagung|konferenz|"
    r"conférence|conferencia|jornadas|encuentro)\b|大会|峰会|会议|论坛|沙龙|大會|勉強会|"
    r"カンファレンス|ミートアップ|컨퍼런스|밋업"
)
_CAMEL_EVENT = compiled(r"\b[A-Z][A-Za-z0-9]*(?:Con|Conf|Day|Days|Camp|Fest|Summit)\b")
_CITY = compiled(r"^(?P<event>.+?)\s*[(（](?P<city>[^()（）]+)[)）]\s*$")
# "FOSDEM, Brussels", "Lambda World, Cádiz": an event, a comma and a place of a few words.
_EVENT_COMMA_CITY = compiled(
    r"^[^,，]+[,，]\s*(?:[^\W\d_][^\s,，\d]*(?:\s+[^\W\d_][^\s,，\d]*){0,2})$"
)
# A place of one to three words ("London", "New York", "São Paulo").
_PLACE = compiled(r"^[^\W\d_][^\s,，\d]*(?:\s+[^\W\d_][^\s,，\d]*){0,2}$")
_TRIM = " \t,，;；:：-–—|·•"
# What is left of "([slides], [video])" once the links' words are taken out.
_EMPTY_BRACKETS = compiled(r"[(（\[]\s*(?:[,，/&|·]|and|\s)*[)）\]]", re.IGNORECASE)


def talk_from_line(text: str, links: list[Link]) -> Talk | None:
    """One talk from a list item's text and links; None when no title can be told apart."""
    slides = _file_link(links, _SLIDES, _SLIDES_AT)
    video = _file_link(links, _VIDEO, _VIDEO_AT)
    for link in links:
        if link.url in (slides, video) and link.label:
            text = _without_last(text, link.label)
    text = _EMPTY_BRACKETS.sub(" ", text).strip(_TRIM)
    year: int | None = None
    leading = _LEADING_DATE.match(text)
    if leading and leading.end() < len(text):
        year = int(leading.group(1))
        text = text[leading.end() :]
    title, event = _title_and_event(text, dated=year is not None)
    if not title:
        return None
    city = None
    if event:
        event, city = event_and_city(event)
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
    """The title and the event's part of an item (without its leading date).

    A quoted part is the title. Otherwise the item is split at its separators first (dashes,
    middle dots, bars): the part that reads most as an event is the event (after a date, the
    first part when none reads more: "Event, City — Title"), a place right after it its city,
    the rest the title. Without separators, what comes before a colon is the event when a date
    led the item or it reads as one ("KubeCon EU: Title", "FOSDEM, Brussels: Title"), else the
    colon is the title's own ("Lightning talk: Five Minutes of WebAssembly"); last, "Title at
    Event"."""
    text = text.strip(_TRIM)
    quoted = _QUOTED.search(text)
    if quoted:
        rest = (text[: quoted.start()] + " " + text[quoted.end() :]).strip()
        rest = re.sub(r"^(?:at|@)\s+", "", rest.strip(_TRIM), flags=re.IGNORECASE)
        parts = [p.strip(_TRIM) for p in _separated(rest, dated)]
        return quoted.group(1).strip(), ", ".join(p for p in parts if p)
    parts = [p for p in (p.strip(_TRIM) for p in _separated(text, dated)) if p]
    if len(parts) >= 2:
        split = _event_among(parts, dated, has_at=_AT.search(text) is not None)
        if split is not None:
            return split
    colon = _COLON.search(text)
    if colon and (dated or reads_as_event(text[: colon.start()])):
        return text[colon.end() :].strip(_TRIM), text[: colon.start()].strip(_TRIM)
    at = _AT.search(text)
    if at:
        return text[: at.start()].strip(_TRIM), text[at.end() :].strip(_TRIM)
    return text, ""


def _separated(text: str, dated: bool) -> list[str]:
    """The parts between separators; an em dash without spaces ("Brno—Writing") separates
    only after a date, as a title may hold one ("Kubernetes—The Hard Way")."""
    return (_SEPARATOR if dated else _SPACED_SEPARATOR).split(text)


def _event_among(parts: list[str], dated: bool, *, has_at: bool) -> tuple[str, str] | None:
    """The title and the event (with its city) among an item's parts; None to let " at "
    decide ("Lessons learned — meshes at KubeCon" has no part that reads as an event)."""
    scores = [_event_score(part) for part in parts]
    best = max(scores)
    if best == 0 and not dated:
        if has_at:
            return None
        at = len(parts) - 1
    elif dated:
        at = scores.index(best)  # the first of the best: "Event, City — Title" after a date
    else:
        at = len(scores) - 1 - scores[::-1].index(best)  # "Title — Event 2023"
    event = parts[at]
    rest = [part for index, part in enumerate(parts) if index != at]
    inner = _AT.search(event)  # "Lessons learned — meshes at KubeCon NA"
    if (
        inner
        and reads_as_event(event[inner.end() :])
        and not reads_as_event(event[: inner.start()])
    ):
        rest.insert(at, event[: inner.start()].strip(_TRIM))
        event = event[inner.end() :].strip(_TRIM)
    following = parts[at + 1] if at + 1 < len(parts) else None
    if len(rest) >= 2 and following is not None and _PLACE.match(following) and not scores[at + 1]:
        event = f"{event}, {following}"  # "2018 | GopherCon UK | London | Title"
        rest.remove(following)
    return " — ".join(rest), event


def _event_score(part: str) -> int:
    """How much a part reads as an event: 2 with a year or a place after a comma or in
    parentheses ("PyCon 2023", "FOSDEM, Brussels"), 1 with an event's word ("KubeCon EU",
    "Lambda World"), 0 for none."""
    part = part.strip()
    if year_in(part) or _EVENT_COMMA_CITY.match(part) or _CITY.match(part):
        return 2
    return 1 if _EVENT_WORDS.search(part) or _CAMEL_EVENT.search(part) else 0


def reads_as_event(text: str) -> bool:
    """Whether a part of an item names an event by its words or its shape: "KubeCon EU",
    "DevConf.CZ", "云原生社区 Meetup", an event's year ("PyConES 2023"), a place after a comma
    or in parentheses ("FOSDEM, Brussels", "EuroPython (Basel)")."""
    return _event_score(text) > 0


def _labelled(links: list[Link], text: str) -> str | None:
    """The link written on `text` (its label is that text), or None."""
    if not text:
        return None
    for link in links:
        if link.label and link.label.strip().casefold() == text.strip().casefold():
            return link.url
    return None
