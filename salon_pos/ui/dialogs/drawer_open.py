"""Opening this counter's drawer with a float (开班), and paying cash in or out of it with a
reason (存入 / 支出). A pay-out above the store's limit asks for a manager's PIN and is saved
again with it (services/drawer.py)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from salon_pos.domain.drawer import PayOutNeedsApproval
from salon_pos.domain.errors import UserError, WrongManagerPin
from salon_pos.domain.money import parse_yuan
from salon_pos.services.changes import Changes
from salon_pos.services.drawer_views import SessionView
from salon_pos.ui.context import UiContext
from salon_pos.ui.dialogs.manager_pin import ManagerPinDialog
from salon_pos.ui.dialogs.save_dialog import SaveDialog
from salon_pos.ui.widgets import button
from sync.operations.drawer import CHANGE_DRAWER_SESSION


def drawer_changed(session: SessionView) -> Changes:
    return Changes.of(CHANGE_DRAWER_SESSION, session.id)


def amount_field(name: str, hint: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setPlaceholderText(hint)
    field.setStyleSheet("font-size: 20px; min-height: 32px;")
    return field


class AmountDialog(SaveDialog):
    def typed_amount(self, field: QLineEdit) -> int | None:
        """Fen of what is typed in yuan; None (and the dialog says why) when it is no amount."""
        try:
            return parse_yuan(field.text() or "0")
        except UserError as error:
            self.message.show_error(self._ctx.message(error))
            return None


class OpenDrawerDialog(AmountDialog):
    """开班: the float counted into the drawer."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "openDrawerDialog", parent)
        self.setWindowTitle(self.tr("Open the drawer"))
        self.amount = amount_field("drawerFloat", self.tr("For example 500"))
        explain = QLabel(self.tr("Count the float into the drawer and enter it."))
        explain.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Float (yuan)"), self.amount)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        self.finish_layout(layout)
        self.save_button.setText(self.tr("Open drawer"))
        self.resize(420, 0)

    def _save(self) -> None:
        fen = self.typed_amount(self.amount)
        if fen is None:
            return
        actor = self._ctx.staff.id if self._ctx.staff else ""
        drawer = self._ctx.backend.drawer
        self.run_save(lambda: drawer.open(fen, actor), drawer_changed)


class CashMoveDialog(AmountDialog):
    """存入 / 支出: cash put into or taken out of the open drawer, with the reason."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "cashMoveDialog", parent)
        self.setWindowTitle(self.tr("Cash in or out"))
        self.pay_in = button(self.tr("Pay in"), "payIn", "choice")
        self.pay_out = button(self.tr("Pay out"), "payOut", "choice")
        self.kinds = QButtonGroup(self)
        for choice in (self.pay_in, self.pay_out):
            choice.setCheckable(True)
            choice.setMinimumHeight(44)
            self.kinds.addButton(choice)
        self.pay_out.setChecked(True)
        self.amount = amount_field("drawerAmount", self.tr("Amount in yuan"))
        self.reason = QComboBox()
        self.reason.setObjectName("drawerReason")
        self.reason.setEditable(True)
        self.approval: ManagerPinDialog | None = None
        self.kinds.buttonToggled.connect(lambda *_: self._fill_reasons())
        self._fill_reasons()
        kinds = QHBoxLayout()
        kinds.addWidget(self.pay_in)
        kinds.addWidget(self.pay_out)
        form = QFormLayout()
        form.addRow(self.tr("Amount"), self.amount)
        form.addRow(self.tr("Reason"), self.reason)
        layout = QVBoxLayout(self)
        layout.addLayout(kinds)
        layout.addLayout(form)
        self.finish_layout(layout)
        self.resize(440, 0)

    def _fill_reasons(self) -> None:
        """Usual reasons to pick from; any other can be typed."""
        if self.pay_in.isChecked():
            usual = [self.tr("Float top-up"), self.tr("Change from the bank")]
        else:
            usual = [self.tr("Supplies"), self.tr("Delivery fee"), self.tr("Cash to the bank")]
        self.reason.clear()
        self.reason.addItems(usual)
        self.reason.setCurrentIndex(-1)
        typed = self.reason.lineEdit()
        if typed is not None:
            typed.setPlaceholderText(self.tr("Choose or type the reason"))

    def _save(self, approver_pin: str | None = None) -> None:
        fen = self.typed_amount(self.amount)
        if fen is None:
            return
        actor = self._ctx.staff.id if self._ctx.staff else ""
        reason = self.reason.currentText()
        drawer = self._ctx.backend.drawer
        if self.pay_in.isChecked():
            self.run_save(lambda: drawer.pay_in(fen, reason, actor), drawer_changed)
        else:
            work = lambda: drawer.pay_out(fen, reason, actor, approver_pin)  # noqa: E731
            self.run_save(work, drawer_changed)

    def _on_refused(self, error: BaseException) -> None:
        super()._on_refused(error)
        if isinstance(error, PayOutNeedsApproval | WrongManagerPin):
            self._ask_approval(error)

    def _ask_approval(self, error: UserError) -> None:
        if self.approval is None:
            self.approval = ManagerPinDialog(self.tr("pay this cash out"), self)
            self.approval.accepted.connect(lambda: self._save(self._pin()))
        if isinstance(error, WrongManagerPin):
            self.approval.refuse(self._ctx.message(error))
        else:
            self.approval.explain.setText(self._ctx.message(error))
        self.approval.open()

    def _pin(self) -> str:
        return self.approval.pin if self.approval is not None else ""
