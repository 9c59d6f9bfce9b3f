"""Speaker pages into people: the pages of one person (a page and its translations) merged
into one profile, each with a stable id.

Pages are one person's when their files differ only by a language suffix (`x.md`,
`x.zh.md`), when their front matter gives the same `translationKey`, or when they share a
personal identifier (an e-mail address, a profile such as github.com/<user>) and their names
could be one person's. A link several people list (an organisation's profile, a meetup's page)
never makes two people one. Merged, the person has every name from every page (the display
name is the primary page's: the one without a suffix), a bio per language, and one list of
talks in which a talk both pages list appears once (same year and same slides or video, or the
same title).

Two pages of one person in the same language, or two people going by the same name, are a
"duplicate person": the later file (by path) is reported and left out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from bot.domain.agenda import Link, primary_language, text_key, unique_ids
from bot.domain.diagnostics import Diagnostic, Severity
from bot.domain.speakers.contact_links import link_key, personal_id
from bot.domain.speakers.names import (
    bears_a_name,
    name_key,
    name_slug,
    names_compatible,
    share_a_name,
)
from bot.domain.speakers.page import SpeakerPage
from bot.domain.speakers.profile import Profile, Talk, Work
from bot.domain.speakers.scripts import is_han, scripts_in


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
    """Pages of one person together, each group in file order with the primary page first,
    groups by their first file.

    Twins by file name (`x.md`, `x.zh.md`) and pages with one `translationKey` are one person
    as their author says. Pages sharing a personal identifier (`personal_id`: an e-mail
    address, a profile such as github.com/<user> that is the page's only one on that service)
    are one person only when their names could be one person's (`names_compatible`) and no
    account contradicts it (each naming its own on one service): co-organisers list the same
    organisation's profile, and two different people never merge."""
    parent = list(range(len(pages)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(pages))}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        low, high = sorted((root(i), root(j)))
        if low != high:
            parent[high] = low
            members[low] += members.pop(high)

    first: dict[str, int] = {}
    for index, page in enumerate(pages):
        keys = [f"base:{page.base}"]
        if page.translation_key:
            keys.append(f"key:{page.translation_key.casefold()}")
        for key in keys:
            if key in first:
                join(first[key], index)
            else:
                first[key] = index
    owners: dict[tuple[str, str], int] = {}
    for index, page in enumerate(pages):
        for identifier in _identifiers(page):
            other = owners.setdefault(identifier, index)
            if root(other) == root(index):
                continue
            mine = [pages[i] for i in members[root(index)]]
            theirs = [pages[i] for i in members[root(other)]]
            if _may_be_one(mine, theirs, identifier):
                join(other, index)
    groups: dict[int, list[SpeakerPage]] = {}
    for index, page in enumerate(pages):
        groups.setdefault(root(index), []).append(page)
    return [_primary_first(group) for _, group in sorted(groups.items())]


def _identifiers(page: SpeakerPage) -> list[tuple[str, str]]:
    """The page's personal identifiers: its e-mail addresses and WeChat ids, and each profile
    that is the page's only one on its service (a page listing two GitHub accounts lists an
    organisation's beside the author's, and neither tells who the author is)."""
    found = [i for link in page.links if (i := personal_id(link)) is not None]
    per_service = Counter(service for service, _ in found)
    return [
        (service, account)
        for service, account in dict.fromkeys(found)
        if service in ("email", "wechat") or per_service[service] == 1
    ]


def _may_be_one(
    mine: Sequence[SpeakerPage], theirs: Sequence[SpeakerPage], shared: tuple[str, str]
) -> bool:
    """Whether two groups of pages sharing the identifier `shared` are one person: their
    names could be one person's; on no service (other than e-mail, where people keep several
    addresses) does each list an account the other does not; and a profile shared by pages
    naming the person only in different scripts bears one of the names ("github.com/zhangyu"
    for Yu Zhang and 张宇, never "github.com/cloud-native-berlin")."""
    my_names = [n for p in mine for n in _names_of(p)]
    their_names = [n for p in theirs for n in _names_of(p)]
    if not names_compatible(my_names, their_names):
        return False
    accounts = _accounts(mine), _accounts(theirs)
    for service in accounts[0].keys() & accounts[1].keys():
        a, b = accounts[0][service], accounts[1][service]
        if a - b and b - a:
            return False
    service, account = shared
    if service in ("email", "wechat") or share_a_name(my_names, their_names):
        return True
    return bears_a_name(account.split("@", 1)[0], [*my_names, *their_names])


def _accounts(group: Sequence[SpeakerPage]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for page in group:
        for link in page.links:
            identifier = personal_id(link)
            if identifier is not None and identifier[0] != "email":
                found.setdefault(identifier[0], set()).add(identifier[1])
    return found


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
        if slug := name_slug(name):
            return slug
    stem = re.split(r"[\\/]", primary.base)[-1]
    return name_slug(stem) or text_key(primary.name, "speaker")


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
    stated = [pair for p in group for pair in p.affiliations] + [
        (p.language, p.affiliation) for p in group if p.language and p.affiliation
    ]
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
    """Whether two lines of talk history are one talk (see `merged_talks`): the same year and
    the same slides or video; the same title; or, from pages in two scripts, the same year and
    event and titles with the same words in Latin letters ("从 SOFAMesh 到 Istio" at QCon 北京
    is "From SOFAMesh to Istio" at QCon Beijing; "Istio 入门" there is another talk)."""
    if a.year == b.year and (
        (a.slides and a.slides == b.slides) or (a.video and a.video == b.video)
    ):
        return True
    if _folded(a.title) == _folded(b.title) and (a.year is None or b.year in (None, a.year)):
        return True
    if a.year is None or a.year != b.year or not a.event or not b.event:
        return False
    if _latin_words(a.event)[:1] != _latin_words(b.event)[:1] or not _latin_words(a.event):
        return False
    mine = set(_latin_words(a.title)) - _LINKING_WORDS
    return (
        scripts_in(a.title) != scripts_in(b.title)
        and bool(mine)
        and mine == (set(_latin_words(b.title)) - _LINKING_WORDS)
    )


# English words a title in Latin letters has and its translation does not.
_LINKING_WORDS = frozenset(
    ("from", "the", "and", "for", "with", "into", "how", "why", "what", "your", "our", "you")
)


def _latin_words(text: str) -> list[str]:
    """The words of three or more Latin letters ("SOFAMesh", "Istio"), casefolded."""
    return [w.casefold() for w in re.findall(r"[A-Za-z][A-Za-z0-9.+#-]{2,}", text)]


def _combined(mine: Talk, theirs: Talk, language: str | None) -> Talk:
    """One talk from two pages: `mine` with what `theirs` adds, its title, city and event kept
    as written in `language` where they differ."""
    return replace(
        mine,
        year=mine.year or theirs.year,
        city=mine.city or theirs.city,
        event=mine.event or theirs.event,
        event_url=mine.event_url or theirs.event_url,
        url=mine.url or theirs.url,
        slides=mine.slides or theirs.slides,
        video=mine.video or theirs.video,
        titles=_in_language(mine.titles, mine.title, theirs.title, language),
        cities=_in_language(mine.cities, mine.city, theirs.city, language),
        events=_in_language(mine.events, mine.event, theirs.event, language),
    )


def _in_language(
    pairs: tuple[tuple[str, str], ...], mine: str | None, theirs: str | None, language: str | None
) -> tuple[tuple[str, str], ...]:
    """`pairs` with (language, theirs) added when `theirs` says something `mine` does not say
    in those words and `language` has none yet."""
    if not language or not mine or not theirs or _folded(theirs) == _folded(mine):
        return pairs
    if any(primary_language(lang) == primary_language(language) for lang, _ in pairs):
        return pairs
    return (*pairs, (language, theirs))


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
