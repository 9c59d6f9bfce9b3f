"""HTML pages, mutated and at the size limit, answer with diagnostics: nothing escapes
`read_bytes` and no input takes long (the pattern of tests/domain/readers/test_fuzz_readers.py,
with HTML's own markup among the edits)."""

from __future__ import annotations

import random
import time

import pytest

from bot.domain.readers.context import ReadOptions
from bot.domain.readers.source import MAX_BYTES, ReadResult, read_bytes
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


def _up_to_the_limit(head: str, unit: str, tail: str) -> str:
    count = (MAX_BYTES - len(head) - len(tail)) // len(unit.encode())
    return head + unit * count + tail


_HEAD = "<!DOCTYPE html><html><body><h1>Big day</h1><p>Saturday, 4 May 2024, Berlin</p>"
WORST_SHAPES = {
    "table rows": _up_to_the_limit(
        _HEAD + "<table><tr><th>Time</th><th>Talk</th></tr>",
        "<tr><td>10:00-10:30</td><td>Talk</td></tr>\n",
        "</table></body></html>",
    ),
    "colspans": _up_to_the_limit(
        _HEAD + "<table>", '<tr><td colspan="1000">10:00</td></tr>', "</table></body></html>"
    ),
    "rowspans": _up_to_the_limit(
        _HEAD + "<table>",
        '<tr><td rowspan="65534">10:00</td><td rowspan="65534">x</td></tr>',
        "</table></body></html>",
    ),
    "list items": _up_to_the_limit(_HEAD + "<ul>", "<li>10:00 Talk\n", "</ul></body></html>"),
    "nesting": _up_to_the_limit(_HEAD, "<div><b>", "<p>10:00 Talk</p></body></html>"),
    "nested lists": _up_to_the_limit(_HEAD, "<ul><li>10:00 a", "</body></html>"),
    "line breaks": _up_to_the_limit(_HEAD + "<p>", "10:00 Talk<br>", "</p></body></html>"),
    "definitions": _up_to_the_limit(_HEAD + "<dl>", "<dt>When</dt><dd>10:00</dd>", "</dl>"),
    "hidden ancestors": _up_to_the_limit(_HEAD, '<main hidden><div class="content">', ""),
    "headers": _up_to_the_limit(_HEAD, "<header><footer>", "<p>10:00 Talk</p>"),
}


@pytest.mark.parametrize("shape", sorted(WORST_SHAPES))
def test_an_html_page_at_the_size_limit_reads_in_time(shape: str) -> None:
    text = WORST_SHAPES[shape]
    assert MAX_BYTES - 100 < len(text.encode()) <= MAX_BYTES
    result, took, raised = _read(text, "big.html")
    assert raised is None
    assert took < PER_INPUT_SECONDS, f"{shape}: {took:.2f} s"
    assert result is not None and (result.schedules or result.diagnostics)


def test_an_html_page_past_the_size_limit_is_refused() -> None:
    result = read_bytes(b"<!DOCTYPE html>" + b" " * MAX_BYTES, "big.html", ReadOptions())
    assert messages(result) == ["0: error: the file is 256 KB; agendas are limited to 256 KB"]
