"""What the commission statement reads from the counter's tables, as the domain's facts
(salon_pos.domain.commission_figures): every line of the tickets sold, voided or refunded in a
period, each line's refunds and its ticket's void in the order they happened, and what paid
each ticket besides money (stored value with its principal part, package sessions by line).
Read-only; one short read transaction."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select, union
from sqlalchemy.orm import Session

from salon_pos.db.models import (
    BalanceEntry,
    PackageCard,
    Payment,
    Refund,
    RefundLine,
    Staff,
    Ticket,
    TicketLine,
)
from salon_pos.domain.commission_figures import (
    CommissionFacts,
    SessionSpent,
    TakeBack,
    TicketMoney,
)
from salon_pos.domain.report_periods import Period
from salon_pos.domain.ticket import TenderKind, TicketStatus
from salon_pos.services.report_data import lines_where


def _tickets_concerned(period: Period) -> Any:
    """Tickets sold in the period, voided in it, or with a refund in it: a subquery, so each
    read below is one statement (IN lists of 500 ids cost more in building than in SQLite)."""
    inside = (period.first, period.last)
    sold = select(Ticket.id).where(
        Ticket.business_day.between(*inside), Ticket.status != TicketStatus.OPEN.value
    )
    voided = select(Ticket.id).where(
        Ticket.status == TicketStatus.VOIDED.value, Ticket.void_business_day.between(*inside)
    )
    refunded = select(Refund.ticket_id).where(Refund.business_day.between(*inside))
    return union(sold, voided, refunded)


Timed = dict[str, list[tuple[datetime, TakeBack]]]


def _take_backs(connection: Connection, tickets: Any) -> tuple[Timed, Timed]:
    """Line id → its refunds, and ticket id → its void, each with when it happened."""
    refunds: Timed = defaultdict(list)
    voids: Timed = defaultdict(list)
    rows = connection.execute(
        select(RefundLine.ticket_line_id, Refund.refunded_at, Refund.business_day,
               RefundLine.quantity, RefundLine.amount)
        .join(Refund, Refund.id == RefundLine.refund_id)
        .where(Refund.ticket_id.in_(tickets))
    )  # fmt: skip
    for line_id, at, day, quantity, amount in rows:
        refunds[line_id].append((at, TakeBack(day, "refund", quantity, amount)))
    voided = connection.execute(
        select(Ticket.id, Ticket.voided_at, Ticket.void_business_day).where(
            Ticket.id.in_(tickets), Ticket.status == TicketStatus.VOIDED.value
        )
    )
    for ticket_id, voided_at, void_day in voided:
        if void_day is not None and voided_at is not None:  # as the reports: no day, none
            voids[ticket_id].append((voided_at, TakeBack(void_day, "void")))
    return refunds, voids


def _stored_value(connection: Connection, tickets: Any) -> tuple[dict[str, int], dict[str, int]]:
    """Ticket id → stored value that paid it; ticket id → the principal part of that."""
    paid = dict(
        connection.execute(
            select(Payment.ticket_id, func.sum(Payment.applied))
            .where(Payment.ticket_id.in_(tickets), Payment.kind == TenderKind.STORED_VALUE.value)
            .group_by(Payment.ticket_id)
        ).all()
    )
    principal: dict[str, int] = dict(
        connection.execute(  # type: ignore[arg-type]
            select(BalanceEntry.ticket_id, -func.sum(BalanceEntry.amount))
            .where(
                BalanceEntry.ticket_id.in_(tickets),
                BalanceEntry.account == "principal",
                BalanceEntry.reason == "spend",
                BalanceEntry.line_id.is_(None),
            )
            .group_by(BalanceEntry.ticket_id)
        ).all()
    )
    return paid, principal


def _sessions(connection: Connection, tickets: Any) -> dict[str, list[SessionSpent]]:
    """Ticket id → the package sessions that paid its lines, with their cards' prices."""
    rows = connection.execute(
        select(BalanceEntry.ticket_id, BalanceEntry.line_id, -BalanceEntry.amount,
               PackageCard.price, PackageCard.sessions)
        .join(PackageCard, PackageCard.id == BalanceEntry.card_id, isouter=True)
        .where(
            BalanceEntry.ticket_id.in_(tickets),
            BalanceEntry.account == "sessions",
            BalanceEntry.reason == "spend",
            BalanceEntry.line_id.is_not(None),
        )
    )  # fmt: skip
    found: dict[str, list[SessionSpent]] = defaultdict(list)
    for ticket_id, line_id, sessions, price, card_sessions in rows:
        if ticket_id is None or line_id is None:
            continue
        found[ticket_id].append(SessionSpent(line_id, sessions, price or 0, card_sessions or 0))
    return found


def _money(connection: Connection, tickets: Any) -> dict[str, TicketMoney]:
    paid, principal = _stored_value(connection, tickets)
    sessions = _sessions(connection, tickets)
    return {
        ticket_id: TicketMoney(
            int(paid.get(ticket_id) or 0),
            int(principal.get(ticket_id) or 0),
            tuple(sessions.get(ticket_id, ())),
        )
        for ticket_id in set(paid) | set(sessions)
    }


def read_commission_facts(session: Session, period: Period) -> CommissionFacts:
    connection = session.connection()
    tickets = _tickets_concerned(period)
    lines = lines_where(session, TicketLine.ticket_id.in_(tickets))
    refunds, voids = _take_backs(connection, tickets)
    take_backs = {
        line.id: [
            back
            for _, back in sorted(
                [*refunds.get(line.id, ()), *voids.get(line.ticket_id, ())], key=lambda t: t[0]
            )
        ]
        for line in lines.values()
    }
    numbers = dict(
        connection.execute(select(Ticket.id, Ticket.number).where(Ticket.id.in_(tickets))).all()
    )
    return CommissionFacts(lines, take_backs, _money(connection, tickets), numbers)


def staff_roles(session: Session) -> dict[str, tuple[str, str, bool]]:
    """Staff id → (name, role, active)."""
    return {
        staff_id: (name, role, bool(active))
        for staff_id, name, role, active in session.execute(
            select(Staff.id, Staff.name, Staff.role, Staff.active)
        )
    }
