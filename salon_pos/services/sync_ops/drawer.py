"""Cash drawer sessions at the counter: the payloads of drawer.opened, drawer.cash_moved and
drawer.closed, and applying the sessions and movements pulled from the server (sync/operations/
drawer.py declares them). A pulled session is this counter's own coming back or another
counter's: it is added once, its movements once each, and its close once; a session closed
here is never reopened by an older change."""

from __future__ import annotations

from typing import Any

from sqlalchemy import update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from salon_pos.db.models import DrawerMovement, DrawerSession
from salon_pos.services.sync_ops.registry import applies, builds
from sync.operations.drawer import (
    CHANGE_DRAWER_MOVEMENT,
    CHANGE_DRAWER_SESSION,
    DRAWER_CASH_MOVED,
    DRAWER_CLOSED,
    DRAWER_OPENED,
    DrawerCashMoved,
    DrawerClosed,
    DrawerMovementData,
    DrawerOpened,
    DrawerSessionData,
)
from sync.wire import Change

Row = dict[str, Any]


@builds(DRAWER_OPENED)
def drawer_opened(row: Row) -> DrawerOpened:
    """`row`: the drawer_session row as written."""
    return DrawerOpened.model_validate(row)


@builds(DRAWER_CASH_MOVED)
def drawer_cash_moved(row: Row) -> DrawerCashMoved:
    """`row`: the drawer_movement row as written."""
    return DrawerCashMoved.model_validate(row)


@builds(DRAWER_CLOSED)
def drawer_closed(session_id: str, figures: Row) -> DrawerClosed:
    """`figures`: the close's fields (count, figures, who and why)."""
    return DrawerClosed.model_validate(figures | {"session_id": session_id})


def close_columns(closed: DrawerClosed) -> Row:
    """The drawer_session columns a close sets."""
    return {
        "closed_at": closed.closed_at,
        "closed_by": closed.closed_by,
        "counts": {str(denomination): n for denomination, n in closed.counts.items()},
        "counted": closed.counted,
        "expected": closed.expected,
        "variance": closed.variance,
        "cash_sales": closed.cash_sales,
        "cash_back": closed.cash_back,
        "moved_in": closed.moved_in,
        "moved_out": closed.moved_out,
        "blind": closed.blind,
        "close_reason": closed.reason,
        "close_approved_by": closed.approved_by,
        "first_counted": closed.first_counted,
    }


def movement_row(moved: DrawerCashMoved, device_id: str | None) -> Row:
    return moved.model_dump() | {"device_id": device_id}


@applies(CHANGE_DRAWER_SESSION)
def drawer_session(session: Session, change: Change) -> None:
    data = DrawerSessionData.model_validate(change.data)
    held = session.get(DrawerSession, data.id)
    if held is None:
        opened = data.model_dump(include=set(DrawerOpened.model_fields)) | {
            "device_id": data.device_id
        }
        session.execute(insert(DrawerSession).values(opened))
    changed: Row = {}
    if data.close is not None and (held is None or held.closed_at is None):
        changed |= close_columns(data.close)
    if data.server_expected is not None:
        changed["server_expected"] = data.server_expected
    if changed:
        where = DrawerSession.id == data.id
        session.execute(update(DrawerSession).where(where).values(changed))
    rows = [movement_row(m, m.device_id or data.device_id) for m in data.movements]
    if rows:
        session.execute(insert(DrawerMovement).on_conflict_do_nothing(), rows)


@applies(CHANGE_DRAWER_MOVEMENT)
def drawer_movement(session: Session, change: Change) -> None:
    data = DrawerMovementData.model_validate(change.data)
    row = movement_row(data, data.device_id or change.origin_device_id)
    session.execute(insert(DrawerMovement).values(row).on_conflict_do_nothing())
