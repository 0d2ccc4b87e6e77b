"""Appending operations to the outbox inside the caller's transaction."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, insert, update
from sqlalchemy.orm import Session

from salon_pos.db.bulk import insert_rows
from salon_pos.db.models import OutboxOperation, SequenceCounter
from salon_pos.domain.ids import new_id
from sync.protocol import PAYLOAD_VERSIONS

# Built once: the checkout path runs these on every sale (see docs/adr/0003-write-path.md).
_BUMP = (
    update(SequenceCounter)
    .where(SequenceCounter.name.in_(bindparam("counters", expanding=True)))
    .values(last_value=SequenceCounter.last_value + 1)
    .returning(SequenceCounter.name, SequenceCounter.last_value)
)
_START = insert(SequenceCounter).values(name=bindparam("counter"), last_value=1)
_QUEUE = insert(OutboxOperation)

Executor = Session | Connection
OUTBOX = "outbox"  # the name of the outbox's sequence


def _wire_value(value: object) -> str:
    """Dates and times go on the wire as ISO 8601; anything else unknown is a bug, not a str()."""
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not a wire value")


def payload_json(payload: dict[str, Any]) -> str:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), default=_wire_value)


def next_in_sequences(executor: Executor, *names: str) -> dict[str, int]:
    """Bump gap-free sequences (in one statement); the new values are returned, and rolled back
    with the caller's transaction."""
    values = {name: int(value) for name, value in executor.execute(_BUMP, {"counters": names})}
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
    op_type: str,
    payload: dict[str, Any],
    at: datetime,
    seq: int | None = None,
) -> QueuedOperation:
    """Queue one operation; `seq` is the outbox sequence number when the caller already took
    it (with next_in_sequences(…, "outbox"), together with its own)."""
    seq = seq or next_in_sequences(executor, OUTBOX)[OUTBOX]
    op = QueuedOperation(id=new_id(), seq=seq, type=op_type)
    executor.execute(
        _QUEUE,
        {
            "id": op.id,
            "device_id": device_id,
            "seq": op.seq,
            "type": op_type,
            "occurred_at": at,
            "payload_version": PAYLOAD_VERSIONS[op_type],
            "payload": payload_json(payload),
            "pushed_at": None,
            "result": None,
        },
    )
    return op


_BUMP_BY = (
    update(SequenceCounter)
    .where(SequenceCounter.name == OUTBOX)
    .values(last_value=SequenceCounter.last_value + bindparam("count"))
    .returning(SequenceCounter.last_value)
)
_START_AT = insert(SequenceCounter).values(name=OUTBOX, last_value=bindparam("count"))


def append_operations(
    executor: Executor,
    device_id: str,
    operations: Sequence[tuple[str, dict[str, Any]]],
    at: datetime,
) -> list[QueuedOperation]:
    """Queue many operations in order with one sequence bump and one insert (an import's
    batch); each is still its own operation, as if appended one by one."""
    if not operations:
        return []
    count = len(operations)
    last = executor.execute(_BUMP_BY, {"count": count}).scalar()
    if last is None:
        executor.execute(_START_AT, {"count": count})
        last = count
    first = int(last) - count + 1
    queued = [QueuedOperation(new_id(), first + n, kind) for n, (kind, _) in enumerate(operations)]
    rows = [
        {
            "id": op.id,
            "device_id": device_id,
            "seq": op.seq,
            "type": op.type,
            "occurred_at": at,
            "payload_version": PAYLOAD_VERSIONS[op.type],
            "payload": payload_json(payload),
            "pushed_at": None,
            "result": None,
        }
        for op, (_, payload) in zip(queued, operations, strict=True)
    ]
    connection = executor if isinstance(executor, Connection) else executor.connection()
    insert_rows(connection, OutboxOperation, rows)
    return queued
