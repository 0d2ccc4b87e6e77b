"""Inventory (库存), for managers and owners: stock on hand and its value at cost, what expires
within N days, what is low with a suggested order; receiving goods (入库), writing off (报损)
and a product's minimum, each in its own dialog; then the documents, each a tab of its own
module: stocktake (盘点), purchase orders (采购) and transfers (调拨). The front desk opens it
to count: it sees the stocktake tab (counting only), and on hand and expiring as lists,
without costs; the rest is hidden (and the services refuse it anyway). Stock is read on the task
runner: on hand for every product is one grouped query, and the page reads it again when stock
or the catalog changed (a sale, a receipt, a pull); a document tab reads its own when shown
and when its documents change."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from salon_pos.domain.staff import Role
from salon_pos.services.changes import Changes
from salon_pos.services.patch_tests import local_date
from salon_pos.services.stock import ExpiringBatch, StockRow
from salon_pos.ui.context import UiContext
from salon_pos.ui.dialogs.save_dialog import SaveDialog
from salon_pos.ui.dialogs.stock_minimum import MinimumDialog
from salon_pos.ui.dialogs.stock_receive import ReceiveDialog
from salon_pos.ui.dialogs.stock_write_off import WriteOffDialog
from salon_pos.ui.pages.managers_only import ManagersOnly
from salon_pos.ui.pages.stock_count import StocktakeTab
from salon_pos.ui.pages.stock_orders import PurchasingTab
from salon_pos.ui.pages.stock_tabs import ExpiringView, OnHandView, SuggestedOrderView
from salon_pos.ui.pages.stock_transfers import TransfersTab
from salon_pos.ui.widgets import MessageLine, button
from sync.operations.inventory import (
    CHANGE_PURCHASE_ORDER,
    CHANGE_STOCK_LEVEL,
    CHANGE_STOCK_MOVEMENT,
    CHANGE_STOCKTAKE,
    CHANGE_STOCKTAKE_COUNT,
    CHANGE_SUPPLIER,
    CHANGE_TRANSFER,
)
from sync.operations.sales import CHANGE_REFUND, CHANGE_TICKET
from sync.operations.setup import CHANGE_CATALOG_ITEM

REREAD_ON = (
    CHANGE_STOCK_MOVEMENT, CHANGE_STOCK_LEVEL, CHANGE_CATALOG_ITEM, CHANGE_TICKET, CHANGE_REFUND,
)  # fmt: skip
Read = tuple[int, list[StockRow], list[ExpiringBatch], date]
DocumentTab = StocktakeTab | PurchasingTab | TransfersTab
# What each document tab reads again on: its documents, and the stock its figures depend on.
TAB_REREADS = {
    StocktakeTab: (CHANGE_STOCKTAKE, CHANGE_STOCKTAKE_COUNT, *REREAD_ON),
    PurchasingTab: (CHANGE_PURCHASE_ORDER, CHANGE_SUPPLIER, CHANGE_STOCK_MOVEMENT),
    TransfersTab: (CHANGE_TRANSFER, CHANGE_CATALOG_ITEM),
}


class StockPage(ManagersOnly):
    def __init__(self, ctx: UiContext) -> None:
        content = QWidget()
        super().__init__(ctx, content)
        self.setObjectName("stockPage")
        self.dialog: SaveDialog | None = None
        self._asked = 0  # the newest read; older answers are dropped
        self._fitted_for_manager: bool | None = None  # whom the page was last shown to
        self.rows: list[StockRow] = []
        self.on_hand = OnHandView()
        self.on_hand.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.on_hand.table.doubleClicked.connect(lambda _index: self.open_minimum())
        self.expiring = ExpiringView()
        self.expiring.days_changed.connect(lambda _days: self.refresh())
        self.order = SuggestedOrderView()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("stockTabs")
        self.tabs.addTab(self.on_hand, self.tr("On hand"))
        self.tabs.addTab(self.expiring, self.tr("Expiring"))
        self.tabs.addTab(self.order, self.tr("Low stock and order"))
        self.stocktake = StocktakeTab(ctx)
        self.purchasing = PurchasingTab(ctx)
        self.transfers = TransfersTab(ctx)
        self.tabs.addTab(self.stocktake, self.tr("Stocktake"))
        self.tabs.addTab(self.purchasing, self.tr("Purchase orders"))
        self.tabs.addTab(self.transfers, self.tr("Transfers"))
        self.tabs.currentChanged.connect(lambda _tab: self._refresh_document_tab())
        self.tabs.currentChanged.connect(lambda _tab: self._update_buttons())
        self.order.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.order.table.doubleClicked.connect(lambda _index: self.open_minimum())
        self.receive = button(self.tr("Receive goods…"), "receiveStock", "primary")
        self.receive.clicked.connect(lambda: self.open_receive())
        self.write_off = button(self.tr("Write off…"), "writeOffStock")
        self.write_off.clicked.connect(lambda: self.open_write_off())
        self.minimum = button(self.tr("Set minimum…"), "setStockMinimum")
        self.minimum.clicked.connect(lambda: self.open_minimum())
        self.message = MessageLine()
        self._build(content)
        self._update_buttons()
        ctx.changed.connect(self._on_ctx_changed)

    def opens(self, role: Role) -> bool:
        return role.counts_stock  # the front desk counts; a technician does not come here

    def refusal_text(self) -> str:
        return self.tr("Only the front desk, a manager or the owner can open this page.")

    def _fit_to_role(self) -> None:
        """A manager sees everything; the front desk the stocktake (to count), on hand and
        expiring, without costs or the buttons that change stock."""
        manager = self.manages()
        for tab in (self.order, self.purchasing, self.transfers):
            self.tabs.setTabVisible(self.tabs.indexOf(tab), manager)
        for widget in (self.minimum, self.write_off, self.receive):
            widget.setVisible(manager)
        self.on_hand.show_costs(manager)
        self.stocktake.fit_to_role(manager)
        hidden = not self.tabs.isTabVisible(self.tabs.currentIndex())
        if not manager and (hidden or self._fitted_for_manager is not False):
            self.tabs.setCurrentWidget(self.stocktake)  # what the front desk comes for
        self._fitted_for_manager = manager

    def _build(self, content: QWidget) -> None:
        title = QLabel(self.tr("Inventory"))
        title.setObjectName("pageTitle")
        actions = QHBoxLayout()
        actions.addWidget(title)
        actions.addStretch()
        for widget in (self.minimum, self.write_off, self.receive):
            actions.addWidget(widget)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)

    def on_shown(self) -> None:
        if self.allowed():
            self._fit_to_role()
            self.refresh()
            self._refresh_document_tab()
            self.on_hand.filter.setFocus()

    def show_tab(self, name: str) -> None:
        """For screenshots: the tab held in this attribute (expiring, order, stocktake, ...)."""
        self.tabs.setCurrentWidget(getattr(self, name))

    def document_tab(self) -> DocumentTab | None:
        shown = self.tabs.currentWidget()
        return shown if isinstance(shown, StocktakeTab | PurchasingTab | TransfersTab) else None

    def _refresh_document_tab(self) -> None:
        tab = self.document_tab()
        if tab is not None and self.allowed():
            tab.refresh()

    def refresh(self) -> None:
        """Stock on hand and what expires, read together on the task runner."""
        self._asked += 1
        asked, stock, days = self._asked, self._ctx.backend.stock, self.expiring.days.value()
        backend = self._ctx.backend
        self._ctx.runner.run(
            lambda: (
                asked,
                stock.on_hand(),
                stock.expiring(days),
                local_date(backend.clock.now(), backend.settings.current.time_zone),
            ),
            self._on_read,
        )

    def _on_read(self, read: Read) -> None:
        asked, rows, batches, today = read
        if asked != self._asked:
            return
        self.rows = rows
        self.on_hand.set_rows(rows)
        self.expiring.set_batches(batches, today)
        self.order.set_rows(rows)
        self._update_buttons()

    def selected(self) -> StockRow | None:
        if self.tabs.currentWidget() is self.order:
            picked = self.order.table.selectionModel().selectedRows()
            return self.order.model.row_at(picked[0].row()) if picked else None
        return self.on_hand.selected()

    def _update_buttons(self) -> None:
        self.minimum.setEnabled(self.selected() is not None and self.manages())

    def _on_ctx_changed(self, changes: Changes) -> None:
        if not (self.isVisible() and self.allowed()):
            return
        if changes.touches(*REREAD_ON):
            self.refresh()
        tab = self.document_tab()
        if tab is not None and changes.touches(*TAB_REREADS[type(tab)]):
            tab.refresh()

    # The dialogs

    def open_receive(self) -> ReceiveDialog:
        dialog = ReceiveDialog(self._ctx, self)
        self._show(dialog)
        return dialog

    def open_write_off(self) -> WriteOffDialog:
        picked = self.selected()
        dialog = WriteOffDialog(self._ctx, picked.product_id if picked else None, self)
        self._show(dialog)
        return dialog

    def open_minimum(self) -> MinimumDialog | None:
        picked = self.selected()
        if picked is None or not self.manages():
            return None
        dialog = MinimumDialog(self._ctx, picked, self)
        self._show(dialog)
        return dialog

    def _show(self, dialog: SaveDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._forget(dialog))
        self.dialog = dialog
        dialog.open()

    def _forget(self, dialog: SaveDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def show_demo_receipt(self) -> ReceiveDialog:
        """For screenshots: a receipt of the first two products with a barcode, the first in a
        batch with an expiry."""
        dialog = self.open_receive()
        products = [p for p in dialog.products.values() if p.barcode][:2]
        for count, product in zip((3, 1), products, strict=False):
            for _ in range(count):
                dialog.add_package(product)
        if products:
            dialog.table.selectRow(0)
            dialog.batch.setText("B2411")
            dialog.batch.textEdited.emit("B2411")
            dialog.has_expiry.setChecked(True)
        dialog.supplier.setText(self.tr("Guangzhou Meiyuan Trading"))
        return dialog
