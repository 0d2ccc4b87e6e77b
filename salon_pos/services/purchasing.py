"""Suppliers and purchase orders (供应商, 采购单) at this counter: an order is drafted (by hand
or from what is low), ordered, and received in one or more receipts (services/stock.py
`receive` against it); what it has received is what those receipts brought, so its state —
ordered, partly received, received — is worked out, never stored (docs/inventory.md)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from salon_pos.db.audit import AuditRecord
from salon_pos.db.models import Product, PurchaseOrder, StockDocument, StockMovement, Supplier
from salon_pos.db.outbox import next_in_sequences
from salon_pos.domain.errors import Both, UnknownItem, UserError
from salon_pos.domain.ids import new_id
from salon_pos.domain.stock import check_quantity
from salon_pos.services.counter import CounterService
from salon_pos.services.stock_roles import KEEPING_ORDERS, KEEPING_SUPPLIERS, check_manages_stock
from salon_pos.services.sync_state import next_hlc

ORDER_SEQUENCE = "purchase_order"


class OrderState(StrEnum):
    DRAFT = "draft"
    ORDERED = "ordered"
    PARTLY_RECEIVED = "partly_received"
    RECEIVED = "received"
    CANCELLED = "cancelled"


class SupplierNameRequired(UserError):
    en = "Give the supplier's name."
    zh = "请填写供应商名称。"


class EmptyOrder(UserError):
    en = "An order needs at least one product."
    zh = "采购单至少要有一个商品。"


class OrderNotOpen(UserError):
    en = "Purchase order {number} is {state}: it cannot be {action}."
    zh = "采购单 {number} 当前为「{state}」，不能{action}。"


STATE_WORDS = {
    OrderState.DRAFT: Both("草稿", "a draft"),
    OrderState.ORDERED: Both("已下单", "ordered"),
    OrderState.PARTLY_RECEIVED: Both("部分到货", "partly received"),
    OrderState.RECEIVED: Both("已到货", "received"),
    OrderState.CANCELLED: Both("已取消", "cancelled"),
}
# What OrderNotOpen says cannot be done to the order ("it cannot be ...").
RECEIVED_AGAINST = Both("入库", "received against")
CANCELLED = Both("取消", "cancelled")
EDITED = Both("修改", "edited")
PLACED = Both("下单", "ordered")


@dataclass(frozen=True)
class OrderLine:
    product_id: str
    packages: int
    unit_cost: int | None = None


@dataclass(frozen=True)
class OrderView:
    id: str
    number: str
    supplier_id: str | None
    supplier: str
    state: OrderState
    lines: tuple[OrderLine, ...]
    received: dict[str, int]  # product → packages received so far
    created_at: datetime
    note: str

    def outstanding(self) -> dict[str, int]:
        """Packages still to come, by product."""
        left = {}
        for line in self.lines:
            due = line.packages - self.received.get(line.product_id, 0)
            if due > 0:
                left[line.product_id] = due
        return left


@dataclass(frozen=True)
class SupplierView:
    id: str
    name: str
    contact: str
    phone: str
    note: str
    active: bool


def receivable_order(session: Session, order_id: str) -> PurchaseOrder:
    """The order a receipt is against: it must have been ordered and not cancelled."""
    order = session.get(PurchaseOrder, order_id)
    if order is None:
        raise UnknownItem(item_id=order_id)
    if order.status != OrderState.ORDERED:
        state = OrderState(order.status)
        raise OrderNotOpen(number=order.number, state=STATE_WORDS[state], action=RECEIVED_AGAINST)
    return order


def received_packages(session: Session, order: PurchaseOrder) -> dict[str, int]:
    """Packages received against the order so far, by product."""
    found = session.execute(
        select(StockMovement.product_id, func.sum(StockMovement.quantity), Product.pack_size)
        .join(StockDocument, StockDocument.id == StockMovement.document_id)
        .join(Product, Product.id == StockMovement.product_id)
        .where(StockDocument.purchase_order_id == order.id)
        .group_by(StockMovement.product_id, Product.pack_size)
    )
    return {product: int(units) // max(pack, 1) for product, units, pack in found}


def state_of(order: PurchaseOrder, received: dict[str, int]) -> OrderState:
    if order.status != OrderState.ORDERED or not received:
        return OrderState(order.status)
    whole = all(
        received.get(str(line["product_id"]), 0) >= int(str(line["packages"]))
        for line in order.lines
    )
    return OrderState.RECEIVED if whole else OrderState.PARTLY_RECEIVED


class PurchasingService(CounterService):
    def save_supplier(
        self,
        name: str,
        actor_id: str,
        contact: str = "",
        phone: str = "",
        note: str = "",
        supplier_id: str | None = None,
        active: bool = True,
    ) -> str:
        from salon_pos.services.sync_ops import inventory as ops

        if not name.strip():
            raise SupplierNameRequired()
        now = self._clock.now()
        with self._db.write() as session:
            check_manages_stock(session, actor_id, KEEPING_SUPPLIERS)
            hlc = next_hlc(session, now, self._settings.current.device_id)
            record_id = supplier_id or new_id()
            values: dict[str, Any] = {
                "id": record_id,
                "name": name.strip()[:64],
                "contact": contact.strip()[:64],
                "phone": "".join(ch for ch in phone if ch.isdigit())[:20],
                "note": note.strip()[:200],
                "active": active,
                "hlc": hlc,
            }
            session.merge(Supplier(**values))
            payload = ops.supplier_saved(values)
            audit = AuditRecord(actor_id, "supplier.saved", "supplier", record_id, after=values)
            self._journal().record(session, now, audit, payload)
            return record_id

    def suppliers(self) -> list[SupplierView]:
        with self._db.read() as session:
            found = session.scalars(select(Supplier).order_by(Supplier.name))
            return [SupplierView(s.id, s.name, s.contact, s.phone, s.note, s.active) for s in found]

    def draft(
        self,
        lines: Sequence[OrderLine],
        actor_id: str,
        supplier_id: str | None = None,
        note: str = "",
    ) -> str:
        """A new draft order."""
        now = self._clock.now()
        with self._db.write() as session:
            check_manages_stock(session, actor_id, KEEPING_ORDERS)
            number = self._number(session)
            order = PurchaseOrder(
                id=new_id(), number=number, supplier_id=supplier_id, status=OrderState.DRAFT.value,
                lines=[], note=note.strip()[:200], created_at=now, created_by=actor_id, hlc="",
            )  # fmt: skip
            session.add(order)
            self._save(session, order, lines, actor_id, now, "purchase_order.drafted")
            return order.id

    def draft_from_low_stock(self, actor_id: str, supplier_id: str | None = None) -> str | None:
        """A draft order of what is below its minimum, each product up to twice its minimum
        (None: nothing is low)."""
        from salon_pos.services.stock import StockService

        low = StockService(self._db, self._settings, self._clock).low_stock()
        lines = [OrderLine(row.product_id, row.suggested_packages, row.cost) for row in low]
        return self.draft(lines, actor_id, supplier_id, "按低库存生成") if lines else None

    def edit(
        self,
        order_id: str,
        lines: Sequence[OrderLine],
        actor_id: str,
        supplier_id: str | None = None,
        note: str | None = None,
    ) -> None:
        now = self._clock.now()
        with self._db.write() as session:
            check_manages_stock(session, actor_id, KEEPING_ORDERS)
            order = self._open(session, order_id, OrderState.DRAFT, EDITED)
            order.supplier_id = supplier_id or order.supplier_id
            order.note = order.note if note is None else note.strip()[:200]
            self._save(session, order, lines, actor_id, now, "purchase_order.edited")

    def place(self, order_id: str, actor_id: str) -> None:
        """The draft is sent to the supplier (下单): receipts may be made against it."""
        now = self._clock.now()
        with self._db.write() as session:
            check_manages_stock(session, actor_id, KEEPING_ORDERS)
            order = self._open(session, order_id, OrderState.DRAFT, PLACED)
            order.status, order.ordered_at = OrderState.ORDERED.value, now
            self._save(session, order, None, actor_id, now, "purchase_order.ordered")

    def cancel(self, order_id: str, actor_id: str) -> None:
        now = self._clock.now()
        with self._db.write() as session:
            check_manages_stock(session, actor_id, KEEPING_ORDERS)
            order = session.get(PurchaseOrder, order_id)
            if order is None:
                raise UnknownItem(item_id=order_id)
            state = state_of(order, received_packages(session, order))
            if state not in (OrderState.DRAFT, OrderState.ORDERED):
                words = STATE_WORDS[state]
                raise OrderNotOpen(number=order.number, state=words, action=CANCELLED)
            order.status = OrderState.CANCELLED.value
            self._save(session, order, None, actor_id, now, "purchase_order.cancelled")

    def orders(self) -> list[OrderView]:
        """Every order, newest first, with what it has received."""
        with self._db.read() as session:
            names = {i: n for i, n in session.execute(select(Supplier.id, Supplier.name))}
            found = session.scalars(select(PurchaseOrder).order_by(PurchaseOrder.created_at.desc()))
            return [self._view(session, order, names) for order in found]

    def order(self, order_id: str) -> OrderView:
        with self._db.read() as session:
            order = session.get(PurchaseOrder, order_id)
            if order is None:
                raise UnknownItem(item_id=order_id)
            names = {i: n for i, n in session.execute(select(Supplier.id, Supplier.name))}
            return self._view(session, order, names)

    def _view(self, session: Session, order: PurchaseOrder, names: dict[str, str]) -> OrderView:
        received = received_packages(session, order)
        lines = tuple(
            OrderLine(str(line["product_id"]), int(str(line["packages"])), _cost(line))
            for line in order.lines
        )
        supplier = names.get(order.supplier_id or "", "")
        return OrderView(
            order.id, order.number, order.supplier_id, supplier, state_of(order, received),
            lines, received, order.created_at, order.note,
        )  # fmt: skip

    def _open(
        self, session: Session, order_id: str, state: OrderState, action: Both
    ) -> PurchaseOrder:
        order = session.get(PurchaseOrder, order_id)
        if order is None:
            raise UnknownItem(item_id=order_id)
        if order.status != state:
            words = STATE_WORDS[OrderState(order.status)]
            raise OrderNotOpen(number=order.number, state=words, action=action)
        return order

    def _number(self, session: Session) -> str:
        seq = next_in_sequences(session, ORDER_SEQUENCE)[ORDER_SEQUENCE]
        return f"PO-{self._settings.current.counter_prefix}-{seq:04d}"

    def _save(
        self,
        session: Session,
        order: PurchaseOrder,
        lines: Sequence[OrderLine] | None,
        actor_id: str,
        now: datetime,
        action: str,
    ) -> None:
        from salon_pos.services.sync_ops import inventory as ops

        if lines is not None:
            if not lines:
                raise EmptyOrder()
            products = {
                p.id: p.name
                for p in session.scalars(
                    select(Product).where(Product.id.in_([line.product_id for line in lines]))
                )
            }
            for line in lines:
                if line.product_id not in products:
                    raise UnknownItem(item_id=line.product_id)
                check_quantity(products[line.product_id], line.packages)
            order.lines = [
                {
                    "product_id": line.product_id,
                    "packages": line.packages,
                    "unit_cost": line.unit_cost,
                }
                for line in lines
            ]
        base = order.hlc  # the version this edit was made from: the server sees a clash by it
        order.hlc = next_hlc(session, now, self._settings.current.device_id)
        session.flush()
        payload = ops.purchase_order_saved(order, base)
        after = payload.model_dump(mode="json", exclude={"hlc", "base_hlc"})
        self._journal().record(
            session,
            now,
            AuditRecord(actor_id, action, "purchase_order", order.id, after=after),
            payload,
        )


def _cost(line: dict[str, Any]) -> int | None:
    cost = line.get("unit_cost")
    return None if cost is None else int(cost)
