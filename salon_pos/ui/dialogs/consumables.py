"""What one of a service uses up (耗材): products and quantities, each in a unit — the product's
own, chosen when the product is picked. The stock service checks the unit when the service is
saved and refuses one that is not the product's (5 pieces of a serum kept by the ml)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSpinBox, QVBoxLayout, QWidget

from salon_pos.domain.stock import MOST_QUANTITY, Unit
from salon_pos.services.catalog import ProductOffer
from salon_pos.services.stock import ConsumableLine
from salon_pos.ui.models.rows import Cell, RowsModel
from salon_pos.ui.models.stock import unit_name
from salon_pos.ui.widgets import button, fitted_table


@dataclass(frozen=True)
class ConsumableRow:
    name: str
    line: ConsumableLine


class ConsumablesModel(RowsModel[ConsumableRow]):
    def columns(self) -> list[tuple[str, Cell, bool]]:
        return [
            (self.tr("Product"), lambda r: r.name, False),
            (self.tr("Uses"), lambda r: f"{r.line.quantity:,} {unit_name(r.line.unit)}", True),
        ]


class ConsumablesEditor(QWidget):
    def __init__(
        self,
        products: Sequence[ProductOffer],
        uses: Sequence[ConsumableLine],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("consumablesEditor")
        self.products = {p.id: p for p in products}
        self.product = QComboBox()
        self.product.setObjectName("consumableProduct")
        for product in products:
            self.product.addItem(product.name, product.id)
        self.product.currentIndexChanged.connect(self._on_product_changed)
        self.quantity = QSpinBox()
        self.quantity.setObjectName("consumableQuantity")
        self.quantity.setRange(1, MOST_QUANTITY)
        self.unit = QComboBox()
        self.unit.setObjectName("consumableUnit")
        for unit in Unit:
            self.unit.addItem(unit_name(unit.value), unit.value)
        self.add = button(self.tr("Add"), "addConsumable")
        self.add.clicked.connect(self._on_add_clicked)
        self.remove = button(self.tr("Remove"), "removeConsumable")
        self.remove.clicked.connect(self._on_remove_clicked)
        self.model = ConsumablesModel(self)
        self.model.set_rows([ConsumableRow(self._name(u.product_id), u) for u in uses])
        self.table = fitted_table("consumablesTable", self.model, 0)
        self.table.setMinimumHeight(90)
        amount = QHBoxLayout()
        amount.addWidget(self.quantity, 1)
        amount.addWidget(self.unit)
        amount.addWidget(self.add)
        amount.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.product)
        layout.addLayout(amount)
        self._on_product_changed()

    def _name(self, product_id: str) -> str:
        product = self.products.get(product_id)
        return product.name if product else product_id

    def _on_product_changed(self) -> None:
        product = self.products.get(self.product.currentData())
        if product is not None:
            self.unit.setCurrentIndex(max(0, self.unit.findData(product.unit)))

    def _on_add_clicked(self) -> None:
        """Adds the product, or changes its quantity if it is already listed."""
        product_id = self.product.currentData()
        if product_id is None:
            return
        line = ConsumableLine(product_id, self.quantity.value(), self.unit.currentData())
        rows = [r for r in self.model.rows() if r.line.product_id != product_id]
        self.model.set_rows([*rows, ConsumableRow(self._name(product_id), line)])

    def _on_remove_clicked(self) -> None:
        picked = self.table.selectionModel().selectedRows()
        if picked:
            rows = self.model.rows()
            del rows[picked[0].row()]
            self.model.set_rows(rows)

    def lines(self) -> list[ConsumableLine]:
        return [r.line for r in self.model.rows()]
