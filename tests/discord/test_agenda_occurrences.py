"""/agenda on repeating meetings: one day asked for shows all of that day; the coming meetings
are the next few in time order across series, saying when more follow."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.domain.agenda import Recurrence, Schedule, Session, SourceRef
from bot.domain.readers.source import ReadResult
from tests.discord.conftest import NOW, Harness
from tests.fakes.interactions import slash

BERLIN = ZoneInfo("Europe/Berlin")


def series(series_id: str, title: str, first: datetime, rule: str) -> Session:
    return Session(series_id, title, first, first + timedelta(hours=1), repeat=Recurrence(rule))


def team() -> Schedule:
    """A weekly meeting on Tuesdays and a daily check-in on weekdays, both since before NOW
    (Tuesday 9 September 2025)."""
    return Schedule(
        "team",
        "Team",
        BERLIN,
        (),
        SourceRef("team.yaml", 1),
        series=(
            series("weekly", "Weekly", datetime(2025, 1, 7, 16, 0, tzinfo=BERLIN), "FREQ=WEEKLY"),
            series(
                "checkin",
                "Check-in",
                datetime(2025, 1, 6, 9, 0, tzinfo=BERLIN),
                "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
            ),
        ),
    )


@pytest.fixture
async def teams(harness: Harness) -> Harness:
    library = harness.library
    read = library._read
    library._read = lambda: [  # type: ignore[method-assign]
        *read(),
        ReadResult(str(harness.folder / "team.yaml"), [team()], modified=NOW),
    ]
    library.clock = lambda: NOW
    await library.reload()
    harness.members.set_timezone(42, "Europe/Berlin")
    return harness


async def _embed(harness: Harness, options: dict[str, str], locale: str = "en-US") -> dict:  # type: ignore[type-arg]
    [reply] = await harness.run(slash("agenda", options, locale=locale))
    [embed] = reply.data["data"]["embeds"]
    return embed  # type: ignore[no-any-return]


async def test_a_day_weeks_ahead_shows_its_occurrences(teams: Harness) -> None:
    embed = await _embed(teams, {"schedule": "team", "day": "2025-10-21"})  # six weeks on
    [field] = embed["fields"]
    assert field["name"] == "Tue 2025-10-21"
    assert [line.split("`")[1] for line in field["value"].splitlines()] == [
        "09:00–10:00",
        "16:00–17:00",
    ]


async def test_the_coming_meetings_are_in_time_order_across_series(teams: Harness) -> None:
    embed = await _embed(teams, {"schedule": "team"})
    lines = [(f["name"], line) for f in embed["fields"] for line in f["value"].splitlines()]
    titles = [line.split("`")[2].split(" · ")[0].strip(" *") for _, line in lines]
    # Tuesday 9th (today, 09:40: the check-in is gone by but today's still shown), then on.
    assert [name for name, _ in lines][:3] == ["Tue 2025-09-09"] * 2 + ["Wed 2025-09-10"]
    assert titles[:2] == ["Check-in", "Weekly"]
    assert titles.count("Weekly") == 2 and titles.count("Check-in") == 8  # ten, fairly cut
    assert embed["fields"][-1]["name"] == "Thu 2025-09-18"
    assert embed["description"] == (
        "More repeating sessions follow after Thu 2025-09-18: ask for one day with `day:` "
        "to see all of it."
    )
    embed = await _embed(teams, {"schedule": "team"}, locale="zh-CN")
    assert embed["description"].startswith("2025-09-18")
    assert "之后还有更多重复的场次" in embed["description"]


async def test_a_day_past_the_kept_window_shows_its_occurrences(teams: Harness) -> None:
    embed = await _embed(teams, {"schedule": "team", "day": "2026-06-02"})  # nine months on
    [field] = embed["fields"]
    assert field["name"] == "Tue 2026-06-02" and field["value"].count("`") == 4


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
async def test_a_day_at_the_ends_of_the_calendar_has_nothing_on(teams: Harness, day: str) -> None:
    [reply] = await teams.run(slash("agenda", {"schedule": "team", "day": day}))
    assert f"**Team** has nothing on {day}" in str(reply.data)


@pytest.fixture
async def monthly(harness: Harness) -> Harness:
    first = series(
        "meetup", "Meetup", datetime(2025, 1, 1, 19, 0, tzinfo=BERLIN), "FREQ=MONTHLY;BYDAY=1WE"
    )
    schedule = Schedule(
        "meetups", "Meetups", BERLIN, (), SourceRef("meetups.yaml", 1), series=(first,)
    )
    library = harness.library
    read = library._read
    library._read = lambda: [  # type: ignore[method-assign]
        *read(),
        ReadResult(str(harness.folder / "meetups.yaml"), [schedule], modified=NOW),
    ]
    library.clock = lambda: NOW
    await library.reload()
    return harness


async def test_next_and_agenda_say_which_wednesday_of_the_month(monthly: Harness) -> None:
    [reply] = await monthly.run(slash("next", {"schedule": "meetups"}))
    assert (
        reply.data["data"]["content"].splitlines()[0].endswith(" · 🔁 first Wednesday of the month")
    )
    [reply] = await monthly.run(slash("next", {"schedule": "meetups"}, locale="zh-CN"))
    assert reply.data["data"]["content"].splitlines()[0].endswith(" · 🔁 每月第一个周三")
    embed = await _embed(monthly, {"schedule": "meetups"})
    assert embed["fields"][0]["name"] == "Wed 2025-10-01 · organizers' date"
    assert embed["fields"][0]["value"].endswith("**Meetup** · 🔁 first Wednesday of the month")
