"""Several people named one after the other in a title are linked together, and what follows
a name is never taken for an affiliation when it is the next person."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.domain.agenda import Schedule, Session, SourceRef, Speaker
from bot.domain.speakers.linking import link_schedule
from bot.domain.speakers.profile import Profile

T = datetime(2024, 5, 1, 9, tzinfo=UTC)
JANE = Profile(
    id="jane-doe", name="Jane Doe", names=("Jane Doe",), source=SourceRef("speakers/jane.md")
)
WEI = Profile(
    id="li-wei", name="Li Wei", names=("Li Wei", "李伟"), source=SourceRef("speakers/li-wei.md")
)
PROFILES = {p.id: p for p in (JANE, WEI)}


def linked(title: str, *speakers: Speaker) -> Session:
    talk = Session("s1", title, T, T + timedelta(minutes=30), speakers=speakers)
    agenda = Schedule("meetup", "Meetup", UTC, (talk,), SourceRef("meetup.md"))
    [made] = link_schedule(agenda, PROFILES).sessions
    return made


@pytest.mark.parametrize(
    ("title", "expected_title", "speakers"),
    [
        (
            "Panel: Jane Doe & Wei Li",
            "Panel",
            (Speaker("Jane Doe", None, "jane-doe"), Speaker("Wei Li", None, "li-wei")),
        ),
        (
            "Mesh in practice Jane Doe (Acme) and Wei Li (PingCAP)",
            "Mesh in practice",
            (Speaker("Jane Doe", "Acme", "jane-doe"), Speaker("Wei Li", "PingCAP", "li-wei")),
        ),
        (
            "圆桌 Jane Doe、李伟",
            "圆桌",
            (Speaker("Jane Doe", None, "jane-doe"), Speaker("李伟", None, "li-wei")),
        ),
        (
            "Jane Doe & Wei Li: Multi-tenancy",
            "Multi-tenancy",
            (Speaker("Jane Doe", None, "jane-doe"), Speaker("Wei Li", None, "li-wei")),
        ),
    ],
)
def test_names_written_one_after_the_other_are_each_a_speaker(
    title: str, expected_title: str, speakers: tuple[Speaker, ...]
) -> None:
    made = linked(title)
    assert (made.title, made.speakers, made.id) == (expected_title, speakers, "s1")


@pytest.mark.parametrize(
    "title",
    [
        "Community panel Jane Doe & Guests",
        "Meetup night Jane Doe and Friends",
        "Fireside chat with Jane Doe",
        "Fireside chat with Priya Raman & Jane Doe",
    ],
)
def test_a_name_followed_by_another_word_of_a_list_is_not_given_it_as_affiliation(
    title: str,
) -> None:
    made = linked(title)
    assert (made.title, made.speakers) == (title, ())


def test_a_speaker_entry_is_not_given_the_next_person_as_affiliation() -> None:
    made = linked("Panel", Speaker("Jane Doe & Wei Li"))
    assert all(s.affiliation is None for s in made.speakers)
