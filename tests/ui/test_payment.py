"""The payment dialog: split tender, quick cash, change, and when the sale may be completed."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from salon_pos.domain.ticket import LineKind, RoundingRule, TenderKind
from salon_pos.services.changes import SETTINGS, Changes
from salon_pos.ui.dialogs.payment import PaymentDialog
from salon_pos.ui.pages.cashier import CashierPage
from salon_pos.ui.shell import Shell
from tests.conftest import Shelf, Team

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def page(shell: Shell, team: Team, shelf: Shelf) -> CashierPage:
    shell.ctx.sign_in(team.desk)
    page = shell.window.open_page("cashier")
    assert isinstance(page, CashierPage)
    return page


def open_for(page: CashierPage, shelf: Shelf) -> PaymentDialog:
    """The serum (¥128) twice: ¥256 due."""
    page.add_item(LineKind.PRODUCT, shelf.serum)
    page.add_item(LineKind.PRODUCT, shelf.serum)
    dialog = page.open_payment()
    assert dialog is not None
    return dialog


def text(dialog: PaymentDialog, name: str) -> str:
    label = dialog.findChild(QLabel, name)
    assert label is not None, name
    return label.text()


def button(dialog: PaymentDialog, name: str) -> QPushButton:
    found = dialog.findChild(QPushButton, name)
    assert found is not None, name
    return found


def test_complete_is_enabled_only_when_covered(
    qtbot: QtBot, page: CashierPage, shelf: Shelf
) -> None:
    dialog = open_for(page, shelf)
    assert text(dialog, "amountDue") == "应收 ¥256.00"
    assert not button(dialog, "completeSale").isEnabled()
    assert text(dialog, "remainingDue") == "还差 ¥256.00"
    dialog.findChild(QLineEdit, "tender_bank_card").setText("100")
    assert text(dialog, "remainingDue") == "还差 ¥156.00"
    assert not button(dialog, "completeSale").isEnabled()
    qtbot.mouseClick(button(dialog, "quickCash_exact"), LEFT)
    assert dialog.findChild(QLineEdit, "tender_cash").text() == "156.00"
    assert text(dialog, "remainingDue") == "已付清"
    assert text(dialog, "changeLabel") == "找零 ¥0.00"
    assert button(dialog, "completeSale").isEnabled()
    qtbot.mouseClick(button(dialog, "quickCash_500"), LEFT)
    assert text(dialog, "changeLabel") == "找零 ¥344.00"


def test_only_cash_gives_change(qtbot: QtBot, page: CashierPage, shelf: Shelf) -> None:
    dialog = open_for(page, shelf)
    dialog.findChild(QLineEdit, "tender_alipay").setText("300")
    assert not button(dialog, "completeSale").isEnabled()
    assert "只有现金可以找零" in dialog.message.text()
    qtbot.mouseClick(button(dialog, "payRest_alipay"), LEFT)
    assert dialog.findChild(QLineEdit, "tender_alipay").text() == "256.00"
    assert button(dialog, "completeSale").isEnabled() and not dialog.message.isVisible()


def test_an_unreadable_amount_is_explained(page: CashierPage, shelf: Shelf) -> None:
    dialog = open_for(page, shelf)
    dialog.findChild(QLineEdit, "tender_cash").setText("1o0")
    assert "“1o0”不是有效金额" in dialog.message.text()
    assert not button(dialog, "completeSale").isEnabled()


def test_small_change_is_let_go_by_the_rounding_rule(
    shell: Shell, page: CashierPage, shelf: Shelf
) -> None:
    shell.ctx.backend.settings.update(rounding=RoundingRule.DROP_JIAO)
    shell.ctx.announce(Changes.of(SETTINGS))
    page.add_item(LineKind.PRODUCT, shelf.serum)
    page.ticket.discount.setText("0.50")
    page.ticket.discount.editingFinished.emit()  # ¥128 − ¥0.50 = ¥127.50 → ¥127
    dialog = page.open_payment()
    assert dialog is not None
    assert text(dialog, "amountDue") == "应收 ¥127.00"
    assert text(dialog, "roundingOff") == "已抹零 ¥0.50"


def test_the_demo_payment_is_split_between_wechat_and_cash(
    qtbot: QtBot, shell: Shell, page: CashierPage, shelf: Shelf
) -> None:
    dialog = page.show_demo_payment()
    assert dialog.objectName() == "paymentDialog" and dialog.isVisible()
    assert isinstance(dialog, PaymentDialog)
    kinds = {t.kind for t in dialog.tenders()}
    assert kinds == {TenderKind.WECHAT, TenderKind.CASH}
    assert button(dialog, "completeSale").isEnabled()
    rows = page.ticket.model.rows()
    assert [r.kind for r in rows] == [LineKind.SERVICE, LineKind.SERVICE, LineKind.PRODUCT]
    assert all(r.technician_id for r in rows[:2])
    assert text(dialog, "changeLabel").startswith("找零 ¥")
    qtbot.mouseClick(button(dialog, "cancelPayment"), LEFT)
    assert not dialog.isVisible() and page.ticket.model.rowCount() == 3


def test_a_sale_being_saved_cannot_be_cancelled_and_sign_out_closes_the_rest(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf
) -> None:
    shell.ctx.sign_in(team.desk)
    page = shell.window.open_page("cashier")
    assert isinstance(page, CashierPage)
    page.add_item(LineKind.PRODUCT, shelf.serum)
    dialog = page.open_payment()
    assert dialog is not None
    dialog.pay_rest(TenderKind.WECHAT)
    hold = threading.Event()
    shell.runner.run(hold.wait)  # the database worker is busy with something else
    dialog.complete()
    dialog.reject()  # Esc while the sale is on its way: refused
    assert dialog.isVisible() and dialog.saving
    hold.set()
    # the finished dialog is deleted (deleteLater) as soon as it closes: either counts
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
    assert [t.total for t in shell.ctx.backend.tickets.find()] == [12800]
    assert page.ticket.model.rowCount() == 0  # the screen knows the sale was made

    page.add_item(LineKind.PRODUCT, shelf.serum)
    second = page.open_payment()
    assert second is not None and second.isVisible()
    shell.ctx.sign_out()  # the idle lock or 切换用户 with the dialog open
    assert not second.isVisible()
    assert shell.window.screens.currentWidget() is shell.window.sign_in
