"""Checks long-running commands make before they start: each problem is one line that names the
setting and the cause (`StartupError`), never a traceback.

`run` calls `check_run`; `serve` uses the same pieces (`check_port`, `check_state_dir`,
`check_folder`) with its own option names.
"""

from __future__ import annotations

import errno
import os
import socket
import tempfile
from pathlib import Path

from bot.config import Settings, StartupError
from bot.storage.database import DatabaseUnusable, check_database, shown_url


def check_folder(path: Path, setting: str) -> None:
    """An agenda folder that exists and can be read."""
    if not path.exists():
        raise StartupError(f"{setting}: no such folder")
    if not path.is_dir():
        raise StartupError(f"{setting}: not a folder")
    if not os.access(path, os.R_OK | os.X_OK):
        raise StartupError(f"{setting}: cannot read the folder (permission denied)")


def check_state_dir(path: Path, setting: str) -> None:
    """A folder the process can create (if missing) and write in."""
    if path.exists() and not path.is_dir():
        raise StartupError(f"{setting}: not a folder")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StartupError(f"{setting}: cannot create the folder ({_reason(exc)})") from None
    try:
        with tempfile.TemporaryFile(dir=path):
            pass
    except OSError as exc:
        raise StartupError(f"{setting}: cannot write in the folder ({_reason(exc)})") from None


def check_port(host: str, port: int, *, port_setting: str, host_setting: str) -> None:
    """Bind `host`:`port` the way the feed server will (address reuse on, each address family
    apart) and let go: a port in use, a privileged port or an address this machine does not
    have is a `StartupError` naming the setting."""
    where = f"{host or '*'}:{port}"
    try:
        addresses = socket.getaddrinfo(
            host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )
    except (socket.gaierror, UnicodeError) as exc:
        raise StartupError(
            f"{host_setting}: cannot listen there ({getattr(exc, 'strerror', None) or exc})"
        ) from None
    for family, kind, protocol, _, address in addresses:
        try:
            probe = socket.socket(family, kind, protocol)
        except OSError:
            continue  # an address family this machine lacks; the server skips it too
        with probe:
            if os.name == "posix":
                probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6 and hasattr(socket, "IPPROTO_IPV6"):
                probe.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            try:
                probe.bind(address)
            except OSError as exc:
                raise StartupError(port_problem(exc, where, port_setting, host_setting)) from None


def port_problem(exc: OSError, where: str, port_setting: str, host_setting: str) -> str:
    """One line for a failure to listen on `where`."""
    if exc.errno == errno.EADDRINUSE:
        return f"{port_setting}: {where} is already in use by another program"
    if exc.errno == errno.EACCES:
        return (
            f"{port_setting}: not allowed to listen on {where} (ports below 1024 need privileges)"
        )
    if exc.errno == errno.EADDRNOTAVAIL:
        return f"{host_setting}: this machine has no such address, cannot listen on {where}"
    return f"{port_setting}: cannot listen on {where} ({_reason(exc)})"


def check_database_setting(settings: Settings) -> None:
    """The database `DATABASE_URL` (or the default SQLite file) names can be opened."""
    try:
        check_database(settings.database)
    except DatabaseUnusable as exc:
        raise StartupError(f"{database_setting(settings)}: {exc}") from None


def database_setting(settings: Settings) -> str:
    return settings.setting("database_url", shown_url(settings.database))


def check_run(settings: Settings) -> None:
    """Everything `agenda-bot run` needs before it starts, in the order a user would fix it."""
    check_folder(settings.schedules, settings.setting("schedules"))
    if not settings.database_url:  # the state folder holds the default SQLite file
        check_state_dir(settings.state_dir, settings.setting("state_dir"))
    check_database_setting(settings)
    check_port(
        settings.host,
        settings.port,
        port_setting=settings.setting("port"),
        host_setting=settings.setting("host"),
    )


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)
