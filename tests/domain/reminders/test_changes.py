"""Change detection between two versions of the agendas, and the notices' keys."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from bot.domain.agenda import Schedule, Session, SourceRef
from bot.domain.reminders.changes import Moved, Removed, agenda_changes, notice_key
from bot.domain.reminders.plan import Target, TargetKind

NOW = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def _session(session_id: str, hour: int, minute: int = 0) -> Session:
    return Session(session_id, session_id.title(), datetime(2026, 3, 1, hour, minute, tzinfo=UTC))


def _agendas(*sessions: Session, schedule_id: str = "conf") -> dict[str, Schedule]:
    return {schedule_id: Schedule(schedule_id, "Conf", UTC, sessions, SourceRef("conf.yaml"))}


def test_a_session_with_a_new_start_is_moved() -> None:
    before = _agendas(_session("opening", 11), _session("dive", 12))
    after = _agendas(_session("opening", 11), _session("dive", 12, 30))
    assert agenda_changes(before, after, NOW) == [
        Moved("conf", _session("dive", 12), _session("dive", 12, 30))
    ]


def test_a_future_session_gone_from_its_agenda_is_removed() -> None:
    before = _agendas(_session("opening", 11), _session("dive", 12))
    after = _agendas(_session("opening", 11))
    assert agenda_changes(before, after, NOW) == [Removed("conf", _session("dive", 12))]


def test_past_sessions_are_ignored() -> None:
    before = _agendas(_session("breakfast", 7), _session("warmup", 8), _session("dive", 12))
    after = _agendas(_session("breakfast", 7, 30))  # moved within the past; warmup gone, past
    assert agenda_changes(before, after, NOW) == [Removed("conf", _session("dive", 12))]
    # a move from the past into the future is worth a notice
    assert agenda_changes(before, _agendas(_session("breakfast", 10)), NOW)[0] == Moved(
        "conf", _session("breakfast", 7), _session("breakfast", 10)
    )


def test_unchanged_agendas_and_same_instants_give_nothing() -> None:
    before = _agendas(_session("opening", 11))
    assert agenda_changes(before, before, NOW) == []
    edited = _agendas(replace(_session("opening", 11), title="Opening words", location="Hall"))
    assert agenda_changes(before, edited, NOW) == []


def test_an_agenda_that_appears_or_disappears_gives_no_notices() -> None:
    agenda = _agendas(_session("opening", 11))
    assert agenda_changes({}, agenda, NOW) == []
    assert agenda_changes(agenda, {}, NOW) == []


def test_notice_keys_name_the_target_and_the_change() -> None:
    moved = Moved("conf", _session("dive", 12), _session("dive", 12, 30))
    assert notice_key(Target(TargetKind.CHANNEL, "77"), moved) == (
        "channel:77|conf|dive|notice|1772366400->1772368200"
    )
    removed = Removed("conf", _session("dive", 12))
    assert notice_key(Target.operator("webhook"), removed) == (
        "webhook|conf|dive|notice|1772366400->removed"
    )


def test_a_retitled_session_is_not_a_removal() -> None:
    # The id follows the title: a fixed typo is a new id at the same instant, not a removal.
    old = _agendas(_session("opening", 13), _session("keynote", 14))
    new = _agendas(_session("opening-words", 13), _session("keynote", 14))
    assert agenda_changes(old, new, NOW) == []
    elsewhere = _agendas(_session("opening-words", 15), _session("keynote", 14))
    assert agenda_changes(old, elsewhere, NOW) == [Removed("conf", _session("opening", 13))]
