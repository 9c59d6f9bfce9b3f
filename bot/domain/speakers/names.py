"""One key per person's name, whatever the case, the order or the spacing; whether two pages'
names could be one person's; and the slug a profile id is made of.

"Huabing Zhao", "Zhao Huabing", "ZHAO huabing" and "Huabing  Zhao" share a key; a name in Han
characters ("赵化冰") is its own key (spaces and middle dots dropped). A profile is found by the
key of any of its names.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from bot.domain.agenda import slugify
from bot.domain.patterns import compiled
from bot.domain.speakers.scripts import script_of

# What separates the parts of a name: spaces, middle dots, periods, commas, apostrophes, dashes.
NAME_SEPARATORS = compiled(r"[\s\u00b7\u30fb\u2027.,'’\-_]+")
# Latin letters Unicode does not decompose into a base letter and a mark, so a plain ASCII
# slug would drop them ("Weiß" would give "wei"): written out as people spell them in ASCII.
# Only these: a name in Han characters, kana or Hangul is never romanised into an id.
_LATIN_LETTERS = str.maketrans(
    {
        "ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O",
        "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th",
        "ı": "i", "ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T", "ŀ": "l", "Ŀ": "L", "ŋ": "ng",
        "Ŋ": "Ng", "ĸ": "k", "ſ": "s", "ƒ": "f",
    }
)  # fmt: skip


def folded(text: str) -> str:
    """`text` as names are compared: any case, accents dropped ("García" reads "garcia")."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFKC", bare).casefold()


def name_key(name: str) -> str:
    """The matching key of a person's name (empty for a name with no letters)."""
    text = unicodedata.normalize("NFKC", name).casefold().strip()
    parts = [p for p in NAME_SEPARATORS.split(text) if p]
    if not parts:
        return ""
    if all(_is_han(p) for p in parts):
        return "".join(parts)
    return " ".join(sorted(parts))


def name_slug(name: str) -> str:
    """The slug of a person's name for their profile id: "Jürgen Weiß" gives "jurgen-weiss",
    "Søren Łukasz" "soren-lukasz"; empty for a name without Latin letters."""
    return slugify(name.translate(_LATIN_LETTERS))


def share_a_name(mine: Iterable[str], theirs: Iterable[str]) -> bool:
    """Whether two lists of names hold one name (in any order or case)."""
    keys = {name_key(n) for n in mine} - {""}
    return bool(keys & {name_key(n) for n in theirs})


def names_compatible(mine: Iterable[str], theirs: Iterable[str]) -> bool:
    """Whether two pages' names could be one person's: they share a name (in any order or
    case), or they never name the person in the same script ("Yu Zhang" and "张宇"). Two
    different names in one script ("Alice One" and "Alice Wong", "王博" and "李伟") are two
    people."""
    mine, theirs = list(mine), list(theirs)
    if share_a_name(mine, theirs):
        return True
    scripts = {script_of(n) for n in mine} - {None}
    return not scripts & ({script_of(n) for n in theirs} - {None})


def bears_a_name(handle: str, names: Iterable[str]) -> bool:
    """Whether an account's handle is made of a name's parts ("zhangyu" for Yu Zhang,
    "jweiss" for Jürgen Weiß): a part of three letters or more of a name in Latin letters."""
    folded = re.sub(r"[^a-z0-9]", "", handle.casefold())
    for name in names:
        parts = [p for p in name_slug(name).split("-") if len(p) >= 3]
        if any(part in folded for part in parts):
            return True
    return False


def _is_han(text: str) -> bool:
    return all("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)
