"""The end-of-day close's figures (日结) from the day's facts: one rule for the counter and the
server, which read the facts from their own tables.

A sale stays on its own business day; a void or a refund counts on the day it happened on
(never changing a day already closed). So a day's net is what its sales took less what its
voids and refunds handed back, whichever day those sales were made on. Every breakdown (by
tender, by category) adds up to that net; the technicians' add up to the service lines'.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Protocol

from salon_pos.domain.business_day import business_day, day_start
from salon_pos.domain.shares import split

# The close's category of a line that sells stored value or a package card (they have none).
STORED_VALUE_CATEGORY = "<stored_value>"
PACKAGE_CATEGORY = "<package>"
_MEMBER_LINES = {"stored_value": STORED_VALUE_CATEGORY, "package": PACKAGE_CATEGORY}


@dataclass(frozen=True)
class LineFact:
    id: str
    kind: str  # service / product / stored_value / package
    category: str  # as sold
    net_total: int  # its share of the ticket's total, after ticket discount and 抹零
    technician_id: str | None = None
    shares: tuple[tuple[str, int], ...] = ()  # (staff, basis points); empty: the technician's

    @property
    def close_category(self) -> str:
        return _MEMBER_LINES.get(self.kind, self.category)

    def by_technician(self, amount: int) -> list[tuple[str, int]]:
        """`amount` of this line, split between its technicians by their shares."""
        if self.shares:
            staff = [who for who, _ in self.shares]
            return list(zip(staff, split(amount, [s for _, s in self.shares]), strict=True))
        return [(self.technician_id, amount)] if self.technician_id else []


@dataclass(frozen=True)
class TicketFact:
    id: str
    number: str
    business_day: date
    total: int
    lines: tuple[LineFact, ...]
    payments: tuple[tuple[str, int], ...]  # (tender, applied)
    customer_id: str | None = None
    cashier_id: str = ""
    device_id: str | None = None
    discount: int = 0  # the cashier's: line discounts and the ticket discount
    member_discount: int = 0  # the customer's tier price: not a cashier's discount
    discount_approved_by: str | None = None
    voided_on: date | None = None  # the business day of its void
    voided_at: datetime | None = None  # when it was voided
    voided_by: str | None = None
    void_reason: str = ""
    void_device_id: str | None = None


@dataclass(frozen=True)
class RefundFact:
    id: str
    ticket_id: str
    business_day: date
    amount: int
    lines: tuple[tuple[str, int], ...]  # (ticket line id, amount)
    tenders: tuple[tuple[str, int], ...]  # (tender, amount)
    approved_by: str = ""
    reason: str = ""
    device_id: str | None = None


@dataclass(frozen=True)
class EntryFact:
    """A member ledger entry of the day (its day worked out by `entry_day`)."""

    account: str  # principal / bonus / points / sessions
    reason: str  # top_up, spend, earn, card_sale, reverse, refund_out, …
    amount: int


@dataclass(frozen=True)
class Approval:
    """A discount, void or refund of the day, and who let it through."""

    number: str
    amount: int
    approved_by: str | None
    reason: str = ""


@dataclass(frozen=True)
class MemberFigures:
    stored_value_sold: int = 0  # principal bought
    bonus_given: int = 0  # the store's bonus on it
    principal_spent: int = 0
    bonus_spent: int = 0
    stored_value_given_back: int = 0  # principal and bonus back by voids and refunds (net)
    principal_refunded: int = 0  # unused principal paid back (储值退款)
    bonus_forfeited: int = 0
    sessions_sold: int = 0
    sessions_used: int = 0
    points_issued: int = 0
    points_redeemed: int = 0
    points_taken_back: int = 0  # by voids and refunds (net: earned taken back, spent given back)


@dataclass(frozen=True)
class DayFigures:
    business_day: date
    tickets: int  # sales made on the day, whatever happened to them later
    sales: int  # what they took
    voids: int  # handed back by the day's voids
    refunds: int  # handed back by the day's refunds
    by_tender: Mapping[str, int]
    by_category: Mapping[str, int]
    by_technician: Mapping[str, int]
    discounts: tuple[Approval, ...]
    member_discounts: int
    void_list: tuple[Approval, ...]
    refund_list: tuple[Approval, ...]
    customers_served: int
    new_customers: int = 0  # customers whose first visit was on the day
    new_members: int = 0  # customers who first bought stored value or a package card
    members: MemberFigures = field(default_factory=MemberFigures)

    @property
    def net(self) -> int:
        return self.sales - self.voids - self.refunds

    @property
    def average_ticket(self) -> int:
        """What a sale of the day took on average, to the fen (half up)."""
        return (2 * self.sales + self.tickets) // (2 * self.tickets) if self.tickets else 0


def day_figures(
    day: date,
    sold: Sequence[TicketFact],
    voided: Sequence[TicketFact],
    refunds: Sequence[RefundFact],
    refunded_tickets: Mapping[str, TicketFact],
    entries: Iterable[EntryFact] = (),
    new_customers: int = 0,
    new_members: int = 0,
) -> DayFigures:
    """The figures of `day`: `sold` are the tickets of the day, `voided` the tickets voided on
    it (of any day), `refunds` the refunds made on it, `refunded_tickets` their tickets by id."""
    tender: Counter[str] = Counter()
    category: Counter[str] = Counter()
    technician: Counter[str] = Counter()
    for ticket in sold:
        _add(tender, category, technician, ticket, sign=1)
    for ticket in voided:
        _add(tender, category, technician, ticket, sign=-1)
    for refund in refunds:
        lines = {line.id: line for line in refunded_tickets[refund.ticket_id].lines}
        for line_id, amount in refund.lines:
            line = lines[line_id]
            category[line.close_category] -= amount
            if line.kind == "service":
                for who, part in line.by_technician(amount):
                    technician[who] -= part
        for kind, amount in refund.tenders:
            tender[kind] -= amount
    return DayFigures(
        business_day=day,
        tickets=len(sold),
        sales=sum(t.total for t in sold),
        voids=sum(t.total for t in voided),
        refunds=sum(r.amount for r in refunds),
        by_tender=_nonzero(tender),
        by_category=_nonzero(category),
        by_technician=_nonzero(technician),
        discounts=_by_number(
            Approval(t.number, t.discount, t.discount_approved_by) for t in sold if t.discount
        ),
        member_discounts=sum(t.member_discount for t in sold),
        void_list=_by_number(
            Approval(t.number, t.total, t.voided_by, t.void_reason) for t in voided
        ),
        refund_list=_by_number(
            Approval(refunded_tickets[r.ticket_id].number, r.amount, r.approved_by, r.reason)
            for r in refunds
        ),
        customers_served=len({t.customer_id for t in sold if t.customer_id}),
        new_customers=new_customers,
        new_members=new_members,
        members=member_figures(entries),
    )


def _by_number(approvals: Iterable[Approval]) -> tuple[Approval, ...]:
    """In ticket-number order, whichever order the tables gave them (the same on every side)."""
    return tuple(sorted(approvals, key=lambda a: (a.number, a.amount, a.reason)))


def _add(
    tender: Counter[str],
    category: Counter[str],
    technician: Counter[str],
    ticket: TicketFact,
    sign: int,
) -> None:
    for kind, applied in ticket.payments:
        tender[kind] += sign * applied
    for line in ticket.lines:
        category[line.close_category] += sign * line.net_total
        if line.kind == "service":
            for who, part in line.by_technician(line.net_total):
                technician[who] += sign * part


def _nonzero(counts: Counter[str]) -> dict[str, int]:
    return {key: amount for key, amount in sorted(counts.items()) if amount}


def member_figures(entries: Iterable[EntryFact]) -> MemberFigures:
    sums: Counter[tuple[str, str, bool]] = Counter()
    for entry in entries:
        sums[(entry.account, entry.reason, entry.amount > 0)] += entry.amount

    def total(account: str, reason: str) -> int:
        return sums[(account, reason, True)] + sums[(account, reason, False)]

    return MemberFigures(
        stored_value_sold=total("principal", "top_up"),
        bonus_given=total("bonus", "top_up"),
        principal_spent=-total("principal", "spend"),
        bonus_spent=-total("bonus", "spend"),
        stored_value_given_back=total("principal", "reverse") + total("bonus", "reverse"),
        principal_refunded=-total("principal", "refund_out"),
        bonus_forfeited=-total("bonus", "refund_out"),
        sessions_sold=total("sessions", "card_sale"),
        sessions_used=-total("sessions", "spend"),
        points_issued=total("points", "earn"),
        points_redeemed=-total("points", "spend"),
        points_taken_back=-total("points", "reverse"),
    )


def trading_day(
    at: datetime, time_zone: str, cutover_hour: int, closed: Mapping[date, datetime]
) -> date:
    """The business day something done at `at` belongs to: the calendar's business day, or
    the next open one when that day was already closed (`closed`: day → when it was closed)
    before `at`. A sale rung up after the close of the evening belongs to the next day."""
    day = business_day(at, time_zone, cutover_hour)
    while day in closed and closed[day] <= at:
        day = date.fromordinal(day.toordinal() + 1)
    return day


SALE_REASONS = frozenset({"top_up", "spend", "earn", "card_sale"})  # written with their sale


@dataclass(frozen=True)
class Calendar:
    """How a moment maps to a business day at this store, closes included."""

    time_zone: str
    cutover_hour: int
    closed: Mapping[date, datetime] = field(default_factory=dict)  # day → when it was closed

    def day_of(self, at: datetime) -> date:
        return trading_day(at, self.time_zone, self.cutover_hour, self.closed)


def close_window(day: date, calendar: Calendar) -> tuple[datetime, datetime]:
    """Moments that may belong to `day`: from the day before its start to the end of the day
    after it (a close moves what happens after it to the next open day)."""
    start = day_start(day, calendar.time_zone, calendar.cutover_hour)
    return start - timedelta(days=1), start + timedelta(days=3)


def entry_day(
    reason: str,
    created_at: datetime,
    ticket: TicketFact | None,
    refund_days: Mapping[datetime, date],
    calendar: Calendar,
) -> date:
    """The business day a member ledger entry counts on: a sale's entries on the sale's day;
    a void's or refund's on the day of that void or refund (`refund_days`: the ticket's refunds
    by when they were made); any other (a top-up refund, an adjustment, an expiry, a debt
    collected) on the day it was made."""
    if ticket is not None and reason in SALE_REASONS:
        return ticket.business_day
    if ticket is not None and reason == "reverse":
        if ticket.voided_on is not None and created_at == ticket.voided_at:
            return ticket.voided_on
        if created_at in refund_days:
            return refund_days[created_at]
    return calendar.day_of(created_at)


class EntryRow(Protocol):
    """A member ledger entry as a reader fetched it."""

    @property
    def account(self) -> str: ...
    @property
    def reason(self) -> str: ...
    @property
    def amount(self) -> int: ...
    @property
    def created_at(self) -> datetime: ...
    @property
    def ticket_id(self) -> str | None: ...


def entries_on(
    day: date,
    rows: Iterable[EntryRow],
    tickets: Mapping[str, TicketFact],
    refund_days: Mapping[str, Mapping[datetime, date]],
    calendar: Calendar,
) -> list[EntryFact]:
    """Of the ledger entries `rows` (those of the tickets concerned and those made within
    `close_window`), the ones that count on `day`: `tickets` holds every ticket they name,
    `refund_days` each of those tickets' refunds (when made → business day)."""
    return [
        EntryFact(row.account, row.reason, row.amount)
        for row in rows
        if entry_day(
            row.reason,
            row.created_at,
            tickets.get(row.ticket_id) if row.ticket_id else None,
            refund_days.get(row.ticket_id, {}) if row.ticket_id else {},
            calendar,
        )
        == day
    ]


def figures_json(figures: DayFigures) -> dict[str, Any]:
    """The figures as JSON: what the close operation carries and the close keeps."""
    data = asdict(figures)
    data["business_day"] = figures.business_day.isoformat()
    data["net"], data["average_ticket"] = figures.net, figures.average_ticket
    return data


def figures_of_json(data: Mapping[str, Any]) -> DayFigures:
    def approvals(key: str) -> tuple[Approval, ...]:
        return tuple(Approval(**item) for item in data.get(key, ()))

    return DayFigures(
        business_day=date.fromisoformat(data["business_day"]),
        tickets=data["tickets"],
        sales=data["sales"],
        voids=data["voids"],
        refunds=data["refunds"],
        by_tender=dict(data["by_tender"]),
        by_category=dict(data["by_category"]),
        by_technician=dict(data["by_technician"]),
        discounts=approvals("discounts"),
        member_discounts=data["member_discounts"],
        void_list=approvals("void_list"),
        refund_list=approvals("refund_list"),
        customers_served=data["customers_served"],
        new_customers=data.get("new_customers", 0),
        new_members=data.get("new_members", 0),
        members=MemberFigures(**data.get("members", {})),
    )
