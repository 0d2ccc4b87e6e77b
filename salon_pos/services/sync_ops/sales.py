"""Sales at the counter: the payloads of sale.completed, sale.voided and sale.refunded, and
applying pulled tickets and refunds (sync/operations/sales.py declares them)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import insert, update
from sqlalchemy.orm import Session

from salon_pos.db.fast_insert import insert_rows
from salon_pos.db.models import (
    Payment,
    Refund,
    RefundLine,
    RefundTender,
    Ticket,
    TicketLine,
    TicketLineShare,
)
from salon_pos.services.sync_ops.registry import (
    ChangeNotApplicable,
    applies,
    builds,
    inserts_new,
    new_once,
    present_ids,
)
from sync.operations.inventory import StockMovementPayload
from sync.operations.members import BalanceEntryPayload
from sync.operations.sales import (
    CHANGE_REFUND,
    CHANGE_TICKET,
    SALE_COMPLETED,
    SALE_REFUNDED,
    SALE_VOIDED,
    RefundData,
    SaleCompletedV4,
    SaleRefundedV3,
    SaleVoidedV4,
    TicketData,
)
from sync.wire import Change

Row = dict[str, Any]


@builds(SALE_COMPLETED)
def sale_completed(
    ticket: Row,
    lines: list[Row],
    payments: list[Row],
    entries: Sequence[Row] = (),
    cards: Sequence[Row] = (),
    shares: Sequence[Row] = (),
    stock: Sequence[Row] = (),
) -> SaleCompletedV4:
    """The rows checkout wrote, as the payload: the ticket's (its discount's approver too),
    its lines with their technicians' shares, the member ledgers' and the stock ledger's."""
    if shares:
        by_line: dict[str, list[Row]] = {}
        for share in shares:
            by_line.setdefault(share["ticket_line_id"], []).append(share)
        lines = [line | {"shares": by_line.get(line["id"], [])} for line in lines]
    return SaleCompletedV4.model_validate(
        ticket
        | {
            "lines": lines,
            "payments": payments,
            "entries": entries,
            "cards": cards,
            "stock": stock,
        }
    )


@builds(SALE_VOIDED)
def sale_voided(
    ticket: Ticket,
    approved_by: str,
    reason: str,
    voided_at: datetime,
    day: date,
    entries: Sequence[Row] = (),
    stock: Sequence[Row] = (),
) -> SaleVoidedV4:
    return SaleVoidedV4(
        ticket_id=ticket.id,
        number=ticket.number,
        approved_by=approved_by,
        reason=reason,
        voided_at=voided_at,
        total=ticket.total,
        entries=[BalanceEntryPayload.model_validate(entry) for entry in entries],
        business_day=day,
        stock=[StockMovementPayload.model_validate(row) for row in stock],
    )


@builds(SALE_REFUNDED)
def sale_refunded(
    refund: Row,
    number: str,
    lines: list[Row],
    tenders: list[Row],
    ticket_refunded: bool,
    entries: Sequence[Row] = (),
    stock: Sequence[Row] = (),
) -> SaleRefundedV3:
    """The refund's row, its lines and tenders, its member entries and the stock it put back,
    as the counter wrote them."""
    return SaleRefundedV3.model_validate(
        refund
        | {
            "number": number,
            "lines": lines,
            "tenders": [{"kind": t["kind"], "amount": t["amount"]} for t in tenders],
            "ticket_refunded": ticket_refunded,
            "entries": entries,
            "stock": stock,
        }
    )


# A ticket's status only moves forward: a pulled "completed" never undoes a local void.
_STATUS_RANK = {"open": 0, "completed": 1, "voided": 2, "refunded": 2}


@applies(CHANGE_TICKET)
def ticket(session: Session, change: Change) -> None:
    data = TicketData.model_validate(change.data)
    existing = session.get(Ticket, change.entity_id)
    if existing is None:
        _insert_ticket(session, data)
        return
    if _STATUS_RANK.get(data.status, 0) <= _STATUS_RANK.get(existing.status, 0):
        return
    session.execute(
        update(Ticket)
        .where(Ticket.id == existing.id)
        .values(
            status=data.status,
            voided_at=data.voided_at or existing.voided_at,
            voided_by=data.voided_by or existing.voided_by,
            void_reason=data.void_reason or existing.void_reason,
            void_business_day=data.void_business_day or existing.void_business_day,
            void_device_id=data.void_device_id or existing.void_device_id,
        )
    )


_NOT_TICKET_COLUMNS = {"lines", "payments", "entries", "cards"}


def _line_rows(data: TicketData) -> tuple[list[Row], list[Row]]:
    """A pulled ticket's lines, and its lines' technicians' shares."""
    lines = [line.model_dump(exclude={"shares"}) for line in data.lines]
    shares = [
        {"ticket_line_id": line.id, **share.model_dump()}
        for line in data.lines
        for share in line.shares
    ]
    return lines, shares


@inserts_new(CHANGE_TICKET)
def new_tickets(session: Session, changes: Sequence[Change]) -> list[Change]:
    """What `ticket` does for tickets new here, for a run of them at once; a ticket whose
    number this counter holds for another ticket is left to `ticket` (which parks it)."""
    fresh = [(c, TicketData.model_validate(c.data)) for c in new_once(session, Ticket.id, changes)]
    held = present_ids(session, Ticket.number, [data.number for _, data in fresh])
    fresh = [(c, data) for c, data in fresh if data.number not in held]
    if len({data.number for _, data in fresh}) < len(fresh):
        return list(changes)  # two new tickets with one number: let `ticket` sort them out
    tickets: list[dict[str, Any]] = []
    lines: list[dict[str, Any]] = []
    shares: list[dict[str, Any]] = []
    payments: list[dict[str, Any]] = []
    for _, data in fresh:
        tickets.append(_ticket_row(data))
        ticket_lines, ticket_shares = _line_rows(data)
        lines.extend(ticket_lines)
        shares.extend(ticket_shares)
        payments.extend(p.model_dump() for p in data.payments)
    insert_rows(session, Ticket, tickets)
    insert_rows(session, TicketLine, lines)
    insert_rows(session, TicketLineShare, shares)
    insert_rows(session, Payment, payments)
    taken = {c.entity_id for c, _ in fresh}
    return [c for c in changes if c.entity_id not in taken]


def _ticket_row(data: TicketData) -> dict[str, Any]:
    return data.model_dump(exclude=_NOT_TICKET_COLUMNS) | {"void_reason": data.void_reason or ""}


def _insert_ticket(session: Session, data: TicketData) -> None:
    if session.query(Ticket.id).filter(Ticket.number == data.number).first() is not None:
        raise ChangeNotApplicable(f"ticket number {data.number} is held by another ticket here")
    session.execute(insert(Ticket).values(_ticket_row(data)))
    lines, shares = _line_rows(data)
    session.execute(insert(TicketLine), lines)
    if shares:
        session.execute(insert(TicketLineShare), shares)
    if data.payments:
        session.execute(insert(Payment), [p.model_dump() for p in data.payments])


@applies(CHANGE_REFUND)
def refund(session: Session, change: Change) -> None:
    data = RefundData.model_validate(change.data)
    if session.get(Refund, data.id) is not None:
        return
    if session.get(Ticket, data.ticket_id) is None:
        raise ChangeNotApplicable(f"refund {data.id} of a ticket this counter does not have")
    row = data.model_dump(include={"id", "ticket_id", "refunded_at", "business_day"})
    row |= data.model_dump(include={"cashier_id", "approved_by", "reason", "amount", "device_id"})
    session.execute(insert(Refund).values(row))
    lines = [line.model_dump() | {"refund_id": data.id} for line in data.lines]
    session.execute(insert(RefundLine), lines)
    tenders = [t.model_dump() | {"refund_id": data.id} for t in data.tenders]
    if tenders:
        session.execute(insert(RefundTender), tenders)
