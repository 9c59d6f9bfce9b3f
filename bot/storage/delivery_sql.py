"""The delivery ledger's states and the SQL it runs on every burst, built once.

A burst of a hundred claims would otherwise spend most of its time building the same SQL again.
The statements run on the session's connection with their parameters (named `b_...`); the ones
that claim answer with the id, key and attempts of each row they took (RETURNING).
"""

from __future__ import annotations

import importlib
from datetime import datetime
from enum import StrEnum
from functools import cache
from typing import Any

from sqlalchemy import BindParameter, ColumnElement, Insert, Update, and_, bindparam, or_, update

from bot.storage.tables import Delivery


class State(StrEnum):
    CLAIMED = "claimed"
    SENT = "sent"
    FAILED = "failed"  # will be retried at next_attempt_at
    SKIPPED = "skipped"  # too late (the session had started), or no longer planned
    UNDELIVERABLE = "undeliverable"  # DMs closed, channel gone: never retried
    RELEASED = "released"  # a stopping process gave its claim back


FINAL = (State.SENT, State.SKIPPED, State.UNDELIVERABLE)


def owed_another_attempt(now: datetime | BindParameter[Any]) -> ColumnElement[bool]:
    """Rows anyone may claim: expired claims, failures whose retry time has come, released."""
    return or_(
        and_(Delivery.state == State.CLAIMED, Delivery.claimed_until < now),
        and_(Delivery.state == State.FAILED, Delivery.next_attempt_at <= now),
        Delivery.state == State.RELEASED,
    )


def _typed(name: str, column: str) -> BindParameter[Any]:
    return bindparam(name, type_=Delivery.__table__.c[column].type)


_RETURNING = (Delivery.id, Delivery.key, Delivery.attempts)
# Claims that ran out, failures due again and released claims, among `b_keys`.
RECLAIM = (
    update(Delivery)
    .where(
        Delivery.key.in_(bindparam("b_keys", expanding=True)),
        owed_another_attempt(_typed("b_now", "claimed_until")),
    )
    .values(
        state=State.CLAIMED,
        owner=bindparam("b_owner"),
        claimed_until=_typed("b_until", "claimed_until"),
        attempts=Delivery.attempts + 1,
    )
    .returning(*_RETURNING)
)


@cache
def insert_new(dialect: str) -> Insert:
    """INSERT the rows whose key is not there yet (the others are left as they are), in the
    database's own words (`dialect` is "sqlite" or "postgresql"). The engine has loaded its
    dialect's module already; the other one (2 MiB of PostgreSQL types for a SQLite bot) never
    loads."""
    if dialect not in ("sqlite", "postgresql"):
        raise ValueError(f"no delivery ledger for a {dialect} database")
    module = importlib.import_module(f"sqlalchemy.dialects.{dialect}")
    insert: Insert = (
        module.insert(Delivery)
        .on_conflict_do_nothing(index_elements=[Delivery.key])
        .returning(*_RETURNING)
    )
    return insert


TAKE_OVER = (
    update(Delivery)
    .where(
        Delivery.key.in_(bindparam("b_keys", expanding=True)),
        Delivery.state == State.CLAIMED,
        Delivery.owner == bindparam("b_holder"),
    )
    .values(
        owner=bindparam("b_owner"),
        claimed_until=_typed("b_until", "claimed_until"),
        attempts=Delivery.attempts + 1,
    )
    .returning(*_RETURNING)
)


@cache
def finishing(columns: tuple[str, ...]) -> Update:
    """The UPDATE that records an outcome writing `columns`, if the claim is still held."""
    return (
        update(Delivery)
        .where(
            Delivery.id == bindparam("b_id"),
            Delivery.owner == bindparam("b_holder"),
            Delivery.state == State.CLAIMED,
        )
        .values(claimed_until=None, **{c: _typed(f"b_{c}", c) for c in columns})
    )
