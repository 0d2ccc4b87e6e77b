"""Stock at this counter (进销存, docs/inventory.md): receiving goods in batches, writing off
damaged or expired stock, a product's minimum, a service's consumables; and the views a manager
reads — stock on hand and its value at cost, what expires soon, what is low with a suggested
order. Each change is one transaction with its outbox operation and audit entry."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from salon_pos.db.audit import AuditRecord
from salon_pos.db.fast_insert import insert_rows
from salon_pos.db.models import (
    Product,
    ServiceConsumable,
    ServiceItem,
    StockBatch,
    StockDocument,
    StockLevel,
    StockMovement,
    StockOnHand,
    Supplier,
)
from salon_pos.domain.errors import UnknownItem
from salon_pos.domain.ids import new_id
from salon_pos.domain.stock import (
    MovementKind,
    NotAConsumable,
    NothingReceived,
    ReasonNeeded,
    allocate,
    check_batch,
    check_consumable_unit,
    check_quantity,
    moving_average_cost,
    value_at_cost,
)
from salon_pos.services.counter import CounterService
from salon_pos.services.day_close import trading_day_now
from salon_pos.services.stock_ledger import stock_of
from salon_pos.services.sync_state import next_hlc

Row = dict[str, Any]
RECEIPT, WRITE_OFF = "receipt", "write_off"


@dataclass(frozen=True)
class ReceiptLine:
    """Packages of a product received, in a batch when it has a lot number or an expiry;
    `unit_cost`: what one package cost (fen), None when not known."""

    product_id: str
    packages: int
    unit_cost: int | None = None
    batch_code: str = ""
    expires_on: date | None = None
    made_on: date | None = None


@dataclass(frozen=True)
class ConsumableLine:
    product_id: str
    quantity: int
    unit: str


@dataclass(frozen=True)
class StockRow:
    product_id: str
    category: str
    name: str
    unit: str
    pack_size: int
    on_hand: int  # units
    minimum: int
    cost: int  # a package's, fen: the store's moving average, else the catalog's
    value: int  # of the stock on hand at cost, fen

    @property
    def low(self) -> bool:
        return self.minimum > 0 and self.on_hand < self.minimum

    @property
    def suggested_packages(self) -> int:
        """Packages to order to bring stock back up to twice the minimum (0: none)."""
        if not self.low:
            return 0
        return -(-(2 * self.minimum - self.on_hand) // self.pack_size)


@dataclass(frozen=True)
class ExpiringBatch:
    product_id: str
    name: str
    unit: str
    batch_id: str
    code: str
    expires_on: date
    on_hand: int


@dataclass(frozen=True)
class HeldBatch:
    """A batch of a product that holds stock; a batch with only a lot number has no expiry."""

    batch_id: str
    code: str
    expires_on: date | None
    on_hand: int
    unit: str


@dataclass(frozen=True)
class Received:
    document_id: str
    movements: int


class StockService(CounterService):
    def receive(
        self,
        lines: Sequence[ReceiptLine],
        staff_id: str,
        supplier: str = "",
        note: str = "",
        *,
        supplier_id: str | None = None,
        purchase_order_id: str | None = None,
    ) -> Received:
        """Goods from a supplier (入库), against a purchase order or not: a batch per line that
        has a lot number or an expiry (a product that needs an expiry refuses a line without
        one), the stock up, and each product's cost the moving average of what was held and
        what came."""
        from salon_pos.services.purchasing import receivable_order

        if not lines:
            raise NothingReceived()
        now = self._clock.now()
        with self._db.write() as session:
            if purchase_order_id is not None:
                order = receivable_order(session, purchase_order_id)
                supplier_id = supplier_id or order.supplier_id
            supplier = supplier or _supplier_name(session, supplier_id)
            products = _products(session, {line.product_id for line in lines})
            for line in lines:
                product = products[line.product_id]
                check_quantity(product.name, line.packages)
                check_batch(product.name, product.needs_expiry, line.expires_on, line.made_on)
            day = trading_day_now(session.connection(), self._settings.current, now)
            document = self._document(RECEIPT, now, day, staff_id, note, supplier)
            document |= {"supplier_id": supplier_id, "purchase_order_id": purchase_order_id}
            batches, movements = [], []
            costs: dict[str, int] = {}
            held = {p: s.on_hand for p, s in stock_of(session.connection(), products).items()}
            for line in lines:
                product = products[line.product_id]
                units = line.packages * product.pack_size
                batch_id = None
                if line.batch_code or line.expires_on or product.needs_expiry:
                    batch_id = new_id()
                    batches.append(_batch(batch_id, line, now))
                movements.append(
                    _move(document, line.product_id, batch_id, MovementKind.RECEIPT, units)
                )
                if line.unit_cost is not None:
                    cost = costs.get(line.product_id, _cost_of(session, product))
                    on_hand = held.get(line.product_id, 0)
                    costs[line.product_id] = moving_average_cost(
                        on_hand, cost, units, line.unit_cost
                    )
                    held[line.product_id] = on_hand + units
            insert_rows(session, StockBatch, batches)
            insert_rows(session, StockMovement, movements)
            for product_id, cost in costs.items():
                _set_cost(session, product_id, cost)
            self._record(session, document | {"costs": costs}, batches, movements, now)
        return Received(document["id"], len(movements))

    def write_off(
        self,
        product_id: str,
        quantity: int,
        reason: str,
        staff_id: str,
        batch_id: str | None = None,
    ) -> Received:
        """Units damaged, expired or used in the salon (报损): from the batch given, or first
        expired first out (expired stock first: that is what is written off)."""
        if not reason.strip():
            raise ReasonNeeded()
        now = self._clock.now()
        with self._db.write() as session:
            product = _products(session, {product_id})[product_id]
            check_quantity(product.name, quantity)
            day = trading_day_now(session.connection(), self._settings.current, now)
            document = self._document(WRITE_OFF, now, day, staff_id, reason.strip(), "")
            takes: list[tuple[str | None, int]]
            if batch_id is not None:
                batch = session.get(StockBatch, batch_id)
                if batch is None or batch.product_id != product_id:
                    raise UnknownItem(item_id=batch_id)
                takes = [(batch_id, quantity)]
            else:
                held = stock_of(session.connection(), {product_id})[product_id]
                takes = [  # from date.min, no batch has expired: expired ones go first
                    (t.batch_id, t.quantity)
                    for t in allocate(product.name, held.batches, quantity, date.min)
                ]
            movements = [
                _move(document, product_id, batch, MovementKind.WRITE_OFF, -units)
                for batch, units in takes
            ]
            insert_rows(session, StockMovement, movements)
            self._record(session, document, [], movements, now)
        return Received(document["id"], len(movements))

    def set_minimum(self, product_id: str, minimum: int, actor_id: str) -> None:
        """The store's minimum of a product, in its unit (0: no alert)."""
        from salon_pos.services.sync_ops import inventory as ops

        now = self._clock.now()
        with self._db.write() as session:
            product = _products(session, {product_id})[product_id]
            if minimum != 0:
                check_quantity(product.name, minimum)
            hlc = next_hlc(session, now, self._settings.current.device_id)
            values = {"minimum": minimum, "hlc": hlc}
            session.execute(
                insert(StockLevel)
                .values(product_id=product_id, **values)
                .on_conflict_do_update(index_elements=["product_id"], set_=values)
            )
            audit = AuditRecord(actor_id, "stock.level_set", "product", product_id, after=values)
            self._journal().record(
                session, now, audit, ops.stock_level_set(product_id, minimum, hlc)
            )

    def set_consumables(
        self, service_id: str, consumables: Sequence[ConsumableLine], actor_id: str
    ) -> None:
        """What one of the service uses up, in each product's own unit (a unit other than the
        product's is refused)."""
        from salon_pos.services.sync_ops import inventory as ops

        now = self._clock.now()
        with self._db.write() as session:
            service = session.get(ServiceItem, service_id)
            if service is None:
                raise UnknownItem(item_id=service_id)
            products = _products(
                session,
                {c.product_id for c in consumables},
                lambda item: NotAConsumable(name=_item_name(session, item)),
            )
            for line in consumables:
                product = products[line.product_id]
                check_quantity(product.name, line.quantity)
                check_consumable_unit(service.name, product.name, product.unit, line.unit)
            hlc = next_hlc(session, now, self._settings.current.device_id)
            rows = [
                {"product_id": c.product_id, "quantity": c.quantity, "unit": c.unit}
                for c in consumables
            ]
            payload = ops.consumables_set(service_id, rows, hlc)
            ops.replace_consumables(session, service_id, payload.consumables, hlc)
            audit = AuditRecord(
                actor_id, "consumables.set", "service_item", service_id, after={"uses": rows}
            )
            self._journal().record(session, now, audit, payload)

    def consumables(self, service_id: str) -> list[ConsumableLine]:
        with self._db.read() as session:
            found = session.execute(
                select(ServiceConsumable.product_id, ServiceConsumable.quantity, Product.unit)
                .join(Product, Product.id == ServiceConsumable.product_id)
                .where(ServiceConsumable.service_id == service_id)
                .order_by(Product.name)
            )
            return [ConsumableLine(p, q, u) for p, q, u in found]

    def on_hand(self) -> list[StockRow]:
        """Every product kept in stock here, by category and name."""
        with self._db.read() as session:
            totals = (
                select(StockOnHand.product_id, func.sum(StockOnHand.quantity).label("units"))
                .group_by(StockOnHand.product_id)
                .subquery()
            )
            found = session.execute(
                select(
                    Product.id,
                    Product.category,
                    Product.name,
                    Product.unit,
                    Product.pack_size,
                    func.coalesce(totals.c.units, 0),
                    func.coalesce(StockLevel.minimum, 0),
                    func.coalesce(StockLevel.cost, Product.cost),
                )
                .outerjoin(totals, totals.c.product_id == Product.id)
                .outerjoin(StockLevel, StockLevel.product_id == Product.id)
                .where(Product.active.is_(True) | (func.coalesce(totals.c.units, 0) != 0))
                .order_by(Product.category, Product.name)
            )
            return [
                StockRow(
                    pid,
                    category,
                    name,
                    unit,
                    pack,
                    units,
                    minimum,
                    cost,
                    value_at_cost(units, cost, pack),
                )
                for pid, category, name, unit, pack, units, minimum, cost in found
            ]

    def held(self, product_id: str) -> int:
        """Units of one product on hand here (the cashier's warning): a few rows by index,
        not every product's stock."""
        with self._db.read() as session:
            total = session.scalar(
                select(func.coalesce(func.sum(StockOnHand.quantity), 0)).where(
                    StockOnHand.product_id == product_id
                )
            )
            return int(total or 0)

    def batches(self, product_id: str) -> list[HeldBatch]:
        """A product's batches that hold stock, dated or not, earliest expiry first (undated
        last): what a write-off may name."""
        with self._db.read() as session:
            found = session.execute(
                select(
                    StockBatch.id,
                    StockBatch.code,
                    StockBatch.expires_on,
                    StockOnHand.quantity,
                    Product.unit,
                )
                .join(StockOnHand, StockOnHand.batch_key == StockBatch.id)
                .join(Product, Product.id == StockBatch.product_id)
                .where(StockBatch.product_id == product_id, StockOnHand.quantity > 0)
                .order_by(StockBatch.expires_on.is_(None), StockBatch.expires_on, StockBatch.code)
            )
            return [HeldBatch(*row) for row in found]

    def low_stock(self) -> list[StockRow]:
        return [row for row in self.on_hand() if row.low]

    def expiring(self, within_days: int) -> list[ExpiringBatch]:
        """Batches with stock that expire within `within_days` days of today, or have expired,
        soonest first."""
        settings = self._settings.current
        with self._db.read() as session:
            today = trading_day_now(session.connection(), settings, self._clock.now())
            found = session.execute(
                select(
                    Product.id,
                    Product.name,
                    Product.unit,
                    StockBatch.id,
                    StockBatch.code,
                    StockBatch.expires_on,
                    StockOnHand.quantity,
                )
                .join(StockOnHand, StockOnHand.batch_key == StockBatch.id)
                .join(Product, Product.id == StockBatch.product_id)
                .where(
                    StockBatch.expires_on <= today + timedelta(days=within_days),
                    StockOnHand.quantity > 0,
                )
                .order_by(StockBatch.expires_on, Product.name)
            )
            return [
                ExpiringBatch(pid, name, unit, batch, code, expires, units)
                for pid, name, unit, batch, code, expires, units in found
                if expires is not None  # the filter keeps only dated batches
            ]

    def movements(self, product_id: str, limit: int = 500) -> list[Row]:
        """A product's movements, newest first."""
        with self._db.read() as session:
            found = session.execute(
                select(StockMovement)
                .where(StockMovement.product_id == product_id)
                .order_by(StockMovement.at.desc(), StockMovement.id.desc())
                .limit(limit)
            ).scalars()
            return [
                {c: getattr(m, c) for c in ("id", "batch_id", "kind", "quantity", "at",
                                            "business_day", "document_id", "reason")}
                for m in found
            ]  # fmt: skip

    def _document(
        self, kind: str, at: datetime, day: date, staff: str, reason: str, supplier: str
    ) -> Row:
        device = self._settings.current.device_id
        return _document(kind, at, day, staff, reason, supplier, device)

    def _record(
        self,
        session: Session,
        document: Row,
        batches: list[Row],
        movements: list[Row],
        at: datetime,
    ) -> None:
        """The document's row, and its operation with its batches and movements."""
        from salon_pos.services.sync_ops import inventory as ops

        columns = {c.name for c in StockDocument.__table__.columns}
        row = {"supplier_id": None, "purchase_order_id": None}
        insert_rows(
            session, StockDocument, [row | {k: v for k, v in document.items() if k in columns}]
        )
        payload = ops.stock_moved(document, batches, movements)
        after = {"document": document["document"], "movements": len(movements)}
        audit = AuditRecord(
            document["staff_id"], "stock.moved", "stock", document["id"], after=after
        )
        self._journal().record(session, at, audit, payload)


def _products(
    session: Session, ids: set[str], missing: Callable[[str], Exception] | None = None
) -> dict[str, Product]:
    """The products by id; UnknownItem (or `missing(id)`) for an id that is none."""
    found = {p.id: p for p in session.scalars(select(Product).where(Product.id.in_(sorted(ids))))}
    for product_id in sorted(ids - found.keys()):
        raise missing(product_id) if missing else UnknownItem(item_id=product_id)
    return found


def _supplier_name(session: Session, supplier_id: str | None) -> str:
    found = session.get(Supplier, supplier_id) if supplier_id else None
    return found.name if found is not None else ""


def _item_name(session: Session, item_id: str) -> str:
    service = session.get(ServiceItem, item_id)
    return service.name if service is not None else item_id


def _cost_of(session: Session, product: Product) -> int:
    level = session.get(StockLevel, product.id)
    return level.cost if level is not None and level.cost is not None else product.cost


def _set_cost(session: Session, product_id: str, cost: int) -> None:
    session.execute(
        insert(StockLevel)
        .values(product_id=product_id, minimum=0, cost=cost, hlc="")
        .on_conflict_do_update(index_elements=["product_id"], set_={"cost": cost})
    )


def _document(
    kind: str, at: datetime, day: date, staff: str, reason: str, supplier: str, device: str
) -> Row:
    return {
        "id": new_id(),
        "device_id": device,
        "document": kind,
        "business_day": day,
        "at": at,
        "staff_id": staff,
        "reason": reason,
        "supplier": supplier,
    }


def _batch(batch_id: str, line: ReceiptLine, at: datetime) -> Row:
    return {
        "id": batch_id,
        "product_id": line.product_id,
        "code": line.batch_code.strip()[:40],
        "expires_on": line.expires_on,
        "made_on": line.made_on,
        "received_at": at,
        "unit_cost": line.unit_cost,
    }


def _move(
    document: Row, product_id: str, batch_id: str | None, kind: MovementKind, quantity: int
) -> Row:
    return {
        "id": new_id(),
        "product_id": product_id,
        "batch_id": batch_id,
        "kind": kind.value,
        "quantity": quantity,
        "at": document["at"],
        "business_day": document["business_day"],
        "document_id": document["id"],
        "line_id": None,
        "staff_id": document["staff_id"],
        "device_id": document["device_id"],
        "reason": document["reason"],
    }
