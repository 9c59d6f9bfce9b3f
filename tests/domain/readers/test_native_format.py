from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from bot.domain.agenda import Link, SessionKind, Speaker
from bot.domain.readers.native import schema
from tests.helpers import ROOT, messages, read_text, timeline

GOOD = """\
id: istio-beijing-2021
title: Istio Meetup China
timezone: Asia/Shanghai
venue: CAICT, Beijing
date: 2021-07-10
sessions:
  - title: Sign in
    start: 13:30
    end: 13:50
  - title: Welcome
    start: 13:50
    duration: 10m
    speakers: ["Craig Box (Google)", {name: Iris Ding, affiliation: Intel}]
    links: [{url: "https://example.org/s.pdf", label: Slides}]
  - title: After party
    start: "2021-07-10T20:00:00+02:00"
    kind: networking
  - title: Hack day
    start: 2021-07-11
"""


def test_native_yaml_reads_exact_times_speakers_links_and_all_day_entries() -> None:
    result = read_text(GOOD, "beijing.yaml")
    assert messages(result) == []
    [schedule] = result.schedules
    assert (schedule.id, schedule.timezone_name, schedule.venue) == (
        "istio-beijing-2021",
        "Asia/Shanghai",
        "CAICT, Beijing",
    )
    assert timeline(schedule) == [
        ("Sign in", "2021-07-10T05:30Z", "2021-07-10T05:50Z"),
        ("Welcome", "2021-07-10T05:50Z", "2021-07-10T06:00Z"),
        # Midnight of 2021-07-11 in Shanghai comes before 20:00 in UTC+02:00 on the 10th.
        ("Hack day", "2021-07-10T16:00Z", "2021-07-11T16:00Z"),
        ("After party", "2021-07-10T18:00Z", None),
    ]
    welcome = schedule.sessions[1]
    assert welcome.speakers == (Speaker("Craig Box", "Google"), Speaker("Iris Ding", "Intel"))
    assert welcome.links == (Link("https://example.org/s.pdf", "Slides"),)
    assert schedule.sessions[3].kind is SessionKind.NETWORKING
    assert schedule.sessions[2].all_day is True


def test_native_errors_point_at_the_line_and_keep_the_good_sessions() -> None:
    text = (
        GOOD
        + "  - title: Broken\n    start: 25:00\n  - title: Backwards\n    start: 15:00\n    end: 14:00\n"
    )
    result = read_text(text, "beijing.yaml")
    assert messages(result) == [
        "21: error: sessions.4: start '25:00' is not a time of day",
        "24: error: sessions.5: end 14:00 is before start 15:00",
    ]
    assert len(result.schedules[0].sessions) == 4


def test_schema_violations_name_the_field_and_line() -> None:
    result = read_text(
        "title: X\ntimezone: UTC\nsessions:\n  - title: A\n    begin: 10:00\n", "x.yaml"
    )
    assert messages(result) == [
        "4: error: sessions.0: 'start' is a required property",
        "4: error: sessions.0: Additional properties are not allowed ('begin' was unexpected)",
        "1: error: no session could be read",
    ]


def test_unknown_zone_and_invalid_yaml_are_clear_errors() -> None:
    assert messages(
        read_text(
            "title: X\ntimezone: Mars/Base\nsessions: [{title: A, start: '2024-01-01 10:00'}]\n",
            "x.yaml",
        )
    ) == ["2: error: timezone: unknown time zone 'Mars/Base'"]
    assert messages(read_text("title: [unclosed\n", "x.yaml"))[0].startswith(
        "2: error: invalid YAML"
    )


def test_several_documents_give_several_schedules() -> None:
    text = (
        "title: A\ntimezone: UTC\nsessions: [{title: a, start: '2024-01-01 10:00'}]\n---\n"
        "title: B\ntimezone: UTC\nsessions: [{title: b, start: '2024-01-02 10:00'}]\n"
    )
    result = read_text(text, "two.yaml")
    assert [s.id for s in result.schedules] == ["two-1", "two-2"]


def test_yaml_alias_bomb_is_refused() -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 14):
        prev, name = chr(96 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    result = read_text("\n".join(lines) + "\n", "bomb.yaml")
    assert result.schedules == []
    assert "aliases; refusing to expand" in messages(result)[0]


def test_the_schema_in_the_repo_is_valid_and_matches_the_documented_example() -> None:
    jsonschema.validators.validator_for(schema()).check_schema(schema())
    example = ROOT / "docs" / "examples" / "agenda.yaml"
    result = read_text(example.read_text(encoding="utf-8"), "agenda.yaml")
    assert messages(result) == []
    assert (
        json.loads(Path(ROOT / "bot/domain/readers/native/agenda.schema.json").read_text())
        == schema()
    )
