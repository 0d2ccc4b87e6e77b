"""What the console's stock pages read (docs/inventory.md, "Console"): each product's stock in
each store with its minimum and value at cost, the batches expiring, one product's movements,
the products with stock nobody sold or used lately, and what services used up. Everything is
a sum of the ledger (stock_movement) in a few grouped statements a page, never one a product:
5,000 products in 20 stores are 100,000 sums, read by the (store_id, product_id, batch_id)
index. The counter's rules: value at cost and the suggested order from salon_pos.domain.stock."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, and_, func, select

from salon_pos.domain.stock import suggested_packages, value_at_cost
from sync.protocol import CONFLICT_OPEN
from sync.server import models
from sync.server.chain import sold_by
from sync.server.db import load_json

MOVEMENT = models.table_of(models.StockMovement)
BATCH = models.table_of(models.StockBatch)
LEVEL = models.table_of(models.StockLevel)
CATALOG = models.table_of(models.CatalogItem)
LINE = models.table_of(models.TicketLine)
TICKET = models.table_of(models.Ticket)
STAFF = models.table_of(models.StaffMember)
DEVICE = models.table_of(models.Device)
CONFLICT = models.table_of(models.Conflict)
USED = ("sale", "consumption")  # what moves a product off the shelf to a customer
CHUNK = 5_000  # ids a statement: within SQLite's and PostgreSQL's limits on bound values


@dataclass(frozen=True)
class Product:
    id: str
    category: str
    name: str
    unit: str
    pack_size: int
    cost: int  # a package's, fen, in the catalog


@dataclass(frozen=True)
class StockRow:
    """A product in one store."""

    store_id: str
    product: Product
    on_hand: int  # units of the product's unit
    minimum: int
    cost: int  # a package's, fen: the store's moving average, else the catalog's

    @property
    def value(self) -> int:
        return value_at_cost(self.on_hand, self.cost, self.product.pack_size)

    @property
    def low(self) -> bool:
        return self.minimum > 0 and self.on_hand < self.minimum

    @property
    def suggested_packages(self) -> int:
        return suggested_packages(self.on_hand, self.minimum, self.product.pack_size)

    @property
    def order_cost(self) -> int:
        return self.suggested_packages * self.cost


def products(connection: Connection, ids: Iterable[str]) -> dict[str, Product]:
    """The catalog's products by id (the store's own or the chain's)."""
    found: dict[str, Product] = {}
    wanted = sorted(set(ids))
    for start in range(0, len(wanted), CHUNK):
        query = select(
            CATALOG.c.id,
            CATALOG.c.category,
            CATALOG.c.name,
            CATALOG.c.unit,
            CATALOG.c.pack_size,
            CATALOG.c.data,
        ).where(CATALOG.c.id.in_(wanted[start : start + CHUNK]))
        for row in connection.execute(query):
            cost = int(load_json(row.data).get("cost") or 0)
            found[row.id] = Product(
                row.id, row.category, row.name, row.unit, max(row.pack_size, 1), cost
            )
    return found


def stock_rows(connection: Connection, store_ids: Sequence[str]) -> list[StockRow]:
    """Every product a store keeps (any movement there, or a minimum or cost set there), by
    store, category and name: three statements whatever the products."""
    sums = connection.execute(
        select(MOVEMENT.c.store_id, MOVEMENT.c.product_id, func.sum(MOVEMENT.c.quantity))
        .where(MOVEMENT.c.store_id.in_(store_ids))
        .group_by(MOVEMENT.c.store_id, MOVEMENT.c.product_id)
    )
    held = {(store, product): int(units) for store, product, units in sums}
    levels = {
        (r.store_id, r.product_id): (int(r.minimum), r.cost)
        for r in connection.execute(
            select(LEVEL.c.store_id, LEVEL.c.product_id, LEVEL.c.minimum, LEVEL.c.cost).where(
                LEVEL.c.store_id.in_(store_ids)
            )
        )
    }
    keys = held.keys() | levels.keys()
    known = products(connection, (product for _, product in keys))
    order = {store: n for n, store in enumerate(store_ids)}
    rows = []
    for store, product_id in keys:
        product = known.get(product_id)
        if product is None:  # moved before its catalog item arrived: nothing to name it by
            continue
        minimum, cost = levels.get((store, product_id), (0, None))
        rows.append(
            StockRow(
                store,
                product,
                held.get((store, product_id), 0),
                minimum,
                product.cost if cost is None else int(cost),
            )
        )
    rows.sort(key=lambda r: (order[r.store_id], r.product.category, r.product.name, r.product.id))
    return rows


@dataclass(frozen=True)
class ChainRow:
    """A product across the stores shown: each store's stock of it."""

    product: Product
    stores: dict[str, StockRow]

    @property
    def on_hand(self) -> int:
        return sum(r.on_hand for r in self.stores.values())

    @property
    def value(self) -> int:
        return sum(r.value for r in self.stores.values())

    @property
    def low(self) -> bool:
        return any(r.low for r in self.stores.values())


def across_stores(rows: Iterable[StockRow]) -> list[ChainRow]:
    """One row a product across the stores, by category and name: a chain item is one id in
    every store; stores' own items of the same category, name, unit and package are the same
    product to the owner (each store made its own). A store's second item of that name keeps
    a row of its own."""
    found: dict[tuple[str, ...], ChainRow] = {}
    for row in rows:
        p = row.product
        key: tuple[str, ...] = (p.category, p.name, p.unit, str(p.pack_size))
        if key in found and row.store_id in found[key].stores:
            key = (*key, p.id)
        found.setdefault(key, ChainRow(p, {})).stores[row.store_id] = row
    return [found[k] for k in sorted(found)]


@dataclass(frozen=True)
class ExpiringBatch:
    store_id: str
    product_id: str
    name: str
    unit: str
    batch_id: str
    code: str
    expires_on: date
    on_hand: int


def expiring(connection: Connection, store_ids: Sequence[str], until: date) -> list[ExpiringBatch]:
    """Batches with stock in a store (the sum of its movements there) expiring on or before
    `until`, those expired among them; soonest first."""
    units = func.sum(MOVEMENT.c.quantity)
    query = (
        select(
            MOVEMENT.c.store_id,
            MOVEMENT.c.product_id,
            BATCH.c.id,
            BATCH.c.code,
            BATCH.c.expires_on,
            units,
        )
        .join(
            BATCH, (BATCH.c.id == MOVEMENT.c.batch_id) & (BATCH.c.store_id == MOVEMENT.c.store_id)
        )
        .where(MOVEMENT.c.store_id.in_(store_ids), BATCH.c.expires_on <= until)
        .group_by(
            MOVEMENT.c.store_id, MOVEMENT.c.product_id, BATCH.c.id, BATCH.c.code, BATCH.c.expires_on
        )
        .having(units > 0)
    )
    found = connection.execute(query).all()
    known = products(connection, (r[1] for r in found))
    batches = [
        ExpiringBatch(
            store,
            product,
            known[product].name if product in known else "",
            known[product].unit if product in known else "piece",
            batch,
            code,
            expires,
            int(held),
        )
        for store, product, batch, code, expires, held in found
    ]
    return sorted(batches, key=lambda b: (b.expires_on, b.name, b.store_id, b.batch_id))


@dataclass(frozen=True)
class MovementRow:
    id: str
    at: datetime
    business_day: date
    kind: str
    quantity: int
    batch_code: str | None
    document_id: str
    ticket_id: str | None  # the document is a ticket (a sale, its consumption or its void)
    ticket_number: str | None
    reason: str
    staff: str | None
    counter: str | None  # None: made at the server
    balance: int  # on hand after this movement


def product_movements(
    connection: Connection, store_id: str, product_id: str, limit: int, offset: int
) -> tuple[list[MovementRow], int]:
    """A product's movements in a store, newest first, a page of them with the stock after
    each; and how many there are."""
    mine = and_(MOVEMENT.c.store_id == store_id, MOVEMENT.c.product_id == product_id)
    newest = (MOVEMENT.c.at.desc(), MOVEMENT.c.id.desc())
    total, count = connection.execute(
        select(func.coalesce(func.sum(MOVEMENT.c.quantity), 0), func.count()).where(mine)
    ).one()
    newer = select(MOVEMENT.c.quantity).where(mine).order_by(*newest).limit(offset).subquery()
    after_page = int(total) - int(
        connection.execute(select(func.coalesce(func.sum(newer.c.quantity), 0))).scalar_one()
    )
    query = (
        select(
            MOVEMENT,
            BATCH.c.code,
            TICKET.c.id.label("ticket"),
            TICKET.c.number,
            STAFF.c.name.label("staff"),
            DEVICE.c.counter,
        )
        .outerjoin(
            BATCH, (BATCH.c.id == MOVEMENT.c.batch_id) & (BATCH.c.store_id == MOVEMENT.c.store_id)
        )
        .outerjoin(TICKET, TICKET.c.id == MOVEMENT.c.document_id)
        .outerjoin(STAFF, STAFF.c.id == MOVEMENT.c.staff_id)
        .outerjoin(DEVICE, DEVICE.c.id == MOVEMENT.c.device_id)
        .where(mine)
        .order_by(*newest)
        .limit(limit)
        .offset(offset)
    )
    rows = []
    for r in connection.execute(query):
        rows.append(
            MovementRow(
                r.id,
                r.at,
                r.business_day,
                r.kind,
                int(r.quantity),
                r.code,
                r.document_id,
                r.ticket,
                r.number,
                r.reason,
                r.staff,
                r.counter,
                after_page,
            )
        )
        after_page -= int(r.quantity)
    return rows, int(count)


def last_used(connection: Connection, store_ids: Sequence[str]) -> dict[tuple[str, str], date]:
    """The last business day each product was sold or used by a service in each store."""
    query = (
        select(MOVEMENT.c.store_id, MOVEMENT.c.product_id, func.max(MOVEMENT.c.business_day))
        .where(MOVEMENT.c.store_id.in_(store_ids), MOVEMENT.c.kind.in_(USED))
        .group_by(MOVEMENT.c.store_id, MOVEMENT.c.product_id)
    )
    return {(store, product): day for store, product, day in connection.execute(query)}


@dataclass(frozen=True)
class SlowMover:
    row: StockRow
    last_used: date | None  # never sold nor used here


def slow_movers(connection: Connection, store_ids: Sequence[str], since: date) -> list[SlowMover]:
    """Products with stock in a store that were neither sold nor used there on `since` or
    later: the stock the owner's money sits in. The oldest first, never used before all."""
    used = last_used(connection, store_ids)
    slow = [
        SlowMover(row, used.get((row.store_id, row.product.id)))
        for row in stock_rows(connection, store_ids)
        if row.on_hand > 0 and not (used.get((row.store_id, row.product.id), date.min) >= since)
    ]
    return sorted(slow, key=lambda s: (s.last_used or date.min, -s.row.value, s.row.product.name))


@dataclass(frozen=True)
class Used:
    """What one service, or one technician, used up of a product in a period."""

    key: str  # the service's id, or the technician's ("" none)
    name: str
    store_id: str
    product: Product
    units: int
    cost: int  # a package's, fen, in the store now

    @property
    def value(self) -> int:
        return value_at_cost(self.units, self.cost, self.product.pack_size)


@dataclass(frozen=True)
class Consumption:
    by_service: list[Used]
    by_technician: list[Used]


def consumption(
    connection: Connection, store_ids: Sequence[str], first: date, last: date
) -> Consumption:
    """The consumables services used on the period's business days: each `consumption`
    movement's ticket line gives the service and its technician; a voided ticket's `void`
    movements of those lines put them back on the void's own day (the ledger's days, as the
    reports count voids). Valued at each store's cost of the product now."""
    technician = func.coalesce(LINE.c.technician_id, MOVEMENT.c.staff_id, "")
    used = func.sum(-MOVEMENT.c.quantity)
    query = (
        select(
            MOVEMENT.c.store_id,
            MOVEMENT.c.product_id,
            LINE.c.item_id,
            LINE.c.name,
            technician.label("technician"),
            used,
        )
        .join(LINE, LINE.c.id == MOVEMENT.c.line_id)
        .where(
            MOVEMENT.c.store_id.in_(store_ids),
            MOVEMENT.c.business_day.between(first, last),
            MOVEMENT.c.kind.in_(("consumption", "void")),
            LINE.c.kind == "service",
        )
        .group_by(
            MOVEMENT.c.store_id, MOVEMENT.c.product_id, LINE.c.item_id, LINE.c.name, technician
        )
    )
    found = connection.execute(query).all()
    known = products(connection, (r[1] for r in found))
    costs = store_costs(connection, store_ids, known)
    names = _staff_names(connection, {r.technician for r in found if r.technician})
    services: dict[tuple[str, str, str], list[Any]] = {}
    people: dict[tuple[str, str, str], list[Any]] = {}
    for store, product, service, service_name, person, units in found:
        if product not in known:
            continue
        entry = services.setdefault((service, store, product), [service_name, 0])
        entry[1] += int(units)
        mine = people.setdefault((person, store, product), [names.get(person, ""), 0])
        mine[1] += int(units)
    return Consumption(_used(services, known, costs), _used(people, known, costs))


def _used(
    found: dict[tuple[str, str, str], list[Any]],
    known: dict[str, Product],
    costs: dict[tuple[str, str], int],
) -> list[Used]:
    rows = [
        Used(
            key,
            name,
            store,
            known[product],
            units,
            costs.get((store, product), known[product].cost),
        )
        for (key, store, product), (name, units) in found.items()
        if units
    ]
    return sorted(rows, key=lambda u: (u.name, u.key, u.store_id, u.product.name))


def store_costs(
    connection: Connection, store_ids: Sequence[str], known: dict[str, Product]
) -> dict[tuple[str, str], int]:
    if not known:
        return {}
    query = select(LEVEL.c.store_id, LEVEL.c.product_id, LEVEL.c.cost).where(
        LEVEL.c.store_id.in_(store_ids),
        LEVEL.c.product_id.in_(sorted(known)),
        LEVEL.c.cost.is_not(None),
    )
    return {(s, p): int(c) for s, p, c in connection.execute(query)}


def _staff_names(connection: Connection, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    query = select(STAFF.c.id, STAFF.c.name).where(STAFF.c.id.in_(sorted(ids)))
    return {i: n for i, n in connection.execute(query)}


def open_negative_stock(connection: Connection, store_ids: Sequence[str]) -> dict[str, int]:
    """Open negative_stock conflicts by store: products counters took below zero apart."""
    query = (
        select(CONFLICT.c.store_id, func.count())
        .where(
            CONFLICT.c.store_id.in_(store_ids),
            CONFLICT.c.type == "negative_stock",
            CONFLICT.c.status == CONFLICT_OPEN,
        )
        .group_by(CONFLICT.c.store_id)
    )
    return {store: int(n) for store, n in connection.execute(query)}


def store_product(connection: Connection, store_id: str, product_id: str) -> Product | None:
    """A product the store sells (its own or its owner's chain item); None: not the store's."""
    query = select(CATALOG.c.id).where(
        CATALOG.c.id == product_id, CATALOG.c.kind == "product", sold_by(store_id)
    )
    if connection.execute(query).first() is None:
        return None
    return products(connection, [product_id]).get(product_id)


def stock_held(connection: Connection, product_id: str) -> dict[str, int]:
    """The stores holding stock of a product (on hand not zero; stock_on_hand, kept with
    each push), by store."""
    held = models.table_of(models.StockOnHand)
    query = select(held.c.store_id, held.c.quantity).where(
        held.c.product_id == product_id, held.c.quantity != 0
    )
    return {store: int(units) for store, units in connection.execute(query)}
