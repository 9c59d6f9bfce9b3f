"""Speakers as agendas write them: "Name (Company)", "Name @ Company", "A、B", "A & B"."""

from __future__ import annotations

import re

from bot.domain.agenda import Speaker

_SEPARATORS = re.compile(r"\n|;|；|、|，|\s&\s|\s+and\s+|,(?![^()（）]*[)）])")
_TRAILING_PAREN = re.compile(r"^(?P<name>.+?)\s*[(（](?P<aff>[^()（）]+)[)）]\s*$")
_AT = re.compile(r"^(?P<name>.+?)\s+(?:@|at)\s+(?P<aff>.+)$")
_DASH = re.compile(r"^(?P<name>[^-–—|/]+?)\s*(?:\s[-–—|]\s|/)\s*(?P<aff>.+)$")
# "Keith Chan, CNCF": a comma before an organisation is an affiliation, not a second speaker.
_ORGANISATION = re.compile(
    r"^[A-Z0-9][A-Z0-9&.\- ]+$|\b(?:Inc|Corp|Corporation|GmbH|AG|Ltd|LLC|Labs?|Cloud|University|"
    r"Foundation|Technolog(?:y|ies)|Software|Systems|Group|Co)\b\.?|公司|科技|大学|集团|研究院|株式会社"
)
_LABEL = re.compile(
    r"^\s*(?:speakers?|presenters?|by|讲师|嘉宾|分享嘉宾|讲者|演讲者)\s*[:：]?\s*", re.IGNORECASE
)


def parse_speakers(text: str) -> list[Speaker]:
    """Every speaker named in a cell or line; affiliations where the text separates them."""
    cleaned = _LABEL.sub("", text.strip())
    pair = [p.strip() for p in cleaned.split(",")]
    if len(pair) == 2 and all(pair) and "(" not in cleaned and _ORGANISATION.search(pair[1]):
        return [Speaker(pair[0], pair[1])]
    speakers: list[Speaker] = []
    for raw in _SEPARATORS.split(cleaned):
        part = raw.strip(" \t*_-–—:：")
        if not part or len(part) > 120:
            continue
        speakers.append(parse_speaker(part))
    return speakers


def parse_speaker(text: str) -> Speaker:
    for pattern in (_TRAILING_PAREN, _AT, _DASH):
        match = pattern.match(text)
        if match:
            return Speaker(match.group("name").strip(), match.group("aff").strip())
    return Speaker(text.strip())


# "by" splits only when what follows is clearly people: it carries an affiliation.
_BY = re.compile(r"^(?P<title>.+?)\s+(?:presented by|by)\s+(?P<who>[^()（）]+[(（@].*)$")
_DASHED = re.compile(r"^(?P<title>.+?)\s+[-–—|]\s+(?P<who>[^-–—|]+[(（][^()（）]+[)）].*)$")


def split_title_and_speakers(text: str) -> tuple[str, list[Speaker]]:
    """A cell or line holding both: "Title<br>Speaker", "Title by Speaker", "Title - Name (Co)".

    Only splits where the shape is clear; otherwise the whole text is the title.
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if not lines:
        return "", []
    if len(lines) > 1:
        return lines[0], parse_speakers("\n".join(lines[1:]))
    single = lines[0]
    for pattern in (_BY, _DASHED):
        match = pattern.match(single)
        if match:
            return match.group("title").strip(), parse_speakers(match.group("who"))
    return single, []
