"""drawer.opened, drawer.cash_moved, drawer.closed: a counter's cash drawer sessions, kept as
the counter recorded them and sent to every counter of the store (docs/drawer.md).

A session belongs to the counter that opened it: only that counter moves cash in it or closes
it (anything else is refused as unknown), so two counters never clash over one and nothing here
raises a conflict. A counter's operations arrive in the order it made them, so at a close the
server holds every sale, void and refund the counter made before it: the server works out the
expected cash again from its own rows and, when that differs from the counter's figure (an
operation of the counter's was parked, or a later void at another counter took a ticket's void
over), says so on the session. The counter's figure stays the close's: it is what the cashier
counted against."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, select, update

from salon_pos.domain.drawer import DrawerFigures, count_total, variance
from salon_pos.domain.errors import UserError
from sync.operations.drawer import (
    CHANGE_DRAWER_MOVEMENT,
    CHANGE_DRAWER_SESSION,
    DRAWER_CASH_MOVED,
    DRAWER_CLOSED,
    DRAWER_OPENED,
    MOVED_OUT,
    DrawerCashMoved,
    DrawerClosed,
    DrawerOpened,
)
from sync.server import models
from sync.server.batch import Rejected
from sync.server.context import OpContext, check_fen
from sync.server.db import dump_json, load_json
from sync.server.handlers.registry import handles
from sync.server.handlers.sales import PAYMENT, REFUND, TICKET

SESSION = models.table_of(models.DrawerSession)
MOVEMENT = models.table_of(models.DrawerMovement)
Row = dict[str, Any]


@handles(DRAWER_OPENED, reads=True, writes=(SESSION,))
def drawer_opened(ctx: OpContext, opened: DrawerOpened) -> list[str]:
    held = ctx.connection.execute(select(SESSION).where(SESSION.c.id == opened.id))
    row = held.mappings().first()
    if row is not None and row["op_id"] != ctx.op.id:
        raise Rejected(f"drawer session {opened.id} was already recorded by another operation")
    session: Row = dict(row) if row is not None else {
        **{column.name: None for column in SESSION.c},
        **opened.model_dump(),
        "store_id": ctx.store_id,
        "device_id": ctx.op.device_id,
        "op_id": ctx.op.id,
        "expected_differs": False,
    }  # fmt: skip
    if row is None:  # a re-run (deduplication off) adds nothing
        ctx.writer.add(SESSION, session)
    ctx.writer.change(CHANGE_DRAWER_SESSION, opened.id, session_data(ctx, session), ctx.device_id)
    return []


@handles(DRAWER_CASH_MOVED, reads=True, writes=(MOVEMENT,))
def drawer_cash_moved(ctx: OpContext, moved: DrawerCashMoved) -> list[str]:
    session = _own_session(ctx, moved.session_id) if moved.session_id else None
    held = ctx.connection.execute(select(MOVEMENT.c.op_id).where(MOVEMENT.c.id == moved.id))
    first = held.first()
    if first is not None and first[0] != ctx.op.id:
        raise Rejected(f"drawer movement {moved.id} was already recorded by another operation")
    data = moved.model_dump(mode="json") | {"device_id": ctx.op.device_id}
    row = {
        "id": moved.id,
        "store_id": ctx.store_id,
        "session_id": moved.session_id,
        "device_id": ctx.op.device_id,
        "op_id": ctx.op.id,
        "business_day": moved.business_day,
        "at": moved.at,
        "kind": moved.kind,
        "amount": moved.amount,
        "data": dump_json(data),
    }
    if first is None:
        ctx.writer.add(MOVEMENT, row)
    if session is None:
        ctx.writer.change(CHANGE_DRAWER_MOVEMENT, moved.id, data, ctx.device_id)
    else:
        extra = [row] if first is None else []
        sent = session_data(ctx, session, extra)
        ctx.writer.change(CHANGE_DRAWER_SESSION, session["id"], sent, ctx.device_id)
    return []


@handles(DRAWER_CLOSED, reads=True, writes=(SESSION,))
def drawer_closed(ctx: OpContext, closed: DrawerClosed) -> list[str]:
    session = _own_session(ctx, closed.session_id)
    if session["closed_at"] is not None and session["close_op_id"] != ctx.op.id:
        raise Rejected(f"drawer session {closed.session_id} was already closed")
    check_fen(closed.counted, closed.expected, closed.variance)
    try:
        counted = count_total(closed.counts)
    except UserError as error:  # a denomination the count does not take, a negative count
        raise Rejected(f"drawer count refused: {error}") from None
    figures = DrawerFigures(
        session["opening_float"], closed.cash_sales, closed.cash_back, closed.moved_in,
        closed.moved_out,
    )  # fmt: skip
    if counted != closed.counted or figures.expected != closed.expected:
        raise Rejected("the drawer close's figures do not add up")
    if variance(closed.counted, closed.expected) != closed.variance:
        raise Rejected("the drawer close's variance is not the count less the expected cash")
    ours = expected_here(ctx, session, closed.closed_at)
    changed = {
        "closed_at": closed.closed_at,
        "close_op_id": ctx.op.id,
        "close_received_at": session["close_received_at"] or ctx.now,
        "close": closed.model_dump_json(),
        "counted": closed.counted,
        "expected": closed.expected,
        "variance": closed.variance,
        "server_expected": ours,
        "expected_differs": ours != closed.expected,
    }
    where = SESSION.c.id == closed.session_id
    ctx.connection.execute(update(SESSION).where(where).values(changed))
    session.update(changed)
    sent = session_data(ctx, session)
    ctx.writer.change(CHANGE_DRAWER_SESSION, closed.session_id, sent, ctx.device_id)
    return []


def _own_session(ctx: OpContext, session_id: str) -> Row:
    """The session, which must be this counter's (the same words either way: a device learns
    nothing of other stores' or counters' sessions)."""
    found = ctx.connection.execute(select(SESSION).where(SESSION.c.id == session_id))
    row = found.mappings().first()
    if row is None or row["store_id"] != ctx.store_id or row["device_id"] != ctx.op.device_id:
        raise Rejected("unknown drawer session")
    return dict(row)


def session_data(ctx: OpContext, session: Row, extra: list[Row] | None = None) -> Row:
    """A session as the change feed sends it: as opened, its movements, its close."""
    rows = ctx.connection.execute(
        select(MOVEMENT.c.data)
        .where(MOVEMENT.c.session_id == session["id"])
        .order_by(MOVEMENT.c.at, MOVEMENT.c.id)
    ).scalars()
    movements = [load_json(text) for text in rows] + [load_json(r["data"]) for r in extra or []]
    close = load_json(session["close"]) if session["close"] else None
    return {
        "id": session["id"],
        "business_day": _iso(session["business_day"]),
        "opened_at": _iso(session["opened_at"]),
        "opened_by": session["opened_by"],
        "opening_float": session["opening_float"],
        "device_id": session["device_id"],
        "movements": movements,
        "close": close,
        "server_expected": session["server_expected"] if session["expected_differs"] else None,
    }


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def expected_here(ctx: OpContext, session: Row, closed_at: datetime) -> int:
    """The session's expected cash from the server's own rows: the cash of the sales made at
    the session's counter while it was open, less the cash of the voids and refunds made
    there, plus what was moved in, less what was moved out."""
    device, since = session["device_id"], session["opened_at"]
    connection = ctx.connection

    def within(moment: Any) -> Any:  # both ends in, as at the counter (drawer_figures.py)
        return and_(moment >= since, moment <= closed_at)

    sold = (
        select(func.coalesce(func.sum(PAYMENT.c.applied), 0))
        .join(TICKET, TICKET.c.id == PAYMENT.c.ticket_id)
        .where(PAYMENT.c.kind == "cash", TICKET.c.store_id == ctx.store_id)
    )
    here = TICKET.c.device_id == device
    sales = connection.execute(sold.where(here, within(TICKET.c.completed_at))).scalar_one()
    back_here = TICKET.c.void_device_id == device
    voids = connection.execute(sold.where(back_here, within(TICKET.c.voided_at))).scalar_one()
    refunds = connection.execute(
        select(REFUND.c.payload).where(
            REFUND.c.store_id == ctx.store_id,
            REFUND.c.device_id == device,
            within(REFUND.c.refunded_at),
        )
    ).scalars()
    refunded = sum(
        t["amount"] for text in refunds for t in load_json(text)["tenders"] if t["kind"] == "cash"
    )
    moves = connection.execute(
        select(MOVEMENT.c.kind, func.sum(MOVEMENT.c.amount))
        .where(MOVEMENT.c.session_id == session["id"])
        .group_by(MOVEMENT.c.kind)
    ).all()
    moved_in = sum(int(amount) for kind, amount in moves if kind not in MOVED_OUT)
    moved_out = sum(int(amount) for kind, amount in moves if kind in MOVED_OUT)
    figures = DrawerFigures(
        session["opening_float"], int(sales), int(voids) + refunded, moved_in, moved_out
    )
    return figures.expected
