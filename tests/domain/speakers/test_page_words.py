"""The words of a page that say who its author is, where they work and how to reach them, and
talks written as list items."""

from __future__ import annotations

import pytest

from bot.domain.agenda import Link
from bot.domain.speakers.contact_links import line_link
from bot.domain.speakers.introductions import introduced_name, stated_affiliation
from bot.domain.speakers.profile import Talk
from bot.domain.speakers.talk_lines import talk_from_line


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
    ],
)
def test_talks_written_as_list_items(text: str, links: list[Link], expected: Talk | None) -> None:
    assert talk_from_line(text, links) == expected
