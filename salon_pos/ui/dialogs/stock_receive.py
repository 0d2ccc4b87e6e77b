"""Receiving goods from a supplier (入库). Each barcode scanned (or product picked) adds one
package: to the product's last line, or a new line. The selected line's batch code, expiry and
production dates and cost per package (yuan) are typed below the list. Saving calls
StockService.receive; what it refuses (a batch without the expiry its product needs, a
production date after the expiry) keeps the dialog open with its message and changes nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from salon_pos.domain.errors import UserError
from salon_pos.domain.money import format_yuan, parse_yuan
from salon_pos.domain.stock import MOST_QUANTITY
from salon_pos.services.catalog import ProductOffer
from salon_pos.services.changes import Changes
from salon_pos.services.purchasing import OrderView
from salon_pos.services.stock import ReceiptLine, Received
from salon_pos.ui.context import UiContext
from salon_pos.ui.dialogs.save_dialog import SaveDialog
from salon_pos.ui.models.stock_receipt import ReceiptDraftLine, ReceiptLinesModel
from salon_pos.ui.scanner import BarcodeScanner
from salon_pos.ui.widgets import button, fitted_table, qdate
from sync.operations.inventory import CHANGE_PURCHASE_ORDER, CHANGE_STOCK_MOVEMENT


def date_field(name: str, default: date) -> tuple[QCheckBox, QDateEdit]:
    """A date that may be left out: a check box turns the date field on."""
    given = QCheckBox()
    given.setObjectName(f"{name}Given")
    field = QDateEdit(qdate(default))
    field.setObjectName(name)
    field.setCalendarPopup(True)
    field.setDisplayFormat("yyyy-MM-dd")
    field.setEnabled(False)
    given.toggled.connect(field.setEnabled)
    return given, field


def product_label(product: ProductOffer) -> str:
    return f"{product.category} · {product.name}"


class ReceiveDialog(SaveDialog):
    """Against a purchase order (`order`), its outstanding lines are listed at 0 packages of
    those due; each scan adds one, and a line left at 0 is not received."""

    def __init__(
        self, ctx: UiContext, parent: QWidget | None = None, order: OrderView | None = None
    ) -> None:
        super().__init__(ctx, "stockReceiveForm", parent)
        self.order = order
        self.setWindowTitle(self.tr("Receive goods"))
        self._loading = False  # the editor is being filled from a line: no edits back
        self.products = {p.id: p for p in ctx.backend.catalog.products()}
        self.scanner = BarcodeScanner(lambda: self if self.isVisible() else None)
        self.scanner.scanned.connect(self.add_scanned)
        self.picker = QComboBox()
        self.picker.setObjectName("receiptProduct")
        for product in self.products.values():
            self.picker.addItem(product_label(product), product.id)
        self.add = button(self.tr("Add one package"), "addReceiptPackage")
        self.add.clicked.connect(self._on_add_clicked)
        self.model = ReceiptLinesModel(self)
        self.table = fitted_table("receiptLines", self.model, ReceiptLinesModel.NAME)
        self.table.selectionModel().selectionChanged.connect(self._load_line)
        self.supplier = QLineEdit()
        self.supplier.setObjectName("receiptSupplier")
        self.supplier.setPlaceholderText(self.tr("Optional"))
        self._editor_fields()
        self._lay_out()
        if order is not None:
            self._fill_from_order(order)
        self._load_line()
        self.setMinimumSize(760, 540)

    def _fill_from_order(self, order: OrderView) -> None:
        self.setWindowTitle(self.tr("Receive purchase order {number}").format(number=order.number))
        self.supplier.setText(order.supplier)
        self.supplier.setReadOnly(True)
        self.packages.setMinimum(0)
        costs = {line.product_id: line.unit_cost for line in order.lines}
        for product_id, due in order.outstanding().items():
            product = self.products.get(product_id)
            if product is not None:
                cost = costs.get(product_id)
                cost_text = format_yuan(product.cost if cost is None else cost)
                self.model.append(ReceiptDraftLine(product, 0, cost=cost_text, due=due))
        if self.model.rowCount():
            self.table.selectRow(0)

    def receive_all_due(self) -> None:
        """Every line of the order as due: what a person does when the whole delivery came."""
        for row, line in enumerate(self.model.rows()):
            if line.due:
                self.model.replace_line(row, replace(line, packages=line.due))
        self._load_line()

    def _editor_fields(self) -> None:
        today = self._ctx.backend.clock.now().date()
        self.packages = QSpinBox()
        self.packages.setObjectName("receiptPackages")
        self.packages.setRange(1, MOST_QUANTITY)
        self.batch = QLineEdit()
        self.batch.setObjectName("receiptBatch")
        self.batch.setMaxLength(40)
        self.has_expiry, self.expires = date_field("receiptExpires", today + timedelta(days=365))
        self.has_made, self.made = date_field("receiptMade", today)
        self.cost = QLineEdit()
        self.cost.setObjectName("receiptCost")
        self.remove = button(self.tr("Remove line"), "removeReceiptLine")
        self.remove.clicked.connect(self._on_remove_clicked)
        for signal in (
            self.packages.valueChanged, self.batch.textEdited, self.has_expiry.toggled,
            self.expires.dateChanged, self.has_made.toggled, self.made.dateChanged,
            self.cost.textEdited,
        ):  # fmt: skip
            signal.connect(self._store_line)

    def _lay_out(self) -> None:
        pick = QHBoxLayout()
        pick.addWidget(self.picker, 1)
        pick.addWidget(self.add)
        if self.order is not None:
            self.all_due = button(self.tr("All of it came"), "receiveAllDue")
            self.all_due.clicked.connect(self.receive_all_due)
            pick.addWidget(self.all_due)
        hint = QLabel(self.tr("Scan each package's barcode, or pick the product and add it."))
        hint.setProperty("role", "muted")
        hint.setWordWrap(True)
        supplier = QFormLayout()
        supplier.addRow(self.tr("Supplier"), self.supplier)
        layout = QVBoxLayout(self)
        if self.order is not None:
            due = sum(self.order.outstanding().values())
            heading = QLabel(
                self.tr("Purchase order {number}: {due} packages still to come").format(
                    number=self.order.number, due=f"{due:,}"
                )
            )
            heading.setObjectName("receiptOrder")
            layout.addWidget(heading)
        layout.addLayout(supplier)
        layout.addWidget(hint)
        layout.addLayout(pick)
        layout.addWidget(self.table, 1)
        layout.addWidget(self._line_editor())
        self.finish_layout(layout)

    def _line_editor(self) -> QGroupBox:
        """The selected line's fields, two pairs a row."""
        box = QGroupBox(self.tr("Selected line"))
        grid = QGridLayout(box)
        pairs: list[tuple[str, QWidget | QHBoxLayout]] = [
            (self.tr("Packages"), self.packages),
            (self.tr("Batch code"), self.batch),
            (self.tr("Expiry date"), _beside(self.has_expiry, self.expires)),
            (self.tr("Production date"), _beside(self.has_made, self.made)),
            (self.tr("Cost per package (yuan)"), self.cost),
        ]
        for n, (label, field) in enumerate(pairs):
            row, column = divmod(n, 2)
            grid.addWidget(QLabel(label), row, 2 * column)
            if isinstance(field, QHBoxLayout):
                grid.addLayout(field, row, 2 * column + 1)
            else:
                grid.addWidget(field, row, 2 * column + 1)
        grid.addWidget(self.remove, 2, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        return box

    def showEvent(self, event: QShowEvent) -> None:
        self.scanner.install()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.scanner.remove()
        super().hideEvent(event)

    # Adding packages

    def add_scanned(self, barcode: str) -> None:
        try:  # one indexed read: well under a millisecond, fine on the UI thread
            product = self._ctx.backend.catalog.product_by_barcode(barcode)
        except UserError as error:
            self.message.show_error(self._ctx.message(error))
            return
        self.add_package(product)

    def _on_add_clicked(self) -> None:
        product = self.products.get(self.picker.currentData())
        if product is not None:
            self.add_package(product)

    def add_package(self, product: ProductOffer) -> None:
        """One more package of the product: on its last line, or on a new one."""
        self.message.hide()
        lines = self.model.rows()
        ours = [i for i, line in enumerate(lines) if line.product.id == product.id]
        row = ours[-1] if ours else None
        if row is None:
            row = self.model.append(ReceiptDraftLine(product, cost=format_yuan(product.cost)))
        else:
            line = lines[row]
            self.model.replace_line(row, replace(line, packages=line.packages + 1))
        self.table.selectRow(row)
        self._load_line()

    def _on_remove_clicked(self) -> None:
        row = self._selected_row()
        if row is not None:
            self.model.remove(row)
            self._load_line()

    # The selected line's editor

    def _selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _load_line(self) -> None:
        row = self._selected_row()
        for widget in (self.packages, self.batch, self.has_expiry, self.has_made, self.cost,
                       self.remove):  # fmt: skip
            widget.setEnabled(row is not None)
        if row is None:
            return
        line = self.model.row_at(row)
        self._loading = True
        self.packages.setValue(line.packages)
        self.batch.setText(line.batch_code)
        self.has_expiry.setChecked(line.expires_on is not None)
        if line.expires_on is not None:
            self.expires.setDate(qdate(line.expires_on))
        self.has_made.setChecked(line.made_on is not None)
        if line.made_on is not None:
            self.made.setDate(qdate(line.made_on))
        self.cost.setText(line.cost)
        self._loading = False

    def _store_line(self) -> None:
        row = self._selected_row()
        if self._loading or row is None:
            return
        line = replace(
            self.model.row_at(row),
            packages=self.packages.value(),
            batch_code=self.batch.text().strip(),
            expires_on=_date(self.expires.date()) if self.has_expiry.isChecked() else None,
            made_on=_date(self.made.date()) if self.has_made.isChecked() else None,
            cost=self.cost.text().strip(),
        )
        self.model.replace_line(row, line)

    # Saving

    def receipt_lines(self) -> list[ReceiptLine]:
        """The lines as the service takes them (UserError for a cost that is not an amount)."""
        return [
            ReceiptLine(
                line.product.id,
                line.packages,
                parse_yuan(line.cost) if line.cost else None,
                line.batch_code,
                line.expires_on,
                line.made_on,
            )
            for line in self.model.rows()
            if line.packages
        ]

    def _save(self) -> None:
        if not any(line.packages for line in self.model.rows()):
            self.message.show_error(self.tr("Scan or add the goods received first."))
            return
        try:
            lines = self.receipt_lines()
        except UserError as error:
            self.message.show_error(self._ctx.message(error))
            return
        stock, supplier = self._ctx.backend.stock, self.supplier.text().strip()
        actor = self._ctx.staff.id if self._ctx.staff else ""
        if self.order is None:
            self.run_save(lambda: stock.receive(lines, actor, supplier), received_changes)
            return
        order_id = self.order.id
        self.run_save(
            lambda: stock.receive(lines, actor, purchase_order_id=order_id),
            lambda received: (
                received_changes(received) | Changes.of(CHANGE_PURCHASE_ORDER, order_id)
            ),
        )


def received_changes(received: Received) -> Changes:
    return Changes.of(CHANGE_STOCK_MOVEMENT, received.document_id)


def _beside(check: QCheckBox, field: QDateEdit) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(check)
    row.addWidget(field, 1)
    return row


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
