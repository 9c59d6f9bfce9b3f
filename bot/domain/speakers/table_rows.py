"""Talks, publications and projects from the rows of a speaker page's tables.

A cell is text and the links in it: the conference cell's link is the event's page, the title
cell's the talk's own page, the slides and video cells' the files. A row may have fewer cells
than the header (the last columns left empty); a row without a title is reported and skipped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.domain.agenda import Link
from bot.domain.diagnostics import Diagnostics
from bot.domain.patterns import compiled
from bot.domain.readers.markdown.blocks import Inline, Table
from bot.domain.speakers.profile import Talk, Work
from bot.domain.speakers.sections import (
    PROJECT_COLUMNS,
    PUBLICATION_COLUMNS,
    TALK_COLUMNS,
    Section,
    columns_of,
)

_YEAR = compiled(r"(?<!\d)((?:19|20|21)\d{2})(?!\d)")
_URL = compiled(r"(?:https?://|/)[^\s<>()\[\]]+", re.IGNORECASE)


_CITY = compiled(r"^(?P<event>.+?)\s*[(（](?P<city>[^()（）]+)[)）]\s*$")
_EVENT_TRIM = " \t,，;；:：-–—|·•"


def event_and_city(event: str) -> tuple[str, str | None]:
    """The event and its city: "KubeCon EU (Amsterdam)" and "KubeCon EU, Amsterdam" give
    ("KubeCon EU", "Amsterdam"); a last part with digits or many words is no city ("Summit,
    Day 2" stays as written)."""
    paren = _CITY.match(event)
    if paren:
        return paren.group("event").strip(_EVENT_TRIM), paren.group("city").strip()
    head, comma, tail = event.rpartition(",")
    if not comma:
        head, comma, tail = event.rpartition("，")
    tail = tail.strip()
    if (
        comma
        and head.strip()
        and tail
        and not re.search(r"\d", tail)
        and len(tail) <= 40
        and len(tail.split()) <= 4
    ):
        return head.strip(_EVENT_TRIM), tail
    return event, None


def year_in(text: str) -> int | None:
    """The first four-digit year in `text` ("2023", "2023-05", "2023年"), or None."""
    found = _YEAR.search(text)
    return int(found.group(1)) if found else None


def table_items(
    table: Table, kind: Section, diagnostics: Diagnostics
) -> tuple[list[Talk], list[Work]]:
    """The talks (for a talks table) or works (publications, projects) of a table's rows."""
    header = [cell.text for cell in table.header]
    talks: list[Talk] = []
    works: list[Work] = []
    if kind is Section.TALKS:
        columns = columns_of(header, TALK_COLUMNS)
        if "title" not in columns:
            diagnostics.warn(table.number, "a talks table needs a Title (题目) column; not read")
            return talks, works
        for line, cells in table.rows:
            talk = _talk(columns, cells)
            if talk is None:
                if any(cell.text for cell in cells):
                    diagnostics.warn(line, "this talk has no title; skipped")
                continue
            talks.append(talk)
        return talks, works
    vocabulary = PUBLICATION_COLUMNS if kind is Section.PUBLICATIONS else PROJECT_COLUMNS
    columns = columns_of(header, vocabulary)
    if "title" not in columns:
        columns["title"] = 0  # a list of works names each in its first column
    for line, cells in table.rows:
        work = _work(columns, cells, kind)
        if work is None:
            if any(cell.text for cell in cells):
                diagnostics.warn(line, "this row has no title; skipped")
            continue
        works.append(work)
    return talks, works


def _cell(cells: Sequence[Inline], columns: dict[str, int], field: str) -> Inline | None:
    index = columns.get(field)
    if index is None or index >= len(cells):
        return None
    return cells[index]


def _text(cell: Inline | None) -> str | None:
    if cell is None:
        return None
    text = " ".join(cell.text.split())
    return text or None


def _own_link(cell: Inline | None) -> str | None:
    """The address a cell gives: its first link, else an address written as text."""
    if cell is None:
        return None
    if cell.links:
        return cell.links[0].url
    found = _URL.fullmatch(cell.text.strip())
    return found.group() if found else None


def _talk(columns: dict[str, int], cells: Sequence[Inline]) -> Talk | None:
    title_cell = _cell(cells, columns, "title")
    title = _text(title_cell)
    if not title:
        return None
    year_cell = _text(_cell(cells, columns, "year"))
    event_cell = _cell(cells, columns, "event")
    event, city = _text(event_cell), _text(_cell(cells, columns, "city"))
    if event and city is None:  # "PromCon, Berlin" in a table without a city column
        event, city = event_and_city(event)
    return Talk(
        title=title,
        year=year_in(year_cell) if year_cell else None,
        city=city,
        event=event,
        event_url=_own_link(event_cell),
        url=_own_link(title_cell) if title_cell is not None and title_cell.links else None,
        slides=_own_link(_cell(cells, columns, "slides")),
        video=_own_link(_cell(cells, columns, "video")),
    )


def _work(columns: dict[str, int], cells: Sequence[Inline], kind: Section) -> Work | None:
    title_cell = _cell(cells, columns, "title")
    title = _text(title_cell)
    if not title:
        return None
    links: list[Link] = []
    if title_cell is not None and title_cell.links:
        links.append(Link(title_cell.links[0].url, title))
    if kind is Section.PUBLICATIONS:
        cell = _cell(cells, columns, "link")
        if cell is not None:
            links.extend(Link(link.url, link.label) for link in cell.links)
            if not cell.links and (address := _own_link(cell)):
                links.append(Link(address, "Link"))
        return Work(
            title,
            _text(_cell(cells, columns, "kind")),
            _text(_cell(cells, columns, "by")),
            tuple(links),
        )
    for field, label in (("site", "Website"), ("code", "GitHub")):
        address = _own_link(_cell(cells, columns, field))
        if address:
            shown = label if field == "site" or "github.com" in address else "Code"
            links.append(Link(address, shown))
    return Work(title, _text(_cell(cells, columns, "kind")), None, tuple(links))
