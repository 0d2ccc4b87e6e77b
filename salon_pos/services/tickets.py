"""Reading tickets back: one ticket in full, or a list found by number, customer, phone or date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, aliased

from salon_pos.db.database import Database
from salon_pos.db.models import Customer, Payment, Refund, RefundLine, Staff, Ticket, TicketLine
from salon_pos.domain.errors import UnknownTicket
from salon_pos.domain.ticket import LineKind, TenderKind, TicketStatus


@dataclass(frozen=True)
class TicketLineView:
    id: str
    position: int
    kind: LineKind
    item_id: str
    name: str
    quantity: int
    list_price: int
    unit_price: int
    line_discount: int
    total: int
    net_total: int
    technician_id: str | None
    technician: str | None
    refunded_quantity: int


@dataclass(frozen=True)
class PaymentView:
    kind: TenderKind
    tendered: int
    applied: int
    reference: str


@dataclass(frozen=True)
class TicketSummary:
    id: str
    number: str
    status: TicketStatus
    business_day: date
    completed_at: datetime | None
    customer: str | None
    customer_phone: str | None
    cashier: str
    total: int
    refunded: int


@dataclass(frozen=True)
class TicketView:
    summary: TicketSummary
    customer_id: str | None
    cashier_id: str
    subtotal: int
    line_discounts: int
    ticket_discount: int
    rounding_off: int
    tendered: int
    change: int
    void_reason: str
    lines: tuple[TicketLineView, ...]
    payments: tuple[PaymentView, ...]


def _summaries() -> Select[Any]:
    cashier = aliased(Staff)
    refunded = (
        select(func.coalesce(func.sum(Refund.amount), 0))
        .where(Refund.ticket_id == Ticket.id)
        .scalar_subquery()
    )
    return (
        select(Ticket, Customer.name, Customer.phone, cashier.name, refunded)
        .join(cashier, cashier.id == Ticket.cashier_id)
        .outerjoin(Customer, Customer.id == Ticket.customer_id)
    )


def _summary(row) -> TicketSummary:  # type: ignore[no-untyped-def]
    ticket, customer, phone, cashier, refunded = row
    return TicketSummary(
        ticket.id,
        ticket.number,
        TicketStatus(ticket.status),
        ticket.business_day,
        ticket.completed_at,
        customer,
        phone,
        cashier,
        ticket.total,
        int(refunded),
    )


class TicketQueries:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, ticket_id_or_number: str) -> TicketView:
        with self._db.read() as session:
            key = ticket_id_or_number.strip()
            row = session.execute(
                _summaries().where(or_(Ticket.id == key, Ticket.number == key.upper()))
            ).first()
            if row is None:
                raise UnknownTicket(ticket=key)
            return self._view(session, row)

    def find(
        self,
        text: str = "",
        day_from: date | None = None,
        day_to: date | None = None,
        limit: int = 200,
    ) -> list[TicketSummary]:
        """Newest first. `text` matches a ticket number, a customer's name, or phone digits."""
        query = _summaries()
        if text.strip():
            needle = text.strip()
            query = query.where(
                or_(
                    Ticket.number.contains(needle.upper()),
                    Customer.name.contains(needle),
                    Customer.phone.contains(needle),
                )
            )
        if day_from:
            query = query.where(Ticket.business_day >= day_from)
        if day_to:
            query = query.where(Ticket.business_day <= day_to)
        query = query.order_by(Ticket.completed_at.desc(), Ticket.number.desc()).limit(limit)
        with self._db.read() as session:
            return [_summary(row) for row in session.execute(query)]

    @staticmethod
    def _view(session: Session, row) -> TicketView:  # type: ignore[no-untyped-def]
        ticket: Ticket = row[0]
        technician = aliased(Staff)
        refunded = (
            select(func.coalesce(func.sum(RefundLine.quantity), 0))
            .where(RefundLine.ticket_line_id == TicketLine.id)
            .scalar_subquery()
        )
        lines = session.execute(
            select(TicketLine, technician.name, refunded)
            .outerjoin(technician, technician.id == TicketLine.technician_id)
            .where(TicketLine.ticket_id == ticket.id)
            .order_by(TicketLine.position)
        )
        payments = session.scalars(
            select(Payment).where(Payment.ticket_id == ticket.id).order_by(Payment.position)
        )
        return TicketView(
            summary=_summary(row),
            customer_id=ticket.customer_id,
            cashier_id=ticket.cashier_id,
            subtotal=ticket.subtotal,
            line_discounts=ticket.line_discounts,
            ticket_discount=ticket.ticket_discount,
            rounding_off=ticket.rounding_off,
            tendered=ticket.tendered,
            change=ticket.change,
            void_reason=ticket.void_reason,
            lines=tuple(
                TicketLineView(
                    line.id,
                    line.position,
                    LineKind(line.kind),
                    line.item_id,
                    line.name,
                    line.quantity,
                    line.list_price,
                    line.unit_price,
                    line.line_discount,
                    line.total,
                    line.net_total,
                    line.technician_id,
                    tech_name,
                    int(units),
                )
                for line, tech_name, units in lines
            ),
            payments=tuple(
                PaymentView(TenderKind(p.kind), p.tendered, p.applied, p.reference)
                for p in payments
            ),
        )
