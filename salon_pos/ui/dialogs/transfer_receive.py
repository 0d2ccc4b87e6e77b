"""Receiving a transfer from another store (调拨收货): each line sent, with the units that
arrived (all of it to begin with) and the difference beside it, in red when short. The
difference is recorded, never hidden."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from salon_pos.domain.stock import MOST_QUANTITY
from salon_pos.services.transfers import TransferView
from salon_pos.ui.context import UiContext
from salon_pos.ui.dialogs.save_dialog import SaveDialog
from salon_pos.ui.dialogs.transfer_send import transfer_changes
from salon_pos.ui.models.stock import unit_name, units_text
from salon_pos.ui.models.stock_documents import signed_units


class ReceiveTransferDialog(SaveDialog):
    def __init__(
        self,
        ctx: UiContext,
        transfer: TransferView,
        names: dict[str, tuple[str, str]],  # product → (name, unit)
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, "transferReceiveForm", parent)
        self.transfer = transfer
        self.setWindowTitle(
            self.tr("Receive transfer {number} from {store}").format(
                number=transfer.number, store=transfer.from_store
            )
        )
        grid = QGridLayout()
        for column, header in enumerate(
            (self.tr("Product"), self.tr("Sent"), self.tr("Arrived"), self.tr("Difference"))
        ):
            grid.addWidget(QLabel(header), 0, column)
        self.arrived: list[QSpinBox] = []
        self.differences: list[QLabel] = []
        for i, line in enumerate(transfer.lines):
            name, unit = names.get(str(line["product_id"]), (str(line["product_id"]), "piece"))
            sent = int(line["quantity"])
            field = QSpinBox()
            field.setObjectName(f"transferArrived_{i}")
            field.setRange(0, MOST_QUANTITY)
            field.setValue(sent)
            field.setSuffix(" " + unit_name(unit))
            difference = QLabel()
            difference.setObjectName(f"transferDifference_{i}")
            field.valueChanged.connect(
                lambda came, d=difference, s=sent, u=unit: self._show_difference(d, came - s, u)
            )
            self._show_difference(difference, 0, unit)
            grid.addWidget(QLabel(name), i + 1, 0)
            grid.addWidget(QLabel(units_text(sent, unit)), i + 1, 1)
            grid.addWidget(field, i + 1, 2)
            grid.addWidget(difference, i + 1, 3)
            self.arrived.append(field)
            self.differences.append(difference)
        grid.setColumnStretch(0, 1)
        self.note = QLineEdit()
        self.note.setObjectName("transferReceiveNote")
        self.note.setPlaceholderText(self.tr("Note (optional)"))
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.note)
        layout.addStretch()
        self.finish_layout(layout)
        self.setMinimumWidth(560)

    def _show_difference(self, label: QLabel, units: int, unit: str) -> None:
        label.setText(signed_units(units, unit) if units else self.tr("None"))
        label.setProperty("role", "warning" if units < 0 else "muted")
        label.style().unpolish(label)
        label.style().polish(label)

    def _save(self) -> None:
        came = {i: field.value() for i, field in enumerate(self.arrived)}
        transfers, transfer_id = self._ctx.backend.transfers, self.transfer.id
        staff, note = self._ctx.staff.id if self._ctx.staff else "", self.note.text()
        self.run_save(lambda: transfers.receive(transfer_id, came, staff, note), transfer_changes)
