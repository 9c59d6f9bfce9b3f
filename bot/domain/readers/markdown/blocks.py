"""A Markdown page as a flat list of blocks with source lines, via markdown-it (GFM tables).

The interpreter above works on these, not on tokens: headings, paragraph lines, list items and
tables, each with its 1-based line number in the file and its links.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from bot.domain.agenda import Link

_PARSER = MarkdownIt("commonmark", {"maxNesting": 40}).enable("table")


@dataclass(slots=True)
class Inline:
    """Inline content as plain text: line breaks kept as "\\n", links kept aside."""

    text: str
    links: list[Link] = field(default_factory=list)
    bold: bool = False  # the whole text is strong ("**July 11**")


@dataclass(slots=True)
class Line:
    """A line of a paragraph, a heading or a list item's own text."""

    number: int
    inline: Inline
    heading: int = 0  # heading level, 0 if not a heading
    depth: int = 0  # list nesting: 0 outside lists, 1 for top-level items


@dataclass(slots=True)
class Table:
    number: int
    header: list[Inline]
    rows: list[tuple[int, list[Inline]]]


Block = Line | Table


def parse_blocks(body: str, first_line: int) -> list[Block]:
    """The body's blocks; `first_line` is the file line the body starts on (1-based)."""
    tokens = _PARSER.parse(body)
    blocks: list[Block] = []
    depth = 0
    heading = 0
    index = 0
    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        if kind in {"bullet_list_open", "ordered_list_open"}:
            depth += 1
        elif kind in {"bullet_list_close", "ordered_list_close"}:
            depth -= 1
        elif kind == "heading_open":
            heading = int(token.tag[1:])
        elif kind == "heading_close":
            heading = 0
        elif kind == "table_open":
            index, table = _table(tokens, index, first_line)
            blocks.append(table)
            continue
        elif kind == "inline" and token.map is not None:
            start = token.map[0] + first_line
            if heading:
                blocks.append(Line(start, render_inline(token.children or []), heading, depth))
            else:
                for offset, part in _split_lines(token.children or []):
                    if part.text.strip():
                        blocks.append(Line(start + offset, part, 0, depth))
        index += 1
    return blocks


def _table(tokens: list[Token], index: int, first_line: int) -> tuple[int, Table]:
    start = (tokens[index].map or [0])[0] + first_line
    header: list[Inline] = []
    rows: list[tuple[int, list[Inline]]] = []
    in_head = False
    row: list[Inline] = []
    row_line = start
    while index < len(tokens):
        token = tokens[index]
        if token.type == "table_close":
            return index + 1, Table(start, header, rows)
        if token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            row = []
            row_line = (token.map or [0])[0] + first_line
        elif token.type == "tr_close":
            if in_head:
                header = row
            else:
                rows.append((row_line, row))
        elif token.type == "inline":
            row.append(render_inline(token.children or []))
        index += 1
    return index, Table(start, header, rows)  # pragma: no cover - markdown-it always closes


def _split_lines(children: list[Token]) -> list[tuple[int, Inline]]:
    """A paragraph's inline tokens split at its line breaks: one Inline per source line."""
    parts: list[tuple[int, Inline]] = []
    current: list[Token] = []
    offset = 0
    for child in children:
        if child.type in ("softbreak", "hardbreak"):
            parts.append((offset, render_inline(current)))
            current = []
            offset += 1
        else:
            current.append(child)
    parts.append((offset, render_inline(current)))
    return parts


def render_inline(children: list[Token]) -> Inline:
    """Plain text of inline tokens; `<br>` and breaks become newlines, links are collected."""
    pieces: list[str] = []
    links: list[Link] = []
    href: str | None = None
    label: list[str] = []
    strong = 0
    plain_outside_strong = False
    for child in children:
        kind = child.type
        text = ""
        if kind in {"text", "code_inline"}:
            text = child.content
        elif kind in ("softbreak", "hardbreak"):
            text = "\n"
        elif kind == "html_inline":
            text = "\n" if child.content.lower().replace(" ", "") in ("<br>", "<br/>") else ""
        elif kind == "image":
            text = child.content
        elif kind == "link_open":
            href = str(child.attrs.get("href", ""))
            label = []
        elif kind == "link_close":
            if href:
                links.append(Link(href, "".join(label).strip()))
            href = None
        elif kind == "strong_open":
            strong += 1
        elif kind == "strong_close":
            strong -= 1
        if text:
            pieces.append(text)
            if href is not None:
                label.append(text)
            if not strong and text.strip():
                plain_outside_strong = True
    joined = "".join(pieces)
    bold = bool(joined.strip()) and not plain_outside_strong
    return Inline(joined.strip(), links, bold)
