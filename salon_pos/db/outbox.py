"""Appending operations to the outbox inside the caller's transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING

from sqlalchemy import Connection, bindparam, insert, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import ReturningUpdate

from salon_pos.db.fast_insert import all_rows, insert_rows
from salon_pos.db.models import OutboxOperation, SequenceCounter
from salon_pos.domain.ids import new_id

if TYPE_CHECKING:
    from pydantic import BaseModel  # not at import time: the app starts without pydantic


# Built once: the checkout path runs these on every sale (see docs/adr/0003-write-path.md).
@lru_cache(maxsize=8)
def _bump(names: tuple[str, ...]) -> ReturningUpdate[str, int]:
    """The bump of these sequences, built once per set of names (a sale bumps the same two)."""
    return (
        update(SequenceCounter)
        .where(SequenceCounter.name.in_(names))
        .values(last_value=SequenceCounter.last_value + 1)
        .returning(SequenceCounter.name, SequenceCounter.last_value)
    )


_START = insert(SequenceCounter).values(name=bindparam("counter"), last_value=1)

Executor = Session | Connection
OUTBOX = "outbox"  # the name of the outbox's sequence


def next_in_sequences(executor: Executor, *names: str) -> dict[str, int]:
    """Bump gap-free sequences (in one statement); the new values are returned, and rolled back
    with the caller's transaction."""
    values = {name: int(value) for name, value in all_rows(executor, _bump(names))}
    for name in set(names) - values.keys():
        executor.execute(_START, {"counter": name})
        values[name] = 1
    return values


@dataclass(frozen=True)
class QueuedOperation:
    id: str
    seq: int
    type: str


def append_operation(
    executor: Executor,
    device_id: str,
    payload: BaseModel,
    at: datetime,
    seq: int | None = None,
) -> QueuedOperation:
    """Queue one operation, of the type whose current payload model `payload` is; `seq` is the
    outbox sequence number when the caller already took it (with next_in_sequences(…,
    "outbox"), together with its own)."""
    from sync.operations import REGISTRY  # pydantic: not before the sign-in screen is up

    kind = REGISTRY.operation_of(payload)
    return append_encoded(
        executor, device_id, kind.name, kind.version, payload.model_dump_json(), at, seq
    )


def append_encoded(
    executor: Executor,
    device_id: str,
    op_type: str,
    version: int,
    payload: str,
    at: datetime,
    seq: int | None = None,
) -> QueuedOperation:
    """Queue an operation whose payload is already JSON text: one resent as it was recorded,
    or (in tests) one made malformed on purpose. Use cases use append_operation."""
    seq = seq or next_in_sequences(executor, OUTBOX)[OUTBOX]
    op = QueuedOperation(id=new_id(), seq=seq, type=op_type)
    insert_rows(executor, OutboxOperation, [_row(op, device_id, at, version, payload)])
    return op


def _row(
    op: QueuedOperation, device_id: str, at: datetime, version: int, payload: str
) -> dict[str, object]:
    """An outbox row as queued: not pushed yet, no result."""
    return {
        "id": op.id,
        "device_id": device_id,
        "seq": op.seq,
        "type": op.type,
        "occurred_at": at,
        "payload_version": version,
        "payload": payload,
        "pushed_at": None,
        "result": None,
    }


_BUMP_BY = (
    update(SequenceCounter)
    .where(SequenceCounter.name == OUTBOX)
    .values(last_value=SequenceCounter.last_value + bindparam("count"))
    .returning(SequenceCounter.last_value)
)
_START_AT = insert(SequenceCounter).values(name=OUTBOX, last_value=bindparam("count"))


def append_operations(
    executor: Executor, device_id: str, payloads: Sequence[BaseModel], at: datetime
) -> list[QueuedOperation]:
    """append_operation for many payloads in order, with one sequence bump and one insert (an
    import's batch); each is still its own operation, as if appended one by one."""
    if not payloads:
        return []
    count = len(payloads)
    last = executor.execute(_BUMP_BY, {"count": count}).scalar()
    if last is None:
        executor.execute(_START_AT, {"count": count})
        last = count
    first = int(last) - count + 1
    from sync.operations import REGISTRY

    rows, queued = [], []
    for n, payload in enumerate(payloads):
        kind = REGISTRY.operation_of(payload)
        op = QueuedOperation(id=new_id(), seq=first + n, type=kind.name)
        queued.append(op)
        rows.append(_row(op, device_id, at, kind.version, payload.model_dump_json()))
    insert_rows(executor, OutboxOperation, rows)
    return queued
