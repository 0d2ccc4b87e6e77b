"""Every synced operation, change-feed entity and conflict kind, declared once per family:
sales, customers, setup, members, conflicts, patch_tests, bookings, attendance, day_close,
drawer, inventory (docs/sync.md, "Adding an operation"). The server's handlers
(sync/server/handlers/<family>.py) and the counter's builders and appliers
(salon_pos/services/sync_ops/<family>.py) register against
these; tests/contract checks that every part is there."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import BaseModel

from sync.messages import Both
from sync.operations import (
    attendance,
    bookings,
    conflicts,
    customers,
    day_close,
    drawer,
    inventory,
    members,
    patch_tests,
    sales,
    setup,
)
from sync.operations.kinds import ChangeKind, ConflictKind, Family, OperationKind
from sync.protocol import RESOLUTION_ACCEPT

FAMILIES: tuple[Family, ...] = (
    sales.FAMILY,
    customers.FAMILY,
    setup.FAMILY,
    members.FAMILY,
    conflicts.FAMILY,
    patch_tests.FAMILY,
    bookings.FAMILY,
    attendance.FAMILY,
    day_close.FAMILY,
    drawer.FAMILY,
    inventory.FAMILY,
)


class Registry:
    """The declarations by name; a test may build one from other families."""

    def __init__(self, families: Iterable[Family]) -> None:
        self.families = tuple(families)
        self.operations: dict[str, OperationKind] = {}
        self.changes: dict[str, ChangeKind] = {}
        self.conflicts: dict[str, ConflictKind] = {}
        self._by_model: dict[type[BaseModel], OperationKind] = {}
        for family in self.families:
            for op in family.operations:
                _add(self.operations, op.name, op)
                self._by_model[op.model] = op
            for change in family.changes:
                _add(self.changes, change.entity, change)
            for conflict in family.conflicts:
                _add(self.conflicts, conflict.name, conflict)

    def operation_of(self, payload: BaseModel) -> OperationKind:
        """The operation a payload of the current version is the payload of."""
        return self._by_model[type(payload)]

    def resolutions_of(self, conflict_type: str) -> tuple[str, ...]:
        """What a manager may pick for a conflict of this type (its usual suggestion first);
        "accept" alone for a type this side does not know (a newer server's)."""
        kind = self.conflicts.get(conflict_type)
        return kind.resolutions if kind else (RESOLUTION_ACCEPT,)

    def needs_note(self, conflict_type: str, resolution: str) -> bool:
        kind = self.conflicts.get(conflict_type)
        return kind is not None and resolution in kind.noted

    def takes_notes(self, conflict_type: str) -> bool:
        kind = self.conflicts.get(conflict_type)
        return kind is not None and bool(kind.noted)

    def resolution_name(self, resolution: str, conflict_type: str, language: str) -> str:
        kind = self.conflicts.get(conflict_type)
        special = kind.resolution_words.get(resolution) if kind else None
        words = special or conflicts.RESOLUTION_WORDS.get(resolution)
        return words.text(language) if words else resolution


def _add(table: dict[str, Any], name: str, item: Any) -> None:
    if name in table:
        raise ValueError(f"{name} is declared twice")
    table[name] = item


REGISTRY = Registry(FAMILIES)
OPERATIONS: Mapping[str, OperationKind] = REGISTRY.operations
CHANGES: Mapping[str, ChangeKind] = REGISTRY.changes
# What a joining counter pulls in the background, after what it needs to sell.
HISTORY: tuple[str, ...] = tuple(sorted(e for e, kind in CHANGES.items() if kind.history))
CONFLICTS: Mapping[str, ConflictKind] = REGISTRY.conflicts

__all__ = [
    "CHANGES",
    "CONFLICTS",
    "FAMILIES",
    "HISTORY",
    "OPERATIONS",
    "REGISTRY",
    "Both",
    "Registry",
]
