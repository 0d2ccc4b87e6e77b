"""Reading tickets back: one ticket in full, or a list found by number, customer, phone or date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    bindparam,
    func,
    or_,
    select,
    union_all,
)

from salon_pos.db.database import Database
from salon_pos.db.models import Customer, Payment, Refund, RefundLine, Staff, Ticket, TicketLine
from salon_pos.domain.errors import UnknownTicket
from salon_pos.domain.ticket import LineKind, TenderKind, TicketStatus
from salon_pos.services.customers import CustomerService


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


# Statements built once, in Core (no ORM objects: a list of 500 is read in about 10 ms).
_CASHIER = Staff.__table__.alias("cashier")
_TECHNICIAN = Staff.__table__.alias("technician")
_REFUNDED = (
    select(func.coalesce(func.sum(Refund.amount), 0))
    .where(Refund.ticket_id == Ticket.id)
    .scalar_subquery()
)
_SUMMARY_COLUMNS = (
    Ticket.id,
    Ticket.number,
    Ticket.status,
    Ticket.business_day,
    Ticket.completed_at,
    Customer.name,
    Customer.phone,
    _CASHIER.c.name,
    Ticket.total,
    _REFUNDED,
)
_SUMMARIES = (
    select(*_SUMMARY_COLUMNS)
    .join(_CASHIER, _CASHIER.c.id == Ticket.cashier_id)
    .outerjoin(Customer, Customer.id == Ticket.customer_id)
)
_NEWEST_FIRST = (Ticket.completed_at.desc(), Ticket.number.desc())
_ONE = (
    _SUMMARIES.add_columns(
        Ticket.customer_id,
        Ticket.cashier_id,
        Ticket.subtotal,
        Ticket.line_discounts,
        Ticket.ticket_discount,
        Ticket.rounding_off,
        Ticket.tendered,
        Ticket.change,
        Ticket.void_reason,
    )
    .where(or_(Ticket.id == bindparam("key"), Ticket.number == bindparam("number")))
    .limit(1)
)
_REFUNDED_UNITS = (
    select(func.coalesce(func.sum(RefundLine.quantity), 0))
    .where(RefundLine.ticket_line_id == TicketLine.id)
    .scalar_subquery()
)
_LINES = (
    select(
        TicketLine.id,
        TicketLine.position,
        TicketLine.kind,
        TicketLine.item_id,
        TicketLine.name,
        TicketLine.quantity,
        TicketLine.list_price,
        TicketLine.unit_price,
        TicketLine.line_discount,
        TicketLine.total,
        TicketLine.net_total,
        TicketLine.technician_id,
        _TECHNICIAN.c.name,
        _REFUNDED_UNITS,
    )
    .outerjoin(_TECHNICIAN, _TECHNICIAN.c.id == TicketLine.technician_id)
    .where(TicketLine.ticket_id == bindparam("ticket_id"))
    .order_by(TicketLine.position)
)
_PAYMENTS = (
    select(Payment.kind, Payment.tendered, Payment.applied, Payment.reference)
    .where(Payment.ticket_id == bindparam("ticket_id"))
    .order_by(Payment.position)
)
_SHARING_PREFIX = select(func.count()).select_from(
    select(Ticket.number)
    .where(Ticket.number >= bindparam("lo"), Ticket.number < bindparam("hi"))
    .limit(bindparam("many"))
    .subquery()
)
_FIRST_NUMBER_AFTER = select(func.min(Ticket.number)).where(Ticket.number > bindparam("after"))

DAY_SLACK = 2  # a business day lies within two days of its UTC date, whatever the zone and cut-over
CUSTOMER_MATCHES = 1000  # customers a search looks at; a broader name is narrowed by typing
MANY = 2000  # tickets sharing a number prefix, past which the list is read in time order
_NUMBER_DIGITS = re.compile(r"(?:([A-Z0-9]+)-)?(\d{1,7})")


def _utc(day: date, days: int) -> datetime:
    """Midnight UTC `days` after `day`: bounds completed_at so its index does the range."""
    return datetime.combine(day + timedelta(days=days), time(0), UTC)


def _next_prefix(prefix: str) -> str:
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _prefixes(connection: Connection) -> list[str]:
    """The counters' ticket prefixes (A1, B2…): a few index seeks, not a scan of the tickets."""
    found: list[str] = []
    after = ""
    while number := connection.scalar(_FIRST_NUMBER_AFTER, {"after": after}):
        found.append(number.rsplit("-", 1)[0])
        after = found[-1] + "."  # "." sorts right after "-": past every number of this prefix
    return found


def _summary(row: Any) -> TicketSummary:
    return TicketSummary(
        row[0],
        row[1],
        TicketStatus(row[2]),
        row[3],
        row[4],
        row[5],
        row[6],
        row[7],
        row[8],
        int(row[9]),
    )


def _line(row: Any) -> TicketLineView:
    line_id, position, kind, item_id, name, quantity, *prices, technician_id, technician, units = (
        row
    )
    list_price, unit_price, line_discount, total, net_total = prices
    return TicketLineView(
        line_id,
        position,
        LineKind(kind),
        item_id,
        name,
        quantity,
        list_price,
        unit_price,
        line_discount,
        total,
        net_total,
        technician_id,
        technician,
        int(units),
    )


def _view(
    row: Any, lines: tuple[TicketLineView, ...], payments: tuple[PaymentView, ...]
) -> TicketView:
    customer_id, cashier_id, subtotal, line_discounts, ticket_discount, *rest = row[10:]
    rounding_off, tendered, change, void_reason = rest
    return TicketView(
        _summary(row),
        customer_id,
        cashier_id,
        subtotal,
        line_discounts,
        ticket_discount,
        rounding_off,
        tendered,
        change,
        void_reason,
        lines,
        payments,
    )


class TicketQueries:
    def __init__(self, db: Database, customers: CustomerService | None = None) -> None:
        self._db = db
        self._customers = customers  # how a search finds customers; None: numbers only

    def latest_business_day(self) -> date | None:
        """The newest business day a sale here belongs to (None: no sales yet)."""
        with self._db.read() as session:
            return session.scalar(select(func.max(Ticket.business_day)))

    def get(self, ticket_id_or_number: str) -> TicketView:
        key = ticket_id_or_number.strip()
        with self._db.read_connection() as connection:
            row = connection.execute(_ONE, {"key": key, "number": key.upper()}).first()
            if row is None:
                raise UnknownTicket(ticket=key)
            ids = {"ticket_id": row[0]}
            lines = tuple(_line(line) for line in connection.execute(_LINES, ids))
            payments = tuple(
                PaymentView(TenderKind(kind), tendered, applied, reference)
                for kind, tendered, applied, reference in connection.execute(_PAYMENTS, ids)
            )
        return _view(row, lines, payments)

    def find(
        self,
        text: str = "",
        day_from: date | None = None,
        day_to: date | None = None,
        limit: int = 200,
    ) -> list[TicketSummary]:
        """Newest first. `text` matches the start of a ticket number (or its digits: "123" finds
        A1-000123), or a customer as the customer search finds them (name, pinyin, phone digits).
        Each condition is an index lookup; only the rows shown are read (docs/tickets-screen.md)."""
        query: Select[Any] = _SUMMARIES
        if day_from:
            query = query.where(
                Ticket.business_day >= day_from, Ticket.completed_at >= _utc(day_from, -DAY_SLACK)
            )
        if day_to:
            query = query.where(
                Ticket.business_day <= day_to, Ticket.completed_at < _utc(day_to, DAY_SLACK + 1)
            )
        query = query.order_by(*_NEWEST_FIRST).limit(limit)
        with self._db.read_connection() as connection:
            if text.strip():
                query = query.where(self._matching(connection, text.strip()))
            return [_summary(row) for row in connection.execute(query)]

    def _matching(self, connection: Connection, text: str) -> ColumnElement[bool]:
        """The tickets `text` may mean. Each part is an indexed lookup of their ids, except a
        number prefix that many tickets share ("A1-0"): that one is checked on each ticket as
        the list is read newest first, which finds the page's worth soon."""
        number = text.upper()
        # A renumbered ticket (a counter put back from a backup) is found by the number its
        # receipt shows, too.
        others: list[Select[Any]] = [select(Ticket.id).where(Ticket.original_number == number)]
        if found := _NUMBER_DIGITS.fullmatch(number):
            prefixes = [found[1]] if found[1] else _prefixes(connection)
            numbers = [f"{prefix}-{int(found[2]):06d}" for prefix in prefixes]
            others.append(select(Ticket.id).where(Ticket.number.in_(numbers)))
            others.append(select(Ticket.id).where(Ticket.original_number.in_(numbers)))
        if self._customers is not None:
            ids = [c.id for c in self._customers.search(text, limit=CUSTOMER_MATCHES)]
            others.append(select(Ticket.id).where(Ticket.customer_id.in_(ids)))
        lo, hi = number, _next_prefix(number)
        if (connection.scalar(_SHARING_PREFIX, {"lo": lo, "hi": hi, "many": MANY}) or 0) < MANY:
            prefixed = select(Ticket.id).where(Ticket.number >= lo, Ticket.number < hi)
            return Ticket.id.in_(union_all(prefixed, *others))
        # substr() keeps the planner off the number index: the list's own order is faster here
        starts = func.substr(Ticket.number, 1, len(number)) == number
        return or_(starts, Ticket.id.in_(union_all(*others))) if others else starts
