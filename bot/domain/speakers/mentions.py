"""Where a profile's name is written in a text: as whole words, in either order and any case
("Huabing Zhao", "ZHAO huabing"), or in Han characters ("赵化冰") not run into other Han
characters. A name found inside a longer word never counts: a profile "Li" is not in
"Lightning", and "李明" is not in "李明亮".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise

from bot.domain.patterns import compiled
from bot.domain.speakers.names import name_key
from bot.domain.speakers.profile import Profile
from bot.domain.speakers.scripts import HAN, is_han

# Words as names are split into them (name_key's separators), Han characters aside.
_TOKEN = compiled(f"[^\\W\\d_{HAN}]+")
# What may stand between the words of one name: a space, a hyphen, a dot, a middle dot.
_WITHIN_NAME = compiled(r"[\s.\-·'’]{1,3}")
_HAN_CHAR = compiled(f"[{HAN}]")


@dataclass(frozen=True, slots=True)
class Mention:
    """A name found in a text: where it is, and whose."""

    start: int
    end: int
    profile_id: str


class NameIndex:
    """Every name of every profile, ready to be looked up or searched for in text."""

    def __init__(self, profiles: Mapping[str, Profile]) -> None:
        self._by_key: dict[str, str | None] = {}  # None: two profiles share the key
        self._latin: dict[int, dict[tuple[str, ...], str]] = {}  # words -> sorted key -> id
        self._han: list[tuple[str, str]] = []
        for profile in profiles.values():
            for name in dict.fromkeys(profile.names or (profile.name,)):
                self._add(name, profile.id)

    def _add(self, name: str, profile_id: str) -> None:
        key = name_key(name)
        if not key:
            return
        held = self._by_key.get(key, profile_id)
        self._by_key[key] = profile_id if held == profile_id else None
        if is_han(name):
            han = "".join(_HAN_CHAR.findall(name))
            if len(han) >= 2:
                self._han.append((han, profile_id))
            return
        words = tuple(sorted(w.casefold() for w in _TOKEN.findall(name)))
        if len(words) >= 2:  # one word alone ("Li") is too common to look for in titles
            self._latin.setdefault(len(words), {})[words] = profile_id

    def __bool__(self) -> bool:
        return bool(self._by_key)

    def profile_named(self, name: str) -> str | None:
        """The profile one of whose names `name` is (any case, order or spacing)."""
        return self._by_key.get(name_key(name))

    def mentions(self, text: str) -> list[Mention]:
        """Every name of a profile written in `text`, in order, none overlapping."""
        found = [*self._latin_mentions(text), *self._han_mentions(text)]
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        kept: list[Mention] = []
        for mention in found:
            if not kept or mention.start >= kept[-1].end:
                kept.append(mention)
        return kept

    def _latin_mentions(self, text: str) -> Iterable[Mention]:
        if not self._latin:
            return
        tokens = list(_TOKEN.finditer(text))
        for size, names in self._latin.items():
            for first in range(len(tokens) - size + 1):
                window = tokens[first : first + size]
                if not all(
                    _WITHIN_NAME.fullmatch(text[a.end() : b.start()]) for a, b in pairwise(window)
                ):
                    continue
                words = tuple(sorted(t.group().casefold() for t in window))
                profile_id = names.get(words)
                if profile_id is not None:
                    yield Mention(window[0].start(), window[-1].end(), profile_id)

    def _han_mentions(self, text: str) -> Iterable[Mention]:
        for name, profile_id in self._han:
            start = text.find(name)
            while start >= 0:
                end = start + len(name)
                before = text[start - 1] if start else ""
                after = text[end] if end < len(text) else ""
                if not _HAN_CHAR.fullmatch(before or "a") and not _HAN_CHAR.fullmatch(after or "a"):
                    yield Mention(start, end, profile_id)
                start = text.find(name, start + 1)
