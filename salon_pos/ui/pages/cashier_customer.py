"""Who the ticket is for: find a customer as you type (phone digits, name, pinyin initials),
add a new one on the spot, or sell to a walk-in (散客, the default). A picked customer shows a
badge of their standing (VIP, member, not seen for N days), and a customer with allergies a
clear warning once a service is on the ticket (never the allergies themselves)."""

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
from salon_pos.ui.dialogs.customer_history import StandingWords
from salon_pos.ui.widgets import HintedField

RESULTS_SHOWN = 8
# Belong in style.qss with the other roles; here until the lead merges the style sheet.
BADGE_STYLE = (
    "QLabel { background: #fff3e0; color: #e65100; border-radius: 10px; padding: 2px 10px;"
    " font-weight: bold; }"
)
ALLERGY_STYLE = (
    "QLabel { background: #ffebee; color: #b71c1c; border: 1px solid #e57373;"
    " border-radius: 6px; padding: 6px 10px; font-weight: bold; }"
)


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
        self.badge = QLabel()
        self.badge.setObjectName("customerBadge")
        self.badge.setStyleSheet(BADGE_STYLE)
        self.badge.hide()
        self.allergy = QLabel(self.tr("⚠ Allergies on file: ask the customer before the service"))
        self.allergy.setObjectName("allergyWarning")
        self.allergy.setStyleSheet(ALLERGY_STYLE)
        self.allergy.setWordWrap(True)
        self.allergy.hide()
        self._words = StandingWords(self)
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
        notes = QHBoxLayout()  # under the name: the label beside it would widen the page
        notes.addWidget(self.badge)
        notes.addWidget(self.allergy, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(find)
        layout.addWidget(self.results)
        layout.addLayout(current)
        layout.addLayout(notes)
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
        self._show_standing(profile)
        self.allergy.hide()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.results.clear()
        self.results.hide()
        self.chosen.emit(profile)

    def _show_standing(self, profile: CustomerProfile | None) -> None:
        """One indexed read of the customer's tickets: a few milliseconds, on the UI thread."""
        if profile is None:
            self.badge.hide()
            return
        standing = self._ctx.backend.customers.standings([profile.id])[profile.id]
        self.badge.setText(self._words.text(standing))
        self.badge.setProperty("kind", standing.customer_class.value)
        self.badge.show()

    def warn_allergies(self, service_on_ticket: bool) -> None:
        """Shown while the customer has allergies and the ticket holds a service."""
        customer = self.customer
        self.allergy.setVisible(
            service_on_ticket and customer is not None and customer.has_allergies
        )

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
