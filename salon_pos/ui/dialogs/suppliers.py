"""Suppliers (供应商): the list, and the one chosen edited beside it (name, contact, phone,
note, in use). A new supplier is typed into the empty form. Saved on the task runner; the
service refuses a supplier with no name."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from salon_pos.services.changes import QUEUED, Changes
from salon_pos.services.purchasing import SupplierView
from salon_pos.ui.context import UiContext
from salon_pos.ui.models.rows import Cell, RowsModel
from salon_pos.ui.widgets import MessageLine, button, fitted_table
from sync.operations.inventory import CHANGE_SUPPLIER


class SuppliersModel(RowsModel[SupplierView]):
    NAME = 0

    def columns(self) -> list[tuple[str, Cell, bool]]:
        return [
            (self.tr("Name"), lambda s: s.name, False),
            (self.tr("Contact"), lambda s: s.contact, False),
            (self.tr("Phone"), lambda s: s.phone, False),
            (self.tr("In use"), lambda s: self.tr("Yes") if s.active else self.tr("No"), False),
        ]


class SuppliersDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suppliersDialog")
        self.setWindowTitle(self.tr("Suppliers"))
        self._ctx = ctx
        self.editing: str | None = None  # the supplier in the form; None: a new one
        self.model = SuppliersModel(self)
        self.table = fitted_table("suppliersTable", self.model, SuppliersModel.NAME)
        self.table.selectionModel().selectionChanged.connect(self._load)
        self.name = QLineEdit()
        self.name.setObjectName("supplierName")
        self.contact = QLineEdit()
        self.contact.setObjectName("supplierContact")
        self.phone = QLineEdit()
        self.phone.setObjectName("supplierPhone")
        self.note = QLineEdit()
        self.note.setObjectName("supplierNote")
        self.active = QCheckBox(self.tr("In use"))
        self.active.setObjectName("supplierActive")
        self.active.setChecked(True)
        self.new = button(self.tr("New supplier"), "newSupplier")
        self.new.clicked.connect(self.clear_form)
        self.save = button(self.tr("Save supplier"), "saveSupplier", "primary")
        self.save.clicked.connect(self.save_form)
        self.message = MessageLine()
        self._lay_out()
        self.setMinimumSize(720, 420)
        self.reload()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Contact"), self.contact)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Note"), self.note)
        form.addRow("", self.active)
        actions = QHBoxLayout()
        actions.addWidget(self.new)
        actions.addStretch()
        actions.addWidget(self.save)
        side = QVBoxLayout()
        side.addLayout(form)
        side.addLayout(actions)
        side.addWidget(self.message)
        side.addStretch()
        both = QHBoxLayout()
        both.addWidget(self.table, 3)
        both.addLayout(side, 2)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(both, 1)
        layout.addWidget(close)

    def reload(self, select: str | None = None) -> None:
        buying = self._ctx.backend.purchasing
        self._ctx.runner.run(buying.suppliers, partial(self._on_read, select))

    def _on_read(self, select: str | None, rows: list[SupplierView]) -> None:
        self.model.set_rows(rows)
        row = next((i for i, s in enumerate(rows) if s.id == select), None)
        if row is not None:
            self.table.selectRow(row)

    def _load(self) -> None:
        picked = self.table.selectionModel().selectedRows()
        if not picked:
            return
        supplier = self.model.row_at(picked[0].row())
        self.editing = supplier.id
        for field, text in ((self.name, supplier.name), (self.contact, supplier.contact),
                            (self.phone, supplier.phone), (self.note, supplier.note)):  # fmt: skip
            field.setText(text)
        self.active.setChecked(supplier.active)

    def clear_form(self) -> None:
        self.table.clearSelection()
        self.editing = None
        for field in (self.name, self.contact, self.phone, self.note):
            field.clear()
        self.active.setChecked(True)
        self.name.setFocus()

    def save_form(self) -> None:
        buying, actor = self._ctx.backend.purchasing, self._ctx.staff.id if self._ctx.staff else ""
        values = (self.name.text(), actor, self.contact.text(), self.phone.text(),
                  self.note.text(), self.editing, self.active.isChecked())  # fmt: skip
        self.save.setEnabled(False)
        self._ctx.runner.run(
            lambda: buying.save_supplier(*values), self._on_saved, self._on_refused
        )

    def _on_saved(self, supplier_id: str) -> None:
        self.save.setEnabled(True)
        self.editing = supplier_id
        self.message.show_info(self.tr("Saved."))
        self._ctx.announce(Changes.of(CHANGE_SUPPLIER, supplier_id) | Changes.of(QUEUED))
        self.reload(supplier_id)

    def _on_refused(self, error: BaseException) -> None:
        self.save.setEnabled(True)
        self.message.show_error(self._ctx.message(error))
