"""How the Markdown walk takes recurring meetings: which lines, with what title, zone and
problems, and which lines it leaves to the agenda."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.domain.agenda import Schedule
from bot.domain.recurrence import expanded
from tests.helpers import messages, read_text, timeline, utc


def _only(text: str) -> tuple[Schedule, list[str]]:
    result = read_text(text)
    assert len(result.schedules) == 1, messages(result)
    return result.schedules[0], messages(result)


def _starts(schedule: Schedule, start: str, end: str) -> list[str]:
    made = expanded(schedule, datetime.fromisoformat(start), datetime.fromisoformat(end))
    return [s.start.astimezone(UTC).strftime("%m-%d %H:%M") for s in made.sessions if s.series_id]


def test_an_abbreviation_is_judged_and_reported_once_as_elsewhere() -> None:
    schedule, said = _only("# Call\n\nEvery Wednesday at 17:00 CST\n")
    assert said == [
        "3: warning: CST is ambiguous (Asia/Shanghai, America/Chicago, America/Havana); "
        "assumed Asia/Shanghai"
    ]
    assert schedule.series[0].start.isoformat() == "2025-01-01T17:00:00+08:00"


def test_standard_time_named_in_summer_warns_as_elsewhere() -> None:
    schedule, said = _only("# Call\n\nEvery Wednesday at 17:00 PST, starting 2026-07-01\n")
    assert said == [
        "3: warning: PST names standard time, which America/Los_Angeles does not keep on "
        "2026-07-01; read as local time there (UTC-07:00)"
    ]
    assert schedule.series[0].start.isoformat() == "2026-07-01T17:00:00-07:00"


def test_session_lines_with_daily_or_weekly_in_their_title_stay_sessions() -> None:
    text = "# Sprint week, 2026-03-03\n\n- 10:00 Daily standup\n- 11:00 Weekly review\n"
    schedule, said = _only(text)
    assert schedule.series == ()
    assert [t for t, *_ in timeline(schedule)] == ["Daily standup", "Weekly review"]
    assert not [m for m in said if "error" in m]


def test_prose_about_recurrence_on_an_event_page_changes_nothing() -> None:
    text = (
        "# Osaka.rb meetup, 2026-05-16\n\nWe meet every month; this time in person.\n\n"
        "- 18:00 Doors open (JST)\n- 18:30 Talks\n"
    )
    schedule, said = _only(text)
    assert schedule.series == ()
    assert len(schedule.sessions) == 2
    assert said == []


def test_daily_alone_on_a_page_is_a_daily_meeting() -> None:
    schedule, said = _only("# Standup\n\nDaily standup at 9:30 UTC\n")
    assert said == []
    assert schedule.series[0].repeat is not None
    assert schedule.series[0].repeat.rule == "FREQ=DAILY"
    assert _starts(schedule, "2026-01-01T00:00Z", "2026-01-03T00:00Z") == [
        "01-01 09:30",
        "01-02 09:30",
    ]


def test_weekly_without_a_day_is_an_error_at_its_line() -> None:
    result = read_text("# Review\n\nWeekly review at 14:00 UTC\n")
    assert result.schedules == []
    assert messages(result) == [
        "3: error: 'Weekly review at 14:00 UTC': say which day of the week (\"every other "
        'Tuesday") or the date of one meeting; recurring meeting not imported'
    ]


def test_a_recurrence_without_a_time_is_an_error_when_the_page_has_nothing_else() -> None:
    result = read_text("# Book club\n\nEvery other Thursday, starting 2026-01-08\n")
    assert result.schedules == []
    assert [m for m in messages(result) if "error" in m] == [
        "3: error: 'Every other Thursday, starting 2026-01-08' gives no time of day; recurring "
        "meeting not imported"
    ]


def test_the_title_comes_from_the_words_before_the_recurrence() -> None:
    schedule, said = _only("Maintainer sync: every Friday at 16:00-17:00 UTC\n")
    assert said == []
    assert schedule.title == schedule.series[0].title == "Maintainer sync"
    assert schedule.series[0].id == "maintainer-sync"
    _, labelled = _only("When: every Friday at 16:00 UTC\n")
    assert labelled == []


def test_a_first_date_that_is_not_a_meeting_day_moves_to_the_first_one() -> None:
    schedule, said = _only("# Call\n\nEvery Wednesday at 17:00 UTC, starting 2026-01-05\n")
    assert said == [
        "3: warning: '2026-01-05' is not a day the meeting is on; the first meeting is 2026-01-07"
    ]
    assert schedule.series[0].start.isoformat() == "2026-01-07T17:00:00+00:00"


def test_skipped_dates_without_a_year_on_a_page_without_one_say_so() -> None:
    schedule, said = _only("# Call\n\nEvery Wednesday at 17:00 UTC\n\nNo meeting on Dec 31.\n")
    assert said == ["5: warning: 'Dec 31' has no year; skipped on 2025-12-31 only (write the year)"]
    assert schedule.series[0].repeat is not None
    assert [m.isoformat() for m in schedule.series[0].repeat.exdates] == [
        "2025-12-31T17:00:00+00:00"
    ]


def test_a_skipped_date_that_is_no_meeting_day_is_reported() -> None:
    schedule, said = _only(
        "# Call\n\nEvery Wednesday at 17:00 UTC from 2026-01-07\n\n12 月 25 日不开会\n"
    )
    assert said == [
        "5: warning: '12 月 25 日' (2026-12-25) is not a day the meeting is on; nothing skipped"
    ]
    assert schedule.series[0].repeat is not None
    assert schedule.series[0].repeat.exdates == ()


def test_the_same_time_in_another_zone_must_agree() -> None:
    _, agreed = _only("# Call\n\nEvery Tuesday at 9am PT / 17:00 UTC, from 2026-01-06\n")
    assert agreed == []
    _, said = _only("# Call\n\nEvery Tuesday at 9am PT / 18:00 UTC, from 2026-01-06\n")
    assert said == [
        "3: warning: 18:00 UTC is not the same moment as 09:00 America/Los_Angeles; using the first"
    ]


def test_two_times_of_day_meet_twice_a_day() -> None:
    schedule, said = _only("# Helpdesk\n\nEvery Monday at 9am and 5pm UTC\n")
    assert said == []
    assert _starts(schedule, "2026-01-05T00:00Z", "2026-01-06T00:00Z") == [
        "01-05 09:00",
        "01-05 17:00",
    ]


def test_the_front_matter_zone_is_the_series_zone_when_the_line_names_none() -> None:
    schedule, said = _only(
        "---\ntitle: Lyon meetup\ntimezone: Europe/Paris\n---\n\n"
        "Last Thursday of the month at 19:00\n"
    )
    assert said == []
    assert schedule.title == "Lyon meetup"
    assert schedule.series[0].start.isoformat() == "2025-01-30T19:00:00+01:00"
    assert _starts(schedule, "2026-07-01T00:00Z", "2026-08-01T00:00Z") == ["07-30 17:00"]


def test_reading_does_not_depend_on_the_clock() -> None:
    text = "# Call\n\nEvery Wednesday at 17:00 UTC\n"
    first, _ = _only(text)
    again, _ = _only(text)
    assert first.series == again.series
    assert first.series[0].start.isoformat() == "2025-01-01T17:00:00+00:00"


def test_two_recurring_meetings_on_one_page_are_two_series() -> None:
    schedule, said = _only(
        "# Project meetings\n\n"
        "- Community call: every Wednesday at 17:00 UTC\n"
        "- Office hours: every Friday at 09:00 UTC, not on 2026-01-09\n"
    )
    assert said == []
    assert [(s.id, s.title) for s in schedule.series] == [
        ("community-call", "Community call"),
        ("office-hours", "Office hours"),
    ]
    assert _starts(schedule, "2026-01-05T00:00Z", "2026-01-17T00:00Z") == [
        "01-07 17:00",
        "01-14 17:00",
        "01-16 09:00",
    ]


def test_past_calls_date_no_call_and_the_next_call_keeps_the_series_hours() -> None:
    page = "# Kestrel Community Calls\n\nAn open call **every other Tuesday, 16:00–17:00 UTC**.\n\n"
    page += "## Next call — Tuesday, 17 March 2026\n\n| Time (UTC) | Item |\n|---|---|\n"
    page += "| 16:00 | Welcome |\n| 16:05 | Release status |\n\n## Past calls\n\n"
    page += "| Date | Highlights |\n|---|---|\n| 2026-03-03 | feature freeze |\n"
    page += "| 2026-02-17 | RFC accepted |\n\n## Code of Conduct\n\nBe kind.\n"
    result = read_text(page)
    assert [timeline(s) for s in result.schedules] == [
        [
            ("Welcome", "2026-03-17T16:00Z", "2026-03-17T16:05Z"),
            ("Release status", "2026-03-17T16:05Z", "2026-03-17T17:00Z"),
        ]
    ], messages(result)


def test_dated_headings_a_week_apart_are_two_meetings_and_past_ones_are_history() -> None:
    page = "# Medical Grand Rounds – Autumn 2026\n\nSheffield\n\n## Upcoming\n\n"
    page += (
        "### Wednesday 14 October 2026\n\n- **12.15pm** – Lunch\n- **12.30pm – 1.30pm** – Case\n\n"
    )
    page += "### Wednesday 21 October 2026\n\n- **12.15pm** – Lunch\n- **12.30pm – 1.30pm** – Debate\n\n"
    page += "## Past Grand Rounds\n\n| Date | Speaker | Title |\n|---|---|---|\n"
    page += "| 7 Oct 2026 | Dr Rachel Evans | AKI in the community |\n"
    result = read_text(page)
    assert [[utc(s.start) for s in schedule.sessions] for schedule in result.schedules] == [
        ["2026-10-14T11:15Z", "2026-10-14T11:30Z"],
        ["2026-10-21T11:15Z", "2026-10-21T11:30Z"],
    ], messages(result)


@pytest.mark.parametrize(
    "heading",
    ["Past calls", "📚 Archive", "Archiwum", "Reuniones anteriores", "Vergangene Vorträge"],
)
def test_a_table_of_dates_under_a_heading_over_past_meetings_is_history(heading: str) -> None:
    page = "# Wieczory — Kraków\n\n## Kwietniowy wieczór — czwartek, 23 kwietnia 2026\n\n"
    page += "- **godz. 18:00** – otwarcie drzwi\n- **godz. 19:00** – prelekcja\n\n"
    page += f"## {heading}\n\n| Data | Temat |\n|---|---|\n| 19 lutego 2026 | Retro-komputery |\n"
    result = read_text(page)
    assert [len(s.sessions) for s in result.schedules] == [2], messages(result)


def test_mars_is_march_not_tuesdays_in_a_line_saying_tous_les() -> None:
    # "mar" + "s" read as "mardis": "28 mars … Tous les horaires" became a weekly meeting on
    # Tuesdays with three times, an error, and the line was lost
    result = read_text(
        "# Nuit du code\n\n"
        "Du samedi 28 mars 2026, 19h au dimanche 29 mars 2026, 9h30. Tous les horaires sont "
        "en heure de Lyon.\n\n- 19:00 Accueil\n- 19:45 Lancement\n"
    )
    assert not [m for m in messages(result) if "error" in m]
    (schedule,) = result.schedules
    assert [(title, start) for title, start, _ in timeline(schedule)] == [
        ("Accueil", "2026-03-28T18:00Z"),
        ("Lancement", "2026-03-28T18:45Z"),
    ]
