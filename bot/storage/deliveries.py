"""The delivery ledger: one row per reminder per target, and the only way to send is to claim it.

Claiming inserts the row under its unique key, or takes over a row whose claim expired, whose
retry time has come, that a stopping process released, or whose holder is known to be dead,
with one conditional UPDATE. Whatever the backend, two processes can never both hold a claim, so
a reminder is sent once even with two bots on one database by mistake.

A claim's lease (60 s) is what frees the claims of a process that died anywhere. On one machine a
dead holder is also seen at once (`OwnerLocks`, in owner_locks.py), so a restart after a crash
resumes its reminders without waiting out the lease.
"""

from __future__ import annotations

import logging
import weakref
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any, cast

from sqlalchemy import CursorResult, Update, and_, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.domain.reminders.plan import PlannedReminder
from bot.storage.owner_locks import OwnerLocks
from bot.storage.tables import Delivery

__all__ = [
    "DEFAULT_LEASE",
    "FINAL",
    "Claim",
    "DeliveryLedger",
    "OwnerLocks",
    "State",
    "skip_abandoned",
]

log = logging.getLogger(__name__)

DEFAULT_LEASE = timedelta(seconds=60)


class State(StrEnum):
    CLAIMED = "claimed"
    SENT = "sent"
    FAILED = "failed"  # will be retried at next_attempt_at
    SKIPPED = "skipped"  # too late (the session had started), or no longer planned
    UNDELIVERABLE = "undeliverable"  # DMs closed, channel gone: never retried
    RELEASED = "released"  # a stopping process gave its claim back


FINAL = (State.SENT, State.SKIPPED, State.UNDELIVERABLE)


@dataclass(frozen=True, slots=True)
class Claim:
    id: int
    key: str
    attempts: int


class DeliveryLedger:
    """Claims and outcomes for one process (`owner`)."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        owner: str,
        lease: timedelta = DEFAULT_LEASE,
        owners: OwnerLocks | None = None,
    ) -> None:
        self.sessions = sessions
        self.owner = owner
        self.lease = lease
        self.owners = owners if owners is not None else OwnerLocks.default()
        self._held = self.owners.hold(owner)
        # Held while this ledger exists, and let go (at the latest) when the process exits.
        self._release = weakref.finalize(self, self._held.let_go) if self._held else None

    def close(self) -> None:
        """Stop holding this owner's lock, as a process that ends does: from then on its claims
        are taken over at once. Only for a ledger that will record nothing more."""
        if self._release is not None:
            self._release()

    def claim(self, reminder: PlannedReminder, now: datetime) -> Claim | None:
        """The claim on `reminder`, or None when it is sent, final, or held by someone else
        (who is alive, or whose lease has not run out)."""
        with self.sessions.begin() as db:
            try:
                with db.begin_nested():
                    row = _row(reminder, now, State.CLAIMED, self.owner, now + self.lease)
                    db.add(row)
                self._touch()
                return Claim(row.id, row.key, row.attempts)
            except IntegrityError:
                pass
            taken = _run(
                db,
                update(Delivery)
                .where(
                    Delivery.key == reminder.key,
                    or_(
                        and_(Delivery.state == State.CLAIMED, Delivery.claimed_until < now),
                        and_(Delivery.state == State.FAILED, Delivery.next_attempt_at <= now),
                        Delivery.state == State.RELEASED,
                    ),
                )
                .values(
                    state=State.CLAIMED,
                    owner=self.owner,
                    claimed_until=now + self.lease,
                    attempts=Delivery.attempts + 1,
                )
                .execution_options(synchronize_session=False),
            )
            if taken != 1:
                taken = self._take_from_the_dead(db, reminder.key, now)
            if taken != 1:
                return None
            found = db.execute(
                select(Delivery.id, Delivery.attempts).where(Delivery.key == reminder.key)
            ).one()
            self._touch()
            return Claim(found.id, reminder.key, found.attempts)

    def _touch(self) -> None:
        if self._held is not None and self._release is not None and self._release.alive:
            self._held.touch()

    def _take_from_the_dead(self, db: Session, key: str, now: datetime) -> int:
        holder = db.scalar(
            select(Delivery.owner).where(Delivery.key == key, Delivery.state == State.CLAIMED)
        )
        if holder is None or holder == self.owner or not self.owners.is_dead(holder):
            return 0
        log.info("taking over %s from %s, which is no longer running", key, holder)
        return _run(
            db,
            update(Delivery)
            .where(Delivery.key == key, Delivery.state == State.CLAIMED, Delivery.owner == holder)
            .values(
                owner=self.owner,
                claimed_until=now + self.lease,
                attempts=Delivery.attempts + 1,
            )
            .execution_options(synchronize_session=False),
        )

    def dead_holders_keys(self, db: Session, now: datetime) -> list[str]:
        """Keys claimed (lease still running) by holders known to be dead."""
        held = db.execute(
            select(Delivery.key, Delivery.owner).where(
                Delivery.state == State.CLAIMED,
                Delivery.claimed_until >= now,
                Delivery.owner != self.owner,
            )
        ).all()
        return [key for key, owner in held if owner and self.owners.is_dead(owner)]

    def _finish(self, claim: Claim, **values: object) -> bool:
        with self.sessions.begin() as db:
            changed = _run(
                db,
                update(Delivery)
                .where(
                    Delivery.id == claim.id,
                    Delivery.owner == self.owner,
                    Delivery.state == State.CLAIMED,
                )
                .values(claimed_until=None, **values)
                .execution_options(synchronize_session=False),
            )
            return changed == 1

    def mark_sent(
        self, claim: Claim, now: datetime, *, late: bool, message_id: str | None = None
    ) -> bool:
        """False if the claim had expired and was taken over meanwhile (the send was slow)."""
        return self._finish(claim, state=State.SENT, sent_at=now, late=late, message_id=message_id)

    def mark_failed(self, claim: Claim, error: str, retry_at: datetime) -> bool:
        return self._finish(
            claim, state=State.FAILED, last_error=error[:2000], next_attempt_at=retry_at
        )

    def mark_undeliverable(self, claim: Claim, error: str) -> bool:
        return self._finish(claim, state=State.UNDELIVERABLE, last_error=error[:2000])

    def mark_skipped(self, claim: Claim, reason: str) -> bool:
        return self._finish(claim, state=State.SKIPPED, last_error=reason[:2000])

    def release(self, claim: Claim) -> bool:
        return self._finish(claim, state=State.RELEASED, owner=None)

    def record_skipped(self, reminder: PlannedReminder, now: datetime, reason: str) -> bool:
        """Note a reminder that will never be sent (missed while down); False if a row exists."""
        with self.sessions.begin() as db:
            try:
                with db.begin_nested():
                    row = _row(reminder, now, State.SKIPPED, None, None)
                    row.last_error = reason
                    db.add(row)
                return True
            except IntegrityError:
                return False

    def final_keys(self, keys: list[str]) -> set[str]:
        """Which of `keys` are done for good (sent, skipped, undeliverable)."""
        found: set[str] = set()
        with self.sessions() as db:
            for start in range(0, len(keys), 500):
                chunk = keys[start : start + 500]
                found.update(
                    db.scalars(
                        select(Delivery.key).where(
                            Delivery.key.in_(chunk), Delivery.state.in_(FINAL)
                        )
                    )
                )
        return found

    def retryable_keys(self, now: datetime) -> list[str]:
        """Rows another attempt is owed to: failed and due, expired claims, released claims,
        claims of dead holders."""
        with self.sessions() as db:
            keys = list(
                db.scalars(
                    select(Delivery.key).where(
                        or_(
                            and_(Delivery.state == State.FAILED, Delivery.next_attempt_at <= now),
                            and_(Delivery.state == State.CLAIMED, Delivery.claimed_until < now),
                            Delivery.state == State.RELEASED,
                        )
                    )
                )
            )
            return keys + self.dead_holders_keys(db, now)

    def rows(self) -> list[Delivery]:
        with self.sessions() as db:
            return list(db.scalars(select(Delivery).order_by(Delivery.id)))


def _run(db: Session, statement: Update) -> int:
    """Execute an UPDATE and say how many rows it changed."""
    result = cast(CursorResult[Any], db.execute(statement))
    return int(result.rowcount)


def _row(
    reminder: PlannedReminder,
    now: datetime,
    state: State,
    owner: str | None,
    claimed_until: datetime | None,
) -> Delivery:
    return Delivery(
        key=reminder.key,
        kind=str(reminder.kind),
        target=str(reminder.target)[:64],
        schedule_id=reminder.schedule_id,
        session_id=reminder.session_id,
        due_at=reminder.due,
        session_start=reminder.session_start,
        state=str(state),
        attempts=1 if state is State.CLAIMED else 0,
        owner=owner,
        claimed_until=claimed_until,
        late=False,
        created_at=now,
    )


def skip_abandoned(ledger: DeliveryLedger, key: str, now: datetime, reason: str) -> bool:
    """Close a retryable row whose reminder is no longer planned (session moved or removed)."""
    with ledger.sessions.begin() as db:
        open_claim = and_(Delivery.state == State.CLAIMED, Delivery.claimed_until < now)
        holder = db.scalar(
            select(Delivery.owner).where(Delivery.key == key, Delivery.state == State.CLAIMED)
        )
        if holder is not None and holder != ledger.owner and ledger.owners.is_dead(holder):
            open_claim = and_(Delivery.state == State.CLAIMED, Delivery.owner == holder)
        changed = _run(
            db,
            update(Delivery)
            .where(
                Delivery.key == key,
                or_(Delivery.state.in_((State.FAILED, State.RELEASED)), open_claim),
            )
            .values(state=State.SKIPPED, last_error=reason, claimed_until=None)
            .execution_options(synchronize_session=False),
        )
        return changed == 1
