"""Access log lines without secrets: personal feed tokens never reach a log."""

from __future__ import annotations

from aiohttp import web
from aiohttp.abc import AbstractAccessLogger

from bot.web.redaction import redact

__all__ = ["RedactingAccessLogger", "redact"]


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
