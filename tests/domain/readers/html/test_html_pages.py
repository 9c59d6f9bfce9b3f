"""HTML pages: event sites' own pages against their expected timelines, what of a page is read
(content, chrome, hidden parts, lists, tables, definitions), where problems are reported, and how
a file is recognised as HTML."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.domain.readers.html.document import read_page
from bot.domain.readers.markdown.blocks import Inline, Line, Table
from bot.domain.readers.source import FORMATS, format_of, looks_like_html, read_bytes
from tests.domain.readers.markdown.test_corpus import _compare, load_expected
from tests.helpers import PAGES, ReadOptions, messages, read_text, timeline

HTML_PAGES = PAGES / "html"


def _page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html>\n<html>\n<head>{head}</head>\n<body>\n{body}\n</body>\n</html>\n"


def lines_of(html: str) -> list[tuple[int, int, int, str]]:
    """(line, heading, depth, text) of every line block."""
    return [
        (b.number, b.heading, b.depth, b.inline.text)
        for b in read_page(html).blocks
        if isinstance(b, Line)
    ]


# ---- event sites' own pages ---------------------------------------------------------------------


@pytest.mark.parametrize("page", sorted(HTML_PAGES.glob("*.html")), ids=lambda page: page.stem)
def test_an_event_page_reads_as_its_expected_timeline(page: Path) -> None:
    _compare(page, load_expected(page.with_name(page.stem + ".expected.yaml")))


def test_every_html_page_has_an_expected_file() -> None:
    pages = sorted(p.stem for p in HTML_PAGES.glob("*.html"))
    expected = sorted(p.name.removesuffix(".expected.yaml") for p in HTML_PAGES.glob("*.yaml"))
    assert pages == expected
    assert len(pages) >= 2


def test_a_conference_page_leaves_out_chrome_hidden_parts_forms_and_scripts() -> None:
    result = read_bytes(
        (HTML_PAGES / "conference-schedule.html").read_bytes(), "c.html", ReadOptions()
    )
    titles = [s.title for s in result.schedules[0].sessions]
    for left_out in ("Script", "layout", "Hidden rehearsal", "Newsletter", "Opening 2025"):
        assert not any(left_out in t for t in titles)
    assert "Office hours" not in str(result.schedules)
    assert result.schedules[0].title == "DataConf Zürich 2026"
    assert result.schedules[0].description == "Two tracks, one day: the DataConf programme."


def test_a_meetup_page_reads_its_definition_list_and_time_elements() -> None:
    page = read_page((HTML_PAGES / "meetup-time-elements.html").read_text(encoding="utf-8"))
    assert page.fields["title"] == "Rust Lisbon — June meetup"
    assert page.fields["lang"] == "en"
    texts = [b.inline.text for b in page.blocks if isinstance(b, Line)]
    assert texts[:3] == [
        "When: Thursday, 18 June 2026, 18:30–21:30",
        "Where: Lisbon, LX Factory",
        "Price: Free",
    ]
    assert "21:00 Secret afterparty" not in texts
    assert "Thursday, 16 July 2026, 18:30 Rust Lisbon — July" not in texts


# ---- what a page's blocks are -------------------------------------------------------------------


def test_headings_paragraph_lines_and_breaks_become_lines_with_their_file_lines() -> None:
    html = _page(
        "<h2>Saturday, 4 May 2024</h2>\n"
        "<p>09:00 Doors\n09:30 Opening<br>\n10:00 Talk<br>10:30 Break</p>\n"
        "<p>\n    A wrapped\n    sentence  with   spaces\n</p>"
    )
    assert lines_of(html) == [
        (5, 2, 0, "Saturday, 4 May 2024"),
        (6, 0, 0, "09:00 Doors"),
        (7, 0, 0, "09:30 Opening"),
        (8, 0, 0, "10:00 Talk"),
        (8, 0, 0, "10:30 Break"),
        (10, 0, 0, "A wrapped sentence with spaces"),
    ]


def test_list_items_carry_their_nesting_depth() -> None:
    html = _page(
        "<ul>\n<li>19:00 Talk\n<ul>\n<li>Speaker: Ana</li>\n</ul>\n</li>\n"
        "<li><p>20:00 Drinks</p></li>\n</ul>\n<ol><li>21:00 Close</li></ol>"
    )
    assert lines_of(html) == [
        (6, 0, 1, "19:00 Talk"),
        (8, 0, 2, "Speaker: Ana"),
        (11, 0, 1, "20:00 Drinks"),
        (13, 0, 1, "21:00 Close"),
    ]


def test_inline_markup_keeps_links_whole_bold_entities_and_time_text() -> None:
    html = _page(
        "<p><strong>March&nbsp;12</strong></p>\n"
        "<p><b>Time:</b> <time datetime='2026-03-12T19:00'>7&#8239;pm</time> &amp; on</p>\n"
        '<p><a href="https://example.org/t">The <em>talk</em></a> at <time datetime="19:30"></time></p>'
    )
    blocks = [b for b in read_page(html).blocks if isinstance(b, Line)]
    assert [(b.inline.text, b.inline.bold) for b in blocks] == [
        ("March\xa012", True),  # a no-break space is text, as in a browser
        ("Time: 7\u202fpm & on", False),
        ("The talk at 19:30", False),
    ]
    assert [(link.url, link.label) for link in blocks[2].inline.links] == [
        ("https://example.org/t", "The talk")
    ]


def test_tables_keep_header_rows_colspans_and_rowspans() -> None:
    html = _page(
        "<table>\n<thead><tr><th>Time</th><th>Room A</th><th>Room B</th></tr></thead>\n"
        "<tbody>\n"
        '<tr><td rowspan="2">10:00</td><td>Alpha</td><td>Beta</td></tr>\n'
        "<tr><td>Gamma<br>Ana</td><td>Delta</td></tr>\n"
        '<tr><td>11:00</td><td colspan="2">Lunch</td></tr>\n'
        "<tr><td>12:00</td><td>Short row</td></tr>\n"
        "</tbody>\n</table>"
    )
    (table,) = read_page(html).blocks
    assert isinstance(table, Table)
    assert table.number == 5
    assert [c.text for c in table.header] == ["Time", "Room A", "Room B"]
    assert [(line, [c.text for c in cells]) for line, cells in table.rows] == [
        (8, ["10:00", "Alpha", "Beta"]),
        (9, ["10:00", "Gamma\nAna", "Delta"]),
        (10, ["11:00", "Lunch", ""]),
        (11, ["12:00", "Short row", ""]),
    ]


def test_a_table_without_header_cells_has_an_empty_header() -> None:
    html = _page("<table><tr><td>10:00</td><td>Talk</td></tr></table>")
    (table,) = read_page(html).blocks
    assert isinstance(table, Table)
    assert table.header == [Inline(""), Inline("")]
    assert [[c.text for c in cells] for _, cells in table.rows] == [["10:00", "Talk"]]


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        ('<main><p>In main</p></main><div class="content"><p>Not</p></div>', "In main"),
        ('<div role="main"><p>Role main</p></div><p>Outside</p>', "Role main"),
        ("<article><p>The article</p></article><p>Outside</p>", "The article"),
        ('<main><div class="post-content"><p>Post</p></div><p>Meta</p></main>', "Post"),
        ('<div class="markdown-body"><p>Readme</p></div><p>Outside</p>', "Readme"),
        ('<div id="content"><p>By id</p></div><p>Outside</p>', "By id"),
    ],
)
def test_the_content_is_found_in_the_page(body: str, kept: str) -> None:
    assert [text for *_, text in lines_of(_page(body))] == [kept]


def test_chrome_and_hidden_elements_are_left_out() -> None:
    html = _page(
        "<header><p>Banner</p></header><nav><p>Menu</p></nav>"
        "<article><header><h2>Kept header</h2></header><p>Body</p>"
        "<footer><p>Kept footer</p></footer></article>"
        "<aside><p>Sidebar</p></aside><footer><p>Site footer</p></footer>"
        '<p hidden>a</p><p aria-hidden="true">b</p><p style="display:none">c</p>'
        '<p class="sr-only">d</p><div role="navigation"><p>e</p></div>'
        "<script>f</script><style>g</style><template><p>h</p></template>"
        "<noscript><p>i</p></noscript><form><p>j</p></form><pre>k</pre>"
    )
    html = html.replace("<body>\n", "<body>\n<div>").replace("\n</body>", "</div>\n</body>")
    page = read_page(html)
    assert [b.inline.text for b in page.blocks if isinstance(b, Line)] == [
        "Kept header",
        "Body",
        "Kept footer",
    ]


def test_the_title_comes_from_og_title_title_or_the_first_heading() -> None:
    og = read_page(
        _page("<h1>Other</h1>", '<meta property="og:title" content="A | B"><title>C</title>')
    )
    assert og.fields["title"] == "A | B"
    titled = read_page(_page("<h1>Meetup</h1><p>x</p>", "<title>Meetup | Site</title>"))
    assert titled.fields["title"] == "Meetup"
    assert [b.inline.text for b in titled.blocks if isinstance(b, Line)] == ["x"]
    untitled = read_page(_page("<h1>Only a heading</h1>"))
    assert "title" not in untitled.fields
    assert [b.heading for b in untitled.blocks if isinstance(b, Line)] == [1]
    assert read_text(_page("<h1>Only a heading</h1>"), "x.html").schedules == []


def test_the_language_and_publication_date_come_from_the_head() -> None:
    page = read_page(
        '<html lang="pt-BR"><head>'
        '<meta property="article:published_time" content="2024-08-01T10:00:00-03:00">'
        "</head><body><p>x</p></body></html>"
    )
    assert page.fields["lang"] == "pt-BR"
    assert page.fields["date"] == "2024-08-01T10:00:00-03:00"


def test_a_publication_date_dates_a_page_that_gives_no_year() -> None:
    html = _page(
        "<h1>Night</h1><p>Friday, 9 August, Recife</p><ul><li>19:00 - 20:00 Talk</li></ul>",
        '<meta property="article:published_time" content="2024-07-20"><title>Night</title>',
    )
    (schedule,) = read_text(html, "night.html").schedules
    assert timeline(schedule) == [("Talk", "2024-08-09T22:00Z", "2024-08-09T23:00Z")]


# ---- problems point into the HTML file ----------------------------------------------------------


def test_problems_are_reported_on_the_lines_of_the_html_file() -> None:
    html = _page(
        "<h1>Meetup</h1>\n<p>Saturday, 4 May 2024, Berlin</p>\n<ul>\n"
        "<li>19:00 Fine</li>\n<li>25:99 Broken</li>\n</ul>\n<table>\n"
        "<tr><th>Time</th><th>Talk</th></tr>\n<tr><td>20:00-19:00</td><td>Backwards</td></tr>\n"
        "</table>"
    )
    result = read_text(html, "meetup.html")
    errors = [m for m in messages(result) if ": error: " in m]
    assert errors == [
        "9: error: '25:99' is not a time (hour 25 does not exist (0-24); minute 99 does not "
        "exist (0-59)); line not imported",
        "13: error: end 19:00 is before start 20:00; session not imported",
    ]
    assert html.split("\n")[8] == "<li>25:99 Broken</li>"
    assert html.split("\n")[12] == "<tr><td>20:00-19:00</td><td>Backwards</td></tr>"


def test_a_document_with_nothing_in_it_is_one_error() -> None:
    result = read_bytes(b"<!-- only a comment -->", "x.html", ReadOptions())
    assert result.schedules == []
    assert len([m for m in messages(result) if ": error: " in m]) == 1


# ---- recognising HTML ---------------------------------------------------------------------------


def test_html_files_are_recognised_by_name_and_by_content() -> None:
    assert FORMATS[".html"] == FORMATS[".htm"] == "html"
    assert format_of("Agenda.HTM") == "html"
    assert looks_like_html(b"\xef\xbb\xbf\n  <!DOCTYPE html>\n<html>")
    assert looks_like_html(b"<!-- saved -->\n<html lang='en'><body></body></html>")
    assert not looks_like_html(b"# Agenda\n\n<html> in prose")
    assert not looks_like_html(b"<htmlx>")


@pytest.mark.parametrize("name", ["agenda.html", "agenda.htm", "agenda.md", "agenda", "agenda.txt"])
def test_an_html_page_is_read_as_html_whatever_its_name_says(name: str) -> None:
    html = (HTML_PAGES / "meetup-time-elements.html").read_bytes()
    result = read_bytes(html, name, ReadOptions())
    assert [s.title for s in result.schedules[0].sessions] == [
        "Doors open, pizza",
        "Async Rust without tears",
        "Embedded Rust on the ESP32",
        "Networking",
    ]


def test_markdown_with_html_in_it_stays_markdown() -> None:
    page = (PAGES / "html-table.md").read_bytes()
    assert not looks_like_html(page)
    assert read_bytes(page, "t.md", ReadOptions()).schedules


def test_check_and_show_read_html_pages() -> None:
    page = str(HTML_PAGES / "conference-schedule.html")
    runner = CliRunner()
    checked = runner.invoke(cli, ["check", page], catch_exceptions=False)
    assert checked.exit_code == 0
    assert "ok: 1 schedule, 7 sessions" in checked.stdout
    shown = runner.invoke(cli, ["show", page], catch_exceptions=False)
    assert shown.exit_code == 0
    assert "06:30-07:00 UTC  Registration & coffee" in shown.stdout
    assert "09:00-09:45 UTC  Lakehouse without the hype — Sara Keller" in shown.stdout


def test_the_html_readers_own_problems_exist_in_chinese() -> None:
    from bot.domain.diagnostics import Diagnostic, Severity
    from bot.texts.problems import problem_text

    rows = '<tr><td colspan="64">10:00</td></tr>' * 500
    result = read_text(_page(f"<p>Saturday, 4 May 2024</p><table>{rows}</table>"), "x.html")
    (too_big,) = [d for d in result.diagnostics if "cells" in d.message]
    assert too_big.line == 5
    assert problem_text(too_big, "zh-CN") == (
        "第 5 行：表格超过 30000 个单元格（合并单元格计算在内）；从这里起的行未读取"
    )
    empty = Diagnostic("x.html", 0, "not an HTML document (Document is empty)", Severity.ERROR)
    assert problem_text(empty, "zh-CN") == "不是 HTML 文档（Document is empty）"


# ---- what a page's markup says about its event ----------------------------------------------


def test_a_time_elements_datetime_gives_the_shown_date_its_year_and_its_offset_the_zone() -> None:
    html = _page(
        "<h1>Night</h1>\n"
        '<p>When: <time datetime="2026-12-10T18:30:00+09:00">Thursday 10 December, 18:30</time>'
        "</p>\n<ul><li>18:45 Doors</li><li>19:00 Talk</li></ul>"
    )
    page = read_page(html)
    texts = [b.inline.text for b in page.blocks if isinstance(b, Line)]
    assert "When: Thursday 10 December, 18:30" in texts  # the shown text stays the line's
    result = read_text(html, "night.html")
    assert not [m for m in messages(result) if "no year" in m]
    [schedule] = result.schedules
    assert schedule.timezone_name == "UTC+09:00"
    assert timeline(schedule)[0] == ("Doors", "2026-12-10T09:45Z", "2026-12-10T10:00Z")
    assert any("+09:00" in m for m in messages(result))


def test_a_head_date_stays_the_pages_date_over_a_time_element() -> None:
    html = _page(
        '<p><time datetime="2025-01-02">2 January</time></p>',
        head='<meta property="article:published_time" content="2026-03-01">',
    )
    assert read_page(html).fields["date"] == "2026-03-01"


def test_a_previous_events_date_is_not_an_event_of_the_page() -> None:
    html = _page(
        "<h1>Rust Night</h1>\n<p>When: Thursday 10 December 2026, 18:30 (Lisbon time)</p>\n"
        "<ul><li>18:45 Doors</li><li>19:00 Talk</li></ul>\n"
        '<p>Previous event: <time datetime="2026-11-12">12 November</time>.</p>'
    )
    result = read_text(html, "rust-night.html")
    assert [s.id for s in result.schedules] == ["rust-night"]
    assert [s.title for s in result.schedules[0].sessions] == ["Doors", "Talk"]


_GITHUB_FILE_VIEW = "<title>meetup.md at main · org/repo · GitHub</title>"


def test_a_github_file_view_takes_its_title_from_the_rendered_front_matter() -> None:
    html = _page(
        '<main><article class="markdown-body entry-content" itemprop="text">\n'
        '<table data-table-type="yaml-metadata"><thead><tr><th>title</th><th>publishdate</th>'
        "</tr></thead><tbody><tr><td><div>Istio Meetup China</div></td><td><div>2021-07-06</div>"
        "</td></tr></tbody></table>\n<h3>Agenda</h3>\n<p>July 10, 13:30 (CST) Sign in</p>\n"
        "</article></main>",
        head=_GITHUB_FILE_VIEW,
    )
    page = read_page(html)
    assert page.fields["title"] == "Istio Meetup China"
    assert page.fields["publishdate"] == "2021-07-06"
    assert not any(isinstance(b, Table) for b in page.blocks)  # the fields are no table


def test_a_github_file_view_takes_its_title_from_the_documents_first_heading() -> None:
    html = _page(
        '<main><article class="markdown-body">\n<h2>Gophers Lyon — March</h2>\n'
        "<h1>Gophers Lyon, 12 March 2026</h1>\n<p>19:00 Talk</p></article></main>",
        head=_GITHUB_FILE_VIEW,
    )
    assert read_page(html).fields["title"] == "Gophers Lyon, 12 March 2026"
    no_heading = _page('<main><article class="markdown-body"><p>19:00 Talk</p></article></main>')
    bare = read_page(no_heading.replace("<head></head>", f"<head>{_GITHUB_FILE_VIEW}</head>"))
    assert "title" not in bare.fields
    # A site's own title with a bar is cut there as before.
    site = read_page(_page("<h1>Rust Night</h1><p>x</p>", head="<title>Rust Night | Site</title>"))
    assert site.fields["title"] == "Rust Night"


def test_a_plain_text_timetable_in_pre_is_read_and_code_is_not() -> None:
    html = _page(
        "<h1>FOSS-Tage Wien — Freitag, 27. März 2026</h1>\n<p>Metalab, 1010 Wien</p>\n"
        '<pre><code class="language-text">18:00 - 18:30   Ankommen\n'
        "18:30 - 19:15   Keynote     Paul Huber\n</code></pre>\n"
        '<pre><code class="language-python">slots = ["10:00 not a talk", "11:00 nor this"]\n'
        "# 12:00 a comment\n</code></pre>\n"
    )
    [schedule] = read_text(html, "page.html").schedules
    assert timeline(schedule) == [
        ("Ankommen", "2026-03-27T17:00Z", "2026-03-27T17:30Z"),
        ("Keynote", "2026-03-27T17:30Z", "2026-03-27T18:15Z"),
    ]


def test_struck_sessions_whose_remaining_words_call_them_off_are_withdrawn() -> None:
    # the rendered page reads as its Markdown does: "<s>…</s> <em>cancelled, sorry!</em>" was a
    # session titled "cancelled, sorry!"
    result = read_text(
        _page(
            "<p><strong>Date:</strong> 21 November 2025 (Africa/Accra)</p>"
            "<table><tr><th>Time</th><th>Lab 1</th><th>Lab 2</th></tr>"
            "<tr><td>10:45–11:30</td><td>Intro to Git</td>"
            "<td><s>Rust for Pythonistas</s> <em>cancelled, sorry!</em></td></tr></table>"
            "<ul><li>11:30–12:00 <s>Fordítási sprint</s> — <strong>ELMARAD</strong>, beteg</li>"
            "<li>12:00–13:00 Lunch</li></ul>"
        ),
        name="page.html",
    )
    (schedule,) = result.schedules
    assert [title for title, _, _ in timeline(schedule)] == ["Intro to Git", "Lunch"]
