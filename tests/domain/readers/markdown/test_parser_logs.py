"""markdown-it's per-rule debug calls cost nothing once the reader is loaded; other loggers keep
theirs."""

from __future__ import annotations

import logging

import pytest

import bot.domain.readers.markdown.blocks  # noqa: F401 - quiets markdown-it's loggers on import
from bot.domain.readers.markdown.parser_logs import quiet_debug_calls


def test_markdown_it_debug_calls_do_nothing_and_other_loggers_keep_theirs(
    caplog: pytest.LogCaptureFixture,
) -> None:
    paragraph = logging.getLogger("markdown_it.rules_block.paragraph")
    bystander = logging.getLogger("markdown_itself")  # shares the prefix, not the package
    quiet_debug_calls("markdown_it")
    with caplog.at_level(logging.DEBUG):
        paragraph.debug("entering paragraph")
        bystander.debug("still heard")
    assert [r.getMessage() for r in caplog.records] == ["still heard"]
