"""Speakers for every adapter: a profile by id or name, names for autocomplete, and the
sessions a speaker gives in the agendas someone may see."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from bot.domain.agenda import Schedule, Session
from bot.domain.speakers.names import name_key
from bot.domain.speakers.profile import Profile


def find_profile(speakers: Mapping[str, Profile], text: str) -> Profile | None:
    """The profile whose id is `text`, or one of whose names is `text` in any case, order or
    script ("Zhao Huabing", "赵化冰"); None when nobody is."""
    found = speakers.get(text.strip())
    if found is not None:
        return found
    key = name_key(text)
    if not key:
        return None
    for profile in speakers.values():
        if any(name_key(name) == key for name in profile.names):
            return profile
    return None


def search_profiles(speakers: Mapping[str, Profile], query: str, limit: int = 25) -> list[Profile]:
    """Profiles with a name containing `query` (any case, any of their names), those whose
    name starts with it first; every profile, by name, for an empty query."""
    wanted = query.strip().casefold()
    starts: list[Profile] = []
    contains: list[Profile] = []
    for profile in sorted(speakers.values(), key=lambda p: p.name.casefold()):
        names = [n.casefold() for n in profile.names]
        if not wanted or any(n.startswith(wanted) for n in names):
            starts.append(profile)
        elif any(wanted in n for n in names) or wanted in profile.id:
            contains.append(profile)
    return (starts + contains)[:limit]


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
