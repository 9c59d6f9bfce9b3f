"""HTTP validators and content coding for calendar responses.

Order as in RFC 9110 section 13.2.2: If-None-Match first; If-Modified-Since only when there is no
If-None-Match, and a date that does not parse, or lies outside what a datetime holds, counts as
absent (never a 304, never an error). gzip only when the client asks (gzip has broken Outlook
subscriptions); otherwise the identity bytes.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from functools import lru_cache


def http_date(moment: datetime) -> str:
    return format_datetime(moment, usegmt=True)


def weighted(header: str, limit: int | None = None) -> list[tuple[str, float]]:
    """The items of a list header with their q-values (RFC 9110 section 12.4.2):
    `gzip;q=0.5, br` gives [("gzip", 0.5), ("br", 1.0)]; a q that does not parse counts as 0.
    At most `limit` items are read."""
    found = []
    for item in header.split(",")[:limit]:
        token, _, params = item.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        found.append((token.strip(), quality))
    return found


@lru_cache(maxsize=256)  # clients send a handful of distinct values
def wants_gzip(accept_encoding: str | None) -> bool:
    """True when Accept-Encoding lists gzip (or *) with a non-zero q."""
    if not accept_encoding:
        return False
    return any(
        coding.lower() in ("gzip", "x-gzip", "*") and quality > 0
        for coding, quality in weighted(accept_encoding)
    )


def not_modified(headers: Mapping[str, str], etag: str, last_modified: datetime) -> bool:
    """Whether a GET/HEAD with these request headers should get 304 for this representation."""
    if_none_match = headers.get("If-None-Match")
    if if_none_match is not None:
        tags = [t.strip() for t in if_none_match.split(",")]
        # Weak comparison, as If-None-Match requires: W/"x" matches "x".
        return "*" in tags or any(t.removeprefix("W/") == etag for t in tags)
    since = headers.get("If-Modified-Since")
    parsed = parse_http_date(since) if since is not None else None
    if parsed is None:
        return False
    return last_modified.replace(microsecond=0) <= parsed


def parse_http_date(value: str) -> datetime | None:
    """An HTTP date as an aware UTC datetime; None when it does not parse, names no zone, or
    falls outside the years a datetime can hold once in UTC (`Fri, 01 Jan 99999 ...`,
    `Fri, 31 Dec 9999 23:00:00 -0500`)."""
    try:
        parsed = parsedate_to_datetime(value)
        if parsed.tzinfo is None:
            return None
        return parsed.astimezone(UTC)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
