"""Speaker pages mutated at random never make reading, merging or linking raise, and each stays
quick: a broken page is a diagnostic, never a reload that fails. Seeded, bounded in time."""

from __future__ import annotations

import random
import time

from bot.domain.readers.context import ReadOptions
from bot.domain.readers.source import read_path
from bot.domain.speakers.files import read_page_bytes
from bot.domain.speakers.linking import link_schedule
from bot.domain.speakers.people import profiles_from
from tests.helpers import PAGES, ROOT, SEED

TOTAL_SECONDS = 3.0
PER_INPUT_SECONDS = 1.0
PIECES = [
    "|", "\n", "---", "## Talks\n", "## 演讲\n", "- ", "* Email ", "[x](", ")", "（", "）", "：",
    "2023, ", "I'm ", "我是", "赵化冰", "Huabing Zhao", "name: ", "talks:\n  - ", "{", "}",
    "<div>", "<script>", "\x00", "😀", "| Year | Title |\n|---|---|\n",
]  # fmt: skip


def _mutated(text: str, rng: random.Random) -> str:
    chars = list(text)
    for _ in range(rng.randint(1, 12)):
        at = rng.randrange(len(chars) + 1)
        action = rng.random()
        if action < 0.4:
            chars[at:at] = list(rng.choice(PIECES))
        elif action < 0.7 and chars:
            del chars[at : at + rng.randint(1, 40)]
        else:
            start = rng.randrange(len(chars) + 1)
            chars[at:at] = chars[start : start + rng.randint(1, 80)]
    return "".join(chars)


def test_mutated_speaker_pages_never_raise() -> None:
    seeds = [
        (p.name, p.read_text(encoding="utf-8"))
        for p in [
            *sorted((PAGES / "speakers").iterdir()),
            ROOT / "schedules" / "speakers" / "huabing-zhao.zh.md",
        ]
    ]
    agenda = read_path(SEED, ReadOptions()).schedules[0]
    rng = random.Random(20261130)
    deadline = time.monotonic() + TOTAL_SECONDS
    count = 0
    while time.monotonic() < deadline:
        name, text = rng.choice(seeds)
        data = _mutated(text, rng).encode("utf-8", "surrogatepass")
        started = time.monotonic()
        reading = read_page_bytes(data, f"speakers/{name}")
        assert not any("could not be read" in d.message for d in reading.diagnostics), (
            count,
            data,
        )
        pages = [reading.page] if reading.page is not None else []
        link_schedule(agenda, profiles_from(pages).profiles)
        assert time.monotonic() - started < PER_INPUT_SECONDS, (count, data)
        count += 1
    assert count > 20
