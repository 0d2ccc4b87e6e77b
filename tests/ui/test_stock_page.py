"""The inventory page (库存) and its dialogs, driven through their widgets over a real database:
the page lists stock; receiving by scanning raises it; a refused receipt says why and changes
nothing; a write-off lowers it; a minimum makes a product low and suggests an order; the
catalog's product and service forms keep a unit, package size, expiry flag and consumables."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QScrollArea,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from salon_pos.domain.ticket import LineKind
from salon_pos.services.backend import Backend
from salon_pos.services.catalog import ProductOffer
from salon_pos.services.stock import ConsumableLine, ExpiringBatch, ReceiptLine, StockRow
from salon_pos.ui.dialogs.catalog_item import CatalogItemDialog
from salon_pos.ui.dialogs.consumables import ConsumableRow, ConsumablesModel
from salon_pos.ui.dialogs.save_dialog import SaveDialog
from salon_pos.ui.dialogs.stock_minimum import MinimumDialog
from salon_pos.ui.dialogs.stock_receive import ReceiveDialog
from salon_pos.ui.dialogs.stock_write_off import WriteOffDialog
from salon_pos.ui.models.stock import ExpiringModel, StockTableModel, SuggestedOrderModel
from salon_pos.ui.models.stock_receipt import ReceiptDraftLine, ReceiptLinesModel
from salon_pos.ui.pages.stock import StockPage
from salon_pos.ui.shell import Shell
from tests.conftest import Shelf, Team
from tests.ui.test_cashier import ticking
from tests.ui.test_chinese_ui import english_left, visible_texts
from tests.ui.test_small_screen import at_1024, cut_placeholders
from tests.ui.test_staff_catalog import catalog_page, click

LEFT = Qt.MouseButton.LeftButton
SERUM_BARCODE = "6900000000017"


@pytest.fixture
def back_bar(backend: Backend, shelf: Shelf) -> ProductOffer:
    """A back-bar serum kept by the ml, in 500 ml bottles whose batches need an expiry."""
    saved = backend.catalog.add_product(
        "院装", "玻尿酸原液", "BB-001", 0, 20_000, SERUM_BARCODE,
        unit="ml", pack_size=500, needs_expiry=True,
    )  # fmt: skip
    offer = backend.catalog.item(LineKind.PRODUCT, saved.id)
    assert isinstance(offer, ProductOffer)
    return offer


@pytest.fixture
def page(qtbot: QtBot, shell: Shell, team: Team, back_bar: ProductOffer) -> StockPage:
    shell.ctx.sign_in(team.manager)
    page = shell.window.open_page("stock")
    assert isinstance(page, StockPage)
    products = len(shell.ctx.backend.catalog.products())
    qtbot.waitUntil(lambda: page.on_hand.model.rowCount() == products)
    return page


def shown(page: StockPage, product_id: str) -> StockRow:
    return next(r for r in page.on_hand.model.rows() if r.product_id == product_id)


def on_hand(backend: Backend, product_id: str) -> int:
    return next(r.on_hand for r in backend.stock.on_hand() if r.product_id == product_id)


def save(qtbot: QtBot, page: StockPage, dialog: SaveDialog) -> None:
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: page.dialog is None or dialog.message.isVisible())


def scan(qtbot: QtBot, dialog: QWidget, code: str) -> None:
    """Type like a barcode scanner into whatever has the focus in the dialog."""
    target = QApplication.focusWidget() or dialog
    QTest.keyClicks(target, code)
    QTest.keyClick(target, Qt.Key.Key_Return)


def open_receive(qtbot: QtBot, page: StockPage) -> ReceiveDialog:
    click(qtbot, page, "receiveStock")
    dialog = page.dialog
    assert isinstance(dialog, ReceiveDialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.scanner.clock = ticking(0.01)  # a scanner: a key every 10 ms
    dialog.supplier.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.supplier)
    return dialog


def test_the_page_lists_stock_with_its_value(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf, back_bar: ProductOffer
) -> None:
    backend = shell.ctx.backend
    backend.stock.receive([ReceiptLine(shelf.serum, 3, 5_000)], team.manager.id)
    shell.ctx.sign_in(team.manager)
    page = shell.window.open_page("stock")
    assert isinstance(page, StockPage)
    qtbot.waitUntil(lambda: page.on_hand.model.rowCount() == 2)
    serum = shown(page, shelf.serum)
    assert (serum.on_hand, serum.value) == (3, 15_000)
    model = page.on_hand.model
    cells = {model.row_at(i).name: model.data(model.index(i, 2)) for i in range(2)}
    assert cells == {"玻尿酸精华": "3 件", "玻尿酸原液": "0 毫升（0 件）"}
    assert "成本金额 ¥150.00" in page.on_hand.totals.text()
    page.on_hand.filter.setText("原液")
    assert [r.name for r in page.on_hand.model.rows()] == ["玻尿酸原液"]
    page.on_hand.filter.clear()
    page.on_hand.category.setCurrentIndex(page.on_hand.category.findData("护肤品"))
    assert [r.name for r in page.on_hand.model.rows()] == ["玻尿酸精华"]


def test_receiving_two_scanned_packages_in_a_batch_raises_stock(
    qtbot: QtBot, shell: Shell, page: StockPage, back_bar: ProductOffer
) -> None:
    backend = shell.ctx.backend
    dialog = open_receive(qtbot, page)
    scan(qtbot, dialog, SERUM_BARCODE)
    scan(qtbot, dialog, SERUM_BARCODE)
    [line] = dialog.model.rows()
    assert (line.product.id, line.packages) == (back_bar.id, 2)
    assert dialog.supplier.text() == ""  # the scanned digits did not stay in the field
    assert dialog.model.data(dialog.model.index(0, 2)) == "1,000 毫升"
    QTest.keyClicks(dialog.batch, "LOT-A")
    today = backend.clock.now().date()
    expiry = today + timedelta(days=20)
    dialog.has_expiry.setChecked(True)
    dialog.expires.setDate(QDate(expiry.year, expiry.month, expiry.day))
    dialog.cost.setText("")
    QTest.keyClicks(dialog.cost, "210")
    dialog.supplier.insert("广州美源")  # as an input method commits it
    with qtbot.waitSignal(shell.ctx.changed):
        save(qtbot, page, dialog)
    assert page.dialog is None
    qtbot.waitUntil(lambda: shown(page, back_bar.id).on_hand == 1_000)
    row = shown(page, back_bar.id)
    assert (row.cost, row.value) == (21_000, 42_000)
    [batch] = page.expiring.model.rows()  # expires within 30 days
    assert (batch.code, batch.expires_on, batch.on_hand) == ("LOT-A", expiry, 1_000)
    assert "20 天" in page.expiring.model.data(page.expiring.model.index(0, 3))


def test_a_refused_receipt_says_why_and_changes_nothing(
    qtbot: QtBot, shell: Shell, page: StockPage, back_bar: ProductOffer
) -> None:
    backend = shell.ctx.backend
    dialog = open_receive(qtbot, page)
    scan(qtbot, dialog, SERUM_BARCODE)
    save(qtbot, page, dialog)  # no expiry for a product whose batches need one
    assert dialog.message.text() == "玻尿酸原液 入库时每个批次都须填写有效期。"
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    scan(qtbot, dialog, "6999999999999")
    assert "6999999999999" in dialog.message.text()  # an unknown barcode is said
    assert dialog.model.rowCount() == 1
    dialog.cost.setText("abc")
    dialog.cost.textEdited.emit("abc")
    save(qtbot, page, dialog)
    assert dialog.message.isVisible() and "abc" in dialog.message.text()
    assert on_hand(backend, back_bar.id) == 0
    assert backend.stock.movements(back_bar.id) == []
    dialog.reject()


def test_a_write_off_lowers_the_stock_and_needs_a_reason(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf, page: StockPage
) -> None:
    backend = shell.ctx.backend
    backend.stock.receive([ReceiptLine(shelf.serum, 5, 5_000)], team.manager.id)
    page.refresh()
    qtbot.waitUntil(lambda: shown(page, shelf.serum).on_hand == 5)
    assert page.on_hand.select(shelf.serum)
    click(qtbot, page, "writeOffStock")
    dialog = page.dialog
    assert isinstance(dialog, WriteOffDialog)
    assert dialog.product.currentData() == shelf.serum  # the product selected on the page
    dialog.quantity.setValue(2)
    save(qtbot, page, dialog)
    assert dialog.message.text() == "请填写库存变动的原因（例如：破损、过期、店内自用）。"
    assert on_hand(backend, shelf.serum) == 5
    dialog.reason.setCurrentText("破损")
    with qtbot.waitSignal(shell.ctx.changed):
        save(qtbot, page, dialog)
    qtbot.waitUntil(lambda: shown(page, shelf.serum).on_hand == 3)
    [moved] = [m for m in backend.stock.movements(shelf.serum) if m["kind"] == "write_off"]
    assert (moved["quantity"], moved["reason"]) == (-2, "破损")


def test_a_minimum_makes_a_product_low_and_suggests_an_order(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf, page: StockPage
) -> None:
    shell.ctx.backend.stock.receive([ReceiptLine(shelf.serum, 2, 5_000)], team.manager.id)
    page.refresh()
    qtbot.waitUntil(lambda: shown(page, shelf.serum).on_hand == 2)
    page.on_hand.select(shelf.serum)
    dialog = page.open_minimum()
    assert isinstance(dialog, MinimumDialog)
    dialog.amount.setValue(5)
    save(qtbot, page, dialog)
    qtbot.waitUntil(lambda: shown(page, shelf.serum).minimum == 5)
    model = page.on_hand.model
    row = next(i for i, r in enumerate(model.rows()) if r.product_id == shelf.serum)
    assert model.data(model.index(row, 6)) == "库存不足"
    page.on_hand.low_only.setChecked(True)
    assert [r.product_id for r in page.on_hand.model.rows()] == [shelf.serum]
    [order] = page.order.model.rows()
    assert order.suggested_packages == 8  # back up to twice the minimum: 10 − 2
    assert "约合成本 ¥400.00" in page.order.summary.text()


def test_a_technician_cannot_open_the_page(qtbot: QtBot, shell: Shell, team: Team) -> None:
    """The front desk can (to count: tests/ui/test_stock_front_desk.py)."""
    shell.ctx.sign_in(team.tech)
    page = shell.window.open_page("stock")
    assert isinstance(page, StockPage)
    assert page.refusal.isVisible()


def test_the_product_form_keeps_unit_package_size_and_expiry(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf
) -> None:
    shell.ctx.sign_in(team.manager)
    catalog = catalog_page(qtbot, shell)
    click(qtbot, catalog, "addProduct")
    dialog = catalog.dialog
    assert isinstance(dialog, CatalogItemDialog)
    fields = (("itemName", "胶原蛋白精华"), ("itemSku", "BB-002"), ("itemPrice", "0"),
              ("itemCost", "300"))  # fmt: skip
    for name, text in fields:
        dialog.findChild(QLineEdit, name).setText(text)
    dialog.findChild(QComboBox, "itemCategory").setCurrentText("院装")
    dialog.unit.setCurrentIndex(dialog.unit.findData("ml"))
    dialog.pack_size.setValue(250)
    dialog.needs_expiry.setChecked(True)
    assert dialog.pack_size.suffix() == " 毫升"
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: catalog.dialog is None or dialog.message.isVisible())
    assert catalog.dialog is None, dialog.message.text()
    made = next(p for p in shell.ctx.backend.catalog.products() if p.name == "胶原蛋白精华")
    assert (made.unit, made.pack_size, made.needs_expiry) == ("ml", 250, True)


def edit_facial(qtbot: QtBot, shell: Shell, shelf: Shelf) -> CatalogItemDialog:
    catalog = catalog_page(qtbot, shell)
    catalog.select(shelf.facial)
    click(qtbot, catalog, "editItem")
    dialog = catalog.dialog
    assert isinstance(dialog, CatalogItemDialog) and dialog.consumables is not None
    return dialog


def test_a_services_consumables_are_saved_and_a_wrong_unit_is_refused(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf, back_bar: ProductOffer
) -> None:
    backend = shell.ctx.backend
    shell.ctx.sign_in(team.manager)
    dialog = edit_facial(qtbot, shell, shelf)
    editor = dialog.consumables
    assert editor is not None
    editor.product.setCurrentIndex(editor.product.findData(back_bar.id))
    assert editor.unit.currentData() == "ml"  # the product's own unit
    editor.unit.setCurrentIndex(editor.unit.findData("piece"))
    editor.quantity.setValue(5)
    click(qtbot, editor, "addConsumable")
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(dialog.message.isVisible)
    assert "玻尿酸原液 的库存单位是 ml" in dialog.message.text()
    assert backend.stock.consumables(shelf.facial) == []
    editor.unit.setCurrentIndex(editor.unit.findData("ml"))
    click(qtbot, editor, "addConsumable")  # the same product again: its line is replaced
    assert editor.lines() == [ConsumableLine(back_bar.id, 5, "ml")]
    catalog = shell.window.open_page("catalog")
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: catalog.dialog is None)  # type: ignore[attr-defined]
    assert backend.stock.consumables(shelf.facial) == [ConsumableLine(back_bar.id, 5, "ml")]
    again = edit_facial(qtbot, shell, shelf)  # shown when the service is opened again
    assert again.consumables is not None
    assert again.consumables.lines() == [ConsumableLine(back_bar.id, 5, "ml")]
    again.reject()


def test_a_new_service_with_a_refused_consumable_is_saved_once(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf, back_bar: ProductOffer
) -> None:
    backend = shell.ctx.backend
    shell.ctx.sign_in(team.manager)
    catalog = catalog_page(qtbot, shell)
    click(qtbot, catalog, "addService")
    dialog = catalog.dialog
    assert isinstance(dialog, CatalogItemDialog) and dialog.consumables is not None
    for name, text in (("itemName", "水光护理"), ("itemPrice", "298"), ("itemSkill", "facial")):
        dialog.findChild(QLineEdit, name).setText(text)
    dialog.findChild(QComboBox, "itemCategory").setCurrentText("面部护理")
    editor = dialog.consumables
    editor.product.setCurrentIndex(editor.product.findData(back_bar.id))
    editor.unit.setCurrentIndex(editor.unit.findData("g"))
    click(qtbot, editor, "addConsumable")
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(dialog.message.isVisible)
    assert "玻尿酸原液" in dialog.message.text()
    editor.unit.setCurrentIndex(editor.unit.findData("ml"))
    click(qtbot, editor, "addConsumable")
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: catalog.dialog is None)
    [service] = [s for s in backend.catalog.services() if s.name == "水光护理"]
    assert backend.stock.consumables(service.id) == [ConsumableLine(back_bar.id, 1, "ml")]


def test_the_stock_models_are_proper_models(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    row = StockRow("p1", "院装", "玻尿酸原液", "ml", 500, 990, 1_000, 20_000, 39_600)
    offer = ProductOffer("p1", "院装", "玻尿酸原液", "BB-001", None, 0, 20_000, unit="ml",
                         pack_size=500, needs_expiry=True)  # fmt: skip
    batch = ExpiringBatch("p1", "玻尿酸原液", "ml", "b1", "LOT", date(2026, 11, 1), 490)
    filled = [
        (StockTableModel(), [row]),
        (SuggestedOrderModel(), [row]),
        (ReceiptLinesModel(), [ReceiptDraftLine(offer, 2)]),
        (ConsumablesModel(), [ConsumableRow("玻尿酸原液", ConsumableLine("p1", 5, "ml"))]),
    ]
    for model, rows in filled:
        model.set_rows(rows)  # type: ignore[attr-defined]
        qtmodeltester.check(model)
    expiring = ExpiringModel()
    expiring.set_batches([batch], date(2026, 11, 20))
    qtmodeltester.check(expiring)
    assert expiring.marked(batch)  # expired: in red
    assert StockTableModel().columnCount() == 7


def test_the_page_its_tabs_and_dialogs_are_all_chinese(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf, page: StockPage
) -> None:
    shell.ctx.backend.stock.receive([ReceiptLine(shelf.serum, 2, 5_000)], team.manager.id)
    page.refresh()
    qtbot.waitUntil(lambda: shown(page, shelf.serum).on_hand == 2)
    page.on_hand.select(shelf.serum)
    for tab in range(page.tabs.count()):
        page.tabs.setCurrentIndex(tab)
        assert english_left(visible_texts(page)) == []
    page.tabs.setCurrentIndex(0)
    for dialog in (page.open_receive(), page.open_write_off(), page.open_minimum()):
        assert dialog is not None
        if isinstance(dialog, ReceiveDialog):
            dialog.add_scanned(shelf.serum_barcode)
        assert english_left(visible_texts(dialog)) == []
        dialog.reject()
    catalog = catalog_page(qtbot, shell)
    for kind in (LineKind.SERVICE, LineKind.PRODUCT):
        form = CatalogItemDialog(shell.ctx, kind, None, catalog)
        form.show()
        assert english_left(visible_texts(form)) == []
        form.reject()


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_page_fits_1024_by_768(shell: Shell, team: Team, shelf: Shelf, language: str) -> None:
    page = at_1024(shell, team, language, "stock")
    assert cut_placeholders(page) == []
    table = page.findChild(QTableView, "stockTable")
    header = table.horizontalHeader()
    columns = range(header.count())
    assert sum(header.sectionSize(c) for c in columns) <= table.viewport().width()
    assert header.sectionSize(StockTableModel.NAME) >= 120  # the name is not cut to nothing
    nav = shell.window.findChild(QScrollArea, "navScroll")  # 13 pages fit: no scroll bar
    assert not nav.verticalScrollBar().isVisible()
