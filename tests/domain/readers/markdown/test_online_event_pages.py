"""Pages of online events, read by people in many zones: the event's time restated for other
cities ("that's 17:00 in London", "22h em Lisboa"), its hours followed by a remark, its end on a
labelled line, and an abbreviation that keeps its own zone beside a city that only shares its
clock."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from tests.helpers import read_text, timeline


def _timelines(text: str) -> list[list[tuple[str, str | None, str | None]]]:
    return [timeline(s) for s in read_text(text).schedules]


def test_a_time_restated_with_in_before_each_city_is_no_session() -> None:
    page = """# Office hours

### Wednesday, October 22, 2025
9am Pacific (that's 17:00 in London, 18:00 in Berlin)
- 9:00 – Issue triage
- 9:20 – Topic: the plugin loader
- 9:55 – Wrap-up
Ends 10:00 PT.
"""
    assert _timelines(page) == [
        [
            ("Issue triage", "2025-10-22T16:00Z", "2025-10-22T16:20Z"),
            ("Topic: the plugin loader", "2025-10-22T16:20Z", "2025-10-22T16:55Z"),
            ("Wrap-up", "2025-10-22T16:55Z", "2025-10-22T17:00Z"),
        ]
    ]


def test_the_hours_restated_for_cities_in_portuguese_and_the_end_on_its_own_label() -> None:
    page = """# Meetup Online de Dados

**📅 Quinta-feira, 20 de março de 2025**
**⏰ 19h (horário de Brasília)** — 22h em Lisboa / 22h UTC / 15h em São Francisco
**⏱️ Previsão de término:** 21h15

- **19h00** · Abertura
- **21h00** · Sorteio de livros
"""
    assert _timelines(page) == [
        [
            ("Abertura", "2025-03-20T22:00Z", "2025-03-21T00:00Z"),
            ("Sorteio de livros", "2025-03-21T00:00Z", "2025-03-21T00:15Z"),
        ]
    ]


def test_an_end_label_before_the_agenda_is_the_events_end_not_a_session() -> None:
    page = """# Meetup

**Date:** 12 June 2025, Berlin
**Ends:** 21:15

- 19:00 Doors
- 20:30 Lightning talks
"""
    assert _timelines(page) == [
        [
            ("Doors", "2025-06-12T17:00Z", "2025-06-12T18:30Z"),
            ("Lightning talks", "2025-06-12T18:30Z", "2025-06-12T19:15Z"),
        ]
    ]


def test_the_hours_with_their_zone_then_a_remark_are_the_events() -> None:
    page = """# Webinar: Supply chains

📅 **Tuesday, 28 October 2025**
🕓 **16:00–17:45 CET** (Berlin) — the agenda below shows the time in four cities so nobody has to do maths.

| Berlin (CET) | London (GMT) | Session |
|---|---|---|
| 16:00 | 15:00 | Welcome |
| 17:40 | 16:40 | Closing remarks |
"""
    assert _timelines(page) == [
        [
            ("Welcome", "2025-10-28T15:00Z", "2025-10-28T16:40Z"),
            ("Closing remarks", "2025-10-28T16:40Z", "2025-10-28T16:45Z"),
        ]
    ]


def test_an_abbreviation_keeps_its_zone_beside_a_city_that_only_shares_its_clock() -> None:
    page = """# Kansai TypeScript Online #14

- **日時:** 2025年10月30日(木) 19:30〜21:30 (JST)
  - 海外からご参加の方へ: UTC 10:30〜12:30 / ソウル 19:30〜21:30

| 時間 | 内容 |
|------|------|
| 19:30 | オープニング |
| 21:20 | クロージング |
"""
    (schedule,) = read_text(page).schedules
    assert schedule.timezone == ZoneInfo("Asia/Tokyo")
    # (a place of the abbreviation's family still names the zone: CET in Amsterdam in summer)
    amsterdam = """# .NET Amsterdam

**Thursday 18 September 2025**, 17:30 CET at Adyen, Amsterdam

- 17:30 Food
- 18:30 Talk
"""
    (schedule,) = read_text(amsterdam).schedules
    assert schedule.timezone == ZoneInfo("Europe/Amsterdam")
