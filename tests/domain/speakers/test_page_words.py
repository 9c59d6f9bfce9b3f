"""The words of a page that say who its author is, where they work and how to reach them, and
talks written as list items."""

from __future__ import annotations

import pytest

from bot.domain.agenda import Link
from bot.domain.speakers.contact_links import line_link
from bot.domain.speakers.introductions import introduced_name, stated_affiliation
from bot.domain.speakers.profile import Talk
from bot.domain.speakers.sections import TALK_COLUMNS, columns_of, is_section_title
from bot.domain.speakers.talk_lines import talk_from_line
from bot.domain.speakers.titles import title_name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hello! I’m Huabing Zhao, an engineer at Tetrate.", ("Huabing Zhao", None)),
        ("Hi, I am Ludwig van Beethoven and I compose.", ("Ludwig van Beethoven", None)),
        ("My name is Ada Lovelace.", ("Ada Lovelace", None)),
        ("大家好！我是赵化冰，Tetrate 工程师。", ("赵化冰", None)),
        ("我是赵化冰（Huabing Zhao），Tetrate 工程师。", ("赵化冰", "Huabing Zhao")),
        ("我叫欧阳娜娜。", ("欧阳娜娜", None)),
        ("I'm Huabing Zhao (赵化冰).", ("Huabing Zhao", "赵化冰")),
        ("I am a software engineer at Acme.", None),
        ("I'm Principal Engineer at Acme.", None),
        ("我是一名工程师。", None),
        ("I'm Jane.", None),  # one word: too little to be sure
        ("Welcome to my blog.", None),
    ],
)
def test_the_author_introducing_themselves(
    text: str, expected: tuple[str, str | None] | None
) -> None:
    assert introduced_name(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I’m Huabing Zhao, an engineer at Tetrate, with extensive experience", "Tetrate"),
        ("Jane is a staff engineer at Acme Cloud working on meshes.", "Acme Cloud"),
        ("I work for Deutsche Bank AG in Frankfurt.", "Deutsche Bank AG"),
        ("A developer advocate at Kong.", "Kong"),
        ("Senior architect at Bank of America.", "Bank of America"),
        ("我是赵化冰，Tetrate 工程师，曾在腾讯云工作。", "Tetrate"),
        ("目前任职于 Tetrate，专注于 Envoy。", "Tetrate"),
        ("我叫王芳，任职于腾讯云，负责容器网络。", "腾讯云"),
        ("我在华为云担任技术专家。", "华为云"),
        ("腾讯云高级工程师，Aeraki 作者。", "腾讯云"),
        ("I have spoken at KubeCon and IstioCon.", None),
        ("我是一名工程师。", None),
        ("🔭 I’m currently working on observability pipelines at Grafana Labs", "Grafana Labs"),
        ("I'm currently at Grafana Labs, mostly on Loki.", "Grafana Labs"),
        ("目前任职于字节跳动基础架构团队，负责服务网格。", "字节跳动"),
        ("我在腾讯云容器技术团队工作。", "腾讯云"),
        ("株式会社メルカリで SRE をしています。", "株式会社メルカリ"),
        ("私はサイボウズでエンジニアをしています。", "サイボウズ"),
        ("저는 카카오에서 백엔드 개발자로 일하고 있습니다.", "카카오"),
    ],
)
def test_the_employer_a_bio_names(text: str, expected: str | None) -> None:
    assert stated_affiliation(text) == expected


@pytest.mark.parametrize(
    ("text", "links", "expected"),
    [
        ("Email zhaohuabing@gmail.com", [], Link("mailto:zhaohuabing@gmail.com", "Email")),
        ("E-mail: jane@x.org", [], Link("mailto:jane@x.org", "Email")),
        ("邮箱：wang@x.cn", [], Link("mailto:wang@x.cn", "Email")),
        ("WeChat zhao_huabing", [], Link("zhao_huabing", "WeChat")),
        ("微信：zhao_huabing", [], Link("zhao_huabing", "WeChat")),
        (
            "LinkedIn https://www.linkedin.com/in/zhaohuabing",
            [],
            Link("https://www.linkedin.com/in/zhaohuabing", "LinkedIn"),
        ),
        ("GitHub: zhaohuabing", [], Link("https://github.com/zhaohuabing", "GitHub")),
        (
            "GitHub: me",
            [Link("https://github.com/me", "me")],
            Link("https://github.com/me", "GitHub"),
        ),
        (
            "LinkedIn",
            [Link("https://linkedin.com/in/x", "LinkedIn")],
            Link("https://linkedin.com/in/x", "LinkedIn"),
        ),
        ("Twitter @janedoe", [], Link("https://twitter.com/janedoe", "Twitter")),
        ("Home page: example.org", [], Link("https://example.org", "Website")),
        ("Blog https://blog.example.org", [], Link("https://blog.example.org", "Website")),
        ("jane@x.org", [], Link("mailto:jane@x.org", "Email")),
        ("Email me for talks", [], None),
        ("WeChat: ask me", [], None),
        ("Envoy Gateway maintainer", [], None),
        (
            "Meetup: https://www.meetup.com/cnb/",
            [],
            Link("https://www.meetup.com/cnb/", "Meetup"),
        ),
        ("Podcast: https://pod.example/x", [], Link("https://pod.example/x", "Podcast")),
        (
            "Podcast",
            [Link("https://pod.example/x", "Podcast")],
            Link("https://pod.example/x", "Podcast"),
        ),
        ("Webseite: https://weiss.example.de", [], Link("https://weiss.example.de", "Website")),
        ("ブログ: https://tanaka.example.jp", [], Link("https://tanaka.example.jp", "Website")),
        ("블로그: https://kim.example.kr", [], Link("https://kim.example.kr", "Website")),
        ("📫 How to reach me: priya@example.com", [], Link("mailto:priya@example.com", "Email")),
        ("CV", [Link("/cv.pdf", "CV")], Link("/cv.pdf", "CV")),
        ("⚡ Fun fact: I've given talks in 9 countries", [], None),
        ("Talks", [Link("#talks", "Talks")], None),
    ],
)
def test_contact_bullets(text: str, links: list[Link], expected: Link | None) -> None:
    assert line_link(text, links) == expected


SLIDES = Link("https://s.example/1.pdf", "slides")
VIDEO = Link("https://www.youtube.com/watch?v=1", "video")


@pytest.mark.parametrize(
    ("text", "links", "expected"),
    [
        (
            "2023, KubeCon EU (Amsterdam): Gateway API — slides video",
            [SLIDES, VIDEO],
            Talk(
                "Gateway API", 2023, "Amsterdam", "KubeCon EU", slides=SLIDES.url, video=VIDEO.url
            ),
        ),
        (
            '"Envoy at scale", KubeCon NA 2022, Detroit (slides)',
            [SLIDES],
            Talk("Envoy at scale", 2022, "Detroit", "KubeCon NA 2022", slides=SLIDES.url),
        ),
        (
            "Envoy at scale — KubeCon EU 2023 (slides, video)",
            [SLIDES, VIDEO],
            Talk(
                "Envoy at scale", 2023, None, "KubeCon EU 2023", slides=SLIDES.url, video=VIDEO.url
            ),
        ),
        (
            "Debugging Envoy at Cloud Native Rejekts — Folien",
            [Link("https://x.example/deck.pdf", "Folien")],
            Talk(
                "Debugging Envoy",
                None,
                None,
                "Cloud Native Rejekts",
                slides="https://x.example/deck.pdf",
            ),
        ),
        (
            "2023 年，KubeCon 中国（上海）：服务网格 讲稿",
            [Link("/s.pdf", "讲稿")],
            Talk("服务网格", 2023, "上海", "KubeCon 中国", slides="/s.pdf"),
        ),
        (
            "《多集群实践》，云原生社区 Meetup 2022，深圳",
            [],
            Talk("多集群实践", 2022, "深圳", "云原生社区 Meetup 2022"),
        ),
        (
            "Lessons learned: meshes at KubeCon NA 2022",
            [],
            Talk("Lessons learned: meshes", 2022, None, "KubeCon NA 2022"),
        ),
        (
            "Envoy 101 at Meetup",
            [Link("https://t.example/envoy", "Envoy 101"), Link("https://m.example", "Meetup")],
            Talk("Envoy 101", None, None, "Meetup", "https://m.example", "https://t.example/envoy"),
        ),
        ("slides", [SLIDES], None),
        (
            "2023 — DevConf.CZ, Brno — Writing Operators That Don't Page You at 3am slides",
            [SLIDES],
            Talk(
                "Writing Operators That Don't Page You at 3am",
                2023,
                "Brno",
                "DevConf.CZ",
                slides=SLIDES.url,
            ),
        ),
        (
            "2022 — FOSDEM, Brussels — kube-tenant: a Tour",
            [],
            Talk("kube-tenant: a Tour", 2022, "Brussels", "FOSDEM"),
        ),
        (
            "2021: Cloud Native Berlin — Helm Hooks Considered Harmful",
            [],
            Talk("Helm Hooks Considered Harmful", 2021, None, "Cloud Native Berlin"),
        ),
        (
            "2021 — Cloud Native Berlin (online) — Lightning talk: Helm Hooks Considered Harmful",
            [],
            Talk(
                "Lightning talk: Helm Hooks Considered Harmful",
                2021,
                "online",
                "Cloud Native Berlin",
            ),
        ),
        (
            "2020 · PyCon DE, Berlin · Typing Pandas",  # "**2020** · *PyCon DE*, Berlin · …"
            [],
            Talk("Typing Pandas", 2020, "Berlin", "PyCon DE"),
        ),
        (
            'Jul 2019 – EuroPython (Basel) – "Async All the Things" – video',
            [VIDEO],
            Talk("Async All the Things", 2019, "Basel", "EuroPython", video=VIDEO.url),
        ),
        (
            "2018 | Gophercon UK | London | Errors Are Values",
            [],
            Talk("Errors Are Values", 2018, "London", "Gophercon UK"),
        ),
        (
            "FOSDEM, Brussels: Supply Chain Security: Lessons #10",
            [],
            Talk("Supply Chain Security: Lessons #10", None, "Brussels", "FOSDEM"),
        ),
        (
            "Lambda World, Cádiz: Rust in Production",
            [],
            Talk("Rust in Production", None, "Cádiz", "Lambda World"),
        ),
        (
            "JSDay, Verona: Platform Engineering",
            [],
            Talk("Platform Engineering", None, "Verona", "JSDay"),
        ),
        (
            "DevOpsDays, Barcelona: GitOps: Lessons #46",
            [],
            Talk("GitOps: Lessons #46", None, "Barcelona", "DevOpsDays"),
        ),
        (
            "Building a Conference App — PyCon 2023",
            [],
            Talk("Building a Conference App", 2023, None, "PyCon 2023"),
        ),
        (
            "Kubernetes—The Hard Way at KubeCon",
            [],
            Talk("Kubernetes—The Hard Way", None, None, "KubeCon"),
        ),
        (
            "2023 — Gateway API in Practice — KubeCon EU",
            [],
            Talk("Gateway API in Practice", 2023, None, "KubeCon EU"),
        ),
        (
            "Zero Trust Networks — Lambda World 2023",
            [],
            Talk("Zero Trust Networks", 2023, None, "Lambda World 2023"),
        ),
    ],
)
def test_talks_written_as_list_items(text: str, links: list[Link], expected: Talk | None) -> None:
    assert talk_from_line(text, links) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hi, I'm Priya Raman 👋", ("Priya Raman", ())),
        ("Hello! I am Kofi Mensah, developer advocate", ("Kofi Mensah", ())),
        ("Hey there, I'm Sam O'Brien", ("Sam O'Brien", ())),
        ("I'm Jane Doe 👋", ("Jane Doe", ())),
        ("Hi, I'm Kofi 👋", ("Kofi", ())),
        ("About Jane Doe", ("Jane Doe", ())),
        ("Li Wei (李伟)", ("Li Wei", ("李伟",))),
        ("田中 太郎（Taro Tanaka）", ("田中 太郎", ("Taro Tanaka",))),
        ("你好，我是张宇", ("张宇", ())),
        ("こんにちは、田中太郎です", ("田中太郎", ())),
        ("안녕하세요, 김민준입니다", ("김민준", ())),
        ("About me", None),
        ("Hi there 👋", None),
        ("Welcome to my page", None),
        ("Hi, I'm a developer", None),
        ("Talks", None),
        ("🎤 My Talks & Publications", None),
        ("演讲", None),
        ("登壇", None),
        ("关于我", None),
        ("Über mich", None),
    ],
)
def test_the_name_a_title_or_heading_gives(
    text: str, expected: tuple[str, tuple[str, ...]] | None
) -> None:
    assert title_name(text) == expected


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("Talks", True),
        ("Speaking", True),
        ("Presentations", True),
        ("Publications", True),
        ("About me", True),
        ("Bio", True),
        ("演讲", True),
        ("关于我", True),
        ("登壇", True),
        ("自己紹介", True),
        ("Vorträge", True),
        ("Sobre mí", True),
        ("About Carlos García", False),
        ("Li Wei", False),
        ("张三的演讲", False),
    ],
)
def test_titles_that_name_a_section(text: str, section: bool) -> None:
    assert is_section_title(text) is section


@pytest.mark.parametrize(
    "header",
    [
        ["Jahr", "Konferenz", "Ort", "Titel", "Folien", "Aufzeichnung"],
        ["Année", "Conférence", "Lieu", "Titre", "Diapositives", "Vidéo"],
        ["Año", "Conferencia", "Ciudad", "Título", "Diapositivas", "Vídeo"],
        ["Ano", "Evento", "Lugar", "Título", "Slides", "Vídeo"],
        ["Date", "Event", "Where", "Talk", "Deck", "Recording"],
        ["When", "Veranstaltung", "Ort", "Session", "Folien", "Video"],
        ["日付", "イベント", "場所", "タイトル", "資料", "動画"],
        ["날짜", "행사", "장소", "제목", "슬라이드", "영상"],
    ],
)
def test_talk_columns_in_the_languages_pages_are_written_in(header: list[str]) -> None:
    assert columns_of(header, TALK_COLUMNS) == {
        "year": 0,
        "event": 1,
        "city": 2,
        "title": 3,
        "slides": 4,
        "video": 5,
    }
