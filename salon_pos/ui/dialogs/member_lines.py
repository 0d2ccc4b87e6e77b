"""Selling to a member: a stored-value top-up (the amount paid in, the bonus the store's rules
give shown before it is added) and a package card of one of the store's plans. Each adds a line
to the ticket; the money is taken with the rest of the ticket in the payment dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from salon_pos.domain.errors import UserError
from salon_pos.domain.money import format_money, parse_yuan
from salon_pos.services.members import PackagePlanView
from salon_pos.ui.context import UiContext
from salon_pos.ui.widgets import HintedField, MessageLine


class TopUpDialog(QDialog):
    """Asks how much the customer pays in; `paid` holds it (fen) when accepted."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("topUpDialog")
        self.setWindowTitle(self.tr("Top up stored value"))
        self._ctx = ctx
        self.paid = 0
        self.amount = HintedField()
        self.amount.setObjectName("topUpAmount")
        self.amount.setPlaceholderText(self.tr("Amount paid in, e.g. 1000"))
        self.amount.textChanged.connect(self._preview)
        self.preview = QLabel()
        self.preview.setObjectName("topUpPreview")
        self.preview.setWordWrap(True)
        self.message = MessageLine()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setObjectName("topUpOk")
        self.ok.setText(self.tr("Add to ticket"))
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.amount)
        layout.addWidget(self.preview)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self._preview()

    def _preview(self) -> None:
        self.message.hide()
        text = self.amount.text().strip()
        if not text:
            self.preview.setText(self.tr("The bonus follows the store's top-up rules."))
            return
        try:
            split = self._ctx.backend.members.top_up_preview(parse_yuan(text))
        except UserError as error:
            self.preview.setText("")
            self.message.show_error(self._ctx.message(error))
            return
        self.preview.setText(
            self.tr("The card receives {total}: {principal} paid in + {bonus} bonus.").format(
                total=format_money(split.total),
                principal=format_money(split.principal),
                bonus=format_money(split.bonus),
            )
        )

    def _on_ok(self) -> None:
        try:
            paid = parse_yuan(self.amount.text().strip() or "0")
            self._ctx.backend.members.top_up_preview(paid)
        except UserError as error:
            self.message.show_error(self._ctx.message(error))
            return
        self.paid = paid
        self.accept()


class CardSaleDialog(QDialog):
    """Picks one of the store's package plans; `plan` holds it when accepted."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cardSaleDialog")
        self.setWindowTitle(self.tr("Sell a package card"))
        self.plan: PackagePlanView | None = None
        self.plans = QListWidget()
        self.plans.setObjectName("packagePlans")
        for plan in ctx.backend.members.plans():
            item = QListWidgetItem(self._describe(plan))
            item.setData(Qt.ItemDataRole.UserRole, plan)
            self.plans.addItem(item)
        self.plans.itemActivated.connect(lambda _item: self._on_ok())
        empty = QLabel(self.tr("No package cards yet: a manager adds them in Catalog."))
        empty.setVisible(self.plans.count() == 0)
        empty.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("cardSaleOk")
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.plans)
        layout.addWidget(empty)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        if self.plans.count():
            self.plans.setCurrentRow(0)

    def _describe(self, plan: PackagePlanView) -> str:
        valid = (
            self.tr("valid {days} days").format(days=plan.valid_days)
            if plan.valid_days
            else self.tr("no expiry")
        )
        return self.tr("{name} · {sessions} sessions · {price} · {valid}").format(
            name=plan.name, sessions=plan.sessions, price=format_money(plan.price), valid=valid
        )

    def _on_ok(self) -> None:
        item = self.plans.currentItem()
        if item is None:
            return
        self.plan = item.data(Qt.ItemDataRole.UserRole)
        self.accept()
