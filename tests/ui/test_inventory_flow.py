"""Issue 13's flow at the counter, driven through the widgets as a manager and a front desk
person would: a purchase order of a back-bar serum (500 ml bottles) written, placed and
received by scanning; a bottle and a facial that uses 5 ml of it sold at the cashier; stock
falling by 505 ml on the 库存 page; a stocktake counted by scanner with one miscount (490 ml
where the records say 495), posted, its variance sheet read, and the stock adjusted."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from salon_pos.domain.ticket import LineKind
from salon_pos.services.catalog import ProductOffer
from salon_pos.services.purchasing import OrderState
from salon_pos.ui.dialogs.purchase_order import PurchaseOrderDialog
from salon_pos.ui.dialogs.stock_receive import ReceiveDialog
from salon_pos.ui.dialogs.stocktake_start import StartStocktakeDialog
from salon_pos.ui.pages.cashier import CashierPage
from salon_pos.ui.pages.stock import StockPage
from salon_pos.ui.shell import Shell
from tests.conftest import Shelf, Team
from tests.ui.test_cashier import child, choose_technician, pay, ticking
from tests.ui.test_staff_catalog import click
from tests.ui.test_stock_page import edit_facial, scan

LEFT = Qt.MouseButton.LeftButton
BOTTLE_BARCODE = "6900000000024"


@pytest.fixture
def bottle(shell: Shell, shelf: Shelf) -> ProductOffer:
    """A serum kept by the ml, sold and received in 500 ml bottles (¥388, cost ¥200), whose
    batches need an expiry."""
    backend = shell.ctx.backend
    saved = backend.catalog.add_product(
        "院装", "玻尿酸原液", "BB-010", 38_800, 20_000, BOTTLE_BARCODE,
        unit="ml", pack_size=500, needs_expiry=True,
    )  # fmt: skip
    offer = backend.catalog.item(LineKind.PRODUCT, saved.id)
    assert isinstance(offer, ProductOffer)
    return offer


def stock_page(qtbot: QtBot, shell: Shell) -> StockPage:
    page = shell.window.open_page("stock")
    assert isinstance(page, StockPage)
    qtbot.waitUntil(lambda: page.on_hand.model.rowCount() > 0)
    return page


def shown_on_hand(page: StockPage, product_id: str) -> int:
    return next(r.on_hand for r in page.on_hand.model.rows() if r.product_id == product_id)


def the_facial_uses_5_ml(qtbot: QtBot, shell: Shell, shelf: Shelf, bottle: ProductOffer) -> None:
    dialog = edit_facial(qtbot, shell, shelf)
    editor = dialog.consumables
    assert editor is not None
    editor.product.setCurrentIndex(editor.product.findData(bottle.id))
    editor.quantity.setValue(5)
    click(qtbot, editor, "addConsumable")
    catalog = shell.window.open_page("catalog")
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: catalog.dialog is None)  # type: ignore[attr-defined]


def order_two_bottles(qtbot: QtBot, page: StockPage, bottle: ProductOffer) -> str:
    """A draft of two bottles at ¥210 each, written in the order dialog and placed."""
    page.tabs.setCurrentWidget(page.purchasing)
    tab = page.purchasing
    click(qtbot, tab, "newOrder")
    dialog = tab.dialog
    assert isinstance(dialog, PurchaseOrderDialog)
    dialog.picker.setCurrentIndex(dialog.picker.findData(bottle.id))
    click(qtbot, dialog, "addOrderLine")
    click(qtbot, dialog, "addOrderLine")  # the same product again: one more package
    dialog.cost.clear()
    QTest.keyClicks(dialog.cost, "210")
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: tab.dialog is None and tab.model.rowCount() == 1)
    [draft] = tab.model.rows()
    assert draft.state is OrderState.DRAFT and tab.selected() == draft
    assert [(line.packages, line.unit_cost) for line in draft.lines] == [(2, 21_000)]
    click(qtbot, tab, "placeOrder")
    qtbot.waitUntil(lambda: tab.model.row_at(0).state is OrderState.ORDERED)
    assert tab.model.data(tab.model.index(0, 2)) == "已下单"
    return draft.id


def receive_by_scanning(qtbot: QtBot, shell: Shell, page: StockPage) -> None:
    tab = page.purchasing
    tab.table.selectRow(0)
    click(qtbot, tab, "receiveOrder")
    dialog = tab.dialog
    assert isinstance(dialog, ReceiveDialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.scanner.clock = ticking(0.01)
    [due] = dialog.model.rows()
    assert (due.packages, due.due) == (0, 2)  # nothing scanned yet of the 2 due
    dialog.batch.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.batch)
    scan(qtbot, dialog, BOTTLE_BARCODE)
    scan(qtbot, dialog, BOTTLE_BARCODE)
    [line] = dialog.model.rows()
    assert line.packages == 2 and dialog.model.data(dialog.model.index(0, 1)) == "2 / 2"
    QTest.keyClicks(dialog.batch, "LOT-7")
    expiry = shell.ctx.backend.clock.now().date() + timedelta(days=300)
    dialog.has_expiry.setChecked(True)
    dialog.expires.setDate(QDate(expiry.year, expiry.month, expiry.day))
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: tab.dialog is None, timeout=10_000)
    qtbot.waitUntil(lambda: tab.model.row_at(0).state is OrderState.RECEIVED)


def sell_a_bottle_and_a_facial(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf, bottle: ProductOffer
) -> None:
    """At the cashier, as the front desk: the facial by 李娜 and a bottle, paid in cash."""
    shell.ctx.sign_in(team.desk)
    till = shell.window.open_page("cashier")
    assert isinstance(till, CashierPage)
    search = child(till, QLineEdit, "catalogSearch")
    search.setText("补水")
    qtbot.mouseClick(child(till, QPushButton, f"item_{shelf.facial}"), LEFT)
    search.setText("原液")
    qtbot.waitUntil(lambda: till.findChild(QPushButton, f"item_{bottle.id}") is not None)
    qtbot.mouseClick(child(till, QPushButton, f"item_{bottle.id}"), LEFT)
    qtbot.waitUntil(lambda: till.ticket.model.rowCount() == 2)
    choose_technician(till, 0, team.tech.id)
    dialog = pay(qtbot, till, "", "quickCash_exact")
    with qtbot.waitSignal(dialog.completed, timeout=10_000):
        qtbot.mouseClick(child(dialog, QPushButton, "completeSale"), LEFT)
    [ticket] = shell.ctx.backend.tickets.find()
    assert ticket.total == 19_800 + 38_800
    shell.ctx.sign_in(team.manager)


def count_by_scanner(qtbot: QtBot, page: StockPage, barcode: str, quantity: str) -> None:
    """Scan into the scan field, type the quantity, Enter: the focus is back for the next."""
    tab = page.stocktake
    assert QApplication.focusWidget() is tab.scan
    QTest.keyClicks(tab.scan, barcode)
    QTest.keyClick(tab.scan, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is tab.quantity
    QTest.keyClicks(tab.quantity, quantity)
    QTest.keyClick(tab.quantity, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is tab.scan and tab.scan.text() == ""


def test_receive_sell_count_and_post_through_the_screens(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf, bottle: ProductOffer
) -> None:
    backend = shell.ctx.backend
    shell.ctx.sign_in(team.manager)
    qtbot.waitExposed(shell.window)
    shell.window.activateWindow()
    the_facial_uses_5_ml(qtbot, shell, shelf, bottle)
    page = stock_page(qtbot, shell)

    order_id = order_two_bottles(qtbot, page, bottle)
    receive_by_scanning(qtbot, shell, page)
    assert backend.purchasing.order(order_id).received == {bottle.id: 2}
    page.tabs.setCurrentWidget(page.on_hand)
    qtbot.waitUntil(lambda: shown_on_hand(page, bottle.id) == 1_000)

    sell_a_bottle_and_a_facial(qtbot, shell, team, shelf, bottle)
    page = stock_page(qtbot, shell)
    qtbot.waitUntil(lambda: shown_on_hand(page, bottle.id) == 1_000 - 500 - 5)
    row = next(r for r in page.on_hand.model.rows() if r.product_id == bottle.id)
    assert (row.cost, row.value) == (21_000, 20_790)  # the receipt's cost: 495 ml of ¥210

    page.tabs.setCurrentWidget(page.stocktake)
    tab = page.stocktake
    qtbot.waitUntil(lambda: tab.picker.count() > 1)
    click(qtbot, tab, "startStocktake")
    start = tab.start_dialog
    assert isinstance(start, StartStocktakeDialog)
    qtbot.mouseClick(start.save_button, LEFT)
    qtbot.waitUntil(lambda: tab.counting.isVisible() and len(tab.lines) == 2)
    shell.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.scan)  # ready for the first
    count_by_scanner(qtbot, page, BOTTLE_BARCODE, "490")  # 5 ml short of the records
    qtbot.waitUntil(lambda: any(line.counted == 490 for line in tab.lines))
    assert tab.message.text() == "已记录 玻尿酸原液：490 毫升"
    assert tab.recent_line.text() == "本机刚录入：玻尿酸原液 490 毫升"
    tab.show_only.setCurrentIndex(tab.show_only.findData("uncounted"))
    assert [line.name for line in tab.model.rows()] == ["玻尿酸精华"]  # shown, not counted
    assert tab.model.data(tab.model.index(0, 2)) == "未盘"

    click(qtbot, tab, "postStocktake")
    confirm = tab.confirm
    assert (
        isinstance(confirm, QMessageBox) and "已盘的 1 个商品中有 1 个将调整库存" in confirm.text()
    )
    assert "差异金额（成本）-¥2.10" in confirm.text()
    qtbot.mouseClick(confirm.button(QMessageBox.StandardButton.Yes), LEFT)
    qtbot.waitUntil(lambda: tab.current() is not None and tab.current().posted_at is not None)
    assert not tab.counting.isVisible() and not tab.post.isEnabled()
    assert "已过账" in tab.chosen.currentText()

    tab.show_only.setCurrentIndex(tab.show_only.findData("all"))
    [line] = tab.lines  # a posted sheet lists what was counted
    assert (line.counted, line.expected, line.difference, line.value) == (490, 495, -5, -210)
    assert (line.used_recorded, line.used_counted) == (5, 10)
    model = tab.model
    cells = [model.data(model.index(0, c)) for c in range(2, 8)]
    assert cells == ["490 毫升", "495 毫升", "-5 毫升", "-¥2.10", "5 毫升", "10 毫升"]

    page.tabs.setCurrentWidget(page.on_hand)
    qtbot.waitUntil(lambda: shown_on_hand(page, bottle.id) == 490)
    assert backend.stock.held(bottle.id) == 490


def test_the_stocktake_scan_field_says_what_it_does_not_know(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf, bottle: ProductOffer
) -> None:
    shell.ctx.sign_in(team.manager)
    backend = shell.ctx.backend
    backend.stocktakes.start(team.manager.id, ["院装"])
    page = stock_page(qtbot, shell)
    page.tabs.setCurrentWidget(page.stocktake)
    tab = page.stocktake
    qtbot.waitUntil(lambda: tab.counting.isVisible() and tab.picker.count() == 2)
    QTest.keyClicks(tab.scan, shelf.serum_barcode)  # a product of another category
    QTest.keyClick(tab.scan, Qt.Key.Key_Return)
    assert tab.message.text() == f"本次盘点范围内没有条码或名称为 {shelf.serum_barcode} 的商品。"
    assert [line.name for line in tab.lines] == ["玻尿酸原液"]
    click(qtbot, tab, "recordCount")
    assert tab.message.text() == "请先扫码或选择商品。"
    tab.scan.setText("原液")
    QTest.keyClick(tab.scan, Qt.Key.Key_Return)  # a name picks the one product it names
    assert tab.product == bottle and tab.quantity.suffix() == " 毫升"
    assert isinstance(tab.findChild(QComboBox, "stocktakeProduct"), QComboBox)


def test_a_miscount_is_taken_back_with_a_negative_count(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf, bottle: ProductOffer
) -> None:
    shell.ctx.sign_in(team.manager)
    shell.ctx.backend.stocktakes.start(team.manager.id)
    page = stock_page(qtbot, shell)
    page.tabs.setCurrentWidget(page.stocktake)
    tab = page.stocktake
    qtbot.waitUntil(lambda: tab.counting.isVisible() and len(tab.lines) == 2)
    for typed in ("12", "-2"):  # 12 pieces typed where 10 were counted
        tab.choose(next(p for p in tab.products if p.id == shelf.serum))
        QTest.keyClicks(tab.quantity, typed)
        QTest.keyClick(tab.quantity, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda t=typed: t.lstrip("-") in tab.message.text())
    qtbot.waitUntil(lambda: any(line.counted == 10 for line in tab.lines))
    assert [line.counted for line in tab.lines if line.product_id == shelf.serum] == [10]
