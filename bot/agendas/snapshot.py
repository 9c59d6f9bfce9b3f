"""What one reading of the agendas holds, and who may see each schedule in it (the one rule)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from bot.domain.agenda import Schedule
from bot.domain.diagnostics import Diagnostic, Severity
from bot.domain.ics.revisions import Revision
from bot.domain.patterns import compiled
from bot.domain.speakers.profile import Profile

GUILDS_FOLDER = "guilds"
_GUILD_ID = compiled(r"[0-9]{1,20}")


@dataclass(frozen=True, slots=True)
class Visibility:
    """Who may see a schedule. An agenda imported in a Discord server (`/schedules import`,
    kept in the database) is seen only there. For a file in the schedules folder, where it lies:

    - outside `guilds/`: an operator's agenda, public (the web, all.ics, every guild);
    - under `guilds/<server id>/`: that Discord server's, seen only there;
    - anywhere else under `guilds/`, or outside the folder: nobody.
    """

    public: bool = False
    guild_id: int | None = None

    def visible_to(self, guild_id: int | None) -> bool:
        """Whether a guild (None: the public web, a DM) may see the schedule."""
        return self.public or (guild_id is not None and self.guild_id == guild_id)


PUBLIC = Visibility(public=True)
NOBODY = Visibility()


def visibility_of(folder: Path, file: str | Path) -> Visibility:
    """Who may see the schedules of a file in the schedules folder (see `Visibility`)."""
    try:
        parts = Path(file).relative_to(folder).parts
    except ValueError:
        return NOBODY
    if not parts or not is_guilds_folder(parts[0]):
        return PUBLIC
    guild_id = guild_folder_id(parts[1]) if len(parts) >= 3 else None
    return NOBODY if guild_id is None else Visibility(guild_id=guild_id)


def is_guilds_folder(name: str) -> bool:
    """Whether a folder right under the schedules folder holds servers' agendas."""
    return name.casefold() == GUILDS_FOLDER


def guild_folder_id(name: str) -> int | None:
    """The server whose agendas a folder under `guilds/` holds: its name is the server's id."""
    return int(name) if _GUILD_ID.fullmatch(name) else None


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything read at one moment. `version` rises with every reload that changed anything."""

    version: int
    schedules: Mapping[str, Schedule]
    revisions: Mapping[str, Revision]
    diagnostics: tuple[Diagnostic, ...] = ()
    retired: Mapping[str, Schedule] = field(default_factory=dict)
    loaded_at: datetime | None = None
    visibility: Mapping[str, Visibility] = field(default_factory=dict)
    # Speaker profiles read from `schedules/speakers/` (operators' files: public), by id.
    speakers: Mapping[str, Profile] = field(default_factory=dict)

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        """The problems the library's load does not log itself (it logs the errors)."""
        return tuple(d for d in self.diagnostics if d.severity is not Severity.ERROR)

    def visibility_of(self, schedule_id: str) -> Visibility:
        """Who may see this schedule (live or retired); an unknown id is seen by nobody."""
        return self.visibility.get(schedule_id, NOBODY)

    @property
    def public(self) -> dict[str, Schedule]:
        """The schedules the public web may show: operators' files outside `guilds/`, never a
        server's imports."""
        return self.visible_to(None)

    @property
    def public_retired(self) -> dict[str, Schedule]:
        """Retired public schedules (their cancelled sessions stay in public feeds a while)."""
        return {i: s for i, s in self.retired.items() if self.visibility_of(i).public}

    def visible_to(self, guild_id: int | None) -> dict[str, Schedule]:
        """The schedules a guild may see: the public ones and its own imports. `None` (the
        web, a DM) sees the public ones only."""
        return {
            i: s for i, s in self.schedules.items() if self.visibility_of(i).visible_to(guild_id)
        }
