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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast, overload

from sqlalchemy import (
    CursorResult,
    Update,
    and_,
    or_,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.domain.reminders.plan import PlannedReminder
from bot.storage.delivery_sql import (
    FINAL,
    RECLAIM,
    TAKE_OVER,
    State,
    finishing,
    insert_new,
    owed_another_attempt,
)
from bot.storage.owner_locks import OwnerLocks
from bot.storage.tables import Delivery

__all__ = [
    "DEFAULT_LEASE",
    "FINAL",
    "Claim",
    "DeliveryLedger",
    "Mark",
    "OwnerLocks",
    "State",
    "skip_abandoned",
]

log = logging.getLogger(__name__)

DEFAULT_LEASE = timedelta(seconds=60)
IN_CHUNK = 500  # keys in one IN (...)


@dataclass(frozen=True, slots=True)
class Claim:
    id: int
    key: str
    attempts: int


@dataclass(frozen=True, slots=True)
class Mark:
    """What became of a claim, as the columns to write; recorded with others in one go."""

    claim: Claim
    values: tuple[tuple[str, object], ...]

    @classmethod
    def sent(
        cls, claim: Claim, now: datetime, *, late: bool, message_id: str | None = None
    ) -> Mark:
        return cls(
            claim,
            (("state", State.SENT), ("sent_at", now), ("late", late), ("message_id", message_id)),
        )

    @classmethod
    def failed(cls, claim: Claim, error: str, retry_at: datetime) -> Mark:
        """Retried at `retry_at`."""
        return cls(
            claim,
            (("state", State.FAILED), ("last_error", error[:2000]), ("next_attempt_at", retry_at)),
        )

    @classmethod
    def undeliverable(cls, claim: Claim, error: str) -> Mark:
        return cls(claim, (("state", State.UNDELIVERABLE), ("last_error", error[:2000])))

    @classmethod
    def skipped(cls, claim: Claim, reason: str) -> Mark:
        return cls(claim, (("state", State.SKIPPED), ("last_error", reason[:2000])))


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

    @overload
    def claim(self, reminders: PlannedReminder, now: datetime) -> Claim | None: ...

    @overload
    def claim(self, reminders: Iterable[PlannedReminder], now: datetime) -> dict[str, Claim]: ...

    def claim(
        self, reminders: PlannedReminder | Iterable[PlannedReminder], now: datetime
    ) -> Claim | dict[str, Claim] | None:
        """The claims on `reminders`, all taken in one transaction, by key; or for one reminder
        its claim, or None. A reminder that is sent, final, or held by someone else (who is
        alive, or whose lease has not run out) gets none."""
        if isinstance(reminders, PlannedReminder):
            return self._claim_all({reminders.key: reminders}, now).get(reminders.key)
        wanted: dict[str, PlannedReminder] = {}
        for reminder in reminders:
            wanted.setdefault(reminder.key, reminder)
        return self._claim_all(wanted, now)

    def _claim_all(self, wanted: dict[str, PlannedReminder], now: datetime) -> dict[str, Claim]:
        claims: dict[str, Claim] = {}
        if not wanted:
            return claims
        until = now + self.lease
        with self.sessions.begin() as db:
            # First a write, so that on SQLite the transaction holds the write lock from its
            # first statement: no other claim can slip in between what it reads and writes.
            connection = db.connection()
            for chunk in _chunks(list(wanted), IN_CHUNK):
                taken = connection.execute(
                    RECLAIM,
                    {"b_keys": chunk, "b_now": now, "b_owner": self.owner, "b_until": until},
                )
                claims.update((key, Claim(id_, key, attempts)) for id_, key, attempts in taken)
            new = [key for key in wanted if key not in claims]
            if new:
                insert = insert_new(connection.dialect.name)
                rows = [_row(wanted[key], now, State.CLAIMED, self.owner, until) for key in new]
                taken = connection.execute(insert, rows)
                claims.update((key, Claim(id_, key, attempts)) for id_, key, attempts in taken)
            rest = [key for key in new if key not in claims]
            if rest:
                claims.update(self._take_from_the_dead(db, rest, until))
        if claims:
            self._touch()
        return claims

    def _touch(self) -> None:
        if self._held is not None and self._release is not None and self._release.alive:
            self._held.touch()

    def _take_from_the_dead(
        self, db: Session, keys: list[str], until: datetime
    ) -> dict[str, Claim]:
        holders: dict[str, list[str]] = {}
        for chunk in _chunks(keys, IN_CHUNK):
            for key, holder in db.execute(
                select(Delivery.key, Delivery.owner).where(
                    Delivery.key.in_(chunk), Delivery.state == State.CLAIMED
                )
            ):
                if holder is not None and holder != self.owner:
                    holders.setdefault(holder, []).append(key)
        claims: dict[str, Claim] = {}
        for holder, held in holders.items():
            if not self.owners.is_dead(holder):
                continue
            log.info("taking over %d claims from %s, which is no longer running", len(held), holder)
            for chunk in _chunks(held, IN_CHUNK):
                taken = db.connection().execute(
                    TAKE_OVER,
                    {"b_keys": chunk, "b_holder": holder, "b_owner": self.owner, "b_until": until},
                )
                claims.update((key, Claim(id_, key, attempts)) for id_, key, attempts in taken)
        return claims

    def extend(self, claim: Claim, now: datetime) -> bool:
        """Run the claim's lease from `now` again, for a send that waited its turn; False when
        the claim is no longer this process's (it ran out and was taken over)."""
        with self.sessions.begin() as db:
            changed = _run(
                db,
                update(Delivery)
                .where(
                    Delivery.id == claim.id,
                    Delivery.owner == self.owner,
                    Delivery.state == State.CLAIMED,
                )
                .values(claimed_until=now + self.lease)
                .execution_options(synchronize_session=False),
            )
        if changed:
            self._touch()
        return changed == 1

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

    def record(self, marks: Sequence[Mark]) -> list[bool]:
        """What became of several claims, in one transaction. For each: False if the claim had
        expired and was taken over meanwhile (the send was slow), and nothing is written."""
        done = []
        with self.sessions.begin() as db:
            connection = db.connection()
            for mark in marks:
                values = dict(mark.values)
                result = connection.execute(
                    finishing(tuple(values)),
                    {"b_id": mark.claim.id, "b_holder": self.owner}
                    | {f"b_{column}": value for column, value in values.items()},
                )
                done.append(result.rowcount == 1)
        return done

    def mark_sent(
        self, claim: Claim, now: datetime, *, late: bool, message_id: str | None = None
    ) -> bool:
        """False if the claim had expired and was taken over meanwhile (the send was slow)."""
        return self.record([Mark.sent(claim, now, late=late, message_id=message_id)])[0]

    def mark_failed(self, claim: Claim, error: str, retry_at: datetime) -> bool:
        return self.record([Mark.failed(claim, error, retry_at)])[0]

    def mark_undeliverable(self, claim: Claim, error: str) -> bool:
        return self.record([Mark.undeliverable(claim, error)])[0]

    def mark_skipped(self, claim: Claim, reason: str) -> bool:
        return self.record([Mark.skipped(claim, reason)])[0]

    def release(self, claim: Claim) -> bool:
        return self.record([Mark(claim, (("state", State.RELEASED), ("owner", None)))])[0]

    def record_skipped(self, reminder: PlannedReminder, now: datetime, reason: str) -> bool:
        """Note a reminder that will never be sent (missed while down); False if a row exists."""
        with self.sessions.begin() as db:
            try:
                with db.begin_nested():
                    db.add(
                        Delivery(
                            **_row(reminder, now, State.SKIPPED, None, None), last_error=reason
                        )
                    )
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
            keys = list(db.scalars(select(Delivery.key).where(owed_another_attempt(now))))
            return keys + self.dead_holders_keys(db, now)

    def rows(self) -> list[Delivery]:
        with self.sessions() as db:
            return list(db.scalars(select(Delivery).order_by(Delivery.id)))


def _run(db: Session, statement: Update) -> int:
    """Execute an UPDATE and say how many rows it changed."""
    result = cast(CursorResult[Any], db.execute(statement))
    return int(result.rowcount)


def _chunks(keys: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(keys), size):
        yield keys[start : start + size]


def _row(
    reminder: PlannedReminder,
    now: datetime,
    state: State,
    owner: str | None,
    claimed_until: datetime | None,
) -> dict[str, object]:
    return {
        "key": reminder.key,
        "kind": str(reminder.kind),
        "target": str(reminder.target)[:64],
        "schedule_id": reminder.schedule_id,
        "session_id": reminder.session_id,
        "due_at": reminder.due,
        "session_start": reminder.session_start,
        "state": str(state),
        "attempts": 1 if state is State.CLAIMED else 0,
        "owner": owner,
        "claimed_until": claimed_until,
        "late": False,
        "created_at": now,
    }


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
