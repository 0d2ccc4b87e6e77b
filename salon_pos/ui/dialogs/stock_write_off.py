"""Writing stock off (报损): damaged, expired or used in the salon. A product, the quantity in
its own unit (5 ml of a serum, 1 piece of a cream), the reason, and the batch if a person knows
it; otherwise the service takes the earliest-expiring (expired first)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QSpinBox, QVBoxLayout, QWidget

from salon_pos.domain.stock import MOST_QUANTITY
from salon_pos.services.stock import HeldBatch
from salon_pos.ui.context import UiContext
from salon_pos.ui.dialogs.save_dialog import SaveDialog
from salon_pos.ui.dialogs.stock_receive import product_label, received_changes
from salon_pos.ui.models.stock import unit_name, units_text


class WriteOffDialog(SaveDialog):
    def __init__(
        self, ctx: UiContext, product_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, "stockWriteOffForm", parent)
        self.setWindowTitle(self.tr("Write off stock"))
        self.products = {p.id: p for p in ctx.backend.catalog.products()}
        self.batches: list[HeldBatch] = []
        self._asked = 0  # the product whose batches were asked for last
        self.product = QComboBox()
        self.product.setObjectName("writeOffProduct")
        for product in self.products.values():
            self.product.addItem(product_label(product), product.id)
        self.quantity = QSpinBox()
        self.quantity.setObjectName("writeOffQuantity")
        self.quantity.setRange(1, MOST_QUANTITY)
        self.reason = QComboBox()
        self.reason.setObjectName("writeOffReason")
        self.reason.setEditable(True)
        reasons = [self.tr("Damaged"), self.tr("Expired"), self.tr("Used in the salon")]
        self.reason.addItems(["", *reasons])
        typed = self.reason.lineEdit()
        if typed is not None:
            typed.setPlaceholderText(self.tr("Reason (required)"))
        self.batch = QComboBox()
        self.batch.setObjectName("writeOffBatch")
        form = QFormLayout()
        form.addRow(self.tr("Product"), self.product)
        form.addRow(self.tr("Quantity"), self.quantity)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Batch"), self.batch)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.finish_layout(layout)
        self.setMinimumWidth(440)
        if product_id is not None:
            self.product.setCurrentIndex(max(0, self.product.findData(product_id)))
        self.product.currentIndexChanged.connect(self._on_product_changed)
        self._on_product_changed()

    def _on_product_changed(self) -> None:
        """The product's unit on the quantity, and its batches read on the task runner."""
        product = self.products.get(self.product.currentData())
        self.quantity.setSuffix(" " + unit_name(product.unit) if product else "")
        self._show_batches([])
        if product is None:
            return
        self._asked += 1
        asked, stock = self._asked, self._ctx.backend.stock
        self._ctx.runner.run(lambda: (asked, stock.batches(product.id)), self._on_batches_read)

    def _on_batches_read(self, read: tuple[int, list[HeldBatch]]) -> None:
        asked, batches = read
        if asked == self._asked:
            self._show_batches(batches)

    def _show_batches(self, batches: list[HeldBatch]) -> None:
        self.batches = batches
        self.batch.clear()
        self.batch.addItem(self.tr("Earliest expiry first"), None)
        for batch in batches:
            left = units_text(batch.on_hand, batch.unit)
            if batch.expires_on is None:
                label = self.tr("{code}, {left} left").format(code=batch.code or "—", left=left)
            else:
                label = self.tr("{code} expires {date}, {left} left").format(
                    code=batch.code or "—", date=batch.expires_on.isoformat(), left=left
                )
            self.batch.addItem(label, batch.batch_id)

    def _save(self) -> None:
        product_id = self.product.currentData()
        if product_id is None:
            return
        stock, actor = self._ctx.backend.stock, self._ctx.staff.id if self._ctx.staff else ""
        quantity, reason = self.quantity.value(), self.reason.currentText()
        batch_id = self.batch.currentData()
        self.run_save(
            lambda: stock.write_off(product_id, quantity, reason, actor, batch_id),
            received_changes,
        )
