"""A product's minimum at this store (最低库存), in its unit: below it the product shows as low
and in the suggested order; 0 means no alert."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from salon_pos.domain.stock import MOST_QUANTITY
from salon_pos.services.changes import Changes
from salon_pos.services.stock import StockRow
from salon_pos.ui.context import UiContext
from salon_pos.ui.dialogs.save_dialog import SaveDialog
from salon_pos.ui.models.stock import unit_name, units_text
from sync.operations.inventory import CHANGE_STOCK_LEVEL


class MinimumDialog(SaveDialog):
    def __init__(self, ctx: UiContext, row: StockRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "stockMinimumForm", parent)
        self.setWindowTitle(self.tr("Minimum stock"))
        self._row = row
        self.amount = QSpinBox()
        self.amount.setObjectName("stockMinimum")
        self.amount.setRange(0, MOST_QUANTITY)
        self.amount.setSuffix(" " + unit_name(row.unit))
        self.amount.setSpecialValueText(self.tr("No alert"))
        self.amount.setValue(row.minimum)
        form = QFormLayout()
        form.addRow(self.tr("Product"), QLabel(row.name))
        form.addRow(self.tr("On hand"), QLabel(units_text(row.on_hand, row.unit)))
        form.addRow(self.tr("Minimum"), self.amount)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.finish_layout(layout)
        self.setMinimumWidth(360)

    def _save(self) -> None:
        stock, actor = self._ctx.backend.stock, self._ctx.staff.id if self._ctx.staff else ""
        product_id, minimum = self._row.product_id, self.amount.value()
        self.run_save(
            lambda: stock.set_minimum(product_id, minimum, actor),
            lambda _saved: Changes.of(CHANGE_STOCK_LEVEL, product_id),
        )
