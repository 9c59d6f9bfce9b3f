"""Files a process leaves for the next one to start faster (the gazetteer index, compiled
patterns): where they live, and writing one so that a reader never sees half of it.

They live under `$XDG_CACHE_HOME/agenda-bot/` (`~/.cache` by default). A folder that cannot be
written only means doing the work again next time.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def cache_folder() -> Path | None:
    """The folder agenda-bot keeps its caches in, or None where no home is known."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "agenda-bot" if base else None


def write_cache_file(file: Path, data: bytes) -> None:
    """`data` as `file`, whole or not at all; another process may write it at the same time
    (either wins), and a folder that cannot be written is no error."""
    with contextlib.suppress(OSError):
        file.parent.mkdir(parents=True, exist_ok=True)
        partial = file.with_name(f"{file.name}.{os.getpid()}.tmp")
        partial.write_bytes(data)
        partial.replace(file)
