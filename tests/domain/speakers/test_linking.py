"""Sessions linked to profiles: names in any order, case and script, names inside a title cell,
never a name inside another word, and session ids untouched."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.domain.agenda import Recurrence, Schedule, Session, SourceRef, Speaker
from bot.domain.readers.context import ReadOptions
from bot.domain.readers.source import read_path
from bot.domain.speakers.folder import read_speaker_pages
from bot.domain.speakers.linking import link_schedule, link_schedules
from bot.domain.speakers.mentions import NameIndex
from bot.domain.speakers.profile import Profile
from tests.helpers import ROOT, SEED

T = datetime(2024, 5, 1, 9, tzinfo=UTC)
HUABING = Profile(
    id="huabing-zhao",
    name="Huabing Zhao",
    names=("Huabing Zhao", "赵化冰"),
    source=SourceRef("speakers/huabing-zhao.md"),
)
LI = Profile(id="li", name="Li", names=("Li",), source=SourceRef("speakers/li.yaml"))
LI_MING = Profile(id="li-ming", name="李明", names=("李明",), source=SourceRef("speakers/lm.md"))
PROFILES = {p.id: p for p in (HUABING, LI, LI_MING)}


def session(title: str, *speakers: Speaker, sid: str = "s1", **more: Any) -> Session:
    return Session(sid, title, T, T + timedelta(minutes=30), speakers=speakers, **more)


def schedule(*sessions: Session, **more: Any) -> Schedule:
    return Schedule("meetup", "Meetup", UTC, sessions, SourceRef("meetup.md"), **more)


def linked(*sessions: Session) -> tuple[Session, ...]:
    return link_schedule(schedule(*sessions), PROFILES).sessions


@pytest.mark.parametrize(
    "name",
    [
        "Huabing Zhao",
        "Zhao Huabing",
        "ZHAO huabing",
        "huabing  zhao",
        "Huabing-Zhao",
        "赵化冰",
        "赵 化冰",
    ],
)
def test_a_speaker_is_linked_by_any_of_their_names(name: str) -> None:
    [made] = linked(session("Aeraki", Speaker(name, "Tetrate")))
    assert made.speakers == (Speaker(name, "Tetrate", "huabing-zhao"),)


def test_a_speaker_without_a_profile_stays_as_they_are() -> None:
    talk = session("Aeraki", Speaker("Jimmy Song", "Tetrate"), Speaker("Huabing"))
    assert linked(talk) == (talk,)


def test_the_seed_agendas_title_cell_gives_its_speaker() -> None:
    agenda = read_path(SEED, ReadOptions()).schedules[0]
    profiles = read_speaker_pages(ROOT / "schedules").profiles
    made = link_schedule(agenda, profiles)
    changed = [(a, b) for a, b in zip(agenda.sessions, made.sessions, strict=True) if a != b]
    assert len(changed) == 1
    before, after = changed[0]
    assert before.title.endswith("in Istio Huabing Zhao Senior Engineer, Tencent Cloud")
    assert after == replace(
        before,
        title="Full-stack service grid-Aeraki helps you manage any seven-tier traffic in Istio",
        speakers=(Speaker("Huabing Zhao", "Senior Engineer, Tencent Cloud", "huabing-zhao"),),
    )
    assert after.id == before.id == "full-stack-service-grid-aeraki-helps-you-manage"


@pytest.mark.parametrize(
    ("title", "expected_title", "speaker"),
    [
        (
            "Aeraki in depth ZHAO HUABING Tetrate",
            "Aeraki in depth",
            Speaker("ZHAO HUABING", "Tetrate"),
        ),
        ("Aeraki in depth - Zhao Huabing", "Aeraki in depth", Speaker("Zhao Huabing")),
        (
            "Aeraki in depth — Huabing Zhao (Tetrate)",
            "Aeraki in depth",
            Speaker("Huabing Zhao", "Tetrate"),
        ),
        ("Huabing Zhao: Aeraki in depth", "Aeraki in depth", Speaker("Huabing Zhao")),
        ("Huabing Zhao (Tetrate) - Aeraki", "Aeraki", Speaker("Huabing Zhao", "Tetrate")),
        (
            "全栈服务网格 赵化冰 腾讯云高级工程师",
            "全栈服务网格",
            Speaker("赵化冰", "腾讯云高级工程师"),
        ),
        ("全栈服务网格——赵化冰（腾讯云）", "全栈服务网格", Speaker("赵化冰", "腾讯云")),
    ],
)
def test_a_name_in_a_title_is_cut_out_as_its_speaker(
    title: str, expected_title: str, speaker: Speaker
) -> None:
    [made] = linked(session(title))
    assert made.title == expected_title
    assert made.speakers == (replace(speaker, profile="huabing-zhao"),)
    assert made.id == "s1"


@pytest.mark.parametrize(
    "title",
    [
        "Lightning talks",  # "Li" is a profile: never inside a word
        "Li-ion batteries in Li Wei's lab",  # a one-word name is never looked for in a title
        "李明亮的分享",  # 李明 runs into other Han characters
        "Ask Huabing Zhao anything about meshes",  # mid-sentence
        "Fireside chat with Huabing Zhao",  # part of the title
        "HuabingZhao's tools",
        "Huabing Zhao talks about Aeraki",
        "Inside Huabing Zhao's Lab",
    ],
)
def test_no_false_match(title: str) -> None:
    talk = session(title)
    assert linked(talk) == (talk,)


def test_no_false_match_in_speakers_either() -> None:
    talk = session("Batteries", Speaker("Lightning Li-Wei"), Speaker("李明亮"))
    assert linked(talk) == (talk,)


def test_a_one_word_name_links_a_speaker_who_is_exactly_them() -> None:
    [made] = linked(session("Batteries", Speaker("li")))
    assert made.speakers == (Speaker("li", None, "li"),)


def test_a_speaker_entry_holding_name_and_affiliation_is_split() -> None:
    [made] = linked(session("eBPF", Speaker("Huabing Zhao Tencent Cloud")))
    assert made.speakers == (Speaker("Huabing Zhao", "Tencent Cloud", "huabing-zhao"),)
    [made] = linked(session("eBPF", Speaker("Ding Shaojun (赵化冰)")))
    assert made.speakers[0].profile == "huabing-zhao"


def test_a_name_left_in_the_title_beside_its_linked_speaker_is_cut() -> None:
    # An agenda merged from two languages: the speaker came from the Chinese page's column.
    talk = session(
        "Aeraki in depth Huabing Zhao Senior Engineer, Tencent Cloud",
        Speaker("赵化冰", "腾讯云高级工程师"),
        titles=(("zh", "全栈服务网格 赵化冰 腾讯云高级工程师"),),
    )
    [made] = linked(talk)
    assert made.title == "Aeraki in depth"
    assert made.titles == (("zh", "全栈服务网格"),)
    assert made.speakers == (
        Speaker("Huabing Zhao", "Senior Engineer, Tencent Cloud", "huabing-zhao"),
    )


def test_translated_titles_lose_the_name_too() -> None:
    talk = session("Aeraki in depth - Huabing Zhao", titles=(("zh", "Aeraki 深度解析 - 赵化冰"),))
    [made] = linked(talk)
    assert (made.title, made.titles) == ("Aeraki in depth", (("zh", "Aeraki 深度解析"),))


def test_series_and_overrides_are_linked_and_keep_their_ids() -> None:
    series = session(
        "Office hours",
        Speaker("Zhao Huabing"),
        sid="office-hours",
        repeat=Recurrence("FREQ=WEEKLY;BYDAY=TH"),
    )
    moved = replace(
        series, id="office-hours-2", repeat=None, series_id="office-hours", recurrence_id=T
    )
    made = link_schedule(schedule(series=(series,), overrides=(moved,)), PROFILES)
    assert [s.speakers[0].profile for s in (*made.series, *made.overrides)] == ["huabing-zhao"] * 2
    assert [(s.id, s.series_id, s.recurrence_id) for s in made.overrides] == [
        ("office-hours-2", "office-hours", T)
    ]


def test_nothing_to_link_gives_the_same_schedule() -> None:
    agenda = schedule(session("Intro", Speaker("Jimmy Song")))
    assert link_schedule(agenda, PROFILES) is agenda
    assert link_schedule(agenda, {}) is agenda
    assert link_schedules({"meetup": agenda}, PROFILES) == {"meetup": agenda}


def test_ids_stay_when_a_speaker_page_is_added_later() -> None:
    agenda = read_path(SEED, ReadOptions()).schedules[0]
    profiles = read_speaker_pages(ROOT / "schedules").profiles
    made = link_schedule(agenda, profiles)
    assert [s.id for s in made.sessions] == [s.id for s in agenda.sessions]


def test_the_index_finds_every_mention_once() -> None:
    index = NameIndex(PROFILES)
    text = "Huabing Zhao and 赵化冰 and zhao huabing"
    assert [(m.start, m.end, m.profile_id) for m in index.mentions(text)] == [
        (0, 12, "huabing-zhao"),
        (17, 20, "huabing-zhao"),
        (25, 37, "huabing-zhao"),
    ]
