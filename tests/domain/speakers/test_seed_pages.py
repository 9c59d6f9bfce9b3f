"""The real speaker page (a Hugo "About" page) and its Chinese twin read completely, and merge
into one person."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.agenda import Link, SourceRef
from bot.domain.speakers.files import read_page_file
from bot.domain.speakers.folder import read_speaker_pages
from bot.domain.speakers.page import SpeakerPage
from bot.domain.speakers.profile import Talk, Work
from tests.helpers import PAGES, ROOT

SPEAKERS = ROOT / "schedules" / "speakers"
EN = SPEAKERS / "huabing-zhao.md"
ZH = SPEAKERS / "huabing-zhao.zh.md"
LINKS = (
    Link("mailto:zhaohuabing@gmail.com", "Email"),
    Link("zhao_huabing", "WeChat"),
    Link("https://www.linkedin.com/in/zhaohuabing", "LinkedIn"),
)


def _page(path: Path) -> SpeakerPage:
    reading = read_page_file(path, f"schedules/speakers/{path.name}")
    assert reading.diagnostics == []
    assert reading.page is not None
    return reading.page


def test_the_served_page_is_the_seed_page_verbatim() -> None:
    assert EN.read_bytes() == (PAGES / "speaker-about-page.md").read_bytes()


def test_the_seed_page_reads_completely() -> None:
    page = _page(EN)
    assert page.source == SourceRef("schedules/speakers/huabing-zhao.md", 7)
    assert (page.name, page.language, page.suffixed) == ("Huabing Zhao", "en", False)
    assert page.affiliation == "Tetrate"
    assert page.links == LINKS
    assert (len(page.talks), len(page.publications), len(page.projects)) == (16, 4, 6)
    assert page.bio is not None
    assert page.bio.startswith("Hello! I’m Huabing Zhao, an engineer at Tetrate, with extensive")
    assert page.bio.endswith("Dubbo, Thrift, Redis, and other proprietary protocols.")
    assert "Feel free" not in page.bio  # the line introducing the links is not prose


def test_the_seed_page_shows_no_html() -> None:
    page = _page(EN)
    texts = [page.bio or "", *(t.title for t in page.talks), *(w.title for w in page.projects)]
    for text in texts:
        assert "<" not in text
        assert "credly" not in text
        assert "data-share-badge" not in text


def test_the_seed_talks_keep_every_cell_and_link() -> None:
    talks = _page(EN).talks
    years = [2024, 2023, 2023, 2022, 2022, 2022, 2022, 2021, 2020, 2019, 2019, 2018]
    assert [t.year for t in talks] == [*years, 2017, 2017, 2017, 2017]
    assert talks[1] == Talk(
        title="Introduce MetaProtocol Proxy: A Layer-7 Proxy Framework Powered by Envoy",
        year=2023,
        city="Chicago",
        event="KubeCon NA",
        event_url="https://colocatedeventsna2023.sched.com/event/1Rj2s/introduce-metaprotocol-"
        "proxy-a-layer-7-proxy-framework-powered-by-envoy-huabing-zhao-tetrate",
        url="https://www.zhaohuabing.com/post/2023-11-16-kubecon-na-metaprotocol/",
        slides="https://zhaohuabing.com/slides/MetaProtoclProxy.pdf",
        video="https://www.bilibili.com/video/BV1JC4y1m71j",
    )
    # Rows with fewer cells than the header: the missing ones are empty. A path on the site
    # ("/slides/…") is on the site the page's other slides are on.
    assert talks[10] == Talk(
        title="Service Mesh Practice with 5G Management System",
        year=2019,
        city="Xi'an",
        event="ONAP Workshop",
        slides="https://zhaohuabing.com/slides/"
        "service-mesh-practice-with-5g-management-system-lfn.pdf",
    )
    assert not [t.slides for t in talks if t.slides and t.slides.startswith("/")]
    assert talks[11] == Talk(
        title="Service Mesh in Action with ONAP",
        year=2018,
        city="Nanjing",
        event="GNTC",
        event_url="https://www.bagevent.com/event/1624048?aId=",
        url="https://www.sdnlab.com/22596.html",
    )
    assert talks[13].title == "Microservice Powered Orchestration"
    assert talks[13].url is None  # a title cell without a link
    assert talks[5].video is None  # an empty video cell


def test_the_seed_publications_and_projects() -> None:
    page = _page(EN)
    assert page.publications[0] == Work(
        "Istio Service Mesh Advanced Practical",
        "Book",
        "Publishing House of Electronics Industry",
        (
            Link(
                "https://www.zhaohuabing.com/post/2021-08-26-istio-handbook/",
                "Istio Service Mesh Advanced Practical",
            ),
            Link("https://item.jd.com/13200745.html", "Buy now"),
        ),
    )
    assert page.publications[3].by is None  # an empty publisher cell
    assert [(w.title, w.kind) for w in page.projects] == [
        ("Aeraki Mesh", "Creator"),
        ("Envoy Gateway", "Maintainer"),
        ("Envoy", "Contributor"),
        ("Istio", "Contributor"),
        ("ONAP", "PTL"),
        ("hugo-theme-cleanwhite", "Creator"),
    ]
    assert page.projects[0].links == (
        Link("https://aeraki.net", "Website"),
        Link("http://github.com/aeraki-mesh", "GitHub"),
    )
    assert page.projects[4].links == (Link("https://www.onap.org", "Website"),)


def test_the_chinese_twin_reads_completely() -> None:
    page = _page(ZH)
    assert (page.name, page.language, page.suffixed) == ("赵化冰", "zh", True)
    assert page.affiliation == "Tetrate"
    assert page.links == LINKS
    assert (len(page.talks), len(page.publications), len(page.projects)) == (16, 4, 6)
    assert page.bio is not None and page.bio.startswith("大家好！我是赵化冰，Tetrate 工程师")
    assert (page.talks[0].city, page.talks[0].event) == ("香港", "KubeCon 中国")
    assert page.talks[2].title == "Envoy Gateway：云原生时代的 API 网关"
    assert [w.kind for w in page.projects][:3] == ["创建者", "维护者", "贡献者"]


def test_the_two_pages_are_one_person() -> None:
    pages = read_speaker_pages(ROOT / "schedules")
    assert pages.diagnostics == []
    assert list(pages.profiles) == ["huabing-zhao"]
    person = pages.profiles["huabing-zhao"]
    assert person.name == "Huabing Zhao"
    assert person.names == ("Huabing Zhao", "赵化冰")
    assert person.names_by_language == (("en", "Huabing Zhao"), ("zh", "赵化冰"))
    assert person.language == "en"
    assert person.languages == ("en", "zh")
    assert person.name_in("zh-CN") == "赵化冰"
    assert person.affiliation == "Tetrate"
    assert person.affiliations == ()  # the same in both languages
    assert [lang for lang, _ in person.bios] == ["en", "zh"]
    assert (person.bio_in("zh") or "").startswith("大家好！我是赵化冰")
    assert (person.bio_in("en") or "").startswith("Hello! I’m Huabing Zhao")
    assert person.links == LINKS
    assert [s.file for s in person.sources] == [str(EN), str(ZH)]
    assert (len(person.publications), len(person.projects)) == (4, 6)
    # Every talk of the twin matches one of the seed's (the same slides or video, the same
    # title): none is listed twice, and the Chinese titles are kept.
    assert len(person.talks) == 16
    assert (
        person.talks[0].title_in("zh")
        == "Gateway API 及其扩展：Envoy Gateway 的 Gateway API 扩展介绍"
    )
    assert person.talks[0].title_in("en") == person.talks[0].title
    assert person.talks[0].city == "Hong Kong"
    assert person.talks[11].titles == ()  # the same title on both pages
    assert sum(1 for t in person.talks if t.titles) == 12


@pytest.mark.parametrize("name", ["huabing-zhao.md", "huabing-zhao.zh.md"])
def test_each_page_alone_is_still_the_person(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "schedules" / "speakers"
    folder.mkdir(parents=True)
    (folder / name).write_bytes((SPEAKERS / name).read_bytes())
    person = read_speaker_pages(tmp_path / "schedules").profiles["huabing-zhao"]
    assert len(person.talks) == 16
    assert person.affiliation == "Tetrate"
