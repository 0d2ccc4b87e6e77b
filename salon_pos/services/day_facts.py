"""The facts of a business day at this counter, as domain.day_close wants them: the day's
sales, the tickets voided on it, its refunds, the member ledger entries that count on it, and
its new customers and members. Read from the tickets this counter holds (its own and those it
pulled from the store's other counters)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, and_, func, or_, select

from salon_pos.db.models import (
    BalanceEntry,
    DayClose,
    Payment,
    Refund,
    RefundLine,
    RefundTender,
    Ticket,
    TicketLine,
    TicketLineShare,
)
from salon_pos.domain.day_close import (
    Calendar,
    DayFigures,
    EntryFact,
    LineFact,
    RefundFact,
    TicketFact,
    close_window,
    day_figures,
    entries_on,
)

_MEMBER_KINDS = ("stored_value", "package")


def closes(connection: Connection, since: date | None = None) -> dict[date, datetime]:
    """The days closed here (from `since` on): day → when."""
    query = select(DayClose.business_day, DayClose.closed_at)
    if since is not None:
        query = query.where(DayClose.business_day >= since)
    return {day: at for day, at in connection.execute(query)}


def read_day(connection: Connection, day: date, calendar: Calendar) -> DayFigures:
    sold = _tickets(connection, Ticket.business_day == day)
    voided = _tickets(connection, Ticket.void_business_day == day)
    refunds = _refunds(connection, day)
    refunded = _tickets(connection, Ticket.id.in_({r.ticket_id for r in refunds}))
    by_id = {**refunded, **voided, **sold}
    entries = _entries(connection, day, calendar, by_id)
    return day_figures(
        day,
        list(sold.values()),
        list(voided.values()),
        refunds,
        refunded,
        entries,
        _new_customers(connection, day, sold.values()),
        _new_members(connection, day, sold.values()),
    )


def _tickets(connection: Connection, where: Any) -> dict[str, TicketFact]:
    rows = connection.execute(select(Ticket.__table__).where(where)).all()
    if not rows:
        return {}
    ids = [row.id for row in rows]
    lines = _lines(connection, ids)
    payments: dict[str, list[tuple[str, int]]] = {}
    for ticket_id, kind, applied in connection.execute(
        select(Payment.ticket_id, Payment.kind, Payment.applied)
        .where(Payment.ticket_id.in_(ids))
        .order_by(Payment.ticket_id, Payment.position)
    ):
        payments.setdefault(ticket_id, []).append((kind, applied))
    member_discount = dict(
        connection.execute(
            select(TicketLine.ticket_id, func.sum(TicketLine.member_discount))
            .where(TicketLine.ticket_id.in_(ids))
            .group_by(TicketLine.ticket_id)
        ).all()
    )
    return {
        row.id: TicketFact(
            id=row.id,
            number=row.number,
            business_day=row.business_day,
            total=row.total,
            lines=tuple(lines.get(row.id, ())),
            payments=tuple(payments.get(row.id, ())),
            customer_id=row.customer_id,
            cashier_id=row.cashier_id,
            device_id=row.device_id,
            discount=row.line_discounts + row.ticket_discount,
            member_discount=int(member_discount.get(row.id) or 0),
            discount_approved_by=row.discount_approved_by,
            voided_on=row.void_business_day if row.voided_at else None,
            voided_at=row.voided_at,
            voided_by=row.voided_by,
            void_reason=row.void_reason or "",
            void_device_id=row.void_device_id,
        )
        for row in rows
    }


def _lines(connection: Connection, ticket_ids: Sequence[str]) -> dict[str, list[LineFact]]:
    shares: dict[str, list[tuple[str, int]]] = {}
    for line_id, staff_id, share in connection.execute(
        select(TicketLineShare.ticket_line_id, TicketLineShare.staff_id, TicketLineShare.share)
        .join(TicketLine, TicketLine.id == TicketLineShare.ticket_line_id)
        .where(TicketLine.ticket_id.in_(ticket_ids))
    ):
        shares.setdefault(line_id, []).append((staff_id, share))
    lines: dict[str, list[LineFact]] = {}
    for row in connection.execute(
        select(
            TicketLine.ticket_id,
            TicketLine.id,
            TicketLine.kind,
            TicketLine.category,
            TicketLine.net_total,
            TicketLine.technician_id,
        )
        .where(TicketLine.ticket_id.in_(ticket_ids))
        .order_by(TicketLine.ticket_id, TicketLine.position)
    ):
        lines.setdefault(row.ticket_id, []).append(
            LineFact(
                row.id,
                row.kind,
                row.category,
                row.net_total,
                row.technician_id,
                tuple(sorted(shares.get(row.id, ()))),
            )
        )
    return lines


def _refunds(connection: Connection, day: date) -> list[RefundFact]:
    refunds = connection.execute(
        select(Refund.__table__)
        .where(Refund.__table__.c.business_day == day)
        .order_by(Refund.__table__.c.refunded_at)
    ).all()
    ids = [r.id for r in refunds]
    lines: dict[str, list[tuple[str, int]]] = {}
    for refund_id, line_id, amount in connection.execute(
        select(RefundLine.refund_id, RefundLine.ticket_line_id, RefundLine.amount).where(
            RefundLine.refund_id.in_(ids)
        )
    ):
        lines.setdefault(refund_id, []).append((line_id, amount))
    tenders: dict[str, list[tuple[str, int]]] = {}
    for refund_id, kind, amount in connection.execute(
        select(RefundTender.refund_id, RefundTender.kind, RefundTender.amount)
        .where(RefundTender.refund_id.in_(ids))
        .order_by(RefundTender.refund_id, RefundTender.position)
    ):
        tenders.setdefault(refund_id, []).append((kind, amount))
    return [
        RefundFact(
            id=r.id,
            ticket_id=r.ticket_id,
            business_day=r.business_day,
            amount=r.amount,
            lines=tuple(lines.get(r.id, ())),
            tenders=tuple(tenders.get(r.id, ())),
            approved_by=r.approved_by,
            reason=r.reason,
            device_id=r.device_id,
        )
        for r in refunds
    ]


def _entries(
    connection: Connection, day: date, calendar: Calendar, tickets: Mapping[str, TicketFact]
) -> list[EntryFact]:
    start, end = close_window(day, calendar)
    rows = connection.execute(
        select(
            BalanceEntry.account,
            BalanceEntry.reason,
            BalanceEntry.amount,
            BalanceEntry.created_at,
            BalanceEntry.ticket_id,
        ).where(
            or_(
                BalanceEntry.ticket_id.in_(list(tickets)),
                and_(BalanceEntry.created_at >= start, BalanceEntry.created_at < end),
            )
        )
    ).all()
    wanted = {row.ticket_id for row in rows if row.ticket_id}
    refund_days: dict[str, dict[datetime, date]] = {}
    for ticket_id, at, refund_day in connection.execute(
        select(Refund.ticket_id, Refund.refunded_at, Refund.business_day).where(
            Refund.ticket_id.in_(wanted)
        )
    ):
        refund_days.setdefault(ticket_id, {})[at] = refund_day
    facts = {**tickets, **_tickets(connection, Ticket.id.in_(wanted - set(tickets)))}
    return entries_on(day, rows, facts, refund_days, calendar)


def _new_customers(connection: Connection, day: date, sold: Iterable[TicketFact]) -> int:
    """Customers whose first visit (a sale) was on the day."""
    visitors = {t.customer_id for t in sold if t.customer_id}
    if not visitors:
        return 0
    before = connection.execute(
        select(Ticket.customer_id)
        .where(Ticket.customer_id.in_(visitors), Ticket.business_day < day)
        .distinct()
    ).scalars()
    return len(visitors - set(before))


def _new_members(connection: Connection, day: date, sold: Iterable[TicketFact]) -> int:
    """Customers who first bought stored value or a package card on the day."""
    buyers = {
        t.customer_id
        for t in sold
        if t.customer_id and any(line.kind in _MEMBER_KINDS for line in t.lines)
    }
    if not buyers:
        return 0
    before = connection.execute(
        select(Ticket.customer_id)
        .join(TicketLine, TicketLine.ticket_id == Ticket.id)
        .where(
            Ticket.customer_id.in_(buyers),
            Ticket.business_day < day,
            TicketLine.kind.in_(_MEMBER_KINDS),
        )
        .distinct()
    ).scalars()
    return len(buyers - set(before))
