"""What a picked customer holds — stored value (principal and bonus), points, package cards and
their sessions left — and the two ways to sell them more: a top-up and a package card. Hidden
for a walk-in. Balances are a short read, done when the customer is picked."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from salon_pos.domain.money import format_money
from salon_pos.domain.ticket import LineKind
from salon_pos.services.member_ledger import MemberBalances
from salon_pos.ui.context import UiContext
from salon_pos.ui.dialogs.member_lines import CardSaleDialog, TopUpDialog
from salon_pos.ui.models.ticket_lines import TicketLineRow


class MemberStrip(QWidget):
    line_wanted = Signal(object)  # TicketLineRow: a top-up or a package card

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.balances: MemberBalances | None = None
        self.tier = ""  # the tier's name, as this counter works it out
        self.summary = QLabel()
        self.summary.setObjectName("memberBalances")
        self.summary.setWordWrap(True)
        self.top_up = QPushButton(self.tr("Top up"))
        self.top_up.setObjectName("topUpButton")
        self.top_up.clicked.connect(self.open_top_up)
        self.sell_card = QPushButton(self.tr("Sell card"))
        self.sell_card.setObjectName("sellCardButton")
        self.sell_card.clicked.connect(self.open_card_sale)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.top_up)
        layout.addWidget(self.sell_card)
        self.show_for(None)

    def show_for(self, customer_id: str | None) -> None:
        members = self._ctx.backend.members
        self.balances = members.balances(customer_id) if customer_id else None
        tier = members.standing(customer_id).tier if customer_id else None
        self.tier = tier.name if tier else ""
        self.setVisible(self.balances is not None)
        if self.balances is not None:
            self.summary.setText(self.describe(self.balances))

    def describe(self, held: MemberBalances) -> str:
        parts = [self.tier] if self.tier else []
        if held.principal or held.bonus:
            parts.append(
                self.tr("Stored value {total} (paid in {principal}, bonus {bonus})").format(
                    total=format_money(held.stored_value.total),
                    principal=format_money(held.principal),
                    bonus=format_money(held.bonus),
                )
            )
        if held.points:
            parts.append(self.tr("{points} points").format(points=held.points))
        parts += [
            self.tr("{card}: {left} left").format(card=card.name, left=card.left)
            for card in held.cards
            if card.left > 0
        ]
        if len(parts) == (1 if self.tier else 0):
            parts.append(self.tr("No stored value, points or package cards yet"))
        return " · ".join(parts)

    def open_top_up(self) -> TopUpDialog:
        dialog = TopUpDialog(self._ctx, self)
        dialog.accepted.connect(lambda: self._add_top_up(dialog.paid))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _add_top_up(self, paid: int) -> None:
        if self.balances is None:
            return
        name = self.tr("Stored value top-up")
        row = TicketLineRow(LineKind.STORED_VALUE, self.balances.customer_id, name, paid)
        self.line_wanted.emit(row)

    def open_card_sale(self) -> CardSaleDialog:
        dialog = CardSaleDialog(self._ctx, self)
        dialog.accepted.connect(lambda: self._add_card(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _add_card(self, dialog: CardSaleDialog) -> None:
        if dialog.plan is not None:
            plan = dialog.plan
            self.line_wanted.emit(TicketLineRow(LineKind.PACKAGE, plan.id, plan.name, plan.price))
