"""Appending operations to the outbox inside the caller's transaction."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, update
from sqlalchemy.orm import Session

from salon_pos.db.models import OutboxOperation, SequenceCounter
from salon_pos.domain.ids import new_id
from sync.protocol import PAYLOAD_VERSIONS


def next_in_sequence(session: Session, name: str) -> int:
    """Bump a gap-free sequence; the new value is returned, and rolled back with the caller."""
    value = session.execute(
        update(SequenceCounter)
        .where(SequenceCounter.name == name)
        .values(last_value=SequenceCounter.last_value + 1)
        .returning(SequenceCounter.last_value)
    ).scalar_one_or_none()
    if value is None:
        session.execute(insert(SequenceCounter).values(name=name, last_value=1))
        return 1
    return int(value)


@dataclass(frozen=True)
class QueuedOperation:
    id: str
    seq: int
    type: str


def append_operation(
    session: Session, device_id: str, op_type: str, payload: dict[str, Any], at: datetime
) -> QueuedOperation:
    op = QueuedOperation(id=new_id(), seq=next_in_sequence(session, "outbox"), type=op_type)
    session.execute(
        insert(OutboxOperation).values(
            id=op.id,
            device_id=device_id,
            seq=op.seq,
            type=op_type,
            occurred_at=at,
            payload_version=PAYLOAD_VERSIONS[op_type],
            payload=json.dumps(payload, ensure_ascii=False, separators=(",", ":"), default=str),
        )
    )
    return op
