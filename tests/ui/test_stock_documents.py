"""The inventory page's document tabs beyond the flow (tests/ui/test_inventory_flow.py):
suppliers, an order from what is low, one received in part, one cancelled; transfers sent and
received with a difference, and a counter that knows no other store; the write-off's batches;
the models; every new screen in Chinese and at 1024 x 768."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from salon_pos.db.models import SyncState
from salon_pos.domain.ids import new_id
from salon_pos.services.catalog import ProductOffer
from salon_pos.services.purchasing import OrderLine, OrderState, SupplierView
from salon_pos.services.stock import ReceiptLine
from salon_pos.services.stocktake import SheetLine
from salon_pos.ui.dialogs.purchase_order import PurchaseOrderDialog
from salon_pos.ui.dialogs.stock_receive import ReceiveDialog
from salon_pos.ui.dialogs.stock_write_off import WriteOffDialog
from salon_pos.ui.dialogs.suppliers import SuppliersDialog, SuppliersModel
from salon_pos.ui.dialogs.transfer_receive import ReceiveTransferDialog
from salon_pos.ui.dialogs.transfer_send import SendLine, SendLinesModel, SendTransferDialog
from salon_pos.ui.models.stock_documents import (
    OrderLinesModel,
    OrdersModel,
    SheetModel,
    TransfersModel,
    draft_line,
)
from salon_pos.ui.pages.stock import StockPage
from salon_pos.ui.shell import Shell
from tests.conftest import Shelf, Team
from tests.ui.test_chinese_ui import english_left, visible_texts
from tests.ui.test_small_screen import at_1024, cut_placeholders
from tests.ui.test_staff_catalog import click
from tests.ui.test_stock_page import back_bar, page, save, shown

__all__ = ["back_bar", "page"]
LEFT = Qt.MouseButton.LeftButton
EAST, WEST = new_id(), new_id()


def as_store(shell: Shell, store_id: str, name: str) -> None:
    backend = shell.ctx.backend
    with backend.db.write() as s:
        s.merge(
            SyncState(id=1, server_url="http://127.0.0.1:9", store_id=store_id, store_name=name)
        )
    backend.transfers.remember_stores([(EAST, "东方店"), (WEST, "西湖店")])


def test_a_supplier_is_refused_without_a_name_then_saved_and_listed(
    qtbot: QtBot, shell: Shell, page: StockPage
) -> None:
    page.tabs.setCurrentWidget(page.purchasing)
    click(qtbot, page.purchasing, "openSuppliers")
    dialog = page.purchasing.dialog
    assert isinstance(dialog, SuppliersDialog)
    click(qtbot, dialog, "saveSupplier")
    qtbot.waitUntil(dialog.message.isVisible)
    assert dialog.message.text() == "请填写供应商名称。"
    dialog.name.setText("广州美源")
    dialog.phone.setText("020-8888 6666")
    click(qtbot, dialog, "saveSupplier")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    [supplier] = shell.ctx.backend.purchasing.suppliers()
    assert (supplier.name, supplier.phone) == ("广州美源", "02088886666")
    assert dialog.editing == supplier.id  # saving again edits it, not a second one
    dialog.reject()
    qtbot.waitUntil(lambda: page.purchasing.suppliers != [])
    click(qtbot, page.purchasing, "newOrder")
    order = page.purchasing.dialog
    assert isinstance(order, PurchaseOrderDialog)
    assert order.supplier.findData(supplier.id) == 1
    order.reject()


def test_an_order_from_low_stock_received_in_part_and_one_cancelled(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf, page: StockPage
) -> None:
    backend = shell.ctx.backend
    tab = page.purchasing
    page.tabs.setCurrentWidget(tab)
    click(qtbot, tab, "orderFromLowStock")
    qtbot.waitUntil(tab.message.isVisible)
    assert tab.message.text() == "没有库存不足的商品。"
    backend.stock.set_minimum(shelf.serum, 5, team.manager.id)
    click(qtbot, tab, "orderFromLowStock")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    [draft] = tab.model.rows()
    assert draft.lines == (OrderLine(shelf.serum, 10, 5_000),)  # up to twice the minimum
    assert tab.model.data(tab.model.index(0, 2)) == "草稿"
    assert not tab.buttons["receive"].isEnabled()  # a draft is not received against
    click(qtbot, tab, "placeOrder")
    qtbot.waitUntil(lambda: tab.model.row_at(0).state is OrderState.ORDERED)
    dialog = tab.open_receive()
    assert isinstance(dialog, ReceiveDialog)
    assert "采购单" in dialog.windowTitle() and dialog.supplier.isReadOnly()
    save(qtbot, page, dialog)  # nothing scanned yet
    qtbot.waitUntil(dialog.message.isVisible)
    assert dialog.message.text() == "请先扫描或添加入库的商品。"
    dialog.add_scanned(shelf.serum_barcode)
    dialog.add_scanned(shelf.serum_barcode)
    dialog.add_scanned(shelf.serum_barcode)
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: tab.model.row_at(0).state is OrderState.PARTLY_RECEIVED)
    assert tab.model.data(tab.model.index(0, 4)) == "3 / 10"
    assert tab.model.marked(tab.model.row_at(0))
    again = tab.open_receive()
    assert isinstance(again, ReceiveDialog)
    [due] = again.model.rows()
    assert (due.packages, due.due) == (0, 7)
    click(qtbot, again, "receiveAllDue")
    assert again.model.row_at(0).packages == 7
    again.reject()
    qtbot.waitUntil(lambda: tab.dialog is None)
    qtbot.waitUntil(lambda: tab.selected() is not None)
    assert not tab.buttons["cancel"].isEnabled()  # partly received: not cancelled
    second = backend.purchasing.draft([OrderLine(shelf.serum, 1)], team.manager.id)
    tab.refresh(second)
    qtbot.waitUntil(lambda: tab.selected() is not None and tab.selected().id == second)
    click(qtbot, tab, "cancelOrder")
    qtbot.waitUntil(
        lambda: tab.selected() is not None and tab.selected().state.value == "cancelled"
    )
    states = {order.id: tab.model.data(tab.model.index(row, 2))
              for row, order in enumerate(tab.model.rows())}  # fmt: skip
    assert states == {draft.id: "部分到货", second: "已取消"}
    page.tabs.setCurrentWidget(page.on_hand)
    qtbot.waitUntil(lambda: shown(page, shelf.serum).on_hand == 3)


def test_a_counter_that_knows_no_store_says_sync_first(
    qtbot: QtBot, shell: Shell, page: StockPage
) -> None:
    page.tabs.setCurrentWidget(page.transfers)
    qtbot.waitUntil(page.transfers.message.isVisible)
    assert page.transfers.message.text() == "本收银台还不知道其他门店：请先与总部同步。"
    dialog = page.transfers.open_send()
    assert not dialog.save_button.isEnabled() and dialog.message.isVisible()
    dialog.reject()


def test_a_transfer_sent_and_received_with_a_difference(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf, page: StockPage
) -> None:
    backend = shell.ctx.backend
    backend.stock.receive([ReceiptLine(shelf.serum, 5, 5_000)], team.manager.id)
    as_store(shell, EAST, "东方店")
    tab = page.transfers
    page.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.stores == [(WEST, "西湖店")])
    dialog = tab.open_send()
    assert isinstance(dialog, SendTransferDialog)
    assert dialog.store.currentText() == "西湖店"
    dialog.picker.setCurrentIndex(dialog.picker.findData(shelf.serum))
    dialog.units.setValue(3)
    click(qtbot, dialog, "addTransferLine")
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: tab.dialog is None and tab.model.rowCount() == 1)
    assert tab.model.data(tab.model.index(0, 1)) == "调出"
    assert tab.model.data(tab.model.index(0, 5)) == "在途"
    assert backend.stock.held(shelf.serum) == 2
    tab.table.selectRow(0)
    assert not tab.receive.isEnabled()  # sent from here: the other store receives it
    assert tab.detail.text() == "玻尿酸精华 3 件"

    as_store(shell, WEST, "西湖店")  # the same transfer, as the store it went to sees it
    tab.refresh()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1 and tab.model.row_at(0).incoming)
    tab.table.selectRow(0)
    assert tab.receive.isEnabled()
    incoming = tab.open_receive()
    assert isinstance(incoming, ReceiveTransferDialog)
    incoming.arrived[0].setValue(2)
    assert incoming.differences[0].text() == "-1 件"
    qtbot.mouseClick(incoming.save_button, LEFT)
    qtbot.waitUntil(lambda: tab.dialog is None and tab.model.row_at(0).received is not None)
    assert tab.model.data(tab.model.index(0, 5)) == "已收货，短少 1"
    assert backend.stock.held(shelf.serum) == 4  # 2 left after sending, 2 arrived


def test_the_write_off_lists_the_products_batches_with_and_without_an_expiry(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf, page: StockPage
) -> None:
    backend = shell.ctx.backend
    backend.stock.receive(
        [ReceiptLine(shelf.serum, 2, 5_000, "LOT-1"), ReceiptLine(shelf.serum, 1, 5_000)],
        team.manager.id,
    )
    dialog = page.open_write_off()
    assert isinstance(dialog, WriteOffDialog)
    dialog.product.setCurrentIndex(dialog.product.findData(shelf.serum))
    qtbot.waitUntil(lambda: dialog.batch.count() == 2)
    assert [dialog.batch.itemText(i) for i in range(2)] == [
        "先到期的先出（自动）",
        "LOT-1，剩余 2 件",
    ]
    dialog.reject()


def test_the_document_models_are_proper_models(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from salon_pos.services.purchasing import OrderView
    from salon_pos.services.transfers import TransferView

    offer = ProductOffer("p1", "院装", "玻尿酸原液", "BB-001", None, 0, 20_000, unit="ml",
                         pack_size=500)  # fmt: skip
    at = datetime(2026, 11, 20, 3, tzinfo=UTC)
    order = OrderView("o1", "PO-A1-0001", None, "", OrderState.ORDERED,
                      (OrderLine("p1", 2, 21_000),), {}, at, "")  # fmt: skip
    transfer = TransferView("t1", "TR-A1-0001", "东方店", "西湖店", True, at,
                            ({"product_id": "p1", "quantity": 3},), None)  # fmt: skip
    filled = [
        (SheetModel(), [SheetLine("p1", "院装", "玻尿酸原液", "ml", None, 495, 0, 5)]),
        (OrdersModel(), [order]),
        (OrderLinesModel(), [draft_line(offer, 2, None)]),
        (TransfersModel(), [transfer]),
        (SuppliersModel(), [SupplierView("s1", "广州美源", "", "", "", True)]),
        (SendLinesModel(), [SendLine(offer, 100)]),
    ]
    for model, rows in filled:
        model.set_rows(rows)  # type: ignore[attr-defined]
        qtmodeltester.check(model)


def test_the_document_tabs_and_dialogs_are_all_chinese(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf, page: StockPage
) -> None:
    backend = shell.ctx.backend
    as_store(shell, EAST, "东方店")
    backend.stocktakes.start(team.manager.id)
    order = backend.purchasing.draft([OrderLine(shelf.serum, 2)], team.manager.id)
    backend.purchasing.place(order, team.manager.id)
    for tab in (page.stocktake, page.purchasing, page.transfers):
        page.tabs.setCurrentWidget(tab)
        qtbot.waitUntil(lambda t=tab: t.model.rowCount() > 0 or t is page.transfers)
        assert english_left(visible_texts(page)) == []
    page.purchasing.table.selectRow(0)
    dialogs = [
        page.stocktake.open_start(), page.purchasing.open_suppliers(),
        page.purchasing.open_new(), page.purchasing.open_receive(),
        page.transfers.open_send(),
    ]  # fmt: skip
    for dialog in dialogs:
        assert dialog is not None
        assert english_left(visible_texts(dialog)) == []
        dialog.reject()


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_stocktake_fits_1024_by_768(
    shell: Shell, team: Team, shelf: Shelf, language: str
) -> None:
    shell.ctx.backend.stocktakes.start(team.manager.id)
    page = at_1024(shell, team, language, "stock")
    assert isinstance(page, StockPage)
    page.tabs.setCurrentWidget(page.stocktake)
    shell.settle()
    assert page.stocktake.counting.isVisible()
    assert cut_placeholders(page) == []
    table = page.findChild(QTableView, "stocktakeSheet")
    header = table.horizontalHeader()
    assert sum(header.sectionSize(c) for c in range(header.count())) <= table.viewport().width()
