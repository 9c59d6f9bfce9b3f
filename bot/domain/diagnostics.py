"""Problems found while reading an agenda, each tied to a file and line."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem: where it is and what it is.

    `line` is 1-based; 0 means the problem concerns the whole file.
    """

    file: str
    line: int
    message: str
    severity: Severity = Severity.WARNING

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.severity}: {self.message}"


@dataclass(slots=True)
class Diagnostics:
    """Collects diagnostics for one file so readers need not thread the file name around."""

    file: str
    items: list[Diagnostic] = field(default_factory=list)
    # what is already said: a page of four meetings says "zone from 'Wien'" once, not four times
    _said: set[Diagnostic] = field(default_factory=set, repr=False)

    def warn(self, line: int, message: str) -> None:
        """Record something that was assumed or skipped; the reading goes on."""
        self._add(Diagnostic(self.file, line, message, Severity.WARNING))

    def error(self, line: int, message: str) -> None:
        """Record something that could not be read; what else was read is kept."""
        self._add(Diagnostic(self.file, line, message, Severity.ERROR))

    def _add(self, diagnostic: Diagnostic) -> None:
        if diagnostic not in self._said:
            self._said.add(diagnostic)
            self.items.append(diagnostic)

    @property
    def has_errors(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self.items)
