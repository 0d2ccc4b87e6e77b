"""The figures of the sales reports, from the lines sold and what voids and refunds took back.

The rule (docs/reports.md): a report over a period adds up the *movements* whose business day
is in it. A line sold is a movement on its ticket's business day; a void takes the whole line
back on the day of the void; a refund takes its units and amount back on the refund's own
business day. So a closed day never changes when a later void or refund comes, and a period's
figures are always sales less what was taken back in it.

Service and product lines are revenue (营业额), whatever paid for them (cash, stored value,
package sessions): a service paid from a card is revenue the day it is done. A stored-value
top-up and a package card sold are not: they are money received for services to come, reported
apart (储值售出, 疗程卡售出). A line split between technicians is split by its shares to the fen
(largest remainder, domain.shares.split)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from salon_pos.domain.report_periods import Grain, Period, bucket_start
from salon_pos.domain.shares import WHOLE_SHARE, split
from salon_pos.domain.ticket import LineKind

REVENUE = frozenset({LineKind.SERVICE, LineKind.PRODUCT})


@dataclass(frozen=True)
class SoldLine:
    """A ticket line as sold, with what a report needs of its ticket."""

    id: str
    ticket_id: str
    day: date  # the ticket's business day
    kind: LineKind
    item_id: str
    name: str
    category: str  # as sold ("" for top-ups and package cards)
    quantity: int
    net: int  # fen: its share of the ticket's total (net_total)
    customer_id: str | None = None
    shares: tuple[tuple[str, int], ...] = ()  # (technician id, basis points); () none
    requested: bool = False  # 点钟: the customer asked for the line's technician by name
    technician_id: str | None = None  # the line's technician (the one asked for, if 点钟)


@dataclass(frozen=True)
class Movement:
    """A line's effect on one business day: a sale (+) or a void or refund of it (−)."""

    line: SoldLine
    day: date
    quantity: int  # signed
    amount: int  # fen, signed
    cause: str  # sale / void / refund

    @property
    def revenue(self) -> bool:
        return self.line.kind in REVENUE


def sale(line: SoldLine) -> Movement:
    return Movement(line, line.day, line.quantity, line.net, "sale")


def void(line: SoldLine, day: date) -> Movement:
    return Movement(line, day, -line.quantity, -line.net, "void")


def refund(line: SoldLine, day: date, quantity: int, amount: int) -> Movement:
    return Movement(line, day, -quantity, -amount, "refund")


# ------------------------------------------------------------------ sales over time


@dataclass
class SalesFigures:
    """One bucket's (or the whole period's) sales; money in fen."""

    tickets: int = 0  # tickets sold less tickets voided
    services: int = 0  # service lines sold
    products: int = 0  # product lines sold
    voided: int = 0  # service and product money voids took back (positive)
    refunded: int = 0  # … and refunds (positive)
    stored_value: int = 0  # top-ups sold, less those voided or refunded
    packages: int = 0  # package cards sold, less those voided or refunded

    @property
    def net(self) -> int:
        return self.services + self.products - self.voided - self.refunded

    def add(self, movement: Movement) -> None:
        kind, amount = movement.line.kind, movement.amount
        if kind is LineKind.STORED_VALUE:
            self.stored_value += amount
        elif kind is LineKind.PACKAGE:
            self.packages += amount
        elif movement.cause == "void":
            self.voided -= amount
        elif movement.cause == "refund":
            self.refunded -= amount
        elif kind is LineKind.SERVICE:
            self.services += amount
        else:
            self.products += amount

    def plus(self, other: SalesFigures) -> SalesFigures:
        return SalesFigures(
            *(getattr(self, f) + getattr(other, f) for f in SalesFigures.__dataclass_fields__)
        )


def ticket_moves(movements: Iterable[Movement]) -> dict[date, int]:
    """Per day: tickets sold less tickets voided (a ticket counts once, whatever its lines)."""
    seen: dict[tuple[date, str, str], int] = {}
    for m in movements:
        if m.cause in ("sale", "void"):
            seen[(m.day, m.line.ticket_id, m.cause)] = 1 if m.cause == "sale" else -1
    counts: dict[date, int] = defaultdict(int)
    for (day, _, _), step in seen.items():
        counts[day] += step
    return counts


def sales_by(
    movements: Sequence[Movement], period: Period, grain: Grain
) -> dict[date, SalesFigures]:
    """Bucket start → figures, for the movements in the period (every bucket of it present)."""
    found = {bucket_start(day, grain): SalesFigures() for day in period.days()}
    inside = [m for m in movements if m.day in period]
    for m in inside:
        found[bucket_start(m.day, grain)].add(m)
    for day, count in ticket_moves(inside).items():
        found[bucket_start(day, grain)].tickets += count
    return found


# ------------------------------------------------------------------ by item, category, technician


@dataclass
class ItemFigures:
    key: str  # item id, category, or technician id
    name: str
    quantity: int = 0  # units net of voids and refunds
    amount: int = 0  # fen, net
    cost: int = 0  # fen: quantity × unit cost (products, for the margin)
    tickets: set[str] = field(default_factory=set)  # sold in the period (not voided since)
    customers: set[str] = field(default_factory=set)
    requested: int = 0  # lines a customer asked this technician for (点钟)


def by_item(movements: Iterable[Movement], kind: LineKind, period: Period) -> list[ItemFigures]:
    """Per catalog item of `kind`, in the period; the name as last sold."""
    found: dict[str, ItemFigures] = {}
    for m in movements:
        if m.day not in period or m.line.kind is not kind:
            continue
        figures = found.setdefault(m.line.item_id, ItemFigures(m.line.item_id, m.line.name))
        figures.quantity += m.quantity
        figures.amount += m.amount
    return sorted(found.values(), key=lambda f: (-f.amount, f.name))


def by_category(movements: Iterable[Movement], period: Period) -> list[ItemFigures]:
    """Per category as sold, services and products (a category's name is its key)."""
    found: dict[str, ItemFigures] = {}
    for m in movements:
        if m.day not in period or not m.revenue:
            continue
        name = m.line.category
        figures = found.setdefault(name, ItemFigures(name, name))
        figures.quantity += m.quantity
        figures.amount += m.amount
    return sorted(found.values(), key=lambda f: (-f.amount, f.name))


def by_technician(
    movements: Iterable[Movement], period: Period, voided: frozenset[str] = frozenset()
) -> dict[str, ItemFigures]:
    """Per technician id ("" for lines without one): their shares of service and product money
    (split lines by share, to the fen) and units, net; the tickets and customers served. Tickets and
    customers count the sales in the period of tickets not `voided` (ticket ids) since."""
    found: dict[str, ItemFigures] = {}
    for m in movements:
        if m.day not in period or not m.revenue:
            continue
        shares = m.line.shares or (("", WHOLE_SHARE),)
        parts = split(m.amount, [share for _, share in shares])
        for (staff_id, _), part in zip(shares, parts, strict=True):
            figures = found.setdefault(staff_id, ItemFigures(staff_id, ""))
            figures.amount += part
            figures.quantity += m.quantity
            if m.cause == "sale" and m.line.ticket_id not in voided:
                figures.tickets.add(m.line.ticket_id)
                if m.line.customer_id:
                    figures.customers.add(m.line.customer_id)
                asked_for = m.line.requested and staff_id == m.line.technician_id
                figures.requested += 1 if asked_for else 0
    return found


def with_costs(figures: Iterable[ItemFigures], unit_costs: dict[str, int]) -> list[ItemFigures]:
    """Products with their cost at today's unit cost (cost at the time of sale is not kept)."""
    found = list(figures)
    for f in found:
        f.cost = f.quantity * unit_costs.get(f.key, 0)
    return found


def ratio_bp(part: int, whole: int) -> int | None:
    """part / whole in basis points, rounded half up; None when whole is 0."""
    if whole == 0:
        return None
    return (2 * part * WHOLE_SHARE + whole) // (2 * whole)
