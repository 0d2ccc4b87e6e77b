"""conflict.resolved: close a conflict; merge or restore as new changes, never editing history."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update

from sync.operations import CONFLICTS
from sync.operations.conflicts import CHANGE_CONFLICT, CONFLICT_RESOLVED, ConflictResolved
from sync.operations.inventory import CONFLICT_NEGATIVE_STOCK, RESOLUTION_FOUND
from sync.operations.members import CONFLICT_OVERDRAFT
from sync.operations.setup import CONFLICT_DUPLICATE_STAFF
from sync.protocol import (
    CONFLICT_RESOLVED_STATUS,
    RESOLUTION_ACCEPT,
    RESOLUTION_COLLECT,
    RESOLUTION_MERGE,
    RESOLUTION_USE_OTHER,
    RESOLUTION_WRITE_OFF,
)
from sync.server import models
from sync.server.batch import Rejected, conflict_data
from sync.server.context import OpContext, same_store
from sync.server.db import dump_json, load_json
from sync.server.handlers.customers import (
    CUSTOMER,
    HISTORY,
    history,
    load_customer,
    save_customer,
    server_stamp,
    stored,
)
from sync.server.handlers.inventory import MOVEMENT, settle_negative_stock
from sync.server.handlers.members import BALANCE, settle_overdraft
from sync.server.handlers.registry import handles
from sync.server.handlers.setup import STAFF, merge_staff

CONFLICT = models.table_of(models.Conflict)
# An overdraft collected or written off: the entry's reason.
_SETTLED = {RESOLUTION_COLLECT: "collect", RESOLUTION_WRITE_OFF: "write_off"}


@handles(
    CONFLICT_RESOLVED, reads=True, writes=(CONFLICT, CUSTOMER, HISTORY, STAFF, BALANCE, MOVEMENT)
)
def conflict_resolved(ctx: OpContext, resolved: ConflictResolved) -> list[str]:
    found = ctx.connection.execute(select(CONFLICT).where(CONFLICT.c.id == resolved.conflict_id))
    row = found.mappings().first()
    same_store(ctx, None if row is None else row["store_id"], "conflict")
    assert row is not None
    conflict = dict(row)
    if conflict["status"] == CONFLICT_RESOLVED_STATUS:
        return []  # resolved before (perhaps at another counter): the first decision stands
    kind = CONFLICTS.get(conflict["type"])
    allowed = kind.resolutions if kind else ()
    if resolved.resolution != RESOLUTION_ACCEPT and resolved.resolution not in allowed:
        # "accept" (keep what happened) closes any conflict, also one of a kind this server
        # no longer declares; anything else must be one the kind offers.
        raise Rejected(f"{resolved.resolution} does not resolve a {conflict['type']} conflict")
    details: dict[str, Any] = load_json(conflict["details"])
    if resolved.resolution == RESOLUTION_MERGE and conflict["type"] == CONFLICT_DUPLICATE_STAFF:
        _retire_newer_staff(ctx, details)
    elif resolved.resolution == RESOLUTION_MERGE:
        _merge(ctx, details)
    elif resolved.resolution == RESOLUTION_USE_OTHER:
        _restore_loser(ctx, details)
    elif conflict["type"] == CONFLICT_OVERDRAFT and resolved.resolution in _SETTLED:
        settle_overdraft(ctx, details, _SETTLED[resolved.resolution], resolved.note)
    elif conflict["type"] == CONFLICT_NEGATIVE_STOCK and resolved.resolution == RESOLUTION_FOUND:
        by = None if ctx.at_server else resolved.resolved_by  # a web account is no staff member
        settle_negative_stock(ctx, details, conflict["id"], resolved.note, by)
    closed = {
        "status": CONFLICT_RESOLVED_STATUS,
        "resolution": resolved.resolution,
        "resolved_by": resolved.resolved_by,
        "resolved_at": ctx.now,
    }
    if resolved.note:  # the manager's words (a write-off's reason), kept with the decision
        details["resolution_note"] = resolved.note[:500]
        closed["details"] = dump_json(details)
    ctx.connection.execute(update(CONFLICT).where(CONFLICT.c.id == conflict["id"]).values(closed))
    conflict.update(closed)
    ctx.writer.change(CHANGE_CONFLICT, conflict["id"], conflict_data(conflict), ctx.device_id)
    return []


def _merge(ctx: OpContext, details: dict[str, Any]) -> None:
    """The newer customer is folded into the older: marked merged, its notes carried over."""
    ctx.cache.phone_holders.clear()  # the newer one no longer holds its phone
    newer = load_customer(ctx, details["customer_id"])
    older = load_customer(ctx, details["other_customer_id"])
    notes = older["notes"]
    if newer["notes"] and newer["notes"] not in notes:
        notes = f"{notes}\n{newer['notes']}" if notes else newer["notes"]
    save_customer(ctx, older, {"notes": notes})
    save_customer(ctx, newer, {"merged_into": older["id"]})


def _retire_newer_staff(ctx: OpContext, details: dict[str, Any]) -> None:
    """Two records of one person: the newer is deactivated (its tickets keep its name)."""
    found = ctx.connection.execute(select(STAFF).where(STAFF.c.id == details["staff_id"]))
    row = found.mappings().first()
    same_store(ctx, None if row is None else row["store_id"], "staff member")
    assert row is not None
    merge_staff(ctx.writer, dict(row), {"active": False}, ("active",), "", ctx.device_id)


def _restore_loser(ctx: OpContext, details: dict[str, Any]) -> None:
    """use_other: the losing value comes back as a new edit with a new server stamp."""
    field, value = details["field"], details["loser"]["value"]
    customer = load_customer(ctx, details["customer_id"])
    stamps: dict[str, str] = load_json(customer["stamps"])
    stamp = server_stamp(ctx, max(stamps.values(), default=""))
    stamps[field] = stamp
    history(ctx, customer["id"], field, value, stamp, lost=False)
    save_customer(ctx, customer, {field: stored(field, value), "stamps": dump_json(stamps)})
