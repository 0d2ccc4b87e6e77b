"""Stock at this counter (进销存, docs/inventory.md): receiving goods in batches, writing off
damaged or expired stock, a product's minimum, a service's consumables. Each change is one
transaction with its outbox operation and audit entry. The views a manager reads (on hand and
its value, what is low, what expires soon) are services/stock_views.py's, StockService's too."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from salon_pos.db.audit import AuditRecord
from salon_pos.db.fast_insert import insert_rows
from salon_pos.db.models import (
    Product,
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
    MoreThanBatchHolds,
    MovementKind,
    NotAConsumable,
    NothingReceived,
    ReasonNeeded,
    allocate,
    check_batch,
    check_consumable_unit,
    check_consumables,
    check_quantity,
    check_unit_cost,
    moving_average_cost,
    unit_words,
)
from salon_pos.services.day_close import trading_day_now
from salon_pos.services.stock_ledger import movement, stock_of
from salon_pos.services.stock_roles import (
    KEEPING_CONSUMABLES,
    RECEIVING,
    SETTING_MINIMUM,
    WRITING_OFF,
    check_manages_stock,
)
from salon_pos.services.stock_views import (
    ConsumableLine,
    ExpiringBatch,
    HeldBatch,
    StockRow,
    StockViews,
)
from salon_pos.services.sync_state import next_hlc

__all__ = [
    "ConsumableLine",
    "ExpiringBatch",
    "HeldBatch",
    "ReceiptLine",
    "Received",
    "StockRow",
    "StockService",
]

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
class Received:
    document_id: str
    movements: int


class StockService(StockViews):
    """Changes to this counter's stock; the views (on_hand, expiring, ...) are StockViews'."""

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
            check_manages_stock(session, staff_id, RECEIVING)
            if purchase_order_id is not None:
                order = receivable_order(session, purchase_order_id)
                supplier_id = supplier_id or order.supplier_id
            supplier = supplier or _supplier_name(session, supplier_id)
            products = _products(session, {line.product_id for line in lines})
            for line in lines:
                product = products[line.product_id]
                check_quantity(product.name, line.packages)
                check_batch(product.name, product.needs_expiry, line.expires_on, line.made_on)
                check_unit_cost(product.name, line.unit_cost)
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
            check_manages_stock(session, staff_id, WRITING_OFF)
            product = _products(session, {product_id})[product_id]
            check_quantity(product.name, quantity)
            day = trading_day_now(session.connection(), self._settings.current, now)
            document = self._document(WRITE_OFF, now, day, staff_id, reason.strip(), "")
            takes: list[tuple[str | None, int]]
            if batch_id is not None:
                _check_batch_holds(session, product, batch_id, quantity)
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
            check_manages_stock(session, actor_id, SETTING_MINIMUM)
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
            check_manages_stock(session, actor_id, KEEPING_CONSUMABLES)
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
            check_consumables(
                service.name, [(c.product_id, products[c.product_id].name) for c in consumables]
            )
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


def _check_batch_holds(session: Session, product: Product, batch_id: str, units: int) -> None:
    """A write-off from a batch takes no more than the batch holds (a count that finds more
    is a stocktake's to record)."""
    batch = session.get(StockBatch, batch_id)
    if batch is None or batch.product_id != product.id:
        raise UnknownItem(item_id=batch_id)
    held = session.get(StockOnHand, (product.id, batch_id))
    left = held.quantity if held is not None else 0
    if units > left:
        raise MoreThanBatchHolds(
            name=product.name, batch=batch.code or batch_id[:8], held=left,
            unit=unit_words(product.unit), asked=units,
        )  # fmt: skip


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
    return movement(
        product_id, batch_id, kind, quantity,
        at=document["at"], day=document["business_day"], document_id=document["id"],
        device_id=document["device_id"], staff_id=document["staff_id"],
        reason=document["reason"],
    )  # fmt: skip
