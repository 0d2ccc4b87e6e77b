"""The front desk on the stock page (库存): it opens the page to count on the stocktake a manager
started — scan, quantity, Enter — and sees on hand and expiring without costs, but not the
tabs and buttons that change stock (low stock and order, purchase orders, transfers, receive,
write off, minimum, start and post). A technician has no stock page at all. The services refuse
the same things on their own (tests/services/test_stock_roles.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from salon_pos.services.stock import ReceiptLine
from salon_pos.ui.models.stock import StockTableModel
from salon_pos.ui.models.stock_documents import SheetModel
from salon_pos.ui.pages.stock import StockPage
from salon_pos.ui.shell import Shell
from tests.conftest import Shelf, Team
from tests.ui.test_chinese_ui import english_left, visible_texts


def desk_page(qtbot: QtBot, shell: Shell, team: Team) -> StockPage:
    shell.ctx.sign_in(team.desk)
    page = shell.window.open_page("stock")
    assert isinstance(page, StockPage) and page.allowed()
    shell.settle()
    return page


def tab_titles(page: StockPage) -> list[str]:
    tabs = page.tabs
    return [tabs.tabText(i) for i in range(tabs.count()) if tabs.isTabVisible(i)]


def test_the_front_desk_counts_on_a_stocktake_a_manager_started(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf
) -> None:
    backend = shell.ctx.backend
    backend.stock.receive([ReceiptLine(shelf.serum, 10, 9_000)], team.manager.id)
    take = backend.stocktakes.start(team.manager.id)
    page = desk_page(qtbot, shell, team)
    tab = page.stocktake
    assert page.tabs.currentWidget() is tab  # what the front desk comes for
    assert tab_titles(page) == ["现有库存", "临期", "盘点"]
    for name in ("receiveStock", "writeOffStock", "setStockMinimum"):
        assert page.findChild(QPushButton, name).isHidden(), name
    assert tab.start.isHidden() and tab.post.isHidden()
    qtbot.waitUntil(lambda: tab.counting.isVisible() and len(tab.lines) > 0)
    assert not tab.waiting.isVisibleTo(tab)
    assert tab.table.isColumnHidden(SheetModel.VALUE)
    QTest.keyClicks(tab.scan, shelf.serum_barcode)
    QTest.keyClick(tab.scan, Qt.Key.Key_Return)
    assert tab.product is not None and tab.product.id == shelf.serum
    QTest.keyClicks(tab.quantity, "9")
    QTest.keyClick(tab.quantity, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "9" in tab.recent_line.text())
    assert tab.scan.hasFocus() or not tab.isActiveWindow()
    counted = next(x for x in backend.stocktakes.sheet(take.id) if x.product_id == shelf.serum)
    assert counted.counted == 9
    qtbot.waitUntil(lambda: any(x.counted == 9 for x in tab.lines))
    assert "¥" not in tab.summary.text() and "已盘" in tab.summary.text()
    assert tab.confirm_post() is None  # and the button is hidden: the manager posts
    assert backend.stocktakes.open_stocktake() == take
    assert english_left(visible_texts(page)) == []


def test_the_front_desk_sees_stock_without_costs_and_cannot_set_a_minimum(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf
) -> None:
    shell.ctx.backend.stock.receive([ReceiptLine(shelf.serum, 10, 9_000)], team.manager.id)
    page = desk_page(qtbot, shell, team)
    assert page.stocktake.waiting.isVisibleTo(page.stocktake)  # nothing to count yet
    assert not page.stocktake.counting.isVisibleTo(page.stocktake)
    page.tabs.setCurrentWidget(page.on_hand)
    qtbot.waitUntil(lambda: page.on_hand.model.rowCount() > 0)
    for column in StockTableModel.COSTS:
        assert page.on_hand.table.isColumnHidden(column)
    assert page.on_hand.totals.isHidden()
    page.on_hand.table.selectRow(0)
    assert page.open_minimum() is None and not page.minimum.isEnabled()


def test_a_manager_signing_in_after_the_front_desk_sees_everything_again(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf
) -> None:
    page = desk_page(qtbot, shell, team)
    shell.ctx.sign_in(team.manager)
    shell.window.open_page("stock")
    shell.settle()
    assert tab_titles(page) == ["现有库存", "临期", "库存不足与订货", "盘点", "采购", "调拨"]
    assert not page.findChild(QPushButton, "receiveStock").isHidden()
    assert not page.stocktake.start.isHidden() and not page.stocktake.post.isHidden()
    assert not page.on_hand.table.isColumnHidden(StockTableModel.COSTS[0])
    assert not page.stocktake.table.isColumnHidden(SheetModel.VALUE)


def test_a_technician_has_no_stock_page(qtbot: QtBot, shell: Shell, team: Team) -> None:
    shell.ctx.sign_in(team.tech)
    assert shell.window._nav_buttons["stock"].isHidden()
    page = shell.window.open_page("stock")  # opened anyway (a shortcut): the refusal
    assert isinstance(page, StockPage) and not page.allowed()
    assert page.refusal.text() == "只有前台、店长或老板可以打开此页面。"
