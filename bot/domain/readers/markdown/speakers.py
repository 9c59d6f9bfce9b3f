"""Speakers as agendas write them: "Name (Company)", "Name @ Company", "A、B", "A & B"."""

from __future__ import annotations

import re

from bot.domain.agenda import Speaker

_SEPARATORS = re.compile(r"\n|;|；|、|，|\s&\s|\s+and\s+|\s*/\s+|,(?![^()（）]*[)）])")
_TRAILING_PAREN = re.compile(r"^(?P<name>.+?)\s*[(（](?P<aff>[^()（）]+)[)）]\s*$")
_AT = re.compile(r"^(?P<name>.+?)\s+(?:@|at)\s+(?P<aff>.+)$")
_DASH = re.compile(r"^(?P<name>[^-–—|]+?)\s+[-–—|]\s+(?P<aff>.+)$")
_LABEL = re.compile(
    r"^\s*(?:speakers?|presenters?|by|讲师|嘉宾|分享嘉宾|讲者|演讲者)\s*[:：]?\s*", re.IGNORECASE
)


def parse_speakers(text: str) -> list[Speaker]:
    """Every speaker named in a cell or line; affiliations where the text separates them."""
    cleaned = _LABEL.sub("", text.strip())
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
