"""The ledger's promise: one claim at a time per reminder, across processes and crashes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

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
from bot.storage.deliveries import DeliveryLedger, Mark, OwnerLocks, State, skip_abandoned
from tests.helpers import ROOT

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


# ---- holders that are gone ------------------------------------------------------------------


def test_a_claim_of_a_holder_that_ended_is_taken_over_at_once(engine: Engine) -> None:
    ended, survivor = _ledgers(engine, "ended", "survivor")
    lost = ended.claim(_reminder(), T0)
    assert lost is not None
    ended.close()  # what the end of its process does to its lock
    soon = T0 + timedelta(seconds=1)
    assert survivor.retryable_keys(soon) == [_reminder().key]
    taken = survivor.claim(_reminder(), soon)
    assert taken is not None and (taken.id, taken.attempts) == (lost.id, 2)  # the same nonce
    assert not ended.mark_sent(lost, soon, late=False)
    assert survivor.mark_sent(taken, soon, late=False)


def test_a_claim_of_a_process_killed_with_sigkill_is_taken_over_at_once(
    engine: Engine, tmp_path: Path
) -> None:
    owner = f"victim-{os.getpid()}-{time.monotonic_ns()}"
    url = engine.url.render_as_string(hide_password=False)
    script = (
        "import sys, time\n"
        "from datetime import UTC, datetime\n"
        "from bot.storage.database import make_engine, session_factory\n"
        "from bot.storage.deliveries import DeliveryLedger\n"
        "from tests.storage.test_delivery_ledger import T0, _reminder\n"
        f"ledger = DeliveryLedger(session_factory(make_engine({url!r})), {owner!r})\n"
        "assert ledger.claim(_reminder(), T0) is not None\n"
        "print('claimed', flush=True)\n"
        "time.sleep(60)\n"
    )
    victim = subprocess.Popen(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
    )
    try:
        assert victim.stdout is not None and victim.stdout.readline() == b"claimed\n"
        [survivor] = _ledgers(engine, "survivor")
        assert survivor.claim(_reminder(), T0 + timedelta(seconds=1)) is None  # alive: its lease
        victim.send_signal(signal.SIGKILL)
        victim.wait(10)
        taken = survivor.claim(_reminder(), T0 + timedelta(seconds=1))
        assert taken is not None and taken.attempts == 2
    finally:
        victim.kill()
        victim.wait(10)
        if victim.stdout is not None:
            victim.stdout.close()


def test_a_holder_this_machine_cannot_see_keeps_its_claim_until_its_lease_ends(
    engine: Engine, tmp_path: Path
) -> None:
    sessions = session_factory(engine)
    there = DeliveryLedger(sessions, "there", owners=OwnerLocks(tmp_path / "there"))
    here = DeliveryLedger(sessions, "here", owners=OwnerLocks(tmp_path / "here"))
    assert there.claim(_reminder(), T0) is not None
    there.close()  # ended, but where "here" cannot see it (another machine or container)
    assert here.retryable_keys(T0 + timedelta(seconds=30)) == []
    assert here.claim(_reminder(), T0 + timedelta(seconds=30)) is None
    assert here.claim(_reminder(), T0 + timedelta(seconds=61)) is not None


def test_a_live_holder_in_this_process_is_never_taken_for_dead(engine: Engine) -> None:
    holder, other = _ledgers(engine, "holder", "other")
    assert holder.claim(_reminder(), T0) is not None
    assert not other.owners.is_dead("holder")
    assert other.claim(_reminder(), T0 + timedelta(seconds=59)) is None


def test_an_abandoned_claim_of_a_holder_that_ended_is_closed_at_once(engine: Engine) -> None:
    ended, survivor = _ledgers(engine, "ended", "survivor")
    assert ended.claim(_reminder(), T0) is not None
    assert not skip_abandoned(survivor, _reminder().key, T0, "no longer planned")
    ended.close()
    assert skip_abandoned(survivor, _reminder().key, T0, "no longer planned")
    [row] = survivor.rows()
    assert row.state == State.SKIPPED


def test_lock_files_of_long_gone_holders_are_removed_and_live_ones_kept(tmp_path: Path) -> None:
    locks = OwnerLocks(tmp_path)
    live, gone, recent = locks.hold("live"), locks.hold("gone"), locks.hold("recent")
    assert live is not None and gone is not None and recent is not None
    gone.let_go()
    recent.let_go()
    hours_ago = time.time() - 2 * 3600
    for held in (live, gone):
        os.utime(held.path, (hours_ago, hours_ago))
    assert locks.hold("newcomer") is not None
    assert (live.path.exists(), gone.path.exists(), recent.path.exists()) == (True, False, True)
    assert OwnerLocks(tmp_path).is_dead("recent") and not OwnerLocks(tmp_path).is_dead("live")
    live.let_go()


# ---- claims in batches --------------------------------------------------------------------


def test_a_batch_claims_what_is_free_and_leaves_what_is_held_or_done(engine: Engine) -> None:
    first, second = _ledgers(engine, "a", "b")
    held = first.claim(_reminder(1), T0)
    done = first.claim(_reminder(2), T0)
    assert held is not None and done is not None and first.mark_sent(done, T0, late=False)
    failed = first.claim(_reminder(3), T0)
    assert failed is not None and first.mark_failed(failed, "503", T0 + timedelta(seconds=30))
    batch = [_reminder(n) for n in (1, 2, 3, 4, 4)]  # 4 twice: claimed once
    claims = second.claim(batch, T0 + timedelta(seconds=30))
    assert sorted(claims) == sorted([_reminder(3).key, _reminder(4).key])
    assert (claims[_reminder(3).key].id, claims[_reminder(3).key].attempts) == (failed.id, 2)
    assert claims[_reminder(4).key].attempts == 1
    assert second.claim(batch, T0 + timedelta(seconds=30)) == {}  # not even twice


def test_a_batch_takes_over_the_claims_of_a_holder_that_ended(engine: Engine) -> None:
    ended, survivor = _ledgers(engine, "ended", "survivor")
    lost = ended.claim([_reminder(1), _reminder(2)], T0)
    ended.close()
    taken = survivor.claim([_reminder(n) for n in (1, 2, 3)], T0 + timedelta(seconds=1))
    assert sorted(taken) == sorted(_reminder(n).key for n in (1, 2, 3))
    assert {k: (c.id, c.attempts) for k, c in taken.items() if k in lost} == {
        k: (c.id, 2) for k, c in lost.items()
    }


def test_two_processes_claiming_the_same_batch_never_both_get_a_key(engine: Engine) -> None:
    url = engine.url.render_as_string(hide_password=False)
    # Each claims the batch, then the rest of it again and again, while both are alive (a
    # holder that ended would rightly be taken over).
    script = (
        "import sys\n"
        "from bot.storage.database import make_engine, session_factory\n"
        "from bot.storage.deliveries import DeliveryLedger\n"
        "from tests.storage.test_delivery_ledger import T0, _reminder\n"
        f"ledger = DeliveryLedger(session_factory(make_engine({url!r})), sys.argv[1])\n"
        "batch = [_reminder(n) for n in range(200)]\n"
        "sys.stdin.readline()\n"
        "for start in range(0, 200, 20):\n"
        "    print(*ledger.claim(batch[start:], T0), sep='\\n', flush=True)\n"
        "print('done', flush=True)\n"
        "sys.stdin.readline()\n"
    )
    run = f"{os.getpid()}-{time.monotonic_ns()}"
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", script, f"process-{n}-{run}"],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for n in range(2)
    ]
    claimed: list[set[str]] = []
    try:
        for process in processes:
            assert process.stdin is not None
            process.stdin.write("go\n")
            process.stdin.flush()
        for process in processes:
            assert process.stdout is not None
            keys = set(iter(process.stdout.readline, "done\n")) - {"\n"}
            claimed.append({key.strip() for key in keys})
    finally:
        for process in processes:
            process.communicate("end\n", timeout=60)
    first, second = claimed
    assert not first & second
    assert first | second == {_reminder(n).key for n in range(200)}
    rows = _ledgers(engine, "reader")[0].rows()
    assert len(rows) == 200 and {row.attempts for row in rows} == {1}


def test_many_threads_claiming_overlapping_batches_get_each_key_once(engine: Engine) -> None:
    ledgers = _ledgers(engine, *[f"p{i}" for i in range(6)])
    batches = [[_reminder(n) for n in range(i * 10, i * 10 + 60)] for i in range(6)]
    with ThreadPoolExecutor(max_workers=6) as pool:
        claims = list(
            pool.map(lambda pair: pair[0].claim(pair[1], T0), zip(ledgers, batches, strict=True))
        )
    keys = [key for claimed in claims for key in claimed]
    assert len(keys) == len(set(keys)) == 110


def test_a_claim_extended_runs_a_whole_lease_again_unless_it_was_taken_over(
    engine: Engine,
) -> None:
    first, second = _ledgers(engine, "a", "b")
    claim = first.claim(_reminder(), T0)
    assert claim is not None
    assert first.extend(claim, T0 + timedelta(seconds=50))
    assert second.claim(_reminder(), T0 + timedelta(seconds=70)) is None  # extended: still held
    taken = second.claim(_reminder(), T0 + timedelta(seconds=111))
    assert taken is not None
    assert not first.extend(claim, T0 + timedelta(seconds=112))  # not its claim any more


def test_outcomes_recorded_together_each_say_whether_their_claim_was_still_held(
    engine: Engine,
) -> None:
    first, second = _ledgers(engine, "a", "b")
    kept = first.claim(_reminder(1), T0)
    lost = first.claim(_reminder(2), T0)
    assert kept is not None and lost is not None
    assert second.claim(_reminder(2), T0 + timedelta(seconds=61)) is not None
    done = first.record(
        [Mark.sent(kept, T0, late=False, message_id="9"), Mark.failed(lost, "503", T0)]
    )
    assert done == [True, False]
    states = {row.key: (row.state, row.owner, row.message_id) for row in first.rows()}
    assert states == {
        _reminder(1).key: (State.SENT, "a", "9"),
        _reminder(2).key: (State.CLAIMED, "b", None),
    }
