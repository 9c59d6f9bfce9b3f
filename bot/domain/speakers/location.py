"""Where speaker pages lie: in `speakers/` right under the schedules folder (any case). The
agenda readers skip that folder, so a speaker page is never read as an agenda."""

from __future__ import annotations

SPEAKERS_FOLDER = "speakers"


def is_speakers_folder(name: str) -> bool:
    """Whether a folder right under the schedules folder holds speaker pages."""
    return name.casefold() == SPEAKERS_FOLDER


def in_speakers_folder(relative: tuple[str, ...]) -> bool:
    """Whether a file, by its path's parts relative to the schedules folder, is a speaker page
    (so not an agenda): it lies in `speakers/` right under that folder."""
    return len(relative) > 1 and is_speakers_folder(relative[0])
