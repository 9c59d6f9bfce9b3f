"""Speakers and their affiliations as organizers write them: "Name, Company" is one person,
"Name, Name" two; lists joined by "&", "and", "und", "、", ";", " / "; names in Han characters
with a company after a space; Japanese family and given names; "(@handle)" after a name."""

from __future__ import annotations

import pytest

from bot.domain.agenda import Speaker
from bot.domain.readers.markdown.speakers import parse_speakers, split_title_and_speakers
from tests.helpers import read_text


@pytest.mark.parametrize(
    ("cell", "speakers"),
    [
        ("Wei Li, PingCAP", [Speaker("Wei Li", "PingCAP")]),
        ("林佳慧\nTaipei.py 主辦", [Speaker("林佳慧", "Taipei.py 主辦")]),
        ("吳欣怡\n趨勢科技", [Speaker("吳欣怡", "趨勢科技")]),
        ("Jane Doe\nAppier", [Speaker("Jane Doe", "Appier")]),
        ("Jane Doe\nWei Li", [Speaker("Jane Doe"), Speaker("Wei Li")]),
        ("王小明\n李伟", [Speaker("王小明"), Speaker("李伟")]),
        (
            "Siti Rahmawati — Engineering Manager, Tokopedia",
            [Speaker("Siti Rahmawati", "Engineering Manager, Tokopedia")],
        ),
        ("Jane Doe - Acme, Wei Li", [Speaker("Jane Doe", "Acme"), Speaker("Wei Li")]),
        ("Jane Doe, Acme Corp", [Speaker("Jane Doe", "Acme Corp")]),
        ("Jane Doe, Red Hat", [Speaker("Jane Doe", "Red Hat")]),
        ("Kofi Mensah, Twilio", [Speaker("Kofi Mensah", "Twilio")]),
        ("Keith Chan, CNCF", [Speaker("Keith Chan", "CNCF")]),
        (
            "Ana Souza, Universidade de São Paulo",
            [Speaker("Ana Souza", "Universidade de São Paulo")],
        ),
        ("Lena Vogel, Grafana Labs", [Speaker("Lena Vogel", "Grafana Labs")]),
        ("Mikael Berg, trip.com", [Speaker("Mikael Berg", "trip.com")]),
        (
            "Jane Doe, Senior Engineer, Tencent Cloud",
            [Speaker("Jane Doe", "Senior Engineer, Tencent Cloud")],
        ),
        ("priya raman, Grafana", [Speaker("priya raman", "Grafana")]),
        ("Denise Alvarez, Workforce Connect", [Speaker("Denise Alvarez", "Workforce Connect")]),
        (
            "Ana Belén Sanz, Unidad de Medio Ambiente",
            [Speaker("Ana Belén Sanz", "Unidad de Medio Ambiente")],
        ),
        ("Priya Raman, Volunteer Coordinator", [Speaker("Priya Raman", "Volunteer Coordinator")]),
        ("Bram Smit, Gemeente Amsterdam", [Speaker("Bram Smit", "Gemeente Amsterdam")]),
        (
            "Fatima Bello, Head of Risk, Kora Credit",
            [Speaker("Fatima Bello", "Head of Risk, Kora Credit")],
        ),
        # words no name is written with: a description of where the person works
        ("Arjun Mehta, Swiggy-ish startup", [Speaker("Arjun Mehta", "Swiggy-ish startup")]),
    ],
)
def test_a_person_then_an_organisation_after_a_comma_is_one_speaker(
    cell: str, speakers: list[Speaker]
) -> None:
    assert parse_speakers(cell) == speakers


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        ("Jane Doe, Wei Li", ["Jane Doe", "Wei Li"]),
        ("Jane Doe, Priya Raman, Kofi Mensah", ["Jane Doe", "Priya Raman", "Kofi Mensah"]),
        ("Alice, Bob", ["Alice", "Bob"]),
        ("Jane Doe (Acme), Wei Li", ["Jane Doe", "Wei Li"]),
        ("Jane Doe, Ana de la Cruz", ["Jane Doe", "Ana de la Cruz"]),
        ("Jane Doe, priya raman", ["Jane Doe", "priya raman"]),
    ],
)
def test_two_peoples_names_after_a_comma_stay_two_speakers(cell: str, names: list[str]) -> None:
    assert [s.name for s in parse_speakers(cell)] == names


@pytest.mark.parametrize(
    ("cell", "speakers"),
    [
        ("Jane Doe & Wei Li", [Speaker("Jane Doe"), Speaker("Wei Li")]),
        ("Jane Doe and Wei Li", [Speaker("Jane Doe"), Speaker("Wei Li")]),
        ("Jana Novak und Tobias Kraft", [Speaker("Jana Novak"), Speaker("Tobias Kraft")]),
        ("Jane Doe / Wei Li", [Speaker("Jane Doe"), Speaker("Wei Li")]),
        ("Jane Doe / Acme", [Speaker("Jane Doe", "Acme")]),
        ("Jane Doe、李伟", [Speaker("Jane Doe"), Speaker("李伟")]),
        ("李伟；张宇", [Speaker("李伟"), Speaker("张宇")]),
        (
            "Carlos García, Chainguard; Li Wei, PingCAP",
            [Speaker("Carlos García", "Chainguard"), Speaker("Li Wei", "PingCAP")],
        ),
        (
            "Jane Doe (Research & Development)",
            [Speaker("Jane Doe", "Research & Development")],
        ),
    ],
)
def test_a_list_of_speakers_gives_each_their_own_affiliation(
    cell: str, speakers: list[Speaker]
) -> None:
    assert parse_speakers(cell) == speakers


@pytest.mark.parametrize(
    ("cell", "speakers"),
    [
        ("田中 太郎 (@tanakataro)", [Speaker("田中 太郎")]),
        ("田中 太郎", [Speaker("田中 太郎")]),
        ("佐藤 健", [Speaker("佐藤 健")]),
        ("田中 太郎 株式会社メルカリ", [Speaker("田中 太郎", "株式会社メルカリ")]),
        ("Jane Doe (@janedoe)", [Speaker("Jane Doe")]),
    ],
)
def test_a_japanese_name_is_one_name_and_a_handle_is_no_affiliation(
    cell: str, speakers: list[Speaker]
) -> None:
    assert parse_speakers(cell) == speakers


@pytest.mark.parametrize(
    ("cell", "speaker"),
    [
        ("李伟明 阿里云", Speaker("李伟明", "阿里云")),
        ("周琳 腾讯云", Speaker("周琳", "腾讯云")),
        ("张宇 字节跳动", Speaker("张宇", "字节跳动")),
        ("刘洋 华为", Speaker("刘洋", "华为")),
        ("王芳 某某科技", Speaker("王芳", "某某科技")),
        ("陈静 清华大学", Speaker("陈静", "清华大学")),
        ("李伟 PingCAP", Speaker("李伟", "PingCAP")),
        ("陈晨，字节跳动前端工程师", Speaker("陈晨", "字节跳动前端工程师")),
    ],
)
def test_a_chinese_name_then_an_organisation_is_a_speaker_and_affiliation(
    cell: str, speaker: Speaker
) -> None:
    assert parse_speakers(cell) == [speaker]


def test_two_chinese_names_after_a_comma_are_two_speakers() -> None:
    assert parse_speakers("李伟，王小明") == [Speaker("李伟"), Speaker("王小明")]


@pytest.mark.parametrize(
    ("text", "title", "speakers"),
    [
        (
            "Multi-tenancy Without Tears - Jane Doe, Acme Corp",
            "Multi-tenancy Without Tears",
            [Speaker("Jane Doe", "Acme Corp")],
        ),
        (
            "Scaling PolarDB - Zhang Minghui, Alibaba Cloud",
            "Scaling PolarDB",
            [Speaker("Zhang Minghui", "Alibaba Cloud")],
        ),
        (
            "Mesh Debugging — Jane Doe, Wei Li",
            "Mesh Debugging",
            [Speaker("Jane Doe"), Speaker("Wei Li")],
        ),
        ("Panel: Jane Doe & Wei Li", "Panel", [Speaker("Jane Doe"), Speaker("Wei Li")]),
        (
            "Supply chain security panel: Carlos García, Chainguard; Li Wei, PingCAP",
            "Supply chain security panel",
            [Speaker("Carlos García", "Chainguard"), Speaker("Li Wei", "PingCAP")],
        ),
        (
            "Python at Twilio: Kofi Mensah, Twilio",
            "Python at Twilio",
            [Speaker("Kofi Mensah", "Twilio")],
        ),
        (
            "Go で書く入門 — 田中 太郎 (@tanakataro)",
            "Go で書く入門",
            [Speaker("田中 太郎")],
        ),
        (
            "Serving models cheaply, with Lin Zhao and Dev Patel",
            "Serving models cheaply",
            [Speaker("Lin Zhao"), Speaker("Dev Patel")],
        ),
    ],
)
def test_a_title_cell_gives_each_speaker_once_with_their_affiliation(
    text: str, title: str, speakers: list[Speaker]
) -> None:
    assert split_title_and_speakers(text) == (title, speakers)


@pytest.mark.parametrize(
    "text",
    [
        "Fireside chat with Priya Raman",
        "Fireside chat with Jürgen Weiß",
        "Pairing with Jane Doe",
        "Workshop: Terraform Modules & Helm Charts",
        "Talk: Jane Doe, Wei Li",
        "Scaling Go: Lessons Learned",
    ],
)
def test_a_title_that_only_mentions_people_stays_as_written(text: str) -> None:
    assert split_title_and_speakers(text) == (text, [])


PAGE = """\
---
title: "Platform Night"
timezone: Europe/Berlin
---

**Date:** 2024-11-14

- 18:00 - 18:30: Multi-tenancy Without Tears - Jane Doe, Acme Corp
- 18:30 - 19:00: Fireside chat with Priya Raman

| Time | Talk | Speaker |
| --- | --- | --- |
| 19:00 | Running TiDB | Wei Li, PingCAP |
| 19:30 | Go で書く入門 | 田中 太郎 (@tanakataro) |
| 20:00 | PolarDB 的扩展之路 | 李伟明 阿里云 |
| 20:30 | Panel | Carlos García, Chainguard; Li Wei, PingCAP |
"""


def test_a_page_reads_each_speaker_with_their_affiliation() -> None:
    [schedule] = read_text(PAGE).schedules
    assert [(s.title, s.speakers) for s in schedule.sessions] == [
        ("Multi-tenancy Without Tears", (Speaker("Jane Doe", "Acme Corp"),)),
        ("Fireside chat with Priya Raman", ()),
        ("Running TiDB", (Speaker("Wei Li", "PingCAP"),)),
        ("Go で書く入門", (Speaker("田中 太郎"),)),
        ("PolarDB 的扩展之路", (Speaker("李伟明", "阿里云"),)),
        ("Panel", (Speaker("Carlos García", "Chainguard"), Speaker("Li Wei", "PingCAP"))),
    ]


@pytest.mark.parametrize(
    ("text", "title", "speakers"),
    [
        (
            "Kotlin i produktion – två år senare Talare: Ebba Lindqvist, Nordlys Consulting",
            "Kotlin i produktion – två år senare",
            [Speaker("Ebba Lindqvist", "Nordlys Consulting")],
        ),
        ("Intro to R. Instructor: Maya Goldberg", "Intro to R", [Speaker("Maya Goldberg")]),
        (
            "Cilium で始める eBPF 入門 登壇：山本 翔太（NTTデータ）",
            "Cilium で始める eBPF 入門",
            [Speaker("山本 翔太", "NTTデータ")],
        ),
    ],
)
def test_a_speaker_label_after_the_title_on_one_line(
    text: str, title: str, speakers: list[Speaker]
) -> None:
    assert split_title_and_speakers(text) == (title, speakers)


@pytest.mark.parametrize(
    ("text", "title", "names"),
    [
        (
            "Panel: Hiring frontend engineers (moderated by Ritu Sharma, Postman)",
            "Panel: Hiring frontend engineers",
            ["Ritu Sharma"],
        ),
        ("Capture the Flag — hosted by JOSA", "Capture the Flag", []),
        ("Retro del Q1 — facilita Arturo Méndez", "Retro del Q1", ["Arturo Méndez"]),
    ],
)
def test_who_leads_a_session_said_after_its_title_is_not_the_title(
    text: str, title: str, names: list[str]
) -> None:
    found, speakers = split_title_and_speakers(text)
    assert (found, [s.name for s in speakers]) == (title, names)


def test_a_speaker_label_in_more_languages_names_one_person_and_her_work() -> None:
    page = "# Meetup — Sài Gòn\n\n**Thời gian:** 8h00 – 12h00, Thứ Bảy, ngày 20/03/2027\n\n"
    page += "- **8h45 – 9h30:** Xây dựng Lakehouse\n"
    page += "  - Diễn giả: Nguyễn Văn An – Senior Data Engineer, Tiki\n"
    [session] = read_text(page).schedules[0].sessions
    assert session.speakers == (Speaker("Nguyễn Văn An", "Senior Data Engineer, Tiki"),)
