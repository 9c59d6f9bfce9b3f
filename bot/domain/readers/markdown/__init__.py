"""Markdown agenda pages as Hugo/Jekyll sites and READMEs write them.

The reader's modules (and the Markdown parser under them) load with the first page read: the
native and iCalendar readers share this package's session kinds and speaker names (`kinds`,
`speakers`), and an agenda folder without a page never needs the rest.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.domain.agenda import Schedule
    from bot.domain.diagnostics import Diagnostics
    from bot.domain.readers.context import ReadOptions
    from bot.domain.readers.markdown.blocks import Inline, Line, Table
    from bot.domain.readers.markdown.front_matter import FrontMatter


def read_markdown(
    text: str, diagnostics: Diagnostics, options: ReadOptions, stem: str
) -> list[Schedule]:
    """Every schedule a page describes. Problems go to `diagnostics`; broken front matter is
    reported and the body is still read. Chat timestamps ("<t:1773349200:F>") and forum date
    tags ("[date=2025-08-14 time=18:45:00 timezone=…]") are read as the instants they are."""
    from bot.domain.readers.markdown.front_matter import (  # noqa: PLC0415 - with the first page
        FrontMatterError,
        body_after_broken_front_matter,
        split_front_matter,
    )
    from bot.domain.readers.markdown.page import PageReader  # noqa: PLC0415 - as above
    from bot.domain.timetext.chat_stamps import (  # noqa: PLC0415 - as above
        write_out_chat_stamps,
        write_out_forum_dates,
    )

    try:
        front = split_front_matter(text)
    except FrontMatterError as exc:
        diagnostics.error(exc.line, str(exc))
        front = body_after_broken_front_matter(text)
    front.body = write_out_forum_dates(write_out_chat_stamps(front.body))
    return PageReader(front, diagnostics, options, stem).read()


def read_blocks(
    blocks: list[Line | Table],
    front: FrontMatter,
    diagnostics: Diagnostics,
    options: ReadOptions,
    stem: str,
) -> list[Schedule]:
    """Every schedule a page describes, given as blocks already made (a rendered page's), with
    `front` saying what its front matter would (its body is the page's text)."""
    from bot.domain.readers.markdown.page import PageReader  # noqa: PLC0415 - with the first page
    from bot.domain.timetext.chat_stamps import (  # noqa: PLC0415 - as above
        write_out_chat_stamps,
        write_out_forum_dates,
    )

    if "<t:" in front.body or "[date" in front.body:
        # chat timestamps and forum date tags, as the Markdown would have them written out
        for inline in (inline for block in blocks for inline in _inlines(block)):
            inline.text = write_out_forum_dates(write_out_chat_stamps(inline.text))
    return PageReader(front, diagnostics, options, stem, blocks).read()


def _inlines(block: Line | Table) -> list[Inline]:
    from bot.domain.readers.markdown.blocks import Line  # noqa: PLC0415 - loaded by the page

    if isinstance(block, Line):
        return [block.inline]
    return [*block.header, *(cell for _, cells in block.rows for cell in cells)]
