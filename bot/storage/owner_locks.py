"""Which claim holders on this machine are dead, seen at once instead of after their leases.

A ledger locks a file named after its owner for as long as it lives; the kernel drops the lock
when the process ends, however it ends. The ledger (deliveries.py) asks here before taking over
a claim whose lease is still running.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import secrets
import stat
import tempfile
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows has none: there, claims of a dead process wait for their lease
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

# A dead holder's lock file matters until its last claim's lease ends; the holder touches it on
# every claim, so one untouched for this long (far beyond any lease) is removed.
STALE_LOCKS = timedelta(hours=1)


class OwnerLocks:
    """Which claim holders on this machine are dead, without waiting for their leases.

    Every ledger holds an exclusive `flock` on a file named after its owner for as long as it
    lives; the kernel drops the lock when the process ends, however it ends (kill -9 included).
    The file only appears under its name once locked (it is renamed into place), so a file that
    is there and unlocked means its holder is gone for good. A missing file (a holder on another
    machine or in another container, or a cleaned temporary folder) tells nothing: its claims
    wait for their lease as before. Anything that fails here counts as "alive", never as dead.
    Files stay after their holder ends (that is how its death is seen) until `STALE_LOCKS`.
    """

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory if fcntl is not None else None
        self._dead: set[str] = set()  # owner names are never reused: dead stays dead

    @classmethod
    def default(cls) -> OwnerLocks:
        """A private folder in the system's temporary folder, one per user."""
        uid = os.getuid() if hasattr(os, "getuid") else 0
        return cls(Path(tempfile.gettempdir()) / f"agenda-bot-claims-{uid}")

    def path(self, owner: str) -> Path | None:
        if self.directory is None:
            return None
        return self.directory / f"{hashlib.sha256(owner.encode()).hexdigest()[:40]}.lock"

    def hold(self, owner: str) -> HeldLock | None:
        """Lock `owner`'s file until `HeldLock.let_go` or the end of the process; None if it
        cannot be done (then others see this owner as unknown: they wait for its leases)."""
        path = self.path(owner)
        if path is None or fcntl is None or not self._private_folder():
            return None
        staging = path.with_name(f"{path.stem}.{os.getpid()}.{secrets.token_hex(4)}.staging")
        try:
            fd = os.open(staging, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        except OSError as exc:
            log.warning("claims of this process will wait for their lease after a crash: %s", exc)
            return None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            os.write(fd, owner.encode())
            staging.replace(path)
        except OSError as exc:
            os.close(fd)
            staging.unlink(missing_ok=True)
            log.warning("claims of this process will wait for their lease after a crash: %s", exc)
            return None
        self._remove_stale(keep=path)
        return HeldLock(path, fd)

    def is_dead(self, owner: str) -> bool:
        """True only when `owner`'s file is here and nobody holds its lock."""
        if owner in self._dead:
            return True
        path = self.path(owner)
        if path is None or fcntl is None:
            return False
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            return False  # held: its process is running
        finally:
            os.close(fd)
        self._dead.add(owner)
        return True

    def _private_folder(self) -> bool:
        assert self.directory is not None
        try:
            self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            info = os.lstat(self.directory)
        except OSError:
            return False
        owned = not hasattr(os, "getuid") or info.st_uid == os.getuid()
        return owned and stat.S_ISDIR(info.st_mode)  # lstat: a symlink is no folder

    def _remove_stale(self, keep: Path) -> None:
        assert self.directory is not None and fcntl is not None
        cutoff = time.time() - STALE_LOCKS.total_seconds()
        for old in [*self.directory.glob("*.lock"), *self.directory.glob("*.staging")]:
            if old == keep:
                continue
            try:
                if old.stat().st_mtime > cutoff:
                    continue
                fd = os.open(old, os.O_RDONLY)
            except OSError:
                continue
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                old.unlink(missing_ok=True)  # removed while locked: nobody mistakes it
            except OSError:
                pass
            finally:
                os.close(fd)


@dataclass(frozen=True, slots=True)
class HeldLock:
    path: Path
    fd: int

    def touch(self) -> None:
        """Mark it in use (its mtime), so it outlives this holder's last lease when it dies."""
        with contextlib.suppress(OSError):
            os.utime(self.fd)

    def let_go(self) -> None:
        """Unlock it and leave it in place: from now on its holder reads as dead."""
        os.close(self.fd)
