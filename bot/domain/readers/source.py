"""One entry point for every agenda file: format by name, and the checks every input passes first.

Binary, empty, oversized and undecodable inputs end here with one clear error each; a reader only
ever sees text. Whatever a reader meets, `read_bytes` returns diagnostics and never raises.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path, PurePath
from types import TracebackType

from bot.domain.agenda import Schedule, text_key
from bot.domain.diagnostics import Diagnostic, Diagnostics, Severity
from bot.domain.readers.context import ReadOptions
from bot.domain.readers.languages import translation_key_of, with_language
from bot.domain.speakers.location import in_speakers_folder

# Real agenda pages are a few KB (the largest in the test corpus is under 3 KB); at 256 KB a page
# holds some 10,000 sessions, and every input up to the limit reads in under 2 s
# (bench/parse_pages.py measures the worst shapes), so one upload never stalls the bot.
MAX_BYTES = 256 * 1024
# An HTML page as a site serves it carries the site's scripts, styles and inline images around a
# small agenda: such a page may be up to 1 MB, and MAX_BYTES applies to what is left without its
# <script>, <style>, <svg> and <template> elements and comments (what the reader never reads).
MAX_HTML_BYTES = 1024 * 1024
# The years a session may fall in. Far enough from datetime's limits that reminder leads,
# VTIMEZONE windows and grace periods never leave the calendar; wide enough for any real agenda.
FIRST_YEAR = 1900
LAST_YEAR = 2199
_EARLIEST = datetime(FIRST_YEAR, 1, 1, tzinfo=UTC)
_LATEST = datetime(LAST_YEAR + 1, 1, 1, tzinfo=UTC)
FORMATS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".ics": "ics",
    ".html": "html",
    ".htm": "html",
}
# What an HTML document starts with (after a byte order mark, white space and comments): a page
# saved from a browser or a site's build, whatever its name says.
_HTML_START = re.compile(
    rb"(?:\s|<!--.*?-->)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL
)


@dataclass(slots=True)
class ReadResult:
    """What one file gave: its schedules and every problem found on the way."""

    file: str
    schedules: list[Schedule] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    modified: datetime | None = None  # the file's modification time (UTC), when read from disk
    # The page's front matter `translationKey`: pages sharing one are one agenda in several
    # languages (see `bot.domain.readers.translations`).
    translation_key: str | None = None
    # Set when this file's agenda was merged into another file's, the page it translates.
    translation_of: str | None = None

    @property
    def ok(self) -> bool:
        return (bool(self.schedules) or self.translation_of is not None) and not any(
            d.severity is Severity.ERROR for d in self.diagnostics
        )


def format_of(name: str) -> str | None:
    return FORMATS.get(PurePath(name).suffix.lower())


def looks_like_html(data: bytes) -> bool:
    """Whether the content is an HTML document: it starts with `<!doctype html` or `<html`."""
    return _HTML_START.match(data.removeprefix(b"\xef\xbb\xbf")[:4096]) is not None


def read_path(path: Path, options: ReadOptions, display: str | None = None) -> ReadResult:
    """Read one file. Never raises for bad content; I/O problems become diagnostics too."""
    name = display or str(path)
    diagnostics = Diagnostics(name)
    try:
        with path.open("rb") as file:  # one open, its size from the open file
            stat = os.fstat(file.fileno())
            if stat.st_size > MAX_HTML_BYTES:  # the most any format allows; read_bytes checks more
                diagnostics.error(0, _too_big(stat.st_size, html=format_of(path.name) == "html"))
                return ReadResult(name, [], diagnostics.items)
            data = file.read()
    except OSError as exc:
        diagnostics.error(0, f"cannot read: {exc.strerror or exc}")
        return ReadResult(name, [], diagnostics.items)
    result = read_bytes(data, name, options, file_name=path.name)
    result.modified = datetime.fromtimestamp(int(stat.st_mtime), UTC)
    return result


def read_bytes(
    data: bytes, name: str, options: ReadOptions, file_name: str | None = None
) -> ReadResult:
    """Read an agenda from bytes, as uploaded in chat.

    `name` is how messages refer to the file; `file_name` (default: `name`) picks the format and
    the schedule id.
    """
    diagnostics = Diagnostics(name)
    result = ReadResult(name)
    file_name = file_name or name
    fmt = format_of(file_name)
    if fmt in (None, "markdown") and looks_like_html(data):
        fmt = "html"  # named .md, or named nothing we know, but a rendered page
    shown = len(data)
    if fmt == "html" and len(data) <= MAX_HTML_BYTES:
        data, shown = without_unread_parts(data)
    if fmt is None:
        diagnostics.error(0, f"unknown agenda format; use one of {', '.join(sorted(FORMATS))}")
    elif len(data) > MAX_HTML_BYTES:
        diagnostics.error(0, _too_big(len(data), html=fmt == "html"))
    elif shown > MAX_BYTES:
        diagnostics.error(0, _too_big(shown) if fmt != "html" else _too_big_page(shown))
    elif not data.strip():
        diagnostics.error(0, "the file is empty")
    elif data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        diagnostics.error(0, "the file is UTF-16 text; save it as UTF-8")
    elif b"\x00" in data[:8192]:
        diagnostics.error(0, "this is a binary file, not an agenda")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            diagnostics.error(line, "the file is not valid UTF-8 text")
        else:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
            try:
                schedules = _dispatch(fmt, text, diagnostics, options, _stem(file_name))
                result.schedules = _in_supported_years(schedules, diagnostics)
                if fmt != "ics":  # a calendar's events carry no language of their own
                    result.schedules = [with_language(s, file_name) for s in result.schedules]
                if fmt == "markdown":
                    result.translation_key = translation_key_of(text)
            except Exception as exc:  # a value no reader foresaw: reported, never raised
                diagnostics.error(_failure_line(exc.__traceback__), _failure(exc))
    result.diagnostics = diagnostics.items
    return result


def _dispatch(
    fmt: str, text: str, diagnostics: Diagnostics, options: ReadOptions, stem: str
) -> list[Schedule]:
    # Each reader (and its parser: pulldown-cmark, jsonschema, icalendar) loads with its first
    # file, so a command that reads one Markdown page does not wait for the other two.
    if fmt == "markdown":
        from bot.domain.readers.markdown import read_markdown  # noqa: PLC0415

        return read_markdown(text, diagnostics, options, stem)
    if fmt == "html":
        from bot.domain.readers.html import read_html  # noqa: PLC0415

        return read_html(text, diagnostics, options, stem)
    if fmt == "yaml":
        from bot.domain.readers.native import read_native  # noqa: PLC0415

        return read_native(text, diagnostics, options, stem)
    from bot.domain.readers.ical import read_ical  # noqa: PLC0415

    return read_ical(text, diagnostics, options, stem)


def _in_supported_years(schedules: list[Schedule], diagnostics: Diagnostics) -> list[Schedule]:
    """The schedules without their sessions outside FIRST_YEAR to LAST_YEAR, each reported on
    its line; a schedule left without sessions is dropped."""
    kept_schedules = []
    for schedule in schedules:
        kept = []
        for session in schedule.sessions:
            outside = [
                moment
                for moment in (session.start, session.end)
                if moment is not None
                # (a year well inside the range needs no comparison of instants: most do)
                and not FIRST_YEAR < moment.year < LAST_YEAR
                and not _EARLIEST <= moment < _LATEST
            ]
            if outside:
                diagnostics.error(
                    session.line or schedule.source.line,
                    f"{session.title!r} on {outside[0].date().isoformat()} is not between the "
                    f"years {FIRST_YEAR} and {LAST_YEAR}; skipped",
                )
            else:
                kept.append(session)
        if len(kept) == len(schedule.sessions):
            kept_schedules.append(schedule)
        elif kept:
            kept_schedules.append(replace(schedule, sessions=tuple(kept)))
        else:
            diagnostics.error(schedule.source.line, "no session could be read")
    return kept_schedules


_LINE_NAMES = ("line", "event_line", "line_number", "lineno")


def _failure_line(traceback: TracebackType | None) -> int:
    """The line a reader was on when it failed, from the innermost reader frame that knows one:
    a `line` variable, or a row, block or line object with its `number` or `line` (the largest,
    as a row lies below its table and a session below its document); 0 if none does."""
    frames = []
    while traceback is not None:
        frames.append(traceback.tb_frame)
        traceback = traceback.tb_next
    for frame in reversed(frames):
        if not str(frame.f_globals.get("__name__", "")).startswith("bot.domain.readers"):
            continue
        candidates = [0]
        for name, value in frame.f_locals.items():
            if name in _LINE_NAMES:
                candidates.append(_as_line(value))
            elif name != "self" and not isinstance(value, int):
                candidates.extend(_attribute_line(value, a) for a in ("number", "line"))
        if max(candidates):
            return max(candidates)
    return 0


def _attribute_line(value: object, attribute: str) -> int:
    try:
        return _as_line(getattr(value, attribute, None))
    except Exception:  # a property that fails says nothing about the line
        return 0


def _as_line(value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    return 0


def _failure(exc: Exception) -> str:
    detail = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
    if isinstance(exc, OverflowError):
        return (
            "a date, time or length here is out of range (dates run from year 1 to 9999); "
            f"nothing else in the file could be read ({detail})"
        )
    return (
        f"this could not be read ({type(exc).__name__}: {detail}); "
        "nothing else in the file could be read"
    )


def _stem(name: str) -> str:
    """The id a file's agenda gets when it names none: a slug of the file name, or for a name
    with nothing to slug (`北京聚会.md`) a short digest of it, so two such files never share one."""
    return text_key(PurePath(name).stem, "agenda")


def _too_big(size: int, html: bool = False) -> str:
    if html:
        limit = MAX_HTML_BYTES // 1024
        return f"the file is {size // 1024} KB; HTML pages are limited to {limit} KB"
    return f"the file is {size // 1024} KB; agendas are limited to {MAX_BYTES // 1024} KB"


def _too_big_page(size: int) -> str:
    return (
        f"the page is {size // 1024} KB without its scripts, styles, inline images and comments; "
        f"agendas are limited to {MAX_BYTES // 1024} KB"
    )


# Where an element the HTML reader never reads starts: a comment, <script>, <style>, <svg>,
# <template> (each ends at its first closing tag, as a browser ends it; unclosed, at the end).
_UNREAD_START = re.compile(rb"<!--|<(script|style|svg|template)(?=[\s/>])", re.IGNORECASE)
# What stands in for a part taken out: a comment holding its line breaks, so every line of the
# page keeps its number and the text around the part stays one line.
_STAND_IN_OPEN, _STAND_IN_CLOSE = b"<!--", b"-->"


def without_unread_parts(data: bytes) -> tuple[bytes, int]:
    """An HTML page without its comments, scripts, styles, inline SVG images and templates, each
    replaced by a comment that keeps its line breaks, and the size of what is left without the
    stand-ins. Linear in the page's size."""
    lowered = data.lower()
    pieces: list[bytes] = []
    position = 0
    kept = 0
    while True:
        match = _UNREAD_START.search(data, position)
        if match is None:
            break
        tag = match.group(1)
        if tag is None:
            end = lowered.find(b"-->", match.end())
            end = len(data) if end < 0 else end + 3
        else:
            close = lowered.find(b"</" + tag.lower(), match.end())
            end = len(data) if close < 0 else lowered.find(b">", close)
            end = len(data) if end < 0 else end + 1
        pieces.append(data[position : match.start()])
        kept += match.start() - position
        breaks = data.count(b"\n", match.start(), end) + data.count(b"\r", match.start(), end)
        breaks -= data.count(b"\r\n", match.start(), end)
        pieces.append(_STAND_IN_OPEN + b"\n" * breaks)
        pieces.append(_STAND_IN_CLOSE)
        position = end
        if end >= len(data):
            break
    if not pieces:
        return data, len(data)
    pieces.append(data[position:])
    kept += len(data) - position
    return b"".join(pieces), kept


def agenda_files(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """Agenda files under the given paths (folders searched recursively, hidden ones skipped),
    in a stable order, and the paths that do not exist."""
    found: list[Path] = []
    missing: list[Path] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path).parts
                if (
                    child.is_file()
                    and format_of(child.name)
                    and not any(p.startswith(".") for p in relative)
                    and not in_speakers_folder(relative)  # speaker pages, not agendas
                ):
                    found.append(child)
        elif path.exists():
            found.append(path)
        else:
            missing.append(path)
    return found, missing


def read_paths(paths: list[Path], options: ReadOptions) -> list[ReadResult]:
    """Read every agenda file under `paths`. One file's failure never stops the others."""
    files, missing = agenda_files(paths)
    results = [
        ReadResult(str(p), [], [Diagnostic(str(p), 0, "no such file or folder", Severity.ERROR)])
        for p in missing
    ]
    for file in files:
        try:
            results.append(read_path(file, options))
        except Exception as exc:
            results.append(
                ReadResult(
                    str(file),
                    [],
                    [
                        Diagnostic(
                            str(file),
                            0,
                            f"internal error while reading ({type(exc).__name__}: {exc})",
                            Severity.ERROR,
                        )
                    ],
                )
            )
    return results
