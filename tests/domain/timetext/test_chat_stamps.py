"""Chat timestamps pasted into a page ("<t:1773349200:F>") are the instants they stand for."""

from __future__ import annotations

import pytest

from bot.domain.timetext.chat_stamps import write_out_chat_stamps, write_out_forum_dates
from tests.helpers import read_text, timeline


def test_a_stamp_is_written_out_dated_and_in_utc() -> None:
    assert write_out_chat_stamps("Starts <t:1773349200:F>!") == "Starts 2026-03-12 21:00 UTC!"
    assert write_out_chat_stamps("<t:1773349200>") == "2026-03-12 21:00 UTC"
    assert write_out_chat_stamps("on <t:1773349200:D>") == "on 2026-03-12"


def test_two_stamps_as_a_range_are_one_range_even_across_midnight() -> None:
    assert write_out_chat_stamps("<t:1773349200:t> – <t:1773351000:t>") == (
        "2026-03-12 21:00–21:30 UTC"
    )
    assert write_out_chat_stamps("<t:1773358200:t> to <t:1773363600:t>") == (
        "2026-03-12 23:30–01:00 UTC"
    )
    assert write_out_chat_stamps("<t:1773349200:F> → <t:1773351000:t>") == (
        "2026-03-12 21:00–21:30 UTC"
    )


def test_a_relative_stamp_restates_another_and_is_dropped_with_its_brackets() -> None:
    text = "Raid starts <t:1773349200:F> (<t:1773349200:R>)\nnext line (that's <t:1:R>)"
    assert write_out_chat_stamps(text) == "Raid starts 2026-03-12 21:00 UTC\nnext line"


def test_what_is_not_a_stamp_is_left_as_written() -> None:
    for text in ("<t:abc>", "<t:1773349200:X>", "<time>", "a <t:999999999999:F> year 33658"):
        assert write_out_chat_stamps(text) == text


def test_a_page_pasted_from_a_chat_announcement_reads_at_its_instants() -> None:
    page = "# Guild raid night\n\nRaid starts <t:1773349200:F> (<t:1773349200:R>)\n\n"
    page += "**Schedule**\n- <t:1773349200:t> – <t:1773351000:t> Warm-up\n"
    page += "- <t:1773351000:t> – <t:1773358200:t> Main raid\n- <t:1773363600:t> Loot council\n"
    result = read_text(page)
    assert [s.timezone_name for s in result.schedules] == ["UTC"]
    assert timeline(result.schedules[0]) == [
        ("Warm-up", "2026-03-12T21:00Z", "2026-03-12T21:30Z"),
        ("Main raid", "2026-03-12T21:30Z", "2026-03-12T23:30Z"),
        ("Loot council", "2026-03-13T01:00Z", None),
    ]


@pytest.mark.parametrize(
    ("text", "written"),
    [
        (
            '🗓️ [date-range from=2025-08-14T18:45:00 to=2025-08-14T22:00:00 timezone="America/Argentina/Buenos_Aires"]',
            "🗓️ 2025-08-14 18:45–22:00 (America/Argentina/Buenos_Aires)",
        ),
        (
            '[date=2025-08-14 time=18:45:00 format="LLL" timezone="Europe/Paris" timezones="Europe/London"]',
            "2025-08-14 18:45 (Europe/Paris)",
        ),
        (
            '[date-range from=2025-08-14 to=2025-08-16 timezone="Asia/Tokyo"]',
            "2025-08-14 – 2025-08-16 (Asia/Tokyo)",
        ),
        ("[date=2025-08-14 time=18:45:00]", "[date=2025-08-14 time=18:45:00]"),  # no zone said
    ],
)
def test_forum_date_tags_are_written_out_with_their_zone(text: str, written: str) -> None:
    assert write_out_forum_dates(text) == written


def test_a_forum_posts_date_range_gives_the_events_hours_and_zone() -> None:
    page = "# Python BA — meetup de agosto\n\n"
    page += '🗓️ [date-range from=2025-08-14T18:45:00 to=2025-08-14T22:00:00 timezone="America/Argentina/Buenos_Aires"]\n\n'
    page += "### Cronograma\n\n- **18:45** — Apertura de puertas\n- **21:15** — Lightning talks\n"
    schedule = read_text(page).schedules[0]
    assert timeline(schedule)[-1] == ("Lightning talks", "2025-08-15T00:15Z", "2025-08-15T01:00Z")
