"""A speaker's page in Markdown, as personal sites publish their "About" page.

The page is read through the same markdown-it walk as agendas (`readers.markdown.blocks`):
headings, paragraph lines, list items and tables with their lines and links. HTML the page
embeds (badges, scripts) is never read as text. What is read:

- the name: front matter `name` (or a `title` that is not "About"), else the author's own
  introduction in the bio ("I'm X", "I am X", "我是X"), else a `# Name` heading, else the file;
- the name in other scripts: front matter `names`/`name_<lang>`, or in parentheses beside the
  name ("# Huabing Zhao (赵化冰)", "我是赵化冰（Huabing Zhao）");
- the bio: the prose of the About section (关于我), or of the page before its first heading;
- the affiliation: front matter `affiliation`/`company`, else what the bio says ("an engineer
  at Tetrate", "任职于 Tetrate");
- links: list items such as "* Email x@y", "- GitHub: [me](…)", and front matter fields;
- talks, publications and projects: their sections' tables (any column order, English or
  Chinese headers) and talks written as list items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from bot.domain.agenda import Link, SourceRef
from bot.domain.diagnostics import Diagnostics
from bot.domain.readers.markdown.blocks import Line, Table, parse_blocks
from bot.domain.readers.markdown.front_matter import (
    FrontMatter,
    FrontMatterError,
    body_after_broken_front_matter,
    split_front_matter,
)
from bot.domain.speakers.contact_links import FRONT_FIELDS, kind_of, line_link, link_from
from bot.domain.speakers.introductions import introduced_name, looks_like_name, stated_affiliation
from bot.domain.speakers.page import SpeakerPage, base_of, split_language
from bot.domain.speakers.profile import Talk, Work
from bot.domain.speakers.scripts import guess_language, is_han
from bot.domain.speakers.sections import Section, section_of, table_kind
from bot.domain.speakers.table_rows import table_items
from bot.domain.speakers.talk_lines import talk_from_line

# Titles and headings that name the page, not the person ("About", "关于我").
_GENERIC = re.compile(
    r"(?i)^\s*(?:about(?:\s+me)?|bio(?:graphy)?|profile|speaker|home|resume|cv|me|whoami|"
    r"关于我?|關於我?|个人简介|简介|自我介绍|个人介绍|讲师介绍)\s*$"
)
_ABOUT_PREFIX = re.compile(r"(?i)^\s*(?:about|关于|關於)\s+")
# File stems that name no one.
_GENERIC_STEMS = frozenset(("index", "_index", "about", "readme", "speaker", "profile", "bio"))
_NAME_ASIDE = re.compile(r"^(?P<name>.+?)\s*[(（]\s*(?P<other>[^()（）]+?)\s*[)）]\s*$")
_YEAR_HEADING = re.compile(r"^\s*((?:19|20|21)\d{2})\s*年?\s*$")


@dataclass(slots=True)
class _Walk:
    """What the walk over the blocks collected, before the name is decided."""

    bio: list[list[Line]] = field(default_factory=list)  # paragraphs, as their lines
    heading: Line | None = None  # the first level-1 heading
    links: list[Link] = field(default_factory=list)
    talks: list[Talk] = field(default_factory=list)
    publications: list[Work] = field(default_factory=list)
    projects: list[Work] = field(default_factory=list)


def read_markdown_page(text: str, file: str, diagnostics: Diagnostics) -> SpeakerPage | None:
    """The speaker a Markdown page describes; None (with an error) when it names no one."""
    try:
        front = split_front_matter(text)
    except FrontMatterError as exc:
        diagnostics.error(exc.line, str(exc))
        front = body_after_broken_front_matter(text)
    walk = _walk(parse_blocks(front.body, front.body_line), diagnostics)
    fields = front.fields
    stem, suffix = split_language(file.rsplit("/", 1)[-1])
    bio = "\n\n".join(" ".join(line.inline.text for line in para) for para in walk.bio) or None
    bio = bio or _text_field(fields, "bio", "description", "summary")
    found = _name(front, walk, stem, diagnostics)
    if found is None:
        return None
    name, line, others = found
    language = suffix or _text_field(fields, "language", "lang", "languagecode", "locale")
    language = language or guess_language(" ".join(filter(None, (bio, name))))
    names_by_language, more = _front_names(fields)
    affiliation = _text_field(fields, "affiliation", "company", "organization", "organisation")
    affiliation = affiliation or _text_field(fields, "employer", "org")
    if affiliation is None and bio:
        affiliation = stated_affiliation(bio)
    return SpeakerPage(
        source=SourceRef(file, line),
        name=name,
        base=base_of(file),
        language=language.lower() if language else None,
        suffixed=suffix is not None,
        other_names=tuple(dict.fromkeys(n for n in (*others, *more) if n != name)),
        names_by_language=names_by_language,
        translation_key=_text_field(fields, "translationkey", "translation_key"),
        affiliation=affiliation,
        bio=bio,
        links=tuple(_deduped([*_front_links(fields), *walk.links])),
        talks=tuple(walk.talks),
        publications=tuple(walk.publications),
        projects=tuple(walk.projects),
        photo=_text_field(fields, "photo", "avatar", "image", "picture"),
    )


def _walk(blocks: list[Line | Table], diagnostics: Diagnostics) -> _Walk:
    walk = _Walk()
    section: Section | None = None  # None: before the first heading
    year: int | None = None  # a "### 2023" heading over a list of talks
    paragraph: list[Line] = []
    for index, block in enumerate(blocks):
        if isinstance(block, Table):
            kind = table_kind([cell.text for cell in block.header], section or Section.OTHER)
            talks, works = table_items(block, kind, diagnostics)
            walk.talks.extend(talks)
            if kind is Section.PUBLICATIONS:
                walk.publications.extend(works)
            elif kind is Section.PROJECTS:
                walk.projects.extend(works)
            continue
        if block.heading:
            kind = section_of(block.inline.text)
            # The page's title: "# Jane Doe", or "## Jane Doe" before any section.
            named = block.heading == 1 or (section is None and looks_like_name(block.inline.text))
            if named and walk.heading is None and kind is Section.OTHER:
                walk.heading = block
                continue
            dated = _YEAR_HEADING.match(block.inline.text)
            if section is Section.TALKS and dated:
                year = int(dated.group(1))
            elif kind is not Section.OTHER or block.heading <= 2:
                section = kind
                year = None
            continue
        text, links = block.inline.text, block.inline.links
        if block.depth:
            link = line_link(text, links) if section is not Section.TALKS else None
            if link is not None:
                walk.links.append(link)
            elif section is Section.TALKS:
                talk = talk_from_line(text, links)
                if talk is not None:
                    walk.talks.append(_dated(talk, year))
                else:
                    diagnostics.warn(block.number, "this talk has no title; skipped")
            continue
        if section in (None, Section.ABOUT) and not _introduces_list(blocks, index):
            if paragraph and block.number != paragraph[-1].number + 1:
                walk.bio.append(paragraph)
                paragraph = []
            paragraph.append(block)
    if paragraph:
        walk.bio.append(paragraph)
    return walk


def _introduces_list(blocks: list[Line | Table], index: int) -> bool:
    """A line such as "Feel free to connect with me via:" before a list of links: not part of
    the bio."""
    line = blocks[index]
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    return (
        isinstance(line, Line)
        and line.inline.text.rstrip().endswith((":", "："))
        and isinstance(following, Line)
        and following.depth > 0
    )


def _dated(talk: Talk, year: int | None) -> Talk:
    if talk.year is not None or year is None:
        return talk
    return Talk(
        talk.title,
        year,
        talk.city,
        talk.event,
        talk.event_url,
        talk.url,
        talk.slides,
        talk.video,
    )


def _name(
    front: FrontMatter, walk: _Walk, stem: str, diagnostics: Diagnostics
) -> tuple[str, int, tuple[str, ...]] | None:
    """The page's name, its line, and names beside it in parentheses."""
    name = _text_field(front.fields, "name")
    if name:
        named, others = _aside(name)
        return named, front.lines.get("name", 1), others
    title = _text_field(front.fields, "title")
    if title and not _GENERIC.match(title):
        named, others = _aside(_ABOUT_PREFIX.sub("", title))
        if looks_like_name(named):
            return named, front.lines.get("title", 1), others
    for paragraph in walk.bio:
        for line in paragraph:
            introduced = introduced_name(line.inline.text)
            if introduced is not None:
                named, other = introduced
                return named, line.number, (other,) if other else ()
    heading = walk.heading
    if heading is not None and not _GENERIC.match(heading.inline.text):
        named, others = _aside(_ABOUT_PREFIX.sub("", heading.inline.text))
        return named, heading.number, others
    if stem.casefold() not in _GENERIC_STEMS and re.search(r"[^\W\d_]", stem):
        named = " ".join(part.capitalize() for part in re.split(r"[-_\s.]+", stem) if part)
        diagnostics.warn(0, f"the page names no one; named after the file: {named}")
        return named, 0, ()
    diagnostics.error(
        1,
        "this speaker page names no one: write `name:` in the front matter, a `# Name` "
        'heading or introduce yourself in the bio ("I\'m …", "我是…")',
    )
    return None


def _aside(text: str) -> tuple[str, tuple[str, ...]]:
    """The name and the names beside it: "Huabing Zhao (赵化冰)" gives both."""
    match = _NAME_ASIDE.match(text.strip())
    if match is None:
        return text.strip(), ()
    return match.group("name").strip(), (match.group("other").strip(),)


def _text_field(fields: dict[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = fields.get(key)
        if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
            return str(value).strip()
    return None


def _front_names(fields: dict[str, Any]) -> tuple[tuple[tuple[str, str], ...], list[str]]:
    """`names: {zh: 赵化冰}` or `names: [赵化冰]`, and `name_zh: 赵化冰`: the names by language
    where the page says which, and every name given."""
    by_language: list[tuple[str, str]] = []
    names: list[str] = []
    given = fields.get("names")
    if isinstance(given, dict):
        for language, name in given.items():
            if isinstance(name, str) and name.strip():
                by_language.append((str(language).lower(), name.strip()))
    elif isinstance(given, list):
        names.extend(n.strip() for n in given if isinstance(n, str) and n.strip())
    for key, value in fields.items():
        if key.startswith("name_") and isinstance(value, str) and value.strip():
            by_language.append((key.removeprefix("name_"), value.strip()))
    names.extend(name for _, name in by_language)
    for name in names:
        if is_han(name) and not any(lang == "zh" for lang, _ in by_language):
            by_language.append(("zh", name))
    return tuple(by_language), names


def _front_links(fields: dict[str, Any]) -> list[Link]:
    links: list[Link] = []
    for key in FRONT_FIELDS:
        value = fields.get(key)
        kind = kind_of(key)
        if isinstance(value, str) and kind is not None:
            made = link_from(kind, value)
            if made is not None:
                links.append(made)
    listed = fields.get("links")
    items = listed.items() if isinstance(listed, dict) else []
    for label, value in items:
        kind = kind_of(str(label))
        if isinstance(value, str):
            made = link_from(kind, value) if kind else Link(value.strip(), str(label))
            if made is not None:
                links.append(made)
    return links


def _deduped(links: list[Link]) -> list[Link]:
    seen: set[str] = set()
    kept = []
    for link in links:
        if link.url not in seen:
            seen.add(link.url)
            kept.append(link)
    return kept
