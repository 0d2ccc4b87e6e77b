"""Customers: find one as you type (phone digits, name, pinyin initials), see the list, add or
edit a profile in CustomerFormDialog. With nothing typed, the most recent customers are shown.
Searches are sub-millisecond indexed reads, so they run on the UI thread; saves do not."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from salon_pos.services.changes import Changes
from salon_pos.services.customers import CustomerProfile
from salon_pos.ui.context import UiContext
from salon_pos.ui.dialogs.customer_form import CustomerFormDialog
from salon_pos.ui.dialogs.member_account import MemberAccountDialog
from salon_pos.ui.dialogs.patch_test import PatchTestDialog
from salon_pos.ui.models.customers import (
    BIRTHDAY,
    GENDER,
    NAME,
    PHONE,
    STANDING,
    CustomerTableModel,
)
from salon_pos.ui.pages.customers_import import customer_import
from salon_pos.ui.widgets import HintedField, button, row_table
from sync.operations.customers import CHANGE_CUSTOMER

SEARCH_LIMIT = 200
RECENT_LIMIT = 100
COLUMN_WIDTHS = {NAME: 140, PHONE: 150, GENDER: 70, BIRTHDAY: 110, STANDING: 190}
TABLE_STYLE = "QTableView::item { padding: 0 8px; }"  # belongs in style.qss, for every table
_PHONE_LIKE = re.compile(r"[\d\s+\-()]+")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _prefill(text: str) -> dict[str, str]:
    """What the search box already says about a new customer: a phone, or a Chinese name."""
    text = text.strip()
    if text and _PHONE_LIKE.fullmatch(text):
        return {"phone": text}
    if _HAN.search(text):
        return {"name": text}
    return {}


class CustomersPage(QWidget):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.setObjectName("customersPage")
        self._ctx = ctx
        self.form: CustomerFormDialog | None = None  # the open add / edit form, if any
        self.show_form: Callable[[CustomerFormDialog], None] = CustomerFormDialog.open
        self.filter = HintedField()
        self.filter.setObjectName("customerFilter")
        self.filter.setPlaceholderText(self.tr("Search by phone, name or pinyin initials"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.refresh)
        self.add = button(self.tr("New customer"), "addCustomer", "primary")
        self.add.clicked.connect(self._on_add_clicked)
        self.edit = button(self.tr("Edit"), "editCustomer")
        self.edit.clicked.connect(self._on_edit_clicked)
        self.account = button(self.tr("Member account"), "openMemberAccount")
        self.account.clicked.connect(self.open_account)
        self.account_dialog: MemberAccountDialog | None = None
        self.patch_tests = button(self.tr("Patch tests"), "customerPatchTests")
        self.patch_tests.clicked.connect(self._on_patch_tests_clicked)
        self.patch_test_dialog: PatchTestDialog | None = None
        self.importer = customer_import(ctx)
        self.count = QLabel()
        self.count.setObjectName("customerCount")
        self.count.setProperty("role", "muted")
        self.model = CustomerTableModel(self)
        self.table = self._table()
        self._build()
        ctx.changed.connect(self._on_ctx_changed)
        self.refresh()

    def _table(self) -> QTableView:
        table = row_table("customerTable", self.model)
        table.setAlternatingRowColors(True)
        table.setStyleSheet(TABLE_STYLE)
        table.setWordWrap(False)
        table.verticalHeader().setDefaultSectionSize(40)
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in COLUMN_WIDTHS.items():
            table.setColumnWidth(column, width)
        table.doubleClicked.connect(self._on_table_double_clicked)
        table.selectionModel().selectionChanged.connect(self._update_buttons)
        return table

    def _build(self) -> None:
        title = QLabel(self.tr("Customers"))
        title.setObjectName("pageTitle")
        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.importer)
        bar.addWidget(self.account)
        bar.addWidget(self.patch_tests)
        bar.addWidget(self.edit)
        bar.addWidget(self.add)
        self.filter.setMinimumHeight(self.add.sizeHint().height())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(title)
        layout.addLayout(bar)
        layout.addWidget(self.importer.message)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)

    def on_shown(self) -> None:
        staff = self._ctx.staff  # the page outlives a change of user
        self.importer.setVisible(staff is not None and staff.role.approves)
        self.refresh()
        self.filter.setFocus()

    def refresh(self) -> None:
        """Show the customers the search box asks for; keep the selected one if still listed."""
        selected = self.selected()
        text = self.filter.text().strip()
        customers = self._ctx.backend.customers
        rows = customers.search(text, SEARCH_LIMIT) if text else customers.recent(RECENT_LIMIT)
        self.model.set_standings(rows, customers.standings(r.id for r in rows))
        self._show_count(text, len(rows))
        if selected is not None:
            self.select(selected.id)
        self._update_buttons()

    def _show_count(self, text: str, count: int) -> None:
        if not text:
            message = self.tr("The {count} most recent customers").format(count=count)
        elif count:
            message = self.tr("{count} found").format(count=count)
        else:
            message = self.tr("No customer matches “{text}”: add one with New customer.")
            message = message.format(text=text)
        self.count.setText(message)

    def selected(self) -> CustomerProfile | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select(self, customer_id: str) -> bool:
        row = self.model.row_of(customer_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _update_buttons(self) -> None:
        self.edit.setEnabled(self.selected() is not None)
        self.account.setEnabled(self.selected() is not None)
        self.patch_tests.setEnabled(self.selected() is not None)

    def open_account(self) -> MemberAccountDialog | None:
        """The selected customer's stored value, points, cards and ledger."""
        profile = self.selected()
        if profile is None:
            return None
        dialog = MemberAccountDialog(self._ctx, profile, self)
        dialog.finished.connect(dialog.deleteLater)
        self.account_dialog = dialog
        dialog.open()
        return dialog

    def _on_ctx_changed(self, changes: Changes) -> None:
        if changes.touches(CHANGE_CUSTOMER):
            self.refresh()

    def _on_add_clicked(self) -> None:
        self._open(CustomerFormDialog(self._ctx, None, self, **_prefill(self.filter.text())))

    def _on_edit_clicked(self) -> None:
        customer = self.selected()
        if customer is not None:
            self._open(CustomerFormDialog(self._ctx, customer, self))

    def _on_patch_tests_clicked(self) -> None:
        customer = self.selected()
        if customer is not None:
            self.patch_test_dialog = PatchTestDialog(self._ctx, customer, self)
            self.patch_test_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.patch_test_dialog.open()

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        self.table.selectRow(index.row())
        self._on_edit_clicked()

    def _open(self, dialog: CustomerFormDialog) -> None:
        """Window-modal, without a nested event loop: the page hears back through `accepted`."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._on_form_saved(dialog.saved))
        dialog.finished.connect(lambda _result: self._forget(dialog))
        self.form = dialog
        self.show_form(dialog)

    def _forget(self, dialog: CustomerFormDialog) -> None:
        if self.form is dialog:
            self.form = None

    def _on_form_saved(self, profile: CustomerProfile | None) -> None:
        if profile is None:
            return
        if not self.select(profile.id):  # not in the filtered list: show the newest instead
            self.filter.clear()
            self.select(profile.id)
