"""The links between agendas and the Discord scheduled events published for them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect

from bot.storage.database import make_engine, session_factory
from bot.storage.migrate import current, downgrade, upgrade
from bot.storage.scheduled_events import DatabaseScheduledEvents
from tests.database import BACKENDS, database_url

GUILD = 1 << 60  # ids past 32 bits: Discord snowflakes
EVENT = (1 << 61) + 7
START = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize("backend", BACKENDS)
def test_0006_adds_the_scheduled_events_table_after_0005_and_goes_back(
    backend: str, tmp_path: Path
) -> None:
    with database_url(backend, tmp_path) as url:
        engine = make_engine(url)
        upgrade(engine, "0005")
        assert "scheduled_events" not in inspect(engine).get_table_names()
        upgrade(engine, "0006")
        assert current(engine) == "0006"
        uniques = inspect(engine).get_unique_constraints("scheduled_events")
        assert [sorted(u["column_names"]) for u in uniques] == [["guild_id", "item", "schedule_id"]]
        downgrade(engine, "0005")
        assert current(engine) == "0005"
        assert "scheduled_events" not in inspect(engine).get_table_names()
        engine.dispose()


def test_a_link_is_written_before_the_event_exists_then_completed(engine: Engine) -> None:
    store = DatabaseScheduledEvents(session_factory(engine))
    store.intend(GUILD, "meetup", "talk-1", "0123456789abcdef", START)
    store.intend(GUILD, "meetup", "talk-1", "ffffffffffffffff", START + timedelta(days=1))
    [link] = store.links(GUILD, "meetup")
    assert (link.item, link.marker, link.event_id, link.digest) == (
        "talk-1",
        "0123456789abcdef",
        None,
        None,
    )
    assert link.starts_at == START and link.starts_at.tzinfo is not None
    assert store.schedule_of(GUILD, EVENT) is None
    store.record(GUILD, "meetup", "talk-1", event_id=EVENT, digest="d1", starts_at=START)
    [link] = store.links(GUILD, "meetup")
    assert (link.event_id, link.digest) == (EVENT, "d1")
    assert store.schedule_of(GUILD, EVENT) == "meetup"
    assert store.schedule_of(GUILD + 1, EVENT) is None  # another server's event id
    store.intend(GUILD, "other", "event", "aaaaaaaaaaaaaaaa", START)
    assert store.published() == [(GUILD, "meetup"), (GUILD, "other")]
    store.forget(GUILD, "meetup", "talk-1")
    assert store.links(GUILD, "meetup") == []
    assert store.published() == [(GUILD, "other")]
    with pytest.raises(LookupError):
        store.record(GUILD, "meetup", "talk-1", event_id=EVENT, digest="d", starts_at=START)
