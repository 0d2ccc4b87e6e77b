"""Appending operations to the outbox inside the caller's transaction."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, insert, update
from sqlalchemy.orm import Session

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
