"""Speaker pages on disk: the `speakers/` folder right under the schedules folder (any case),
each file read on its own with the checks every agenda file passes (size, binary, UTF-8).

A page that cannot be read is an error with its file and line; it never stops the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePath

from bot.domain.diagnostics import Diagnostic, Diagnostics
from bot.domain.readers.source import MAX_BYTES
from bot.domain.speakers.location import is_speakers_folder
from bot.domain.speakers.page import SpeakerPage

PAGE_FORMATS = {".md": "markdown", ".markdown": "markdown", ".yaml": "yaml", ".yml": "yaml"}


@dataclass(slots=True)
class PageReading:
    """One speaker file as read: the page (None when it could not be) and its problems."""

    file: str
    page: SpeakerPage | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)


def speakers_folders(schedules: Path) -> list[Path]:
    """The speaker folders right under `schedules` (one, unless names differ only by case)."""
    if not schedules.is_dir():
        return []
    return sorted(p for p in schedules.iterdir() if p.is_dir() and is_speakers_folder(p.name))


def page_files(folder: Path) -> list[Path]:
    """Every file in a speakers folder and its subfolders (hidden ones skipped), in a stable
    order; a file of a format speaker pages do not use is listed too, to be reported."""
    if not folder.is_dir():
        return [folder] if folder.is_file() else []
    return sorted(
        child
        for child in folder.rglob("*")
        if child.is_file() and not any(p.startswith(".") for p in child.relative_to(folder).parts)
    )


def read_page_file(path: Path, display: str | None = None) -> PageReading:
    """Read one speaker file; never raises for bad content, I/O problems are errors too."""
    name = display or str(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            return _failed(name, f"the file is over {MAX_BYTES // 1024} KB; not a speaker page")
        data = path.read_bytes()
    except OSError as exc:
        return _failed(name, f"cannot read: {exc.strerror or exc}")
    return read_page_bytes(data, name, path.name)


def read_page_bytes(data: bytes, name: str, file_name: str | None = None) -> PageReading:
    """Read a speaker page from bytes; `file_name` (default `name`) gives the format and the
    language suffix."""
    fmt = PAGE_FORMATS.get(PurePath(file_name or name).suffix.lower())
    if fmt is None:
        formats = ", ".join(sorted(PAGE_FORMATS))
        return _failed(name, f"speaker pages are Markdown or YAML ({formats}); not read")
    if len(data) > MAX_BYTES:
        return _failed(name, f"the file is over {MAX_BYTES // 1024} KB; not a speaker page")
    if not data.strip():
        return _failed(name, "the file is empty")
    if b"\x00" in data[:8192]:
        return _failed(name, "this is a binary file, not a speaker page")
    diagnostics = Diagnostics(name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        diagnostics.error(data[: exc.start].count(b"\n") + 1, "the file is not valid UTF-8 text")
        return PageReading(name, None, diagnostics.items)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        if fmt == "markdown":
            from bot.domain.speakers.markdown_page import read_markdown_page  # noqa: PLC0415

            page = read_markdown_page(text, name, diagnostics)
        else:
            from bot.domain.speakers.yaml_page import read_yaml_page  # noqa: PLC0415

            page = read_yaml_page(text, name, diagnostics)
    except Exception as exc:  # a value no reader foresaw: reported, never raised
        detail = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        diagnostics.error(0, f"this page could not be read ({type(exc).__name__}: {detail})")
        page = None
    return PageReading(name, page, diagnostics.items)


def _failed(name: str, message: str) -> PageReading:
    diagnostics = Diagnostics(name)
    diagnostics.error(0, message)
    return PageReading(name, None, diagnostics.items)
