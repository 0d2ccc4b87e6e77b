"""The ticket being rung up: its lines, the selected line's quantity, technician (or seller)
and discount, 点钟 and technicians' shares, the ticket discount, and the totals (always
visible, priced by the domain's rules)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from salon_pos.domain.errors import UserError
from salon_pos.domain.money import format_money, format_yuan, parse_yuan
from salon_pos.domain.ticket import (
    LineKind,
    RoundingRule,
    TicketTotals,
    TotalsStep,
    price_ticket,
)
from salon_pos.services.staff import StaffMember
from salon_pos.ui.context import UiContext
from salon_pos.ui.dialogs.line_split import LineSplitDialog
from salon_pos.ui.models.ticket_lines import NAME, TicketLineRow, TicketLinesModel
from salon_pos.ui.widgets import HintedField, button, row_table


class TicketPanel(QWidget):
    refused = Signal(object)  # a UserError to show
    totals_changed = Signal()

    def __init__(self, ctx: UiContext | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx  # for the split dialog's messages
        self.rounding = RoundingRule.NONE
        self.ticket_discount = 0
        self.staff: Sequence[StaffMember] = ()
        self._filling = False
        self.model = TicketLinesModel(self)
        self.model.lines_changed.connect(self._on_model_lines_changed)
        self.model.input_refused.connect(self.refused.emit)
        self.table = self._table()
        self.minus = button("−", "quantityMinus")
        self.plus = button("+", "quantityPlus")
        self.minus.clicked.connect(lambda: self._step_quantity(-1))
        self.plus.clicked.connect(lambda: self._step_quantity(1))
        self.technician = QComboBox()
        self.technician.setObjectName("technicianPicker")
        self.technician.setMinimumWidth(130)
        self.technician.setPlaceholderText(self.tr("Technician"))
        self.technician.currentIndexChanged.connect(self._on_technician_current_index_changed)
        self.line_discount = self._money_field("lineDiscount", self.tr("Line ¥ off"))
        self.line_discount.editingFinished.connect(self._on_line_discount_entered)
        self.member_picked = False  # a line may be redeemed with points only for a member
        self.redeem = button(self.tr("Points"), "redeemPoints")
        self.redeem.setCheckable(True)
        self.redeem.setToolTip(self.tr("Pay this line with the customer's points"))
        self.redeem.toggled.connect(self._on_redeem_toggled)
        self.requested = button(self.tr("Requested"), "requestedLine")  # 点钟
        self.requested.setCheckable(True)
        self.requested.setToolTip(self.tr("The customer asked for this technician by name"))
        self.requested.toggled.connect(self._on_requested_toggled)
        self.split = button(self.tr("Shared…"), "splitLine")  # 多人合作
        self.split.setToolTip(self.tr("Share this service between several technicians"))
        self.split.clicked.connect(self._on_split_clicked)
        self.split_dialog: LineSplitDialog | None = None
        self.remove = button(self.tr("Remove  Del"), "removeLine")
        self.remove.setShortcut("Delete")
        self.remove.setProperty("role", "danger")
        self.remove.clicked.connect(self.remove_selected)
        self.discount = self._money_field("ticketDiscount", self.tr("¥ off"))
        self.discount.editingFinished.connect(self._on_ticket_discount_entered)
        self.detail = QLabel()
        self.detail.setObjectName("totalDetail")
        self.detail.setWordWrap(True)  # a long English line wraps instead of widening the page
        self.total = QLabel()
        self.total.setObjectName("totalLabel")
        self._lay_out()
        self._on_model_lines_changed()

    def _table(self) -> QTableView:
        table = row_table("ticketLines", self.model)
        table.setEditTriggers(  # the quantity is edited in place
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        table.verticalHeader().setDefaultSectionSize(40)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(56)
        table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        return table

    def _money_field(self, name: str, placeholder: str) -> QLineEdit:
        field = HintedField()
        field.setObjectName(name)
        field.setPlaceholderText(placeholder)
        return field

    def _lay_out(self) -> None:
        line = QHBoxLayout()
        line.addWidget(self.minus)
        line.addWidget(self.plus)
        line.addWidget(self.technician, 1)
        line.addWidget(self.line_discount)
        line.addWidget(self.remove)
        sums = QGridLayout()
        sums.addWidget(QLabel(self.tr("Ticket discount")), 0, 0)
        sums.addWidget(self.discount, 0, 1)
        sums.addWidget(self.total, 0, 2)
        line_more = QHBoxLayout()  # the selected line's own (under the line's row: at 1024 px
        line_more.addWidget(self.redeem)  # that row has no room left)
        line_more.addWidget(self.requested)
        line_more.addWidget(self.split)
        line_more.addStretch()
        sums.addLayout(line_more, 1, 0, 1, 3)
        sums.addWidget(self.detail, 2, 0, 1, 3)
        sums.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(line)
        layout.addLayout(sums)

    # The ticket

    def add(self, row: TicketLineRow) -> None:
        position = self.model.add(row)
        self.select(position)

    def select(self, position: int) -> None:
        self.table.selectionModel().setCurrentIndex(
            self.model.index(position, NAME),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(self.model.index(position, NAME))

    def selected(self) -> int | None:
        index = self.table.selectionModel().currentIndex()
        return index.row() if index.isValid() and index.row() < self.model.rowCount() else None

    def set_ticket_discount(self, discount: int) -> None:
        """A ticket discount the lines are checked against when they next change (a ticket
        taken up again): one no longer possible is dropped with the domain's message."""
        self.ticket_discount = discount
        self.discount.setText(format_yuan(discount) if discount else "")

    def clear(self) -> None:
        self.ticket_discount = 0
        self.discount.clear()
        self.model.reset()

    def remove_selected(self) -> None:
        position = self.selected()
        if position is not None:
            self.model.remove(position)
            if self.model.rowCount():
                self.select(min(position, self.model.rowCount() - 1))

    def totals(self) -> TicketTotals | None:
        """The ticket priced with the store's rounding; None while it has no lines."""
        lines = [row.priced() for row in self.model.rows()]
        return price_ticket(lines, self.ticket_discount, self.rounding) if lines else None

    def technicians_for(self, row: TicketLineRow) -> list[StaffMember]:
        return [s for s in self.staff if s.skills and (not row.skill or row.skill in s.skills)]

    # Reactions

    def _on_model_lines_changed(self) -> None:
        try:
            totals = self.totals()
        except UserError as error:
            self.refused.emit(error)
            self.ticket_discount = 0
            self.discount.clear()
            totals = self.totals()
        due = totals.total if totals else 0
        self.total.setText(self.tr("Due {amount}").format(amount=format_money(due)))
        self.detail.setText(self._detail(totals))
        self._show_selected()
        self.totals_changed.emit()

    def _detail(self, totals: TicketTotals | None) -> str:
        if totals is None:
            return self.tr("No items yet: tap a service or scan a product")
        gross = dict(totals.steps())[TotalsStep.SUBTOTAL]  # before any discount
        parts = [self.tr("Subtotal {amount}").format(amount=format_money(gross))]
        cut = totals.line_discounts + totals.ticket_discount
        if cut:
            parts.append(self.tr("Discounts {amount}").format(amount=format_money(-cut)))
        if totals.rounding_off:
            parts.append(
                self.tr("Rounding {amount}").format(amount=format_money(-totals.rounding_off))
            )
        count = sum(row.quantity for row in self.model.rows())
        parts.append(self.tr("{count} items").format(count=count))
        return "  ·  ".join(parts)

    def _show_selected(self) -> None:
        position = self.selected()
        row = self.model.rows()[position] if position is not None else None
        for widget in (self.minus, self.plus, self.line_discount, self.remove):
            widget.setEnabled(row is not None)
        self.minus.setEnabled(row is not None and row.quantity > 1)
        self._filling = True
        self.technician.clear()
        if row is not None and row.kind is LineKind.SERVICE:
            self.technician.addItem(self.tr("Choose technician…"), None)
            for member in self.technicians_for(row):
                self.technician.addItem(member.name, member.id)
        elif row is not None:  # a product, top-up or card: who sold it, for their commission
            self.technician.addItem(self.tr("No seller"), None)
            for member in self.staff:
                self.technician.addItem(member.name, member.id)
        if row is not None:
            self.technician.setCurrentIndex(max(0, self.technician.findData(row.technician_id)))
        self.technician.setEnabled(row is not None)
        service = row is not None and row.kind is LineKind.SERVICE
        self.requested.setEnabled(service)
        self.requested.setChecked(service and row is not None and row.requested)
        self.split.setEnabled(service)
        self._filling = False
        discount = row.line_discount if row else 0
        self.line_discount.setText(format_yuan(discount) if discount else "")
        redeemable = row is not None and row.points_price > 0 and self.member_picked
        self.redeem.setEnabled(redeemable)
        self.redeem.blockSignals(True)
        self.redeem.setChecked(row is not None and row.redeem_points)
        self.redeem.blockSignals(False)
        if row is not None and row.points_price:
            self.redeem.setToolTip(
                self.tr("Pay this line with {points} points a unit").format(points=row.points_price)
            )

    def set_member_picked(self, picked: bool) -> None:
        """A customer was picked (or none): lines redeemed for the last one's points are paid
        with money again."""
        self.member_picked = picked
        self.model.clear_redemptions()
        self._show_selected()

    def _on_requested_toggled(self, checked: bool) -> None:
        position = self.selected()
        if self._filling or position is None:
            return
        if self.model.rows()[position].requested != checked:
            self.model.set_requested(position, checked)

    def _on_split_clicked(self) -> None:
        position = self.selected()
        if position is None or self.ctx is None:
            return
        row = self.model.rows()[position]
        dialog = LineSplitDialog(self.ctx, row, self.technicians_for(row), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._on_split_accepted(dialog, row))
        dialog.finished.connect(lambda _result: self._forget_split(dialog))
        self.split_dialog = dialog
        dialog.open()

    def _on_split_accepted(self, dialog: LineSplitDialog, row: TicketLineRow) -> None:
        rows = self.model.rows()
        if row not in rows:  # the ticket changed while the dialog was open
            return
        self.model.set_shares(rows.index(row), dialog.technician(), dialog.shares())

    def _forget_split(self, dialog: LineSplitDialog) -> None:
        if self.split_dialog is dialog:
            self.split_dialog = None

    def _on_redeem_toggled(self, checked: bool) -> None:
        position = self.selected()
        if position is not None:
            self.model.set_redeemed(position, checked)

    def _step_quantity(self, step: int) -> None:
        position = self.selected()
        if position is not None:
            row = self.model.rows()[position]
            try:
                self.model.set_quantity(position, row.quantity + step)
            except UserError as error:
                self.refused.emit(error)

    def _on_technician_current_index_changed(self, index: int) -> None:
        position = self.selected()
        if self._filling or position is None or index < 0:
            return
        staff_id = self.technician.itemData(index)
        name = self.technician.itemText(index) if staff_id else ""
        self.model.set_technician(position, staff_id, name)

    def _on_line_discount_entered(self) -> None:
        position = self.selected()
        if position is None:
            return
        try:
            discount = parse_yuan(self.line_discount.text() or "0")
            row = self.model.rows()[position]
            replace(row.priced(), line_discount=discount).validate()
        except UserError as error:
            self.refused.emit(error)
            self._show_selected()
            return
        if discount != row.line_discount:
            self.model.set_discount(position, discount)

    def _on_ticket_discount_entered(self) -> None:
        try:
            discount = parse_yuan(self.discount.text() or "0")
            lines = [row.priced() for row in self.model.rows()]
            if lines:
                price_ticket(lines, discount, self.rounding)
        except UserError as error:
            self.refused.emit(error)
            self.discount.setText(format_yuan(self.ticket_discount) if self.ticket_discount else "")
            return
        if discount != self.ticket_discount:
            self.ticket_discount = discount
            self.discount.setText(format_yuan(discount) if discount else "")
            self._on_model_lines_changed()
