"""The inventory page's three views: stock on hand (filtered by text, category and "low only",
with its value at cost), batches that expire within N days, and the low stock with a suggested
order. Each is given the rows the page read; filtering is in memory (a few thousand rows)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from salon_pos.domain.money import format_money
from salon_pos.services.stock import ExpiringBatch, StockRow
from salon_pos.ui.models.stock import (
    ExpiringModel,
    StockTableModel,
    SuggestedOrderModel,
    order_cost,
)
from salon_pos.ui.widgets import HintedField, fitted_table

EXPIRING_DAYS = 30


def muted(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setProperty("role", "muted")
    return label


class OnHandView(QWidget):
    """Every product kept here; the filter is applied to the rows last read."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all: list[StockRow] = []
        self.filter = HintedField()
        self.filter.setObjectName("stockFilter")
        self.filter.setPlaceholderText(self.tr("Product name"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._show)
        self.category = QComboBox()
        self.category.setObjectName("stockCategory")
        self.category.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.category.currentIndexChanged.connect(self._show)
        self.low_only = QCheckBox(self.tr("Low only"))
        self.low_only.setObjectName("stockLowOnly")
        self.low_only.toggled.connect(self._show)
        self.model = StockTableModel(self)
        self.table = fitted_table("stockTable", self.model, StockTableModel.NAME)
        self.totals = muted("stockTotals")
        self.costs_shown = True
        search = QHBoxLayout()
        search.addWidget(self.filter, 1)
        search.addWidget(self.category)
        search.addWidget(self.low_only)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)

    def show_costs(self, shown: bool) -> None:
        """A manager sees cost and value at cost; the front desk only the quantities."""
        self.costs_shown = shown
        for column in StockTableModel.COSTS:
            self.table.setColumnHidden(column, not shown)
        self.totals.setVisible(shown)

    def set_rows(self, rows: Sequence[StockRow]) -> None:
        self._all = list(rows)
        chosen = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem(self.tr("All categories"), None)
        for name in sorted({r.category for r in rows}):
            self.category.addItem(name, name)
        self.category.setCurrentIndex(max(0, self.category.findData(chosen)))
        self.category.blockSignals(False)
        self._show()

    def shown(self) -> list[StockRow]:
        text = self.filter.text().strip().lower()
        category = self.category.currentData()
        return [
            r
            for r in self._all
            if (not text or text in r.name.lower())
            and (category is None or r.category == category)
            and (r.low or not self.low_only.isChecked())
        ]

    def _show(self) -> None:
        selected = self.selected()
        rows = self.shown()
        self.model.set_rows(rows)
        if selected is not None:
            self.select(selected.product_id)
        self.totals.setText(
            self.tr("{count} products, value at cost {value} (all stock: {all})").format(
                count=len(rows),
                value=format_money(sum(r.value for r in rows)),
                all=format_money(sum(r.value for r in self._all)),
            )
        )

    def selected(self) -> StockRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select(self, product_id: str) -> bool:
        for row, found in enumerate(self.model.rows()):
            if found.product_id == product_id:
                self.table.selectRow(row)
                return True
        return False


class ExpiringView(QWidget):
    """Batches with stock that expire within N days, or have expired (in red)."""

    days_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days = QSpinBox()
        self.days.setObjectName("expiringDays")
        self.days.setRange(0, 3650)
        self.days.setValue(EXPIRING_DAYS)
        self.days.setSuffix(self.tr(" days"))
        self.days.valueChanged.connect(self.days_changed)
        self.model = ExpiringModel(self)
        self.table = fitted_table("expiringTable", self.model, ExpiringModel.NAME)
        self.summary = muted("expiringSummary")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Expiring within")))
        top.addWidget(self.days)
        top.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)

    def set_batches(self, batches: Sequence[ExpiringBatch], today: date) -> None:
        self.model.set_batches(batches, today)
        expired = sum(b.expires_on < today for b in batches)
        self.summary.setText(
            self.tr("{count} batches, {expired} of them expired").format(
                count=len(batches), expired=expired
            )
        )


class SuggestedOrderView(QWidget):
    """What is below its minimum, and the packages to order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SuggestedOrderModel(self)
        self.table = fitted_table("suggestedOrderTable", self.model, SuggestedOrderModel.NAME)
        self.summary = muted("suggestedOrderSummary")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)

    def set_rows(self, rows: Sequence[StockRow]) -> None:
        low = [r for r in rows if r.low]
        self.model.set_rows(low)
        self.summary.setText(
            self.tr("{count} products to order, about {cost} at cost").format(
                count=len(low), cost=format_money(sum(order_cost(r) for r in low))
            )
        )
