"""Sync as the people at the counter see it: the status bar's figures and the conflict inbox.

Resolving a conflict is an operation like any other (`conflict.resolved`), queued with its audit
entry in one transaction; the server applies it and the outcome comes back through the feed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select, update

from salon_pos.db.audit import AuditRecord
from salon_pos.db.models import OutboxOperation, Staff, SyncConflict, SyncState
from salon_pos.domain.errors import InvalidChoice, UserError
from salon_pos.domain.staff import Role
from salon_pos.services.counter import CounterService
from salon_pos.services.sync_state import RESOLVING as RESOLVING
from salon_pos.services.sync_state import Enrollment, enrollment, sync_state
from sync.protocol import (
    CONFLICT_CLOCK_AHEAD,
    CONFLICT_DUPLICATE_CUSTOMER,
    CONFLICT_FIELD_OVERWRITTEN,
    CONFLICT_OPEN,
    CONFLICT_PRICE_MISMATCH,
    CONFLICT_RESOLVED,
    REJECTED,
    RESOLUTION_ACCEPT,
    RESOLUTION_KEEP_BOTH,
    RESOLUTION_MERGE,
    RESOLUTION_USE_OTHER,
)

# What a manager may pick for each type of conflict (the first is the usual suggestion).
ALLOWED_RESOLUTIONS: dict[str, tuple[str, ...]] = {
    CONFLICT_PRICE_MISMATCH: (RESOLUTION_ACCEPT,),
    CONFLICT_FIELD_OVERWRITTEN: (RESOLUTION_ACCEPT, RESOLUTION_USE_OTHER),
    CONFLICT_CLOCK_AHEAD: (RESOLUTION_ACCEPT,),
    CONFLICT_DUPLICATE_CUSTOMER: (RESOLUTION_MERGE, RESOLUTION_KEEP_BOTH),
}


class ConnectionState(StrEnum):
    NOT_ENROLLED = "not_enrolled"
    ONLINE = "online"
    OFFLINE = "offline"
    REFUSED = "refused"


@dataclass(frozen=True)
class SyncStatus:
    state: ConnectionState
    server_url: str | None
    pending: int
    oldest_pending_at: datetime | None
    parked: int
    last_sync_at: datetime | None
    last_error: str | None
    open_conflicts: int


@dataclass(frozen=True)
class ConflictRow:
    id: str
    type: str
    status: str  # open / resolving / resolved
    entity: str
    entity_id: str
    details: dict[str, Any]
    suggestion: str
    resolution: str | None
    created_at: datetime


class ResolveNeedsManager(UserError):
    en = "Only a manager or the owner may resolve sync conflicts."
    zh = "只有店长或老板可以处理同步冲突。"


class UnknownConflict(UserError):
    en = "No sync conflict has the id {conflict_id}."
    zh = "没有 id 为 {conflict_id} 的同步冲突。"


class ConflictNotOpen(UserError):
    en = "This conflict is already {status}."
    zh = "该冲突已处于“{status}”状态。"


_PENDING = select(func.count(), func.min(OutboxOperation.occurred_at)).where(
    OutboxOperation.pushed_at.is_(None)
)
_PARKED = select(func.count()).where(OutboxOperation.result == REJECTED)
_OPEN = select(func.count()).where(SyncConflict.status == CONFLICT_OPEN)


def _row(conflict: SyncConflict) -> ConflictRow:
    return ConflictRow(
        conflict.id,
        conflict.type,
        conflict.status,
        conflict.entity,
        conflict.entity_id,
        dict(conflict.details or {}),
        conflict.suggestion,
        conflict.resolution,
        conflict.created_at,
    )


class SyncService(CounterService):
    def status(self) -> SyncStatus:
        with self._db.read() as session:
            pending, oldest = session.execute(_PENDING).one()
            parked = session.execute(_PARKED).scalar_one()
            open_conflicts = session.execute(_OPEN).scalar_one()
            state = session.get(SyncState, 1)
        connection = ConnectionState.NOT_ENROLLED
        if state is not None and state.server_url and state.store_id:
            connection = ConnectionState(state.connection)
        return SyncStatus(
            state=connection,
            server_url=state.server_url if state else None,
            pending=int(pending),
            oldest_pending_at=oldest,
            parked=int(parked),
            last_sync_at=state.last_sync_at if state else None,
            last_error=state.last_error if state else None,
            open_conflicts=int(open_conflicts),
        )

    def enrollment(self) -> Enrollment | None:
        """The server and store this counter is enrolled with, or None."""
        with self._db.read() as session:
            return enrollment(session)

    def record_attempt(self, state: ConnectionState, error: str | None) -> None:
        """After a round: how it went, for the status bar; last_sync_at only when it worked."""
        now = self._clock.now()
        with self._db.write() as session:
            row = sync_state(session)
            row.connection = state.value
            row.last_attempt_at = now
            row.last_error = error
            if error is None:
                row.last_sync_at = now

    def conflicts(self, open_only: bool = True) -> list[ConflictRow]:
        query = select(SyncConflict).order_by(SyncConflict.created_at.desc(), SyncConflict.id)
        if open_only:
            query = query.where(SyncConflict.status == CONFLICT_OPEN)
        with self._db.read() as session:
            return [_row(c) for c in session.scalars(query)]

    def resolve(self, conflict_id: str, resolution: str, actor_id: str) -> None:
        """Queue the manager's decision; the row shows "resolving" until the server confirms."""
        now = self._clock.now()
        with self._db.write() as session:
            actor = session.get(Staff, actor_id)
            if actor is None or not actor.active or not Role(actor.role).approves:
                raise ResolveNeedsManager()
            conflict = session.get(SyncConflict, conflict_id)
            if conflict is None:
                raise UnknownConflict(conflict_id=conflict_id)
            if conflict.status != CONFLICT_OPEN:
                raise ConflictNotOpen(status=conflict.status)
            allowed = ALLOWED_RESOLUTIONS.get(conflict.type, (RESOLUTION_ACCEPT,))
            if resolution not in allowed:
                raise InvalidChoice(text=resolution, choices=" / ".join(allowed))
            session.execute(
                update(SyncConflict)
                .where(SyncConflict.id == conflict_id)
                .values(status=RESOLVING, resolution=resolution, resolved_by=actor_id)
            )
            payload = {
                "conflict_id": conflict_id,
                "resolution": resolution,
                "resolved_by": actor_id,
            }
            self._journal().record(
                session,
                now,
                AuditRecord(
                    actor_id,
                    CONFLICT_RESOLVED,
                    "sync_conflict",
                    conflict_id,
                    before={"status": CONFLICT_OPEN},
                    after={"status": RESOLVING, "resolution": resolution},
                ),
                (CONFLICT_RESOLVED, payload),
            )
