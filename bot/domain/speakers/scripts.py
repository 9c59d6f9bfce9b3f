"""Which script a text is written in, as far as speakers' names and bios need to know."""

from __future__ import annotations

import re

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_CHAR = re.compile(f"[{HAN}]")
_LETTER = re.compile(r"[^\W\d_]")


def is_han(text: str) -> bool:
    """Whether every letter of `text` is a Han character (and it has some): "赵化冰"."""
    letters = _LETTER.findall(text)
    return bool(letters) and all(_HAN_CHAR.fullmatch(ch) for ch in letters)


def has_han(text: str) -> bool:
    return _HAN_CHAR.search(text) is not None


def guess_language(text: str) -> str | None:
    """The language a text is likely in: "zh" when mostly Han characters, "en" for Latin
    letters, None with no letters. Used only when neither the file name nor the front matter says."""
    letters = _LETTER.findall(text)
    if not letters:
        return None
    han = sum(1 for ch in letters if _HAN_CHAR.fullmatch(ch))
    return "zh" if han * 3 >= len(letters) else "en"
