"""A speaker written as YAML (`schedules/speakers/<name>.yaml`), for organizers who keep their
speakers as data rather than pages. The fields (docs/speakers.md):

    name: Huabing Zhao                 # required
    names: {zh: 赵化冰}                 # or a list: [赵化冰]
    affiliation: Tetrate               # or per language: {en: Tetrate, zh: Tetrate}
    language: en                       # the language of `name` (default: en, or the suffix)
    translationKey: huabing            # pages sharing it are one person
    photo: https://…/me.png
    bio: text                          # or per language: {en: …, zh: …}
    links:                             # addresses (the kind is told from them), or label: value
      - https://github.com/zhaohuabing
      - {label: Email, url: zhaohuabing@gmail.com}
    talks:
      - {year: 2023, city: Chicago, event: KubeCon NA, title: …, slides: …, video: …}
    publications: [{title: …, type: Book, publisher: …, link: …}]
    projects: [{name: Aeraki Mesh, role: Creator, website: …, github: …}]
"""

from __future__ import annotations

from typing import Any

from bot.domain.agenda import Link, SourceRef
from bot.domain.diagnostics import Diagnostics
from bot.domain.readers.safe_yaml import LineDict, YamlError, load_yaml
from bot.domain.speakers.contact_links import kind_of, line_link, link_from
from bot.domain.speakers.page import SpeakerPage, base_of, split_language
from bot.domain.speakers.profile import Talk, Work
from bot.domain.speakers.scripts import is_han
from bot.domain.speakers.table_rows import year_in

_FIELDS = frozenset(
    (
        "name", "names", "affiliation", "language", "translationkey", "photo", "bio", "links",
        "talks", "publications", "projects",
    )
)  # fmt: skip
_TALK_FIELDS = frozenset(
    ("title", "year", "city", "event", "event_url", "url", "slides", "video", "date")
)


def read_yaml_page(text: str, file: str, diagnostics: Diagnostics) -> SpeakerPage | None:
    """The speaker a YAML file describes; None (with an error on its line) when the file is
    not YAML, not a mapping, or gives no name."""
    try:
        data = load_yaml(text)
    except YamlError as exc:
        diagnostics.error(exc.line + 1, f"not valid YAML: {exc}")
        return None
    if not isinstance(data, LineDict):
        diagnostics.error(1, "a speaker file is a mapping of fields (name:, bio:, talks:...)")
        return None
    fields = {key.lower(): value for key, value in data.items()}
    lines = {key.lower(): line for key, line in data.key_lines.items()}
    for key in sorted(set(fields) - _FIELDS):
        diagnostics.warn(lines.get(key, data.line), f"unknown field {key!r}; ignored")
    name = fields.get("name")
    if not isinstance(name, str) or not name.strip():
        diagnostics.error(lines.get("name", data.line), "a speaker needs a `name:`")
        return None
    _, suffix = split_language(file.rsplit("/", 1)[-1])
    language = suffix or _text(fields.get("language")) or "en"
    names_by_language, others = _names(fields.get("names"))
    bio, bios = _per_language(fields.get("bio"))
    affiliation, affiliations = _per_language(fields.get("affiliation"))
    if affiliation is None and affiliations:
        affiliation = dict(affiliations).get(language, affiliations[0][1])
    return SpeakerPage(
        source=SourceRef(file, lines.get("name", 1)),
        name=name.strip(),
        base=base_of(file),
        language=language.lower(),
        suffixed=suffix is not None,
        other_names=tuple(n for n in others if n != name.strip()),
        names_by_language=names_by_language,
        translation_key=_text(fields.get("translationkey")),
        affiliation=affiliation,
        affiliations=affiliations,
        bio=bio,
        bios=bios,
        links=tuple(_links(fields.get("links"), lines.get("links", 0), diagnostics)),
        talks=tuple(_talks(fields.get("talks"), lines.get("talks", 0), diagnostics)),
        publications=tuple(_works(fields.get("publications"), "publications", lines, diagnostics)),
        projects=tuple(_works(fields.get("projects"), "projects", lines, diagnostics)),
        photo=_text(fields.get("photo")),
    )


def _text(value: Any) -> str | None:
    if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
        return str(value).strip()
    return None


def _names(value: Any) -> tuple[tuple[tuple[str, str], ...], list[str]]:
    by_language: list[tuple[str, str]] = []
    names: list[str] = []
    if isinstance(value, dict):
        by_language = [(str(k).lower(), t) for k, v in value.items() if (t := _text(v))]
        names = [name for _, name in by_language]
    elif isinstance(value, list):
        names = [t for v in value if (t := _text(v))]
    elif (single := _text(value)) is not None:
        names = [single]
    for name in names:
        if is_han(name) and not any(lang == "zh" for lang, _ in by_language):
            by_language.append(("zh", name))
    return tuple(by_language), names


def _per_language(value: Any) -> tuple[str | None, tuple[tuple[str, str], ...]]:
    """A text, or one per language ({en: …, zh: …})."""
    if isinstance(value, dict):
        return None, tuple((str(k).lower(), t) for k, v in value.items() if (t := _text(v)))
    return _text(value), ()


def _items(value: Any, what: str, line: int, diagnostics: Diagnostics) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        diagnostics.error(line, f"`{what}:` must be a list")
        return []
    return value


def _links(value: Any, line: int, diagnostics: Diagnostics) -> list[Link]:
    if isinstance(value, dict):
        value = [{"label": k, "url": v} for k, v in value.items()]
    links: list[Link] = []
    for item in _items(value, "links", line, diagnostics):
        made: Link | None = None
        if isinstance(item, str):
            made = line_link(item, [])
        elif isinstance(item, dict):
            label, url = _text(item.get("label")), _text(item.get("url"))
            kind = kind_of(label) if label else None
            if url is not None:
                made = link_from(kind, url) if kind else line_link(url, [])
                if label and kind is None and (made is None or made.label == "Website"):
                    made = Link(url, label)  # a label the reader does not know, as written
        if made is None:
            diagnostics.warn(getattr(item, "line", line), f"not a link: {item!r}; skipped")
        else:
            links.append(made)
    return links


def _talks(value: Any, line: int, diagnostics: Diagnostics) -> list[Talk]:
    talks: list[Talk] = []
    for item in _items(value, "talks", line, diagnostics):
        at = getattr(item, "line", line)
        if not isinstance(item, dict):
            diagnostics.warn(at, "a talk is a mapping (title:, year:, event:...); skipped")
            continue
        title = _text(item.get("title"))
        if title is None:
            diagnostics.warn(at, "this talk has no title; skipped")
            continue
        for key in sorted(set(item) - _TALK_FIELDS):
            diagnostics.warn(at, f"unknown talk field {key!r}; ignored")
        when = _text(item.get("year")) or _text(item.get("date"))
        talks.append(
            Talk(
                title=title,
                year=year_in(when) if when else None,
                city=_text(item.get("city")),
                event=_text(item.get("event")),
                event_url=_text(item.get("event_url")),
                url=_text(item.get("url")),
                slides=_text(item.get("slides")),
                video=_text(item.get("video")),
            )
        )
    return talks


def _works(value: Any, what: str, lines: dict[str, int], diagnostics: Diagnostics) -> list[Work]:
    works: list[Work] = []
    for item in _items(value, what, lines.get(what, 0), diagnostics):
        at = getattr(item, "line", lines.get(what, 0))
        if isinstance(item, str) and item.strip():
            works.append(Work(item.strip()))
            continue
        if not isinstance(item, dict):
            diagnostics.warn(at, f"an entry of `{what}:` is a mapping or a title; skipped")
            continue
        title = _text(item.get("title")) or _text(item.get("name"))
        if title is None:
            diagnostics.warn(at, "this entry has no title; skipped")
            continue
        links: list[Link] = []
        for key, label in (("link", "Link"), ("url", "Link"), ("website", "Website")):
            if (url := _text(item.get(key))) is not None:
                links.append(Link(url, label))
        for key in ("github", "repository"):
            if (url := _text(item.get(key))) is not None:
                links.append(link_from("GitHub", url) or Link(url, "GitHub"))
        works.append(
            Work(
                title,
                _text(item.get("type")) or _text(item.get("kind")) or _text(item.get("role")),
                _text(item.get("publisher")) or _text(item.get("by")),
                tuple(links),
            )
        )
    return works
