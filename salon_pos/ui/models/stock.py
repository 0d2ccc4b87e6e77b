"""The inventory page's tables over the stock service's frozen rows: stock on hand (low rows in
red), batches that expire soon (expired ones in red) and the suggested order. Quantities are
shown in each product's own unit, with the packages they make."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QObject

from salon_pos.domain.money import format_money
from salon_pos.services.stock import ExpiringBatch, StockRow
from salon_pos.ui.models.rows import Cell, RowsModel


def unit_name(unit: str) -> str:
    """件 / 毫升 / 克: the unit a product's stock is kept in."""
    names = {
        "piece": QCoreApplication.translate("StockUnits", "pcs"),
        "ml": QCoreApplication.translate("StockUnits", "ml"),
        "g": QCoreApplication.translate("StockUnits", "g"),
    }
    return names.get(unit, unit)


def units_text(units: int, unit: str) -> str:
    return f"{units:,} {unit_name(unit)}"


def packages_text(units: int, pack_size: int) -> str:
    """How many packages the units make ("2", "1.98")."""
    whole, rest = divmod(units, pack_size)
    if rest == 0:
        return f"{whole:,}"
    return f"{units / pack_size:,.2f}".rstrip("0").rstrip(".")


class StockTableModel(RowsModel[StockRow]):
    NAME = 1  # the column that stretches
    COSTS = (4, 5)  # unit cost and value: a manager's

    def columns(self) -> list[tuple[str, Cell, bool]]:
        return [
            (self.tr("Category"), lambda r: r.category, False),
            (self.tr("Name"), lambda r: r.name, False),
            (self.tr("On hand"), self._on_hand, True),
            (self.tr("Minimum"), self._minimum, True),
            (self.tr("Unit cost"), lambda r: format_money(r.cost), True),  # a package's
            (self.tr("Value"), lambda r: format_money(r.value), True),  # at cost
            (self.tr("Status"), self._status, False),
        ]

    def _on_hand(self, row: StockRow) -> str:
        """ "990 ml (1.98 packs)": in the unit, and in packages for a product sold in them."""
        units = units_text(row.on_hand, row.unit)
        if row.pack_size <= 1:
            return units
        packs = packages_text(row.on_hand, row.pack_size)
        return self.tr("{units} ({packs} packs)").format(units=units, packs=packs)

    @staticmethod
    def _minimum(row: StockRow) -> str:
        return units_text(row.minimum, row.unit) if row.minimum else ""

    def _status(self, row: StockRow) -> str:
        if row.on_hand < 0:
            return self.tr("Below zero")
        return self.tr("Low") if row.low else ""

    def marked(self, row: StockRow) -> bool:
        return row.low or row.on_hand < 0


class SuggestedOrderModel(RowsModel[StockRow]):
    """Low products and the packages to order to bring each back to twice its minimum."""

    NAME = 1

    def columns(self) -> list[tuple[str, Cell, bool]]:
        return [
            (self.tr("Category"), lambda r: r.category, False),
            (self.tr("Name"), lambda r: r.name, False),
            (self.tr("On hand"), lambda r: units_text(r.on_hand, r.unit), True),
            (self.tr("Minimum"), lambda r: units_text(r.minimum, r.unit), True),
            (self.tr("Order packages"), lambda r: f"{r.suggested_packages:,}", True),
            (self.tr("About"), lambda r: format_money(order_cost(r)), True),
        ]


def order_cost(row: StockRow) -> int:
    return row.suggested_packages * row.cost


class ExpiringModel(RowsModel[ExpiringBatch]):
    """Batches expiring soon, soonest first; those past their expiry in red."""

    NAME = 0

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.today = date.today()

    def set_batches(self, rows: Sequence[ExpiringBatch], today: date) -> None:
        self.today = today
        self.set_rows(rows)

    def columns(self) -> list[tuple[str, Cell, bool]]:
        return [
            (self.tr("Name"), lambda b: b.name, False),
            (self.tr("Batch"), lambda b: b.code, False),
            (self.tr("Expires"), lambda b: b.expires_on.isoformat(), False),
            (self.tr("Left"), self._left, False),
            (self.tr("On hand"), lambda b: units_text(b.on_hand, b.unit), True),
        ]

    def _left(self, batch: ExpiringBatch) -> str:
        days = (batch.expires_on - self.today).days
        if days < 0:
            return self.tr("Expired")
        if days == 0:
            return self.tr("Today")
        return self.tr("{days} days").format(days=days)

    def marked(self, row: ExpiringBatch) -> bool:
        return row.expires_on < self.today
