"""Chat timestamps pasted into a page ("<t:1773349200:F>") are the instants they stand for."""

from __future__ import annotations

from bot.domain.timetext.chat_stamps import write_out_chat_stamps
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
