"""The counter's half of each operation family: builders that make an operation's payload from
the counter's records (as the family's typed model) and appliers of pulled changes. Each family
module (salon_pos/services/sync_ops/<family>.py) registers its own with `@builds` / `@applies`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from sync.operations import CHANGES, OPERATIONS
from sync.wire import Change

Applier = Callable[[Session, Change], None]
B = TypeVar("B", bound=Callable[..., Any])
A = TypeVar("A", bound=Applier)

BUILDERS: dict[str, Callable[..., Any]] = {}
APPLIERS: dict[str, Applier] = {}


class ChangeNotApplicable(Exception):
    """A pulled change this counter cannot apply (yet): something it refers to is missing, or
    it clashes with a record here. It is parked and tried again on every pull; never a bug."""


def builds(op_type: str) -> Callable[[B], B]:
    """Register the payload builder of `op_type` (it returns the type's current model)."""
    if op_type not in OPERATIONS:
        raise KeyError(f"{op_type} is not declared in sync.operations")

    def register(builder: B) -> B:
        if op_type in BUILDERS:
            raise ValueError(f"{op_type} has two builders")
        BUILDERS[op_type] = builder
        return builder

    return register


def applies(entity: str) -> Callable[[A], A]:
    """Register how this counter applies a pulled change of `entity`."""
    if entity not in CHANGES:
        raise KeyError(f"{entity} is not declared in sync.operations")

    def register(applier: A) -> A:
        if entity in APPLIERS:
            raise ValueError(f"{entity} has two appliers")
        APPLIERS[entity] = applier
        return applier

    return register
