"""Transfers (调拨) on the inventory page: stock sent to another of the owner's stores, and
what other stores sent here, received with what arrived of each line. The stores are those the
server last named; a counter that has not synced knows none and says so."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from salon_pos.services.catalog import ProductOffer
from salon_pos.services.transfers import TransferView
from salon_pos.ui.context import UiContext
from salon_pos.ui.dialogs.transfer_receive import ReceiveTransferDialog
from salon_pos.ui.dialogs.transfer_send import SendTransferDialog
from salon_pos.ui.models.stock import units_text
from salon_pos.ui.models.stock_documents import TransfersModel
from salon_pos.ui.widgets import MessageLine, button, fitted_table

Read = tuple[int, list[TransferView], list[tuple[str, str]], list[ProductOffer]]


class TransfersTab(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._asked = 0
        self.stores: list[tuple[str, str]] = []
        self.names: dict[str, tuple[str, str]] = {}  # product → (name, unit)
        self.dialog: QDialog | None = None
        self.model = TransfersModel(self)
        self.table = fitted_table("transfersTable", self.model, TransfersModel.NAME)
        self.table.selectionModel().selectionChanged.connect(self._update)
        self.table.doubleClicked.connect(lambda _i: self.open_receive())
        self.send = button(self.tr("Send to another store…"), "sendTransfer")
        self.send.clicked.connect(lambda: self.open_send())
        self.receive = button(self.tr("Receive…"), "receiveTransfer", "primary")
        self.receive.clicked.connect(lambda: self.open_receive())
        self.detail = QLabel()
        self.detail.setObjectName("transferDetail")
        self.detail.setProperty("role", "muted")
        self.detail.setWordWrap(True)
        self.message = MessageLine()
        actions = QHBoxLayout()
        actions.addWidget(self.send)
        actions.addWidget(self.receive)
        actions.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        self._update()

    def refresh(self) -> None:
        self._asked += 1
        asked, backend = self._asked, self._ctx.backend
        self._ctx.runner.run(
            lambda: (
                asked, backend.transfers.transfers(), backend.transfers.stores(),
                backend.catalog.products(),
            ),
            self._on_read,
        )  # fmt: skip

    def _on_read(self, read: Read) -> None:
        asked, transfers, stores, products = read
        if asked != self._asked:
            return
        selected = self.selected()
        self.stores = stores
        self.names = {p.id: (p.name, p.unit) for p in products}
        self.model.set_rows(transfers)
        for row, found in enumerate(transfers):
            if selected is not None and found.id == selected.id:
                self.table.selectRow(row)
        if not stores:
            self.message.show_info(
                self.tr("This counter knows no other store yet: sync with the server first.")
            )
        else:
            self.message.hide()
        self._update()

    def selected(self) -> TransferView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update(self) -> None:
        transfer = self.selected()
        self.receive.setEnabled(
            transfer is not None and transfer.incoming and transfer.received is None
        )
        self.detail.setText(self._lines_text(transfer) if transfer else "")

    def _lines_text(self, transfer: TransferView) -> str:
        """The selected transfer's lines: "name 500 ml" sent, and what came when received."""
        came = {}
        if transfer.received is not None:
            came = {i: int(line["received"]) for i, line in enumerate(transfer.received["lines"])}
        parts = []
        for i, line in enumerate(transfer.lines):
            name, unit = self.names.get(str(line["product_id"]), ("?", "piece"))
            text = f"{name} {units_text(int(line['quantity']), unit)}"
            if i in came:
                text += self.tr(" (arrived {units})").format(units=units_text(came[i], unit))
            parts.append(text)
        return self.tr("; ").join(parts)

    def open_send(self) -> SendTransferDialog:
        dialog = SendTransferDialog(self._ctx, self.stores, self)
        self._show(dialog)
        return dialog

    def open_receive(self) -> ReceiveTransferDialog | None:
        transfer = self.selected()
        if transfer is None or not transfer.incoming or transfer.received is not None:
            return None
        dialog = ReceiveTransferDialog(self._ctx, transfer, self.names, self)
        self._show(dialog)
        return dialog

    def _show(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(partial(self._forget, dialog))
        self.dialog = dialog
        dialog.open()

    def _forget(self, dialog: QDialog, _result: int) -> None:
        if self.dialog is dialog:
            self.dialog = None
        self.refresh()
