"""Sessions linked to the people who give them: `Speaker.profile` set wherever a speaker is
someone with a profile, by any of their names.

Agenda pages do not always put the speaker in a column of their own: "Full-stack service
grid-Aeraki helps you manage any seven-tier traffic in Istio Huabing Zhao Senior Engineer,
Tencent Cloud" is one cell. When a session has no speaker and its title holds the name of
someone with a profile, the title is cut there: the title before it, the person, and what
follows as their affiliation. Only when what follows reads as an affiliation (capitalised
words, a parenthesis, or after a dash or comma), never in the middle of a sentence ("Ask
Huabing Zhao anything" stays as it is). Names written one after the other ("Panel: Jane Doe
& Wei Li", "…, Jane Doe (Acme), Wei Li") are cut out together, each a speaker; what follows a
name is never taken for an affiliation when it starts another name ("& Wei Li").

A session's `id` is never changed (nor `series_id`, nor `recurrence_id`): ids stay what
they were when a speaker page is added later, so stars, reminders and calendars keep them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from itertools import pairwise

from bot.domain.agenda import Schedule, Session, Speaker
from bot.domain.patterns import compiled
from bot.domain.speakers.mentions import Mention, NameIndex
from bot.domain.speakers.profile import Profile
from bot.domain.speakers.scripts import is_han

# What separates a title from the name after it, or a name from its affiliation.
_SEPARATORS = " \t-–—:：|,，/·•@"
# Words before a name that make it part of the title ("Fireside chat with Huabing Zhao").
_JOINING = compiled(
    r"(?i)(?:\b(?:with|by|and|featuring|feat\.?|ft\.?|from|meet|ask|w/)|&|和|与|對話|对话|专访|邀请)\s*$"
)
_PAREN = compiled(r"^[(（]([^()（）]+)[)）]")
_PAREN_ANYWHERE = compiled(r"[(（]([^()（）]+)[)）]")
# Lowercase words an affiliation may hold ("Head of Cloud at Acme", "Universidad de Chile").
_SMALL_WORDS = frozenset(("of", "and", "at", "for", "the", "de", "du", "la", "&", "in", "y"))
_SENTENCE_END = compiled(r"[.?!。？！]\s*$")
# What stands between two names of one list ("Jane Doe & Wei Li", "Jane Doe (Acme), Wei Li"),
# and what makes the text after a name the start of another person, not an affiliation.
_BETWEEN_NAMES = compiled(
    r"\s*(?:[(（](?P<aff>[^()（）]+)[)）])?\s*(?:&|\band\b|\bund\b|、|[,，;；/]|和|与)\s*",
    re.IGNORECASE,
)
_NEXT_PERSON = compiled(r"(?i)^(?:&|and\b|und\b|、|[;；]|和|与)")


def link_schedules(
    schedules: Mapping[str, Schedule], profiles: Mapping[str, Profile]
) -> dict[str, Schedule]:
    """Every schedule linked to `profiles` (see `link_schedule`), by id."""
    index = NameIndex(profiles)
    return {key: link_with(schedule, index) for key, schedule in schedules.items()}


def link_schedule(schedule: Schedule, profiles: Mapping[str, Profile]) -> Schedule:
    """`schedule` with `Speaker.profile` set on every speaker who has a profile, in its
    sessions, its series and their overrides; a speaker named in a title without a speaker
    becomes one. The schedule itself when nothing changes."""
    return link_with(schedule, NameIndex(profiles))


def link_with(schedule: Schedule, index: NameIndex) -> Schedule:
    """`link_schedule` with the names already indexed (one index for many schedules)."""
    if not index:
        return schedule
    sessions = _linked_all(schedule.sessions, index)
    series = _linked_all(schedule.series, index)
    overrides = _linked_all(schedule.overrides, index)
    if (sessions, series, overrides) == (schedule.sessions, schedule.series, schedule.overrides):
        return schedule
    return replace(schedule, sessions=sessions, series=series, overrides=overrides)


def _linked_all(sessions: tuple[Session, ...], index: NameIndex) -> tuple[Session, ...]:
    linked = tuple(linked_session(session, index) for session in sessions)
    return sessions if linked == sessions else linked


def linked_session(session: Session, index: NameIndex) -> Session:
    """One session linked (see the module's description)."""
    if session.speakers:
        speakers = tuple(_linked_speaker(s, index) for s in session.speakers)
        session = session if speakers == session.speakers else replace(session, speakers=speakers)
        return _without_named_speakers(session, index)
    found = _speakers_in_title(session.title, index)
    if found is None:
        return session
    title, speakers = found
    profile_id = speakers[0].profile or ""
    titles = tuple(
        (language, _title_without(text, profile_id, index)) for language, text in session.titles
    )
    return replace(session, title=title, speakers=speakers, titles=titles)


def _without_named_speakers(session: Session, index: NameIndex) -> Session:
    """A session whose title still holds the name of one of its linked speakers (an agenda
    merged from two languages takes its speakers from the page that put them in a column)
    with the name cut out of the title; the speaker then reads as the title wrote them when
    their entry is in another script (the title is in the agenda's own language)."""
    linked = [s.profile for s in session.speakers if s.profile is not None]
    for profile_id in dict.fromkeys(linked):
        found = _speakers_in_title(session.title, index, only=profile_id)
        if found is None:
            continue
        title, named_all = found
        named = next(s for s in named_all if s.profile == profile_id)
        speakers = tuple(
            named if s.profile == profile_id and is_han(s.name) != is_han(named.name) else s
            for s in session.speakers
        )
        titles = tuple(
            (language, _title_without(text, profile_id, index)) for language, text in session.titles
        )
        session = replace(session, title=title, speakers=speakers, titles=titles)
    return session


def _linked_speaker(speaker: Speaker, index: NameIndex) -> Speaker:
    """The speaker with their profile: by their whole name, by the name outside or inside
    parentheses ("Ding Shaojun (Iris Ding)"), or by a name their entry starts with when the
    rest is their affiliation ("Zhong Luyao Intel")."""
    profile_id = index.profile_named(speaker.name)
    if profile_id is None:
        outside = _PAREN_ANYWHERE.sub(" ", speaker.name).strip()
        inside = [m.group(1) for m in _PAREN_ANYWHERE.finditer(speaker.name)]
        for candidate in (outside, *inside):
            profile_id = profile_id or index.profile_named(candidate)
    if profile_id is not None:
        return speaker if speaker.profile == profile_id else replace(speaker, profile=profile_id)
    mentions = index.mentions(speaker.name)
    if mentions and mentions[0].start == 0:
        rest = speaker.name[mentions[0].end :]
        affiliation = _affiliation(rest)
        if affiliation is not None and (speaker.affiliation is None or not affiliation):
            return Speaker(
                speaker.name[: mentions[0].end],
                affiliation or speaker.affiliation,
                mentions[0].profile_id,
            )
    return speaker


def _speakers_in_title(
    title: str, index: NameIndex, only: str | None = None
) -> tuple[str, tuple[Speaker, ...]] | None:
    """The title without the names written in it, and their speakers; the last names in the
    title (one, or several written one after the other) that can be cut out cleanly (holding
    the profile `only`, when given), or None."""
    for chain in reversed(_name_lists(title, index.mentions(title))):
        if only is not None and all(mention.profile_id != only for mention in chain):
            continue
        first, last = chain[0], chain[-1]
        listed = tuple(
            Speaker(
                title[a.start : a.end], _listed_affiliation(title[a.end : b.start]), a.profile_id
            )
            for a, b in pairwise(chain)
        )
        name = title[last.start : last.end]
        before = title[: first.start].rstrip(_SEPARATORS)
        after = title[last.end :]
        if not before:
            # "Huabing Zhao: Title", "Huabing Zhao (Tetrate) - Title"
            paren = _PAREN.match(after.strip())
            rest = after.strip()[paren.end() :] if paren else after
            if not rest.strip() or rest.strip()[:1] not in _SEPARATORS.strip():
                continue
            affiliation = paren.group(1).strip() if paren else None
            return rest.strip(_SEPARATORS), (*listed, Speaker(name, affiliation, last.profile_id))
        if _JOINING.search(title[: first.start]):
            continue  # the names are part of the title
        found = _affiliation(after)
        if found is None:
            continue
        return before, (*listed, Speaker(name, found or None, last.profile_id))
    return None


def _name_lists(title: str, mentions: list[Mention]) -> list[list[Mention]]:
    """The mentions in `title`, those written one after the other ("Jane Doe & Wei Li")
    together."""
    lists: list[list[Mention]] = []
    for mention in mentions:
        if lists and _BETWEEN_NAMES.fullmatch(title[lists[-1][-1].end : mention.start]):
            lists[-1].append(mention)
        else:
            lists.append([mention])
    return lists


def _listed_affiliation(between: str) -> str | None:
    """The affiliation in parentheses between two listed names ("(Acme)" in "Jane Doe (Acme) &
    Wei Li"), if any."""
    match = _BETWEEN_NAMES.fullmatch(between)
    aff = match.group("aff") if match else None
    return aff.strip() if aff else None


def _affiliation(after: str) -> str | None:
    """What follows a name as an affiliation ("" for nothing at all), or None when it reads
    as the rest of a sentence."""
    text = after.strip()
    if not text:
        return ""
    paren = _PAREN.fullmatch(text)
    if paren:
        return paren.group(1).strip()
    if text[0] in "'’":  # "Huabing Zhao's Lab": the name belongs to the title
        return None
    if _NEXT_PERSON.match(text):  # "Jane Doe & Wei Li": another person, not a company
        return None
    if text[0] in _SEPARATORS:
        return text.strip(_SEPARATORS) or ""
    if _SENTENCE_END.search(text):
        return None
    words = text.split()
    if len(words) > 10:
        return None
    for word in words:
        bare = word.strip(",，()（）")
        if not bare:
            continue
        if bare[0].islower() and bare.casefold() not in _SMALL_WORDS:
            return None
    return text.strip(_SEPARATORS)


def _title_without(text: str, profile_id: str, index: NameIndex) -> str:
    """A title in another language with the same person's name cut out, when it holds it."""
    found = _speakers_in_title(text, index, only=profile_id)
    return found[0] if found is not None else text
