"""What the stock reports read (库存报表, docs/inventory.md): each product's flow over a period
(opening, in and out by kind, closing), the consumables services used by service and by
technician, what expires soon with its value, and the slow movers. Each is a few grouped
statements over the ledger, never one a product: a year of a busy salon reads in well under a
second (tests/bench/inventory.py).

Stock on hand and the expiring batches are StockService's own reads (the stock page's figures);
these add what a period or a value needs. Values are at the store's moving-average cost of a
package now (else the catalog's), as the stock page shows them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select, text
from sqlalchemy.orm import Session

from salon_pos.db.models import Product, StockLevel, StockMovement, StockOnHand, TicketLine
from salon_pos.domain.report_periods import Period
from salon_pos.domain.stock import MovementKind, value_at_cost
from salon_pos.services.stock import ExpiringBatch, StockRow

# Each product's movements by kind from the period's first day on: within the period, and
# after it. Written out for its INDEXED BY (SQLAlchemy renders no SQLite hint): left to itself
# SQLite walks the whole ledger in product order for the GROUP BY, twice as slow as reading the
# period's rows by the day index for a year of two (tests/bench/inventory.py).
_FLOW = text(
    "SELECT product_id, kind,"
    " SUM(CASE WHEN business_day <= :last THEN quantity ELSE 0 END),"
    " SUM(CASE WHEN business_day <= :last THEN 0 ELSE quantity END),"
    " COUNT(CASE WHEN business_day <= :last THEN 1 END)"
    " FROM stock_movement INDEXED BY ix_stock_movement_day"
    " WHERE business_day >= :first GROUP BY product_id, kind"
)
TAKES = (MovementKind.SALE.value, MovementKind.CONSUMPTION.value)  # what "moving" means


@dataclass(frozen=True)
class Costed:
    """A product as the reports name and value it."""

    product_id: str
    category: str
    name: str
    unit: str
    pack_size: int
    cost: int  # a package's, fen

    def value(self, units: int) -> int:
        return value_at_cost(units, self.cost, self.pack_size)


@dataclass(frozen=True)
class StockFlow:
    """A product's stock over a period: `moved[kind]` the net units of each kind of movement
    in it (signed: a sale negative), so closing = opening + their sum."""

    product: Costed
    opening: int
    moved: Mapping[str, int]
    closing: int

    def of(self, *kinds: MovementKind) -> int:
        return sum(self.moved.get(kind.value, 0) for kind in kinds)


@dataclass(frozen=True)
class Used:
    """Units of a product used up by a service, or by a technician's services (voids taken
    back), and their value at cost."""

    key: str | None  # the service's id, or the technician's; None: not known
    name: str  # the service as sold, or the technician's name
    product: Costed
    quantity: int

    @property
    def value(self) -> int:
        return self.product.value(self.quantity)


@dataclass(frozen=True)
class Expiring:
    batch: ExpiringBatch
    days_left: int  # below zero: expired that many days ago
    value: int


@dataclass(frozen=True)
class SlowMover:
    stock: StockRow
    last_moved: date | None  # the last business day it was sold or used; None: never
    days_since: int | None


def costed_products(session: Session, ids: Iterable[str] | None = None) -> dict[str, Costed]:
    """Products by id, with the store's cost of a package (else the catalog's)."""
    query = select(
        Product.id,
        Product.category,
        Product.name,
        Product.unit,
        Product.pack_size,
        func.coalesce(StockLevel.cost, Product.cost),
    ).outerjoin(StockLevel, StockLevel.product_id == Product.id)
    if ids is not None:
        query = query.where(Product.id.in_(sorted(set(ids))))
    return {row[0]: Costed(*row) for row in session.execute(query)}


def read_flows(session: Session, period: Period) -> list[StockFlow]:
    """Each product with stock or a movement in the period, by category and name. Read
    backwards from on hand now (kept by the ledger's trigger): closing is now less what moved
    after the period, opening closing less what moved in it, so only the movements from the
    period's first day on are read, not the years before it."""
    moved = session.execute(
        _FLOW, {"first": period.first.isoformat(), "last": period.last.isoformat()}
    )
    within: dict[str, dict[str, int]] = {}
    after: dict[str, int] = {}
    for product_id, kind, inside, later, rows in moved:
        if rows:  # moved in the period, even if it came to nothing
            within.setdefault(product_id, {})[kind] = int(inside)
        after[product_id] = after.get(product_id, 0) + int(later)
    now = dict(
        session.execute(
            select(StockOnHand.product_id, func.sum(StockOnHand.quantity)).group_by(
                StockOnHand.product_id
            )
        ).all()
    )
    closing = {pid: int(units) - after.get(pid, 0) for pid, units in now.items()}
    shown = set(within) | {pid for pid, units in closing.items() if units}
    products = costed_products(session, shown)
    flows = [
        StockFlow(
            products[pid],
            closing.get(pid, 0) - sum(within.get(pid, {}).values()),
            within.get(pid, {}),
            closing.get(pid, 0),
        )
        for pid in shown
        if pid in products  # a movement of a product this counter has not heard of yet
    ]
    return sorted(flows, key=lambda f: (f.product.category, f.product.name, f.product.product_id))


def read_consumption(
    session: Session, period: Period, names: Mapping[str, str]
) -> tuple[list[Used], list[Used]]:
    """What services used in the period, by service and by technician: each consumption
    movement with its ticket line (the service as sold, its technician) less the voids of
    those lines, each on its own business day. A refunded service's consumables stay used.
    `names`: technicians' names by id."""
    line = TicketLine
    technician = func.coalesce(line.technician_id, StockMovement.staff_id).label("technician")
    rows = session.execute(
        select(
            line.item_id,
            func.max(line.name),
            technician,
            StockMovement.product_id,
            func.sum(StockMovement.quantity),
        )
        .outerjoin(line, line.id == StockMovement.line_id)
        .where(
            StockMovement.business_day.between(period.first, period.last),
            or_(
                StockMovement.kind == MovementKind.CONSUMPTION.value,
                (StockMovement.kind == MovementKind.VOID.value) & (line.kind == "service"),
            ),
        )
        .group_by(line.item_id, technician, StockMovement.product_id)
    ).all()
    products = costed_products(session, {row[3] for row in rows})
    by_service: dict[tuple[str | None, str], list[int | str]] = {}
    by_technician: dict[tuple[str | None, str], int] = {}
    for service_id, service, staff_id, product_id, quantity in rows:
        if product_id not in products:
            continue
        entry = by_service.setdefault((service_id, product_id), [service or "", 0])
        entry[1] = int(entry[1]) - int(quantity)
        key = (staff_id, product_id)
        by_technician[key] = by_technician.get(key, 0) - int(quantity)
    services = [
        Used(sid, str(name), products[pid], int(units))
        for (sid, pid), (name, units) in by_service.items()
        if units
    ]
    technicians = [
        Used(tid, names.get(tid, "") if tid else "", products[pid], units)
        for (tid, pid), units in by_technician.items()
        if units
    ]
    return _by_value(services), _by_value(technicians)


def _by_value(found: list[Used]) -> list[Used]:
    """Grouped by whose use it was (the largest user first), then the product, dearest first."""
    whole: dict[str | None, int] = {}
    for used in found:
        whole[used.key] = whole.get(used.key, 0) + used.value
    return sorted(
        found, key=lambda u: (-whole[u.key], u.name, u.key or "", -u.value, u.product.name)
    )


def expiring_values(
    batches: Sequence[ExpiringBatch], stock: Sequence[StockRow], today: date
) -> list[Expiring]:
    """StockService.expiring's batches with their days left and value at the product's cost."""
    rows = {row.product_id: row for row in stock}
    found = []
    for batch in batches:
        row = rows.get(batch.product_id)
        value = value_at_cost(batch.on_hand, row.cost, row.pack_size) if row else 0
        found.append(Expiring(batch, (batch.expires_on - today).days, value))
    return found


def read_last_moved(session: Session) -> dict[str, date]:
    """The last business day each product held in stock was sold or used by a service, in one
    statement: a product's newest movements first down the (product, day) index, to the first
    take, so the years of ledger behind it are not read."""
    held = select(StockOnHand.product_id).where(StockOnHand.quantity > 0)
    last = (
        select(func.max(StockMovement.business_day))
        .where(StockMovement.product_id == Product.id, StockMovement.kind.in_(TAKES))
        .scalar_subquery()
    )
    found = session.execute(select(Product.id, last).where(Product.id.in_(held)))
    return {pid: day for pid, day in found if day is not None}


def slow_movers(
    stock: Sequence[StockRow], last_moved: Mapping[str, date], today: date, days: int
) -> list[SlowMover]:
    """Products with stock not sold nor used for `days` days or more (or never), the most money
    tied up first."""
    found = []
    for row in stock:
        if row.on_hand <= 0:
            continue
        last = last_moved.get(row.product_id)
        since = (today - last).days if last is not None else None
        if since is None or since >= days:
            found.append(SlowMover(row, last, since))
    return sorted(found, key=lambda s: (-s.stock.value, s.stock.category, s.stock.name))
