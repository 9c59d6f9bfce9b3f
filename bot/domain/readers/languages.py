"""Which language an agenda file is written in.

An agenda may be published in several languages, one file each (`meetup.md` and
`meetup.zh.md`, as Hugo names translations). Each file's language is, strongest first: what
the page declares (front matter `lang`, `language` or `languageCode`, an HTML page's
`<html lang>`, the native format's `language:`), the language suffix of its name, and the script
its titles are written in (Han → zh, kana → ja, Hangul → ko, Cyrillic → ru, Latin → en).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from functools import cache
from pathlib import PurePath

from babel import localedata

from bot.domain.agenda import Schedule
from bot.domain.patterns import compiled

# "zh", "zh-CN", "zh_Hans", "pt-br", "sr-Latn-RS": a primary subtag, then script/region subtags.
_TAG = compiled(r"^([A-Za-z]{2,3})((?:[-_][A-Za-z0-9]{2,8})*)$")
# Front matter fields that declare a page's language (keys are lower-cased by the reader).
LANGUAGE_FIELDS = ("lang", "language", "languagecode")


@cache
def _known(primary: str) -> bool:
    return localedata.exists(primary)


def language_tag(text: object, *, two_letters: bool = False) -> str | None:
    """`text` as a language tag in its usual spelling ("zh-CN", "zh-Hans", "en"), or None when
    it is none a reader knows. With `two_letters`, only ISO 639-1 languages count (what a file
    name's suffix may be: "meetup.new.md" is not Newari)."""
    if not isinstance(text, str):
        return None
    match = _TAG.match(text.strip())
    if match is None:
        return None
    primary = match.group(1).lower()
    if (two_letters and len(primary) != 2) or not _known(primary):
        return None
    parts = [primary]
    for sub in re.split(r"[-_]", match.group(2))[1:]:
        if len(sub) == 2 and sub.isalpha():
            parts.append(sub.upper())  # a region: CN, BR
        elif len(sub) == 4 and sub.isalpha():
            parts.append(sub.title())  # a script: Hans, Latn
        else:
            parts.append(sub.lower())
    return "-".join(parts)


def declared_language(fields: Mapping[str, object]) -> str | None:
    """The language a page's front matter (or an HTML page's `<html lang>`) declares."""
    for name in LANGUAGE_FIELDS:
        tag = language_tag(fields.get(name))
        if tag is not None:
            return tag
    return None


def split_language_suffix(name: str) -> tuple[str, str | None]:
    """A file name without its folder, format suffix and language suffix, and that language:
    "content/meetup.zh-cn.md" → ("meetup", "zh-CN"); "index.md" → ("index", None)."""
    stem = PurePath(name).stem
    head, dot, tail = stem.rpartition(".")
    if dot and head:
        tag = language_tag(tail, two_letters=True)
        if tag is not None:
            return head, tag
    return stem, None


def suffix_language(name: str) -> str | None:
    """The language suffix of a file name ("meetup.zh.md" → "zh"), if it has one."""
    return split_language_suffix(name)[1]


# Letters of each script a title may be written in; kana and Hangul before Han, whose
# characters Japanese and Korean titles hold too.
_SCRIPTS = {
    "ja": compiled(r"[\u3040-\u30ff\u31f0-\u31ff]"),
    "ko": compiled(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]"),
    "han": compiled(r"[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff]"),
    "ru": compiled(r"[\u0400-\u04ff]"),
    "latin": compiled(r"[A-Za-z\u00c0-\u024f]"),
}
# A CJK character says about as much as a few Latin letters: "使用 eBPF 加速 Istio/Envoy 网络"
# is a Chinese title however many product names it holds.
_CJK_WEIGHT = 3
# The titles' first characters tell the script as well as all of them (a 10,000-session agenda
# is read in time).
_SAMPLE = 20_000


def script_language(texts: Iterable[str]) -> str | None:
    """The language the script of `texts` says: Chinese for Han characters, Japanese when kana
    stand among them, Korean for Hangul, Russian for Cyrillic, English for Latin letters
    (a page in another Latin-script language declares it, or says it in its file name)."""
    sample: list[str] = []
    size = 0
    for text in texts:
        sample.append(text)
        size += len(text)
        if size >= _SAMPLE:
            break
    joined = "\n".join(sample)
    if joined.isascii():  # no other script to weigh: Latin letters or nothing
        return "en" if _SCRIPTS["latin"].search(joined) else None
    counts = {script: len(pattern.findall(joined)) for script, pattern in _SCRIPTS.items()}
    weighted = {
        script: count * (_CJK_WEIGHT if script in ("ja", "ko", "han") else 1)
        for script, count in counts.items()
    }
    if counts["ja"]:
        weighted["ja"] += weighted.pop("han")  # kanji among kana are Japanese
    best = max(weighted, key=lambda s: (weighted[s], s))
    if not weighted[best]:
        return None
    return {"han": "zh", "latin": "en"}.get(best, best)


def schedule_texts(schedule: Schedule) -> list[str]:
    """The titles a schedule's language is told from."""
    return [
        schedule.title,
        *(s.title for s in schedule.sessions),
        *(s.title for s in schedule.series),
    ]


def with_language(schedule: Schedule, file_name: str) -> Schedule:
    """`schedule` with its language set: as its page declared it, else from the language
    suffix of `file_name`, else from the script of its titles."""
    if schedule.language is not None:
        return schedule
    found = suffix_language(file_name) or script_language(schedule_texts(schedule))
    return schedule if found is None else replace(schedule, language=found)


def translation_key_of(text: str) -> str | None:
    """A Markdown page's front matter `translationKey` (Hugo's: the pages sharing one are
    translations of each other); None when it has none or its front matter is broken."""
    from bot.domain.readers.markdown.front_matter import (  # noqa: PLC0415 - only for pages
        FrontMatterError,
        split_front_matter,
    )

    if not text.startswith(("---", "+++")) or "translationkey" not in text.lower():
        return None  # (the key must be written out: most pages need no second parse)
    try:
        fields = split_front_matter(text).fields
    except FrontMatterError:
        return None  # reported by the reader
    value = fields.get("translationkey")
    if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
        return str(value).strip()
    return None
