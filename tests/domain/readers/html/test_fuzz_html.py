"""HTML pages, mutated and at the size limit, answer with diagnostics: nothing escapes
`read_bytes` and no input takes long (the pattern of tests/domain/readers/test_fuzz_readers.py,
with HTML's own markup among the edits)."""

from __future__ import annotations

import gc
import random
import time

import pytest

from bot.domain.readers.context import ReadOptions
from bot.domain.readers.source import MAX_BYTES, MAX_HTML_BYTES, ReadResult, read_bytes
from bot.texts.problems import problem_text
from tests.domain.readers.html.renderings import render_page
from tests.domain.readers.test_fuzz_readers import (
    PER_INPUT_SECONDS,
    SEED,
    TOKENS,
    TOTAL_SECONDS,
    mutate,
)
from tests.helpers import PAGES, messages

HTML_TOKENS = [
    "<",
    ">",
    "</",
    "<p>",
    "</p>",
    "<br>",
    "<li>",
    "<ul>",
    "</ul>",
    "<table>",
    "</table>",
    "<tr>",
    "<td>",
    "<th>",
    '<td colspan="99999999">',
    '<td rowspan="0">',
    '<td rowspan="-1" colspan="x">',
    "<dl><dt>When</dt><dd>",
    "<h1>",
    "<h2>",
    "</h2>",
    "<strong>",
    "<a href='",
    "<time datetime='9999-12-31T23:59'></time>",
    "<main>",
    "<article>",
    "<nav>",
    "<template>",
    "<!--",
    "-->",
    "<![CDATA[",
    "<?xml version='1.0' encoding='latin-1'?>",
    "&",
    "&#0;",
    "&#x110000;",
    "&nbsp;",
    "&bogus;",
    "<div hidden>",
    "<script>",
    "<svg><title>",
    "\x0b",
]


def _seeds() -> list[tuple[str, str]]:
    seeds = [
        (p.name, p.read_text(encoding="utf-8")) for p in sorted((PAGES / "html").glob("*.html"))
    ]
    for index, page in enumerate(sorted(PAGES.glob("*.md"))):
        renderer, layout = [("markdown-it", "hugo"), ("python-markdown", "jekyll")][index % 2]
        html = render_page(page.read_text(encoding="utf-8"), renderer, layout)
        seeds.append((page.stem + ".html", html))
    return seeds


def _read(text: str, name: str) -> tuple[ReadResult | None, float, str | None]:
    began = time.perf_counter()
    try:
        result = read_bytes(text.encode("utf-8", "surrogatepass"), name, ReadOptions())
    except Exception as exc:
        return None, time.perf_counter() - began, f"{type(exc).__name__}: {exc}"
    return result, time.perf_counter() - began, None


def _read_without_collections(text: str, name: str) -> tuple[ReadResult | None, float, str | None]:
    """`_read` timed as `timeit` times: with the collector off, so that the time is the
    reader's own and not that of walking everything the test session holds (which grows a large
    read's time more than a small one's, and read as growth in size)."""
    gc.collect()
    gc.disable()
    try:
        return _read(text, name)
    finally:
        gc.enable()


def test_no_mutated_html_page_makes_the_reader_raise_or_stall(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import tests.domain.readers.test_fuzz_readers as fuzz

    monkeypatch.setattr(fuzz, "TOKENS", TOKENS + HTML_TOKENS)
    seeds = _seeds()
    for name, text in seeds[:3]:  # the parser and the gazetteer load once, before the clock
        _read(text, name)
    rng = random.Random(SEED)
    problems: list[str] = []
    read = 0
    deadline = time.monotonic() + TOTAL_SECONDS
    while time.monotonic() < deadline and len(problems) < 10:
        name, seed_text = rng.choice(seeds)
        text = mutate(rng, seed_text)
        if rng.random() < 0.3:  # the name says Markdown or nothing: the content says HTML
            name = rng.choice(["page.md", "page", "page.txt"])
        result, took, raised = _read(text, name)
        where = f"input {read} (FUZZ_SEED={SEED}) from {name}"
        if raised is not None:
            problems.append(f"{where} raised {raised}:\n{text}")
        elif took > PER_INPUT_SECONDS:
            problems.append(f"{where} took {took:.1f} s:\n{text}")
        elif result is not None and not (result.schedules or result.diagnostics):
            problems.append(f"{where} gave neither a schedule nor a diagnostic:\n{text}")
        read += 1
    print(f"fuzz: {read} HTML inputs in {TOTAL_SECONDS:.0f} s (FUZZ_SEED={SEED})")
    assert not problems, "\n\n".join(problems)
    assert read >= 20, f"only {read} inputs read in {TOTAL_SECONDS} s"


def _up_to_the_limit(head: str, unit: str, tail: str, limit: int = MAX_BYTES) -> str:
    count = (limit - len(head) - len(tail)) // len(unit.encode())
    return head + unit * count + tail


_HEAD = "<!DOCTYPE html><html><body><h1>Big day</h1><p>Saturday, 4 May 2024, Berlin</p>"
# Each shape as its head, the unit repeated up to the size limit, and its tail.
_SHAPES = {
    "table rows": (
        _HEAD + "<table><tr><th>Time</th><th>Talk</th></tr>",
        "<tr><td>10:00-10:30</td><td>Talk</td></tr>\n",
        "</table></body></html>",
    ),
    "colspans": (
        _HEAD + "<table>",
        '<tr><td colspan="1000">10:00</td></tr>',
        "</table></body></html>",
    ),
    "rowspans": (
        _HEAD + "<table>",
        '<tr><td rowspan="65534">10:00</td><td rowspan="65534">x</td></tr>',
        "</table></body></html>",
    ),
    "list items": (_HEAD + "<ul>", "<li>10:00 Talk\n", "</ul></body></html>"),
    "nesting": (_HEAD, "<div><b>", "<p>10:00 Talk</p></body></html>"),
    "nested lists": (_HEAD, "<ul><li>10:00 a", "</body></html>"),
    "line breaks": (_HEAD + "<p>", "10:00 Talk<br>", "</p></body></html>"),
    "definitions": (_HEAD + "<dl>", "<dt>When</dt><dd>10:00</dd>", "</dl>"),
    "hidden ancestors": (_HEAD, '<main hidden><div class="content">', ""),
    "headers": (_HEAD, "<header><footer>", "<p>10:00 Talk</p>"),
}
WORST_SHAPES = {name: _up_to_the_limit(*parts) for name, parts in _SHAPES.items()}
# What "in time" means for the pages above, on any machine: four times the input takes at most
# about four times as long (a step that rereads what it has read grows sixteenfold; the
# definition lists once did, 7x), and nothing stalls.
LINEAR = 5.5
STALL_SECONDS = 3 * PER_INPUT_SECONDS


@pytest.mark.parametrize("shape", sorted(WORST_SHAPES))
def test_an_html_page_at_the_size_limit_reads_in_time_linear_in_its_size(shape: str) -> None:
    text = WORST_SHAPES[shape]
    assert MAX_BYTES - 100 < len(text.encode()) <= MAX_BYTES
    quarter_text = _up_to_the_limit(*_SHAPES[shape], limit=MAX_BYTES // 4)
    _, quarter, _ = _read_without_collections(quarter_text, "big.html")
    result, took, raised = _read_without_collections(text, "big.html")
    assert raised is None
    assert took < STALL_SECONDS, f"{shape}: {took:.2f} s"
    if took >= LINEAR * quarter + 0.1:
        # once more: a pause of the machine's (a collection, another process) is no growth
        took = min(took, _read_without_collections(text, "big.html")[1])
    assert took < LINEAR * quarter + 0.1, f"{shape}: {took:.2f} s, a quarter of it {quarter:.2f} s"
    assert result is not None and (result.schedules or result.diagnostics)


def test_an_html_page_past_the_size_limit_is_refused() -> None:
    result = read_bytes(b"<!DOCTYPE html>" + b" " * MAX_BYTES, "big.html", ReadOptions())
    assert messages(result) == [
        "0: error: the page is 256 KB without its scripts, styles, inline images and comments; "
        "agendas are limited to 256 KB"
    ]


def test_scripts_styles_svg_templates_and_comments_do_not_count_towards_the_limit() -> None:
    """A small agenda in a 391 KB page (a site's inline script, style and SVG) reads, on the
    lines the file has."""
    agenda = (
        "<h1>Big day</h1>\n<p>Saturday, 4 May 2024, Berlin</p>\n<ul>\n"
        "<li>10:00 Opening</li>\n<li>11:00 Keynote</li>\n</ul>\n"
    )
    page = (
        "<!DOCTYPE html>\n<html><head>\n<style>\n" + ".a{color:red}\n" * 9000 + "</style>\n"
        "<script>\n" + 'var s = "10:00 not a talk";\n' * 6000 + "</script>\n"
        "<!--\n" + "09:00 a comment\n" * 2000 + "-->\n</head>\n<body>\n"
        '<svg viewBox="0 0 10 10">\n' + '<path d="M0 0L10 10"/>\n' * 4000 + "</svg>\n"
        "<template>\n"
        + "<p>12:00 Template</p>\n" * 1000
        + "</template>\n"
        + agenda
        + "</body></html>\n"
    ).encode()
    assert 380 * 1024 < len(page) <= MAX_HTML_BYTES
    result = read_bytes(page, "big.html", ReadOptions())
    assert [m for m in messages(result) if "error" in m] == []
    [schedule] = result.schedules
    assert [s.title for s in schedule.sessions] == ["Opening", "Keynote"]
    lines = page.decode().splitlines()
    assert [lines[s.line - 1] for s in schedule.sessions] == [
        "<li>10:00 Opening</li>",
        "<li>11:00 Keynote</li>",
    ]


def test_an_html_page_past_one_megabyte_is_refused() -> None:
    page = b"<!DOCTYPE html><script>" + b" " * MAX_HTML_BYTES + b"</script>"
    result = read_bytes(page, "big.html", ReadOptions())
    assert messages(result) == ["0: error: the file is 1024 KB; HTML pages are limited to 1024 KB"]


def _up_to_a_megabyte(text: str, unit: str) -> str:
    count = (MAX_HTML_BYTES - len(text.encode())) // len(unit.encode())
    return text + unit * count


# A page at the 256 KB limit in what is read, brought to 1 MB by what is not, and pages of what
# is not read alone: each reads in time too.
WORST_MEGABYTES = {
    "rows and a script": _up_to_a_megabyte(
        WORST_SHAPES["table rows"] + "<script>", "var x = '<tr><td>10:00</td></tr>';\n"
    ),
    "nesting and an svg": _up_to_a_megabyte(WORST_SHAPES["nesting"] + "<svg>", "<g><g>"),
    "comments": _up_to_a_megabyte(_HEAD, "<!---->"),
    "scripts": _up_to_a_megabyte(_HEAD, "<script>x</script>"),
    "unclosed openings": _up_to_a_megabyte(_HEAD + "<p>10:00 Talk</p>", "<script <style <!-"),
    "style openings in a comment": _up_to_a_megabyte(_HEAD + "<!--", "<style>"),
    "templates": _up_to_a_megabyte(_HEAD, "<template><p>10:00 x</p></template>"),
    "line breaks in a script": _up_to_a_megabyte(_HEAD + "<script>", "\n"),
}


@pytest.mark.parametrize("shape", sorted(WORST_MEGABYTES))
def test_an_html_page_of_a_megabyte_reads_in_time(shape: str) -> None:
    text = WORST_MEGABYTES[shape]
    assert MAX_HTML_BYTES - 100 < len(text.encode()) <= MAX_HTML_BYTES
    result, took, raised = _read(text, "big.html")
    assert raised is None
    assert took < STALL_SECONDS, f"{shape}: {took:.2f} s"
    assert result is not None and (result.schedules or result.diagnostics)
    assert not [m for m in messages(result) if "limited to" in m]  # read, not refused


def test_the_size_limits_of_a_page_read_in_chinese() -> None:
    over = read_bytes(b"<!DOCTYPE html>" + b" " * MAX_BYTES, "big.html", ReadOptions())
    huge = read_bytes(b"<!DOCTYPE html>" + b" " * MAX_HTML_BYTES, "big.html", ReadOptions())
    assert [problem_text(d, "zh-CN") for d in [*over.diagnostics, *huge.diagnostics]] == [
        "页面去掉脚本、样式、内嵌图片和注释后仍有 256 KB；日程不能超过 256 KB",
        "文件大小为 1024 KB；HTML 页面不能超过 1024 KB",
    ]
