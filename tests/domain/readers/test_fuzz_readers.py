"""Every reader, fed mutated test pages, answers with diagnostics: nothing escapes `read_bytes`,
and no input takes long.

The mutator is seeded, so a failure names the seed and the input number that reproduce it. The
run is bounded in time (`FUZZ_SECONDS`, a few seconds by default; raise it for a longer search,
and pick another `FUZZ_SEED` to explore other inputs).
"""

from __future__ import annotations

import os
import random
import re
import time

import pytest

from bot.domain.readers.context import ReadOptions
from bot.domain.readers.source import ReadResult, read_bytes
from tests.domain.readers.test_ical_reader import CALENDAR
from tests.domain.readers.test_native_format import GOOD
from tests.helpers import PAGES, ROOT, messages, read_text

PER_INPUT_SECONDS = 2.0
TOTAL_SECONDS = float(os.environ.get("FUZZ_SECONDS", "4"))
SEED = int(os.environ.get("FUZZ_SEED", "20240915"))

EXTREME_ICS = """\
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Example//EN
BEGIN:VEVENT
UID:edge@example.org
SUMMARY:Edge of time
DTSTART;TZID=Asia/Shanghai:99991231T235959Z
DURATION:PT1H
END:VEVENT
BEGIN:VEVENT
UID:first@example.org
SUMMARY:First day
DTSTART;VALUE=DATE:00010101
END:VEVENT
END:VCALENDAR
"""


def _seeds() -> dict[str, list[tuple[str, str]]]:
    pages = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(PAGES.glob("*.md"))]
    native = [
        ("agenda.yaml", (ROOT / "docs" / "examples" / "agenda.yaml").read_text(encoding="utf-8")),
        ("good.yaml", GOOD),
    ]
    calendars = [("mesh.ics", CALENDAR), ("edge.ics", EXTREME_ICS)]
    return {"markdown": pages, "yaml": native, "ics": calendars}


# Values that sit at or past the edges of what dates, clocks and lengths can hold, and the
# markup each format is built from.
TOKENS = [
    "9999",
    "0001",
    "0",
    "99991231T235959Z",
    "00010101T000000",
    "99991231",
    "9999-12-31",
    "0001-01-01",
    "9999-12-31T23:59",
    "9999-12-31 23:59",
    "P99999999D",
    "PT99999999999M",
    "-P99999999W",
    "PT1H",
    "+14:00",
    "-12:00",
    "UTC+99",
    "25:99",
    "23:59",
    "99999999999999999999",
    "12:00 PM",
    "December 31, 9999",
    "January 1, 1",
    "9999年12月31日",
    "(99999999999999999999m)",
    "99999999 min",
    "about 99999999 hours",
    "约 99999999 小时",
    "duration: 99999999999h",
    "date: 9999-12-31",
    "date: 2021-02-30",
    "start: 9999-12-31",
    "timezone: UTC+14",
    "DTSTART;VALUE=DATE:99991231",
    "DTEND:00010101T000000Z",
    "DURATION:P99999999D",
    "TZID=Etc/GMT-14",
    "RRULE:FREQ=DAILY",
    "BEGIN:VEVENT\n",
    "END:VEVENT\n",
    "BEGIN:VTIMEZONE\n",
    "\n",
    "---\n",
    "+++\n",
    "| ",
    "**",
    "- ",
    "## ",
    ": ",
    "\t",
]
NUMBERS = ["0", "1", "9999", "10000", "99999999", "99999999999999999999", "00", "31", "24", "60"]


def mutate(rng: random.Random, text: str) -> str:
    """One to four edits: a number replaced by an edge value, a token inserted, a line dropped
    or repeated, a character replaced."""
    for _ in range(rng.randint(1, 4)):
        choice = rng.random()
        if choice < 0.35:
            numbers = list(re.finditer(r"\d+", text))
            if numbers:
                found = rng.choice(numbers)
                text = text[: found.start()] + rng.choice(NUMBERS) + text[found.end() :]
        elif choice < 0.7:
            at = rng.randrange(len(text) + 1)
            text = text[:at] + rng.choice(TOKENS) + text[at:]
        elif choice < 0.8:
            lines = text.split("\n")
            del lines[rng.randrange(len(lines))]
            text = "\n".join(lines)
        elif choice < 0.9:
            lines = text.split("\n")
            lines.insert(rng.randrange(len(lines) + 1), rng.choice(lines))
            text = "\n".join(lines)
        else:
            at = rng.randrange(len(text) + 1)
            text = text[:at] + chr(rng.randrange(32, 0x3000)) + text[at + 1 :]
    return text


def _read(text: str, name: str) -> tuple[ReadResult | None, float, str | None]:
    began = time.perf_counter()
    try:
        result = read_bytes(text.encode("utf-8", "surrogatepass"), name, ReadOptions())
    except Exception as exc:
        return None, time.perf_counter() - began, f"{type(exc).__name__}: {exc}"
    return result, time.perf_counter() - began, None


def test_no_mutated_page_makes_a_reader_raise_or_stall() -> None:
    seeds = _seeds()
    for pages in seeds.values():  # loaded once: gazetteer and schema loading is not reading
        for name, text in pages:
            _read(text, name)
    rng = random.Random(SEED)
    formats = sorted(seeds)
    problems: list[str] = []
    read = 0
    deadline = time.monotonic() + TOTAL_SECONDS
    while time.monotonic() < deadline and len(problems) < 10:
        name, seed_text = rng.choice(seeds[formats[read % len(formats)]])
        text = mutate(rng, seed_text)
        result, took, raised = _read(text, name)
        where = f"input {read} (FUZZ_SEED={SEED}) from {name}"
        if raised is not None:
            problems.append(f"{where} raised {raised}:\n{text}")
        elif took > PER_INPUT_SECONDS:
            problems.append(f"{where} took {took:.1f} s:\n{text}")
        elif result is not None and not (result.schedules or result.diagnostics):
            problems.append(f"{where} gave neither a schedule nor a diagnostic:\n{text}")
        read += 1
    print(
        f"fuzz: {read} inputs in {TOTAL_SECONDS:.0f} s (FUZZ_SEED={SEED}), {len(problems)} problems"
    )
    assert not problems, "\n\n".join(problems)
    assert read >= 3 * 20, f"only {read} inputs read in {TOTAL_SECONDS} s"


def test_an_ics_value_past_year_9999_is_an_error_on_its_line() -> None:
    result = read_text(EXTREME_ICS, "edge.ics")
    assert messages(result) == [
        "8: error: event skipped: DURATION PT1H from DTSTART 99991231T235959 ends out of range "
        "(dates run from year 1 to 9999)",
        "13: error: event skipped: DTSTART 00010101 is out of range "
        "(dates run from year 1 to 9999)",
        "0: error: no event could be read from this calendar",
    ]


def test_an_all_day_ics_event_on_the_last_day_there_is_and_a_repeated_dtstart_are_errors() -> None:
    text = CALENDAR.replace("DTSTART;VALUE=DATE:20210711", "DTSTART;VALUE=DATE:99991231").replace(
        "DTSTART:20210710T143000\n", "DTSTART:20210710T143000\nDTSTART:20210710T150000\n"
    )
    result = read_text(text, "mesh.ics")
    errors = [m for m in messages(result) if ": error: " in m]
    assert errors == [
        "23: error: event skipped: DTSTART is given 2 times",
        "30: error: event skipped: DTSTART 99991231 is the last day of year 9999; "
        "its end is out of range",
        "35: error: event skipped: DTSTART: Expected time, got: 2021071",
    ]
    assert [s.title for s in result.schedules[0].sessions] == ["Keynote"]


def test_a_calendar_icalendar_cannot_take_apart_is_one_error_at_the_broken_line() -> None:
    # A zone name of its own: icalendar keeps the zones it has built for the whole process.
    calendar = CALENDAR.replace("China Standard Time", "Broken Structure Test Time")
    misspelt = read_text(calendar.replace("BEGIN:VTIMEZONE", "BEGIN:VTI9MEZONE"), "mesh.ics")
    assert messages(misspelt) == [
        "12: error: not a valid iCalendar file: END:VTIMEZONE does not match "
        "(END:VTI9MEZONE expected)"
    ]
    unopened = read_text(calendar.replace("BEGIN:VTIMEZONE\n", ""), "mesh.ics")
    assert messages(unopened) == [
        "11: error: not a valid iCalendar file: END:VTIMEZONE does not match "
        "(END:VCALENDAR expected)"
    ]


def test_native_values_out_of_range_are_errors_on_their_field_line() -> None:
    text = GOOD.replace("duration: 10m", "duration: 99999999999999999999h").replace(
        "start: 2021-07-11", "start: 9999-12-31"
    )
    result = read_text(text, "beijing.yaml")
    assert messages(result) == [
        "12: error: sessions.1: duration '99999999999999999999h' is longer than 30 days",
        "19: error: sessions.3: start '9999-12-31' takes the session out of range "
        "(dates run from year 1 to 9999)",
    ]
    assert [s.title for s in result.schedules[0].sessions] == ["Sign in", "After party"]


def test_a_native_date_that_is_no_calendar_date_is_an_error_on_its_line() -> None:
    result = read_text(GOOD.replace("date: 2021-07-10", "date: 2021-02-30"), "beijing.yaml")
    assert messages(result) == ["5: error: date '2021-02-30' is not a calendar date"]


def test_a_markdown_length_past_any_clock_is_no_length_and_the_page_still_reads() -> None:
    page = (PAGES / "twelve-hour-durations.md").read_text(encoding="utf-8")
    text = page.replace("13:00-14:00(60m)", "13:00-14:00(99999999999999999999m)")
    result = read_text(text, "durations.md")
    assert not [d for d in result.diagnostics if d.severity == "error"], messages(result)
    assert "Long form" in [s.title for s in result.schedules[0].sessions]


def test_a_failure_no_reader_foresaw_is_an_error_on_the_line_being_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bot.domain.readers import native

    def fails(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("unexpected")

    monkeypatch.setattr(native, "_session", fails)
    result = read_text(GOOD, "beijing.yaml")
    assert result.schedules == []
    assert messages(result) == [
        "7: error: this could not be read (RuntimeError: unexpected); "
        "nothing else in the file could be read"
    ]


def test_sessions_outside_the_supported_years_are_errors_on_their_line() -> None:
    text = GOOD.replace(
        'start: "2021-07-10T20:00:00+02:00"', 'start: "9999-12-31T20:00:00+08:00"'
    ).replace("start: 2021-07-11", 'start: "0001-01-01 09:00"')
    result = read_text(text, "beijing.yaml")
    assert messages(result) == [
        "18: error: 'Hack day' on 0001-01-01 is not between the years 1900 and 2199; skipped",
        "15: error: 'After party' on 9999-12-31 is not between the years 1900 and 2199; skipped",
    ]
    assert [s.title for s in result.schedules[0].sessions] == ["Sign in", "Welcome"]
    calendar = read_text(
        CALENDAR.replace("DTSTART:20210710T150000Z", "DTSTART:25000710T150000Z").replace(
            "STATUS:CANCELLED\n", ""
        ),
        "mesh.ics",
    )
    assert (
        "36: error: 'Cancelled' on 2500-07-10 is not between the years 1900 and 2199; skipped"
        in messages(calendar)
    )
