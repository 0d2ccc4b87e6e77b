"""Voids and refunds of completed tickets, each approved by a manager's or owner's PIN."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from salon_pos.db.audit import AuditRecord
from salon_pos.db.models import Refund, RefundLine, Ticket, TicketLine
from salon_pos.domain.errors import (
    ManagerPinRequired,
    NothingToRefund,
    RefundTooLarge,
    TicketHasRefunds,
    TicketNotCompleted,
    UnknownTicket,
)
from salon_pos.domain.ids import new_id
from salon_pos.domain.ticket import TenderKind, TicketStatus, refund_share
from salon_pos.services.journal import Journal
from salon_pos.services.staff import StaffMember, find_approver
from sync.protocol import SALE_REFUNDED, SALE_VOIDED


def _completed_ticket(session: Session, ticket_id: str) -> Ticket:
    ticket = session.get(Ticket, ticket_id)
    if ticket is None:
        raise UnknownTicket(ticket=ticket_id)
    if ticket.status != TicketStatus.COMPLETED:
        status = TicketStatus(ticket.status)
        raise TicketNotCompleted(
            ticket=ticket.number, status_en=status.value, status_zh=status.label_zh
        )
    return ticket


def _approver(session: Session, pin: str, action_zh: str) -> StaffMember:
    if not pin:
        raise ManagerPinRequired(action=action_zh)
    return find_approver(session, pin)


def _refunded_so_far(session: Session, ticket_id: str) -> dict[str, tuple[int, int]]:
    """ticket line id → (units refunded, fen refunded)."""
    rows = session.execute(
        select(
            RefundLine.ticket_line_id, func.sum(RefundLine.quantity), func.sum(RefundLine.amount)
        )
        .join(Refund, Refund.id == RefundLine.refund_id)
        .where(Refund.ticket_id == ticket_id)
        .group_by(RefundLine.ticket_line_id)
    )
    return {line_id: (int(units), int(amount)) for line_id, units, amount in rows}


def record_void(
    session: Session,
    journal: Journal,
    at: datetime,
    ticket_id: str,
    approver_pin: str,
    reason: str,
    actor_id: str,
) -> None:
    ticket = _completed_ticket(session, ticket_id)
    if _refunded_so_far(session, ticket_id):
        raise TicketHasRefunds(ticket=ticket.number)
    approver = _approver(session, approver_pin, "作废单据")
    session.execute(
        update(Ticket)
        .where(Ticket.id == ticket_id)
        .values(
            status=TicketStatus.VOIDED.value,
            voided_at=at,
            voided_by=approver.id,
            void_reason=reason,
        )
    )
    facts = {
        "ticket_id": ticket_id,
        "number": ticket.number,
        "approved_by": approver.id,
        "reason": reason,
        "voided_at": at.isoformat(),
        "total": ticket.total,
    }
    journal.record(
        session,
        at,
        AuditRecord(
            actor_id,
            "sale.voided",
            "ticket",
            ticket_id,
            before={"status": TicketStatus.COMPLETED.value},
            after=facts,
        ),
        (SALE_VOIDED, facts),
    )


def record_refund(
    session: Session,
    journal: Journal,
    at: datetime,
    day: date,
    ticket_id: str,
    quantities: Mapping[str, int],
    approver_pin: str,
    reason: str,
    actor_id: str,
    tender_kind: TenderKind,
) -> int:
    wanted = {line_id: units for line_id, units in quantities.items() if units}
    if not wanted or any(units < 0 for units in wanted.values()):
        raise NothingToRefund()
    ticket = _completed_ticket(session, ticket_id)
    lines = {
        line.id: line
        for line in session.scalars(select(TicketLine).where(TicketLine.ticket_id == ticket_id))
    }
    so_far = _refunded_so_far(session, ticket_id)
    refund_lines: list[dict[str, Any]] = []
    for line_id, units in wanted.items():
        line = lines.get(line_id)
        if line is None:
            raise NothingToRefund()
        done_units, done_amount = so_far.get(line_id, (0, 0))
        if units > line.quantity - done_units:
            raise RefundTooLarge(
                ticket=ticket.number,
                line=line.position,
                left=line.quantity - done_units,
                asked=units,
            )
        amount = refund_share(line.net_total, line.quantity, done_units, done_amount, units)
        refund_lines.append({"ticket_line_id": line_id, "quantity": units, "amount": amount})
        so_far[line_id] = (done_units + units, done_amount + amount)
    approver = _approver(session, approver_pin, "退款")
    amount = sum(r["amount"] for r in refund_lines)
    refund: dict[str, Any] = {
        "id": new_id(),
        "ticket_id": ticket_id,
        "refunded_at": at,
        "business_day": day,
        "cashier_id": actor_id,
        "approved_by": approver.id,
        "reason": reason,
        "tender_kind": tender_kind.value,
        "amount": amount,
    }
    session.execute(insert(Refund).values(refund))
    session.execute(insert(RefundLine), [r | {"refund_id": refund["id"]} for r in refund_lines])
    fully = all(so_far.get(line.id, (0, 0))[0] == line.quantity for line in lines.values())
    if fully:
        session.execute(
            update(Ticket).where(Ticket.id == ticket_id).values(status=TicketStatus.REFUNDED.value)
        )
    facts = refund | {"number": ticket.number, "lines": refund_lines, "ticket_refunded": fully}
    journal.record(
        session,
        at,
        AuditRecord(actor_id, "sale.refunded", "ticket", ticket_id, after=facts),
        (SALE_REFUNDED, facts),
    )
    return amount
