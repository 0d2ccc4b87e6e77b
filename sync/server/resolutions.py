"""A conflict resolved at the server (the owner's web console): the very `conflict.resolved`
handler a counter's decision goes through (handlers/conflicts.py), run in a transaction holding
the store's lock (master_data.store_writer), so the change feed carries the decision and what it
merged or restored to every counter of the store."""

from __future__ import annotations

from sqlalchemy import Engine, select

from sync.operations import REGISTRY
from sync.operations.conflicts import CONFLICT_RESOLVED
from sync.protocol import CONFLICT_RESOLVED_STATUS
from sync.server import models
from sync.server.admin import AdminError
from sync.server.config import utc_now
from sync.server.handlers.registry import run_at_server
from sync.server.master_data import Clock, store_writer

CONFLICT = models.table_of(models.Conflict)


class AlreadyResolved(Exception):
    """Someone decided first (at a counter, or in another browser): that decision stands."""


class NoteNeeded(Exception):
    """An overdraft written off without a reason: the store bears it, so someone says why."""


def needs_note(conflict_type: str, resolution: str) -> bool:
    return REGISTRY.needs_note(conflict_type, resolution)


def resolve_conflict(
    engine: Engine,
    store_id: str,
    conflict_id: str,
    resolution: str,
    resolved_by: str,
    clock: Clock = utc_now,
    note: str = "",
) -> None:
    """Close an open conflict of the store with `resolution` (one its kind offers, or accept),
    decided by `resolved_by` (a web account's id), with the manager's `note` (kept in the
    conflict's details; an overdraft's settling entry carries it too). AdminError: not the
    store's, or a resolution the kind does not offer; AlreadyResolved: decided before;
    NoteNeeded: a write-off without a reason. Nothing is written on any of them."""
    note = note.strip()
    payload = {"conflict_id": conflict_id, "resolution": resolution, "resolved_by": resolved_by}
    with store_writer(engine, store_id, clock) as writer:
        found = writer.connection.execute(
            select(CONFLICT.c.status, CONFLICT.c.type).where(
                CONFLICT.c.id == conflict_id, CONFLICT.c.store_id == store_id
            )
        ).first()
        if found is None:
            raise AdminError(f"no conflict {conflict_id} in store {store_id}")
        if found.status == CONFLICT_RESOLVED_STATUS:
            raise AlreadyResolved(conflict_id)
        if needs_note(found.type, resolution) and not note:
            raise NoteNeeded(conflict_id)
        payload |= {"note": note} if note else {}
        run_at_server(writer, CONFLICT_RESOLVED, payload, resolved_by)
