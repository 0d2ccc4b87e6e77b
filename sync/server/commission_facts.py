"""What a store's commission statement reads from the server's tables, as the domain's facts
(salon_pos.domain.commission_figures.CommissionFacts): the counter's statement reads the same
facts from its own tables (salon_pos/services/commission_data.py), and both are computed by
the same domain code under the store's rules as the server holds them (store_settings). SQL
only; read-only."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import CompoundSelect, Connection, func, select, union

from salon_pos.domain.commission import CommissionRules, parse_commission_rules
from salon_pos.domain.commission_figures import (
    CommissionFacts,
    SessionSpent,
    TakeBack,
    TechnicianCommission,
    TicketMoney,
    by_technician,
    commission_moves,
    staff_shares,
)
from salon_pos.domain.sales_figures import SoldLine
from salon_pos.domain.shares import WHOLE_SHARE
from salon_pos.domain.ticket import LineKind
from sync.server import models
from sync.server.db import load_json

TICKET = models.table_of(models.Ticket)
LINE = models.table_of(models.TicketLine)
SHARE = models.table_of(models.TicketLineShare)
PAYMENT = models.table_of(models.Payment)
REFUND = models.table_of(models.Refund)
REFUND_LINE = models.table_of(models.RefundLine)
BALANCE = models.table_of(models.BalanceEntry)
CARD = models.table_of(models.PackageCard)
STAFF = models.table_of(models.StaffMember)
SETTINGS = models.table_of(models.StoreSettings)
Timed = dict[str, list[tuple[datetime, TakeBack]]]
Concerned = CompoundSelect[tuple[str]]
KINDS = {kind.value: kind for kind in LineKind}


def _concerned(store_id: str, first: date, last: date) -> Concerned:
    """The ids of the store's tickets sold in the period, voided in it, or with a refund in
    it: a subquery every read below filters by (one query a table, however busy the month)."""
    of_store = TICKET.c.store_id == store_id
    return union(
        select(TICKET.c.id).where(of_store, TICKET.c.business_day.between(first, last)),
        select(TICKET.c.id).where(
            of_store, TICKET.c.status == "voided", TICKET.c.void_business_day.between(first, last)
        ),
        select(REFUND.c.ticket_id).where(
            REFUND.c.store_id == store_id, REFUND.c.business_day.between(first, last)
        ),
    )


def _lines(connection: Connection, concerned: Concerned) -> dict[str, SoldLine]:
    shares: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for line_id, staff_id, share in connection.execute(
        select(SHARE.c.ticket_line_id, SHARE.c.staff_id, SHARE.c.share)
        .join(LINE, LINE.c.id == SHARE.c.ticket_line_id)
        .where(LINE.c.ticket_id.in_(concerned))
        .order_by(SHARE.c.ticket_line_id, SHARE.c.staff_id)
    ):
        shares[line_id].append((staff_id, share))
    rows = connection.execute(
        select(LINE.c.id, LINE.c.ticket_id, TICKET.c.business_day, LINE.c.kind, LINE.c.item_id,
               LINE.c.name, LINE.c.category, LINE.c.quantity, LINE.c.net_total,
               TICKET.c.customer_id, LINE.c.technician_id, LINE.c.requested)
        .join(TICKET, TICKET.c.id == LINE.c.ticket_id)
        .where(LINE.c.ticket_id.in_(concerned))
    )  # fmt: skip
    lines: dict[str, SoldLine] = {}
    for (
        line_id,
        ticket,
        day,
        kind,
        item,
        name,
        category,
        quantity,
        net,
        customer,
        tech,
        asked,
    ) in rows:
        whole = ((tech, WHOLE_SHARE),) if tech else ()
        lines[line_id] = SoldLine(
            line_id, ticket, day, KINDS[kind], item, name, category, quantity, net, customer,
            tuple(shares.get(line_id, whole)), bool(asked), tech,
        )  # fmt: skip
    return lines


def _take_backs(connection: Connection, concerned: Concerned) -> tuple[Timed, Timed]:
    """Line id → its refunds, and ticket id → its void, each with when it happened."""
    refunds: Timed = defaultdict(list)
    voids: Timed = defaultdict(list)
    for line_id, at, day, quantity, amount in connection.execute(
        select(REFUND_LINE.c.ticket_line_id, REFUND.c.refunded_at, REFUND.c.business_day,
               REFUND_LINE.c.quantity, REFUND_LINE.c.amount)
        .join(REFUND, REFUND.c.id == REFUND_LINE.c.refund_id)
        .where(REFUND.c.ticket_id.in_(concerned))
    ):  # fmt: skip
        refunds[line_id].append((at, TakeBack(day, "refund", quantity, amount)))
    for ticket_id, voided_at, void_day in connection.execute(
        select(TICKET.c.id, TICKET.c.voided_at, TICKET.c.void_business_day).where(
            TICKET.c.id.in_(concerned), TICKET.c.status == "voided"
        )
    ):
        if void_day is not None and voided_at is not None:  # as the counter: no day, none
            voids[ticket_id].append((voided_at, TakeBack(void_day, "void")))
    return refunds, voids


def _money(connection: Connection, concerned: Concerned) -> dict[str, TicketMoney]:
    """Ticket id → stored value that paid it (and its principal part) and the package
    sessions that paid its lines, with their cards' prices."""
    spend = BALANCE.c.reason == "spend"
    paid = dict(
        connection.execute(
            select(PAYMENT.c.ticket_id, func.sum(PAYMENT.c.applied))
            .where(PAYMENT.c.ticket_id.in_(concerned), PAYMENT.c.kind == "stored_value")
            .group_by(PAYMENT.c.ticket_id)
        ).all()
    )
    principal = dict(
        connection.execute(
            select(BALANCE.c.ticket_id, -func.sum(BALANCE.c.amount))
            .where(BALANCE.c.ticket_id.in_(concerned), BALANCE.c.account == "principal", spend,
                   BALANCE.c.line_id.is_(None))
            .group_by(BALANCE.c.ticket_id)
        ).all()
    )  # fmt: skip
    sessions: dict[str, list[SessionSpent]] = defaultdict(list)
    for ticket_id, line_id, used, price, card_sessions in connection.execute(
        select(BALANCE.c.ticket_id, BALANCE.c.line_id, -BALANCE.c.amount, CARD.c.price,
               CARD.c.sessions)
        .join(CARD, CARD.c.id == BALANCE.c.card_id, isouter=True)
        .where(BALANCE.c.ticket_id.in_(concerned), BALANCE.c.account == "sessions", spend,
               BALANCE.c.line_id.is_not(None))
    ):  # fmt: skip
        sessions[ticket_id].append(
            SessionSpent(line_id, int(used), int(price or 0), int(card_sessions or 0))
        )
    return {
        ticket_id: TicketMoney(
            int(paid.get(ticket_id) or 0),
            int(principal.get(ticket_id) or 0),
            tuple(sessions.get(ticket_id, ())),
        )
        for ticket_id in set(paid) | set(sessions)
    }


def commission_facts(
    connection: Connection, store_id: str, first: date, last: date
) -> CommissionFacts:
    """The facts of the store's business days first..last, as the counter reads its own."""
    concerned = _concerned(store_id, first, last)
    lines = _lines(connection, concerned)
    refunds, voids = _take_backs(connection, concerned)
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
        connection.execute(
            select(TICKET.c.id, TICKET.c.number).where(TICKET.c.id.in_(concerned))
        ).all()
    )
    return CommissionFacts(lines, take_backs, _money(connection, concerned), numbers)


def store_rules(connection: Connection, store_id: str) -> CommissionRules:
    """The store's commission rules as the server holds them (none set: no rules)."""
    data = connection.execute(select(SETTINGS.c.data).where(SETTINGS.c.store_id == store_id))
    return parse_commission_rules(str(load_json(data.scalar() or "{}").get("commission_rules", "")))


@dataclass(frozen=True)
class StoreCommission:
    """A store's commission over a period: each technician's (active technicians with
    nothing too), by name; `names` of everyone named in it."""

    first: date
    last: date
    rules: CommissionRules
    technicians: tuple[TechnicianCommission, ...]
    names: dict[str, str]
    numbers: dict[str, str]  # ticket id → number

    @property
    def total(self) -> int:
        return sum(t.total for t in self.technicians)


def store_commission(
    connection: Connection, store_id: str, first: date, last: date, staff_id: str | None = None
) -> StoreCommission:
    """Everyone's commission of first..last, or one staff member's (their tickets' lines only
    are worked out: a ticket's stored value is shared between all its lines)."""
    rules = store_rules(connection, store_id)
    facts = commission_facts(connection, store_id, first, last)
    if staff_id is not None:
        facts = _of_staff(facts, staff_id)
    found = by_technician(commission_moves(facts, rules), first, last)
    people = _staff(connection, store_id)
    listed = {sid for sid, (_, role, active) in people.items() if _listed(role, active)}
    wanted = set(found) | listed if staff_id is None else {staff_id}
    names = {sid: name for sid, (name, _, _) in people.items()}
    technicians = sorted(
        (found.get(sid) or TechnicianCommission(sid, ()) for sid in wanted),
        key=lambda t: (names.get(t.staff_id, "?"), t.staff_id),
    )
    return StoreCommission(first, last, rules, tuple(technicians), names, facts.numbers)


def _of_staff(facts: CommissionFacts, staff_id: str) -> CommissionFacts:
    """The facts of the tickets with a line `staff_id` had a part in."""
    tickets = {
        line.ticket_id
        for line in facts.lines.values()
        if any(who == staff_id for who, _ in staff_shares(line))
    }
    lines = {k: line for k, line in facts.lines.items() if line.ticket_id in tickets}
    return CommissionFacts(lines, facts.take_backs, facts.money, facts.numbers)


def _listed(role: str, active: bool) -> bool:
    return role == "technician" and active


def _staff(connection: Connection, store_id: str) -> dict[str, tuple[str, str, bool]]:
    """Staff id → (name, role, active)."""
    rows = connection.execute(
        select(STAFF.c.id, STAFF.c.name, STAFF.c.role, STAFF.c.data).where(
            STAFF.c.store_id == store_id
        )
    )
    return {row.id: (row.name, row.role, _active(row.data)) for row in rows}


def _active(data: Any) -> bool:
    return bool(load_json(data or "{}").get("active", True))
