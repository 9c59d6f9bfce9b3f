"""The package's regular expressions, compiled once per machine rather than once per process.

The readers hold some 430 patterns, and compiling them was a third of what a short command
costs (about 0.11 s of `agenda-bot show`'s 0.36 s on a 2-core machine): `re` builds the set of a
character class one code point at a time in Python, so a class of Chinese, Japanese or Korean
characters costs 1-3 ms each time it appears. `compiled` hands `re`'s C engine the form `re`
would build, read from a cache file that the first process to compile the patterns wrote.

Only the patterns a module holds (constants written in the code) go through here: a pattern
made from an agenda's text would grow the file with every page read. The file is named by the
interpreter, its regular-expression engine and the marshal format, so another Python never
reads it, and the engine checks the code it is given. A missing or damaged file, a folder that
cannot be written, or an interpreter whose internals differ all mean compiling as
`re.compile` does. The cache lives under `$XDG_CACHE_HOME/agenda-bot/` (`~/.cache` by default).
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import marshal
import re
import sys
from array import array
from pathlib import Path

from bot.domain.cache_files import cache_folder, write_cache_file

try:  # the engine under `re`, and how `re` makes the code it runs (CPython)
    import _sre  # type: ignore[import-not-found]
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another interpreter: compile as re does
    _sre = None

CACHE_FORMAT = 1  # raise when the cached shape changes
_MOST = 4000  # entries kept in the file; more means a pattern changed often: keep today's

_Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]


def longest_first(word: str) -> tuple[int, str]:
    """A sort key for the words of an alternation: longer first, so "mars" wins over "mar",
    then in one fixed order, so that the pattern is the same in every process (a set's order
    changes from one process to the next, and the cache would miss it every time)."""
    return (-len(word), word)


def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the machine's cache when it holds the pattern."""
    global _default  # noqa: PLW0603 - one cache per process, made at the first pattern
    if _default is None:
        _default = PatternCache(_cache_file(), write_at_exit=True)
    return _default.compile(pattern, flags)


def release_unused_patterns() -> None:
    """Let go of the file's entries this process has not used (a long-running process, once
    started); a pattern first asked for later is compiled as `re` does."""
    if _default is not None:
        _default.release()


class PatternCache:
    """Compiled patterns in a file, read at the first pattern asked for. An entry is let go
    once its pattern is made (a long-running process keeps none of the file); patterns this
    process compiled are added to the file at exit (for the process's own cache)."""

    def __init__(self, file: Path | None, *, write_at_exit: bool = False) -> None:
        self.file = file
        self.broken = _sre is None
        self._write_at_exit = write_at_exit
        self._entries: dict[tuple[str, int], _Entry] | None = None
        self._made: dict[tuple[str, int], re.Pattern[str]] = {}
        self._new: dict[tuple[str, int], _Entry] = {}

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        flags = int(flags)
        key = (pattern, flags)
        made = self._made.get(key)  # the same pattern in two modules
        if made is not None:
            return made
        if self.broken:
            return re.compile(pattern, flags)
        if self._entries is None:
            self._entries = self._read()
        try:
            entry = self._entries.pop(key, None)
            if entry is None:
                entry = _compiled_form(pattern, flags)
                if not self._new and self._write_at_exit:
                    atexit.register(self.write)
                self._new[key] = entry
            final_flags, code, groups, groupindex, indexgroup = entry
            made = _sre.compile(
                pattern, final_flags, array(_CODE, code).tolist(), groups, groupindex, indexgroup
            )
        except Exception:  # internals other than these: compile as re does
            self.broken = True
            return re.compile(pattern, flags)
        self._made[key] = made
        return made  # type: ignore[no-any-return]

    def release(self) -> None:
        self._entries = {}  # a pattern asked for from now on is compiled (and kept at exit)

    def write(self) -> None:
        """Add the patterns this process compiled to the file (keeping only those this process
        made, when the file has grown past what it should hold)."""
        if self.file is None or self.broken or not self._new:
            return
        entries = self._read()
        entries.update(self._new)
        if len(entries) > _MOST:
            entries = {key: entry for key, entry in entries.items() if key in self._made}
        with contextlib.suppress(ValueError):  # an entry marshal cannot write: keep the file
            write_cache_file(self.file, marshal.dumps(entries))

    def _read(self) -> dict[tuple[str, int], _Entry]:
        if self.file is not None:
            with contextlib.suppress(OSError, EOFError, ValueError, TypeError):
                loaded = marshal.loads(self.file.read_bytes())
                if isinstance(loaded, dict):
                    return loaded
        return {}


def _compiled_form(pattern: str, flags: int) -> _Entry:
    """What `re` hands the engine for `pattern` (as `re._compiler.compile` makes it)."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        int(flags | parsed.state.flags),
        array(_CODE, code).tobytes(),
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


# The code's word, as wide as the engine's (`_sre.CODESIZE`, 4 bytes on CPython).
_CODE = next((t for t in "IL" if _sre is not None and array(t).itemsize == _sre.CODESIZE), "I")


def _cache_file() -> Path | None:
    folder = cache_folder()
    if folder is None or _sre is None:
        return None
    digest = hashlib.sha256()
    for part in (CACHE_FORMAT, sys.version, _sre.MAGIC, _sre.CODESIZE, marshal.version):
        digest.update(str(part).encode() + b"\0")
    return folder / f"patterns-{digest.hexdigest()[:20]}.marshal"


_default: PatternCache | None = None
