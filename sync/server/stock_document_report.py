"""What the console's stock document pages read (docs/inventory.md, "Console"): a store's
suppliers, its purchase orders with what the receipts against each brought, its stocktakes
with the posted sheet, the transfers between the owner's stores, and its receipts (入库) and
write-offs (报损) with their movements, as the counters pushed them (handlers/inventory.py,
handlers/stock_documents.py, handlers/transfers.py). A page is a few statements whatever
the documents: the documents of the stores, then the names they refer to by id.

An order's state is worked out as the counter works it out (salon_pos/services/purchasing.py,
`received_packages` and `state_of`): what it received is the sum of the movements of the
receipts naming it, in whole packages; an ordered order with all of each line come is
received, with some of it partly received.

The lists take a period of business days (`days`, salon_pos.domain.report_periods.Period) and
read only the documents of it, in their SQL: a receipt's or write-off's business day, a
stocktake's start or post day, a transfer's sent day (the sending counter's), an order's
creation moment within the period's days in its store's time zone and business-day start (an
order carries no business day). No period: every document (a document's own page)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, false, func, or_, select, true

from salon_pos.domain.business_day import day_start
from salon_pos.domain.report_periods import Period
from salon_pos.domain.stock import signed_value_at_cost
from sync.server import models
from sync.server.day_figures import cutover_hour
from sync.server.db import load_json
from sync.server.stock_report import BATCH, Product, products
from sync.server.stock_report import store_costs as stock_costs

SUPPLIER = models.table_of(models.Supplier)
ORDER = models.table_of(models.PurchaseOrder)
DOCUMENT = models.table_of(models.StockDocument)
MOVEMENT = models.table_of(models.StockMovement)
STOCKTAKE = models.table_of(models.Stocktake)
COUNT = models.table_of(models.StocktakeCount)
TRANSFER = models.table_of(models.StockTransfer)
STAFF = models.table_of(models.StaffMember)
ORDER_STATES = ("draft", "ordered", "partly_received", "received", "cancelled")
# Listed in any period it was created before the end of: an order still to place or still
# awaiting goods (by its status as held, then by its state worked out from the receipts).
OPEN_ORDER_STATUSES = ("draft", "ordered")
OPEN_ORDER_STATES = ("draft", "ordered", "partly_received")


def _product(known: dict[str, Product], product_id: str) -> Product:
    """The catalog's product, or a stand-in named by its id (a line of a product the server
    has not heard of: kept, never dropped)."""
    return known.get(product_id) or Product(product_id, "", product_id[-8:], "piece", 1, 0)


def staff_names(connection: Connection, ids: Iterable[str | None]) -> dict[str, str]:
    wanted = sorted({i for i in ids if i})
    if not wanted:
        return {}
    query = select(STAFF.c.id, STAFF.c.name).where(STAFF.c.id.in_(wanted))
    return {i: n for i, n in connection.execute(query)}


@dataclass(frozen=True)
class SupplierRow:
    store_id: str
    id: str
    name: str
    contact: str
    phone: str
    note: str
    active: bool
    updated_at: datetime
    orders: int  # purchase orders naming it


def suppliers(connection: Connection, store_ids: Sequence[str]) -> list[SupplierRow]:
    """The stores' suppliers, the active ones first, by name, with how many orders each."""
    orders: dict[str, int] = dict(
        connection.execute(
            select(ORDER.c.supplier_id, func.count())
            .where(ORDER.c.store_id.in_(store_ids), ORDER.c.supplier_id.is_not(None))
            .group_by(ORDER.c.supplier_id)
        ).all()
    )
    rows = [
        SupplierRow(
            r.store_id,
            r.id,
            r.name,
            r.contact,
            r.phone,
            r.note,
            bool(r.active),
            r.updated_at,
            int(orders.get(r.id, 0)),
        )
        for r in connection.execute(select(SUPPLIER).where(SUPPLIER.c.store_id.in_(store_ids)))
    ]
    order = {store: n for n, store in enumerate(store_ids)}
    return sorted(rows, key=lambda s: (order[s.store_id], not s.active, s.name, s.id))


@dataclass(frozen=True)
class OrderLine:
    product: Product
    packages: int  # ordered
    unit_cost: int | None  # a package's, fen; None: not known when ordered
    received: int  # packages received so far against the order

    @property
    def total(self) -> int:
        return self.packages * (self.unit_cost or 0)

    @property
    def outstanding(self) -> int:
        return max(0, self.packages - self.received)


@dataclass(frozen=True)
class OrderRow:
    store_id: str
    id: str
    number: str
    supplier: str  # its name; "" none
    status: str  # as stored: draft, ordered, cancelled
    state: str  # worked out: ORDER_STATES
    created_at: datetime
    created_by: str
    ordered_at: datetime | None
    note: str
    lines: tuple[OrderLine, ...]

    @property
    def total(self) -> int:
        return sum(line.total for line in self.lines)

    @property
    def received_value(self) -> int:
        return sum(line.received * (line.unit_cost or 0) for line in self.lines)

    @property
    def packages(self) -> int:
        return sum(line.packages for line in self.lines)

    @property
    def received(self) -> int:
        return sum(line.received for line in self.lines)


def order_state(status: str, ordered: dict[str, int], received: dict[str, int]) -> str:
    """The counter's state_of: only an ordered order is received, partly or whole."""
    if status != "ordered" or not received:
        return status
    whole = all(received.get(product, 0) >= packages for product, packages in ordered.items())
    return "received" if whole else "partly_received"


def _received(
    connection: Connection, store_ids: Sequence[str], orders: Any
) -> dict[str, dict[str, int]]:
    """Units received against each order, by product: the movements of the receipts naming
    it (in the order's store); `orders`: the orders' ids (a list or a select), None all."""
    query = (
        select(DOCUMENT.c.purchase_order_id, MOVEMENT.c.product_id, func.sum(MOVEMENT.c.quantity))
        .join(
            MOVEMENT,
            (MOVEMENT.c.document_id == DOCUMENT.c.id)
            & (MOVEMENT.c.store_id == DOCUMENT.c.store_id),
        )
        .where(DOCUMENT.c.store_id.in_(store_ids), DOCUMENT.c.purchase_order_id.is_not(None))
        .group_by(DOCUMENT.c.purchase_order_id, MOVEMENT.c.product_id)
    )
    if orders is not None:
        query = query.where(DOCUMENT.c.purchase_order_id.in_(orders))
    found: dict[str, dict[str, int]] = defaultdict(dict)
    for order, product, units in connection.execute(query):
        found[order][product] = int(units)
    return found


def purchase_orders(
    connection: Connection,
    store_ids: Sequence[str],
    order_id: str | None = None,
    days: Period | None = None,
) -> list[OrderRow]:
    """The stores' purchase orders (or the one; those created in the period `days`, and those
    created before its end still open), newest first, each line with what came."""
    mine: ColumnElement[bool] = ORDER.c.store_id.in_(store_ids)
    if order_id is not None:
        mine = and_(mine, ORDER.c.id == order_id)
    within: ColumnElement[bool] = true()
    if days is not None:
        calendars = store_calendars(connection, store_ids)
        within = _created_within(calendars, days.first, days.last)
        before = _created_within(calendars, None, days.last)
        still_open = and_(ORDER.c.status.in_(OPEN_ORDER_STATUSES), before)
        mine = and_(mine, or_(within, still_open))
    found = connection.execute(select(ORDER, within.label("within")).where(mine)).mappings()
    held = found.all()
    lines = {r["id"]: load_json(r["lines"]) for r in held}
    known = products(connection, (str(x["product_id"]) for ls in lines.values() for x in ls))
    wanted = None if order_id is None and days is None else select(ORDER.c.id).where(mine)
    units = _received(connection, store_ids, wanted)
    names = dict(
        connection.execute(
            select(SUPPLIER.c.id, SUPPLIER.c.name).where(SUPPLIER.c.store_id.in_(store_ids))
        ).all()
    )
    rows = [_order(r, lines[r["id"]], known, units.get(r["id"], {}), names) for r in held]
    in_period = {r["id"] for r in held if r["within"]}  # else held as open: still open?
    rows = [o for o in rows if o.id in in_period or o.state in OPEN_ORDER_STATES]
    return sorted(rows, key=lambda o: (o.created_at, o.id), reverse=True)


def _created_within(
    calendars: dict[str, tuple[str, int]], first: date | None, last: date
) -> ColumnElement[bool]:
    """An order created on a business day of its store from `first` (None: any before) to
    `last`: from the first day's start to the start of the day after the last, in the store's
    time zone (`calendars`: each store's zone and cut-over hour, store_calendars)."""
    after = last + timedelta(days=1)
    return or_(
        false(),
        *(
            and_(
                ORDER.c.store_id == store,
                true() if first is None else ORDER.c.created_at >= day_start(first, zone, cutover),
                ORDER.c.created_at < day_start(after, zone, cutover),
            )
            for store, (zone, cutover) in calendars.items()
        ),
    )


def _order(
    row: Any,
    lines: list[dict[str, Any]],
    known: dict[str, Product],
    units: dict[str, int],
    suppliers: dict[str, str],
) -> OrderRow:
    ordered: dict[str, int] = defaultdict(int)
    for line in lines:
        ordered[str(line["product_id"])] += int(line["packages"])
    received = {
        product: held // _product(known, product).pack_size for product, held in units.items()
    }
    shown = tuple(
        OrderLine(
            _product(known, str(line["product_id"])),
            int(line["packages"]),
            None if line.get("unit_cost") is None else int(line["unit_cost"]),
            received.get(str(line["product_id"]), 0),
        )
        for line in lines
    )
    return OrderRow(
        row["store_id"], row["id"], row["number"], suppliers.get(row["supplier_id"] or "", ""),
        row["status"], order_state(row["status"], ordered, received), row["created_at"],
        row["created_by"], row["ordered_at"], row["note"], shown,
    )  # fmt: skip


@dataclass(frozen=True)
class SheetLine:
    """A stocktake sheet's line: the posted figures, or (open) what was counted so far."""

    product: Product
    counted: int
    expected: int | None  # None: not posted yet
    difference: int
    value: int  # fen at cost, a loss negative
    counted_at: datetime | None


@dataclass(frozen=True)
class StocktakeRow:
    store_id: str
    id: str
    number: str
    scope: str  # full, categories
    categories: tuple[str, ...]
    started_at: datetime
    started_by: str
    posted_at: datetime | None
    posted_by: str | None
    posted_business_day: date | None
    lines: tuple[SheetLine, ...]

    @property
    def posted(self) -> bool:
        return self.posted_at is not None

    @property
    def variance(self) -> int:
        """The value at cost of the differences posted (a loss negative)."""
        return sum(line.value for line in self.lines)

    @property
    def differing(self) -> int:
        return sum(1 for line in self.lines if line.difference)


def stocktakes(
    connection: Connection,
    store_ids: Sequence[str],
    stocktake_id: str | None = None,
    days: Period | None = None,
) -> list[StocktakeRow]:
    """The stores' stocktakes (or the one; those started or posted in the period `days`, and
    those started before its end not posted yet), newest first: a posted one with its sheet,
    an open one with each product's counts summed so far."""
    query = select(STOCKTAKE).where(STOCKTAKE.c.store_id.in_(store_ids))
    if stocktake_id is not None:
        query = query.where(STOCKTAKE.c.id == stocktake_id)
    if days is not None:  # and one started before and not posted yet
        query = query.where(
            or_(
                STOCKTAKE.c.business_day.between(days.first, days.last),
                STOCKTAKE.c.posted_business_day.between(days.first, days.last),
                and_(STOCKTAKE.c.posted_at.is_(None), STOCKTAKE.c.business_day <= days.last),
            )
        )
    held = connection.execute(query).mappings().all()
    open_ids = [r["id"] for r in held if r["lines"] is None]
    counts: dict[str, list[tuple[str, int, datetime]]] = defaultdict(list)
    if open_ids:
        for take, product, units, last in connection.execute(
            select(COUNT.c.stocktake_id, COUNT.c.product_id, func.sum(COUNT.c.quantity),
                   func.max(COUNT.c.counted_at))
            .where(COUNT.c.stocktake_id.in_(open_ids))
            .group_by(COUNT.c.stocktake_id, COUNT.c.product_id)
        ):  # fmt: skip
            counts[take].append((product, int(units), last))
    sheets = {r["id"]: load_json(r["lines"]) for r in held if r["lines"] is not None}
    ids = [str(x["product_id"]) for s in sheets.values() for x in s]
    ids += [p for c in counts.values() for p, _, _ in c]
    known = products(connection, ids)
    people = staff_names(
        connection, [r["started_by"] for r in held] + [r["posted_by"] for r in held]
    )
    rows = []
    for r in held:
        if r["id"] in sheets:
            lines = tuple(_posted_line(x, known) for x in sheets[r["id"]])
        else:
            lines = tuple(
                SheetLine(_product(known, p), n, None, 0, 0, at) for p, n, at in counts[r["id"]]
            )
        lines = tuple(sorted(lines, key=lambda x: (x.product.category, x.product.name)))
        rows.append(
            StocktakeRow(
                r["store_id"],
                r["id"],
                r["number"],
                r["scope"],
                tuple(load_json(r["categories"]) or ()),
                r["started_at"],
                people.get(r["started_by"], ""),
                r["posted_at"],
                people.get(r["posted_by"] or "", "") if r["posted_by"] else None,
                r["posted_business_day"],
                lines,
            )
        )
    return sorted(rows, key=lambda s: (s.started_at, s.id), reverse=True)


def _posted_line(line: dict[str, Any], known: dict[str, Product]) -> SheetLine:
    at = line.get("counted_at")
    return SheetLine(
        _product(known, str(line["product_id"])),
        int(line["counted"]),
        int(line["expected"]),
        int(line["difference"]),
        int(line["value"]),
        datetime.fromisoformat(at) if isinstance(at, str) else None,
    )


@dataclass(frozen=True)
class TransferLine:
    product: Product
    batch_code: str
    expires_on: date | None
    sent: int
    received: int | None  # None: not received yet

    @property
    def difference(self) -> int:
        return 0 if self.received is None else self.received - self.sent


@dataclass(frozen=True)
class TransferRow:
    id: str
    number: str
    from_store_id: str
    to_store_id: str
    sent_at: datetime
    sent_by: str
    note: str
    received_at: datetime | None
    received_by: str | None
    received_note: str
    lines: tuple[TransferLine, ...]

    @property
    def state(self) -> str:
        """in_transit, received (all came), short (some did not)."""
        if self.received_at is None:
            return "in_transit"
        return "short" if any(line.difference for line in self.lines) else "received"

    @property
    def sent(self) -> int:
        return sum(line.sent for line in self.lines)

    @property
    def received(self) -> int:
        return sum(line.received or 0 for line in self.lines)

    @property
    def short(self) -> int:
        return -sum(line.difference for line in self.lines)


def transfers(
    connection: Connection,
    store_ids: Sequence[str],
    transfer_id: str | None = None,
    days: Period | None = None,
) -> list[TransferRow]:
    """Transfers sent from or to the stores (or the one; those sent in the period `days`, by
    the sending store's business day, and those sent before its end still on their way),
    newest first, each line as sent and as received (the
    receipt's lines are the sent lines', in their order)."""
    mine = or_(TRANSFER.c.from_store_id.in_(store_ids), TRANSFER.c.to_store_id.in_(store_ids))
    query = select(TRANSFER).where(mine)
    if transfer_id is not None:
        query = query.where(TRANSFER.c.id == transfer_id)
    if days is not None:  # and one sent before and still on its way
        on_its_way = and_(TRANSFER.c.received.is_(None), TRANSFER.c.business_day <= days.last)
        query = query.where(or_(TRANSFER.c.business_day.between(days.first, days.last), on_its_way))
    held = connection.execute(query).mappings().all()
    sent = {r["id"]: load_json(r["lines"]) for r in held}
    came = {r["id"]: load_json(r["received"]) for r in held if r["received"] is not None}
    known = products(connection, (str(x["product_id"]) for ls in sent.values() for x in ls))
    people = staff_names(
        connection, [r["sent_by"] for r in held] + [c.get("received_by") for c in came.values()]
    )
    rows = [_transfer(r, sent[r["id"]], came.get(r["id"]), known, people) for r in held]
    return sorted(rows, key=lambda t: (t.sent_at, t.id), reverse=True)


def _transfer(
    row: Any,
    lines: list[dict[str, Any]],
    receipt: dict[str, Any] | None,
    known: dict[str, Product],
    people: dict[str, str],
) -> TransferRow:
    got = receipt["lines"] if receipt else []
    shown = []
    for i, line in enumerate(lines):
        batch = line.get("batch") or {}
        expires = batch.get("expires_on")
        shown.append(
            TransferLine(
                _product(known, str(line["product_id"])),
                str(batch.get("code") or ""),
                date.fromisoformat(expires) if isinstance(expires, str) else None,
                int(line["quantity"]),
                int(got[i]["received"]) if i < len(got) else (0 if receipt else None),
            )
        )
    at = receipt.get("received_at") if receipt else None
    return TransferRow(
        row["id"], row["number"], row["from_store_id"], row["to_store_id"], row["sent_at"],
        people.get(row["sent_by"], ""), row["note"],
        datetime.fromisoformat(at) if isinstance(at, str) else None,
        people.get(receipt.get("received_by") or "", "") if receipt else None,
        str(receipt.get("note") or "") if receipt else "", tuple(shown),
    )  # fmt: skip


@dataclass(frozen=True)
class DocumentLine:
    """A movement of a receipt, write-off or adjustment: units of the product's unit (a
    write-off's negative) and their value at cost (fen, likewise signed)."""

    product: Product
    batch_code: str
    expires_on: date | None
    quantity: int
    value: int


@dataclass(frozen=True)
class StockDocumentRow:
    """A receipt (入库), write-off (报损) or adjustment a counter pushed (stock.moved)."""

    store_id: str
    id: str
    kind: str  # DOCUMENT_KINDS
    business_day: date
    at: datetime
    staff: str  # the name; "" not known here
    reason: str  # a write-off's reason, a receipt's note
    supplier: str  # its name; "" none
    order_id: str | None  # the purchase order received against
    order_number: str  # "" none, or not known here
    lines: tuple[DocumentLine, ...]

    @property
    def units(self) -> int:
        return sum(line.quantity for line in self.lines)

    @property
    def value(self) -> int:
        return sum(line.value for line in self.lines)


DOCUMENT_KINDS = ("receipt", "write_off", "adjustment")


def stock_documents(
    connection: Connection,
    store_ids: Sequence[str],
    document_id: str | None = None,
    days: Period | None = None,
) -> list[StockDocumentRow]:
    """The stores' receipts, write-offs and adjustments (or the one; those of the period
    `days`' business days), newest first, each with its movements valued at the store's cost
    now (the stock pages' cost: its moving average, else the catalog's), its staff's name, its
    supplier and the order it received against."""
    mine: ColumnElement[bool] = DOCUMENT.c.store_id.in_(store_ids)
    if document_id is not None:
        mine = and_(mine, DOCUMENT.c.id == document_id)
    if days is not None:
        mine = and_(mine, DOCUMENT.c.business_day.between(days.first, days.last))
    held = connection.execute(select(DOCUMENT).where(mine)).mappings().all()
    moves = _document_moves(connection, mine)
    known = products(connection, (m.product_id for ms in moves.values() for m in ms))
    costs = stock_costs(connection, store_ids, known)
    people = staff_names(connection, (r["staff_id"] for r in held))
    suppliers = _names(connection, SUPPLIER, store_ids, (r["supplier_id"] for r in held))
    orders = dict(
        connection.execute(
            select(ORDER.c.id, ORDER.c.number).where(
                ORDER.c.store_id.in_(store_ids),
                ORDER.c.id.in_(sorted({r["purchase_order_id"] for r in held} - {None})),
            )
        ).all()
    )
    rows = []
    for r in held:
        lines = []
        for m in moves.get((r["store_id"], r["id"]), []):
            product = _product(known, m.product_id)
            cost = costs.get((r["store_id"], product.id), product.cost)
            value = signed_value_at_cost(int(m.quantity), cost, product.pack_size)
            lines.append(DocumentLine(product, m.code or "", m.expires_on, int(m.quantity), value))
        lines.sort(key=lambda x: (x.product.category, x.product.name, x.batch_code))
        rows.append(
            StockDocumentRow(
                r["store_id"], r["id"], r["document"], r["business_day"], r["at"],
                people.get(r["staff_id"], ""), r["reason"],
                r["supplier"] or suppliers.get(r["supplier_id"] or "", ""),
                r["purchase_order_id"], orders.get(r["purchase_order_id"] or "", ""),
                tuple(lines),
            )
        )  # fmt: skip
    return sorted(rows, key=lambda d: (d.at, d.id), reverse=True)


def _document_moves(
    connection: Connection, documents: ColumnElement[bool]
) -> dict[tuple[str, str], list[Any]]:
    """The movements (with their batches' code and expiry) of the `documents` by (store,
    document): one join by the (store_id, document_id) index."""
    query = (
        select(
            MOVEMENT.c.store_id, MOVEMENT.c.document_id, MOVEMENT.c.product_id,
            MOVEMENT.c.quantity, BATCH.c.code, BATCH.c.expires_on,
        )
        .join(
            DOCUMENT,
            (DOCUMENT.c.id == MOVEMENT.c.document_id)
            & (DOCUMENT.c.store_id == MOVEMENT.c.store_id),
        )
        .outerjoin(
            BATCH, (BATCH.c.id == MOVEMENT.c.batch_id) & (BATCH.c.store_id == MOVEMENT.c.store_id)
        )
        .where(documents)
    )  # fmt: skip
    found: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for move in connection.execute(query):
        found[move.store_id, move.document_id].append(move)
    return found


def _names(
    connection: Connection, table: Any, store_ids: Sequence[str], ids: Iterable[str | None]
) -> dict[str, str]:
    wanted = sorted({i for i in ids if i})
    if not wanted:
        return {}
    query = select(table.c.id, table.c.name).where(
        table.c.store_id.in_(store_ids), table.c.id.in_(wanted)
    )
    return dict(connection.execute(query).all())


STORE = models.table_of(models.Store)


def store_names(connection: Connection, ids: Iterable[str]) -> dict[str, str]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    return dict(
        connection.execute(select(STORE.c.id, STORE.c.name).where(STORE.c.id.in_(wanted))).all()
    )


def store_zones(connection: Connection, ids: Iterable[str]) -> dict[str, str]:
    wanted = sorted(set(ids))
    query = select(STORE.c.id, STORE.c.time_zone).where(STORE.c.id.in_(wanted))
    return dict(connection.execute(query).all())


SETTINGS = models.table_of(models.StoreSettings)


def store_calendars(connection: Connection, ids: Iterable[str]) -> dict[str, tuple[str, int]]:
    """Each store's time zone and business-day start hour (day_figures.store_calendar's,
    for many stores in one statement)."""
    query = (
        select(STORE.c.id, STORE.c.time_zone, SETTINGS.c.data)
        .outerjoin(SETTINGS, SETTINGS.c.store_id == STORE.c.id)
        .where(STORE.c.id.in_(sorted(set(ids))))
    )
    found = {}
    for store, zone, data in connection.execute(query):
        found[store] = (zone, cutover_hour(data))
    return found
