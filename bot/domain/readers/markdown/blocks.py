"""A Markdown page as a flat list of blocks with source lines, via pulldown-cmark (GFM tables).

The interpreter above works on these, not on the parser's events: headings, paragraph lines,
list items and tables, each with its 1-based line number in the file and its links. The events
come from pyromark, pulldown-cmark's binding: a CommonMark parser that reads a page natively in a
few hundredths of a millisecond, in time linear in its size and without recursion, however
deep a page nests.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any, TypeVar

import mdurl
import pyromark

from bot.domain.agenda import Link
from bot.domain.patterns import compiled
from bot.domain.timetext.clock import find_clock_spans, leading_clock_span
from bot.domain.timetext.dates import find_dates

_STRUCK_TAG = compiled(r"(?i)</?(?:del|s|strike)\s*>")
_SPACES_LEFT = compiled(r"(?<=\S)[ \t]{2,}(?=\S)")
# Said beside struck words when the session is withdrawn or moved: "cancelled, sorry!",
# "— **ELMARAD**, Horváth Bence beteg", "movida pro sábado", "（登壇者都合によりキャンセル）"
_CANCELLED = compiled(
    r"(?i)(?<![^\W\d_])(?:cancell?ed|called off|withdrawn|postponed|moved|abgesagt|entfällt"
    r"|fällt aus|verschoben|annulée?|reportée?|déplacée?|cancelad[oa]|pospuest[oa]|movid[oa]"
    r"|adiad[oa]|elmarad|odwołan[ey]|zrušeno|vervalt|geannuleerd)(?![^\W\d_])"
    r"|中止|取消|キャンセル|延期|취소"
)
_NOTE_LENGTH = 40  # a longer note is the page's own: "**Cancelled**: offsite, see you on the 25th"
_NO_TITLE = " \t-–—·|:*_.,;()（）[]"


def withdrawn(text: str) -> bool:
    """Whether what is left of a line or cell beside struck words withdraws it: nothing but its
    time ("#### 11:00 a. m. — ~~Mapeo de ríos~~"), or a short note that it is cancelled or moved."""
    text = _TASK_BOX.sub("", text)  # "[ ] 17h00–17h30 ~~Reunião~~ movida pro sábado"
    clock = leading_clock_span(text)
    rest = text[clock.finish :] if clock is not None else text
    rest = rest.strip(_NO_TITLE)
    if not rest:
        return clock is not None
    return len(rest) <= _NOTE_LENGTH and _CANCELLED.search(rest) is not None


# GFM's tables and "~~strikethrough~~" ("~~Aula E2~~ Aula E3" is read without the old room). A
# single "~" strikes nothing: it is read as the parser's subscript, whose marks are given back.
_OPTIONS = (
    pyromark.Options.ENABLE_TABLES
    | pyromark.Options.ENABLE_STRIKETHROUGH
    | pyromark.Options.ENABLE_SUBSCRIPT
)


@dataclass(slots=True)
class Inline:
    """Inline content as plain text: line breaks kept as "\\n", links kept aside."""

    text: str
    links: list[Link] = field(default_factory=list)
    bold: bool = False  # the whole text is strong ("**July 11**")
    # the phrases written in bold inside it ("At 7pm we start with **welcome and notices**")
    strong: tuple[str, ...] = ()
    # withdrawn: all it said is struck out ("~~2:00 AM – 2:59 AM~~"), or what is left beside
    # the struck words is its time or says it is cancelled or moved ("~~Talk~~ *cancelled*")
    struck: bool = False
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
    body = defuse(body)
    walk = _Walk(body, first_line)
    for event, span in pyromark.events_with_range(body, options=_OPTIONS):
        walk.take(event, span["start"])
    walk.close()
    return walk.blocks


# An inline piece, in reading order: "text" and its characters, a "softbreak" or "hardbreak",
# "link"/"/link" with its address around the link's text, "strong"/"/strong", "s"/"/s" around
# struck text, "html" with the tag as written.
_Piece = tuple[str, str]

_BREAKS = {"SoftBreak": "softbreak", "HardBreak": "hardbreak"}
_PAIRS = {"Strong": ("strong", "/strong"), "Strikethrough": ("s", "/s"), "Link": ("link", "/link")}
# Where a paragraph's text (or a tight list item's, which has no paragraph) ends.
_BLOCKS = frozenset(
    ("Paragraph", "Item", "List", "BlockQuote", "CodeBlock", "HtmlBlock", "Heading", "Table")
)


class _Walk:
    """The parser's events made into blocks: inline pieces gather into a run until the block
    holding them ends (a paragraph, a tight list item, a heading, a table cell)."""

    def __init__(self, body: str, first_line: int) -> None:
        data = body.encode()  # the parser's offsets are in bytes
        self._breaks = [m.start() for m in re.finditer(b"\n", data)]
        self._first = first_line
        self.blocks: list[Block] = []
        self._depth = 0
        self._heading = (0, 0)  # the open heading's level and line
        self._run: list[_Piece] = []
        self._run_at = 0  # where the run's first piece is
        self._table: Table | None = None
        self._row: list[Inline] = []
        self._row_line = 0
        self._raw: list[str] | None = None  # an HTML or code block's text
        self._raw_at = 0
        self._info: str | None = None  # a code block's info string; None when indented
        self._images = 0  # inside an image's text

    def _line(self, at: int) -> int:
        return self._first + bisect_left(self._breaks, at)

    def _piece(self, piece: _Piece, at: int) -> None:
        if not self._run:
            self._run_at = at
        self._run.append(piece)

    def take(self, event: Any, at: int) -> None:
        if isinstance(event, str):  # "SoftBreak", "HardBreak", "Rule"
            if event in _BREAKS:
                # (an image's text wrapped over lines is one text: "![Group\n photo](…)")
                self._piece(("text", "\n") if self._images else (_BREAKS[event], "\n"), at)
            else:
                self._paragraph()
            return
        ((kind, value),) = event.items()
        if kind == "Text":
            if self._raw is not None:
                self._raw.append(value)
            else:
                self._piece(("text", value), at)
        elif kind == "Code":
            self._piece(("text", value), at)
        elif kind in ("InlineHtml", "Html"):
            if self._raw is not None:
                self._raw.append(value)
            else:
                self._piece(("html", value), at)
        elif kind == "Start":
            self._start(value, at)
        elif kind == "End":
            self._end(value)

    def _start(self, value: Any, at: int) -> None:
        name = value if isinstance(value, str) else next(iter(value))
        if name in _PAIRS:
            address = _address(value["Link"]) if name == "Link" else ""
            self._piece((_PAIRS[name][0], address), at)
            return
        if name == "Subscript":  # "~one~": not markup on the pages we read
            self._piece(("text", "~"), at)
            return
        if name == "Image":
            self._images += 1
            return
        if name not in _BLOCKS and name not in ("TableHead", "TableRow", "TableCell"):
            return  # emphasis and the like: no mark of their own, their text is read
        self._paragraph()  # a tight list item's text before a nested block
        if name == "List":
            self._depth += 1
        elif name == "Heading":
            self._heading = (int(value["Heading"]["level"][1:]), self._line(at))
        elif name == "Table":
            self._table = Table(self._line(at), [], [])
        elif name in ("TableHead", "TableRow"):
            self._row, self._row_line = [], self._line(at)
        elif name in ("HtmlBlock", "CodeBlock"):
            self._raw, self._raw_at = [], at
            code = value["CodeBlock"] if name == "CodeBlock" else None
            self._info = code["Fenced"] if isinstance(code, dict) else None

    def _end(self, value: Any) -> None:
        name = value if isinstance(value, str) else next(iter(value))
        if name in _PAIRS:
            self._piece((_PAIRS[name][1], ""), 0)
        elif name == "Subscript":
            self._piece(("text", "~"), 0)
        elif name == "Image":
            self._images -= 1
        elif name == "Heading":
            level, line = self._heading
            inline = render_inline(self._run)
            if inline.struck:  # "#### 11:00 a. m. — ~~Mapeo de ríos~~": a heading over nothing
                inline.text = ""
            self.blocks.append(Line(line, inline, level, self._depth))
            self._run, self._heading = [], (0, 0)
        elif name == "TableCell":
            self._row.append(render_inline(self._run))
            self._run = []
        elif name in ("TableHead", "TableRow") and self._table is not None:
            if name == "TableHead":
                self._table.header = self._row
            else:
                self._table.rows.append((self._row_line, self._row))
        elif name == "Table" and self._table is not None:
            self.blocks.append(self._table)
            self._table = None
        elif name in ("HtmlBlock", "CodeBlock") and self._raw is not None:
            self._raw_block(name, "".join(self._raw))
            self._raw = None
        elif name in _BLOCKS:
            self._paragraph()
            if name == "List":
                self._depth -= 1

    def _raw_block(self, name: str, text: str) -> None:
        line = self._line(self._raw_at)
        if name == "HtmlBlock" and "<table" in text.lower():
            self.blocks.extend(html_tables(text, line))
        elif name == "HtmlBlock":
            # "<p>Thursday, 28 August 2025 at RAI Amsterdam</p>", "<h1>Vue.js CDMX</h1>"
            self.blocks.extend(html_lines(text, line))
        elif self._info is not None:
            self.blocks.extend(timetable_lines(self._info, text, line + 1))
        else:
            # a timetable indented four spaces, as plain-text forums and mails keep it
            self.blocks.extend(timetable_lines("", text, line))

    def _paragraph(self) -> None:
        """The run so far as a paragraph's lines, each with its file line and the lines it
        wraps between."""
        if not self._run or self._heading[0] or self._table is not None:
            return
        start = self._line(self._run_at)
        parts = _split_lines(self._run)
        self._run = []
        for number, (offset, part, soft) in enumerate(parts):
            if part.text.strip() and not part.struck:
                line = Line(start + offset, part, 0, self._depth)
                if len(parts) > 1:
                    line.wrapped = _neighbours(parts, number, soft)
                self.blocks.append(bulleted(line))

    def close(self) -> None:
        self._paragraph()


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
        Line(first_line + line - 1, Inline(_EMPHASIS_AROUND_DIGITS.sub("", text)), heading)
        for line, heading, text in parser.lines
    ]


# Markdown's emphasis around a time inside HTML, where it is not rendered: "<summary>*13:00*〜
# *13:10*　オープニング</summary>" reads as "13:00〜13:10　オープニング".
_EMPHASIS_AROUND_DIGITS = compiled(r"(?<![\w*])[*_]{1,2}(?=\d)|(?<=\d)[*_]{1,2}(?![\w*])")


# Links to these schemes are never followed: their text is kept, without the link.
_BAD_SCHEME = compiled(r"(?i)\s*(?:vbscript|javascript|file|data):")
_IMAGE_DATA = compiled(r"(?i)\s*data:image/(?:gif|png|jpeg|webp);")
_HOSTS_RECODED = ("http:", "https:", "mailto:")  # and no scheme at all
# A web address that encoding gives back unchanged: http(s), a host of letters, digits and
# dashes, a port, then only characters it leaves as they are (no "%", no "@", nothing outside
# ASCII). Most of a page's links are such; the rest are parsed and encoded.
_PLAIN_URL = compiled(
    r"https?://[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
    r"(?::[0-9]{1,5})?(?:[/?#][A-Za-z0-9;/?:=+$,\-_.!~*'()#&]*)?"
)
_NOT_ASCII = compiled(r"[^\x00-\x7f]")
_LABEL_DOTS = compiled("[.\u3002\uff0e\uff61]")  # the full stops that part a host's labels


def _address(link: Mapping[str, str]) -> str:
    """A link's address as CommonMark's reference parsers give it: its host in its
    internationalized (IDNA) form, the rest percent-encoded; "" for a script or a file."""
    url = link["dest_url"]
    if link.get("link_type") == "Email":
        url = f"mailto:{url}"
    if _PLAIN_URL.fullmatch(url):
        return url
    if _BAD_SCHEME.match(url) and not _IMAGE_DATA.match(url):
        return ""
    parsed = mdurl.parse(url, slashes_denote_host=True)
    if parsed.hostname and (not parsed.protocol or parsed.protocol in _HOSTS_RECODED):
        parsed = parsed._replace(hostname=_ascii_host(parsed.hostname))
    if not parsed.hostname or ":" not in parsed.hostname:
        return mdurl.encode(mdurl.format(parsed))
    # an IPv6 host ("http://[::1]:80/"): each part encoded before its brackets are put back
    return mdurl.format(
        parsed._replace(
            protocol=parsed.protocol and mdurl.encode(parsed.protocol),
            auth=parsed.auth and mdurl.encode(parsed.auth),
            hostname=mdurl.encode(parsed.hostname),
            pathname=parsed.pathname and mdurl.encode(parsed.pathname),
            search=parsed.search and mdurl.encode(parsed.search),
            hash=parsed.hash and mdurl.encode(parsed.hash),
        )
    )


def _ascii_host(host: str) -> str:
    """ "bücher.example" -> "xn--bcher-kva.example": each label in another script as Punycode."""
    labels = _LABEL_DOTS.split(host)
    try:
        return ".".join(
            "xn--" + label.encode("punycode").decode("ascii") if _NOT_ASCII.search(label) else label
            for label in labels
        )
    except UnicodeError:
        return host


def _split_lines(pieces: list[_Piece]) -> list[tuple[int, Inline, bool]]:
    """A paragraph's inline pieces split at its line breaks: one Inline per source line, and
    whether a soft break (the source's wrapping, not a hard break) led into it."""
    parts: list[tuple[int, Inline, bool]] = []
    current: list[_Piece] = []
    offset = 0
    soft = False
    for piece in pieces:
        if piece[0] in ("softbreak", "hardbreak"):
            parts.append((offset, render_inline(current), soft))
            current = []
            offset += 1
            soft = piece[0] == "softbreak"
        else:
            current.append(piece)
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


def render_inline(pieces: list[_Piece]) -> Inline:
    """Plain text of inline pieces; `<br>` and breaks become newlines, links are collected."""
    if len(pieces) == 1 and pieces[0][0] == "text":  # plain text: no link, not bold
        return Inline(pieces[0][1].strip())
    texts: list[str] = []
    links: list[Link] = []
    href: str | None = None
    label: list[str] = []
    strong = 0
    phrases: list[str] = []  # the bold phrases, each whole
    struck = 0  # inside "~~…~~", "<del>", "<s>": superseded, not read
    any_struck = False
    plain_outside_strong = False
    for kind, value in pieces:
        text = ""
        if kind in ("s", "/s"):
            struck += 1 if kind == "s" else -1
            any_struck = True
        elif kind == "html" and _STRUCK_TAG.match(value):
            struck += -1 if value.startswith("</") else 1
            any_struck = True
        elif struck > 0:
            continue
        elif kind == "text":
            text = value
        elif kind in ("softbreak", "hardbreak"):
            text = "\n"
        elif kind == "html":
            text = _inline_html(value)
        elif kind == "link":
            href = value
            label = []
        elif kind == "/link":
            if href:
                links.append(Link(href, "".join(label).strip()))
            href = None
        elif kind == "strong":
            strong += 1
            if strong == 1:
                phrases.append("")
        elif kind == "/strong":
            strong -= 1
        if text:
            if strong > 0 and phrases:
                phrases[-1] += text
            texts.append(text)
            if href is not None:
                label.append(text)
            if not strong and text.strip():
                plain_outside_strong = True
    joined = "".join(texts).strip()
    called_off = False
    if any_struck:  # "Opening ~~old~~ new": one space where the struck words were
        joined = _SPACES_LEFT.sub(" ", joined)
        # "~~Rust for Pythonistas~~ *cancelled, sorry!*": withdrawn, what it says kept (a table
        # of dates reads "~~Géométrie~~ – entfällt" as the date's meeting called off)
        called_off = not joined or withdrawn(joined)
    bold = bool(joined) and not plain_outside_strong
    strong_phrases = tuple(p.strip() for p in phrases if p.strip())
    return Inline(joined, links, bold, struck=called_off, strong=strong_phrases)


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
