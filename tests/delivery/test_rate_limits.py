"""Reading Discord's 429 answers: the Retry-After header and the body's retry_after."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from bot.delivery import Retry, SendResult, Sent
from bot.delivery.rate_limits import LONGEST_WAIT, retry_after, waiting_out_short_limits


@pytest.mark.parametrize(
    ("headers", "body", "wait"),
    [
        ({"Retry-After": "3"}, None, timedelta(seconds=3)),
        ({}, {"retry_after": 0.25, "global": False}, timedelta(seconds=0.25)),
        # Discord rounds the header up; the longer of the two is honoured.
        ({"Retry-After": "1"}, {"retry_after": 0.4}, timedelta(seconds=1)),
        ({"Retry-After": "2"}, {"retry_after": 7.5}, timedelta(seconds=7.5)),
        ({"Retry-After": "-4"}, None, timedelta(0)),
        ({"Retry-After": "soon"}, {"retry_after": "later"}, None),
        ({"Retry-After": "inf"}, None, None),
        ({"Retry-After": "999999999"}, None, LONGEST_WAIT),
        ({}, "rate limited", None),
        ({}, None, None),
    ],
)
def test_retry_after_reads_the_header_and_the_body(
    headers: dict[str, str], body: object, wait: timedelta | None
) -> None:
    assert retry_after(headers, body) == wait


def test_retry_after_reads_an_http_date() -> None:
    later = datetime.now(UTC) + timedelta(seconds=90)
    wait = retry_after({"Retry-After": format_datetime(later, usegmt=True)}, None)
    assert wait is not None and timedelta(seconds=85) <= wait <= timedelta(seconds=90)


async def test_short_waits_are_slept_through_and_long_ones_handed_back() -> None:
    answers: list[SendResult] = [Retry("429", timedelta(seconds=0.05)), Sent("1")]

    async def post() -> SendResult:
        return answers.pop(0)

    assert await waiting_out_short_limits(post) == Sent("1")

    long_wait = Retry("429", timedelta(minutes=2))
    answers = [long_wait, Sent("2")]
    assert await waiting_out_short_limits(post) == long_wait
    assert answers == [Sent("2")]  # not asked again: the runtime waits instead


async def test_a_send_gives_up_after_a_few_short_waits() -> None:
    calls = 0

    async def post() -> SendResult:
        nonlocal calls
        calls += 1
        return Retry("429", timedelta(seconds=0.01))

    assert await waiting_out_short_limits(post) == Retry("429", timedelta(seconds=0.01))
    assert calls == 3
