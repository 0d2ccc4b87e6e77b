"""Voids and refunds of completed tickets. The approver's PIN is checked before the transaction
(see staff.verify_approver); here, inside it, the ticket's state and the amounts are checked."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from salon_pos.db.audit import AuditRecord
from salon_pos.db.models import (
    BalanceEntry,
    Payment,
    Refund,
    RefundLine,
    RefundTender,
    Staff,
    Ticket,
    TicketLine,
)
from salon_pos.domain.errors import (
    NothingToRefund,
    RefundTenderNotAvailable,
    RefundTooLarge,
    TicketHasRefunds,
    TicketNotCompleted,
    UnknownStaff,
    UnknownTicket,
)
from salon_pos.domain.ids import new_id
from salon_pos.domain.money import format_money
from salon_pos.domain.stock import MovementKind
from salon_pos.domain.ticket import LineKind, TenderKind, TicketStatus, refund_share
from salon_pos.services.journal import Journal
from salon_pos.services.member_ledger import (
    check_reversible,
    entries_of_ticket,
    refund_reversal,
    reversal,
    sessions_paid_back,
)
from salon_pos.services.staff import StaffMember
from salon_pos.services.stock_ledger import put_back


def _completed_ticket(session: Session, ticket_id: str, actor_id: str) -> Ticket:
    actor = session.get(Staff, actor_id)
    if actor is None or not actor.active:
        raise UnknownStaff(staff_id=actor_id)
    ticket = session.get(Ticket, ticket_id)
    if ticket is None:
        raise UnknownTicket(ticket=ticket_id)
    if ticket.status != TicketStatus.COMPLETED:
        status = TicketStatus(ticket.status)
        raise TicketNotCompleted(ticket=ticket.number, status=status.words)
    return ticket


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


def _paid_and_back(
    session: Session, ticket_id: str
) -> tuple[dict[TenderKind, int], dict[TenderKind, int]]:
    """Per tender, in the order paid: what it applied to the sale; and what went back by it."""
    paid: dict[TenderKind, int] = {}
    for payment in session.scalars(
        select(Payment).where(Payment.ticket_id == ticket_id).order_by(Payment.position)
    ):
        kind = TenderKind(payment.kind)
        paid[kind] = paid.get(kind, 0) + payment.applied
    refunded = session.execute(
        select(RefundTender.kind, func.sum(RefundTender.amount))
        .join(Refund, Refund.id == RefundTender.refund_id)
        .where(Refund.ticket_id == ticket_id)
        .group_by(RefundTender.kind)
    )
    return paid, {TenderKind(kind): int(amount) for kind, amount in refunded}


def _room_by_tender(session: Session, ticket_id: str) -> dict[TenderKind, int]:
    """Per tender, in the order paid: what it applied to the sale less what went back by it."""
    paid, back = _paid_and_back(session, ticket_id)
    return {kind: applied - back.get(kind, 0) for kind, applied in paid.items()}


def refund_tenders(
    session: Session, ticket_id: str, amount: int, asked: TenderKind | None
) -> list[tuple[TenderKind, int]]:
    """Money goes back the way it came, never more by a tender than it paid (no cash from the
    drawer for a sale paid by WeChat): all by `asked`, or across the tenders in the order paid.
    Not by package sessions: those go back with the lines they paid (sessions_paid_back)."""
    if amount == 0:
        return []
    room = _room_by_tender(session, ticket_id)
    room.pop(TenderKind.PACKAGE_SESSION, None)  # a session goes back only with its line
    if asked is not None:
        if amount > room.get(asked, 0):
            raise RefundTenderNotAvailable(
                left=format_money(room.get(asked, 0)),
                asked=format_money(amount),
                tender=asked.words,
            )
        return [(asked, amount)]
    parts, due = [], amount
    for kind, left in room.items():
        if due and left > 0:
            parts.append((kind, min(due, left)))
            due -= parts[-1][1]
    # Line refunds never exceed what the ticket cost, which is what its tenders paid.
    assert due == 0, "refund larger than the tenders of the sale"
    return parts


def record_void(
    session: Session,
    journal: Journal,
    at: datetime,
    day: date,
    ticket_id: str,
    approver: StaffMember,
    reason: str,
    actor_id: str,
) -> None:
    ticket = _completed_ticket(session, ticket_id, actor_id)
    if _refunded_so_far(session, ticket_id):
        raise TicketHasRefunds(ticket=ticket.number)
    session.execute(
        update(Ticket)
        .where(Ticket.id == ticket_id)
        .values(
            status=TicketStatus.VOIDED.value,
            voided_at=at,
            voided_by=approver.id,
            void_reason=reason,
            void_business_day=day,
            void_device_id=journal.device_id,
        )
    )
    from salon_pos.services.sync_ops import (
        sales as sale_ops,  # lazy: pydantic after the first paint
    )

    undone = reversal(entries_of_ticket(session, ticket_id), at)
    check_reversible(session.connection(), undone)
    if undone:
        session.execute(insert(BalanceEntry), undone)
    stock = put_back(
        session.connection(), ticket_id, ticket_id, MovementKind.VOID, at, day, journal.device_id
    )
    void = sale_ops.sale_voided(ticket, approver.id, reason, at, day, undone, stock)
    journal.record(
        session,
        at,
        AuditRecord(
            actor_id,
            "sale.voided",
            "ticket",
            ticket_id,
            before={"status": TicketStatus.COMPLETED.value},
            after=void.model_dump(mode="json"),
        ),
        void,
    )


def record_refund(
    session: Session,
    journal: Journal,
    at: datetime,
    day: date,
    ticket_id: str,
    quantities: Mapping[str, int],
    approver: StaffMember,
    reason: str,
    actor_id: str,
    tender_kind: TenderKind | None,
) -> int:
    wanted = {line_id: units for line_id, units in quantities.items() if units}
    if not wanted or any(type(units) is not int or units < 0 for units in wanted.values()):
        raise NothingToRefund()
    ticket = _completed_ticket(session, ticket_id, actor_id)
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
    amount = sum(r["amount"] for r in refund_lines)
    refund: dict[str, Any] = {
        "id": new_id(),
        "ticket_id": ticket_id,
        "refunded_at": at,
        "business_day": day,
        "cashier_id": actor_id,
        "approved_by": approver.id,
        "reason": reason,
        "amount": amount,
        "device_id": journal.device_id,
    }
    shares = {  # line → (units refunded before, after this refund, units sold)
        r["ticket_line_id"]: (
            so_far[r["ticket_line_id"]][0] - r["quantity"],
            so_far[r["ticket_line_id"]][0],
            lines[r["ticket_line_id"]].quantity,
        )
        for r in refund_lines
    }
    entries = entries_of_ticket(session, ticket_id)
    nets = {line_id: line.net_total for line_id, line in lines.items()}
    by_session = min(amount, sessions_paid_back(entries, shares, nets))
    parts = refund_tenders(session, ticket_id, amount - by_session, tender_kind)
    parts += [(TenderKind.PACKAGE_SESSION, by_session)] if by_session else []
    tenders = [
        {"refund_id": refund["id"], "position": position, "kind": kind.value, "amount": part}
        for position, (kind, part) in enumerate(parts, start=1)
    ]
    paid, back_before = _paid_and_back(session, ticket_id)
    by_card = {  # what went back by each member tender before this refund, and after it
        kind.value: (back_before.get(kind, 0), back_before.get(kind, 0) + part, paid[kind])
        for kind, part in ((TenderKind(t["kind"]), t["amount"]) for t in tenders)
        if kind in (TenderKind.STORED_VALUE, TenderKind.POINTS)
    }
    session.execute(insert(Refund).values(refund))
    session.execute(insert(RefundLine), [r | {"refund_id": refund["id"]} for r in refund_lines])
    if tenders:  # a refund of lines paid with points alone gives back points, no money
        session.execute(insert(RefundTender), tenders)
    fully = all(so_far.get(line.id, (0, 0))[0] == line.quantity for line in lines.values())
    if fully:
        session.execute(
            update(Ticket).where(Ticket.id == ticket_id).values(status=TicketStatus.REFUNDED.value)
        )
    from salon_pos.services.sync_ops import (
        sales as sale_ops,  # lazy: pydantic after the first paint
    )

    # Points were earned on the sale without its top-ups: a top-up refunded takes none back.
    top_ups = {i for i, line in lines.items() if line.kind == LineKind.STORED_VALUE}
    earning = sum(r["amount"] for r in refund_lines if r["ticket_line_id"] not in top_ups)
    earning_total = ticket.total - sum(lines[i].net_total for i in top_ups)
    earning_before = sum(done for i, (_, done) in so_far.items() if i not in top_ups) - earning
    undone = (
        refund_reversal(entries, at, shares, earning, earning_total, by_card, earning_before)
        if entries
        else []
    )
    check_reversible(session.connection(), undone)
    if undone:
        session.execute(insert(BalanceEntry), undone)
    products = {  # units refunded of product lines, of units sold: back on the shelf
        r["ticket_line_id"]: (r["quantity"], lines[r["ticket_line_id"]].quantity)
        for r in refund_lines
        if lines[r["ticket_line_id"]].kind == LineKind.PRODUCT
    }
    stock = put_back(
        session.connection(), ticket_id, refund["id"], MovementKind.REFUND, at, day,
        journal.device_id, products,
    ) if products else []  # fmt: skip
    payload = sale_ops.sale_refunded(
        refund, ticket.number, refund_lines, tenders, fully, undone, stock
    )
    journal.record(
        session,
        at,
        AuditRecord(
            actor_id, "sale.refunded", "ticket", ticket_id, after=payload.model_dump(mode="json")
        ),
        payload,
    )
    return amount
