"""What a drawer session holds, read from the counter's tables: the cash of the sales made at
its counter while it was open, the cash that counter handed back (voids and refunds), and the
cash moved in and out (docs/drawer.md). A session's window takes in both its ends. Pulled
tickets of other counters never count: only a ticket's own counter (`device_id`), a void's
(`void_device_id`) and a refund's (`refund.device_id`) do."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, func, select

from salon_pos.db.models import (
    DrawerMovement,
    DrawerSession,
    Payment,
    Refund,
    RefundTender,
    Ticket,
)
from salon_pos.domain.drawer import DrawerFigures, MoveKind, moved

CASH = "cash"


@dataclass(frozen=True)
class OutsideCash:
    """Cash a counter took or handed back on a business day while it had no drawer session
    open: the day close lists it apart ("taken outside a drawer session")."""

    taken: int = 0  # sales in cash, and cash moved in
    handed_back: int = 0  # voids and refunds in cash, and cash moved out
    tickets: tuple[str, ...] = ()  # the numbers of the tickets concerned

    @property
    def net(self) -> int:
        return self.taken - self.handed_back


def _cash_sold(connection: Connection, *where: Any) -> int:
    query = (
        select(func.coalesce(func.sum(Payment.applied), 0))
        .join(Ticket, Ticket.id == Payment.ticket_id)
        .where(Payment.kind == CASH, *where)
    )
    return int(connection.execute(query).scalar_one())


def figures_of(connection: Connection, session: DrawerSession, until: datetime) -> DrawerFigures:
    """The session's figures from what this counter holds, from its opening to `until`."""
    device, since = session.device_id, session.opened_at
    sales = _cash_sold(
        connection,
        Ticket.device_id == device,
        Ticket.completed_at >= since,
        Ticket.completed_at <= until,
    )
    voids = _cash_sold(
        connection,
        Ticket.void_device_id == device,
        Ticket.voided_at >= since,
        Ticket.voided_at <= until,
    )
    refunds = connection.execute(
        select(func.coalesce(func.sum(RefundTender.amount), 0))
        .join(Refund, Refund.id == RefundTender.refund_id)
        .where(
            RefundTender.kind == CASH,
            Refund.device_id == device,
            Refund.refunded_at >= since,
            Refund.refunded_at <= until,
        )
    ).scalar_one()
    moves = connection.execute(
        select(DrawerMovement.kind, DrawerMovement.amount).where(
            DrawerMovement.session_id == session.id
        )
    ).all()
    moved_in, moved_out = moved((MoveKind(kind), amount) for kind, amount in moves)
    return DrawerFigures(session.opening_float, sales, voids + int(refunds), moved_in, moved_out)


def stored_figures(session: DrawerSession) -> DrawerFigures:
    """A closed session's figures as the closing counter worked them out."""
    return DrawerFigures(
        session.opening_float,
        session.cash_sales or 0,
        session.cash_back or 0,
        session.moved_in or 0,
        session.moved_out or 0,
    )


def _cash_by_ticket(
    connection: Connection, at: Any, *where: Any
) -> list[tuple[str, datetime | None, int]]:
    """Per ticket: its number, the moment `at`, and the cash it applied."""
    rows = connection.execute(
        select(Ticket.number, at, func.sum(Payment.applied))
        .join(Ticket, Ticket.id == Payment.ticket_id)
        .where(Payment.kind == CASH, *where)
        .group_by(Ticket.id)
    )
    return [(number, moment, int(amount)) for number, moment, amount in rows]


def outside_sessions(connection: Connection, day: date, device_id: str) -> OutsideCash:
    """The cash of a counter's business day that no session of its took in."""
    windows = [
        (opened, closed)
        for opened, closed in connection.execute(
            select(DrawerSession.opened_at, DrawerSession.closed_at).where(
                DrawerSession.device_id == device_id,
                DrawerSession.business_day >= day - timedelta(days=1),
                DrawerSession.business_day <= day + timedelta(days=1),
            )
        )
    ]

    def outside(at: datetime) -> bool:
        return not any(
            opened <= at and (closed is None or at <= closed) for opened, closed in windows
        )

    sold = _cash_by_ticket(
        connection, Ticket.completed_at, Ticket.device_id == device_id, Ticket.business_day == day
    )
    voided = _cash_by_ticket(
        connection,
        Ticket.voided_at,
        Ticket.void_device_id == device_id,
        Ticket.void_business_day == day,
    )
    refunded = connection.execute(
        select(Ticket.number, Refund.refunded_at, func.sum(RefundTender.amount))
        .join(Refund, Refund.id == RefundTender.refund_id)
        .join(Ticket, Ticket.id == Refund.ticket_id)
        .where(RefundTender.kind == CASH, Refund.device_id == device_id, Refund.business_day == day)
        .group_by(Refund.id)
    ).all()
    moves = connection.execute(
        select(DrawerMovement.kind, DrawerMovement.amount).where(
            DrawerMovement.device_id == device_id,
            DrawerMovement.session_id.is_(None),
            DrawerMovement.business_day == day,
        )
    ).all()
    moved_in, moved_out = moved((MoveKind(kind), amount) for kind, amount in moves)
    taken = [(n, a) for n, at, a in sold if at is not None and outside(at)]
    back = [(n, int(a)) for n, at, a in [*voided, *refunded] if at is not None and outside(at)]
    numbers = sorted({n for n, _ in [*taken, *back]})
    return OutsideCash(
        sum(a for _, a in taken) + moved_in, sum(a for _, a in back) + moved_out, tuple(numbers)
    )
