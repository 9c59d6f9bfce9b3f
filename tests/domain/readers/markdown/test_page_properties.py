"""Properties of the Markdown reader over generated pages: where a statement stands on the page
must not change what it says."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import read_text, timeline

_PARAGRAPHS = [
    "Times below are Sydney time.",
    "**Where:** Level 3, 48 Pirrama Rd, Pyrmont",
    "RSVP on Meetup so we order enough pizza.",
    "Thanks to our sponsors for the venue and the drinks.",
    "Please read our code of conduct before attending.",
]
_AGENDA = """**When:** Wednesday 20 November 2024, 6:00pm - 9:00pm

- 6:00pm - Doors open
- 6:30pm - State of the web platform
- 7:15pm - Lightning talks
"""


def _page(order: list[int]) -> str:
    intro = "\n\n".join(_PARAGRAPHS[i] for i in order)
    return f"# JS Night\n\n{intro}\n\n{_AGENDA}"


@settings(max_examples=40, deadline=None)
@given(st.permutations(range(len(_PARAGRAPHS))))
def test_reordering_the_intro_never_changes_the_instants(order: list[int]) -> None:
    reference = read_text(_page(list(range(len(_PARAGRAPHS)))))
    result = read_text(_page(order))
    assert [s.timezone_name for s in result.schedules] == ["Australia/Sydney"]
    assert timeline(result.schedules[0]) == timeline(reference.schedules[0])
    assert timeline(result.schedules[0])[0] == (
        "Doors open",
        "2024-11-20T07:00Z",
        "2024-11-20T07:30Z",
    )


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(_PARAGRAPHS[1:]), st.integers(min_value=0, max_value=3))
def test_a_footnote_zone_statement_counts_wherever_it_stands(noise: str, position: int) -> None:
    """The same statement as the page's last line, as a bullet or in the intro: one zone."""
    statement = "*All times are in CET.*"
    blocks = [noise, _AGENDA]
    blocks.insert(min(position, len(blocks)), statement)
    page = "# Barcamp\n\n" + "\n\n".join(blocks).replace("November", "March")
    result = read_text(page)
    assert [s.timezone_name for s in result.schedules] == ["Europe/Berlin"]
    assert timeline(result.schedules[0])[0][1] == "2024-03-20T17:00Z"
