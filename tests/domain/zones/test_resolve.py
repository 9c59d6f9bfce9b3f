from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.domain.zones.abbreviations import DEFAULT_ABBREVIATIONS, with_overrides
from bot.domain.zones.resolve import UnknownZoneError, ZoneResolver, zones_with_offset

SUMMER = date(2021, 7, 10)
WINTER = date(2022, 1, 20)


def decided(text: str, on: date | None = SUMMER, resolver: ZoneResolver | None = None):
    resolver = resolver or ZoneResolver()
    return [
        (resolver.decide(m, on).name, resolver.decide(m, on).notes) for m in resolver.find(text)
    ]


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("Finnish time (Europe/Helsinki)", "Europe/Helsinki"),
        ("Beijing time", "Asia/Shanghai"),
        ("北京时间", "Asia/Shanghai"),
        ("中国本地时间GMT+8", "Asia/Shanghai"),
        ("China Standard Time (UTC+8)", "Asia/Shanghai"),
        ("London time", "Europe/London"),
        ("New York time", "America/New_York"),
        ("UTC+5:45", "Asia/Kathmandu"),
        ("UTC−07:00", "UTC-07:00"),
        ("GMT+8", "UTC+08:00"),
        ("+08:00", "UTC+08:00"),
        ("JST", "Asia/Tokyo"),
        ("CEST", "Europe/Berlin"),
        ("AEST", "Australia/Sydney"),
        ("UTC", "UTC"),
    ],
)
def test_zone_phrases_offsets_and_names_resolve(text: str, zone: str) -> None:
    [(name, _notes)] = decided(text)
    assert name == zone


def test_ambiguous_abbreviation_uses_the_table_default_and_says_so() -> None:
    assert decided("(CST)") == [
        (
            "Asia/Shanghai",
            (
                "CST is ambiguous (Asia/Shanghai, America/Chicago, America/Havana); assumed Asia/Shanghai",
            ),
        )
    ]


def test_stated_offset_selects_the_abbreviation_candidate_it_matches() -> None:
    assert decided("CST (UTC-6)", WINTER) == [("America/Chicago", ())]


def test_stated_offset_that_matches_no_candidate_is_kept_as_a_fixed_offset() -> None:
    [(name, notes)] = decided("CST (UTC+3)", WINTER)
    assert name == "UTC+03:00"
    assert notes == (
        "'CST (UTC+3': CST is none of Asia/Shanghai, America/Chicago, America/Havana at "
        "UTC+03:00; using the stated offset",
    )


def test_standard_time_name_on_a_summer_date_is_read_as_local_time_with_a_note() -> None:
    assert decided("10am PST") == [
        (
            "America/Los_Angeles",
            (
                "PST names standard time, which America/Los_Angeles does not keep on 2021-07-10; "
                "read as local time there (UTC-07:00)",
            ),
        )
    ]


def test_iana_name_with_a_contradicting_offset_keeps_the_name_and_warns() -> None:
    [(name, notes)] = decided("Asia/Tokyo (UTC+8)")
    assert name == "Asia/Tokyo"
    assert len(notes) == 1 and "not the stated UTC+08:00" in notes[0]


def test_several_zones_in_one_line_are_found_in_order() -> None:
    assert [n for n, _ in decided("9am PT / 4pm UTC")] == ["America/Los_Angeles", "UTC"]


def test_config_override_changes_what_an_abbreviation_means() -> None:
    table = with_overrides(DEFAULT_ABBREVIATIONS, {"CST": "America/Chicago"})
    resolver = ZoneResolver(table)
    [(name, notes)] = decided("(CST)", WINTER, resolver)
    assert name == "America/Chicago"
    assert notes == (
        "CST is ambiguous (America/Chicago, Asia/Shanghai, America/Havana); assumed America/Chicago",
    )


@pytest.mark.parametrize(
    ("setting", "zone"),
    [
        ("america/new_york", "America/New_York"),
        ("Asia/Shanghai", "Asia/Shanghai"),
        ("cst", "Asia/Shanghai"),
        ("+05:30", "UTC+05:30"),
        ("UTC", "UTC"),
        ("Beijing time", "Asia/Shanghai"),
    ],
)
def test_parse_accepts_a_setting_in_any_usual_form(setting: str, zone: str) -> None:
    assert ZoneResolver().parse(setting).name == zone


@pytest.mark.parametrize("setting", ["", "Mars/Olympus", "CSTX", "UTC+25", "9am"])
def test_parse_refuses_what_is_not_a_zone(setting: str) -> None:
    with pytest.raises(UnknownZoneError):
        ZoneResolver().parse(setting)


def test_lowercase_words_are_not_abbreviations_in_running_text() -> None:
    assert decided("we eat at noon, est. 1999") == []


def test_zones_with_offset_answers_each_caller_with_its_own_list() -> None:
    first = zones_with_offset(timedelta(hours=9), date(2024, 7, 1))
    assert "Asia/Tokyo" in first
    first.clear()
    assert "Asia/Tokyo" in zones_with_offset(timedelta(hours=9), date(2024, 7, 1))
    berlin = timedelta(hours=1)
    assert "Europe/Berlin" in zones_with_offset(berlin, date(2024, 1, 15))
    assert "Europe/Berlin" not in zones_with_offset(berlin, date(2024, 7, 15))


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("19:00 (Europe/Lyon)", "Europe/Paris"),
        ("时间：19:00（Asia/Beijing）", "Asia/Shanghai"),
        ("6pm America/San_Francisco", "America/Los_Angeles"),
        ("Asia/Mumbai", "Asia/Kolkata"),
        ("US/Boston", "America/New_York"),
    ],
)
def test_a_zone_name_that_is_no_zone_reads_as_its_place_with_a_note(text: str, zone: str) -> None:
    ((name, notes),) = decided(text)
    assert name == zone
    assert len(notes) == 1 and "is no time zone" in notes[0] and zone in notes[0]


@pytest.mark.parametrize(
    "text",
    ["Asia/Pacific region", "and/or online", "America/Latina", "Mars/Olympus", "Lunch/Dinner"],
)
def test_slashed_words_that_name_no_place_of_their_area_are_no_zone(text: str) -> None:
    assert decided(text) == []


def test_where_a_zone_is_asked_for_a_name_that_is_none_is_refused_with_its_place_zone() -> None:
    # a setting, `--tz` or a native agenda's `timezone:` says a zone, so nothing is guessed
    with pytest.raises(UnknownZoneError, match="'Asia/Beijing'; Beijing keeps Asia/Shanghai"):
        ZoneResolver().parse("Asia/Beijing")
