"""Which agendas a server, a DM or the public web sees, and the one session .ics path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from icalendar import Calendar

from bot.agendas.library import AgendaLibrary
from bot.app.agendas import PUBLIC, Agendas, session_key
from bot.app.calendars import schedule_file, session_file
from bot.app.imports import AgendaImports
from bot.domain.ics.revisions import revision_key
from tests.helpers import PAGES, SEED, seed_library_with_imports

GUILD_A, GUILD_B = 111_000_000_000_000_001, 222_000_000_000_000_002
NIGHT = (PAGES / "toml-front-matter.md").read_bytes()  # "Cloud Native Night", id "night"


@pytest.fixture
def library(tmp_path: Path) -> Iterator[AgendaLibrary]:
    with seed_library_with_imports(tmp_path) as found:
        yield found


async def _import_night(library: AgendaLibrary) -> None:
    assert library.imports is not None
    outcome = await AgendaImports(library.imports, library).import_agenda(
        GUILD_A, "night.md", NIGHT
    )
    assert outcome.imported


async def test_an_agenda_imported_in_one_server_is_seen_there_only(
    library: AgendaLibrary,
) -> None:
    await _import_night(library)
    agendas = Agendas(library)
    assert [s.id for s in agendas.visible(GUILD_A)] == ["istio-meetup-china-2021", "night"]
    assert [s.id for s in agendas.visible(GUILD_B)] == ["istio-meetup-china-2021"]
    assert [s.id for s in agendas.visible(PUBLIC)] == ["istio-meetup-china-2021"]
    assert list(agendas.public()) == ["istio-meetup-china-2021"]
    assert agendas.schedule(GUILD_B, "night") is None
    assert agendas.schedule(PUBLIC, "night") is None
    assert agendas.session(GUILD_B, "night", "doors-open") is None
    assert agendas.session(PUBLIC, "night", "doors-open") is None
    key = session_key("night", "doors-open")
    assert agendas.by_key(GUILD_B, key) is None
    found = agendas.session(GUILD_A, "night", "doors-open")
    assert found is not None and found[1].title == "Doors open"
    assert agendas.by_key(GUILD_A, key) == found


async def test_an_import_may_not_take_an_id_another_agenda_has(library: AgendaLibrary) -> None:
    await _import_night(library)
    assert library.imports is not None
    imports = AgendaImports(library.imports, library)
    other = NIGHT.replace(b"Doors open", b"Doors wide open")
    # A page named like the operators' agenda: refused, not kept.
    seed = SEED.read_bytes()
    refused = await imports.import_agenda(GUILD_B, SEED.name, seed)
    assert (refused.imported, refused.taken) == (False, "istio-meetup-china-2021")
    assert [a.guild_id for a in library.imports.imported()] == [GUILD_A]
    # Another server's "night" neither blocks this server nor tells it that it exists: this
    # server's agenda goes live under an id of its own, and the first keeps "night".
    taken = await imports.import_agenda(GUILD_B, "night.md", other)
    assert taken.imported
    seen_b = [s.id for s in Agendas(library).visible(GUILD_B)]
    assert "night" not in seen_b and any(i.startswith("night-") for i in seen_b)
    assert "night" in [s.id for s in Agendas(library).visible(GUILD_A)]
    # The server that has it may import it again: the new version replaces the old one.
    again = await imports.import_agenda(GUILD_A, "night.md", other)
    assert (again.imported, again.taken) == (True, None)
    found = Agendas(library).session(GUILD_A, "night", "doors-wide-open")
    assert found is not None


def test_a_session_is_found_by_id_and_by_key_and_not_in_another_agenda(
    library: AgendaLibrary,
) -> None:
    agendas = Agendas(library)
    found = agendas.session(PUBLIC, "istio-meetup-china-2021", "sign-in")
    assert found is not None
    assert agendas.by_key(PUBLIC, session_key("istio-meetup-china-2021", "sign-in")) == found
    assert agendas.session(PUBLIC, "istio-meetup-china-2021", "nope") is None
    assert agendas.session(PUBLIC, "nope", "sign-in") is None
    assert agendas.by_key(PUBLIC, "0" * 20) is None


async def test_a_session_file_carries_the_revision_of_a_changed_session(
    library: AgendaLibrary,
) -> None:
    page = library.folder / SEED.name
    page.write_text(
        page.read_text(encoding="utf-8").replace(
            "| 13:30 - 13:50 | Sign in |", "| 13:30 - 13:55 | Sign in |"
        )
    )
    snapshot = await library.reload()
    schedule = snapshot.schedules["istio-meetup-china-2021"]
    session = next(s for s in schedule.sessions if s.id == "sign-in")
    made = session_file(snapshot, schedule, session)
    assert made.filename == "istio-meetup-china-2021-sign-in.ics"
    revision = snapshot.revisions[revision_key(schedule.id, session.id)]
    assert made.changed_at == revision.changed_at
    [event] = Calendar.from_ical(made.data).walk("VEVENT")
    assert (str(event["SUMMARY"]), int(event["SEQUENCE"])) == ("Sign in", 1)
    whole = Calendar.from_ical(schedule_file(snapshot, schedule).data).walk("VEVENT")
    assert [int(e["SEQUENCE"]) for e in whole if str(e["UID"]) == str(event["UID"])] == [1]
