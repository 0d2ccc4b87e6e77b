"""A purchase order being written (采购单): its supplier, and lines of a product, packages and
cost per package (yuan, prefilled with the catalog's). A new one is saved as a draft; a draft
is edited in place. The service refuses an empty order or a quantity out of range."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from salon_pos.domain.errors import UserError
from salon_pos.domain.money import parse_yuan
from salon_pos.domain.stock import MOST_QUANTITY
from salon_pos.services.changes import Changes
from salon_pos.services.purchasing import OrderLine, OrderView, SupplierView
from salon_pos.ui.context import UiContext
from salon_pos.ui.dialogs.save_dialog import SaveDialog
from salon_pos.ui.dialogs.stock_receive import product_label
from salon_pos.ui.models.stock_documents import OrderLinesModel, draft_line
from salon_pos.ui.widgets import button, fitted_table
from sync.operations.inventory import CHANGE_PURCHASE_ORDER


class PurchaseOrderDialog(SaveDialog):
    def __init__(
        self,
        ctx: UiContext,
        suppliers: list[SupplierView],
        order: OrderView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, "purchaseOrderForm", parent)
        self.order = order
        self._loading = False
        title = self.tr("Edit order {number}").format(number=order.number) if order else ""
        self.setWindowTitle(title or self.tr("New purchase order"))
        self.products = {p.id: p for p in ctx.backend.catalog.products()}
        self.supplier = QComboBox()
        self.supplier.setObjectName("orderSupplier")
        self.supplier.addItem(self.tr("No supplier"), None)
        for supplier in suppliers:
            if supplier.active or (order and supplier.id == order.supplier_id):
                self.supplier.addItem(supplier.name, supplier.id)
        self.note = QLineEdit(order.note if order else "")
        self.note.setObjectName("orderNote")
        self.picker = QComboBox()
        self.picker.setObjectName("orderProduct")
        for product in self.products.values():
            self.picker.addItem(product_label(product), product.id)
        self.add = button(self.tr("Add"), "addOrderLine")
        self.add.clicked.connect(self._on_add_clicked)
        self.model = OrderLinesModel(self)
        self.table = fitted_table("orderLines", self.model, OrderLinesModel.NAME)
        self.table.selectionModel().selectionChanged.connect(self._load_line)
        self.packages = QSpinBox()
        self.packages.setObjectName("orderPackages")
        self.packages.setRange(1, MOST_QUANTITY)
        self.cost = QLineEdit()
        self.cost.setObjectName("orderCost")
        self.remove = button(self.tr("Remove line"), "removeOrderLine")
        self.remove.clicked.connect(self._on_remove_clicked)
        self.packages.valueChanged.connect(self._store_line)
        self.cost.textEdited.connect(self._store_line)
        self._lay_out()
        if order is not None:
            self._fill(order)
        self._load_line()
        self.setMinimumSize(640, 480)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Supplier"), self.supplier)
        form.addRow(self.tr("Note"), self.note)
        pick = QHBoxLayout()
        pick.addWidget(self.picker, 1)
        pick.addWidget(self.add)
        line = QHBoxLayout()
        line.addWidget(QLabel(self.tr("Packages")))
        line.addWidget(self.packages)
        line.addWidget(QLabel(self.tr("Cost per package (yuan)")))
        line.addWidget(self.cost, 1)
        line.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(pick)
        layout.addWidget(self.table, 1)
        layout.addLayout(line)
        self.finish_layout(layout)

    def _fill(self, order: OrderView) -> None:
        self.supplier.setCurrentIndex(max(0, self.supplier.findData(order.supplier_id)))
        for line in order.lines:
            product = self.products.get(line.product_id)
            if product is not None:
                self.model.append(draft_line(product, line.packages, line.unit_cost))
        if self.model.rowCount():
            self.table.selectRow(0)

    def _on_add_clicked(self) -> None:
        product = self.products.get(self.picker.currentData())
        if product is None:
            return
        rows = self.model.rows()
        row = next((i for i, r in enumerate(rows) if r.product.id == product.id), None)
        if row is None:
            row = self.model.append(draft_line(product, 1, None))
        else:
            self.model.replace_line(row, replace(rows[row], packages=rows[row].packages + 1))
        self.table.selectRow(row)
        self._load_line()

    def _on_remove_clicked(self) -> None:
        row = self._selected_row()
        if row is not None:
            self.model.remove(row)
            self._load_line()

    def _selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _load_line(self) -> None:
        row = self._selected_row()
        for widget in (self.packages, self.cost, self.remove):
            widget.setEnabled(row is not None)
        if row is None:
            return
        line = self.model.row_at(row)
        self._loading = True
        self.packages.setValue(line.packages)
        self.cost.setText(line.cost)
        self._loading = False

    def _store_line(self) -> None:
        row = self._selected_row()
        if self._loading or row is None:
            return
        line = self.model.row_at(row)
        self.model.replace_line(
            row, replace(line, packages=self.packages.value(), cost=self.cost.text().strip())
        )

    def order_lines(self) -> list[OrderLine]:
        """The lines as the service takes them (UserError for a cost that is not an amount)."""
        return [
            OrderLine(line.product.id, line.packages, parse_yuan(line.cost) if line.cost else None)
            for line in self.model.rows()
        ]

    def _save(self) -> None:
        try:
            lines = self.order_lines()
        except UserError as error:
            self.message.show_error(self._ctx.message(error))
            return
        buying = self._ctx.backend.purchasing
        actor = self._ctx.staff.id if self._ctx.staff else ""
        supplier, note = self.supplier.currentData(), self.note.text()
        if self.order is None:
            self.run_save(lambda: buying.draft(lines, actor, supplier, note), order_changes)
            return
        order_id = self.order.id

        def edit() -> str:
            buying.edit(order_id, lines, actor, supplier, note)
            return order_id

        self.run_save(edit, order_changes)


def order_changes(order_id: str) -> Changes:
    return Changes.of(CHANGE_PURCHASE_ORDER, order_id)
