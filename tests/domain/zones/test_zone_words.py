from __future__ import annotations

from datetime import date

import pytest

from bot.domain.zones.resolve import UnknownZoneError, ZoneResolver, invalid_offsets

SUMMER = date(2024, 7, 10)
WINTER = date(2024, 1, 10)


def zones(text: str, on: date = SUMMER) -> list[tuple[str, str]]:
    resolver = ZoneResolver()
    return [(m.text, resolver.decide(m, on).name) for m in resolver.find(text)]


@pytest.mark.parametrize(
    ("text", "mention", "zone"),
    [
        ("9am Eastern", "Eastern", "America/New_York"),
        ("5pm Pacific", "Pacific", "America/Los_Angeles"),
        ("8pm central", "central", "America/Chicago"),
        ("12:00 Mountain", "Mountain", "America/Denver"),
        ("noon Pacific", "Pacific", "America/Los_Angeles"),
        ("14:00 Central European", "Central European", "Europe/Berlin"),
        ("9am (Eastern)", "Eastern", "America/New_York"),
        ("Central European Time", "Central European Time", "Europe/Berlin"),
        ("Central Standard Time", "Central Standard Time", "America/Chicago"),
        ("Arizona time", "Arizona time", "America/Phoenix"),
        ("India time", "India time", "Asia/Kolkata"),
        ("Sydney time", "Sydney time", "Australia/Sydney"),
        ("Brazil time", "Brazil time", "America/Sao_Paulo"),
        ("Brasília time", "Brasília time", "America/Sao_Paulo"),
        ("Lyon time", "Lyon time", "Europe/Paris"),
        ("Paris local time", "Paris local time", "Europe/Paris"),
        ("Rio de Janeiro time", "Rio de Janeiro time", "America/Sao_Paulo"),
        ("hora de Bogotá", "hora de Bogotá", "America/Bogota"),
        ("hora de México", "hora de México", "America/Mexico_City"),
        ("hora del centro", "hora del centro", "America/Mexico_City"),
        ("horário de Brasília", "horário de Brasília", "America/Sao_Paulo"),
        ("heure de Montréal", "heure de Montréal", "America/Toronto"),
        ("heure de Paris", "heure de Paris", "Europe/Paris"),
        ("heure du Québec", "heure du Québec", "America/Toronto"),
        ("Berliner Zeit", "Berliner Zeit", "Europe/Berlin"),
        ("Münchner Zeit", "Münchner Zeit", "Europe/Berlin"),
        ("Wiener Zeit", "Wiener Zeit", "Europe/Vienna"),
        ("New Yorker Zeit", "New Yorker Zeit", "America/New_York"),
        ("deutsche Zeit", "deutsche Zeit", "Europe/Berlin"),
        ("14:00 MEZ", "MEZ", "Europe/Berlin"),
        ("MESZ", "MESZ", "Europe/Berlin"),
        ("한국 시간", "한국 시간", "Asia/Seoul"),
        ("한국시간", "한국시간", "Asia/Seoul"),
        ("서울 시간", "서울 시간", "Asia/Seoul"),
        ("日本時間", "日本時間", "Asia/Tokyo"),
        ("台湾时间", "台湾时间", "Asia/Taipei"),
        ("成都时间", "成都时间", "Asia/Shanghai"),
        ("kl. 16.00–17.00 dansk tid", "dansk tid", "Europe/Copenhagen"),
        ("kl. 17.00–20.00 islandsk tid", "islandsk tid", "Atlantic/Reykjavik"),
        ("(بتوقيت الرياض)", "بتوقيت الرياض", "Asia/Riyadh"),
        ("9:30 h, hora canaria", "hora canaria", "Atlantic/Canary"),
        ("america/new_york", "america/new_york", "America/New_York"),
        ("14:00 Europe/berlin", "Europe/berlin", "Europe/Berlin"),
        # Samoa itself (Apia), not "Pacific/Samoa", which is American Samoa a day behind
        ("19:00 Samoa time", "Samoa time", "Pacific/Apia"),
        ("14:00 Samoa Standard Time", "Samoa Standard Time", "Pacific/Apia"),
    ],
)
def test_zone_words_phrases_and_places(text: str, mention: str, zone: str) -> None:
    assert zones(text) == [(mention, zone)]


@pytest.mark.parametrize(
    "text",
    [
        "Central Hall",
        "Pacific Ocean",
        "the Eastern entrance",
        "Room 12 Central",  # a number is not a clock time
        "12:00 Central Park tour",  # a capitalised word follows: a name, not the zone
        "Start Time",
        "Lunch Time",
        "Reading time",
        "Local Time",
        "Summer Time",
        "Date and Time",
        "a good time in Lyon",
        "3時間",  # three hours
        "2시간",  # two hours
        "heure de début",  # start time, in French
        "we eat at noon, est. 1999",
        "and/or TCP/IP",
    ],
)
def test_prose_gains_no_zones(text: str) -> None:
    assert zones(text) == []


def test_two_region_words_beside_their_clocks() -> None:
    assert zones("9am Eastern / 6am Pacific") == [
        ("Eastern", "America/New_York"),
        ("Pacific", "America/Los_Angeles"),
    ]


def test_a_slash_between_a_zone_and_the_next_time_is_not_an_offset_sign() -> None:
    assert zones("4pm UTC / 9am PT") == [("UTC", "UTC"), ("PT", "America/Los_Angeles")]


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("IST (Israel)", "Asia/Jerusalem"),
        ("IST (India)", "Asia/Kolkata"),
        ("AST (Kuwait)", "Asia/Kuwait"),
        ("CST (China)", "Asia/Shanghai"),
        ("CDT (Mexico City)", "America/Mexico_City"),
        ("EST (Toronto)", "America/Toronto"),
    ],
)
def test_an_abbreviation_follows_the_place_beside_it(text: str, zone: str) -> None:
    assert zones(text, WINTER) == [(text, zone)]


def test_the_place_beside_an_abbreviation_settles_its_ambiguity_without_a_note() -> None:
    resolver = ZoneResolver()
    [mention] = resolver.find("3pm IST (Israel)")
    assert resolver.decide(mention, SUMMER).notes == ()


def test_a_summer_name_beside_a_place_without_summer_time_is_read_as_its_local_time() -> None:
    resolver = ZoneResolver()
    [mention] = resolver.find("CDT (Mexico City)")
    resolved = resolver.decide(mention, SUMMER)
    assert resolved.name == "America/Mexico_City"
    assert resolved.notes == (
        "CDT names summer time, which America/Mexico_City does not keep on 2024-07-10; "
        "read as local time there (UTC-06:00)",
    )


def test_a_place_that_keeps_none_of_the_abbreviations_offsets_is_reported() -> None:
    resolver = ZoneResolver()
    [mention] = resolver.find("CST (Paris)")
    resolved = resolver.decide(mention, WINTER)
    assert resolved.name == "Asia/Shanghai"
    assert resolved.notes[0] == (
        "'CST (Paris)': Europe/Paris keeps none of the offsets of CST (Asia/Shanghai, "
        "America/Chicago, America/Havana); using Asia/Shanghai"
    )


def test_an_offset_in_brackets_still_checks_the_abbreviation() -> None:
    assert zones("CST (UTC-6)", WINTER) == [("CST (UTC-6", "America/Chicago")]


@pytest.mark.parametrize(
    ("setting", "zone"),
    [
        ("Eastern", "America/New_York"),
        ("pacific", "America/Los_Angeles"),
        ("Central European", "Europe/Berlin"),
        ("Lyon", "Europe/Paris"),
        ("深圳", "Asia/Shanghai"),
        ("Tokyo", "Asia/Tokyo"),
        ("hora de Bogotá", "America/Bogota"),
        ("Berliner Zeit", "Europe/Berlin"),
        ("MEZ", "Europe/Berlin"),
        ("IST (Israel)", "Asia/Jerusalem"),
    ],
)
def test_parse_reads_region_words_places_and_phrases(setting: str, zone: str) -> None:
    assert ZoneResolver().parse(setting).name == zone


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("Europe/Lodnon", "unknown time zone 'Europe/Lodnon'; did you mean Europe/London?"),
        ("Eastren", "unknown time zone 'Eastren'; did you mean Eastern (America/New_York)?"),
        ("Pacfic", "unknown time zone 'Pacfic'; did you mean Pacific (America/Los_Angeles)?"),
        ("Lodnon", "unknown time zone 'Lodnon'; did you mean London (Europe/London)?"),
        ("Lodnon time", "unknown time zone 'Lodnon time'; did you mean London (Europe/London)?"),
        ("Amercia/Chicago", "unknown time zone 'Amercia/Chicago'; did you mean America/Chicago?"),
        ("CSTX", "unknown time zone 'CSTX'; did you mean CST (Asia/Shanghai)?"),
        ("Mars/Olympus", "unknown time zone 'Mars/Olympus'"),
        ("UTC+25", "offset 'UTC+25' is out of range"),
        ("UTC+5:90", "offset 'UTC+5:90' is out of range"),
        ("+25:00", "offset '+25:00' is out of range"),
    ],
)
def test_parse_errors_say_what_is_wrong_and_what_is_near(setting: str, message: str) -> None:
    with pytest.raises(UnknownZoneError) as raised:
        ZoneResolver().parse(setting)
    assert str(raised.value) == message


def test_invalid_offsets_are_listed_for_strict_readers_and_skipped_by_find() -> None:
    assert invalid_offsets("14:00 UTC+25 or UTC+5:90, not UTC+8") == [
        "offset 'UTC+25' is out of range",
        "offset 'UTC+5:90' is out of range",
    ]
    assert zones("14:00 UTC+25") == [("UTC", "UTC")]  # prose: only the word is a zone
