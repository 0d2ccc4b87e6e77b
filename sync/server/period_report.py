"""What the console's reports page reads: a period's figures of the account's stores by day,
category, item, technician, tender and store, with the products' gross margin. SQL sums over
the per-day tables kept in each push batch (sales_item_day, sales_staff_day: report_days.py;
sales_day: sales_report.py), so a month of 20 busy stores reads some tens of thousands of rows
whatever the tickets. The rules are the counter's (salon_pos.domain.sales_figures, docs/reports.md):
net sales (营业额) are service and product money less what voids and refunds took back on the
period's days; stored value and package cards sold are money for services to come, apart;
tickets are tickets sold less tickets voided; a product's margin is at its current cost."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, and_, func, select

from salon_pos.domain.report_periods import Grain, bucket_start
from salon_pos.domain.sales_figures import ratio_bp
from sync.server import models
from sync.server.db import load_json
from sync.server.report_days import ITEM_DAY, STAFF_DAY, STAFF_SERVED
from sync.server.sales_report import DAY

ITEM = models.table_of(models.CatalogItem)
STAFF = models.table_of(models.StaffMember)
REVENUE = ("service", "product")
TOP = 10
Row = Any  # a row of sums of sales_item_day


@dataclass(frozen=True)
class Figure:
    """A row of a report table: a name, units and fen (net of voids and refunds)."""

    key: str
    name: str
    quantity: int
    amount: int


@dataclass(frozen=True)
class Margin:
    key: str
    name: str
    quantity: int
    amount: int
    cost: int  # units × the product's cost now

    @property
    def margin(self) -> int:
        return self.amount - self.cost

    @property
    def rate_bp(self) -> int | None:
        return ratio_bp(self.margin, self.amount)


@dataclass(frozen=True)
class TechnicianFigures:
    staff_id: str  # "": lines with no technician
    name: str
    amount: int
    quantity: int
    tickets: int
    customers: int
    requested: int


@dataclass(frozen=True)
class StoreFigures:
    store_id: str
    net: int
    tickets: int
    stored_value: int  # top-ups sold, less those taken back
    packages: int  # package cards sold, less those taken back

    @property
    def average_ticket(self) -> int:
        return round(self.net / self.tickets) if self.tickets > 0 else 0


@dataclass(frozen=True)
class DayFigures:
    day: date
    net: int
    tickets: int


@dataclass(frozen=True)
class PeriodReport:
    first_day: date
    last_day: date
    stores: list[StoreFigures]
    days: list[DayFigures]
    categories: list[Figure]
    services: list[Figure]  # the top ten by net fen
    products: list[Figure]  # the top ten by net fen
    technicians: list[TechnicianFigures]
    margins: list[Margin]  # every product sold in the period
    tenders: dict[str, int] = field(default_factory=dict)

    @property
    def net(self) -> int:
        return sum(s.net for s in self.stores)

    @property
    def tickets(self) -> int:
        return sum(s.tickets for s in self.stores)

    @property
    def average_ticket(self) -> int:
        return round(self.net / self.tickets) if self.tickets > 0 else 0


def period_report(
    connection: Connection,
    store_ids: Sequence[str],
    first_day: date,
    last_day: date,
    grain: Grain = Grain.MONTH,
) -> PeriodReport:
    """The stores' report from `first_day` to `last_day` (business days, both included), a
    day, a week (from Monday) or a month, `grain`, or a part of one up to its last day: the
    technicians' customers served are those of the whole day, week or month of `first_day`."""
    in_period = and_(
        ITEM_DAY.c.store_id.in_(store_ids),
        ITEM_DAY.c.business_day >= first_day,
        ITEM_DAY.c.business_day <= last_day,
    )
    amount = func.sum(ITEM_DAY.c.amount)
    by_day = connection.execute(
        select(ITEM_DAY.c.store_id, ITEM_DAY.c.business_day, ITEM_DAY.c.kind, amount)
        .where(in_period)
        .group_by(ITEM_DAY.c.store_id, ITEM_DAY.c.business_day, ITEM_DAY.c.kind)
    ).all()
    items = connection.execute(
        select(ITEM_DAY.c.kind, ITEM_DAY.c.item_id, ITEM_DAY.c.category, ITEM_DAY.c.name,
               func.max(ITEM_DAY.c.business_day), func.sum(ITEM_DAY.c.quantity), amount)
        .where(in_period)
        .group_by(ITEM_DAY.c.kind, ITEM_DAY.c.item_id, ITEM_DAY.c.category, ITEM_DAY.c.name)
    ).all()  # fmt: skip
    tickets = _tickets(connection, store_ids, first_day, last_day)
    products = _by_item(items, "product")
    return PeriodReport(
        first_day,
        last_day,
        _stores(store_ids, by_day, tickets),
        _days(by_day, tickets, first_day, last_day),
        _categories(items),
        _by_item(items, "service")[:TOP],
        products[:TOP],
        _technicians(connection, store_ids, first_day, last_day, grain),
        _margins(connection, products),
        _tenders(connection, store_ids, first_day, last_day),
    )


def _tenders(
    connection: Connection, store_ids: Sequence[str], first_day: date, last_day: date
) -> dict[str, int]:
    """Tender → fen taken less given back (the tender ledger's sums), those not 0."""
    rows = connection.execute(
        select(DAY.c.tender, func.sum(DAY.c.amount))
        .where(
            DAY.c.store_id.in_(store_ids),
            DAY.c.business_day >= first_day,
            DAY.c.business_day <= last_day,
            DAY.c.tender != "",
        )
        .group_by(DAY.c.tender)
    ).all()
    return {tender: int(fen) for tender, fen in sorted(rows) if fen}


def _tickets(
    connection: Connection, store_ids: Sequence[str], first_day: date, last_day: date
) -> dict[tuple[str, date], int]:
    """(store, day) → tickets sold less tickets voided, from the sales ledger's sums."""
    rows = connection.execute(
        select(DAY.c.store_id, DAY.c.business_day, DAY.c.kind, DAY.c.entries).where(
            DAY.c.store_id.in_(store_ids),
            DAY.c.business_day >= first_day,
            DAY.c.business_day <= last_day,
            DAY.c.tender == "",
            DAY.c.kind.in_(("sale", "void")),
        )
    ).all()
    found: dict[tuple[str, date], int] = defaultdict(int)
    for store_id, business_day, kind, entries in rows:
        found[(store_id, business_day)] += int(entries) * (1 if kind == "sale" else -1)
    return found


def _stores(
    store_ids: Sequence[str], by_day: Sequence[Row], tickets: dict[tuple[str, date], int]
) -> list[StoreFigures]:
    sums: dict[str, dict[str, int]] = {s: defaultdict(int) for s in store_ids}
    for store_id, _, kind, amount in by_day:
        sums[store_id][kind] += int(amount)
    counted: dict[str, int] = defaultdict(int)
    for (store_id, _), count in tickets.items():
        counted[store_id] += count
    return [
        StoreFigures(
            store_id,
            sums[store_id]["service"] + sums[store_id]["product"],
            counted[store_id],
            sums[store_id]["stored_value"],
            sums[store_id]["package"],
        )
        for store_id in store_ids
    ]


def _days(
    by_day: Sequence[Row], tickets: dict[tuple[str, date], int], first_day: date, last_day: date
) -> list[DayFigures]:
    """Every day of the period, those with nothing sold at ¥0.00."""
    net: dict[date, int] = defaultdict(int)
    for _, day, kind, amount in by_day:
        if kind in REVENUE:
            net[day] += int(amount)
    counted: dict[date, int] = defaultdict(int)
    for (_, day), count in tickets.items():
        counted[day] += count
    days = [first_day + timedelta(days=n) for n in range((last_day - first_day).days + 1)]
    return [DayFigures(day, net[day], counted[day]) for day in days]


def _categories(items: Sequence[Row]) -> list[Figure]:
    found: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for kind, _, category, _, _, quantity, amount in items:
        if kind in REVENUE:
            found[category][0] += int(quantity)
            found[category][1] += int(amount)
    return _sorted(Figure(c, c, q, a) for c, (q, a) in found.items())


def _by_item(items: Sequence[Row], kind: str) -> list[Figure]:
    """Per item of `kind`, its name as last sold, by net fen (the most first)."""
    found: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    names: dict[str, tuple[date, str]] = {}
    for of_kind, item_id, _, name, last_sold, quantity, amount in items:
        if of_kind != kind:
            continue
        found[item_id][0] += int(quantity)
        found[item_id][1] += int(amount)
        if item_id not in names or names[item_id] < (last_sold, name):
            names[item_id] = (last_sold, name)
    return _sorted(Figure(i, names[i][1], q, a) for i, (q, a) in found.items())


def _sorted(figures: Iterable[Figure]) -> list[Figure]:
    return sorted(figures, key=lambda f: (-f.amount, f.name, f.key))


def _technicians(
    connection: Connection, store_ids: Sequence[str], first_day: date, last_day: date, grain: Grain
) -> list[TechnicianFigures]:
    in_period = and_(
        STAFF_DAY.c.store_id.in_(store_ids),
        STAFF_DAY.c.business_day >= first_day,
        STAFF_DAY.c.business_day <= last_day,
    )
    sums = connection.execute(
        select(STAFF_DAY.c.staff_id, func.sum(STAFF_DAY.c.amount), func.sum(STAFF_DAY.c.quantity),
               func.sum(STAFF_DAY.c.tickets), func.sum(STAFF_DAY.c.requested))
        .where(in_period)
        .group_by(STAFF_DAY.c.staff_id)
    ).all()  # fmt: skip
    served: dict[str, int] = dict(
        connection.execute(
            select(STAFF_SERVED.c.staff_id, func.sum(STAFF_SERVED.c.customers))
            .where(
                STAFF_SERVED.c.store_id.in_(store_ids),
                STAFF_SERVED.c.grain == grain.value,
                STAFF_SERVED.c.period_start == bucket_start(first_day, grain),
            )
            .group_by(STAFF_SERVED.c.staff_id)
        ).all()
    )
    ids = [row[0] for row in sums if row[0]]
    names = dict(
        connection.execute(select(STAFF.c.id, STAFF.c.name).where(STAFF.c.id.in_(ids))).all()
    )
    found = [
        TechnicianFigures(staff_id, names.get(staff_id, ""), int(amount), int(quantity),
                          int(tickets), int(served.get(staff_id, 0)), int(requested))
        for staff_id, amount, quantity, tickets, requested in sums
    ]  # fmt: skip
    return sorted(found, key=lambda t: (-t.amount, t.name, t.staff_id))


def _margins(connection: Connection, products: Sequence[Figure]) -> list[Margin]:
    """Each product sold, at its cost now (the catalog's `cost`; the cost at the sale is not
    kept, as on the counter): unknown or never set, 0."""
    ids = [p.key for p in products]
    costs = {
        item_id: int(load_json(data).get("cost") or 0)
        for item_id, data in connection.execute(
            select(ITEM.c.id, ITEM.c.data).where(ITEM.c.id.in_(ids))
        )
    } if ids else {}  # fmt: skip
    return [Margin(p.key, p.name, p.quantity, p.amount, p.quantity * costs.get(p.key, 0))
            for p in products]  # fmt: skip
