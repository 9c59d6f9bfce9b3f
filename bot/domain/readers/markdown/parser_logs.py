"""markdown-it writes a debug log line call for every block rule it tries (about 200 calls for a
page of agenda, 4-6% of reading it), even when nothing logs at that level. Nobody reads those
lines: their loggers get a `debug` that returns at once."""

from __future__ import annotations

import logging


def _nothing(*_args: object, **_kwargs: object) -> None:
    return None


def quiet_debug_calls(package: str) -> None:
    """Make `debug` free on every logger of `package` created so far (call after importing it)."""
    for name, logger in list(logging.Logger.manager.loggerDict.items()):
        if (name == package or name.startswith(f"{package}.")) and isinstance(
            logger, logging.Logger
        ):
            logger.debug = _nothing  # type: ignore[method-assign]
