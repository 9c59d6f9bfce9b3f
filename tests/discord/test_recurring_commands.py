"""/next, /agenda, stars and the calendar button on a repeating meeting: its occurrences, from
today in the member's zone, each marked with how it repeats."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from bot.app.agendas import session_key as button_key
from bot.domain.agenda import Recurrence, Schedule, Session, SourceRef
from bot.domain.readers.source import ReadResult
from tests.discord.conftest import NOW, Harness
from tests.fakes.interactions import button, slash

NEW_YORK = ZoneInfo("America/New_York")
# NOW is Tuesday 9 September 2025, 09:40 in New York; the call meets on Thursdays at 10:00.
NEXT_CALL = datetime(2025, 9, 11, 14, 0, tzinfo=UTC)


def community() -> Schedule:
    first = datetime(2025, 1, 2, 10, 0, tzinfo=NEW_YORK)  # months before NOW
    call = Session(
        "community-call",
        "Community call",
        first,
        first + timedelta(hours=1),
        repeat=Recurrence("FREQ=WEEKLY;BYDAY=TH"),
    )
    return Schedule(
        "community", "Community", NEW_YORK, (), SourceRef("community.yaml", 1), series=(call,)
    )


@pytest.fixture
async def calls(harness: Harness) -> Harness:
    """The harness' agendas plus a series-only one, live as the running library keeps it."""
    library = harness.library
    read = library._read
    library._read = lambda: [  # type: ignore[method-assign]
        *read(),
        ReadResult(str(harness.folder / "community.yaml"), [community()], modified=NOW),
    ]
    library.clock = lambda: NOW
    await library.reload()
    return harness


def _content(replies) -> str:  # type: ignore[no-untyped-def]
    [reply] = replies
    return str(reply.data["data"]["content"])


async def test_next_shows_the_next_occurrence_and_how_it_repeats(calls: Harness) -> None:
    text = _content(await calls.run(slash("next", {"schedule": "community"})))
    assert text.splitlines()[0] == (
        "**Community call** <t:1757599200:R> — <t:1757599200:F> · 🔁 every Thursday"
    )
    text = _content(await calls.run(slash("next", {"schedule": "community"}, locale="zh-CN")))
    assert text.splitlines()[0].endswith(" · 🔁 每周四")


async def test_agenda_lists_the_coming_occurrences_from_the_members_today(calls: Harness) -> None:
    calls.members.set_timezone(42, "Asia/Tokyo")  # Thursday 10:00 New York is 23:00 in Tokyo
    [reply] = await calls.run(slash("agenda", {"schedule": "community"}))
    [embed] = reply.data["data"]["embeds"]
    # Last Thursday's call (in the snapshot, a week back) is not shown: today is the 9th.
    assert [f["name"] for f in embed["fields"]] == [
        "Thu 2025-09-11",
        "Thu 2025-09-18",
        "Thu 2025-09-25",
        "Thu 2025-10-02",
        "Thu 2025-10-09",
        "Thu 2025-10-16",
        "Thu 2025-10-23",
        "Thu 2025-10-30",
        "Fri 2025-11-07",  # New York is on EST: 10:00 is midnight in Tokyo
        "Fri 2025-11-14",
    ]
    assert embed["fields"][0]["value"] == "⏭ `23:00–00:00` **Community call** · 🔁 every Thursday"


async def test_a_star_and_a_calendar_file_are_for_one_occurrence(calls: Harness) -> None:
    key = button_key("community", "community-call@20250911")
    [reply] = await calls.gateway(button(f"star:{key}"))
    assert reply.data["data"]["content"].startswith("⭐ Added **Community call**")
    assert (42, "community", "community-call@20250911") in calls.members.audience().stars
    [reply] = await calls.gateway(button(f"ics:{key}"))
    [(name, data)] = reply.files
    assert name == "community-community-call-20250911.ics"
    [event] = Calendar.from_ical(data).walk("VEVENT")
    assert event.decoded("dtstart") == NEXT_CALL
    assert "RRULE" not in event
