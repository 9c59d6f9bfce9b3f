"""Speaker pages on the command line: which go with the agendas given, and how `check` reports
each ("schedules/speakers/huabing-zhao.md: speaker Huabing Zhao (赵化冰), 16 talks, ...")."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from bot.domain.agenda import Schedule
from bot.domain.diagnostics import Severity
from bot.domain.speakers.files import page_files
from bot.domain.speakers.folder import SpeakerPages, read_speaker_files, read_speaker_pages
from bot.domain.speakers.linking import link_with
from bot.domain.speakers.location import is_speakers_folder
from bot.domain.speakers.mentions import NameIndex

DEFAULT_FOLDER = Path("schedules")


def is_speaker_path(path: Path | str) -> bool:
    """A speakers folder, or a file in one: speaker pages, not agendas."""
    if not isinstance(path, Path):
        return False
    if path.is_dir():
        return is_speakers_folder(path.name)
    return is_speakers_folder(path.parent.name)


def pages_to_check(paths: Sequence[Path | str]) -> tuple[list[Path | str], SpeakerPages]:
    """The arguments that are agendas, and the speaker pages to report: those under the
    schedules folder by default, in `speakers/` under each folder given, and each speakers
    folder or page given."""
    if not paths:
        return [], read_speaker_pages(DEFAULT_FOLDER)
    agendas: list[Path | str] = []
    files: list[Path] = []
    for path in paths:
        if isinstance(path, Path) and is_speaker_path(path):
            files.extend(page_files(path))
            continue
        agendas.append(path)
        if isinstance(path, Path) and path.is_dir():
            files.extend(_in_speakers_folders(path))
    return agendas, read_speaker_files(files)


def pages_for_agendas(path: Path | str) -> SpeakerPages:
    """The speaker pages the agendas at `path` are linked to: the `speakers/` folder under a
    folder, beside a file, or under the schedules folder for a URL."""
    if not isinstance(path, Path):
        return read_speaker_pages(DEFAULT_FOLDER)
    return read_speaker_pages(path if path.is_dir() else path.parent)


def linked(schedules: Iterable[Schedule], pages: SpeakerPages) -> list[Schedule]:
    """The schedules with their speakers linked to the pages' profiles."""
    index = NameIndex(pages.profiles)
    return [link_with(schedule, index) for schedule in schedules]


def report(pages: SpeakerPages, echo: Callable[[str], object]) -> int:
    """One line per speaker page and its problems indented below; the number that failed
    (no person read, or an error)."""
    failed = 0
    for reading in pages.readings:
        problems = pages.problems_of(reading.file)
        errors = sum(1 for d in problems if d.severity is Severity.ERROR)
        warnings = len(problems) - errors
        tally = f"{_count(warnings, 'warning')}, {_count(errors, 'error')}"
        page = reading.page
        profile = pages.profile_of(reading.file)
        if page is None or profile is None or errors:
            failed += 1
        if page is None:
            echo(f"{reading.file}: FAILED: no speaker read, {tally}")
        else:
            others = [n for n in (profile.names if profile else page.other_names) if n != page.name]
            aside = f" ({', '.join(others)})" if others else ""
            where = f", profile {profile.id}" if profile is not None else ", left out"
            language = f" [{page.language}]" if page.language else ""
            echo(
                f"{reading.file}: speaker {page.name}{aside}{language}, "
                f"{_count(len(page.talks), 'talk')}, "
                f"{_count(len(page.publications), 'publication')}, "
                f"{_count(len(page.projects), 'project')}, {_count(len(page.links), 'link')}"
                f"{where}, {tally}"
            )
        for diagnostic in problems:
            echo(f"  {diagnostic}")
    return failed


def _in_speakers_folders(folder: Path) -> list[Path]:
    return [
        f
        for child in sorted(folder.iterdir())
        if child.is_dir() and is_speakers_folder(child.name)
        for f in page_files(child)
    ]


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
