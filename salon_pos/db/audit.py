"""The audit log: append-only and hash-chained, so an edit or a deletion shows."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from salon_pos.db.fast_insert import first_row, insert_rows
from salon_pos.db.models import AuditEntry
from salon_pos.db.outbox import Executor
from salon_pos.domain.ids import new_id

GENESIS = "0" * 64


# What json.dumps(value, **these) does, with its encoder made once instead of at each call
# (an import writes an entry a row).
_DUMP = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
_BODY = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=str)


def _dump(value: dict[str, Any] | None) -> str | None:
    if value is None:
        return None
    return _DUMP.encode(value)


def _digest(prev_hash: str, fields: dict[str, Any]) -> str:
    body = _BODY.encode(fields)
    return hashlib.sha256(f"{prev_hash}|{body}".encode()).hexdigest()


@dataclass(frozen=True)
class AuditRecord:
    actor_id: str | None
    action: str
    entity_type: str
    entity_id: str
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None


def _chained(
    seq: int,
    at: datetime,
    actor_id: str | None,
    action: str,
    entity_type: str,
    entity_id: str,
    before: str | None,
    after: str | None,
) -> dict[str, Any]:
    """The fields an entry's hash covers, written and verified alike."""
    return {
        "seq": seq,
        "at": at.isoformat(),
        "actor_id": actor_id,
        "action": action,
        "entity_type": entity_type,
        "entity_id": entity_id,
        "before": before,
        "after": after,
    }


_LAST = select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)


def append_audit(executor: Executor, record: AuditRecord, at: datetime) -> None:
    append_audits(executor, [record], at)


def verify_chain(session: Session) -> int | None:
    """The seq of the first entry that does not match its hash, or None when the chain holds."""
    prev_hash = GENESIS
    for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.seq)):
        fields = _chained(
            entry.seq,
            entry.at,
            entry.actor_id,
            entry.action,
            entry.entity_type,
            entry.entity_id,
            entry.before,
            entry.after,
        )
        if entry.prev_hash != prev_hash or entry.hash != _digest(prev_hash, fields):
            return entry.seq
        prev_hash = entry.hash
    return None


def append_audits(executor: Executor, records: Sequence[AuditRecord], at: datetime) -> None:
    """Append many entries, chained in order, with one read of the last entry and one insert
    (an import's batch); the chain is the same as appending them one by one."""
    if not records:
        return
    at = at.astimezone(UTC)
    last = first_row(executor, _LAST)
    seq, prev_hash = (last[0], last[1]) if last else (0, GENESIS)
    rows = []
    for record in records:
        seq += 1
        fields = _chained(
            seq,
            at,
            record.actor_id,
            record.action,
            record.entity_type,
            record.entity_id,
            _dump(record.before),
            _dump(record.after),
        )
        digest = _digest(prev_hash, fields)
        rows.append(fields | {"id": new_id(), "at": at, "prev_hash": prev_hash, "hash": digest})
        prev_hash = digest
    insert_rows(executor, AuditEntry, rows)
