"""What the reports read from the counter's tables, as the domain's facts: the lines sold in a
period (their category as sold, 点钟, the technicians' shares) and the voids and refunds that
took some back in it (each on its own business day) (salon_pos.domain.sales_figures),
visits, completed bookings. Read-only; one short read transaction per report."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, not_, select
from sqlalchemy.orm import Session

from salon_pos.db.models import (
    Booking,
    Customer,
    Product,
    Refund,
    RefundLine,
    Staff,
    Ticket,
    TicketLine,
    TicketLineShare,
)
from salon_pos.domain.bookings import BookingStatus
from salon_pos.domain.business_day import business_day
from salon_pos.domain.report_periods import Period
from salon_pos.domain.sales_figures import Movement, SoldLine, refund, sale, void
from salon_pos.domain.shares import WHOLE_SHARE
from salon_pos.domain.ticket import LineKind, TicketStatus

CHUNK = 500  # ids per IN (...): SQLite's limit on bound parameters is far above it


@dataclass(frozen=True)
class StoreTime:
    """The store's time zone and cut-over hour: when a business day starts, and which day a
    moment belongs to."""

    time_zone: str
    cutover_hour: int

    def day_of(self, moment: datetime) -> date:
        return business_day(moment, self.time_zone, self.cutover_hour)

    def start_of(self, day: date) -> datetime:
        local = datetime.combine(day, time(self.cutover_hour), ZoneInfo(self.time_zone))
        return local.astimezone(ZoneInfo("UTC"))


def _line_query() -> Any:
    return select(
        TicketLine.id,
        TicketLine.ticket_id,
        Ticket.business_day,
        TicketLine.kind,
        TicketLine.item_id,
        TicketLine.name,
        TicketLine.category,  # as sold
        TicketLine.quantity,
        TicketLine.net_total,
        Ticket.customer_id,
        TicketLine.technician_id,
        TicketLine.requested,
        Ticket.status,
    ).join(Ticket, Ticket.id == TicketLine.ticket_id)


Shares = dict[str, tuple[tuple[str, int], ...]]
_LINE_KINDS = {kind.value: kind for kind in LineKind}  # a dict: LineKind(…) a line was slower


def _sold_line(row: Any, shares: Shares) -> SoldLine:
    line_id, ticket_id, day, kind, item_id, name, category, quantity, net, customer, tech = row[:11]
    whole = ((tech, WHOLE_SHARE),) if tech else ()
    return SoldLine(
        line_id, ticket_id, day, _LINE_KINDS[kind], item_id, name, category, quantity, net,
        customer,
        shares.get(line_id, whole), bool(row[11]), tech,
    )  # fmt: skip


def lines_where(session: Session, where: Any) -> dict[str, SoldLine]:
    """Line id → the line as sold, with its shares, of every line `where` picks (a condition
    on ticket_line and its ticket, e.g. the ids of a subquery: one statement however many)."""
    connection = session.connection()  # plain rows: the ORM's row handling doubled the time
    found: dict[str, list[tuple[str, int]]] = {}
    for line_id, staff_id, share in connection.execute(
        select(TicketLineShare.ticket_line_id, TicketLineShare.staff_id, TicketLineShare.share)
        .join(TicketLine, TicketLine.id == TicketLineShare.ticket_line_id)
        .join(Ticket, Ticket.id == TicketLine.ticket_id)
        .where(where)
        .order_by(TicketLineShare.ticket_line_id, TicketLineShare.staff_id)
    ):
        found.setdefault(line_id, []).append((staff_id, share))
    shares = {line_id: tuple(parts) for line_id, parts in found.items()}
    return {
        row[0]: _sold_line(row, shares) for row in connection.execute(_line_query().where(where))
    }


def chunks(ids: Sequence[str]) -> Iterable[Sequence[str]]:
    """Ids in pieces of CHUNK, for an IN (...) of a list the caller holds."""
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


@dataclass(frozen=True)
class SalesFacts:
    movements: list[Movement]
    voided_tickets: frozenset[str]  # of the tickets sold in the period, those voided since


def read_movements(session: Session, period: Period) -> SalesFacts:
    """The period's sales, the voids made in it and the refunds made in it, as movements."""
    inside = (period.first, period.last)
    sold_in = and_(Ticket.business_day.between(*inside), Ticket.status != TicketStatus.OPEN.value)
    is_void = Ticket.status == TicketStatus.VOIDED.value
    voided_in = and_(is_void, Ticket.void_business_day.between(*inside))
    refunded_in = Refund.business_day.between(*inside)
    connection = session.connection()
    lines = lines_where(session, sold_in)
    movements = [sale(line) for line in lines.values()]
    voided = frozenset(connection.scalars(select(Ticket.id).where(sold_in, is_void)))
    voids = {
        ticket_id: day
        for ticket_id, day in connection.execute(
            select(Ticket.id, Ticket.void_business_day).where(voided_in)
        )
        if day is not None
    }
    refunds = connection.execute(
        select(RefundLine.ticket_line_id, Refund.business_day, RefundLine.quantity,
               RefundLine.amount)
        .join(Refund, Refund.id == RefundLine.refund_id)
        .where(refunded_in)
    ).all()  # fmt: skip
    lines |= lines_where(session, and_(voided_in, not_(Ticket.business_day.between(*inside))))
    refunded_lines = select(RefundLine.ticket_line_id).join(
        Refund, Refund.id == RefundLine.refund_id
    )
    lines |= lines_where(
        session,
        and_(
            TicketLine.id.in_(refunded_lines.where(refunded_in)),
            not_(Ticket.business_day.between(*inside)),
        ),
    )
    for line in lines.values():
        if line.ticket_id in voids:
            movements.append(void(line, voids[line.ticket_id]))
    for line_id, day, quantity, amount in refunds:
        movements.append(refund(lines[line_id], day, quantity, amount))
    return SalesFacts(movements, voided)


def read_visits(session: Session, until: date) -> list[tuple[str, date]]:
    """(customer, business day) of every standing ticket with a customer, up to `until`."""
    rows = session.connection().execute(
        select(Ticket.customer_id, Ticket.business_day).where(
            Ticket.customer_id.is_not(None),
            Ticket.business_day <= until,
            Ticket.status.in_([TicketStatus.COMPLETED.value, TicketStatus.REFUNDED.value]),
        )
    )
    return [(customer, day) for customer, day in rows if customer is not None]


def read_registered(session: Session, period: Period, store: StoreTime) -> int:
    """Customers whose record was made in the period (not merged into another)."""
    since, until = store.start_of(period.first), store.start_of(period.last + timedelta(days=1))
    return int(
        session.scalar(
            select(func.count()).where(
                Customer.created_at >= since,
                Customer.created_at < until,
                Customer.merged_into.is_(None),
            )
        )
        or 0
    )


def read_service_minutes(
    session: Session, period: Period, store: StoreTime
) -> dict[str, list[int]]:
    """Technician id → the minutes of each completed booking of theirs starting in the period."""
    since, until = store.start_of(period.first), store.start_of(period.last + timedelta(days=1))
    rows = session.execute(
        select(Booking.technician_id, Booking.start_at, Booking.end_at).where(
            Booking.status == BookingStatus.COMPLETED.value,
            Booking.technician_id.is_not(None),
            Booking.start_at >= since,
            Booking.start_at < until,
        )
    )
    minutes: dict[str, list[int]] = {}
    for technician, start, end in rows:
        if technician is None:
            continue
        minutes.setdefault(technician, []).append(int((end - start).total_seconds() // 60))
    return minutes


def staff_names(session: Session) -> dict[str, str]:
    return {staff_id: name for staff_id, name in session.execute(select(Staff.id, Staff.name))}


def active_technicians(session: Session) -> list[str]:
    return list(
        session.scalars(select(Staff.id).where(Staff.active.is_(True), Staff.role == "technician"))
    )


def customers_of(session: Session, ids: Iterable[str]) -> dict[str, tuple[str, str]]:
    """Customer id → (name, phone)."""
    found: dict[str, tuple[str, str]] = {}
    for chunk in chunks(sorted(set(ids))):
        rows = session.execute(
            select(Customer.id, Customer.name, Customer.phone).where(Customer.id.in_(chunk))
        )
        found |= {customer_id: (name, phone) for customer_id, name, phone in rows}
    return found


def read_unit_costs(session: Session) -> dict[str, int]:
    return {pid: int(cost) for pid, cost in session.execute(select(Product.id, Product.cost))}
