"""One key per person's name, whatever the case, the order or the spacing.

"Huabing Zhao", "Zhao Huabing", "ZHAO huabing" and "Huabing  Zhao" share a key; a name in Han
characters ("赵化冰") is its own key (spaces and middle dots dropped). A profile is found by the
key of any of its names.
"""

from __future__ import annotations

import re
import unicodedata

_SEPARATORS = re.compile(r"[\s\u00b7\u30fb\u2027.,'’\-_]+")


def name_key(name: str) -> str:
    """The matching key of a person's name (empty for a name with no letters)."""
    folded = unicodedata.normalize("NFKC", name).casefold().strip()
    parts = [p for p in _SEPARATORS.split(folded) if p]
    if not parts:
        return ""
    if all(_is_han(p) for p in parts):
        return "".join(parts)
    return " ".join(sorted(parts))


def _is_han(text: str) -> bool:
    return all("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)
