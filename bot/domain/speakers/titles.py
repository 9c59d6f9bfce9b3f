"""Whose page a title or a first heading says it is: a name ("Li Wei (李伟)"), a greeting with
one ("Hi, I'm Priya Raman 👋", "Hello! I am Kofi", "你好，我是张宇", "こんにちは、田中太郎です"),
"About X", or nobody's ("Talks", "About me", "Hi there 👋", a Jekyll page's `title: Talks`).

Emoji and the greeting are dropped; what remains must read as a name, so a heading such as
"Hi, I'm a developer" names no one and the page's other places are asked.
"""

from __future__ import annotations

import re
import unicodedata

from bot.domain.patterns import compiled
from bot.domain.speakers.introductions import looks_like_name
from bot.domain.speakers.scripts import HAN, HANGUL, KANA
from bot.domain.speakers.sections import is_section_title

# "Hi,", "Hello!", "Hey there,", "你好，", "こんにちは、": words that greet, then punctuation.
_GREETING = compiled(
    r"(?i)^(?:(?:hi|hello|hey|hiya|howdy|greetings|welcome|hallo|moin|servus|hola|bonjour|"
    r"salut|olá|ola|oi|ciao)(?:\s+(?:there|all|everyone|everybody|folks|friends|world|"
    r"y'all|zusammen|a\s+todos|à\s+tous))?|你好|您好|大家好|嗨|哈喽|哈囉|こんにちは|"
    r"はじめまして|初めまして|안녕하세요|반갑습니다)(?:[\s,，!！.。、~～:：;-]+|$)"
)
# "I'm X", "My name is X", "Ich bin X", "我是X", "私はXです", "저는 X입니다".
_INTRODUCTION = compiled(
    r"(?i)^(?:I['’]m|I\s+am|my\s+name\s+is|my\s+name['’]s|this\s+is|it['’]s|call\s+me|"
    r"ich\s+bin|ich\s+heiße|je\s+suis|je\s+m['’]appelle|soy|me\s+llamo|sou|eu\s+sou|"
    r"mi\s+chiamo|我是|我叫|我的名字是|本人是?|私は|わたしは|僕は|ぼくは|저는|제\s*이름은)\s*"
)
_ABOUT = compiled(
    r"(?i)^(?:about|über|à\s+propos\s+de|a\s+propos\s+de|sobre|关于|關於|について)\s+(?=\S)"
)
# What follows a name in Japanese and Korean: "田中太郎です", "김민준입니다".
_COPULA = compiled(r"\s*(?:です|と申します|といいます|だよ|입니다|이에요|예요|라고\s*합니다)\s*$")
# Where a name in a greeting ends: punctuation, a dash, or what the author goes on to say.
_NAME_END = compiled(
    r"\s*(?:[,，!！。;；:：|—–]|(?<!\b[A-Z])\.|\s-\s|\s+(?:and|und|et|from|aus|a|an|the)\s).*$",
    re.I,
)
_ASIDE = compiled(r"^(?P<name>.+?)\s*[(（]\s*(?P<other>[^()（）]+?)\s*[)）]\s*$")
_CJK = f"[{HAN}{KANA}{HANGUL}]"
_CJK_NAME = compiled(f"{_CJK}{{2,6}}|{_CJK}{{1,4}}[ \u3000·・]{_CJK}{{1,6}}")


def title_name(text: str, *, strict: bool = False) -> tuple[str, tuple[str, ...]] | None:
    """The name a title or heading gives, and the names in parentheses beside it ("Li Wei
    (李伟)" gives ("Li Wei", ("李伟",))); None when it names nobody. A heading that is neither a
    greeting nor a section's name is the author's own title for the page and taken as written,
    unless `strict` (a front matter `title`, often the site's) asks that it read as a name."""
    text = _without_symbols(text)
    if not text or is_section_title(text):
        return None
    rest = text
    spoken = False
    while (greeting := _GREETING.match(rest)) is not None:
        rest, spoken = rest[greeting.end() :].strip(), True
    about = _ABOUT.match(rest)
    introduction = _INTRODUCTION.match(rest)
    if about is not None:
        rest, spoken = rest[about.end() :], True
    elif introduction is not None:
        rest, spoken = rest[introduction.end() :], True
    rest = _COPULA.sub("", rest)
    if not rest:
        return None
    return _plain(rest, spoken=spoken, strict=strict)


def _plain(text: str, *, spoken: bool, strict: bool) -> tuple[str, tuple[str, ...]] | None:
    """A name as the rest of a title: "Li Wei (李伟)", "Priya Raman"; `spoken` when it follows a
    greeting or "I'm", where the sentence may go on ("I'm Kofi, a developer")."""
    text = text.strip()
    if spoken:
        text = _NAME_END.sub("", text).strip()
    others: tuple[str, ...] = ()
    aside = _ASIDE.match(text)
    if aside is not None:
        text, others = aside.group("name").strip(), (aside.group("other").strip(),)
    if not text or is_section_title(text):
        return None
    if looks_like_name(text) or _CJK_NAME.fullmatch(text):
        return text, others
    if not (spoken or strict) and re.search(r"[^\W\d_]", text):
        return text, others
    return None


# Emoji are symbols; these join or modify them (variation selectors, tags, the zero-width
# joiner) and go with them.
_EMOJI_PARTS = compiled("[\ufe0e\ufe0f\u200d\u20e3\U000e0020-\U000e007f]")


def _without_symbols(text: str) -> str:
    """The text without emoji and pictographs ("Priya Raman 👋" -> "Priya Raman")."""
    text = _EMOJI_PARTS.sub("", unicodedata.normalize("NFC", text))
    kept = "".join(" " if unicodedata.category(ch) in ("So", "Sk", "Co") else ch for ch in text)
    return " ".join(kept.split())
