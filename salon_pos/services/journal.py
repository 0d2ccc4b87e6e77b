"""What every changing use case writes beside its change: outbox operation and audit entry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from salon_pos.db.audit import AuditRecord, append_audit
from salon_pos.db.outbox import Executor, QueuedOperation, append_operation


@dataclass(frozen=True)
class Journal:
    device_id: str

    def record(
        self,
        session: Executor,
        at: datetime,
        audit: AuditRecord,
        operation: tuple[str, dict[str, Any]] | None = None,
        outbox_seq: int | None = None,
    ) -> QueuedOperation | None:
        queued = None
        if operation is not None:
            op_type, payload = operation
            queued = append_operation(session, self.device_id, op_type, payload, at, outbox_seq)
        append_audit(session, audit, at)
        return queued
