"""Who the ticket is for: find a customer as you type (phone digits, name, pinyin initials),
add a new one on the spot, or sell to a walk-in (散客, the default)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from salon_pos.services.customers import CustomerProfile
from salon_pos.ui.context import UiContext
from salon_pos.ui.dialogs.customer_form import CustomerFormDialog
from salon_pos.ui.widgets import HintedField

RESULTS_SHOWN = 8


class CustomerPanel(QWidget):
    chosen = Signal(object)  # CustomerProfile | None (walk-in)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.customer: CustomerProfile | None = None
        self.search = HintedField()
        self.search.setObjectName("customerSearch")
        self.search.setPlaceholderText(self.tr("Phone, name or pinyin initials  F5"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.returnPressed.connect(self._choose_first)
        self.quick_add = QPushButton(self.tr("+ New customer"))
        self.quick_add.setObjectName("quickAddCustomer")
        self.quick_add.clicked.connect(self.open_quick_add)
        self.results = QListWidget()
        self.results.setObjectName("customerResults")
        self.results.setMaximumHeight(180)
        self.results.itemActivated.connect(self._on_results_item_activated)
        self.results.itemClicked.connect(self._on_results_item_activated)
        self.results.hide()
        self.label = QLabel()
        self.label.setObjectName("ticketCustomer")
        self.walk_in = QPushButton(self.tr("Walk-in  F6"))
        self.walk_in.setObjectName("walkIn")
        self.walk_in.setShortcut("F6")
        self.walk_in.clicked.connect(lambda: self.set_customer(None))
        find = QHBoxLayout()
        find.addWidget(self.search, 1)
        find.addWidget(self.quick_add)
        current = QHBoxLayout()
        current.addWidget(self.label, 1)
        current.addWidget(self.walk_in)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(find)
        layout.addWidget(self.results)
        layout.addLayout(current)
        self.set_customer(None)

    def set_customer(self, profile: CustomerProfile | None) -> None:
        self.customer = profile
        if profile is None:
            self.label.setText(self.tr("Customer: walk-in"))
        else:
            self.label.setText(
                self.tr("Customer: {name} · {phone}").format(name=profile.name, phone=profile.phone)
            )
        self.label.setProperty("kind", "member" if profile else "walkIn")
        self.label.style().unpolish(self.label)
        self.label.style().polish(self.label)
        self.walk_in.setEnabled(profile is not None)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.results.clear()
        self.results.hide()
        self.chosen.emit(profile)

    def open_quick_add(self) -> None:
        typed = self.search.text().strip()
        digits = typed.replace(" ", "").replace("-", "")
        is_phone = digits.isdigit()
        dialog = CustomerFormDialog(
            self._ctx,
            parent=self,
            name="" if is_phone else typed,
            phone=digits if is_phone else "",
        )
        dialog.accepted.connect(lambda: self.set_customer(dialog.saved))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _on_search_text_changed(self, text: str) -> None:
        # Well under a millisecond at 100,000 customers (tests/bench/customer_search.py).
        found = self._ctx.backend.customers.search(text, RESULTS_SHOWN) if text.strip() else []
        self.results.clear()
        for profile in found:
            item = QListWidgetItem(f"{profile.name}    {profile.phone}")
            item.setData(Qt.ItemDataRole.UserRole, profile)
            self.results.addItem(item)
        if text.strip() and not found:
            empty = QListWidgetItem(self.tr("No customer found: press “+ New customer” to add"))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(empty)
        self.results.setVisible(bool(text.strip()))
        if found:
            self.results.setCurrentRow(0)

    def _choose_first(self) -> None:
        item = self.results.currentItem() or self.results.item(0)
        if item is not None:
            self._on_results_item_activated(item)

    def _on_results_item_activated(self, item: QListWidgetItem) -> None:
        profile = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(profile, CustomerProfile):
            self.set_customer(profile)
