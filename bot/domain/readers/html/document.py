"""A rendered HTML page as the blocks the Markdown walk reads, through lxml's HTML parser.

Hugo, Jekyll and GitHub render the Markdown agenda pages this bot reads; an event site writes its
schedule as HTML of its own. Either way the page's content is found (`<main>`, `<article>`, the
common theme containers, else `<body>`), the site's chrome and what a browser does not show are
left out, and what is left becomes the same `Line` and `Table` blocks the Markdown reader makes,
each with the line of the HTML file it comes from. Front matter does not exist in HTML: the title
comes from og:title, `<title>` or the page's first `<h1>`, the publication date from
article:published_time, the language from `<html lang>`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from lxml.html import HtmlElement, HTMLParser, document_fromstring

from bot.domain.agenda import Link
from bot.domain.patterns import compiled
from bot.domain.readers.markdown.blocks import (
    HEADING_LEVELS,
    MAX_COLSPAN,
    MAX_COLUMNS,
    MAX_ROWSPAN,
    Block,
    Inline,
    Line,
    Table,
    bulleted,
    carry_spanned,
    span_of,
    timetable_lines,
    withdrawn,
)

# Elements whose content is not part of the page as read: code, scripts, forms, embedded media,
# and the site's navigation and sidebars.
_SKIPPED = frozenset(
    (
        "head",
        "script",
        "style",
        "template",
        "noscript",
        "nav",
        "aside",
        "form",
        "button",
        "select",
        "textarea",
        "input",
        "iframe",
        "object",
        "embed",
        "svg",
        "math",
        "canvas",
        "video",
        "audio",
        "dialog",
        "del",  # struck out: "<s>Aula E2</s> Aula E3", "<del>19:00</del> 19:30" (and in Markdown)
        "s",
        "strike",
    )
)
_STRUCK = frozenset(("del", "s", "strike"))
# ARIA landmarks that are a site's chrome, not its content.
_CHROME_ROLES = frozenset(("navigation", "banner", "contentinfo", "complementary", "search"))
# Classes that hide an element in every common stylesheet.
_HIDDEN_CLASSES = frozenset(
    ("hidden", "d-none", "sr-only", "visually-hidden", "screen-reader-text")
)
_HIDDEN_STYLE = compiled(r"(?i)display\s*:\s*none|visibility\s*:\s*hidden")
# Elements that start and end a line of their own (the rest flow inside a line).
_BLOCKS = frozenset(
    (
        "address",
        "article",
        "blockquote",
        "body",
        "caption",
        "center",
        "details",
        "div",
        "dd",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "header",
        "hgroup",
        "hr",
        "html",
        "li",
        "main",
        "p",
        "section",
        "summary",
    )
)
_LISTS = frozenset(("ul", "ol", "menu", "dir"))
_HEADINGS = HEADING_LEVELS
# The containers themes put a post's rendered Markdown in, tried before <main>: the post's own
# header (its title and publication date) sits outside them.
_POST_BODIES = (
    "//*[@itemprop='articleBody']",
    *(
        f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]"
        for name in (
            "post-content",
            "entry-content",
            "e-content",
            "markdown-body",
            "article-content",
            "article-body",
            "post-body",
        )
    ),
)
_GENERIC_CONTENT = (
    "//*[@id='content']",
    "//*[@id='main-content']",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' content ')]",
)
# "Agenda | Site": the separators themes put between a page's and a site's name (dashes are
# written inside titles too: "PyCon 2024 — Schedule" is one title).
_SITE_SEPARATORS = compiled(r"\s+[|·•]\s+")
# A code host's title for a file it shows: "agenda.md at main · org/repo · GitHub",
# "GitHub - org/repo: …".
_REPOSITORY_TITLE = compiled(
    r"^\S+\.[A-Za-z0-9]{1,10} at \S+|\s[·•|-]\s*GitHub\s*$|^GitHub\s+-\s", re.IGNORECASE
)
# The white space a browser collapses (ASCII only: a no-break space is text).
_SPACE = compiled(r"[ \t\n\f\r]+")
# Browsers cap a colspan at 1000; a schedule never spans more than a few dozen columns, and
# capping lower keeps a hostile page's table small.
# Cells of one table, spans filled in: a schedule of 256 KB has a few thousand; spans past this
# are a page built to be slow.
_MAX_CELLS = 30_000
# Elements nested deeper than this are read as their plain text: no page's content nests so deep,
# and reading stays linear (and off the interpreter's recursion limit) whatever the input.
_MAX_NESTING = 120
_CANDIDATES = 50  # content containers looked at: a page has one or two
# A <time>'s machine-readable date (and time, and offset): "2026-12-10", "2026-12-10T18:30Z",
# "2026-12-10 18:30:00+00:00".
_STAMP = compiled(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?",
    re.IGNORECASE,
)
_STAMP_OFFSET = compiled(r"(?i)[T ]\d{2}:\d{2}.*(?:Z|[+-]\d{2}:?\d{2})$")


@dataclass(slots=True)
class HtmlPage:
    """What an HTML page gives the walk: its blocks and what front matter would have said."""

    blocks: list[Block]
    fields: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)  # the line each field was read from
    text: str = ""  # the blocks' text, for what the page's language says
    problems: list[tuple[int, str]] = field(default_factory=list)  # (line, message): warnings
    first_line: int = 1


class HtmlError(ValueError):
    """A page the HTML parser could not make a document of."""


def read_page(html: str) -> HtmlPage:
    """The page's blocks and fields. Raises HtmlError for a document with nothing in it."""
    # Parsed as UTF-8 bytes: lxml refuses text that declares its own encoding.
    parser = HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True, huge_tree=True
    )
    try:
        root = document_fromstring(html.encode("utf-8", "surrogatepass"), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise HtmlError(f"not an HTML document ({exc})") from None
    page = HtmlPage([])
    _head_fields(root, page)
    _rendered_front_matter(root, page)
    content = _content_root(root)
    walker = _Walker(_sectioned(content) or any(_sectioned(a) for a in content.iterancestors()))
    walker.walk(content)
    page.blocks = walker.blocks
    page.problems = walker.problems
    _dated_by_time(page, walker.stamps)
    page.first_line = _first_line(walker.blocks) or content.sourceline or 1
    _title(page)
    page.text = "\n".join(_texts(page.blocks))
    return page


# ---- the head -----------------------------------------------------------------------------------


def _head_fields(root: HtmlElement, page: HtmlPage) -> None:
    lang = root.get("lang") or root.get("xml:lang")
    if lang and lang.strip():
        page.fields["lang"] = lang.strip()
        page.lines["lang"] = root.sourceline or 1
    metas: dict[str, tuple[str, int]] = {}
    for meta in root.iter("meta"):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = " ".join((meta.get("content") or "").split())
        if name and content and name not in metas:
            metas[name] = (content, meta.sourceline or 1)
    titles = [
        t for t in root.iter("title") if t.getparent() is not None and t.getparent().tag == "head"
    ]
    if "og:title" in metas:
        _field(page, "title", *metas["og:title"])
        page.lines["og:title"] = page.lines["title"]
    elif titles:
        text = " ".join(titles[0].text_content().split())
        if text:
            _field(page, "title", text, titles[0].sourceline or 1)
    for name in ("article:published_time", "datepublished", "date"):
        if name in metas:
            _field(page, "date", *metas[name])
            break
    for name in ("og:description", "description"):
        if name in metas:
            _field(page, "description", *metas[name])
            break


def _dated_by_time(page: HtmlPage, stamps: list[tuple[str, int]]) -> None:
    """`<time datetime="2026-12-10T18:30:00+00:00">Thursday 10 December</time>`: the machine
    reading of a shown date. With no publication date in the head, the first one dates the page
    as a front matter date would: the year of dates shown without one, and its offset (if any)
    evidence of the zone when the page names none. The shown text stays the line's text."""
    if "date" in page.fields or not stamps:
        return
    with_offset = [s for s in stamps if _STAMP_OFFSET.search(s[0])]
    value, line = with_offset[0] if with_offset else stamps[0]
    _field(page, "date", value, line)


def _rendered_front_matter(root: HtmlElement, page: HtmlPage) -> None:
    """GitHub shows a Markdown file's front matter as a table of its fields
    (`<table data-table-type="yaml-metadata">`): they are the page's fields, its title above the
    repository's "<file> at <branch>"."""
    tables = root.xpath("//table[@data-table-type='yaml-metadata']")
    if not tables or not isinstance(tables[0], HtmlElement):
        return
    table = tables[0]
    names = [" ".join(th.text_content().split()) for th in table.xpath(".//tr[1]/th")]
    values = table.xpath(".//tr[td][1]/td")
    line = table.sourceline or 1
    for name, cell in zip(names, values, strict=False):
        value = " ".join(cell.text_content().split())
        if not name or not value:
            continue
        if name not in page.fields or (name == "title" and _repository_view(page)):
            _field(page, name, value, line)
            if name == "title":
                page.lines.pop("og:title", None)


def _repository_view(page: HtmlPage) -> bool:
    """Whether the page's title is a code host's view of a file ("agenda.md at main · org/repo ·
    GitHub"), not the document's own."""
    title = page.fields.get("title")
    return isinstance(title, str) and _REPOSITORY_TITLE.search(title) is not None


def _field(page: HtmlPage, key: str, value: str, line: int) -> None:
    page.fields[key] = value
    page.lines[key] = line


def _title(page: HtmlPage) -> None:
    """The page's title. og:title is the page's own; <title> often adds the site's name after a
    bar ("Agenda | Site"), so a <title> is cut there. A theme shows the front matter's title as
    the page's first <h1>: when that heading is the title, it is the title and not part of the
    body, as in the Markdown the page came from."""
    title = page.fields.get("title")
    if not isinstance(title, str):
        return
    if _repository_view(page):
        # The document's own first heading names it (its first <h1>, else its first heading).
        headings = [b for b in page.blocks if isinstance(b, Line) and b.heading]
        first = next((b for b in headings if b.heading == 1), headings[0] if headings else None)
        if first is None:
            del page.fields["title"]
            page.lines.pop("title", None)
        else:
            page.fields["title"] = first.inline.text
            page.lines["title"] = first.number
        page.lines.pop("og:title", None)
        return
    forms = [title]
    if page.lines.get("og:title") is None:
        forms = [*_SITE_SEPARATORS.split(title), title]
    first = next((b for b in page.blocks if isinstance(b, Line) and b.heading == 1), None)
    if first is not None and _folded(first.inline.text) in {_folded(f) for f in forms}:
        page.blocks = [b for b in page.blocks if b is not first]
        page.fields["title"] = first.inline.text
        page.lines["title"] = first.number
    else:
        page.fields["title"] = forms[0]
    page.lines.pop("og:title", None)


def _first_line(blocks: list[Block]) -> int:
    """Where the content starts: the line of its first block, where a page's body would."""
    return blocks[0].number if blocks else 0


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def _texts(blocks: list[Block]) -> list[str]:
    texts = []
    for block in blocks:
        if isinstance(block, Line):
            texts.append(block.inline.text)
        else:
            texts.extend(cell.text for cell in block.header)
            texts.extend(cell.text for _, cells in block.rows for cell in cells)
    return texts


# ---- finding the content ------------------------------------------------------------------------


def _content_root(root: HtmlElement) -> HtmlElement:
    """The element that holds the page's content: a theme's post body, <main>, the one
    <article>, a #content container, else <body>."""
    for query in _POST_BODIES:
        found = _shown(root.xpath(query))
        if len(found) == 1:
            return found[0]
    mains = _shown(root.xpath("//main | //*[@role='main']"))
    if mains:
        return mains[0]
    articles = _shown(root.xpath("//article"))
    if len(articles) == 1:
        return articles[0]
    for query in _GENERIC_CONTENT:
        found = _shown(root.xpath(query))
        if len(found) == 1:
            return found[0]
    body = root.find("body")
    return body if body is not None else root


def _shown(elements: Any) -> list[HtmlElement]:
    """The first two of `elements` that a browser shows (two tell whether one is alone)."""
    shown: list[HtmlElement] = []
    for element in elements[:_CANDIDATES]:
        if not isinstance(element, HtmlElement) or _skipped(element, sectioned=True):
            continue
        ancestors = list(element.iterancestors())
        sectioned = [_sectioned(a) for a in ancestors]
        if any(_skipped(a, any(sectioned[i + 1 :])) for i, a in enumerate(ancestors)):
            continue
        shown.append(element)
        if len(shown) == 2:
            break
    return shown


def _sectioned(element: HtmlElement) -> bool:
    """Whether the element is a part of the content that may have a header and footer."""
    return element.tag in ("article", "section", "main") or element.get("role") == "main"


def _skipped(element: HtmlElement, sectioned: bool) -> bool:
    """Whether an element is left out: not shown, or the site's chrome rather than content.
    `sectioned`: whether it lies in an article, section or main element."""
    tag = element.tag
    if not isinstance(tag, str):
        return True
    tag = tag.lower()
    if tag in _SKIPPED:
        return True
    attributes = element.attrib
    if "hidden" in attributes or attributes.get("aria-hidden", "").lower() == "true":
        return True
    if _HIDDEN_STYLE.search(attributes.get("style", "")):
        return True
    if _HIDDEN_CLASSES.intersection(attributes.get("class", "").split()):
        return True
    if attributes.get("role", "").lower() in _CHROME_ROLES:
        return True
    # The site's banner and footer; a header or footer of an article or section is content.
    return tag in ("header", "footer") and not sectioned


# ---- walking the content ------------------------------------------------------------------------


@dataclass(slots=True)
class _Bit:
    """A piece of a line: text (or a break), the line it sits on, its link and its weight."""

    text: str
    line: int
    link: int = 0  # which <a> it is in (0: none)
    strong: bool = False
    brk: bool = False  # a line break: <br>, or a new line in the text as Markdown leaves it
    struck: bool = False  # where struck words were ("<s>Rust for Pythonistas</s>")


class _Walker:
    """The content, element by element, into blocks."""

    def __init__(self, sectioned: bool) -> None:
        self.sectioned = sectioned  # inside an article, a section or main
        self.blocks: list[Block] = []
        self.bits: list[_Bit] = []
        self.links: dict[int, str] = {}
        self.link = 0
        self.strong = 0
        self.line = 1
        self.heading = 0
        self.cell = False  # inside a table cell: one Inline, breaks kept as "\n"
        self.nesting = 0
        self.problems: list[tuple[int, str]] = []  # (line, what was not read)
        self.stamps: list[tuple[str, int]] = []  # dated <time datetime=…> values and lines

    def walk(self, root: HtmlElement) -> None:
        self.line = root.sourceline or 1
        self._content(root, 0)
        self._flush(0)

    # -- elements --

    def _element(self, element: HtmlElement, depth: int) -> None:
        if _skipped(element, self.sectioned):
            if str(element.tag).lower() in _STRUCK:  # what is left may say it is withdrawn
                self.bits.append(_Bit("", self.line, struck=True))
            return
        outer = self.sectioned
        self.sectioned = outer or _sectioned(element)
        self._shown_element(element, depth)
        self.sectioned = outer

    def _shown_element(self, element: HtmlElement, depth: int) -> None:
        tag = str(element.tag).lower()
        if tag == "br":
            self.bits.append(_Bit("", self.line, brk=True))
        elif tag == "img":
            alt = element.get("alt") or ""
            if alt.strip():
                self._text(alt)
        elif tag == "pre":
            # a code block: read only when it is a plain-text timetable, as in Markdown
            self._flush(depth)
            code = next(element.iterchildren("code"), None)
            classes = (code if code is not None else element).get("class", "").split()
            info = next(
                (c.removeprefix("language-") for c in classes if c.startswith("language-")), ""
            )
            self.blocks.extend(
                timetable_lines(info, element.text_content(), element.sourceline or self.line)
            )
        elif tag == "table" and element.get("data-table-type") == "yaml-metadata":
            pass  # front matter as GitHub shows it: the page's fields (_rendered_front_matter)
        elif tag == "table":
            self._break(depth)
            if not self.cell:
                for caption in element.iterchildren("caption"):  # "All times in CET"
                    self.line = max(self.line, caption.sourceline or 0)
                    self._element(caption, depth)
                self.blocks.append(self._table(element))
            else:  # a table in a cell: its text
                self._content(element, depth)
        elif tag in _HEADINGS and not self.cell:
            self._flush(depth)
            self.heading = _HEADINGS[tag]
            self._content(element, depth)
            self._flush(depth)
            self.heading = 0
        elif tag in _LISTS:
            self._break(depth)
            self._content(element, depth + 1)
            self._break(depth + 1)
        elif tag == "dl" and not self.cell:
            self._flush(depth)
            self._definitions(element, depth)
        elif tag in _BLOCKS or tag in _HEADINGS or tag in ("dl", "tr", "td", "th"):
            self._break(depth)
            self._content(element, depth)
            self._break(depth)
        elif tag == "a":
            href = (element.get("href") or "").strip()
            outer = self.link
            self.link = len(self.links) + 1
            self.links[self.link] = href
            self._content(element, depth)
            self.link = outer
        elif tag in ("strong", "b"):
            self.strong += 1
            self._content(element, depth)
            self.strong -= 1
        elif tag == "time" and not " ".join(element.text_content().split()):
            self._text(element.get("datetime") or "")  # an empty <time>: what it stands for
        elif tag == "time":
            stamp = " ".join((element.get("datetime") or "").split())
            if _STAMP.fullmatch(stamp) and len(self.stamps) < _CANDIDATES:
                self.stamps.append((stamp, self.line))
            self._content(element, depth)
        else:
            self._content(element, depth)

    def _content(self, element: HtmlElement, depth: int) -> None:
        if self.nesting >= _MAX_NESTING:
            self._text(" ".join(" ".join(element.itertext()).split()))
            return
        self.nesting += 1
        self._source_text(element.text)
        for child in element:
            if isinstance(child.tag, str):
                self.line = max(self.line, child.sourceline or 0)
                self._element(child, depth)
            self._source_text(child.tail)
        self.nesting -= 1

    # -- text --

    def _source_text(self, text: str | None) -> None:
        """Text as written in the file. A new line at the start of a source line is a line
        break, as Markdown renderers leave a paragraph's lines; one followed by indentation is
        the markup's layout, white space like any other."""
        if not text:
            return
        parts = text.split("\n")
        self._text(parts[0])
        for part in parts[1:]:
            self.line += 1
            if part[:1] in (" ", "\t") or self.heading or self.cell:
                self._text(" " + part)
            else:
                self.bits.append(_Bit("", self.line, brk=True, strong=bool(self.strong)))
                self._text(part)

    def _text(self, text: str) -> None:
        text = _SPACE.sub(" ", text)
        if text:
            self.bits.append(_Bit(text, self.line, self.link, bool(self.strong)))

    # -- making blocks --

    def _break(self, depth: int) -> None:
        if self.cell:
            self.bits.append(_Bit("", self.line, brk=True))
        else:
            self._flush(depth)

    def _flush(self, depth: int) -> None:
        bits, self.bits = self.bits, []
        if self.heading:
            inline, line = self._inline(bits, breaks="\n")
            if inline is not None:
                if inline.struck:  # "<h4>11:00 a. m. — <s>Mapeo de ríos</s></h4>": over nothing
                    inline.text = ""
                self.blocks.append(Line(line, inline, self.heading, depth))
            return
        start = 0
        made: list[Line] = []
        for index in range(len(bits) + 1):
            if index == len(bits) or bits[index].brk:
                inline, number = self._inline(bits[start:index], breaks=" ")
                if inline is not None and not inline.struck:
                    made.append(Line(number, inline, 0, depth))
                start = index + 1
        if len(made) > 1:  # one paragraph's lines as the source wrapped them
            for index, made_line in enumerate(made):
                made_line.wrapped = (
                    made[index - 1].inline.text if index else "",
                    made[index + 1].inline.text if index + 1 < len(made) else "",
                )
        self.blocks.extend(bulleted(made_line) for made_line in made)

    def _inline(self, bits: list[_Bit], breaks: str) -> tuple[Inline | None, int]:
        """The bits as one Inline and the line it starts on; None when there is no text."""
        pieces: list[str] = []
        labels: dict[int, list[str]] = {}
        phrases: list[str] = []  # the bold phrases, each whole (as the Markdown reader keeps them)
        in_bold = False
        plain = False
        line = 0
        for bit in bits:
            if bit.brk:
                pieces.append(breaks)
                in_bold = False
                continue
            pieces.append(bit.text)
            if bit.strong:
                if not in_bold:
                    phrases.append("")
                phrases[-1] += bit.text
            in_bold = bit.strong
            if bit.link:
                labels.setdefault(bit.link, []).append(bit.text)
            if bit.text.strip():
                line = line or bit.line
                plain = plain or not bit.strong
        text = "".join(pieces)
        text = "\n".join(_SPACE.sub(" ", part).strip(" ") for part in text.split("\n")).strip()
        if not text:
            return None, 0
        links = [
            Link(self.links[key], " ".join("".join(label).split()))
            for key, label in labels.items()
            if self.links[key]
        ]
        strong = tuple(p for p in (_SPACE.sub(" ", p).strip() for p in phrases) if p)
        # "<s>Rust for Pythonistas</s> <em>cancelled, sorry!</em>": withdrawn, as in Markdown
        struck = any(bit.struck for bit in bits) and withdrawn(text)
        return Inline(text, links, bold=not plain, strong=strong, struck=struck), line

    # -- definition lists --

    def _definitions(self, element: HtmlElement, depth: int) -> None:
        """<dt>When</dt><dd>Thursday, 19:00</dd> reads as "When: Thursday, 19:00", the way a page
        writes a label and its value; other terms are lines of their own."""
        items = [
            item
            for child in element
            if isinstance(child.tag, str) and not _skipped(child, self.sectioned)
            for item in ([child] if child.tag in ("dt", "dd") else child)  # <div> groups
            if item.tag in ("dt", "dd") and not _skipped(item, self.sectioned)
        ]
        label: Line | None = None
        merged: set[int] = set()  # the ids of labels now part of their value's line
        for item in items:
            before = len(self.blocks)
            self.line = max(self.line, item.sourceline or 0)
            self._content(item, depth)
            self._flush(depth)
            made = self.blocks[before:]
            if item.tag == "dt":
                label = None
                if len(made) == 1 and isinstance(made[0], Line) and _is_label(made[0].inline.text):
                    label = made[0]
                continue
            if label is None or not made or not isinstance(made[0], Line):
                continue
            value = made[0]
            text = label.inline.text
            sep = " " if text.endswith((":", "：")) else ": "
            value.inline = Inline(
                text + sep + value.inline.text, label.inline.links + value.inline.links
            )
            merged.add(id(label))
        if merged:  # once for the whole list: one pass per term was quadratic
            self.blocks[:] = [b for b in self.blocks if id(b) not in merged]

    # -- tables --

    def _table(self, table: HtmlElement) -> Table:
        rows: list[tuple[int, list[Inline], bool]] = []  # (line, cells, header row)
        carried: dict[int, tuple[int, Inline]] = {}  # column: (rows left, cell) for rowspan
        budget = _MAX_CELLS
        for tr in table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr"):
            if not isinstance(tr, HtmlElement) or _skipped(tr, self.sectioned):
                continue
            if budget <= 0:
                self.problems.append(
                    (
                        tr.sourceline or 1,
                        f"the table has more than {_MAX_CELLS} cells (its spans counted); "
                        "the rows from here on are not read",
                    )
                )
                break
            in_head = str(tr.getparent().tag if tr.getparent() is not None else "") == "thead"
            cells: list[Inline] = []
            all_th = True
            column = 0
            for cell in tr:
                if not isinstance(cell.tag, str) or cell.tag not in ("td", "th"):
                    continue
                column = carry_spanned(cells, carried, column)
                all_th = all_th and cell.tag == "th"
                inline = self._cell(cell)
                cells.append(inline)
                rowspan = span_of(cell.get("rowspan"), MAX_ROWSPAN)
                if rowspan > 1 and column < MAX_COLUMNS:
                    carried[column] = (rowspan - 1, inline)
                colspan = span_of(cell.get("colspan"), MAX_COLSPAN)
                cells.extend(Inline("") for _ in range(colspan - 1))
                column += colspan
            carry_spanned(cells, carried, column, to_end=True)
            del cells[MAX_COLUMNS:]
            budget -= len(cells)
            if cells:
                rows.append((tr.sourceline or table.sourceline or 1, cells, in_head or all_th))
        number = table.sourceline or 1
        if rows and rows[0][2]:
            header, body = rows[0][1], rows[1:]
        else:
            width = max((len(cells) for _, cells, _ in rows), default=0)
            header = [Inline("") for _ in range(width)]
            body = rows
        width = len(header)
        return Table(
            number,
            header,
            [
                (line, (cells + [Inline("") for _ in range(width)])[:width])
                for line, cells, _ in body
            ],
        )

    def _cell(self, cell: HtmlElement) -> Inline:
        outer = (self.bits, self.cell, self.strong, self.link)
        self.bits, self.cell, self.strong, self.link = [], True, 0, 0
        self.line = max(self.line, cell.sourceline or 0)
        self._content(cell, 0)
        inline, _ = self._inline(self.bits, breaks="\n")
        self.bits, self.cell, self.strong, self.link = outer
        if inline is None:  # "<td><del>14h55 – 15h20</del></td>": withdrawn, not empty
            struck = any(isinstance(e.tag, str) and e.tag.lower() in _STRUCK for e in cell.iter())
            return Inline("", struck=struck)
        return inline


def _is_label(text: str) -> bool:
    """ "When", "Where:", "Ort": a term that names what its definition is."""
    words = text.rstrip(":：").split()
    return 0 < len(words) <= 4 and not any(c.isdigit() for c in text)
