"""What follows a dash, "by" or "par" in a session's title: a person, or more of the title."""

from __future__ import annotations

import pytest

from bot.domain.agenda import Speaker
from bot.domain.readers.markdown.speakers import (
    looks_like_person,
    parse_speakers,
    split_title_and_speakers,
)


@pytest.mark.parametrize(
    "text",
    [
        "Keynote — Building Communities",
        "Lunch - Catered Buffet",
        "Workshop: Rust - Hands On",
        "Panel — Open Source Funding",
        "Scaling Teams — Getting Started",
        "Deep Dive — Kubernetes Networking",
        "Talk — Lessons Learned",
        "Lab — Infrastructure Automation",
        "Session — Platform Engineering",
        "Meetup — Community Announcements",
    ],
)
def test_a_title_case_subtitle_after_a_dash_stays_in_the_title(text: str) -> None:
    assert split_title_and_speakers(text) == (text, [])


@pytest.mark.parametrize(
    ("text", "title", "name"),
    [
        ("Fuzzing in CI — Jane Roe", "Fuzzing in CI", "Jane Roe"),
        ("Profiling Python - Priya Natarajan", "Profiling Python", "Priya Natarajan"),
        ("Observability at scale — Clement Durand", "Observability at scale", "Clement Durand"),
        ("Building Communities — Ana de la Cruz", "Building Communities", "Ana de la Cruz"),
        ("Opening — Ewan Manning", "Opening", "Ewan Manning"),
        ("Rust async — Helena Davies", "Rust async", "Helena Davies"),
    ],
)
def test_a_name_after_a_dash_is_the_speaker(text: str, title: str, name: str) -> None:
    got_title, speakers = split_title_and_speakers(text)
    assert (got_title, [s.name for s in speakers]) == (title, [name])


@pytest.mark.parametrize(
    "text", ["Building Communities", "Catered Buffet", "Getting Started", "Open Source Funding"]
)
def test_title_words_are_not_a_person(text: str) -> None:
    assert looks_like_person(text) is None


@pytest.mark.parametrize(
    ("text", "title", "name"),
    [
        ("Introduction à DuckDB, par Julie Petit", "Introduction à DuckDB", "Julie Petit"),
        ("Scaling Go, by Jane Roe", "Scaling Go", "Jane Roe"),
        ("Scaling Go, by Jane Roe (Example Corp)", "Scaling Go", "Jane Roe"),
        ("Rust, Go — Jane Roe", "Rust, Go", "Jane Roe"),
    ],
)
def test_a_comma_before_by_is_not_left_on_the_title(text: str, title: str, name: str) -> None:
    got_title, speakers = split_title_and_speakers(text)
    assert (got_title, [s.name for s in speakers]) == (title, [name])


@pytest.mark.parametrize(
    "cell", ["TBA", "TBD", "tbd", "TBC", "T.B.A.", "To be announced", "N/A", "?", "待定"]
)
def test_a_speaker_not_known_yet_is_nobody(cell: str) -> None:
    assert parse_speakers(cell) == []


def test_a_speaker_not_known_yet_beside_a_known_one_is_left_out() -> None:
    assert [s.name for s in parse_speakers("Jane Roe & TBD")] == ["Jane Roe"]
    assert parse_speakers("Jane Roe, TBA") == [Speaker("Jane Roe")]
    assert parse_speakers("Tobias Kraft") == [Speaker("Tobias Kraft")]


@pytest.mark.parametrize(
    ("text", "title", "speaker"),
    [
        (
            "使用 eBPF 加速 Istio/Envoy 网络 钟禄垚 英特尔",
            "使用 eBPF 加速 Istio/Envoy 网络",
            Speaker("钟禄垚", "英特尔"),
        ),
        (
            "全栈服务网格 - Aeraki 助你在 Istio 中管理任意七层流量 赵化冰 腾讯云高级工程师",
            "全栈服务网格 - Aeraki 助你在 Istio 中管理任意七层流量",
            Speaker("赵化冰", "腾讯云高级工程师"),
        ),
        (
            "使用 karmada 管理多云集群 刘洋 华为云",
            "使用 karmada 管理多云集群",
            Speaker("刘洋", "华为云"),
        ),
        ("基于 eBPF 的可观测性实践 张伟", "基于 eBPF 的可观测性实践", Speaker("张伟")),
    ],
)
def test_a_chinese_name_after_title_words_of_two_or_three_characters_is_the_speaker(
    text: str, title: str, speaker: Speaker
) -> None:
    assert split_title_and_speakers(text) == (title, [speaker])


@pytest.mark.parametrize("text", ["云原生 实践 分享", "使用 Istio CNI 安全地部署工作负载"])
def test_chinese_title_words_alone_are_no_speaker(text: str) -> None:
    assert split_title_and_speakers(text) == (text, [])


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Lightning talks — TBA, got something? Ping us!", "Lightning talks"),
        ("LLM's evalueren — spreker TBA", "LLM's evalueren"),
        (
            "Firmare il software con Sigstore — relatore in via di conferma",
            "Firmare il software con Sigstore",
        ),
        ("GitOps avec Flux — intervenant·e à confirmer", "GitOps avec Flux"),
        ("Legacy-Code testen — N. N.", "Legacy-Code testen"),
        ("Abschluss & Verlosung — Orga-Team", "Abschluss & Verlosung"),
        ("Opening & housekeeping — The organizing team", "Opening & housekeeping"),
    ],
)
def test_a_speaker_not_known_yet_or_a_team_is_nobody(text: str, title: str) -> None:
    assert split_title_and_speakers(text) == (title, [])


def test_people_after_con_and_joined_by_e_y_en() -> None:
    title, people = split_title_and_speakers(
        "Tavola rotonda: la PA e il riuso del codice, con Marco Bianchi (Regione Piemonte), "
        "Elena Rosso (CSI Piemonte) e Davide Gallo (Developers Italia)"
    )
    assert title == "Tavola rotonda: la PA e il riuso del codice"
    assert [p.name for p in people] == ["Marco Bianchi", "Elena Rosso", "Davide Gallo"]
    assert split_title_and_speakers("Bienvenida, con Fernanda Ríos") == (
        "Bienvenida",
        [Speaker("Fernanda Ríos")],
    )
    assert split_title_and_speakers("Pizza con amigos") == ("Pizza con amigos", [])
    assert [p.name for p in parse_speakers("Ana Sousa, Rui Carvalho e Joana Pires")] == [
        "Ana Sousa",
        "Rui Carvalho",
        "Joana Pires",
    ]


def test_a_han_name_with_its_company_in_brackets_and_a_full_width_bar() -> None:
    assert looks_like_person("高橋 美咲（ハルカ株式会社）") == Speaker(
        "高橋 美咲", "ハルカ株式会社"
    )
    assert parse_speakers("王晓雯｜杭州云原生社区 发起人") == [
        Speaker("王晓雯", "杭州云原生社区 发起人")
    ]


def test_a_full_width_slash_and_an_honorific_after_a_han_name() -> None:
    assert parse_speakers("林冠宇 ／ Dcard 資深後端工程師") == [
        Speaker("林冠宇", "Dcard 資深後端工程師")
    ]
    assert parse_speakers("陳怡君 博士 ／ 中研院資訊科學研究所") == [
        Speaker("陳怡君", "中研院資訊科學研究所")
    ]
    assert parse_speakers("김민수 님 (토스 · Frontend Engineer)") == [
        Speaker("김민수", "토스 · Frontend Engineer")
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("модератор Әсел Төлегенова", "Әсел Төлегенова"),
        ("Moderator: Jane Roe", "Jane Roe"),
        ("Host: Amara Okafor", "Amara Okafor"),
    ],
)
def test_a_role_before_a_name_is_not_part_of_it(text: str, name: str) -> None:
    assert [s.name for s in parse_speakers(text)] == [name]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Monorepo 200 fejlesztővel – Horváth Dániel és Varga Bence",
            ["Horváth Dániel", "Varga Bence"],
        ),
        ("Cuvânt de deschidere – Andrei Pop și Ioana Mureșan", ["Andrei Pop", "Ioana Mureșan"]),
    ],
)
def test_two_people_joined_by_and_in_hungarian_or_romanian(text: str, names: list[str]) -> None:
    title, speakers = split_title_and_speakers(text)
    assert (title, [s.name for s in speakers]) == (text.split(" – ", maxsplit=1)[0], names)


@pytest.mark.parametrize(
    ("text", "title", "names"),
    [
        ("Khai mạc - anh Phạm Quốc Bảo", "Khai mạc", ["Phạm Quốc Bảo"]),
        (
            '"Server Components" - chị Trần Thu Hà, Senior Engineer',
            '"Server Components"',
            ["Trần Thu Hà"],
        ),
        ("เปิดงาน — คุณธนพล ศรีสุข", "เปิดงาน", ["ธนพล ศรีสุข"]),
        ('"มีอะไรใหม่ใน Go 1.24" โดย คุณณัฐวุฒิ วงศ์ใหญ่', '"มีอะไรใหม่ใน Go 1.24"', ["ณัฐวุฒิ วงศ์ใหญ่"]),
        ("พักเบรก — อาหารว่าง เครื่องดื่ม", "พักเบรก — อาหารว่าง เครื่องดื่ม", []),
    ],
)
def test_vietnamese_and_thai_speakers_after_their_honorific(
    text: str, title: str, names: list[str]
) -> None:
    found_title, speakers = split_title_and_speakers(text)
    assert (found_title, [s.name for s in speakers]) == (title, names)


@pytest.mark.parametrize(
    ("text", "title", "names"),
    [
        ("Velkomst v/ Mette Holm, Data & AI Forum", "Velkomst", ["Mette Holm"]),
        (
            "Talk: LLMs on a budget — running open models on one GPU (Émilie Arsenault)",
            "Talk: LLMs on a budget — running open models on one GPU",
            ["Émilie Arsenault"],
        ),
        ("Lightning talky — kdo se přihlásí na místě (max. 5 min)", "Lightning talky", []),
    ],
)
def test_what_follows_a_dash_or_v_slash(text: str, title: str, names: list[str]) -> None:
    found_title, speakers = split_title_and_speakers(text)
    assert (found_title, [s.name for s in speakers]) == (title, names)


def test_after_a_role_the_last_part_is_where_the_role_is_held() -> None:
    assert parse_speakers("Rasmus Kjær, Lead Data Engineer, Danske Spil") == [
        Speaker("Rasmus Kjær", "Lead Data Engineer, Danske Spil")
    ]
    assert [s.name for s in parse_speakers("Jane Doe, CEO, Wei Li, CTO")] == ["Jane Doe", "Wei Li"]


def test_a_hebrew_name_after_a_quoted_title_is_its_speaker() -> None:
    title, speakers = split_title_and_speakers('"Server Components בלי דמעות" – נועה לוי')
    assert (title, speakers) == ('"Server Components בלי דמעות"', [Speaker("נועה לוי")])
