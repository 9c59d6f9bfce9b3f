"""Patterns compiled once per machine: the same matches as `re.compile`, from a file or not."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.domain import patterns
from bot.domain.patterns import PatternCache, longest_first

ROOT = Path(__file__).resolve().parents[2]

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CASES: list[tuple[str, int, list[str]]] = [
    (
        r"(?P<h>\d{1,2}):(?P<m>\d{2})\s*(?P<ampm>am|pm)?",
        re.IGNORECASE,
        ["Doors 6:30PM", "13:30 CST", "9:5"],
    ),
    (f"[{HAN}]{{2,4}}(?:[ ·][{HAN}]{{1,4}})?", 0, ["赵化冰 Tetrate", "讲师：石泽寰", "abc"]),
    (f"(?i:coffee|茶歇)\\s*(?-i:[{HAN}]+)?", 0, ["COFFEE break", "茶歇休息", "tea"]),
    (r"(?<![^\W\d_])(?:mars|mar)\.?(?![^\W\d_])", re.IGNORECASE, ["10 Mars 2027", "Marseille"]),
    (r"(a)(b)?(?(2)c|d)\1", 0, ["abca", "ada", "abda"]),
    (
        r"""^ \s* (?P<day>\d+) \. \s* (?P<month>März|Mai) $  # a German date""",
        re.VERBOSE | re.MULTILINE,
        ["27. März\n3. Mai", "März"],
    ),
    (r"\bCST\b|(?:UTC|GMT)\s*[+-−]\s*\d{1,2}", 0, ["14:00 CST", "UTC+8", "UTC −3", "CSTX"]),
]


def _same(made: re.Pattern[str], pattern: str, flags: int, texts: list[str]) -> None:
    reference = re.compile(pattern, flags)
    assert made.pattern == reference.pattern
    assert made.flags == reference.flags
    assert made.groups == reference.groups
    assert made.groupindex == reference.groupindex
    for text in texts:
        assert [m.groupdict() or m.groups() for m in made.finditer(text)] == [
            m.groupdict() or m.groups() for m in reference.finditer(text)
        ]
        assert [m.span() for m in made.finditer(text)] == [
            m.span() for m in reference.finditer(text)
        ]
        assert made.sub("·", text) == reference.sub("·", text)


@pytest.mark.parametrize(("pattern", "flags", "texts"), CASES)
def test_a_pattern_matches_as_re_compile_before_and_after_the_file(
    tmp_path: Path, pattern: str, flags: int, texts: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    file = tmp_path / "patterns.marshal"
    first = PatternCache(file)
    _same(first.compile(pattern, flags), pattern, flags, texts)
    assert not first.broken
    first.write()
    assert file.exists()

    def not_again(pattern: str, flags: int) -> object:
        raise AssertionError(f"compiled again: {pattern}")

    monkeypatch.setattr(patterns, "_compiled_form", not_again)
    second = PatternCache(file)
    _same(second.compile(pattern, re.RegexFlag(flags)), pattern, flags, texts)
    assert not second.broken


def _written(file: Path, pattern: str, flags: int) -> Path:
    """`file` holding `pattern`, as a first process leaves it."""
    first = PatternCache(file)
    first.compile(pattern, flags)
    first.write()
    return file


def test_a_pattern_written_in_two_modules_is_made_once_and_the_file_kept(tmp_path: Path) -> None:
    pattern, flags, _ = CASES[1]
    file = _written(tmp_path / "patterns.marshal", pattern, flags)
    written = file.stat().st_mtime_ns
    second = PatternCache(file)
    assert second.compile(pattern, flags) is second.compile(pattern, flags)
    second.write()  # nothing new: the file is not written again
    assert file.stat().st_mtime_ns == written


def test_a_released_cache_compiles_what_comes_later_and_keeps_it_at_exit(tmp_path: Path) -> None:
    first, first_flags, _ = CASES[0]
    later, later_flags, texts = CASES[1]
    file = _written(tmp_path / "patterns.marshal", first, first_flags)
    cache = PatternCache(file)
    cache.compile(first, first_flags)
    cache.release()  # the running process lets go of what it did not use
    _same(cache.compile(later, later_flags), later, later_flags, texts)
    cache.write()
    assert set(marshal.loads(file.read_bytes())) == {(first, first_flags), (later, later_flags)}


def test_a_damaged_or_missing_file_means_compiling_as_re_does(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.marshal"
    damaged.write_bytes(b"\x00not marshal at all")
    for cache in (PatternCache(damaged), PatternCache(tmp_path / "none"), PatternCache(None)):
        pattern, flags, texts = CASES[0]
        _same(cache.compile(pattern, flags), pattern, flags, texts)


def test_code_the_engine_refuses_is_compiled_again(tmp_path: Path) -> None:
    pattern, flags, texts = CASES[1]
    file = _written(tmp_path / "patterns.marshal", pattern, flags)
    entries = marshal.loads(file.read_bytes())
    final_flags, _, groups, groupindex, indexgroup = entries[(pattern, flags)]
    garbage = bytes(range(40))
    entries[(pattern, flags)] = (final_flags, garbage, groups, groupindex, indexgroup)
    file.write_bytes(marshal.dumps(entries))
    cache = PatternCache(file)
    _same(cache.compile(pattern, flags), pattern, flags, texts)
    assert cache.broken  # and the file is left alone
    cache.write()
    assert marshal.loads(file.read_bytes())[(pattern, flags)][1] == garbage


def test_an_unwritable_folder_only_means_compiling_each_time(tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    cache = PatternCache(blocked / "agenda-bot" / "patterns.marshal")
    pattern, flags, texts = CASES[3]
    _same(cache.compile(pattern, flags), pattern, flags, texts)
    cache.write()  # no error
    assert blocked.read_text() == ""


def test_alternatives_are_ordered_longest_first_then_the_same_in_every_process() -> None:
    assert sorted({"mar", "mars", "mai", "ab"}, key=longest_first) == ["mars", "mai", "mar", "ab"]


_IMPORT_ALL = """
import importlib, pkgutil
import bot
for info in pkgutil.walk_packages(bot.__path__, "bot."):
    if not info.name.endswith("__main__"):
        importlib.import_module(info.name)
"""


def test_the_package_s_patterns_are_the_same_in_every_process(tmp_path: Path) -> None:
    # Written from a set without a fixed order, a pattern would differ from one process to the
    # next (hash seeds differ): never found in the cache, and the file rewritten every time.
    seen = []
    for seed in ("1", "2"):
        env = {
            **os.environ,
            "PYTHONHASHSEED": seed,
            "XDG_CACHE_HOME": str(tmp_path / seed),
            "PYTHONPATH": str(ROOT),
        }
        subprocess.run(
            [sys.executable, "-c", _IMPORT_ALL], env=env, cwd=ROOT, check=True, timeout=120
        )
        [file] = (tmp_path / seed / "agenda-bot").glob("patterns-*.marshal")
        seen.append(sorted(marshal.loads(file.read_bytes())))
    assert len(seen[0]) > 250
    assert seen[0] == seen[1]
