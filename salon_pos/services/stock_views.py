"""What a manager reads of this counter's stock (docs/inventory.md): on hand and its value at
cost, what is low with a suggested order, what expires soon, a product's movements and a
service's consumables. Read only; StockService (services/stock.py) makes the changes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select

from salon_pos.db.models import (
    Product,
    ServiceConsumable,
    StockBatch,
    StockLevel,
    StockMovement,
    StockOnHand,
)
from salon_pos.domain.stock import suggested_packages, value_at_cost
from salon_pos.services.counter import CounterService
from salon_pos.services.day_close import trading_day_now

Row = dict[str, Any]
MOVEMENT_FIELDS = (
    "id",
    "batch_id",
    "kind",
    "quantity",
    "at",
    "business_day",
    "document_id",
    "reason",
)


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
        return suggested_packages(self.on_hand, self.minimum, self.pack_size)


@dataclass(frozen=True)
class ExpiringBatch:
    product_id: str
    name: str
    unit: str
    batch_id: str
    code: str
    expires_on: date
    on_hand: int


# Each product's units on hand, all batches together.
_TOTALS = (
    select(StockOnHand.product_id, func.sum(StockOnHand.quantity).label("units"))
    .group_by(StockOnHand.product_id)
    .subquery()
)
_UNITS = func.coalesce(_TOTALS.c.units, 0)
_ON_HAND = (
    select(
        Product.id,
        Product.category,
        Product.name,
        Product.unit,
        Product.pack_size,
        _UNITS,
        func.coalesce(StockLevel.minimum, 0),
        func.coalesce(StockLevel.cost, Product.cost),
    )
    .outerjoin(_TOTALS, _TOTALS.c.product_id == Product.id)
    .outerjoin(StockLevel, StockLevel.product_id == Product.id)
    .where(Product.active.is_(True) | (_UNITS != 0))
    .order_by(Product.category, Product.name)
)


@dataclass(frozen=True)
class HeldBatch:
    """A batch of a product that holds stock; a batch with only a lot number has no expiry."""

    batch_id: str
    code: str
    expires_on: date | None
    on_hand: int
    unit: str


class StockViews(CounterService):
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
            found = session.execute(_ON_HAND)
            return [
                StockRow(pid, category, name, unit, pack, units, minimum, cost,
                         value_at_cost(units, cost, pack))
                for pid, category, name, unit, pack, units, minimum, cost in found
            ]  # fmt: skip

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
            return [{c: getattr(m, c) for c in MOVEMENT_FIELDS} for m in found]
