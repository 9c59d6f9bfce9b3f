"""`agenda-bot convert` with zones in words, places, other languages, and its strict errors."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from bot.cli import cli

SUMMER = "2024-07-10"
WINTER = "2024-01-10"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["convert", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def converted(when: str, *options: str) -> tuple[str, str, str]:
    """(source zone, the instant in UTC, stderr) for WHEN converted to UTC."""
    code, out, err = run(when, *options)
    assert code == 0, err
    source, utc = out.splitlines()
    assert utc.startswith("UTC ")
    return source.split()[0], utc[3:].strip(), err


@pytest.mark.parametrize(
    ("when", "day", "zone", "utc"),
    [
        # Region words beside a clock time
        ("9am Eastern", SUMMER, "America/New_York", "2024-07-10 13:00 UTC"),
        ("5pm Pacific", SUMMER, "America/Los_Angeles", "2024-07-11 00:00 UTC"),
        ("9:30am Central", WINTER, "America/Chicago", "2024-01-10 15:30 UTC"),
        ("8pm Mountain", WINTER, "America/Denver", "2024-01-11 03:00 UTC"),
        ("noon Pacific", WINTER, "America/Los_Angeles", "2024-01-10 20:00 UTC"),
        ("9am Central European", WINTER, "Europe/Berlin", "2024-01-10 08:00 UTC"),
        ("7pm Eastern European", SUMMER, "Europe/Helsinki", "2024-07-10 16:00 UTC"),
        ("9am Eastern Time", WINTER, "America/New_York", "2024-01-10 14:00 UTC"),
        # "<place> time" and its kin in other languages
        ("9am Arizona time", SUMMER, "America/Phoenix", "2024-07-10 16:00 UTC"),
        ("9am India time", SUMMER, "Asia/Kolkata", "2024-07-10 03:30 UTC"),
        ("10:00 Sydney time", SUMMER, "Australia/Sydney", "2024-07-10 00:00 UTC"),
        ("10:00 Brazil time", SUMMER, "America/Sao_Paulo", "2024-07-10 13:00 UTC"),
        ("12:30 Lyon time", SUMMER, "Europe/Paris", "2024-07-10 10:30 UTC"),
        ("10:00 hora de Bogotá", SUMMER, "America/Bogota", "2024-07-10 15:00 UTC"),
        ("10:00 hora de México", SUMMER, "America/Mexico_City", "2024-07-10 16:00 UTC"),
        ("10:00 hora del centro", SUMMER, "America/Mexico_City", "2024-07-10 16:00 UTC"),
        ("10:00 horário de Brasília", SUMMER, "America/Sao_Paulo", "2024-07-10 13:00 UTC"),
        ("18h heure de Montréal", WINTER, "America/Toronto", "2024-01-10 23:00 UTC"),
        ("17h45 heure de Paris", SUMMER, "Europe/Paris", "2024-07-10 15:45 UTC"),
        ("14h Berliner Zeit", SUMMER, "Europe/Berlin", "2024-07-10 12:00 UTC"),
        ("14:00 Münchner Zeit", SUMMER, "Europe/Berlin", "2024-07-10 12:00 UTC"),
        ("14:00 deutsche Zeit", WINTER, "Europe/Berlin", "2024-01-10 13:00 UTC"),
        ("20 Uhr MEZ", WINTER, "Europe/Berlin", "2024-01-10 19:00 UTC"),
        ("20 Uhr MESZ", SUMMER, "Europe/Berlin", "2024-07-10 18:00 UTC"),
        ("14:00 한국 시간", SUMMER, "Asia/Seoul", "2024-07-10 05:00 UTC"),
        ("한국시간 오후 2시", SUMMER, "Asia/Seoul", "2024-07-10 05:00 UTC"),
        ("14:00 日本時間", SUMMER, "Asia/Tokyo", "2024-07-10 05:00 UTC"),
        ("14:00 台湾时间", SUMMER, "Asia/Taipei", "2024-07-10 06:00 UTC"),
        ("19:00 成都时间", SUMMER, "Asia/Shanghai", "2024-07-10 11:00 UTC"),
        ("9am Tokyo", SUMMER, "Asia/Tokyo", "2024-07-10 00:00 UTC"),
        # An abbreviation follows the place beside it
        ("3pm IST (Israel)", SUMMER, "Asia/Jerusalem", "2024-07-10 12:00 UTC"),
        ("3pm IST (India)", SUMMER, "Asia/Kolkata", "2024-07-10 09:30 UTC"),
        ("10am AST (Kuwait)", SUMMER, "Asia/Kuwait", "2024-07-10 07:00 UTC"),
        ("14:00 CST (China)", SUMMER, "Asia/Shanghai", "2024-07-10 06:00 UTC"),
        # IANA names in any case
        ("14:00 america/new_york", SUMMER, "America/New_York", "2024-07-10 18:00 UTC"),
        ("9am Europe/berlin", SUMMER, "Europe/Berlin", "2024-07-10 07:00 UTC"),
        # Clock words
        ("midnight UTC", SUMMER, "UTC", "2024-07-10 00:00 UTC"),
        ("9am pt", SUMMER, "America/Los_Angeles", "2024-07-10 16:00 UTC"),
        ("Meeting at 3pm Eastern", SUMMER, "America/New_York", "2024-07-10 19:00 UTC"),
    ],
)
def test_convert_reads_zone_words_and_places(when: str, day: str, zone: str, utc: str) -> None:
    assert converted(when, "--date", day)[:2] == (zone, utc)


def test_a_range_in_words_converts_both_ends() -> None:
    code, out, _ = run("14h-16h CET", "--date", WINTER)
    assert code == 0
    assert out.splitlines()[-1] == "UTC            2024-01-10 13:00 UTC - 2024-01-10 15:00 UTC"
    code, out, _ = run("9am-5pm Pacific", "--date", WINTER)
    assert out.splitlines()[-1].split(None, 1)[1] == ("2024-01-10 17:00 UTC - 2024-01-11 01:00 UTC")


def test_a_range_that_ends_before_it_starts_is_read_overnight_and_says_so() -> None:
    code, out, err = run("10am-9am PT", "--date", SUMMER)
    assert code == 0
    assert out.splitlines()[-1].split(None, 1)[1] == ("2024-07-10 17:00 UTC - 2024-07-11 16:00 UTC")
    assert err == "note: the end 09:00 is before the start 10:00; read as the next day\n"


def test_a_summer_name_beside_a_place_without_summer_time_notes_it() -> None:
    zone, utc, err = converted("9am CDT (Mexico City)", "--date", SUMMER)
    assert (zone, utc) == ("America/Mexico_City", "2024-07-10 15:00 UTC")
    assert "CDT names summer time, which America/Mexico_City does not keep" in err


def test_the_first_time_wins_and_a_second_that_disagrees_is_noted() -> None:
    zone, utc, err = converted("4pm UTC / 9am PT", "--date", SUMMER)
    assert (zone, utc, err) == ("UTC", "2024-07-10 16:00 UTC", "")
    zone, utc, err = converted("4pm UTC / 9am PT", "--date", WINTER)
    assert (zone, utc) == ("UTC", "2024-01-10 16:00 UTC")
    assert err == ("note: '9am PT' is 17:00 in UTC, not 16:00 as '4pm UTC' says; using '4pm UTC'\n")


def test_a_date_in_the_text_is_used_and_a_dst_gap_follows_rfc_5545() -> None:
    zone, utc, err = converted("2024-03-10 02:30 America/New_York")
    assert (zone, utc) == ("America/New_York", "2024-03-10 07:30 UTC")
    assert err == (
        "note: 2024-03-10 02:30 does not exist in America/New_York (clocks move forward); "
        "read as 03:30 UTC-04:00\n"
    )
    zone, utc, err = converted("2024-11-03 01:30 America/New_York")
    assert utc == "2024-11-03 05:30 UTC"
    assert "happens twice in America/New_York" in err
    assert converted("9:00 ET, March 10, 2024")[1] == "2024-03-10 13:00 UTC"


def test_from_is_the_zone_of_a_text_without_one_and_is_noted_when_unused() -> None:
    assert converted("14:00", "--from", "Europe/Paris", "--date", SUMMER)[:2] == (
        "Europe/Paris",
        "2024-07-10 12:00 UTC",
    )
    _, _, err = converted("14:00 JST", "--from", "Europe/Paris", "--date", SUMMER)
    assert "note: --from Europe/Paris not used: '14:00 JST' names its zone" in err


def test_from_and_to_take_zone_words_too() -> None:
    code, out, _ = run("9am", "--from", "Eastern", "--to", "Pacific", "--date", SUMMER)
    assert code == 0
    assert out.splitlines() == [
        "America/New_York     2024-07-10 09:00 UTC-04:00",
        "America/Los_Angeles  2024-07-10 06:00 UTC-07:00",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("9am Eastren",), "unknown time zone 'Eastren'; did you mean Eastern (America/New_York)?"),
        (("9am Eastren", "--from", "Europe/Paris"), "did you mean Eastern (America/New_York)?"),
        (
            ("14:00 Europe/Lodnon",),
            "unknown time zone 'Europe/Lodnon'; did you mean Europe/London?",
        ),
        (("9am Pacfic",), "did you mean Pacific (America/Los_Angeles)?"),
        (("14:00 Lodnon time",), "did you mean London (Europe/London)?"),
        (("9am XYZT",), "unknown time zone 'XYZT'"),
        (("14:00 Mordor", "--from", "UTC"), "unknown time zone 'Mordor'"),
        (("14:00 UTC+25",), "offset 'UTC+25' is out of range"),
        (("14:00 UTC+5:90",), "offset 'UTC+5:90' is out of range"),
        (("9am +25:00",), "offset '+25:00' is out of range"),
        (("13pm UTC",), "'13pm' is not a time of day"),
        (("25:00 UTC",), "'25:00' is not a time of day"),
        (("14:00",), "'14:00' names no time zone; pass --from ZONE"),
        (("UTC+8",), "no time of day in 'UTC+8'"),
    ],
)
def test_what_cannot_be_read_stops_with_exit_2_and_says_why(
    args: tuple[str, ...], message: str
) -> None:
    code, out, err = run(*args)
    assert (code, out) == (2, "")
    assert "Invalid value for WHEN" in err
    assert message in " ".join(err.split())
