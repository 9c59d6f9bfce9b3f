"""Bad input of every kind ends in one clear error, never a traceback, and loses nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.readers.context import ReadOptions
from bot.domain.readers.source import MAX_BYTES, read_bytes, read_paths
from tests.helpers import SEED, messages


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"", "x.md", "0: error: the file is empty"),
        (b"   \n\n", "x.md", "0: error: the file is empty"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00",
            "x.md",
            "0: error: this is a binary file, not an agenda",
        ),
        (b"# Title\n\xff\xfe broken", "x.md", "2: error: the file is not valid UTF-8 text"),
        (
            "# Agenda\n".encode("utf-16"),
            "x.md",
            "0: error: the file is UTF-16 text; save it as UTF-8",
        ),
        (
            b"hello",
            "x.txt",
            "0: error: unknown agenda format; use one of .htm, .html, .ics, .markdown, .md, .yaml, .yml",
        ),
        (
            b"x" * (MAX_BYTES + 1),
            "x.md",
            "0: error: the file is 256 KB; agendas are limited to 256 KB",
        ),
    ],
)
def test_unusable_input_gets_one_clear_error(data: bytes, name: str, expected: str) -> None:
    result = read_bytes(data, name, ReadOptions())
    assert result.schedules == []
    assert messages(result) == [expected]


def test_a_ten_megabyte_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.md"
    huge.write_bytes(b"| 10:00 | x |\n" * (10 * 1024 * 1024 // 14))
    [result] = read_paths([huge], ReadOptions())
    assert messages(result) == ["0: error: the file is 10239 KB; agendas are limited to 256 KB"]


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: [unclosed\n---\n\n**Date:** 2024-05-05 10:00-11:00\n",
        "+++\ntitle = \n+++\n\n**Date:** 2024-05-05 10:00-11:00\n",
        "---\n!!python/object/apply:os.system ['echo hi']\n---\n**Date:** 2024-05-05 10:00\n",
        "> " * 5000 + "13:00 x\n",
        "- " * 3000 + "13:00 x\n",
        "| " * 5000 + "\n|" + "---|" * 2000 + "\n",
        "**Date:** " + "July 10, 2021 " * 2000,
        "13:" * 20000,
        "\u202e\u0000".replace("\u0000", "") + "# \u202e evil\n",
    ],
)
def test_hostile_markdown_never_raises(text: str) -> None:
    result = read_bytes(text.encode(), "evil.md", ReadOptions())
    assert result.diagnostics or result.schedules


def test_broken_front_matter_is_reported_and_the_body_still_read() -> None:
    result = read_bytes(
        b"---\ntitle: [unclosed\ntimezone: UTC\n---\n\n**Date:** 2024-05-05 10:00-11:00\n",
        "fm.md",
        ReadOptions(),
    )
    assert messages(result)[0].startswith("3: error: front matter:")
    assert [s.start.isoformat() for s in result.schedules[0].sessions] == [
        "2024-05-05T10:00:00+08:00"
    ]


def test_one_bad_file_never_stops_the_others(tmp_path: Path) -> None:
    (tmp_path / "a-good.md").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b-binary.md").write_bytes(b"\x00\x01\x02")
    (tmp_path / "c-empty.yaml").write_text("", encoding="utf-8")
    (tmp_path / ".hidden.md").write_text("ignored", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("ignored", encoding="utf-8")
    results = read_paths([tmp_path], ReadOptions())
    assert [(Path(r.file).name, r.ok, len(r.schedules)) for r in results] == [
        ("a-good.md", True, 1),
        ("b-binary.md", False, 0),
        ("c-empty.yaml", False, 0),
    ]
