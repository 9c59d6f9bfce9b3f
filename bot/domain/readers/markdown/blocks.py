"""A Markdown page as a flat list of blocks with source lines, via markdown-it (GFM tables).

The interpreter above works on these, not on tokens: headings, paragraph lines, list items and
tables, each with its 1-based line number in the file and its links.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import TypeVar

from markdown_it import MarkdownIt
from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from bot.domain.agenda import Link
from bot.domain.patterns import compiled
from bot.domain.readers.markdown.parser_logs import quiet_debug_calls
from bot.domain.timetext.clock import find_clock_spans
from bot.domain.timetext.dates import find_dates

# Characters that start inline markup in CommonMark (escapes, code, emphasis, links, images,
# autolinks and HTML, entities, line breaks; "~" too, should strikethrough ever be on). A cell
# or line without any of them is plain text.
_INLINE_MARKUP = compiled(r"[\n\\`*_\[\]!<&~]")
_STRUCK_TAG = compiled(r"(?i)</?(?:del|s|strike)\s*>")
# "[Slides](https://…)": a link, its text without markup and not starting or ending with a space.
_PLAIN_LINK = compiled(
    r"\[([^\s\\`*_\[\]!<&~](?:[^\n\\`*_\[\]!<&~]*[^\s\\`*_\[\]!<&~])?)\]\(([^\s()<>\\]+)\)"
)
# "**Time:** 12 March 2024": a bold label, then plain text.
_BOLD_LABEL = compiled(r"\*\*([^\n\\`*_\[\]!<&~]+)\*\*([^\n\\`*_\[\]!<&~]*)")


def _inline_pass(state: StateCore) -> None:
    """markdown-it's inline pass, with the two commonest shapes of an agenda's cells and lines
    given the tokens the full inline parser would make of them without parsing them character
    by character: plain text ("09:00 - 09:30", "Speaker 3 (Company)") and a bold label before
    plain text. Anything else goes through the full parser."""
    inline = state.md.inline
    for token in state.tokens:
        if token.type != "inline":
            continue
        if token.children is None:
            token.children = []
        content = token.content
        if _INLINE_MARKUP.search(content) is None:
            # Plain text (most cells and lines): no child tokens to make, the content says all
            # (`inline_of` reads it; `plain_children` makes the tokens markdown-it would have).
            token.meta["plain"] = True
            continue
        link = _PLAIN_LINK.fullmatch(content)
        if link is not None and _PLAIN_URL.fullmatch(link.group(2)):
            # "[Slides](https://example.org/talk.pdf)": a link around plain text
            token.children += [
                Token("link_open", "a", 1, attrs={"href": link.group(2)}),
                _text(link.group(1), 1),
                Token("link_close", "a", -1),
            ]
            continue
        bold = _BOLD_LABEL.fullmatch(content)
        if bold is not None and _strong_pair(bold.group(1), bold.group(2)):
            token.children += [
                _text("", 0),
                Token("strong_open", "strong", 1, markup="**"),
                _text(bold.group(1), 1),
                Token("strong_close", "strong", -1, markup="**"),
                _text(bold.group(2), 0),
            ]
            continue
        inline.parse(content, state.md, state.env, token.children)


def plain_children(token: Token) -> list[Token]:
    """The child tokens markdown-it makes of an inline token's plain text (see `_inline_pass`)."""
    return [_text(token.content, 0)] if token.content else []


def inline_of(token: Token) -> Inline:
    """An inline token's text, links and boldness."""
    if token.meta.get("plain"):
        return Inline(token.content.strip())  # one line of plain text: no link, not bold
    return render_inline(token.children or [])


def _text(content: str, level: int) -> Token:
    return Token("text", "", 0, content=content, level=level)


def _strong_pair(inside: str, after: str) -> bool:
    """Whether "**" + inside + "**" + after reads as bold text, by CommonMark's flanking rules:
    the opening "**" (at the start of the text) must not be followed by white space, and the
    closing one must not follow white space, nor punctuation unless white space or punctuation
    (or the end) comes after it."""
    if _is_space(inside[0]):
        return False
    last = inside[-1]
    if _is_space(last):
        return False
    following = after[0] if after else " "
    return not _is_punct(last) or _is_space(following) or _is_punct(following)


def _is_space(char: str) -> bool:
    return isWhiteSpace(ord(char))


def _is_punct(char: str) -> bool:
    return isMdAsciiPunct(ord(char)) or isPunctChar(char)


# A web address markdown-it's normalizeLink would give back unchanged: http(s), a host of
# letters, digits and dashes, a port, then only characters it leaves as they are (no "%", no
# "@", nothing outside ASCII). Most of a page's links are such; the rest take its full path.
_PLAIN_URL = compiled(
    r"https?://[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
    r"(?::[0-9]{1,5})?(?:[/?#][A-Za-z0-9;/?:=+$,\-_.!~*'()#&]*)?"
)


class _Parser(MarkdownIt):
    def normalizeLink(self, url: str) -> str:  # markdown-it's name
        """markdown-it's, without parsing and re-encoding an address it would not change."""
        return url if _PLAIN_URL.fullmatch(url) else super().normalizeLink(url)


# The options markdown-it's rules look up without a default set: written out with their
# defaults (off), each look-up finds its key instead of raising and catching a KeyError.
_OPTIONS_OFF = ("tasklists", "inline_definitions", "alerts", "store_labels")
_PARSER = _Parser(
    "commonmark",
    {"maxNesting": 40, "strikethrough_single_tilde": False, **dict.fromkeys(_OPTIONS_OFF, False)},
).enable(["table", "strikethrough"])  # GFM's: "~~Aula E2~~ Aula E3" is read without the old room
quiet_debug_calls("markdown_it")
_PARSER.core.ruler.at("inline", _inline_pass)


@dataclass(slots=True)
class Inline:
    """Inline content as plain text: line breaks kept as "\\n", links kept aside."""

    text: str
    links: list[Link] = field(default_factory=list)
    bold: bool = False  # the whole text is strong ("**July 11**")
    # the phrases written in bold inside it ("At 7pm we start with **welcome and notices**")
    strong: tuple[str, ...] = ()
    struck: bool = False  # all it said is struck out ("~~2:00 AM – 2:59 AM~~"): withdrawn
    spanned: bool = False  # a table cell of the row above spanning into this row (rowspan)


@dataclass(slots=True)
class Line:
    """A line of a paragraph, a heading or a list item's own text."""

    number: int
    inline: Inline
    heading: int = 0  # heading level, 0 if not a heading
    depth: int = 0  # list nesting: 0 outside lists, 1 for top-level items
    # The lines before and after it in its paragraph when the source only wrapped there (a soft
    # line break), else "": "…Check-in opens at" / "8:00 AM and we'll wrap by 5:00 PM."
    wrapped: tuple[str, str] = ("", "")


@dataclass(slots=True)
class Table:
    number: int
    header: list[Inline]
    rows: list[tuple[int, list[Inline]]]

    def column(self, index: int) -> list[str]:
        """The texts of a column's non-empty cells, row by row."""
        return [
            cells[index].text for _, cells in self.rows if index < len(cells) and cells[index].text
        ]


Block = Line | Table


_LONG_LINE = 2000  # no agenda line is longer; past it a line is data, not prose
# Markup characters that CommonMark parsers scan pairwise: thousands of them on one line (a run
# of "[" or "_a") make parsing quadratic. Past a few dozen on a line they are text, not markup.
_PAIRED = compiled(r"[\[\]<>_*`]")
_MARKUP_PER_LINE = 64
_PLAIN = str.maketrans("[]<>_*`", "()‹› ··")


# "When: Thursday, 18:30 –" ending a line whose next line starts "21:00": one range wrapped
# over two lines, as a paragraph (or a page's source) breaks it.
_OPEN_RANGE = compiled(
    r"(?i)\d{1,2}(?:[:.h]\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[-–—~〜～至]|\bto|\bbis|\buntil)\s*$"
)
_LEADING_CLOCK = compiled(r"(?i)\s*\d{1,2}(?:[:.h]\d{2}|\s*[ap]\.?m\b)")


def joined_ranges(blocks: list[Block]) -> list[Block]:
    """The blocks with a time range wrapped over two consecutive lines ("18:30 –" / "21:00
    (Lisbon time)") made one line again, so the second half is not read as a session."""
    joined: list[Block] = []
    for block in blocks:
        before = joined[-1] if joined else None
        if (
            isinstance(block, Line)
            and isinstance(before, Line)
            and not block.heading
            and not before.heading
            and block.depth == before.depth
            and block.number == before.number + 1
            and _OPEN_RANGE.search(before.inline.text) is not None
            and _LEADING_CLOCK.match(block.inline.text) is not None
        ):
            inline = Inline(
                f"{before.inline.text} {block.inline.text}",
                [*before.inline.links, *block.inline.links],
                before.inline.bold and block.inline.bold,
            )
            joined[-1] = Line(before.number, inline, before.heading, before.depth)
            continue
        joined.append(block)
    return joined


# A wiki link as Obsidian and other note apps write it: its text is the alias, else the target.
_WIKILINK = compiled(r"\[\[([^\[\]|\n]{1,120}?)(?:\|([^\[\]\n]{1,120}?))?\]\]")


def defuse(body: str) -> str:
    """The body with pathological lines made harmless: over-long lines cut, and lines with
    more markup characters than any agenda line has read as plain text, so reading stays
    linear."""
    if len(body) < _LONG_LINE and body.count("[") < _MARKUP_PER_LINE:
        return body
    lines = body.split("\n")
    for index, line in enumerate(lines):
        kept = line[:_LONG_LINE]
        if len(_PAIRED.findall(kept)) > _MARKUP_PER_LINE:
            kept = kept.translate(_PLAIN)
        lines[index] = kept
    return "\n".join(lines)


def parse_blocks(body: str, first_line: int) -> list[Block]:
    """The body's blocks; `first_line` is the file line the body starts on (1-based)."""
    if "[[" in body:  # "— [[Kavya Iyer]]", "[[venues/Cubbon Park|Cubbon Park]]": Obsidian's links
        body = _WIKILINK.sub(lambda link: link.group(2) or link.group(1), body)
    tokens = _PARSER.parse(defuse(body))
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
        elif kind == "html_block" and "<table" in token.content.lower():
            start = (token.map or [0])[0] + first_line
            blocks.extend(html_tables(token.content, start))
        elif kind == "html_block":
            # "<p>Thursday, 28 August 2025 at RAI Amsterdam</p>", "<h1>Vue.js CDMX</h1>"
            start = (token.map or [0])[0] + first_line
            blocks.extend(html_lines(token.content, start))
        elif kind == "fence" and token.map is not None:
            blocks.extend(timetable_lines(token.info, token.content, token.map[0] + first_line + 1))
        elif kind == "code_block" and token.map is not None:
            # a timetable indented four spaces, as plain-text forums and mails keep it
            blocks.extend(timetable_lines("", token.content, token.map[0] + first_line))
        elif kind == "inline" and token.map is not None:
            start = token.map[0] + first_line
            if heading:
                blocks.append(Line(start, inline_of(token), heading, depth))
            else:
                plain = token.meta.get("plain")
                parts = (
                    [(0, inline_of(token), False)] if plain else _split_lines(token.children or [])
                )
                for number, (offset, part, soft) in enumerate(parts):
                    if part.text.strip():
                        line = Line(start + offset, part, 0, depth)
                        if len(parts) > 1:
                            line.wrapped = _neighbours(parts, number, soft)
                        blocks.append(bulleted(line))
        index += 1
    return blocks


# A fenced block that is a plain-text timetable: lines starting with a time ("18:00 - 18:30   Ankommen")
_TIMETABLE_ROW = compiled(
    r"(?i)[ \t]*\d{1,2}(?:[:.h]| h )\d{2}(?:\b|(?=[ap]m))"
)  # "18:00", "6:30pm"
_PLAIN_INFO = frozenset({"", "text", "txt", "plain", "plaintext"})
_RULE = compiled(r"[\s=\-_*~#+|]*")
_COLUMN_GAP = compiled(r"(?<=\S)[ \t]{3,}(?=\S)")


def timetable_lines(info: str, content: str, first_line: int) -> list[Line]:
    """The lines of a fenced block written as a plain-text timetable (no language given, two
    lines or more starting with a time) or a calendar invitation: read as the page's own lines,
    with the runs of spaces between its columns as dashes ("09:30 - 10:00 — Einlass & Kaffee —
    Orga-Team"). Any other code block is code, not agenda."""
    if info.strip().lower() not in _PLAIN_INFO:
        return []
    rows = content.split("\n")
    if sum(1 for row in rows if _TIMETABLE_ROW.match(row)) < 2 and not _an_invitation(rows):
        return []
    lines = []
    for offset, row in enumerate(rows):
        if _RULE.fullmatch(row):
            continue  # "==========", "------": the drawing of the table
        text = _COLUMN_GAP.sub(" — ", row.strip())
        lines.append(Line(first_line + offset, Inline(text)))
    return lines


_INVITATION_ROWS = 25


def _an_invitation(rows: list[str]) -> bool:
    """Whether a plain block is a calendar invitation pasted as text ("Thursday, January 14,
    2027 · 8:00 – 9:00pm" / "Time zone: Asia/Tokyo"): short, one or two dated lines with a
    time, not a log of timestamps."""
    if len(rows) > _INVITATION_ROWS:
        return False
    dated = [row for row in rows if find_dates(row)]
    return 0 < len(dated) <= 2 and any(find_clock_spans(row) for row in dated)


_BULLETS = "・•●◦▪▸►‣⁃"
_TASK_BOX = compiled(r"^\[[ xX✓✔]\]\s+")


def bulleted(line: Line) -> Line:
    """ "・14:00〜 開場": a line that starts with a bullet character is a list item. A task
    list's box ("- [x] 10:30 – 11:00 · Check-in") is not part of the item's text."""
    if line.depth and _TASK_BOX.match(line.inline.text):
        line.inline.text = _TASK_BOX.sub("", line.inline.text, count=1)
    if line.inline.text[:1] in _BULLETS:
        line.inline.text = line.inline.text[1:].strip()
        line.depth = max(line.depth, 1)
    return line


# The level of each HTML element that heads what follows it. A <summary> heads what its <details>
# folds away ("#37 — Thursday February 12, 2026" over that meetup's programme): a heading below
# any the page writes.
HEADING_LEVELS: Mapping[str, int] = {**{f"h{level}": level for level in range(1, 7)}, "summary": 6}


class _HtmlText(HTMLParser):
    """The text of an HTML block, one line per paragraph, heading, list item, <summary> or
    <br>."""

    _BREAKS = frozenset(
        ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "details", "summary")
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[int, int, str]] = []  # (line, heading level, text)
        self._parts: list[str] = []
        self._line = 1
        self._heading = 0
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        if tag in self._BREAKS:
            self.flush()
            self._line = self.getpos()[0]
            self._heading = HEADING_LEVELS.get(tag, 0)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        if tag in self._BREAKS:
            self.flush()

    def handle_data(self, data: str) -> None:
        if not self._skip and data.strip():
            if not self._parts:
                self._line = self.getpos()[0]
            self._parts.append(" ".join(data.split()))

    def flush(self) -> None:
        text = " ".join(self._parts).strip()
        if text:
            self.lines.append((self._line, self._heading, text))
        self._parts = []
        self._heading = 0


_P = TypeVar("_P", bound=HTMLParser)


def _fed(parser: _P, html: str) -> _P:
    """The parser after reading `html`; malformed HTML keeps what was read before it."""
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError):
        pass
    return parser


def html_lines(html: str, first_line: int) -> list[Block]:
    """Prose written as HTML inside Markdown, as lines the walk reads like any other."""
    parser = _fed(_HtmlText(), html)
    parser.flush()
    return [
        Line(first_line + line - 1, Inline(text), heading) for line, heading, text in parser.lines
    ]


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
            row.append(inline_of(token))
        index += 1
    return index, Table(start, header, rows)  # pragma: no cover - markdown-it always closes


def _split_lines(children: list[Token]) -> list[tuple[int, Inline, bool]]:
    """A paragraph's inline tokens split at its line breaks: one Inline per source line, and
    whether a soft break (the source's wrapping, not a hard break) led into it."""
    parts: list[tuple[int, Inline, bool]] = []
    current: list[Token] = []
    offset = 0
    soft = False
    for child in children:
        if child.type in ("softbreak", "hardbreak"):
            parts.append((offset, render_inline(current), soft))
            current = []
            offset += 1
            soft = child.type == "softbreak"
        else:
            current.append(child)
    parts.append((offset, render_inline(current), soft))
    return parts


def _neighbours(parts: list[tuple[int, Inline, bool]], number: int, soft: bool) -> tuple[str, str]:
    before = parts[number - 1][1].text if soft and number else ""
    after = parts[number + 1][1].text if number + 1 < len(parts) and parts[number + 1][2] else ""
    return before, after


# Tags a page writes inside a line; anything else in angle brackets is text ("Span<T>",
# "List<String>", "<your name>").
_INLINE_TAGS = frozenset(
    (
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "big",
        "br",
        "cite",
        "code",
        "data",
        "del",
        "dfn",
        "em",
        "font",
        "i",
        "img",
        "ins",
        "kbd",
        "mark",
        "q",
        "rp",
        "rt",
        "ruby",
        "s",
        "samp",
        "small",
        "span",
        "strike",
        "strong",
        "sub",
        "sup",
        "time",
        "tt",
        "u",
        "var",
        "wbr",
        "div",
        "p",
        "center",
        "details",
        "summary",
        "iframe",
        "video",
        "audio",
        "source",
        "picture",
        "svg",
        "script",
        "style",
        "input",
        "label",
        "button",
        "hr",
        "ul",
        "ol",
        "li",
        "table",
        "tr",
        "td",
        "th",
        "thead",
        "tbody",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "nav",
        "header",
        "footer",
        "aside",
        "main",
        "figure",
        "figcaption",
        "blockquote",
        "pre",
    )
)
_TAG_NAME = compiled(r"^</?\s*([A-Za-z][A-Za-z0-9-]*)")


def _inline_html(content: str) -> str:
    """What an inline HTML token leaves in the text: a line break for <br>, nothing for a tag,
    and itself when it is no tag at all ("<T>" in "Span<T>")."""
    if content.lower().replace(" ", "") in ("<br>", "<br/>"):
        return "\n"
    name = _TAG_NAME.match(content)
    if name is None or name.group(1).lower() in _INLINE_TAGS or content.startswith("<!--"):
        return ""
    return content


def render_inline(children: list[Token]) -> Inline:
    """Plain text of inline tokens; `<br>` and breaks become newlines, links are collected."""
    pieces: list[str] = []
    links: list[Link] = []
    href: str | None = None
    label: list[str] = []
    strong = 0
    phrases: list[str] = []  # the bold phrases, each whole
    struck = 0  # inside "~~…~~", "<del>", "<s>": superseded, not read
    any_struck = False
    plain_outside_strong = False
    for child in children:
        kind = child.type
        text = ""
        if kind in ("s_open", "s_close"):
            struck += 1 if kind == "s_open" else -1
            any_struck = True
        elif kind == "html_inline" and _STRUCK_TAG.match(child.content):
            struck += -1 if child.content.startswith("</") else 1
            any_struck = True
        elif struck > 0:
            continue
        elif kind in {"text", "code_inline"}:
            text = child.content
        elif kind in ("softbreak", "hardbreak"):
            text = "\n"
        elif kind == "html_inline":
            text = _inline_html(child.content)
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
            if strong == 1:
                phrases.append("")
        elif kind == "strong_close":
            strong -= 1
        if text:
            if strong > 0 and phrases:
                phrases[-1] += text
            pieces.append(text)
            if href is not None:
                label.append(text)
            if not strong and text.strip():
                plain_outside_strong = True
    joined = "".join(pieces).strip()
    bold = bool(joined) and not plain_outside_strong
    strong_phrases = tuple(p.strip() for p in phrases if p.strip())
    return Inline(joined, links, bold, struck=any_struck and not joined, strong=strong_phrases)


# Caps on an HTML table's spans and width: what any agenda needs, and no more work than that.
MAX_COLSPAN = 64
MAX_ROWSPAN = 1000
MAX_COLUMNS = 64


def carry_spanned(
    cells: list[Inline], carried: dict[int, tuple[int, Inline]], column: int, to_end: bool = False
) -> int:
    """Cells of rows above that span into this row (rowspan), placed from `column` on; the
    column after them."""
    while column in carried or (to_end and any(c >= column for c in carried)):
        if column in carried:
            left, inline = carried[column]
            cells.append(Inline(inline.text, list(inline.links), inline.bold, spanned=True))
            if left > 1:
                carried[column] = (left - 1, inline)
            else:
                del carried[column]
        else:
            cells.append(Inline(""))
        column += 1
    return column


def span_of(value: str | None, cap: int) -> int:
    """A rowspan or colspan attribute's count, 1 when missing or not a number."""
    try:
        return max(1, min(cap, int((value or "1").strip())))
    except ValueError:
        return 1


class _HtmlTables(HTMLParser):
    """Rows of the <table>s in a raw HTML block: cell text (<br> as a new line) and links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[tuple[int, bool, Inline]]] = []  # (line, is header, cell)
        self.rows: list[tuple[int, list[Inline], bool]] = []
        self._cell: list[str] | None = None
        self._links: list[Link] = []
        self._href: str | None = None
        self._row: list[Inline] | None = None
        self._header_row = False
        self._row_line = 0
        self._column = 0
        self._spans = (1, 1)  # the open cell's rowspan and colspan
        self._carried: dict[int, tuple[int, Inline]] = {}  # column: (rows left, cell)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self._row, self._header_row = [], False
            self._row_line = self.getpos()[0]
            self._column = 0
        elif tag in ("td", "th") and self._row is not None:
            self._cell, self._links = [], []
            self._header_row = self._header_row or tag == "th"
            self._column = carry_spanned(self._row, self._carried, self._column)
            given = dict(attrs)
            self._spans = (
                span_of(given.get("rowspan"), MAX_ROWSPAN),
                span_of(given.get("colspan"), MAX_COLSPAN),
            )
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")
        elif tag == "a":
            self._href = dict(attrs).get("href")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            words = "".join(self._cell).replace("\n", " \n ").split(" ")
            text = " ".join(word for word in words if word).strip()
            text = "\n".join(part.strip() for part in text.split("\n"))
            inline = Inline(text.strip(), list(self._links))
            self._row.append(inline)
            rowspan, colspan = self._spans
            if rowspan > 1 and self._column < MAX_COLUMNS:
                # "<td rowspan="4">Workshop …</td>": the same session in that room below
                self._carried[self._column] = (rowspan - 1, inline)
            self._row.extend(Inline("") for _ in range(colspan - 1))
            self._column += colspan
            self._cell = None
        elif tag == "tr" and self._row is not None:
            carry_spanned(self._row, self._carried, self._column, to_end=True)
            del self._row[MAX_COLUMNS:]
            self.rows.append((self._row_line, self._row, self._header_row))
            self._row = None
        elif tag == "a":
            self._href = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            # "<strong>Aperitivo sociale</strong> all'Osteria": the space after the bold text
            # is kept, not glued ("socialeall'Osteria")
            said = " ".join(data.split())
            lead = " " if data[:1].isspace() else ""
            tail = " " if data[-1:].isspace() else ""
            self._cell.append(f"{lead}{said}{tail}" if said else " ")
            if self._href:
                self._links.append(Link(self._href, data.strip()))


def html_tables(html: str, first_line: int) -> list[Table]:
    """An HTML <table> written inside Markdown, as GitHub renders it, read like a pipe table."""
    parser = _fed(_HtmlTables(), html)
    if not parser.rows:
        return []
    line0, header, is_header = parser.rows[0]
    body = parser.rows[1:] if is_header or len(parser.rows) > 1 else parser.rows
    if not is_header:
        header = [Inline("") for _ in header]
        body = parser.rows
    width = len(header)
    rows = [
        (first_line + line - 1, (cells + [Inline("")] * width)[:width]) for line, cells, _ in body
    ]
    return [Table(first_line + line0 - 1, header, rows)]
