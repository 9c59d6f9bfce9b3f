"""No feed token in any log line: redaction for the access log and for aiohttp's own records.

A personal feed URL is `/feeds/<token>.ics`; whoever reads the token reads the member's feed.
aiohttp logs request lines in more places than the access log (a request line over its size
limit is logged, with a traceback, by `aiohttp.server`), so a filter on each of its loggers
rewrites every record: `/feeds/<anything>` becomes `/feeds/<redacted>`, in the message, its
arguments and its traceback. Malformed requests lose their traceback (they are the client's
error, not ours) and are summarised once per window instead of once per request.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable

from aiohttp.http_exceptions import HttpProcessingError

from bot.domain.patterns import compiled

_ACCESS_PATH = compiled(r"/feeds/[^/?#]+")
# In free text: up to whitespace, a quote or a path separator; `%2F` for an encoded slash; never
# an already redacted `<redacted>`.
_IN_TEXT = compiled(r"/feeds(?:/|%2f)[^\s/?#'\"<>\\]+", re.IGNORECASE)
REDACTED = "/feeds/<redacted>"

# Loggers that see request lines or paths: aiohttp's, and this package's.
LOGGERS = (
    "aiohttp.access",
    "aiohttp.server",
    "aiohttp.web",
    "aiohttp.internal",
    "bot.web.app",
    "bot.web.server",
    "bot.web.tokens",
    "bot.web.connections",
)


def redact(path: str) -> str:
    """`/feeds/<token>.ics` becomes `/feeds/<redacted>.ics` (for request paths)."""
    return _ACCESS_PATH.sub("/feeds/<redacted>.ics", path)


def redact_text(text: str) -> str:
    """Every `/feeds/<anything>` in free text becomes `/feeds/<redacted>`."""
    return _IN_TEXT.sub(REDACTED, text)


class FeedTokenRedaction(logging.Filter):
    """Rewrites records so that no feed token reaches a handler; throttles bad-request records
    to one per `window` seconds (with the count of those left out)."""

    def __init__(self, window: float = 10.0, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self.window = window
        self.clock = clock
        self._last_bad: float | None = None
        self._skipped_bad = 0

    def reset(self) -> None:
        """Start a new throttle window: the next bad request is logged."""
        self._last_bad, self._skipped_bad = None, 0

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if isinstance(exc, HttpProcessingError):
            return self._bad_request(record, exc)
        message = record.getMessage()
        cleaned = redact_text(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info:
            # Formatted once here, redacted, and kept as exc_text: both the text and the JSON
            # formatter print exc_text when exc_info is gone.
            record.exc_text = redact_text(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = redact_text(record.exc_text)
        if record.stack_info:
            record.stack_info = redact_text(record.stack_info)
        return True

    def _bad_request(self, record: logging.LogRecord, exc: HttpProcessingError) -> bool:
        now = self.clock()
        if self._last_bad is not None and now - self._last_bad < self.window:
            self._skipped_bad += 1
            return False
        self._last_bad = now
        detail = redact_text(str(exc.message or exc))
        if len(detail) > 200:
            detail = detail[:200] + "..."
        summary = f"{redact_text(record.getMessage())}: {type(exc).__name__}: {detail}"
        if self._skipped_bad:
            summary += f" ({self._skipped_bad} more bad requests not logged)"
            self._skipped_bad = 0
        record.msg, record.args = summary, None
        record.exc_info, record.exc_text = None, None
        record.levelno, record.levelname = logging.WARNING, logging.getLevelName(logging.WARNING)
        return True


_INSTALLED = FeedTokenRedaction()


def install_log_redaction() -> FeedTokenRedaction:
    """Put the redaction filter on every logger that may see a feed URL (once per process)."""
    for name in LOGGERS:
        logger = logging.getLogger(name)
        if _INSTALLED not in logger.filters:
            logger.addFilter(_INSTALLED)
    return _INSTALLED
