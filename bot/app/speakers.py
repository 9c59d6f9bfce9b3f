"""Speakers for every adapter: a profile by id or name, names for autocomplete, and the
sessions a speaker gives in the agendas someone may see."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping

from bot.domain.agenda import Schedule, Session
from bot.domain.speakers.names import NAME_SEPARATORS, folded, name_key
from bot.domain.speakers.profile import Profile

CLOSE_CUTOFF = 0.6  # how alike (difflib's ratio) a whole name must be to what was typed
PART_CUTOFF = 0.75  # how alike one part of a name ("Huabing") must be to one word typed
CLOSE_SHORTEST = 3  # fewer letters than this typed are matched exactly, never by likeness


def _parts(text: str) -> list[str]:
    return [part for part in NAME_SEPARATORS.split(folded(text)) if part]


def find_profile(speakers: Mapping[str, Profile], text: str) -> Profile | None:
    """The profile whose id is `text`, or one of whose names is `text` in any case, order,
    spacing or script ("Zhao Huabing", "赵化冰", "Souza, Ana"), accents aside ("Carlos Garcia"
    for Carlos García) when no name is written exactly so; None when nobody is."""
    found = speakers.get(text.strip())
    if found is not None:
        return found
    key = name_key(text)
    if not key:
        return None
    ordered = sorted(speakers.values(), key=lambda p: p.id)
    for profile in ordered:
        if any(name_key(name) == key for name in profile.names):
            return profile
    bare = name_key(folded(text))
    for profile in ordered:
        if any(name_key(folded(name)) == bare for name in profile.names):
            return profile
    return None


def search_profiles(speakers: Mapping[str, Profile], query: str, limit: int = 25) -> list[Profile]:
    """Profiles for what was typed, best first: a name it is (in any order, case, spacing or
    accents: every name `find_profile` takes), names it starts (each word typed starting a
    word of the name: "Zhao Hua"), names or ids containing it, then names spelt alike
    ("Huabnig"). Every profile, by name, for an empty query."""
    ordered = sorted(speakers.values(), key=lambda p: (p.name.casefold(), p.id))
    if not query.strip():
        return ordered[:limit]
    tiers: list[list[Profile]] = [[], [], [], []]
    close: list[tuple[float, Profile]] = []
    for profile in ordered:
        tier = _tier(profile, query)
        if tier is not None:
            tiers[tier].append(profile)
            continue
        ratio = _likeness(profile, query)
        if ratio is not None:
            close.append((ratio, profile))
    close.sort(key=lambda pair: -pair[0])
    tiers[3] = [profile for _, profile in close]
    return [profile for tier in tiers for profile in tier][:limit]


def _tier(profile: Profile, query: str) -> int | None:
    """0: a name of the profile is `query`; 1: one starts with it; 2: one (or the id)
    contains it; None: none does."""
    keys = {name_key(query), name_key(folded(query))} - {""}
    if any(name_key(n) in keys or name_key(folded(n)) in keys for n in profile.names):
        return 0
    typed = " ".join(_parts(query))
    solid = typed.replace(" ", "")
    names = [" ".join(_parts(name)) for name in profile.names]
    words = _parts(query)
    if any(n.startswith(typed) or _starts_words(words, n.split()) for n in names):
        return 1
    if any(typed in n or solid in n.replace(" ", "") for n in names) or solid in profile.id:
        return 2
    return None


def _starts_words(typed: list[str], words: list[str]) -> bool:
    """Whether every word typed starts a word of the name, each a different one."""
    left = list(words)
    for part in sorted(typed, key=len, reverse=True):
        found = next((w for w in left if w.startswith(part)), None)
        if found is None:
            return False
        left.remove(found)
    return bool(typed)


def _likeness(profile: Profile, query: str) -> float | None:
    """How alike a name of the profile is spelt to `query` (difflib's ratio: whole names in
    any order, or one word typed against one part of a name), when alike enough."""
    typed = " ".join(_parts(query))
    if len(typed.replace(" ", "")) < CLOSE_SHORTEST:
        return None
    wanted = {typed, name_key(typed)} - {""}
    best = 0.0
    for name in profile.names:
        spellings = {" ".join(_parts(name)), name_key(folded(name))}
        for spelling in spellings:
            for w in wanted:
                ratio = difflib.SequenceMatcher(None, w, spelling).ratio()
                if ratio >= CLOSE_CUTOFF:
                    best = max(best, ratio)
        if " " not in typed:
            for part in _parts(name):
                if len(part) >= CLOSE_SHORTEST:
                    ratio = difflib.SequenceMatcher(None, typed, part).ratio()
                    if ratio >= PART_CUTOFF:
                        best = max(best, ratio)
    return best or None


def sessions_of(profile: Profile, schedules: Iterable[Schedule]) -> list[tuple[Schedule, Session]]:
    """The sessions `profile` speaks at in `schedules` (linked by `Speaker.profile`), by start."""
    found = [
        (schedule, session)
        for schedule in schedules
        for session in schedule.sessions
        if any(speaker.profile == profile.id for speaker in session.speakers)
    ]
    found.sort(key=lambda pair: (pair[1].start, pair[0].id, pair[1].id))
    return found
