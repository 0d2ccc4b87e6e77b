"""The cashier screen, driven through its real widgets over a real database and a file printer:
find a customer, ring up services with technicians, scan a product, pay, print."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from salon_pos.domain.ticket import LineKind
from salon_pos.services.customers import CustomerProfile
from salon_pos.ui.dialogs.payment import PaymentDialog
from salon_pos.ui.models.ticket_lines import TicketLineRow, TicketLinesModel
from salon_pos.ui.pages.cashier import CashierPage
from salon_pos.ui.shell import Shell
from tests.conftest import Shelf, Team
from tests.devices.escpos_text import closed_port, printed_rows

LEFT = Qt.MouseButton.LeftButton


def ticking(step: float) -> Callable[[], float]:
    """A clock that moves `step` seconds each time it is read (once per key press)."""
    ticks = itertools.count()
    return lambda: next(ticks) * step


@pytest.fixture
def page(qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf) -> CashierPage:
    shell.ctx.sign_in(team.desk)
    page = shell.window.open_page("cashier")
    assert isinstance(page, CashierPage)
    qtbot.waitExposed(shell.window)
    shell.window.activateWindow()
    page.scanner.clock = ticking(0.01)  # a scanner: a key every 10 ms
    return page


def child(parent: QWidget, kind: type, name: str):  # type: ignore[no-untyped-def]
    found = parent.findChild(kind, name)
    assert found is not None, name
    return found


def focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def scan(qtbot: QtBot, page: CashierPage, code: str) -> None:
    """Type like a barcode scanner into whatever has the focus."""
    target = QApplication.focusWidget() or page.window()
    QTest.keyClicks(target, code)
    QTest.keyClick(target, Qt.Key.Key_Return)


def choose_technician(page: CashierPage, row: int, staff_id: str) -> None:
    page.ticket.select(row)
    picker = child(page, QComboBox, "technicianPicker")
    picker.setCurrentIndex(picker.findData(staff_id))


def ring_up(qtbot: QtBot, page: CashierPage, team: Team, shelf: Shelf) -> None:
    """补水保湿护理 ¥198 and 日式美甲 ¥168 by 李娜, and the serum ¥128 by its barcode."""
    search = child(page, QLineEdit, "catalogSearch")
    search.setText("rsmj")  # 日式美甲 by pinyin initials
    qtbot.mouseClick(child(page, QPushButton, f"item_{shelf.manicure}"), LEFT)
    search.setText("补水")
    qtbot.mouseClick(child(page, QPushButton, f"item_{shelf.facial}"), LEFT)
    choose_technician(page, 0, team.tech.id)
    choose_technician(page, 1, team.tech.id)
    focus(qtbot, child(page, QLineEdit, "customerSearch"))
    scan(qtbot, page, shelf.serum_barcode)
    qtbot.waitUntil(lambda: page.ticket.model.rowCount() == 3)


def pay(qtbot: QtBot, page: CashierPage, wechat: str, cash_button: str) -> PaymentDialog:
    qtbot.mouseClick(child(page, QPushButton, "payButton"), LEFT)
    dialog = page.payment
    assert dialog is not None and dialog.isVisible()
    child(dialog, QLineEdit, "tender_wechat").setText(wechat)
    qtbot.mouseClick(child(dialog, QPushButton, cash_button), LEFT)
    return dialog


def test_a_sale_from_customer_to_printed_receipt(
    qtbot: QtBot, shell: Shell, page: CashierPage, team: Team, shelf: Shelf, paper: Path
) -> None:
    shell.ctx.backend.customers.add("张丽华", "13800138000")
    search = child(page, QLineEdit, "customerSearch")
    qtbot.keyClicks(search, "zlh")
    results = child(page, QListWidget, "customerResults")
    assert results.count() == 1 and "张丽华" in results.item(0).text()
    item_rect = results.visualItemRect(results.item(0))
    qtbot.mouseClick(results.viewport(), LEFT, pos=item_rect.center())
    assert "张丽华" in child(page, QLabel, "ticketCustomer").text()

    ring_up(qtbot, page, team, shelf)
    lines = page.ticket.model.rows()
    assert [r.name for r in lines] == ["日式美甲", "补水保湿护理", "玻尿酸精华"]
    assert [r.technician for r in lines] == ["李娜", "李娜", ""]
    assert search.text() == ""  # the scanned digits did not stay in the field it went into
    assert child(page, QLabel, "totalLabel").text() == "应收 ¥494.00"

    dialog = pay(qtbot, page, "300", "quickCash_200")
    assert child(dialog, QLabel, "changeLabel").text() == "找零 ¥6.00"
    with qtbot.waitSignal(shell.ctx.printer_state_changed, timeout=5000) as printed:
        qtbot.mouseClick(child(dialog, QPushButton, "completeSale"), LEFT)
    assert printed.args == [True, ""]

    [ticket] = shell.ctx.backend.tickets.find()
    assert ticket.total == 49400 and ticket.customer == "张丽华"
    rows = printed_rows(paper.read_bytes())
    assert any(row.startswith("日式美甲") for row in rows)
    assert any(row.startswith("玻尿酸精华") for row in rows)
    assert sum("技师: 李娜" in row for row in rows) == 2
    assert any(row.startswith("微信支付") and row.endswith("￥300.00") for row in rows)
    assert any(row.startswith("找零") and row.endswith("￥6.00") for row in rows)
    assert page.ticket.model.rowCount() == 0  # ready for the next customer
    assert "找零 ¥6.00" in page.message.text() and "小票已打印" in page.message.text()
    assert "散客" in child(page, QLabel, "ticketCustomer").text()


def test_an_unknown_barcode_is_explained(qtbot: QtBot, page: CashierPage) -> None:
    focus(qtbot, child(page, QLineEdit, "catalogSearch"))
    scan(qtbot, page, "1234567890123")
    assert page.message.isVisible()
    assert page.message.text() == "没有条码为 1234567890123 的商品。"
    assert page.ticket.model.rowCount() == 0
    assert child(page, QLineEdit, "catalogSearch").text() == ""


def test_digits_typed_by_a_person_stay_in_the_field(qtbot: QtBot, page: CashierPage) -> None:
    page.scanner.clock = ticking(0.2)  # a key every 200 ms
    search = child(page, QLineEdit, "customerSearch")
    focus(qtbot, search)
    scan(qtbot, page, "13800138000")
    assert search.text() == "13800138000"
    assert page.ticket.model.rowCount() == 0 and not page.message.isVisible()


def test_the_printer_off_leaves_the_sale_saved(
    qtbot: QtBot, shell: Shell, page: CashierPage, team: Team, shelf: Shelf
) -> None:
    shell.ctx.backend.settings.update(
        printer_kind="network", printer_target=f"127.0.0.1:{closed_port()}"
    )
    ring_up(qtbot, page, team, shelf)
    dialog = pay(qtbot, page, "300", "quickCash_200")
    with qtbot.waitSignal(shell.ctx.printer_state_changed, timeout=10_000) as printed:
        qtbot.mouseClick(child(dialog, QPushButton, "completeSale"), LEFT)
    assert printed.args[0] is False and "不可用" in printed.args[1]
    [ticket] = shell.ctx.backend.tickets.find()
    assert ticket.total == 49400
    text = page.message.text()
    assert text.startswith("已收款，小票未打印：") and "可在单据中重打" in text
    assert page.message.property("kind") == "error"
    status = shell.window.statusBar().findChild(QLabel, "statusPrinter")
    assert status.property("kind") == "error"


def test_a_discount_above_the_limit_asks_a_manager(
    qtbot: QtBot, shell: Shell, page: CashierPage, team: Team, shelf: Shelf
) -> None:
    ring_up(qtbot, page, team, shelf)
    page.ticket.select(1)
    discount = child(page, QLineEdit, "lineDiscount")
    discount.setText("20")
    discount.editingFinished.emit()
    assert child(page, QLabel, "totalLabel").text() == "应收 ¥474.00"
    dialog = pay(qtbot, page, "", "quickCash_exact")
    qtbot.mouseClick(child(dialog, QPushButton, "completeSale"), LEFT)
    qtbot.waitUntil(lambda: dialog._approval is not None and dialog._approval.isVisible())
    approval = dialog._approval
    assert approval is not None and "超过您的权限" in approval.explain.text()
    approval.pad.field.setText("9999")
    qtbot.mouseClick(child(approval, QPushButton, "pinOk"), LEFT)
    qtbot.waitUntil(lambda: approval.message.isVisible() and approval.isVisible(), timeout=5000)
    assert "PIN 不正确" in approval.message.text()
    assert shell.ctx.backend.tickets.find() == []
    approval.pad.field.setText(Team.MANAGER_PIN)
    with qtbot.waitSignal(shell.ctx.printer_state_changed, timeout=10_000):
        qtbot.mouseClick(child(approval, QPushButton, "pinOk"), LEFT)
    [ticket] = shell.ctx.backend.tickets.find()
    assert ticket.total == 47400


def test_bad_amounts_and_missing_technicians_are_refused(
    qtbot: QtBot, page: CashierPage, shelf: Shelf
) -> None:
    page.add_item(LineKind.SERVICE, shelf.facial)
    ticket_discount = child(page, QLineEdit, "ticketDiscount")
    ticket_discount.setText("abc")
    ticket_discount.editingFinished.emit()
    assert "“abc”不是有效金额" in page.message.text()
    ticket_discount.setText("500")
    ticket_discount.editingFinished.emit()
    assert "无效" in page.message.text() and page.ticket.ticket_discount == 0
    qtbot.mouseClick(child(page, QPushButton, "payButton"), LEFT)
    assert page.payment is None
    assert page.message.text() == "请为“补水保湿护理”选择技师。"


def test_quick_add_fills_in_what_was_typed(qtbot: QtBot, shell: Shell, page: CashierPage) -> None:
    search = child(page, QLineEdit, "customerSearch")
    qtbot.keyClicks(search, "13912345678")
    assert "未找到客户" in child(page, QListWidget, "customerResults").item(0).text()
    qtbot.mouseClick(child(page, QPushButton, "quickAddCustomer"), LEFT)
    form = page.findChild(QWidget, "customerForm")
    assert child(form, QLineEdit, "customerPhone").text() == "13912345678"
    child(form, QLineEdit, "customerName").setText("欧阳娜娜")
    qtbot.mouseClick(child(form, QPushButton, "customerSave"), LEFT)
    qtbot.waitUntil(lambda: page.customer.customer is not None)
    assert "欧阳娜娜" in child(page, QLabel, "ticketCustomer").text()


def test_quantity_buttons_and_remove(qtbot: QtBot, page: CashierPage, shelf: Shelf) -> None:
    page.add_item(LineKind.PRODUCT, shelf.serum)
    page.add_item(LineKind.PRODUCT, shelf.serum)  # the same product: one more, not a new line
    assert [r.quantity for r in page.ticket.model.rows()] == [2]
    qtbot.mouseClick(child(page, QPushButton, "quantityPlus"), LEFT)
    assert child(page, QLabel, "totalLabel").text() == "应收 ¥384.00"
    qtbot.mouseClick(child(page, QPushButton, "removeLine"), LEFT)
    assert page.ticket.model.rowCount() == 0
    assert child(page, QTableView, "ticketLines").model().rowCount() == 0


def test_the_ticket_lines_model_is_a_proper_model(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = TicketLinesModel()
    model.add(TicketLineRow(LineKind.SERVICE, "s1", "补水保湿护理", 19800, skill="facial"))
    model.add(TicketLineRow(LineKind.PRODUCT, "p1", "玻尿酸精华", 12800, quantity=2))
    model.set_discount(0, 1000)
    qtmodeltester.check(model)
    assert model.data(model.index(0, 5)) == "¥188.00"
    assert not model.setData(model.index(1, 1), 0)


def test_set_customer_and_walk_in(qtbot: QtBot, page: CashierPage) -> None:
    page.set_customer(CustomerProfile("c1", "王芳", "13700000000"))
    assert "王芳" in child(page, QLabel, "ticketCustomer").text()
    qtbot.mouseClick(child(page, QPushButton, "walkIn"), LEFT)
    assert page.customer.customer is None


def test_a_ticket_in_hand_survives_a_change_of_language(
    qtbot: QtBot, shell: Shell, page: CashierPage, team: Team, shelf: Shelf
) -> None:
    ring_up(qtbot, page, team, shelf)
    shell.ctx.language_changed.emit("en")  # what saving the language in Settings does
    again = shell.window.open_page("cashier")
    assert isinstance(again, CashierPage) and again is not page
    assert [r.name for r in again.ticket.model.rows()] == ["日式美甲", "补水保湿护理", "玻尿酸精华"]
    assert child(again, QLabel, "totalLabel").text() == "Due ¥494.00"
