"""Every speaker page of a schedules folder read into profiles, with each page's problems and
the profile it went into: what the agenda library and `agenda-bot check` both need."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bot.domain.diagnostics import Diagnostic, Severity
from bot.domain.speakers.files import PageReading, page_files, read_page_file, speakers_folders
from bot.domain.speakers.page import SpeakerPage
from bot.domain.speakers.people import SpeakerBook, profiles_from
from bot.domain.speakers.profile import Profile

KEPT = "the last good version stays live until this is fixed"


@dataclass(frozen=True, slots=True)
class SpeakerPages:
    """The pages read (in file order), and the people they make."""

    readings: tuple[PageReading, ...] = ()
    book: SpeakerBook = field(default_factory=lambda: SpeakerBook({}, {}))

    @property
    def profiles(self) -> Mapping[str, Profile]:
        return self.book.profiles

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """Every page's problems, then those found merging pages (duplicates)."""
        return [d for r in self.readings for d in r.diagnostics] + list(self.book.diagnostics)

    def problems_of(self, file: str) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.file == file]

    def page_of(self, file: str) -> SpeakerPage | None:
        return next((r.page for r in self.readings if r.file == file), None)

    def profile_of(self, file: str) -> Profile | None:
        """The profile a page went into; None when it could not be read or was left out."""
        profile_id = self.book.page_profiles.get(file)
        return self.book.profiles.get(profile_id) if profile_id is not None else None


def read_speaker_pages(schedules: Path, live: SpeakerPages | None = None) -> SpeakerPages:
    """The speaker pages in `speakers/` right under the `schedules` folder (none: empty). A
    page that no longer reads keeps its version from `live` (the pages read last time), so a
    broken edit never unlinks the person's sessions."""
    files = [f for folder in speakers_folders(schedules) for f in page_files(folder)]
    return read_speaker_files(files, live)


def read_speaker_files(files: Iterable[Path], live: SpeakerPages | None = None) -> SpeakerPages:
    """The given speaker files, each read on its own, merged into people."""
    readings = []
    for path in sorted(set(files)):
        reading = read_page_file(path)
        kept = live.page_of(reading.file) if live is not None and reading.page is None else None
        if kept is not None:
            notice = Diagnostic(reading.file, 0, KEPT, Severity.WARNING)
            reading = PageReading(reading.file, kept, [*reading.diagnostics, notice])
        readings.append(reading)
    book = profiles_from(r.page for r in readings if r.page is not None)
    return SpeakerPages(tuple(readings), book)
