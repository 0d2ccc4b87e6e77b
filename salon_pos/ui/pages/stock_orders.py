"""Purchase orders (采购) on the inventory page: suppliers, the orders with their state
(草稿/已下单/部分到货/已到货/已取消), a draft written by hand or from what is low, placed or
cancelled, and goods received against an order in the receive dialog with its outstanding
lines. Read and written on the task runner; refusals are the service's, said on the line."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from salon_pos.services.changes import QUEUED, Changes
from salon_pos.services.purchasing import OrderState, OrderView, SupplierView
from salon_pos.ui.context import UiContext
from salon_pos.ui.dialogs.purchase_order import PurchaseOrderDialog
from salon_pos.ui.dialogs.stock_receive import ReceiveDialog
from salon_pos.ui.dialogs.suppliers import SuppliersDialog
from salon_pos.ui.flow_layout import FlowLayout
from salon_pos.ui.models.stock_documents import OrdersModel
from salon_pos.ui.widgets import MessageLine, button, fitted_table
from sync.operations.inventory import CHANGE_PURCHASE_ORDER

Read = tuple[int, list[OrderView], list[SupplierView]]
RECEIVABLE = (OrderState.ORDERED, OrderState.PARTLY_RECEIVED)


class PurchasingTab(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._asked = 0
        self.suppliers: list[SupplierView] = []
        self.dialog: QDialog | None = None
        self.model = OrdersModel(self)
        self.table = fitted_table("ordersTable", self.model, OrdersModel.NAME)
        self.table.selectionModel().selectionChanged.connect(self._update)
        self.table.doubleClicked.connect(lambda _i: self._on_double_clicked())
        self.buttons = {
            "suppliers": button(self.tr("Suppliers…"), "openSuppliers"),
            "new": button(self.tr("New order…"), "newOrder"),
            "from_low": button(self.tr("Order what is low"), "orderFromLowStock"),
            "edit": button(self.tr("Edit…"), "editOrder"),
            "place": button(self.tr("Place order"), "placeOrder"),
            "cancel": button(self.tr("Cancel order"), "cancelOrder"),
            "receive": button(self.tr("Receive against order…"), "receiveOrder", "primary"),
        }
        actions: dict[str, Callable[[], object]] = {
            "suppliers": self.open_suppliers, "new": self.open_new, "from_low": self.from_low,
            "edit": self.open_edit, "place": self.place, "cancel": self.cancel,
            "receive": self.open_receive,
        }  # fmt: skip
        for key, widget in self.buttons.items():
            widget.clicked.connect(lambda _c=False, act=actions[key]: act())
        self.message = MessageLine()
        row = FlowLayout()
        for widget in self.buttons.values():
            row.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self._update()

    def refresh(self, select: str | None = None) -> None:
        """The orders and suppliers; `select`: the order to select once read (one just made)."""
        self._asked += 1
        asked, buying = self._asked, self._ctx.backend.purchasing
        self._ctx.runner.run(
            lambda: (asked, buying.orders(), buying.suppliers()),
            partial(self._on_read, select),
        )

    def _on_read(self, select: str | None, read: Read) -> None:
        asked, orders, suppliers = read
        if asked != self._asked:
            return
        selected = self.selected()
        self.suppliers = suppliers
        self.model.set_rows(orders)
        wanted = select or (selected.id if selected else None)
        if wanted is not None:
            self.select(wanted)
        self._update()

    def selected(self) -> OrderView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select(self, order_id: str) -> bool:
        for row, order in enumerate(self.model.rows()):
            if order.id == order_id:
                self.table.selectRow(row)
                return True
        return False

    def _update(self) -> None:
        state = order.state if (order := self.selected()) else None
        self.buttons["edit"].setEnabled(state is OrderState.DRAFT)
        self.buttons["place"].setEnabled(state is OrderState.DRAFT)
        self.buttons["cancel"].setEnabled(state in (OrderState.DRAFT, OrderState.ORDERED))
        self.buttons["receive"].setEnabled(state in RECEIVABLE)

    def _on_double_clicked(self) -> None:
        order = self.selected()
        if order is not None and order.state is OrderState.DRAFT:
            self.open_edit()
        elif order is not None and order.state in RECEIVABLE:
            self.open_receive()

    # Dialogs

    def open_suppliers(self) -> SuppliersDialog:
        dialog = SuppliersDialog(self._ctx, self)
        self._show(dialog)
        return dialog

    def open_new(self) -> PurchaseOrderDialog:
        dialog = PurchaseOrderDialog(self._ctx, self.suppliers, None, self)
        self._show(dialog)
        return dialog

    def open_edit(self) -> PurchaseOrderDialog | None:
        order = self.selected()
        if order is None or order.state is not OrderState.DRAFT:
            return None
        dialog = PurchaseOrderDialog(self._ctx, self.suppliers, order, self)
        self._show(dialog)
        return dialog

    def open_receive(self) -> ReceiveDialog | None:
        order = self.selected()
        if order is None or order.state not in RECEIVABLE:
            return None
        dialog = ReceiveDialog(self._ctx, self, order)
        self._show(dialog)
        return dialog

    def _show(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._forget(dialog))
        self.dialog = dialog
        dialog.open()

    def _forget(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        saved = getattr(dialog, "saved", None)
        self.refresh(saved if isinstance(saved, str) else None)

    # Changing an order's state

    def from_low(self) -> None:
        buying, actor = self._ctx.backend.purchasing, self._actor()
        self._change(lambda: buying.draft_from_low_stock(actor), self.tr("Nothing is low."))

    def place(self) -> None:
        order = self.selected()
        if order is not None:
            place = self._ctx.backend.purchasing.place
            self._change(partial(_then_id, place, order.id, self._actor()))

    def cancel(self) -> None:
        order = self.selected()
        if order is not None:
            cancel = self._ctx.backend.purchasing.cancel
            self._change(partial(_then_id, cancel, order.id, self._actor()))

    def _change(self, work: Callable[[], str | None], nothing: str = "") -> None:
        self._ctx.runner.run(work, partial(self._on_changed, nothing), self._on_refused)

    def _on_changed(self, nothing: str, order_id: str | None) -> None:
        if order_id is None:
            self.message.show_info(nothing)
            return
        self.message.hide()
        self._ctx.announce(Changes.of(CHANGE_PURCHASE_ORDER, order_id) | Changes.of(QUEUED))
        self.refresh(order_id)

    def _on_refused(self, error: BaseException) -> None:
        self.message.show_error(self._ctx.message(error))

    def _actor(self) -> str:
        return self._ctx.staff.id if self._ctx.staff else ""


def _then_id(change: Callable[[str, str], None], order_id: str, actor: str) -> str:
    """The order's state changed; its id, to select it again."""
    change(order_id, actor)
    return order_id
