"""The ledger's promise: one claim at a time per reminder, across processes and crashes."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine

from bot.domain.agenda import Session
from bot.domain.reminders.plan import (
    PlannedReminder,
    ReminderKind,
    Target,
    TargetKind,
    reminder_key,
)
from bot.storage.database import session_factory
from bot.storage.deliveries import DeliveryLedger, State, skip_abandoned

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def _reminder(n: int = 1) -> PlannedReminder:
    start = T0 + timedelta(hours=1)
    session = Session(f"s{n}", f"Talk {n}", start)
    target = Target(TargetKind.CHANNEL, "42")
    lead = timedelta(minutes=15)
    key = reminder_key(target, "conf", session, ReminderKind.SESSION, lead)
    return PlannedReminder(
        key, start - lead, ReminderKind.SESSION, lead, target, "conf", session.id, start
    )


def _ledgers(engine: Engine, *owners: str) -> list[DeliveryLedger]:
    sessions = session_factory(engine)
    return [DeliveryLedger(sessions, owner, lease=timedelta(seconds=60)) for owner in owners]


def test_only_one_of_two_processes_can_claim_a_reminder(engine: Engine) -> None:
    first, second = _ledgers(engine, "a", "b")
    claim = first.claim(_reminder(), T0)
    assert claim is not None and claim.attempts == 1
    assert second.claim(_reminder(), T0) is None
    assert first.claim(_reminder(), T0) is None  # not even twice by the same process


def test_many_concurrent_claims_give_exactly_one_winner(engine: Engine) -> None:
    ledgers = _ledgers(engine, *[f"p{i}" for i in range(8)])
    with ThreadPoolExecutor(max_workers=8) as pool:
        claims = list(pool.map(lambda ledger: ledger.claim(_reminder(), T0), ledgers))
    assert sum(1 for c in claims if c is not None) == 1


def test_a_sent_reminder_is_never_claimed_again(engine: Engine) -> None:
    first, second = _ledgers(engine, "a", "b")
    claim = first.claim(_reminder(), T0)
    assert claim is not None
    assert first.mark_sent(claim, T0, late=False, message_id="99")
    later = T0 + timedelta(days=1)
    assert second.claim(_reminder(), later) is None
    assert first.final_keys([_reminder().key]) == {_reminder().key}
    [row] = first.rows()
    assert (row.state, row.message_id, row.sent_at) == ("sent", "99", T0)


def test_a_crashed_claim_is_taken_over_after_its_lease(engine: Engine) -> None:
    crashed, survivor = _ledgers(engine, "crashed", "survivor")
    lost = crashed.claim(_reminder(), T0)
    assert lost is not None
    assert survivor.claim(_reminder(), T0 + timedelta(seconds=30)) is None
    assert survivor.retryable_keys(T0 + timedelta(seconds=30)) == []
    assert survivor.retryable_keys(T0 + timedelta(seconds=61)) == [_reminder().key]
    taken = survivor.claim(_reminder(), T0 + timedelta(seconds=61))
    assert taken is not None and taken.attempts == 2
    # The first process cannot record an outcome for a claim it lost.
    assert not crashed.mark_sent(lost, T0 + timedelta(seconds=62), late=True)
    assert survivor.mark_sent(taken, T0 + timedelta(seconds=62), late=True)
    [row] = survivor.rows()
    assert (row.owner, row.state, row.late) == ("survivor", "sent", True)


def test_a_failed_send_is_retried_only_when_its_time_comes(engine: Engine) -> None:
    [ledger] = _ledgers(engine, "a")
    claim = ledger.claim(_reminder(), T0)
    assert claim is not None
    assert ledger.mark_failed(claim, "503", T0 + timedelta(seconds=30))
    assert ledger.claim(_reminder(), T0 + timedelta(seconds=10)) is None
    again = ledger.claim(_reminder(), T0 + timedelta(seconds=30))
    assert again is not None and again.attempts == 2


def test_undeliverable_and_skipped_rows_are_final(engine: Engine) -> None:
    [ledger] = _ledgers(engine, "a")
    first = ledger.claim(_reminder(1), T0)
    second = ledger.claim(_reminder(2), T0)
    assert first is not None and second is not None
    ledger.mark_undeliverable(first, "dms closed")
    ledger.mark_skipped(second, "too late")
    later = T0 + timedelta(days=2)
    assert ledger.claim(_reminder(1), later) is None and ledger.claim(_reminder(2), later) is None
    assert ledger.retryable_keys(later) == []


def test_a_released_claim_is_picked_up_by_the_next_process(engine: Engine) -> None:
    stopping, next_one = _ledgers(engine, "stopping", "next")
    claim = stopping.claim(_reminder(), T0)
    assert claim is not None and stopping.release(claim)
    assert next_one.retryable_keys(T0) == [_reminder().key]
    assert next_one.claim(_reminder(), T0) is not None


def test_record_skipped_writes_once_and_abandoned_rows_close(engine: Engine) -> None:
    [ledger] = _ledgers(engine, "a")
    assert ledger.record_skipped(_reminder(1), T0, "missed while down")
    assert not ledger.record_skipped(_reminder(1), T0, "again")
    claim = ledger.claim(_reminder(2), T0)
    assert claim is not None
    ledger.mark_failed(claim, "timeout", T0)
    assert skip_abandoned(ledger, _reminder(2).key, T0, "no longer planned")
    assert {r.key: r.state for r in ledger.rows()} == {
        _reminder(1).key: State.SKIPPED,
        _reminder(2).key: State.SKIPPED,
    }
