"""Discord's 429 answers: how long it asks us to wait, and waiting it out.

Discord says it twice: a `Retry-After` header (whole seconds, rounded up) and `retry_after` in
the JSON body (seconds, with a fraction). A short wait is slept through inside the send, so the
reminder still goes out on time; a long one goes back to the runtime as `Retry(retry_after=...)`,
which sets the next attempt no earlier than that.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

from bot.delivery import Retry, SendResult

INLINE_WAIT = timedelta(seconds=5)  # waits up to this are slept through within one send
INLINE_TRIES = 3  # requests per send, at most, when each answer says "wait a little"
LONGEST_WAIT = timedelta(days=1)  # beyond this every reminder is stale anyway


def retry_after(headers: Mapping[str, str], body: object) -> timedelta | None:
    """The longer of the `Retry-After` header (seconds or an HTTP date) and the body's
    `retry_after`; None when neither gives a usable value."""
    waits = [
        wait
        for wait in (_header_wait(headers.get("Retry-After")), _body_wait(body))
        if wait is not None
    ]
    if not waits:
        return None
    return min(max(waits), LONGEST_WAIT)


def _seconds(value: object) -> timedelta | None:
    try:
        seconds = float(value)  # type: ignore[arg-type]  # anything else is refused below
    except (TypeError, ValueError):
        return None
    if not math.isfinite(seconds):
        return None
    return timedelta(seconds=min(max(seconds, 0.0), LONGEST_WAIT.total_seconds()))


def _header_wait(value: str | None) -> timedelta | None:
    if value is None:
        return None
    wait = _seconds(value.strip())
    if wait is not None:
        return wait
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(when - datetime.now(UTC), timedelta(0))


def _body_wait(body: object) -> timedelta | None:
    if isinstance(body, dict):
        return _seconds(body.get("retry_after"))
    return None


async def waiting_out_short_limits(post: Callable[[], Awaitable[SendResult]]) -> SendResult:
    """Call `post` again after each short 429 wait (a 429 posted nothing, so this is safe for
    every sender); give back the first other outcome, or a long wait for the runtime."""
    result = await post()
    for _ in range(INLINE_TRIES - 1):
        if not (
            isinstance(result, Retry)
            and result.retry_after is not None
            and result.retry_after <= INLINE_WAIT
        ):
            return result
        await asyncio.sleep(result.retry_after.total_seconds())
        result = await post()
    return result
