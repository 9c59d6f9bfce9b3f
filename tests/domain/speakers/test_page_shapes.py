"""Speaker pages as other authors write them (tests/pages/speakers/): Jekyll and Hugo front
matter, TOML, no front matter at all, list-style talks, tables with Chinese headers in another
order, contact bullets in two languages, embedded HTML."""

from __future__ import annotations

from pathlib import Path

from bot.domain.agenda import Link
from bot.domain.diagnostics import Diagnostic, Severity
from bot.domain.speakers.files import read_page_bytes, read_page_file
from bot.domain.speakers.folder import read_speaker_files
from bot.domain.speakers.page import SpeakerPage
from bot.domain.speakers.profile import Talk, Work
from tests.helpers import PAGES

SPEAKERS = PAGES / "speakers"


def _page(name: str) -> SpeakerPage:
    reading = read_page_file(SPEAKERS / name, name)
    assert reading.diagnostics == []
    assert reading.page is not None
    return reading.page


def test_a_jekyll_page_with_list_talks_under_year_headings() -> None:
    page = _page("jane-doe.md")
    assert (page.name, page.language, page.translation_key) == ("Jane Doe", "en", "jane")
    assert page.affiliation == "Acme Cloud"
    assert page.photo == "/images/jane.jpg"
    assert page.bio is not None and page.bio.startswith("Jane is a staff engineer at Acme Cloud")
    assert page.links == (
        Link("https://github.com/janedoe", "GitHub"),
        Link("https://twitter.com/janedoe", "Twitter"),
        Link("https://janedoe.dev", "Website"),
        Link("mailto:jane@janedoe.dev", "Email"),
    )
    assert page.talks == (
        Talk(
            title="Gateway API in Practice",
            year=2023,
            city="Amsterdam",
            event="KubeCon EU",
            slides="https://janedoe.dev/slides/gateway-api.pdf",
            video="https://www.youtube.com/watch?v=jd2023a",
        ),
        Talk(
            title="Meshes Without Sidecars",
            year=2023,
            city="Virtual",
            event="IstioCon 2023",
            slides="https://janedoe.dev/slides/ambient.pdf",
        ),
        Talk(
            title="Debugging Envoy Filters",
            year=2022,
            event="Cloud Native Rejekts",
            event_url="https://cloud-native.rejekts.io/",
            url="https://janedoe.dev/posts/envoy-filters/",
            video="https://www.youtube.com/watch?v=jd2022b",
        ),
        Talk(title="Lightning talk: Five Minutes of WebAssembly", year=2022),
    )


def test_a_page_without_front_matter_named_by_its_heading_with_chinese_columns() -> None:
    page = _page("li-wei.md")
    assert (page.name, page.other_names, page.language) == ("Li Wei", ("李伟",), "en")
    assert page.source.line == 1
    assert page.affiliation is None  # "builds tooling at" names no employer
    assert (
        page.bio is not None and "<img" not in page.bio and "Li is based in Shenzhen." in page.bio
    )
    assert page.links == (
        Link("https://github.com/liwei-observe", "GitHub"),
        Link("https://liwei.example.org", "Website"),
    )
    assert page.talks == (
        Talk(
            title="可观测性的三大支柱",
            year=2023,
            event="KCD 深圳",
            event_url="https://kcd.example.org/shenzhen-2023",
            video="https://www.bilibili.com/video/BV1xx411c7mD",
        ),
        Talk(title="OpenTelemetry in Production", year=2024, event="Observability Day EU"),
        Talk(title="Tracing 101", year=2021, event="GopherChina"),
    )


def test_a_chinese_page_with_list_talks_and_contact_bullets() -> None:
    page = _page("wang-fang.markdown")
    assert (page.name, page.language, page.affiliation) == ("王芳", "zh", "腾讯云")
    assert page.source.line == 3
    assert page.links == (
        Link("mailto:wangfang@example.cn", "Email"),
        Link("wang_fang88", "WeChat"),
        Link("https://www.zhihu.com/people/wangfang", "Zhihu"),
    )
    assert page.talks == (
        Talk(
            title="基于 eBPF 的服务网格加速",
            year=2023,
            city="上海",
            event="KubeCon 中国",
            slides="https://wangfang.example.cn/slides/ebpf-mesh.pdf",
            video="https://www.bilibili.com/video/BV1ab411c7WF",
        ),
        Talk(title="多集群服务网格实践", year=2022, city="深圳", event="云原生社区 Meetup"),
        Talk(
            title="Envoy 入门",
            year=2021,
            event="ServiceMesher 沙龙",
            slides="https://wangfang.example.cn/slides/envoy-101.pdf",
        ),
    )


def test_a_hugo_page_with_toml_front_matter_and_badges() -> None:
    page = _page("carlos-garcia.md")
    assert (page.name, page.affiliation) == ("Carlos García", "Kong")
    assert page.links == (Link("mailto:carlos@garcia.example.com", "Email"),)
    assert page.talks == (
        Talk(
            title="Platform Engineering Without the Platform Team",
            year=2024,
            city="Online",
            event="PlatformCon",
            event_url="https://platformcon.com",
            slides="https://garcia.example.com/pc24.pdf",
            video="https://youtu.be/cg2024",
        ),
        Talk(title="APIs at the Edge", year=2023, city="Chicago", event="KubeCon NA"),
        Talk(
            title="Gateways 101",
            year=2022,
            city="Madrid",
            event="Madrid DevOps",
            slides="https://garcia.example.com/gw101.pdf",
        ),
    )
    assert page.bio is not None and "badge" not in page.bio


def test_a_title_that_is_no_name_gives_way_to_the_introduction() -> None:
    page = _page("carlos.es.md")
    assert (page.name, page.language, page.suffixed) == ("Carlos García", "es", True)


def test_every_shape_in_the_folder_makes_its_people() -> None:
    pages = read_speaker_files(SPEAKERS.iterdir())
    assert pages.diagnostics == []
    assert sorted(pages.profiles) == [
        "ana-souza",
        "carlos-garcia",
        "jane-doe",
        "jurgen-weiss",
        "kofi-mensah",
        "li-wei",
        "priya-raman",
        "taro-tanaka",
        "wang-bo",
        "wang-fang",
    ]
    jane = pages.profiles["jane-doe"]  # two pages sharing a translationKey
    assert [lang for lang, _ in jane.bios] == ["en", "de"]
    assert [t.title for t in jane.talks] == [
        "Gateway API in Practice",
        "Meshes Without Sidecars",
        "Debugging Envoy Filters",
        "Lightning talk: Five Minutes of WebAssembly",
        "Service Mesh für Einsteiger",
    ]
    assert jane.talks[0].title_in("de") == "Gateway API in der Praxis"
    carlos = pages.profiles["carlos-garcia"]  # two pages sharing an e-mail address
    assert carlos.languages == ("en", "es")
    assert len(carlos.talks) == 3
    li = pages.profiles["li-wei"]
    assert li.name_in("zh") == "李伟"


def test_a_page_that_names_no_one_is_an_error_with_its_line() -> None:
    reading = read_page_bytes(b"## About\n\nWelcome to my site.\n", "speakers/about.md")
    assert reading.page is None
    assert [(d.line, d.severity) for d in reading.diagnostics] == [(1, Severity.ERROR)]
    assert "names no one" in reading.diagnostics[0].message


def test_a_page_named_only_by_its_file_says_so() -> None:
    reading = read_page_bytes(b"## Talks\n\n- 2020, GopherCon: Go\n", "speakers/rob-pike.md")
    assert reading.page is not None and reading.page.name == "Rob Pike"
    assert reading.diagnostics == [
        Diagnostic(
            "speakers/rob-pike.md",
            0,
            "the page names no one; named after the file: Rob Pike",
            Severity.WARNING,
        )
    ]


def test_broken_front_matter_is_reported_and_the_body_still_read() -> None:
    text = "---\nname: [unclosed\n---\n\nI'm Ada Lovelace, an engineer at Analytical.\n"
    reading = read_page_bytes(text.encode(), "speakers/ada.md")
    assert reading.page is not None and reading.page.name == "Ada Lovelace"
    assert [(d.line, d.severity) for d in reading.diagnostics] == [(3, Severity.ERROR)]


def test_files_that_are_not_pages_are_errors() -> None:
    binary = read_page_bytes(b"\x00\x01\x02", "speakers/photo.md")
    assert binary.page is None and "binary" in binary.diagnostics[0].message
    other = read_page_bytes(b"BEGIN:VCALENDAR", "speakers/x.ics")
    assert other.page is None and "Markdown or YAML" in other.diagnostics[0].message
    latin1 = read_page_bytes("# Jos\xe9\n".encode("latin-1"), "speakers/jose.md")
    assert [(d.line, d.message) for d in latin1.diagnostics] == [
        (1, "the file is not valid UTF-8 text")
    ]


def test_a_table_row_without_a_title_is_reported_on_its_line(tmp_path: Path) -> None:
    text = (
        "# Grace Hopper\n\n## Talks\n\n| Year | Event | Title |\n|---|---|---|\n"
        "| 1982 | MIT | Nanoseconds |\n| 1983 | Letterman | |\n"
    )
    reading = read_page_bytes(text.encode(), "grace-hopper.md")
    assert reading.page is not None
    assert reading.page.talks == (Talk("Nanoseconds", 1982, event="MIT"),)
    assert [(d.line, d.message) for d in reading.diagnostics] == [
        (8, "this talk has no title; skipped")
    ]


def test_publications_and_projects_in_chinese_tables() -> None:
    text = (
        "# 张三\n\n## 出版物\n\n| 书名 | 出版社 | 链接 |\n|---|---|---|\n"
        "| 《云原生实践》 | 某出版社 | [购买](https://example.cn/buy) |\n\n"
        "## 开源项目\n\n| 项目 | 角色 | 官网 |\n|---|---|---|\n| demo | 维护者 | https://demo.example.cn |\n"
    )
    reading = read_page_bytes(text.encode(), "zhang-san.md")
    assert reading.page is not None
    assert reading.page.name == "张三"
    assert reading.page.publications == (
        Work("《云原生实践》", None, "某出版社", (Link("https://example.cn/buy", "购买"),)),
    )
    assert reading.page.projects == (
        Work("demo", "维护者", None, (Link("https://demo.example.cn", "Website"),)),
    )


def test_a_name_heading_of_level_two_before_any_section() -> None:
    text = "## Jane Roe\n\nJane is an engineer at Initech.\n\n# Elsewhere\n\nNot the bio.\n"
    reading = read_page_bytes(text.encode(), "speakers/page.md")
    assert reading.diagnostics == []
    assert reading.page is not None
    assert (reading.page.name, reading.page.source.line) == ("Jane Roe", 1)
    assert (reading.page.bio, reading.page.affiliation) == (
        "Jane is an engineer at Initech.",
        "Initech",
    )


def test_a_github_profile_readme() -> None:
    page = _page("priya-raman.md")
    assert (page.name, page.language, page.affiliation) == ("Priya Raman", "en", "Grafana Labs")
    assert page.bio == (
        "🔭 I’m currently working on observability pipelines at Grafana Labs\n\n"
        "🌱 I’m learning Rust and eBPF"
    )
    assert page.links == (
        Link("mailto:priya@example.com", "Email"),
        Link("https://twitter.com/priyacodes", "Twitter"),
        Link("https://www.linkedin.com/in/priyaraman", "LinkedIn"),
    )
    assert page.talks == (
        Talk(
            "Native Histograms in Practice",
            2023,
            "Berlin",
            "PromCon",
            video="https://vimeo.com/12345",
        ),
        Talk(
            "Grafana Dashboards as Code",
            2022,
            "Bengaluru",
            "Rootconf",
            slides="https://priya.dev/decks/dashboards.pdf",
            video="https://youtu.be/rc22",
        ),
    )


def test_a_japanese_page() -> None:
    page = _page("tanaka-taro.md")
    assert (page.name, page.other_names, page.language) == ("田中 太郎", ("Taro Tanaka",), "ja")
    assert page.affiliation == "株式会社メルカリ"
    assert page.links == (
        Link("https://github.com/tanakataro", "GitHub"),
        Link("https://tanaka.example.jp", "Website"),
    )
    assert page.talks == (
        Talk(
            "Kubernetes のアップグレードを自動化する",
            2024,
            event="CloudNative Days Tokyo 2024",
            slides="https://speakerdeck.com/tanakataro/k8s-upgrade",
            video="https://www.youtube.com/watch?v=cndt24",
        ),
        Talk(
            "pprof で始めるパフォーマンスチューニング",
            2022,
            event="Go Conference 2022",
            video="https://www.youtube.com/watch?v=gocon22",
        ),
    )


def test_a_german_twin_with_its_own_columns_and_labels() -> None:
    page = _page("juergen-weiss.de.md")
    assert (page.name, page.language) == ("Jürgen Weiß", "de")
    assert page.links == (
        Link("https://weiss.example.de", "Website"),
        Link("https://podcast.example.de/devops", "Podcast"),
    )
    assert page.talks[1] == Talk(
        "Kubernetes für Java-Entwickler",
        2022,
        "Brühl",
        "JavaLand",
        video="https://www.youtube.com/watch?v=jl22",
    )
    person = read_speaker_files(SPEAKERS.iterdir()).profiles["jurgen-weiss"]
    assert [s.file.rsplit("/", 1)[-1] for s in person.sources] == [
        "juergen-weiss.md",
        "juergen-weiss.de.md",
    ]
    [both, german] = person.talks
    assert (both.title, both.title_in("de")) == (
        "From Jenkins to GitLab in 90 Days",
        "Von Jenkins zu GitLab in 90 Tagen",
    )
    assert (both.city, both.city_in("de")) == ("Munich", "München")
    assert german.title == "Kubernetes für Java-Entwickler"


def test_a_greeting_heading_and_talks_as_dashed_items() -> None:
    page = _page("kofi-mensah.md")
    assert (page.name, page.affiliation) == ("Kofi Mensah", "Twilio")  # completed from the file
    assert [(t.year, t.event, t.city, t.title) for t in page.talks] == [
        (2023, "DevConf.CZ", "Brno", "Writing Operators That Don't Page You at 3am"),
        (2021, "Cloud Native Berlin", None, "Lightning talk: Helm Hooks Considered Harmful"),
        (2020, "PyCon DE", "Berlin", "Typing Pandas"),
        (2019, "EuroPython", "Basel", "Async All the Things"),
        (None, "FOSDEM", "Brussels", "Supply Chain Security: Lessons Learned"),
    ]


def test_organisers_sharing_an_organisations_links_are_each_their_own_person() -> None:
    pages = read_speaker_files(SPEAKERS.iterdir())
    assert pages.diagnostics == []
    for file in ("kofi-mensah.md", "wang-bo.md", "juergen-weiss.md"):
        person = pages.profile_of(str(SPEAKERS / file))
        assert person is not None and len(person.names) == 1


def test_a_jekyll_talks_page_is_named_by_its_heading() -> None:
    text = (
        "---\nlayout: page\ntitle: Talks\npermalink: /talks/\n---\n\n# Li Wei (李伟)\n\n"
        "Software engineer at PingCAP.\n\n## Talks\n\n| Where | Event | Date | Topic |\n"
        "|---|---|---|---|\n| Beijing | PingCAP DevCon | 2022-11 | Percolator in Practice |\n"
    )
    reading = read_page_bytes(text.encode(), "speakers/talks.md")
    assert reading.diagnostics == []
    assert reading.page is not None
    assert (reading.page.name, reading.page.other_names) == ("Li Wei", ("李伟",))
    assert reading.page.talks == (
        Talk("Percolator in Practice", 2022, "Beijing", "PingCAP DevCon"),
    )


def test_an_about_heading_names_the_author_and_opens_the_bio() -> None:
    text = "# About Jane Roe\n\nJane is an engineer at Initech.\n\n## Talks\n\n- 2020, X: Y\n"
    reading = read_page_bytes(text.encode(), "speakers/page.md")
    assert reading.page is not None
    assert (reading.page.name, reading.page.bio) == ("Jane Roe", "Jane is an engineer at Initech.")


def test_paths_on_the_site_become_addresses_on_the_site_the_page_tells() -> None:
    body = (
        "## Talks\n\n"
        "- 2023 — KubeCon EU, Amsterdam — Gateways [slides](/slides/kc23.pdf)\n"
        "- 2022 — FOSDEM, Brussels — Meshes [slides](https://jane.example/slides/f22.pdf)\n"
    )
    by_folder = read_page_bytes(f"# Jane Roe\n\n{body}".encode(), "speakers/jane.md")
    assert by_folder.page is not None and by_folder.diagnostics == []
    assert by_folder.page.talks[0].slides == "https://jane.example/slides/kc23.pdf"
    front = "---\nname: Jane Roe\nbaseURL: https://roe.example/\n---\n\n"
    by_front = read_page_bytes((front + body).encode(), "speakers/jane.md")
    assert by_front.page is not None
    assert by_front.page.talks[0].slides == "https://roe.example/slides/kc23.pdf"
    website = (
        "# Jane Roe\n\n- Website: https://roe.example\n\n## Talks\n\n- 2020, X: Y [pdf](/y.pdf)\n"
    )
    by_website = read_page_bytes(website.encode(), "speakers/jane.md")
    assert by_website.page is not None
    assert by_website.page.talks[0].slides == "https://roe.example/y.pdf"


def test_a_path_whose_site_the_page_does_not_tell_is_kept_with_a_warning() -> None:
    text = (
        "# Jane Roe\n\n- CV: [PDF](/cv.pdf)\n\n## Talks\n\n| Year | Title | Slides |\n"
        "|---|---|---|\n| 2022 | Percolator | [pdf](/assets/devcon22.pdf) |\n"
    )
    reading = read_page_bytes(text.encode(), "speakers/jane.md")
    assert reading.page is not None
    assert reading.page.links == (Link("/cv.pdf", "CV"),)
    assert reading.page.talks == (Talk("Percolator", 2022, slides="/assets/devcon22.pdf"),)
    assert [(d.line, d.severity, d.message.split(" ", 1)[0]) for d in reading.diagnostics] == [
        (3, Severity.WARNING, "/cv.pdf"),
        (9, Severity.WARNING, "/assets/devcon22.pdf"),
    ]


def test_a_lone_first_name_is_completed_only_from_a_file_named_for_a_person() -> None:
    text = "# Hi, I'm Kofi 👋\n\nDeveloper advocate at Twilio.\n"
    names = {}
    for file in ("speakers/kofi-mensah.md", "speakers/kofi-talks.md", "speakers/ama-owusu.md"):
        page = read_page_bytes(text.encode(), file).page
        names[file] = page.name if page is not None else None
    assert names == {
        "speakers/kofi-mensah.md": "Kofi Mensah",
        "speakers/kofi-talks.md": "Kofi",
        "speakers/ama-owusu.md": "Kofi",
    }


def test_labelled_addresses_are_links_except_in_lists_of_works() -> None:
    text = (
        "# Jane Roe\n\n- Podcast: https://pod.example/jane\n- Meetup: https://meetup.example/b\n\n"
        "## Projects\n\n- Aeraki Mesh: https://aeraki.net\n- GitHub: https://github.com/janeroe\n"
    )
    reading = read_page_bytes(text.encode(), "speakers/jane.md")
    assert reading.page is not None
    assert reading.page.links == (
        Link("https://pod.example/jane", "Podcast"),
        Link("https://meetup.example/b", "Meetup"),
        Link("https://github.com/janeroe", "GitHub"),
    )
