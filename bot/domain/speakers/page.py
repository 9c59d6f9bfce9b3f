"""What one speaker page says, before the pages of one person are merged into a profile.

A person may have a page per language: `huabing-zhao.md` and `huabing-zhao.zh.md`, as a Hugo
multilingual site names translations. The language suffix, when the file name carries one, is
the page's language and tells which pages are translations of one another (`base`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

from babel import Locale, UnknownLocaleError

from bot.domain.agenda import Link, SourceRef
from bot.domain.patterns import compiled
from bot.domain.speakers.profile import Talk, Work

# "zh", "en", "zh-cn", "zh_Hans", "pt-BR": a language tag as the last part of a file's stem.
_LANGUAGE_TAG = compiled(r"[a-z]{2,3}(?:[-_][a-z0-9]{2,8}){0,2}", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class SpeakerPage:
    """One page as read. `source` is the file and the line the name was found on (0: the file
    name gave it); `base` is the file's folder and stem without its language suffix, shared by a
    page and its translations; `suffixed` says the file name carried the language."""

    source: SourceRef
    name: str
    base: str
    language: str | None = None
    suffixed: bool = False
    other_names: tuple[str, ...] = ()  # the name in other scripts ("赵化冰"), as the page says
    names_by_language: tuple[tuple[str, str], ...] = ()  # (language, name) the page states
    translation_key: str | None = None
    affiliation: str | None = None
    affiliations: tuple[tuple[str, str], ...] = ()  # a page giving it in several languages
    bio: str | None = None
    bios: tuple[tuple[str, str], ...] = ()  # a page holding its bio in several languages
    links: tuple[Link, ...] = ()
    talks: tuple[Talk, ...] = ()
    publications: tuple[Work, ...] = ()
    projects: tuple[Work, ...] = ()
    photo: str | None = None


def split_language(file_name: str) -> tuple[str, str | None]:
    """A file name's stem and its language suffix: ("huabing-zhao", "zh") for
    "huabing-zhao.zh.md", ("huabing-zhao", None) for "huabing-zhao.md". Only a tag Babel knows
    counts as a language ("jane.doe.md" has none)."""
    path = PurePath(file_name)
    stem = path.stem
    head, dot, tail = stem.rpartition(".")
    if dot and head and _LANGUAGE_TAG.fullmatch(tail) and known_language(tail):
        return head, tail.replace("_", "-").lower()
    return stem, None


def known_language(tag: str) -> bool:
    """Whether `tag` ("zh", "zh-CN", "pt_br") names a language Babel has data for."""
    try:
        Locale.parse(tag.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return False
    return True


def base_of(file: str) -> str:
    """The key a page shares with its translations: its folder and stem without suffix."""
    path = PurePath(file)
    stem, _ = split_language(path.name)
    return str(path.parent / stem).casefold()
