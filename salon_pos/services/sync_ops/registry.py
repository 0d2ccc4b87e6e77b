"""The counter's half of each operation family: builders that make an operation's payload from
the counter's records (as the family's typed model) and appliers of pulled changes. Each family
module (salon_pos/services/sync_ops/<family>.py) registers its own with `@builds` / `@applies`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.operations import CHANGES, OPERATIONS
from sync.wire import Change

Applier = Callable[[Session, Change], None]
# Inserts the records of a run of changes that this counter does not have yet, together, and
# answers the changes it left to the applier (see `inserts_new`).
Inserter = Callable[[Session, Sequence[Change]], list[Change]]
B = TypeVar("B", bound=Callable[..., Any])
A = TypeVar("A", bound=Applier)
N = TypeVar("N", bound=Inserter)

BUILDERS: dict[str, Callable[..., Any]] = {}
APPLIERS: dict[str, Applier] = {}
INSERTERS: dict[str, Inserter] = {}
IDS_PER_QUERY = 900  # under SQLite's oldest limit of 999 bound parameters


class ChangeNotApplicable(Exception):
    """A pulled change this counter cannot apply (yet): something it refers to is missing, or
    it clashes with a record here. It is parked and tried again on every pull; never a bug."""


F = TypeVar("F", bound=Callable[..., Any])


def _registrar(table: dict[str, Any], key: str, declared: Any, what: str) -> Callable[[F], F]:
    """A decorator that files a function under `key`, once, for a key sync.operations declares."""
    if key not in declared:
        raise KeyError(f"{key} is not declared in sync.operations")

    def register(function: F) -> F:
        if key in table:
            raise ValueError(f"{key} has two {what}")
        table[key] = function
        return function

    return register


def builds(op_type: str) -> Callable[[B], B]:
    """Register the payload builder of `op_type` (it returns the type's current model)."""
    return _registrar(BUILDERS, op_type, OPERATIONS, "builders")


def applies(entity: str) -> Callable[[A], A]:
    """Register how this counter applies a pulled change of `entity`."""
    return _registrar(APPLIERS, entity, CHANGES, "appliers")


def inserts_new(entity: str) -> Callable[[N], N]:
    """Register a faster path for `entity`'s changes in bulk (a counter's first pull brings a
    store's whole history): the inserter writes the records this counter does not have, as the
    applier would, with a few statements for all of them, and answers the changes it left
    (records here already, or changed twice in the run) for the applier, one by one. A change
    fault raised by it sends the whole run to the applier."""
    return _registrar(INSERTERS, entity, CHANGES, "inserters")


def present_ids(session: Session, id_column: Any, ids: Iterable[str]) -> set[str]:
    """Which of these ids the column's table holds."""
    wanted, found = sorted(set(ids)), set[str]()
    for start in range(0, len(wanted), IDS_PER_QUERY):
        chunk = wanted[start : start + IDS_PER_QUERY]
        found.update(session.scalars(select(id_column).where(id_column.in_(chunk))))
    return found


def new_once(session: Session, id_column: Any, changes: Sequence[Change]) -> list[Change]:
    """The changes of records this counter does not have that the run changes only once."""
    seen: dict[str, int] = {}
    for change in changes:
        seen[change.entity_id] = seen.get(change.entity_id, 0) + 1
    here = present_ids(session, id_column, seen)
    return [c for c in changes if seen[c.entity_id] == 1 and c.entity_id not in here]
