"""A speaker's page in Markdown, as personal sites publish their "About" page and GitHub its
profile README.

The page is read through the same Markdown walk as agendas (`readers.markdown.blocks`):
headings, paragraph lines, list items and tables with their lines and links. HTML the page
embeds (badges, scripts) and images are never read as text; a badge that links to a profile
("[![Twitter](…)](https://twitter.com/me)") is one of the page's links. What is read:

- the name: front matter `name` (or a `title` that is a name, not a section's: "About X",
  never "Talks"), else the author's own introduction in the bio ("I'm X", "I am X", "我是X"),
  else a `# Name` heading, greetings and emoji dropped ("# Hi, I'm Priya Raman 👋"), else the
  file; a lone first name the file's name goes on from ("# Hi, I'm Kofi" in
  `kofi-mensah.md`) is completed from it;
- the name in other scripts: front matter `names`/`name_<lang>`, or in parentheses beside the
  name ("# Huabing Zhao (赵化冰)", "我是赵化冰（Huabing Zhao）");
- the bio: the prose of the About section (关于我), or of the page before its first section,
  with list items that are the author's own sentences ("- 🌱 I'm learning Rust");
- the affiliation: front matter `affiliation`/`company`, else what the bio says ("an engineer
  at Tetrate", "currently working on X at Grafana Labs", "任职于 Tetrate", "株式会社メルカリで");
- links: list items such as "* Email x@y", "- GitHub: [me](…)", "- Podcast: https://…" (a label
  the reader does not know is kept as written), and front matter fields;
- talks, publications and projects: their sections' tables (any column order, headers in
  English, Chinese, Japanese, Korean, German, French, Spanish or Portuguese) and talks written
  as list items.

Paths on the page's own site ("/slides/x.pdf") are made whole addresses against the site the
page names (`site_links`); a path whose site the page does not tell is kept as written, with a
warning on its line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Any

from bot.domain.agenda import Link, SourceRef
from bot.domain.diagnostics import Diagnostics
from bot.domain.patterns import compiled
from bot.domain.readers.markdown.blocks import Inline, Line, Table, parse_blocks
from bot.domain.readers.markdown.front_matter import (
    FrontMatter,
    FrontMatterError,
    body_after_broken_front_matter,
    split_front_matter,
)
from bot.domain.speakers.contact_links import (
    FRONT_FIELDS,
    badge_link,
    kind_of,
    line_link,
    link_from,
)
from bot.domain.speakers.introductions import introduced_name, stated_affiliation
from bot.domain.speakers.names import folded
from bot.domain.speakers.page import SpeakerPage, base_of, split_language
from bot.domain.speakers.profile import Talk, Work
from bot.domain.speakers.scripts import guess_language, is_han
from bot.domain.speakers.sections import Section, is_section_title, section_of, table_kind
from bot.domain.speakers.site_links import SiteLinks, is_relative, site_of
from bot.domain.speakers.table_rows import table_items
from bot.domain.speakers.talk_lines import talk_from_line
from bot.domain.speakers.titles import title_name

# File stems that name no one.
_GENERIC_STEMS = frozenset(("index", "_index", "about", "readme", "speaker", "profile", "bio"))
_NAME_ASIDE = compiled(r"^(?P<name>.+?)\s*[(（]\s*(?P<other>[^()（）]+?)\s*[)）]\s*$")
_YEAR_HEADING = compiled(r"^\s*((?:19|20|21)\d{2})\s*年?\s*$")
# Images: a badge that links somewhere ("[![alt](img)](url)"), and a bare image ("![alt](img)",
# "![alt][ref]"); and a badge written in HTML ("<a href=…><img alt=…></a>").
_BADGE = compiled(r"\[!\[([^\]\n]*)\]\([^)\n]*\)\]\(([^)\s\n]+)[^)\n]*\)")
_IMAGE = compiled(r"!\[[^\]\n]*\](?:\([^)\n]*\)|\[[^\]\n]*\])")
_HTML_BADGE = compiled(
    r"<a\s[^>]*?href=[\"']([^\"']+)[\"'][^>]*>\s*<img\s[^>]*?alt=[\"']([^\"']*)[\"']",
    re.IGNORECASE,
)
# A list item that is the author speaking of themselves ("- 🔭 I'm currently working on…",
# "- 我在腾讯云工作"), read as bio; other items ("- Envoy Gateway maintainer") are not.
_FIRST_PERSON = compiled(
    r"(?i)(?:^|[^\w'’])(?:I|I['’]m|I['’]ve|I['’]d|my|me|ich|mein|meine|je|j['’]|mon|ma|mes|yo|mi|"
    r"eu|meu|minha)(?=$|[^\w'’])|我|私は|僕は|저는|제가"
)


@dataclass(slots=True)
class _Walk:
    """What the walk over the blocks collected, before the name is decided."""

    bio: list[list[Line]] = field(default_factory=list)  # paragraphs, as their lines
    heading: Line | None = None  # the page's title heading ("# Jane Doe")
    heading_name: tuple[str, tuple[str, ...]] | None = None  # the name it gives, if any
    links: list[Link] = field(default_factory=list)
    talks: list[Talk] = field(default_factory=list)
    publications: list[Work] = field(default_factory=list)
    projects: list[Work] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)  # every absolute link on the page
    paths: dict[str, int] = field(default_factory=dict)  # a path on the site -> its first line


def read_markdown_page(text: str, file: str, diagnostics: Diagnostics) -> SpeakerPage | None:
    """The speaker a Markdown page describes; None (with an error) when it names no one."""
    try:
        front = split_front_matter(text)
    except FrontMatterError as exc:
        diagnostics.error(exc.line, str(exc))
        front = body_after_broken_front_matter(text)
    body, badges = _without_images(front.body)
    walk = _walk(parse_blocks(body, front.body_line), diagnostics)
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
    links = _deduped([*_front_links(fields), *walk.links, *badges])
    site = site_of(
        fields,
        walk.addresses,
        [link.url for link in links if link.label == "Website"],
        walk.paths,
    )
    whole = SiteLinks(site, walk.paths, diagnostics)
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
        links=tuple(whole.link(link) for link in links),
        talks=tuple(whole.talk(talk) for talk in walk.talks),
        publications=tuple(whole.work(work) for work in walk.publications),
        projects=tuple(whole.work(work) for work in walk.projects),
        photo=_text_field(fields, "photo", "avatar", "image", "picture"),
    )


def _without_images(body: str) -> tuple[str, list[Link]]:
    """The body with its images taken out (their alt text is no prose: a README's badges read
    "Twitter LinkedIn"), and the links of badges that lead to a profile or an address. Lines
    keep their numbers."""
    badges: list[Link] = []

    def badge(match: re.Match[str]) -> str:
        made = badge_link(match.group(1), match.group(2))
        if made is not None:
            badges.append(made)
        return ""

    body = _IMAGE.sub("", _BADGE.sub(badge, body))
    for match in _HTML_BADGE.finditer(body):
        made = badge_link(match.group(2), match.group(1))
        if made is not None:
            badges.append(made)
    return body, badges


def _walk(blocks: list[Line | Table], diagnostics: Diagnostics) -> _Walk:
    walk = _Walk()
    titled = False  # the page's title heading was seen
    section: Section | None = None  # None: before the first heading
    year: int | None = None  # a "### 2023" heading over a list of talks
    paragraph: list[Line] = []
    for index, block in enumerate(blocks):
        if isinstance(block, Table):
            _note_table_links(walk, block)
            kind = table_kind([cell.text for cell in block.header], section or Section.OTHER)
            talks, works = table_items(block, kind, diagnostics)
            walk.talks.extend(talks)
            if kind is Section.PUBLICATIONS:
                walk.publications.extend(works)
            elif kind is Section.PROJECTS:
                walk.projects.extend(works)
            continue
        _note_links(walk, block.number, block.inline)
        if block.heading:
            kind = section_of(block.inline.text)
            named = title_name(block.inline.text, strict=block.heading > 1)
            # The page's title: "# Jane Doe", "# Hi, I'm Priya Raman 👋", or "## Jane Doe"
            # before any section; "# About Jane Doe" names her and opens her bio.
            title = block.heading == 1 or (section is None and named is not None)
            if title and not titled and kind is Section.OTHER:
                titled, walk.heading, walk.heading_name = True, block, named
                continue
            if title and not titled and kind is Section.ABOUT and named is not None:
                titled, walk.heading, walk.heading_name = True, block, named
                section, year = Section.ABOUT, None
                continue
            dated = _YEAR_HEADING.match(block.inline.text)
            if section is Section.TALKS and dated:
                year = int(dated.group(1))
            elif kind is not Section.OTHER or block.heading <= 2:
                section = kind
                year = None
            continue
        text, links = block.inline.text, block.inline.links
        in_bio = section in (None, Section.ABOUT)
        if block.depth:
            of_works = section in (Section.PUBLICATIONS, Section.PROJECTS)
            link = (
                None if section is Section.TALKS else line_link(text, links, any_label=not of_works)
            )
            if link is not None:
                walk.links.append(link)
            elif section is Section.TALKS:
                talk = talk_from_line(text, links)
                if talk is not None:
                    walk.talks.append(_dated(talk, year))
                else:
                    diagnostics.warn(block.number, "this talk has no title; skipped")
            elif in_bio and _speaks_of_self(text):
                if paragraph:
                    walk.bio.append(paragraph)
                    paragraph = []
                walk.bio.append([block])
            continue
        if in_bio and not _introduces_list(blocks, index):
            if paragraph and block.number != paragraph[-1].number + 1:
                walk.bio.append(paragraph)
                paragraph = []
            paragraph.append(block)
    if paragraph:
        walk.bio.append(paragraph)
    return walk


def _speaks_of_self(text: str) -> bool:
    """Whether a list item is the author's own sentence (bio), by its first person or the
    emoji a profile README starts each line with."""
    first = text.lstrip()[:1]
    return bool(first) and (unicodedata.category(first) == "So" or bool(_FIRST_PERSON.search(text)))


def _note_links(walk: _Walk, line: int, inline: Inline) -> None:
    for link in inline.links:
        if is_relative(link.url):
            walk.paths.setdefault(link.url.strip(), line)
        else:
            walk.addresses.append(link.url)


def _note_table_links(walk: _Walk, table: Table) -> None:
    for line, cells in table.rows:
        for cell in cells:
            _note_links(walk, line, cell)
            written = cell.text.strip()
            if written.startswith("/") and " " not in written and not cell.links:
                walk.paths.setdefault(written, line)


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
    return replace(talk, year=year)


def _name(
    front: FrontMatter, walk: _Walk, stem: str, diagnostics: Diagnostics
) -> tuple[str, int, tuple[str, ...]] | None:
    """The page's name, its line, and names beside it in parentheses."""
    name = _text_field(front.fields, "name")
    if name:
        named, others = _aside(name)
        return named, front.lines.get("name", 1), others
    found = _page_name(front, walk)
    if found is not None:
        named, line, others = found
        return _completed(named, stem), line, others
    if stem.casefold() not in _GENERIC_STEMS and re.search(r"[^\W\d_]", stem):
        named = _stem_name(stem)
        diagnostics.warn(0, f"the page names no one; named after the file: {named}")
        return named, 0, ()
    diagnostics.error(
        1,
        "this speaker page names no one: write `name:` in the front matter, a `# Name` "
        'heading or introduce yourself in the bio ("I\'m …", "我是…")',
    )
    return None


def _page_name(front: FrontMatter, walk: _Walk) -> tuple[str, int, tuple[str, ...]] | None:
    """The name the page gives: its title when that is a name, the author's introduction in
    the bio, or its title heading."""
    title = _text_field(front.fields, "title")
    titled = title_name(title, strict=True) if title else None
    if titled is not None:
        return titled[0], front.lines.get("title", 1), titled[1]
    for paragraph in walk.bio:
        for line in paragraph:
            introduced = introduced_name(line.inline.text)
            if introduced is not None:
                named, other = introduced
                return named, line.number, (other,) if other else ()
    if walk.heading is not None and walk.heading_name is not None:
        return walk.heading_name[0], walk.heading.number, walk.heading_name[1]
    return None


def _stem_name(stem: str) -> str:
    return " ".join(part.capitalize() for part in re.split(r"[-_\s.]+", stem) if part)


def _completed(name: str, stem: str) -> str:
    """A lone first name completed from the file's name when the file goes on from it ("Kofi"
    in `kofi-mensah.md` is Kofi Mensah); any other name as the page writes it."""
    if len(name.split()) != 1 or not name[:1].isupper():
        return name
    parts = [p for p in re.split(r"[-_\s.]+", stem) if p]
    if (
        2 <= len(parts) <= 4
        and folded(parts[0]) == folded(name)
        and all(p.isalpha() and not is_section_title(p) for p in parts)
    ):
        return " ".join([name, *(p.capitalize() for p in parts[1:])])
    return name  # "kofi-talks.md" names no more than Kofi


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
