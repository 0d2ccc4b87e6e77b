"""Sending stock to another of the owner's stores (调拨发货): the store (those the server last
named; none until this counter has synced), and products with the units to send, in each
product's own unit. The service takes them out first expired first out."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from salon_pos.domain.stock import MOST_QUANTITY
from salon_pos.services.catalog import ProductOffer
from salon_pos.services.changes import Changes
from salon_pos.services.transfers import TransferView
from salon_pos.ui.context import UiContext
from salon_pos.ui.dialogs.save_dialog import SaveDialog
from salon_pos.ui.dialogs.stock_receive import product_label
from salon_pos.ui.models.rows import Cell, RowsModel
from salon_pos.ui.models.stock import unit_name, units_text
from salon_pos.ui.widgets import button, fitted_table
from sync.operations.inventory import CHANGE_STOCK_MOVEMENT, CHANGE_TRANSFER


@dataclass(frozen=True)
class SendLine:
    product: ProductOffer
    units: int


class SendLinesModel(RowsModel[SendLine]):
    NAME = 0

    def columns(self) -> list[tuple[str, Cell, bool]]:
        return [
            (self.tr("Product"), lambda r: r.product.name, False),
            (self.tr("Quantity"), lambda r: units_text(r.units, r.product.unit), True),
        ]

    def put(self, line: SendLine) -> int:
        """The product's line set to these units, or a new line."""
        for row, found in enumerate(self._rows):
            if found.product.id == line.product.id:
                self.replace_line(row, line)
                return row
        return self.append(line)


class SendTransferDialog(SaveDialog):
    def __init__(
        self, ctx: UiContext, stores: list[tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, "transferSendForm", parent)
        self.setWindowTitle(self.tr("Send stock to another store"))
        self.products = {p.id: p for p in ctx.backend.catalog.products()}
        self.store = QComboBox()
        self.store.setObjectName("transferStore")
        for store_id, name in stores:
            self.store.addItem(name, store_id)
        self.note = QLineEdit()
        self.note.setObjectName("transferNote")
        self.picker = QComboBox()
        self.picker.setObjectName("transferProduct")
        for product in self.products.values():
            self.picker.addItem(product_label(product), product.id)
        self.picker.currentIndexChanged.connect(self._on_product_changed)
        self.units = QSpinBox()
        self.units.setObjectName("transferUnits")
        self.units.setRange(1, MOST_QUANTITY)
        self.add = button(self.tr("Add"), "addTransferLine")
        self.add.clicked.connect(self.add_line)
        self.remove = button(self.tr("Remove line"), "removeTransferLine")
        self.remove.clicked.connect(self._on_remove_clicked)
        self.model = SendLinesModel(self)
        self.table = fitted_table("transferLines", self.model, SendLinesModel.NAME)
        form = QFormLayout()
        form.addRow(self.tr("To store"), self.store)
        form.addRow(self.tr("Note"), self.note)
        pick = QHBoxLayout()
        pick.addWidget(self.picker, 1)
        pick.addWidget(self.units)
        pick.addWidget(self.add)
        pick.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(pick)
        layout.addWidget(self.table, 1)
        self.finish_layout(layout)
        self._on_product_changed()
        if not stores:
            self.message.show_error(
                self.tr("This counter knows no other store yet: sync with the server first.")
            )
            self.save_button.setEnabled(False)
        self.setMinimumSize(600, 420)

    def _on_product_changed(self) -> None:
        product = self.products.get(self.picker.currentData())
        self.units.setSuffix(" " + unit_name(product.unit) if product else "")

    def add_line(self) -> None:
        product = self.products.get(self.picker.currentData())
        if product is not None:
            self.table.selectRow(self.model.put(SendLine(product, self.units.value())))

    def _on_remove_clicked(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.model.remove(rows[0].row())

    def _save(self) -> None:
        store = self.store.currentData()
        if store is None:
            return
        lines = {line.product.id: line.units for line in self.model.rows()}
        transfers, note = self._ctx.backend.transfers, self.note.text()
        staff = self._ctx.staff.id if self._ctx.staff else ""
        self.run_save(lambda: transfers.send(store, lines, staff, note), transfer_changes)


def transfer_changes(transfer: TransferView) -> Changes:
    return Changes.of(CHANGE_TRANSFER, transfer.id) | Changes.of(CHANGE_STOCK_MOVEMENT, transfer.id)
