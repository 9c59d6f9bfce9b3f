"""The page that started it all: the 2021 Istio meetup in Beijing, times in CST."""

from __future__ import annotations

from bot.domain.agenda import SessionKind
from bot.domain.readers.context import ReadOptions
from bot.domain.readers.source import read_path
from tests.helpers import SEED, messages, timeline


def test_seed_page_gives_nine_sessions_at_exact_instants() -> None:
    result = read_path(SEED, ReadOptions(), display="seed.md")
    assert len(result.schedules) == 1
    schedule = result.schedules[0]
    assert schedule.id == "istio-meetup-china-2021"
    assert schedule.timezone_name == "Asia/Shanghai"
    assert [(title[:24], start, end) for title, start, end in timeline(schedule)] == [
        ("Sign in", "2021-07-10T05:30Z", "2021-07-10T05:50Z"),
        ("Welcome speech-Craig Box", "2021-07-10T05:50Z", "2021-07-10T06:00Z"),
        ('Interpretation of the "S', "2021-07-10T06:00Z", "2021-07-10T06:30Z"),
        ("Service Grid Data Plane ", "2021-07-10T06:30Z", "2021-07-10T07:00Z"),
        ('"Envoy Principle Introdu', "2021-07-10T07:00Z", "2021-07-10T07:30Z"),
        ("Coffee break", "2021-07-10T07:30Z", "2021-07-10T07:45Z"),
        ("Use eBPF to accelerate I", "2021-07-10T07:45Z", "2021-07-10T08:15Z"),
        ("Full-stack service grid-", "2021-07-10T08:15Z", "2021-07-10T08:45Z"),
        ("Securing workload deploy", "2021-07-10T08:45Z", "2021-07-10T09:15Z"),
    ]


def test_seed_page_warns_that_cst_was_a_guess_and_nothing_else() -> None:
    result = read_path(SEED, ReadOptions(), display="seed.md")
    assert messages(result) == [
        "13: warning: CST is ambiguous (Asia/Shanghai, America/Chicago, America/Havana); "
        "assumed Asia/Shanghai"
    ]


def test_seed_page_keeps_venue_kinds_and_stable_ids() -> None:
    first = read_path(SEED, ReadOptions()).schedules[0]
    again = read_path(SEED, ReadOptions()).schedules[0]
    assert [s.id for s in first.sessions] == [s.id for s in again.sessions]
    assert first.sessions[0].id == "sign-in"
    assert first.venue is not None and first.venue.startswith("Industrial Internet Exhibition Hall")
    kinds = [s.kind for s in first.sessions]
    assert kinds[0] is SessionKind.REGISTRATION
    assert kinds[5] is SessionKind.BREAK
    assert kinds.count(SessionKind.TALK) == 6
