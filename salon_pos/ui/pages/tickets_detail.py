"""One ticket in full on the tickets screen: its lines with their technicians and refunds, how it
was paid, the totals down to the rounding and the change, and why it was voided."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedLayout,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from salon_pos.domain.money import format_money
from salon_pos.domain.ticket import TotalsStep, totals_steps
from salon_pos.services.receipts import masked_phone
from salon_pos.services.tickets import TicketView
from salon_pos.ui.models.tickets import TicketLineModel, TicketWords, status_colour
from salon_pos.ui.widgets import row_table

TITLE_STYLE = "font-size: 20px; font-weight: 600; color: #3d2c3e;"
STATUS_STYLE = "font-size: 15px; font-weight: 600; padding: 2px 10px; border-radius: 10px;"


class TicketDetail(QWidget):
    def __init__(self, time_zone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ticketDetail")
        self.time_zone = time_zone
        self.view: TicketView | None = None
        self._words = TicketWords(self)
        self.empty = QLabel(self.tr("Choose a ticket to see its lines and payments."))
        self.empty.setObjectName("ticketDetailEmpty")
        self.empty.setProperty("role", "muted")
        self.number = QLabel()
        self.number.setObjectName("ticketDetailNumber")
        self.number.setStyleSheet(TITLE_STYLE)
        self.status = QLabel()
        self.status.setObjectName("ticketDetailStatus")
        self.when = QLabel()
        self.when.setObjectName("ticketDetailTime")
        self.when.setProperty("role", "muted")
        self.facts = QLabel()
        self.facts.setObjectName("ticketDetailFacts")
        self.facts.setProperty("role", "muted")
        self.facts.setWordWrap(True)
        self.lines = TicketLineModel(self)
        self.table = self._lines_table()
        self.payments = QFormLayout()
        self.totals = QFormLayout()
        self.void_reason = QLabel()
        self.void_reason.setObjectName("ticketVoidReason")
        self.void_reason.setWordWrap(True)
        self.void_reason.setProperty("kind", "error")
        self.void_reason.setStyleSheet("color: #b3261e;")
        self._stack = QStackedLayout(self)
        self._stack.addWidget(self._centred(self.empty))
        self._stack.addWidget(self._filled())

    def _lines_table(self) -> QTableView:
        table = row_table("ticketLines", self.lines)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setShowGrid(False)
        table.setStyleSheet("QTableView, QHeaderView { font-size: 14px; }")  # as the list
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TicketLineModel.ITEM, QHeaderView.ResizeMode.Stretch)
        return table

    @staticmethod
    def _centred(label: QLabel) -> QWidget:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.addStretch()
        layout.addWidget(label)
        layout.addStretch()
        return holder

    def _filled(self) -> QWidget:
        heading = QHBoxLayout()
        heading.addWidget(self.number)
        heading.addWidget(self.status)
        heading.addStretch()
        heading.addWidget(self.when)
        money = QHBoxLayout()
        money.addLayout(self.payments, 1)
        money.addSpacing(24)
        money.addLayout(self.totals, 1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(heading)
        layout.addWidget(self.facts)
        layout.addWidget(self.table, 1)
        layout.addLayout(money)
        layout.addWidget(self.void_reason)
        return page

    def show_ticket(self, view: TicketView | None) -> None:
        self.view = view
        self._stack.setCurrentIndex(0 if view is None else 1)
        if view is None:
            self.lines.set_rows([])
            return
        summary = view.summary
        self.number.setText(summary.number)
        self.status.setText(self._words.status(summary))
        colour = status_colour(summary)
        fill = colour.name() if colour else "#2e7d32"
        self.status.setStyleSheet(f"{STATUS_STYLE} color: white; background: {fill};")
        when = summary.completed_at
        zone = ZoneInfo(self.time_zone)
        self.when.setText(when.astimezone(zone).strftime("%Y-%m-%d %H:%M") if when else "")
        self.facts.setText(self._facts(view))
        self.lines.set_rows(view.lines)
        discounts = any(line.line_discount for line in view.lines)
        refunds = any(line.refunded_quantity for line in view.lines)
        self.table.setColumnHidden(TicketLineModel.DISCOUNT, not discounts)
        self.table.setColumnHidden(TicketLineModel.REFUNDED, not refunds)
        self._show_payments(view)
        self._show_totals(view)
        self.void_reason.setText(self.tr("Void reason: {reason}").format(reason=view.void_reason))
        self.void_reason.setVisible(bool(view.void_reason))

    def _facts(self, view: TicketView) -> str:
        summary = view.summary
        customer = summary.customer or self._words.walk_in()
        if summary.customer_phone:
            customer = f"{customer} {masked_phone(summary.customer_phone)}"
        return self.tr("Customer: {customer} · Cashier: {cashier}").format(
            customer=customer, cashier=summary.cashier
        )

    def _show_payments(self, view: TicketView) -> None:
        _clear(self.payments)
        for payment in view.payments:
            self.payments.addRow(self._words.tender(payment.kind), _amount(payment.tendered))
        if not view.payments:
            self.payments.addRow(self.tr("Payments"), QLabel(self.tr("None (free ticket)")))

    def _show_totals(self, view: TicketView) -> None:
        _clear(self.totals)
        steps = totals_steps(
            subtotal=view.subtotal,
            line_discounts=view.line_discounts,
            ticket_discount=view.ticket_discount,
            rounding_off=view.rounding_off,
            total=view.summary.total,
        )
        for step, fen in steps:
            self.totals.addRow(self._step_label(step), _amount(fen, bold=step is TotalsStep.TOTAL))
        self.totals.addRow(self.tr("Tendered"), _amount(view.tendered))
        self.totals.addRow(self.tr("Change"), _amount(view.change))
        if view.summary.refunded:
            self.totals.addRow(self.tr("Refunded"), _amount(-view.summary.refunded))

    def _step_label(self, step: TotalsStep) -> str:
        return {
            TotalsStep.SUBTOTAL: self.tr("Subtotal"),
            TotalsStep.LINE_DISCOUNTS: self.tr("Line discounts"),
            TotalsStep.TICKET_DISCOUNT: self.tr("Ticket discount"),
            TotalsStep.ROUNDING_OFF: self.tr("Rounding off"),
            TotalsStep.TOTAL: self.tr("Total"),
        }[step]


def _amount(fen: int, bold: bool = False) -> QLabel:
    label = QLabel(format_money(fen))
    label.setObjectName("ticketAmount")
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if bold:
        label.setStyleSheet("font-weight: 600; font-size: 17px;")
    return label


def _clear(form: QFormLayout) -> None:
    while form.rowCount():
        form.removeRow(0)
