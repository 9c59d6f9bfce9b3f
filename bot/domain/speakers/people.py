"""Speaker pages into people: the pages of one person (a page and its translations) merged
into one profile, each with a stable id.

Pages are one person's when their files differ only by a language suffix (`x.md`,
`x.zh.md`), when their front matter gives the same `translationKey`, or when they share an
e-mail address or another link. Merged, the person has every name from every page (the display
name is the primary page's: the one without a suffix), a bio per language, and one list of
talks in which a talk both pages list appears once (same year and same slides or video, or the
same title).

Two pages of one person in the same language, or two people going by the same name, are a
"duplicate person": the later file (by path) is reported and left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from bot.domain.agenda import Link, primary_language, slugify, text_key, unique_ids
from bot.domain.diagnostics import Diagnostic, Severity
from bot.domain.speakers.contact_links import link_key
from bot.domain.speakers.names import name_key
from bot.domain.speakers.page import SpeakerPage
from bot.domain.speakers.profile import Profile, Talk, Work
from bot.domain.speakers.scripts import is_han


@dataclass(frozen=True, slots=True)
class SpeakerBook:
    """Every profile read, by id; which profile each page went into (by file); the problems
    found merging (duplicates)."""

    profiles: Mapping[str, Profile]
    page_profiles: Mapping[str, str]
    diagnostics: tuple[Diagnostic, ...] = ()


def profiles_from(pages: Iterable[SpeakerPage]) -> SpeakerBook:
    """The people `pages` describe. Ids are slugs of the display names (`huabing-zhao`),
    numbered in file order when two differ only in what a slug drops; a page added or edited
    never changes another person's id unless it takes their name."""
    ordered = sorted(pages, key=lambda p: p.source.file)
    diagnostics: list[Diagnostic] = []
    people: list[list[SpeakerPage]] = []
    claimed: dict[str, SpeakerPage] = {}  # name key -> the page that named it first
    for group in _groups(ordered):
        kept = _one_per_language(group, diagnostics)
        clash = next(
            (claimed[key] for key in _keys(kept) if key in claimed),
            None,
        )
        if clash is not None:
            page = kept[0]
            diagnostics.append(
                Diagnostic(
                    page.source.file,
                    page.source.line,
                    f"duplicate person: {clash.source.file} is already {clash.name}'s page; "
                    "this one is ignored (give both the same translationKey if they are one "
                    "person's pages in two languages)",
                    Severity.ERROR,
                )
            )
            continue
        for key in _keys(kept):
            claimed[key] = kept[0]
        people.append(kept)
    ids = unique_ids(_id_key(group) for group in people)
    profiles: dict[str, Profile] = {}
    page_profiles: dict[str, str] = {}
    for profile_id, group in zip(ids, people, strict=True):
        profiles[profile_id] = _profile(profile_id, group)
        for page in group:
            page_profiles[page.source.file] = profile_id
    return SpeakerBook(profiles, page_profiles, tuple(diagnostics))


def _groups(pages: Sequence[SpeakerPage]) -> list[list[SpeakerPage]]:
    """Pages of one person together (union of: same base file, same translationKey, a shared
    link), each group in file order with the primary page first, groups by their first file."""
    parent = list(range(len(pages)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        parent[max(root(i), root(j))] = min(root(i), root(j))

    first: dict[str, int] = {}
    for index, page in enumerate(pages):
        keys = [f"base:{page.base}"]
        if page.translation_key:
            keys.append(f"key:{page.translation_key.casefold()}")
        keys += [f"link:{link_key(link)}" for link in page.links]
        for key in keys:
            if key in first:
                join(first[key], index)
            else:
                first[key] = index
    groups: dict[int, list[SpeakerPage]] = {}
    for index, page in enumerate(pages):
        groups.setdefault(root(index), []).append(page)
    return [_primary_first(group) for _, group in sorted(groups.items())]


def _primary_first(group: list[SpeakerPage]) -> list[SpeakerPage]:
    """The page without a language suffix leads, else an English one, else the first."""
    rank = {id(p): (p.suffixed, primary_language(p.language) != "en") for p in group}
    return sorted(group, key=lambda p: rank[id(p)])


def _one_per_language(group: list[SpeakerPage], diagnostics: list[Diagnostic]) -> list[SpeakerPage]:
    kept: list[SpeakerPage] = []
    for page in group:
        same = next(
            (k for k in kept if primary_language(k.language) == primary_language(page.language)),
            None,
        )
        if same is None:
            kept.append(page)
            continue
        diagnostics.append(
            Diagnostic(
                page.source.file,
                page.source.line,
                f"duplicate person: {same.source.file} already gives {same.name}'s page in "
                f"{same.language or 'this language'}; this one is ignored",
                Severity.ERROR,
            )
        )
    return kept


def _keys(group: Sequence[SpeakerPage]) -> list[str]:
    return [k for page in group for name in _names_of(page) if (k := name_key(name))]


def _names_of(page: SpeakerPage) -> list[str]:
    return [page.name, *page.other_names, *(name for _, name in page.names_by_language)]


def _id_key(group: Sequence[SpeakerPage]) -> str:
    """The id a person asks for: a slug of the display name, else of another name written in
    Latin letters, else of the file's name ("赵化冰.md" gives a digest)."""
    primary = group[0]
    for name in [primary.name, *(n for page in group for n in _names_of(page))]:
        if slug := slugify(name):
            return slug
    stem = re.split(r"[\\/]", primary.base)[-1]
    return slugify(stem) or text_key(primary.name, "speaker")


def _profile(profile_id: str, group: Sequence[SpeakerPage]) -> Profile:
    primary = group[0]
    names = _unique_texts(n for page in group for n in _names_of(page))
    by_language = _first_per_language(
        [(p.language, p.name) for p in group if p.language]
        + [pair for p in group for pair in p.names_by_language]
        + [("zh", name) for name in names if is_han(name)]  # "Li Wei (李伟)"
    )
    bios = _first_per_language(
        [pair for p in group for pair in p.bios]
        + [(p.language or "", p.bio) for p in group if p.bio]
    )
    affiliation = next((p.affiliation for p in group if p.affiliation), None)
    stated = [(p.language, p.affiliation) for p in group if p.language and p.affiliation]
    affiliations = _first_per_language(stated) if len({a for _, a in stated}) > 1 else ()
    return Profile(
        id=profile_id,
        name=primary.name,
        names=tuple(names),
        source=primary.source,
        language=primary.language,
        affiliation=affiliation,
        affiliations=affiliations,
        bios=bios,
        links=tuple(_unique_links(link for page in group for link in page.links)),
        talks=merged_talks(primary.talks, [(p.language, p.talks) for p in group[1:]]),
        publications=_merged_works(page.publications for page in group),
        projects=_merged_works(page.projects for page in group),
        photo=next((p.photo for p in group if p.photo), None),
        names_by_language=by_language,
        sources=tuple(p.source for p in group),
    )


def merged_talks(
    primary: Sequence[Talk], others: Sequence[tuple[str | None, Sequence[Talk]]]
) -> tuple[Talk, ...]:
    """The primary page's talks with those of its translations: a talk both list is one (same
    year and the same slides or video, or the same title), with the other page's title kept
    among its `titles` and what the primary left empty (a city, a video) filled in. Talks only
    a translation lists follow, and the whole list is newest first when the primary's was."""
    merged = list(primary)
    for language, talks in others:
        for talk in talks:
            index = next((i for i, t in enumerate(merged) if same_talk(t, talk)), None)
            if index is None:
                merged.append(talk)
                continue
            merged[index] = _combined(merged[index], talk, language)
    years = [t.year or 0 for t in primary]
    if years == sorted(years, reverse=True):
        merged.sort(key=lambda t: -(t.year or 0))
    return tuple(merged)


def same_talk(a: Talk, b: Talk) -> bool:
    """Whether two lines of talk history are one talk (see `merged_talks`)."""
    if a.year == b.year and (
        (a.slides and a.slides == b.slides) or (a.video and a.video == b.video)
    ):
        return True
    return _folded(a.title) == _folded(b.title) and (a.year is None or b.year in (None, a.year))


def _combined(mine: Talk, theirs: Talk, language: str | None) -> Talk:
    titles = mine.titles
    differs = _folded(theirs.title) != _folded(mine.title)
    if language and differs and not any(lang == language for lang, _ in titles):
        titles = (*titles, (language, theirs.title))
    return replace(
        mine,
        year=mine.year or theirs.year,
        city=mine.city or theirs.city,
        event=mine.event or theirs.event,
        event_url=mine.event_url or theirs.event_url,
        url=mine.url or theirs.url,
        slides=mine.slides or theirs.slides,
        video=mine.video or theirs.video,
        titles=titles,
    )


def _merged_works(lists: Iterable[Sequence[Work]]) -> tuple[Work, ...]:
    merged: list[Work] = []
    for works in lists:
        for work in works:
            keys = {link_key(link) for link in work.links}
            if not any(
                _folded(w.title) == _folded(work.title) or keys & {link_key(x) for x in w.links}
                for w in merged
            ):
                merged.append(work)
    return tuple(merged)


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


def _unique_texts(texts: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    kept = []
    for text in texts:
        if _folded(text) not in seen:
            seen.add(_folded(text))
            kept.append(text)
    return kept


def _unique_links(links: Iterable[Link]) -> list[Link]:
    seen: set[str] = set()
    kept = []
    for link in links:
        if link_key(link) not in seen:
            seen.add(link_key(link))
            kept.append(link)
    return kept


def _first_per_language(pairs: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    seen: set[str | None] = set()
    kept = []
    for language, text in pairs:
        wanted = primary_language(language)
        if wanted not in seen:
            seen.add(wanted)
            kept.append((language, text))
    return tuple(kept)
