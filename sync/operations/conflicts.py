"""Conflicts: the server records them by rule; a manager resolves one with `conflict.resolved`,
queued at the counter like any other operation."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Final, Literal

from pydantic import Field

from sync.messages import Both
from sync.operations.kinds import ChangeKind, Family, OperationKind
from sync.operations.payloads import Id, Lenient
from sync.protocol import (
    RESOLUTION_ACCEPT,
    RESOLUTION_KEEP_BOTH,
    RESOLUTION_MERGE,
    RESOLUTION_USE_OTHER,
)

CONFLICT_RESOLVED: Final = "conflict.resolved"
CHANGE_CONFLICT: Final = "conflict"


class ConflictResolved(Lenient):
    conflict_id: Id
    resolution: Literal[
        "accept",
        "merge",
        "keep_both",
        "use_other",
        "collect",
        "write_off",
        "carry",
        "record_found",  # negative_stock (sync/operations/inventory.py)
    ]
    resolved_by: Id = Field(description="the manager's staff id")
    note: str = ""


class ConflictData(Lenient):
    """A conflict in the change feed."""

    id: Id
    type: str
    status: str
    entity: str
    entity_id: Id
    op_ids: list[str] = Field(default_factory=list)
    details: dict[str, Any] = Field(default_factory=dict)
    suggestion: str = ""
    resolution: str | None = None
    resolved_by: Id | None = None
    created_at: datetime
    resolved_at: datetime | None = None


RESOLUTION_WORDS = {
    RESOLUTION_ACCEPT: Both("接受", "Accept"),
    RESOLUTION_USE_OTHER: Both("改用另一值", "Use the other value"),
    RESOLUTION_MERGE: Both("合并", "Merge"),
    RESOLUTION_KEEP_BOTH: Both("保留两位", "Keep both"),
}

FAMILY = Family(
    name="conflicts",
    operations=(
        OperationKind(CONFLICT_RESOLVED, {1: ConflictResolved}, changes=(CHANGE_CONFLICT,)),
    ),
    changes=(ChangeKind(CHANGE_CONFLICT, ConflictData),),
)
