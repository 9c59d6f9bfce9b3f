"""A page's Markdown as blocks: lines, tables and links as the parser reads them, and pages that
nest deeper than any page does read on a small thread stack."""

from __future__ import annotations

import random
import subprocess
import sys
import textwrap

from markdown_it import MarkdownIt

from bot.domain.readers.markdown.blocks import Line, Table, parse_blocks


def test_a_bold_label_line_is_bold_text_and_a_plain_cell_is_plain() -> None:
    line, table = parse_blocks("**Time:**\n\n| A |\n|---|\n| 09:00 |\n", 1)
    assert isinstance(line, Line) and isinstance(table, Table)
    assert (line.inline.text, line.inline.bold) == ("Time:", True)
    assert [(n, [(c.text, c.bold) for c in cells]) for n, cells in table.rows] == [
        (5, [("09:00", False)])
    ]


def test_lines_keep_their_file_lines_after_text_in_other_scripts() -> None:
    # the parser counts bytes: three-byte characters before a line must not move it
    page = "活动时间：2024年7月1日\n\n- 签到\n  - 讲师：张三\n\n| 时间 | 议题 |\n|---|---|\n| 13:00 | 开场 |\n"
    got = parse_blocks(page, 10)
    assert [(b.number, b.inline.text, b.depth) for b in got if isinstance(b, Line)] == [
        (10, "活动时间：2024年7月1日", 0),
        (12, "签到", 1),
        (13, "讲师：张三", 2),
    ]
    table = got[-1]
    assert isinstance(table, Table) and table.number == 15 and table.rows[0][0] == 17


def _links(text: str) -> list[str]:
    return [link.url for block in parse_blocks(text, 1) for link in block.inline.links]  # type: ignore[union-attr]


def test_links_keep_the_addresses_commonmark_gives_them() -> None:
    stock = MarkdownIt("commonmark")
    rng = random.Random(11)
    hosts = ["example", "Example", "a-b", "x0", "bücher", "例え", "パス"]
    rest = list("aA0;/?:&=+$,-_.!~*'()#xyzH%@é")
    addresses = [
        "https://Example.COM/A",
        "http://a.b:80/x?y=1#z",
        "https://example.org/slides%20deck.pdf",
        "https://user@example.org/",
        "https://bücher.example/",  # a host in another script: its IDNA form
        "https://例え.jp/パス",
        "mailto:Foo@Bar.com",
        "//host/x",
        "http://[::1]:80/",  # an IPv6 host keeps its brackets
    ]
    for _ in range(2000):
        addresses.append(
            rng.choice(["http://", "https://", "ftp://", ""])
            + ".".join(rng.choice(hosts) for _ in range(rng.randint(1, 3)))
            + rng.choice(["/", "?", "#", ":8/", ":8080?"])
            + "".join(rng.choice(rest) for _ in range(rng.randint(0, 10)))
        )
    for address in addresses:
        assert _links(f"[Slides](<{address}>)") == [stock.normalizeLink(address)], address


def test_scripts_and_files_are_no_links_but_their_text_is_kept() -> None:
    line, other = parse_blocks(
        "[Slides](javascript:alert(1)) and [deck](file:///etc/passwd)\n\n<ana@example.org>", 1
    )
    assert isinstance(line, Line) and isinstance(other, Line)
    assert (line.inline.text, line.inline.links) == ("Slides and deck", [])
    assert [link.url for link in other.inline.links] == ["mailto:ana@example.org"]


def test_one_tilde_strikes_nothing_and_two_strike_the_old_room() -> None:
    (line,) = parse_blocks("~~Aula E2~~ Aula E3 · ~approx.~ 40 seats", 1)
    assert isinstance(line, Line)
    assert line.inline.text == "Aula E3 · ~approx.~ 40 seats"


def test_an_image_text_wrapped_over_two_lines_is_one_line() -> None:
    (line,) = parse_blocks("![KubeCon group\nphoto](https://example.org/group.jpg)", 4)
    assert isinstance(line, Line) and (line.number, line.inline.text) == (4, "KubeCon group\nphoto")


def test_nesting_deeper_than_any_page_reads_on_a_small_thread_stack() -> None:
    # A parser that nests natively, a stack frame a level (markdown-it's Rust port does), is
    # killed by 900 ">" on a 128 KiB thread stack: ours nests without recursion.
    script = textwrap.dedent(
        """
        import threading
        from bot.domain.readers.markdown.blocks import parse_blocks

        pages = [
            ">" * 1900 + " 10:00 Talk",
            "- " * 900 + "10:00 Talk",
            "1. " * 600 + "10:00 Talk",
            "".join("  " * i + "- 10:00 Talk\\n" for i in range(900)),
            "intro\\n" * 400 + "> " * 900 + "x",
        ]

        def read():
            for page in pages:
                got = parse_blocks(page, 1)
                print(len(got), repr(got[-1].inline.text[-10:]))

        threading.stack_size(128 * 1024)
        thread = threading.Thread(target=read)
        thread.start()
        thread.join()
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines() == [
        "1 '10:00 Talk'",
        "1 '10:00 Talk'",
        "1 '10:00 Talk'",
        "900 '10:00 Talk'",
        "401 ' › › › › x'",  # a line of more markup than text is read as text
    ]


def test_struck_words_leave_one_space_between_the_words_around_them() -> None:
    line, table = parse_blocks(
        "Opening ~~old~~ new\n\n| Room |\n|---|\n| Aula <del>E2</del> E3 |\n", 1
    )
    assert isinstance(line, Line) and isinstance(table, Table)
    assert line.inline.text == "Opening new"
    assert table.rows[0][1][0].text == "Aula E3"


def test_a_struck_cell_whose_note_says_cancelled_is_withdrawn_whole() -> None:
    (table,) = parse_blocks(
        "| Time | Lab 1 | Lab 2 |\n|---|---|---|\n"
        "| 10:45 | Intro to Git | ~~Rust for Pythonistas — Kofi Mensah~~ *cancelled, sorry!* |\n"
        "| 11:30 | ~~Old~~ **Cancelled**: maintainers' offsite, see you on the 25th | x |\n",
        1,
    )
    assert isinstance(table, Table)
    first, second = (cells for _, cells in table.rows)
    assert (first[2].text, first[2].struck) == ("cancelled, sorry!", True)
    assert second[1].text == "Cancelled: maintainers' offsite, see you on the 25th"


def test_emphasis_around_times_inside_html_is_not_read_as_text() -> None:
    # Markdown inside an HTML block is not rendered: its "*" stood in the titles
    blocks = parse_blocks(
        "<details>\n<summary>*13:00*〜*13:10*　オープニング</summary>\n\n司会: 田中\n</details>\n",
        1,
    )
    assert [b.inline.text for b in blocks if isinstance(b, Line)] == [
        "13:00〜13:10 オープニング",
        "司会: 田中",
    ]
