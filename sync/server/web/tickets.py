"""One ticket as the owner reads it: its lines with who did them, its tenders, and what was
taken back (a void, refunds) with who approved it and why. From the ticket's row, its sale as
recorded (payload) and its refunds; names from the store's staff and customers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, select

from sync.server import models
from sync.server.db import load_json

TICKET = models.table_of(models.Ticket)
REFUND = models.table_of(models.Refund)
STAFF = models.table_of(models.StaffMember)
CUSTOMER = models.table_of(models.Customer)


@dataclass(frozen=True)
class Line:
    name: str
    quantity: int
    unit_price: int
    line_discount: int
    net_total: int
    technician: str


@dataclass(frozen=True)
class Tender:
    kind: str
    amount: int


@dataclass(frozen=True)
class RefundRow:
    refunded_at: datetime
    business_day: date
    amount: int
    approved_by: str
    reason: str
    tenders: list[Tender]


@dataclass(frozen=True)
class TicketDetail:
    id: str
    number: str
    status: str
    business_day: date
    completed_at: datetime
    cashier: str
    customer: str
    subtotal: int
    line_discounts: int
    ticket_discount: int
    rounding_off: int
    total: int
    discount_approved_by: str
    lines: list[Line]
    tenders: list[Tender]
    voided_at: datetime | None
    voided_by: str
    void_reason: str
    refunds: list[RefundRow]


def ticket_detail(connection: Connection, store_id: str, ticket_id: str) -> TicketDetail | None:
    row = connection.execute(
        select(TICKET).where(TICKET.c.id == ticket_id, TICKET.c.store_id == store_id)
    ).first()
    if row is None:
        return None
    sale: dict[str, Any] = load_json(row.payload)
    refunds = connection.execute(
        select(REFUND.c.refunded_at, REFUND.c.business_day, REFUND.c.amount, REFUND.c.payload)
        .where(REFUND.c.ticket_id == ticket_id)
        .order_by(REFUND.c.refunded_at)
    ).all()
    given = [(r, load_json(r.payload)) for r in refunds]
    people = {row.cashier_id, row.voided_by, sale.get("discount_approved_by")}
    people |= {line.get("technician_id") for line in sale.get("lines", [])}
    people |= {payload.get("approved_by") for _, payload in given}
    names = _staff_names(connection, store_id, {p for p in people if p})
    return TicketDetail(
        id=row.id,
        number=row.number,
        status=row.status,
        business_day=row.business_day,
        completed_at=row.completed_at,
        cashier=names.get(row.cashier_id, ""),
        customer=_customer_name(connection, store_id, row.customer_id),
        subtotal=int(sale.get("subtotal", row.total)),
        line_discounts=int(sale.get("line_discounts", 0)),
        ticket_discount=int(sale.get("ticket_discount", 0)),
        rounding_off=int(sale.get("rounding_off", 0)),
        total=row.total,
        discount_approved_by=names.get(sale.get("discount_approved_by") or "", ""),
        lines=[_line(line, names) for line in sale.get("lines", [])],
        tenders=[Tender(p["kind"], int(p["applied"])) for p in sale.get("payments", [])],
        voided_at=row.voided_at,
        voided_by=names.get(row.voided_by or "", ""),
        void_reason=row.void_reason or "",
        refunds=[_refund(r, payload, names) for r, payload in given],
    )


def _line(line: dict[str, Any], names: dict[str, str]) -> Line:
    return Line(
        name=line["name"],
        quantity=int(line["quantity"]),
        unit_price=int(line["unit_price"]),
        line_discount=int(line.get("line_discount", 0)),
        net_total=int(line.get("net_total", line["total"])),
        technician=names.get(line.get("technician_id") or "", ""),
    )


def _refund(row: Any, payload: dict[str, Any], names: dict[str, str]) -> RefundRow:
    return RefundRow(
        refunded_at=row.refunded_at,
        business_day=row.business_day,
        amount=int(row.amount),
        approved_by=names.get(payload.get("approved_by") or "", ""),
        reason=payload.get("reason", ""),
        tenders=[Tender(t["kind"], int(t["amount"])) for t in payload.get("tenders", [])],
    )


def _staff_names(connection: Connection, store_id: str, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    rows = connection.execute(
        select(STAFF.c.id, STAFF.c.name).where(STAFF.c.id.in_(ids), STAFF.c.store_id == store_id)
    )
    return {staff_id: name for staff_id, name in rows}


def _customer_name(connection: Connection, store_id: str, customer_id: str | None) -> str:
    if not customer_id:
        return ""
    name = connection.execute(
        select(CUSTOMER.c.name).where(CUSTOMER.c.id == customer_id, CUSTOMER.c.store_id == store_id)
    ).scalar()
    return str(name or "")
