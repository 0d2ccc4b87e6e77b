"""Conflicts at the counter: the payload of conflict.resolved, and applying pulled conflicts
(sync/operations/conflicts.py declares them)."""

from __future__ import annotations

from sqlalchemy import insert, update
from sqlalchemy.orm import Session

from salon_pos.db.models import SyncConflict
from salon_pos.services.sync_ops.registry import applies, builds
from salon_pos.services.sync_state import RESOLVING
from sync.operations.conflicts import (
    CHANGE_CONFLICT,
    CONFLICT_RESOLVED,
    ConflictData,
    ConflictResolved,
)
from sync.protocol import CONFLICT_OPEN
from sync.wire import Change


@builds(CONFLICT_RESOLVED)
def conflict_resolved(
    conflict_id: str, resolution: str, resolved_by: str, note: str = ""
) -> ConflictResolved:
    return ConflictResolved(
        conflict_id=conflict_id,
        resolution=resolution,  # type: ignore[arg-type]  # checked against the kind's list
        resolved_by=resolved_by,
        note=note,
    )


@applies(CHANGE_CONFLICT)
def conflict(session: Session, change: Change) -> None:
    data = ConflictData.model_validate(change.data)
    values = data.model_dump()
    existing = session.get(SyncConflict, data.id)
    if existing is None:
        session.execute(insert(SyncConflict).values(values))
        return
    if existing.status == RESOLVING and data.status == CONFLICT_OPEN:
        return  # resolved here; the server has not applied the resolution yet
    session.execute(update(SyncConflict).where(SyncConflict.id == data.id).values(values))
