"""Which script a text is written in, as far as speakers' names and bios need to know: the
language of a page without a stated one (Han alone is Chinese, kana Japanese, Hangul Korean),
and whether two names are written in the same script at all."""

from __future__ import annotations

import unicodedata

from bot.domain.patterns import compiled

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
KANA = "\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f"
HANGUL = "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af"
_HAN_CHAR = compiled(f"[{HAN}]")
_KANA_CHAR = compiled(f"[{KANA}]")
_HANGUL_CHAR = compiled(f"[{HANGUL}]")
_LETTER = compiled(r"[^\W\d_]")
# Scripts by the first word of a letter's Unicode name; a Japanese name in kanji and one in
# kana are both "CJK" (a person's name in one script is comparable only within it).
_CJK_NAMES = frozenset(("CJK", "HIRAGANA", "KATAKANA", "HALFWIDTH"))


def is_han(text: str) -> bool:
    """Whether every letter of `text` is a Han character (and it has some): "赵化冰"."""
    letters = _LETTER.findall(text)
    return bool(letters) and all(_HAN_CHAR.fullmatch(ch) for ch in letters)


def has_han(text: str) -> bool:
    return _HAN_CHAR.search(text) is not None


def is_cjk(text: str) -> bool:
    """Whether `text` holds Han characters, kana or Hangul: a word matched anywhere in a
    heading, as these scripts write words without spaces between them."""
    return bool(_HAN_CHAR.search(text) or _KANA_CHAR.search(text) or _HANGUL_CHAR.search(text))


def guess_language(text: str) -> str | None:
    """The language a text is likely in: "ja" with kana, "ko" with Hangul, "zh" when mostly
    Han characters, "en" for Latin letters, None with no letters. Used only when neither the
    file name nor the front matter says."""
    letters = _LETTER.findall(text)
    if not letters:
        return None
    kana = sum(1 for ch in letters if _KANA_CHAR.fullmatch(ch))
    hangul = sum(1 for ch in letters if _HANGUL_CHAR.fullmatch(ch))
    han = sum(1 for ch in letters if _HAN_CHAR.fullmatch(ch))
    if hangul * 5 >= len(letters):
        return "ko"
    if kana and (kana + han) * 5 >= len(letters):
        return "ja"
    return "zh" if han * 3 >= len(letters) else "en"


def script_of(text: str) -> str | None:
    """The script most of a name's letters are written in ("LATIN", "CJK", "HANGUL",
    "CYRILLIC"...), or None for a text without letters."""
    counts: dict[str, int] = {}
    for letter in _LETTER.findall(text):
        script = _script(letter)
        counts[script] = counts.get(script, 0) + 1
    return max(counts, key=lambda s: counts[s]) if counts else None


def scripts_in(text: str) -> frozenset[str]:
    """Every script `text` has letters in: {"LATIN", "CJK"} for "从 SOFAMesh 到 Istio"."""
    return frozenset(_script(letter) for letter in _LETTER.findall(text))


def _script(letter: str) -> str:
    first = unicodedata.name(letter, "UNKNOWN").split(" ", 1)[0]
    return "CJK" if first in _CJK_NAMES else first
