"""Tables of the inventory page's documents over the services' frozen rows: a stocktake's
variance sheet (uncounted products in grey, differences in red), purchase orders and their
lines, transfers and their lines. Quantities in each product's own unit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from salon_pos.domain.money import format_money, format_yuan
from salon_pos.services.catalog import ProductOffer
from salon_pos.services.purchasing import OrderState, OrderView
from salon_pos.services.stocktake import SheetLine
from salon_pos.services.transfers import TransferView
from salon_pos.ui.models.rows import Cell, Index, RowsModel
from salon_pos.ui.models.stock import units_text

UNCOUNTED = QColor("#8a7d84")


def signed_units(units: int, unit: str) -> str:
    return ("+" if units > 0 else "") + units_text(units, unit)


class SheetModel(RowsModel[SheetLine]):
    """The variance report: every product in the stocktake's scope, counted or not."""

    NAME = 1
    VALUE = 5  # the difference at cost: a manager's

    def columns(self) -> list[tuple[str, Cell, bool]]:
        return [
            (self.tr("Category"), lambda r: r.category, False),
            (self.tr("Name"), lambda r: r.name, False),
            (self.tr("Counted"), self._counted, True),
            (self.tr("Expected"), lambda r: units_text(r.expected, r.unit), True),
            (self.tr("Diff."), self._difference, True),
            (self.tr("Value"), self._value, True),  # of the difference, at cost
            (self.tr("Used, books"), self._used_recorded, True),  # theoretical
            (self.tr("Used, count"), self._used_counted, True),
        ]

    def _counted(self, line: SheetLine) -> str:
        if line.counted is None:
            return self.tr("Not counted")
        return units_text(line.counted, line.unit)

    @staticmethod
    def _difference(line: SheetLine) -> str:
        return "" if line.counted is None else signed_units(line.difference, line.unit)

    @staticmethod
    def _value(line: SheetLine) -> str:
        return "" if line.counted is None or not line.value else format_money(line.value)

    @staticmethod
    def _used_recorded(line: SheetLine) -> str:
        return units_text(line.used_recorded, line.unit) if line.used_recorded else ""

    @staticmethod
    def _used_counted(line: SheetLine) -> str:
        """What the count says services used: only for a product they use, once counted."""
        if not line.used_recorded or line.counted is None:
            return ""
        return units_text(line.used_counted, line.unit)

    def marked(self, row: SheetLine) -> bool:
        return row.difference != 0

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            line = self.row_at(index.row())
            if line.counted is None:
                return UNCOUNTED
        return super().data(index, role)


def state_name(state: OrderState) -> str:
    names = {
        OrderState.DRAFT: QCoreApplication.translate("OrderStates", "Draft"),
        OrderState.ORDERED: QCoreApplication.translate("OrderStates", "Ordered"),
        OrderState.PARTLY_RECEIVED: QCoreApplication.translate("OrderStates", "Partly received"),
        OrderState.RECEIVED: QCoreApplication.translate("OrderStates", "Received"),
        OrderState.CANCELLED: QCoreApplication.translate("OrderStates", "Cancelled"),
    }
    return names[state]


def order_total(order: OrderView) -> int:
    return sum(line.packages * (line.unit_cost or 0) for line in order.lines)


class OrdersModel(RowsModel[OrderView]):
    NAME = 1

    def columns(self) -> list[tuple[str, Cell, bool]]:
        return [
            (self.tr("Number"), lambda o: o.number, False),
            (self.tr("Supplier"), lambda o: o.supplier or "—", False),
            (self.tr("State"), lambda o: state_name(o.state), False),
            (self.tr("Products"), lambda o: f"{len(o.lines):,}", True),
            (self.tr("Packages"), self._packages, True),
            (self.tr("Amount"), lambda o: format_money(order_total(o)), True),
            (self.tr("Created"), lambda o: o.created_at.strftime("%Y-%m-%d %H:%M"), False),
        ]

    def _packages(self, order: OrderView) -> str:
        """Received of ordered ("2 / 5"), or just ordered before anything came."""
        ordered = sum(line.packages for line in order.lines)
        came = sum(order.received.values())
        return f"{came:,} / {ordered:,}" if came else f"{ordered:,}"

    def marked(self, row: OrderView) -> bool:
        return row.state is OrderState.PARTLY_RECEIVED


@dataclass(frozen=True)
class DraftOrderLine:
    """A line of an order being written: its product, packages and cost per package as typed
    (yuan)."""

    product: ProductOffer
    packages: int = 1
    cost: str = ""


class OrderLinesModel(RowsModel[DraftOrderLine]):
    NAME = 0

    def columns(self) -> list[tuple[str, Cell, bool]]:
        return [
            (self.tr("Product"), lambda r: r.product.name, False),
            (self.tr("Packages"), lambda r: f"{r.packages:,}", True),
            (self.tr("Quantity"), self._units, True),
            (self.tr("Cost / package"), lambda r: r.cost, True),
        ]

    @staticmethod
    def _units(line: DraftOrderLine) -> str:
        return units_text(line.packages * line.product.pack_size, line.product.unit)


def draft_line(product: ProductOffer, packages: int, cost: int | None) -> DraftOrderLine:
    return DraftOrderLine(product, packages, format_yuan(product.cost if cost is None else cost))


def transfer_short(transfer: TransferView) -> int:
    """Units sent that did not arrive (0 before it is received)."""
    if transfer.received is None:
        return 0
    lines = transfer.received.get("lines") or []
    return sum(int(line["sent"]) - int(line["received"]) for line in lines)


class TransfersModel(RowsModel[TransferView]):
    NAME = 2

    def columns(self) -> list[tuple[str, Cell, bool]]:
        return [
            (self.tr("Number"), lambda t: t.number, False),
            (self.tr("Direction"), self._direction, False),
            (self.tr("Other store"), lambda t: t.from_store if t.incoming else t.to_store, False),
            (self.tr("Sent on"), lambda t: t.sent_at.strftime("%Y-%m-%d %H:%M"), False),
            (self.tr("Lines"), lambda t: f"{len(t.lines):,}", True),
            (self.tr("State"), self._state, False),
        ]

    def _direction(self, transfer: TransferView) -> str:
        return self.tr("Incoming") if transfer.incoming else self.tr("Sent out")

    def _state(self, transfer: TransferView) -> str:
        if transfer.received is None:
            return self.tr("On the way")
        short = transfer_short(transfer)
        if short:
            return self.tr("Arrived, short by {units}").format(units=f"{short:,}")
        return self.tr("Arrived")

    def marked(self, row: TransferView) -> bool:
        return transfer_short(row) != 0 or (row.incoming and row.received is None)
