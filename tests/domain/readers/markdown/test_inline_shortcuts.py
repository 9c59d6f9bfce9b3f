"""Plain cells and bold labels are read without the full inline parser, to the same tokens."""

from __future__ import annotations

import random

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from bot.domain.readers.markdown.blocks import (
    _PARSER,
    Line,
    Table,
    inline_of,
    parse_blocks,
    plain_children,
    render_inline,
)

_STOCK = MarkdownIt("commonmark", {"maxNesting": 40}).enable(["table", "strikethrough"])


def _dump(tokens: list[Token]) -> list[object]:
    for token in tokens:  # plain text keeps no child tokens: made here as markdown-it makes them
        if token.meta.pop("plain", False):
            token.children = plain_children(token)
    return [
        (
            *(t.type, t.tag, t.nesting, t.content, t.attrs, t.map, t.level, t.markup, t.info),
            *(t.block, t.hidden, _dump(t.children) if t.children is not None else None),
        )
        for t in tokens
    ]


@pytest.mark.parametrize(
    "text",
    [
        "| Time | Session |\n| --- | --- |\n| 09:00 - 09:30 | Opening (Acme) |\n| 10:00 | |",
        "**Time:** 12 March 2024, 09:00-18:00 (CST)",
        "**活动时间**：2024年7月1日13:00-17:30（北京时间）",
        "**Venue:**Hall 3",  # punctuation before the closing "**" and a letter after: not bold
        "** Time:** 10:00",  # white space after the opening "**": not bold
        "**Time **10:00",  # white space before the closing "**": not bold
        "**a**",
        "**(a)**.",
        "**a\u00a0**b",
        "**Date:** see [the site][1]\n\n[1]: https://example.org",
        "- 10:00 Talk\n  - Speaker: A (B)\n  - **Slides:** none",
        "# Meetup — May 5, 2024\n\nplain line\nsecond line",
        "",
    ],
)
def test_the_shortcuts_give_the_tokens_of_the_full_inline_parser(text: str) -> None:
    assert _dump(_PARSER.parse(text)) == _dump(_STOCK.parse(text))


def test_random_bold_labels_give_the_tokens_of_the_full_inline_parser() -> None:
    rng = random.Random(7)
    letters = list("ab1 :：，.()（）\u00a0\u3000\t-#+'\"中é")
    for _ in range(3000):
        inside = "".join(rng.choice(letters) for _ in range(rng.randint(1, 5)))
        after = "".join(rng.choice(letters) for _ in range(rng.randint(0, 4)))
        text = rng.choice(["", "x", "- ", "# "]) + "**" + inside + "**" + after
        assert _dump(_PARSER.parse(text)) == _dump(_STOCK.parse(text)), text


def test_a_bold_label_line_is_bold_text_and_a_plain_cell_is_plain() -> None:
    line, table = parse_blocks("**Time:**\n\n| A |\n|---|\n| 09:00 |\n", 1)
    assert isinstance(line, Line) and isinstance(table, Table)
    assert (line.inline.text, line.inline.bold) == ("Time:", True)
    assert [(n, [(c.text, c.bold) for c in cells]) for n, cells in table.rows] == [
        (5, [("09:00", False)])
    ]


def test_links_keep_the_addresses_markdown_it_would_give_them() -> None:
    rng = random.Random(11)
    hosts = list("aZ0-.")
    rest = list("aA0;/?:&=+$,-_.!~*'()#xyzH%@é ")
    addresses = [
        "https://Example.COM/A",
        "http://a.b:80/x?y=1#z",
        "https://example.org/slides%20deck.pdf",
        "https://user@example.org/",
        "https://bücher.example/",
        "mailto:Foo@Bar.com",
        "//host/x",
        "http://[::1]:80/",
    ]
    for _ in range(3000):
        addresses.append(
            rng.choice(["http://", "https://", "HTTP://", "ftp://", ""])
            + "".join(rng.choice(hosts) for _ in range(rng.randint(0, 8)))
            + rng.choice(["", ":", ":8", "/", "?", "#"])
            + "".join(rng.choice(rest) for _ in range(rng.randint(0, 10)))
        )
    for address in addresses:
        assert _PARSER.normalizeLink(address) == _STOCK.normalizeLink(address), address
    text = "".join(f"- [link {n}](<{a}>)\n" for n, a in enumerate(addresses[:300]))
    assert _dump(_PARSER.parse(text)) == _dump(_STOCK.parse(text))


def test_random_links_give_the_tokens_of_the_full_inline_parser() -> None:
    rng = random.Random(13)
    label_chars = [*"ab1 :.()-'\"中é\t", "&amp;", "\\", "*", "`"]
    url_chars = list("aZ0/.:?#=-_~%@é()")
    for _ in range(3000):
        label = "".join(rng.choice(label_chars) for _ in range(rng.randint(0, 6)))
        url = rng.choice(["https://", "http://", "", "mailto:"]) + "".join(
            rng.choice(url_chars) for _ in range(rng.randint(0, 10))
        )
        if rng.random() < 0.5:  # an address the shortcut takes, or nearly
            url = rng.choice(["https://example.org", "http://a-b.example:8080"]) + "".join(
                rng.choice("/aZ0._-~?=#%") for _ in range(rng.randint(0, 10))
            )
            label = label.strip() or "Slides"
        text = rng.choice(["", "- ", "| x |\n|---|\n| "]) + f"[{label}]({url})"
        assert _dump(_PARSER.parse(text)) == _dump(_STOCK.parse(text)), text


def test_plain_text_reads_as_its_tokens_would() -> None:
    rng = random.Random(17)
    letters = [*"ab1 :：，.()（）-#+'\"中é\t", "  "]
    for _ in range(2000):
        text = "".join(rng.choice(letters) for _ in range(rng.randint(0, 12)))
        for token in _PARSER.parse(f"| {text} |\n|---|\n| {text} |\n\n{text}\n"):
            if token.type == "inline" and token.meta.get("plain"):
                assert inline_of(token) == render_inline(plain_children(token)), text
