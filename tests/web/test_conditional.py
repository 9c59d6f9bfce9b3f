"""If-Modified-Since dates that do not parse, or parse out of range, count as absent."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from multidict import CIMultiDict, CIMultiDictProxy

from bot.web.conditional import not_modified, parse_http_date
from tests.web.conftest import Server

SEED_FEED = "/calendars/istio-meetup-china-2021.ics"
OUT_OF_RANGE = [
    "Fri, 01 Jan 99999 00:00:00 GMT",
    "Fri, 01 Jan 99999999999999999999 00:00:00 GMT",
    "Fri, 31 Dec 9999 23:00:00 -0500",
    "Fri, 31 Dec 9999 23:59:59 -2359",
    "Fri, 01 Jan 2021 00:00:00 +9999",
    "Fri, 01 Jan 2021 25:00:00 GMT",
    "Fri, 01 Jan 2021 00:00:00",  # no zone at all
    "",
    "yesterday-ish",
]


@pytest.mark.parametrize("value", OUT_OF_RANGE)
def test_unusable_dates_parse_to_nothing(value: str) -> None:
    assert parse_http_date(value) is None


def test_a_good_date_parses_to_utc() -> None:
    assert parse_http_date("Sat, 10 Jul 2021 05:30:00 GMT") == datetime(
        2021, 7, 10, 5, 30, tzinfo=UTC
    )
    assert parse_http_date("Fri, 31 Dec 9999 23:59:59 GMT") == datetime(
        9999, 12, 31, 23, 59, 59, tzinfo=UTC
    )


@pytest.mark.parametrize("value", OUT_OF_RANGE)
def test_not_modified_treats_an_unusable_date_as_absent(value: str) -> None:
    headers = CIMultiDictProxy(CIMultiDict({"If-Modified-Since": value}))
    assert not_modified(headers, '"x"', datetime(2026, 1, 1, tzinfo=UTC)) is False


@pytest.mark.parametrize("value", OUT_OF_RANGE)
async def test_an_unusable_if_modified_since_gets_the_full_feed(server: Server, value: str) -> None:
    response = await server.client.get(SEED_FEED, headers={"If-Modified-Since": value})
    assert response.status == 200
    assert b"BEGIN:VCALENDAR" in await response.read()
