"""Speakers as people: a profile read from a speaker's page (bio, affiliation, links, talks).

A profile is one person whatever the language of the page it came from: a page and its
translation (`huabing-zhao.md`, `huabing-zhao.zh.md`) merge into one profile with every name
(`Huabing Zhao`, `赵化冰`) and a bio per language. Sessions link to a profile by any of its
names (`Speaker.profile`).
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.agenda import Link, SourceRef, text_in


@dataclass(frozen=True, slots=True)
class Talk:
    """One line of a speaker's talk history (a presentations table)."""

    title: str
    year: int | None = None
    city: str | None = None
    event: str | None = None  # the conference or meetup
    event_url: str | None = None
    url: str | None = None  # the talk's own page
    slides: str | None = None
    video: str | None = None
    # The title in the other languages of the person's pages, as (language, title) pairs.
    titles: tuple[tuple[str, str], ...] = ()
    # The city and the event as the other languages' pages write them ("上海", "KubeCon 中国"),
    # when they differ from `city` and `event`.
    cities: tuple[tuple[str, str], ...] = ()
    events: tuple[tuple[str, str], ...] = ()

    def title_in(self, language: str | None) -> str:
        """The title as the page in `language` writes it, else `title`."""
        return text_in(self.titles, language) or self.title

    def city_in(self, language: str | None) -> str | None:
        """The city as the page in `language` writes it, else `city`."""
        return text_in(self.cities, language) or self.city

    def event_in(self, language: str | None) -> str | None:
        """The event as the page in `language` writes it, else `event`."""
        return text_in(self.events, language) or self.event


@dataclass(frozen=True, slots=True)
class Work:
    """A publication or a project on the page: a title, what it is, where to find it."""

    title: str
    kind: str | None = None  # "Book", "Creator", "Maintainer", ...
    by: str | None = None  # the publisher, for a publication
    links: tuple[Link, ...] = ()


@dataclass(frozen=True, slots=True)
class Profile:
    """One speaker. `id` is a slug of the name (`huabing-zhao`), stable across reloads and
    the key of `/speakers/{id}` and `/speaker`. `name` is the name shown by default, `names`
    every name the person goes by in any script (the display name first). Texts that differ
    by language are (language, text) pairs; `language` is the language of `name`."""

    id: str
    name: str
    names: tuple[str, ...]
    source: SourceRef
    language: str | None = None
    affiliation: str | None = None
    affiliations: tuple[tuple[str, str], ...] = ()  # per language, when they differ
    bios: tuple[tuple[str, str], ...] = ()  # (language, bio text)
    links: tuple[Link, ...] = ()  # email, site, social profiles
    talks: tuple[Talk, ...] = ()  # newest first, as pages list them
    publications: tuple[Work, ...] = ()
    projects: tuple[Work, ...] = ()
    photo: str | None = None

    def name_in(self, language: str | None) -> str:
        """The name as written in `language`'s page (`赵化冰` for "zh"), else `name`."""
        return text_in(self.names_by_language, language) or self.name

    def bio_in(self, language: str | None) -> str | None:
        return text_in(self.bios, language) or (self.bios[0][1] if self.bios else None)

    def affiliation_in(self, language: str | None) -> str | None:
        return text_in(self.affiliations, language) or self.affiliation

    # (language, name) pairs, filled when pages in several languages were merged.
    names_by_language: tuple[tuple[str, str], ...] = ()
    # Every page the profile was read from (`source` is the primary one's name line).
    sources: tuple[SourceRef, ...] = ()

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages the person's pages are written in, `language` first."""
        found = [self.language] if self.language else []
        found += [lang for lang, _ in (*self.names_by_language, *self.bios)]
        return tuple(dict.fromkeys(found))
