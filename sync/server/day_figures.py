"""A business day's figures at the server, from what it holds of the store (every counter's
sales, voids and refunds that have arrived), by the same rule as the counters'
(salon_pos.domain.day_close)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, and_, or_, select

from salon_pos.domain.business_day import DEFAULT_CUTOVER_HOUR
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
from sync.server import models
from sync.server.db import load_json

TICKET = models.table_of(models.Ticket)
LINE = models.table_of(models.TicketLine)
SHARE = models.table_of(models.TicketLineShare)
PAYMENT = models.table_of(models.Payment)
REFUND = models.table_of(models.Refund)
REFUND_LINE = models.table_of(models.RefundLine)
BALANCE = models.table_of(models.BalanceEntry)
STORE = models.table_of(models.Store)
SETTINGS = models.table_of(models.StoreSettings)
CLOSE = models.table_of(models.DayClose)
_MEMBER_KINDS = ("stored_value", "package")


def cutover_hour(settings_data: str | None) -> int:
    """The hour a store's business day starts at, from its settings as held (JSON)."""
    return int(load_json(settings_data or "{}").get("cutover_hour", DEFAULT_CUTOVER_HOUR))


def store_calendar(connection: Connection, store_id: str) -> Calendar:
    time_zone = connection.execute(select(STORE.c.time_zone).where(STORE.c.id == store_id))
    data = connection.execute(select(SETTINGS.c.data).where(SETTINGS.c.store_id == store_id))
    cutover = cutover_hour(data.scalar())
    closed = connection.execute(
        select(CLOSE.c.business_day, CLOSE.c.closed_at).where(CLOSE.c.store_id == store_id)
    )
    return Calendar(
        time_zone.scalar_one(),
        cutover,
        {day: at for day, at in closed},
    )


def server_day_figures(connection: Connection, store_id: str, day: date) -> DayFigures:
    calendar = store_calendar(connection, store_id)
    of_store = TICKET.c.store_id == store_id
    sold = _tickets(connection, and_(of_store, TICKET.c.business_day == day))
    voided = _tickets(connection, and_(of_store, TICKET.c.void_business_day == day))
    refunds = _refunds(connection, store_id, day)
    refunded = _tickets(connection, TICKET.c.id.in_({r.ticket_id for r in refunds}))
    known = {**refunded, **voided, **sold}
    return day_figures(
        day,
        list(sold.values()),
        list(voided.values()),
        refunds,
        refunded,
        _entries(connection, store_id, day, calendar, known),
        _new_customers(connection, store_id, day, sold.values()),
        _new_members(connection, store_id, day, sold.values()),
    )


def _tickets(connection: Connection, where: Any) -> dict[str, TicketFact]:
    rows = connection.execute(select(TICKET).where(where)).mappings().all()
    if not rows:
        return {}
    ids = [row["id"] for row in rows]
    shares: dict[str, list[tuple[str, int]]] = {}
    for line_id, staff_id, share in connection.execute(
        select(SHARE.c.ticket_line_id, SHARE.c.staff_id, SHARE.c.share)
        .join(LINE, LINE.c.id == SHARE.c.ticket_line_id)
        .where(LINE.c.ticket_id.in_(ids))
    ):
        shares.setdefault(line_id, []).append((staff_id, share))
    lines: dict[str, list[LineFact]] = {}
    member_discount: dict[str, int] = {}
    for line in connection.execute(
        select(LINE).where(LINE.c.ticket_id.in_(ids)).order_by(LINE.c.ticket_id, LINE.c.position)
    ).mappings():
        lines.setdefault(line["ticket_id"], []).append(
            LineFact(
                line["id"],
                line["kind"],
                line["category"],
                line["net_total"],
                line["technician_id"],
                tuple(sorted(shares.get(line["id"], ()))),
            )
        )
        member_discount[line["ticket_id"]] = (
            member_discount.get(line["ticket_id"], 0) + line["member_discount"]
        )
    payments: dict[str, list[tuple[str, int]]] = {}
    for ticket_id, kind, applied in connection.execute(
        select(PAYMENT.c.ticket_id, PAYMENT.c.kind, PAYMENT.c.applied)
        .where(PAYMENT.c.ticket_id.in_(ids))
        .order_by(PAYMENT.c.ticket_id, PAYMENT.c.position)
    ):
        payments.setdefault(ticket_id, []).append((kind, applied))
    facts = {}
    for row in rows:
        sale = load_json(row["payload"])
        facts[row["id"]] = TicketFact(
            id=row["id"],
            number=row["number"],
            business_day=row["business_day"],
            total=row["total"],
            lines=tuple(lines.get(row["id"], ())),
            payments=tuple(payments.get(row["id"], ())),
            customer_id=row["customer_id"],
            cashier_id=row["cashier_id"],
            device_id=row["device_id"],
            discount=int(sale.get("line_discounts", 0)) + int(sale.get("ticket_discount", 0)),
            member_discount=member_discount.get(row["id"], 0),
            discount_approved_by=row["discount_approved_by"],
            voided_on=row["void_business_day"] if row["voided_at"] else None,
            voided_at=row["voided_at"],
            voided_by=row["voided_by"],
            void_reason=row["void_reason"] or "",
            void_device_id=row["void_device_id"],
        )
    return facts


def _refunds(connection: Connection, store_id: str, day: date) -> list[RefundFact]:
    rows = connection.execute(
        select(REFUND)
        .where(REFUND.c.store_id == store_id, REFUND.c.business_day == day)
        .order_by(REFUND.c.refunded_at)
    ).mappings()
    facts = []
    for row in rows:
        refund = load_json(row["payload"])
        facts.append(
            RefundFact(
                id=row["id"],
                ticket_id=row["ticket_id"],
                business_day=row["business_day"],
                amount=row["amount"],
                lines=tuple((ln["ticket_line_id"], ln["amount"]) for ln in refund["lines"]),
                tenders=tuple((t["kind"], t["amount"]) for t in refund["tenders"]),
                approved_by=refund.get("approved_by", ""),
                reason=refund.get("reason", ""),
                device_id=row["device_id"],
            )
        )
    return facts


def _entries(
    connection: Connection,
    store_id: str,
    day: date,
    calendar: Calendar,
    tickets: Mapping[str, TicketFact],
) -> list[EntryFact]:
    start, end = close_window(day, calendar)
    rows = connection.execute(
        select(
            BALANCE.c.account,
            BALANCE.c.reason,
            BALANCE.c.amount,
            BALANCE.c.created_at,
            BALANCE.c.ticket_id,
        ).where(
            BALANCE.c.store_id == store_id,
            or_(
                BALANCE.c.ticket_id.in_(list(tickets)),
                and_(BALANCE.c.created_at >= start, BALANCE.c.created_at < end),
            ),
        )
    ).all()
    wanted = {row.ticket_id for row in rows if row.ticket_id}
    refund_days: dict[str, dict[datetime, date]] = {}
    for ticket_id, at, refund_day in connection.execute(
        select(REFUND.c.ticket_id, REFUND.c.refunded_at, REFUND.c.business_day).where(
            REFUND.c.ticket_id.in_(wanted)
        )
    ):
        refund_days.setdefault(ticket_id, {})[at] = refund_day
    facts = {**tickets, **_tickets(connection, TICKET.c.id.in_(wanted - set(tickets)))}
    return entries_on(day, rows, facts, refund_days, calendar)


def _new_customers(
    connection: Connection, store_id: str, day: date, sold: Iterable[TicketFact]
) -> int:
    """Customers whose first visit (a sale) was on the day."""
    visitors = {t.customer_id for t in sold if t.customer_id}
    if not visitors:
        return 0
    before = connection.execute(
        select(TICKET.c.customer_id)
        .where(
            TICKET.c.store_id == store_id,
            TICKET.c.customer_id.in_(visitors),
            TICKET.c.business_day < day,
        )
        .distinct()
    ).scalars()
    return len(visitors - set(before))


def _new_members(
    connection: Connection, store_id: str, day: date, sold: Iterable[TicketFact]
) -> int:
    buyers = {
        t.customer_id
        for t in sold
        if t.customer_id and any(line.kind in _MEMBER_KINDS for line in t.lines)
    }
    if not buyers:
        return 0
    before = connection.execute(
        select(TICKET.c.customer_id)
        .join(LINE, LINE.c.ticket_id == TICKET.c.id)
        .where(
            TICKET.c.store_id == store_id,
            TICKET.c.customer_id.in_(buyers),
            TICKET.c.business_day < day,
            LINE.c.kind.in_(_MEMBER_KINDS),
        )
        .distinct()
    ).scalars()
    return len(buyers - set(before))
