"""Access log lines without secrets: personal feed tokens never reach a log."""

from __future__ import annotations

import re

from aiohttp import web
from aiohttp.abc import AbstractAccessLogger

_TOKEN_PATH = re.compile(r"/feeds/[^/?#]+")


def redact(path: str) -> str:
    """`/feeds/<token>.ics` becomes `/feeds/<redacted>.ics`."""
    return _TOKEN_PATH.sub("/feeds/<redacted>.ics", path)


class RedactingAccessLogger(AbstractAccessLogger):
    def log(self, request: web.BaseRequest, response: web.StreamResponse, time: float) -> None:
        self.logger.info(
            '%s "%s %s" %s %s %.1fms "%s"',
            request.remote,
            request.method,
            redact(request.path),  # path only: the query string is never logged either
            response.status,
            response.body_length,
            time * 1000,
            request.headers.get("User-Agent", "-"),
        )
