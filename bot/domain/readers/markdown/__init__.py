"""Markdown agenda pages as Hugo/Jekyll sites and READMEs write them."""

from __future__ import annotations

from bot.domain.agenda import Schedule
from bot.domain.diagnostics import Diagnostics
from bot.domain.readers.context import ReadOptions
from bot.domain.readers.markdown.blocks import Inline, Line, Table
from bot.domain.readers.markdown.front_matter import (
    FrontMatter,
    FrontMatterError,
    body_after_broken_front_matter,
    split_front_matter,
)
from bot.domain.readers.markdown.page import PageReader
from bot.domain.timetext.chat_stamps import write_out_chat_stamps, write_out_forum_dates


def read_markdown(
    text: str, diagnostics: Diagnostics, options: ReadOptions, stem: str
) -> list[Schedule]:
    """Every schedule a page describes. Problems go to `diagnostics`; broken front matter is
    reported and the body is still read. Chat timestamps ("<t:1773349200:F>") and forum date
    tags ("[date=2025-08-14 time=18:45:00 timezone=…]") are read as the instants they are."""
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
    if "<t:" in front.body or "[date" in front.body:
        # chat timestamps and forum date tags, as the Markdown would have them written out
        for inline in (inline for block in blocks for inline in _inlines(block)):
            inline.text = write_out_forum_dates(write_out_chat_stamps(inline.text))
    return PageReader(front, diagnostics, options, stem, blocks).read()


def _inlines(block: Line | Table) -> list[Inline]:
    if isinstance(block, Line):
        return [block.inline]
    return [*block.header, *(cell for _, cells in block.rows for cell in cells)]
