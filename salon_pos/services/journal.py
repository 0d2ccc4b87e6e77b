"""What every changing use case writes beside its change: outbox operation and audit entry."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from pydantic import BaseModel

from salon_pos.db.audit import AuditRecord, append_audit, append_audits
from salon_pos.db.outbox import Executor, QueuedOperation, append_operation, append_operations


@dataclass(frozen=True)
class Journal:
    device_id: str

    def record(
        self,
        session: Executor,
        at: datetime,
        audit: AuditRecord,
        operation: BaseModel | None = None,
        outbox_seq: int | None = None,
    ) -> QueuedOperation | None:
        """Audit the change; queue `operation`, a payload made by a builder of
        salon_pos/services/sync_ops, when the server must know of it."""
        queued = None
        if operation is not None:
            queued = append_operation(session, self.device_id, operation, at, outbox_seq)
        append_audit(session, audit, at)
        return queued

    def record_many(
        self,
        session: Executor,
        at: datetime,
        entries: Sequence[tuple[AuditRecord, BaseModel]],
    ) -> list[QueuedOperation]:
        """record() for many changes at once (an import's batch): each keeps its own operation
        and audit entry, written with a few statements instead of a few per change."""
        queued = append_operations(session, self.device_id, [op for _, op in entries], at)
        append_audits(session, [audit for audit, _ in entries], at)
        return queued
