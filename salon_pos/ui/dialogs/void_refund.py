"""Choosing what to refund on a completed ticket: units per line (up to what is left), and how the
money goes back. The manager's PIN and the reason are asked next (ManagerPinDialog); the refund
itself is the checkout service's, which checks everything again inside its transaction."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from salon_pos.domain.money import format_money
from salon_pos.domain.ticket import TenderKind, refund_share
from salon_pos.services.tickets import TicketLineView, TicketView
from salon_pos.ui.models.tickets import TicketWords
from salon_pos.ui.widgets import MessageLine


def units_left(line: TicketLineView) -> int:
    return line.quantity - line.refunded_quantity


def line_refund(line: TicketLineView, units: int) -> tuple[int, bool]:
    """What `units` more units of the line pay back, and whether that is exact. Only the last
    units of a line refunded in parts before depend on what those parts paid, which the view
    does not carry; pro rata is then within a fen per earlier refund."""
    done = line.refunded_quantity
    estimate = done > 0 and done + units == line.quantity
    earlier = line.net_total * done // line.quantity
    return refund_share(line.net_total, line.quantity, done, earlier, units), not estimate


class RefundDialog(QDialog):
    def __init__(self, view: TicketView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("refundDialog")
        self.setWindowTitle(self.tr("Refund ticket {number}").format(number=view.summary.number))
        self.view = view
        self._words = TicketWords(self)
        self.spins: dict[str, QSpinBox] = {}
        self.tender = QComboBox()
        self.tender.setObjectName("refundTender")
        self.tender.addItem(self.tr("The way it was paid"), None)
        for kind in dict.fromkeys(p.kind for p in view.payments):
            self.tender.addItem(
                self.tr("All by {tender}").format(tender=self._words.tender(kind)), kind
            )
        self.preview = QLabel()
        self.preview.setObjectName("refundPreview")
        self.preview.setStyleSheet("font-size: 20px; font-weight: 600; color: #b3261e;")
        self.message = MessageLine()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton(self.tr("Refund…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("refundNext")
        self.ok.setProperty("role", "danger")
        buttons.accepted.connect(self._on_ok_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("How many of each to refund:")))
        layout.addLayout(self._line_grid())
        layout.addWidget(QLabel(self.tr("Money back:")))
        layout.addWidget(self.tender)
        layout.addWidget(self.preview)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self._on_quantities_changed()

    def _line_grid(self) -> QGridLayout:
        grid = QGridLayout()
        headers = (self.tr("Item"), self.tr("Technician"), self.tr("Left"), self.tr("To refund"))
        for column, text in enumerate(headers):
            grid.addWidget(QLabel(f"<b>{text}</b>"), 0, column)
        for row, line in enumerate(self.view.lines, start=1):
            spin = QSpinBox()
            spin.setObjectName(f"refundQuantity_{line.position}")
            spin.setRange(0, units_left(line))
            spin.setEnabled(units_left(line) > 0)
            spin.setMinimumWidth(80)
            spin.valueChanged.connect(self._on_quantities_changed)
            self.spins[line.id] = spin
            grid.addWidget(QLabel(line.name), row, 0)
            grid.addWidget(QLabel(line.technician or "—"), row, 1)
            grid.addWidget(QLabel(str(units_left(line))), row, 2)
            grid.addWidget(spin, row, 3)
        grid.setColumnStretch(0, 1)
        return grid

    def quantities(self) -> dict[str, int]:
        """Ticket line id → units to refund, only the lines chosen."""
        return {line_id: spin.value() for line_id, spin in self.spins.items() if spin.value()}

    def tender_kind(self) -> TenderKind | None:
        kind = self.tender.currentData()
        return TenderKind(kind) if kind else None

    def amount(self) -> tuple[int, bool]:
        """The money to go back and whether it is exact (see line_refund)."""
        chosen = self.quantities()
        parts = [
            line_refund(line, chosen[line.id]) for line in self.view.lines if line.id in chosen
        ]
        return sum(fen for fen, _ in parts), all(exact for _, exact in parts)

    def _on_quantities_changed(self) -> None:
        fen, exact = self.amount()
        text = format_money(fen) if exact else f"≈ {format_money(fen)}"
        self.preview.setText(self.tr("Refund amount: {amount}").format(amount=text))
        self.ok.setEnabled(fen > 0 or bool(self.quantities()))

    def _on_ok_clicked(self) -> None:
        if not self.quantities():
            self.message.show_error(self.tr("Choose at least one unit to refund."))
            return
        self.message.hide()
        self.accept()

    def refuse(self, message: str) -> None:
        """Show why the refund was refused; the choices are kept (call before open() again)."""
        self.message.show_error(message)
