"""Taking the money: split tender across cash, bank card, WeChat Pay and Alipay — and, for a
member, stored value, points and package-card sessions —, quick cash buttons, change shown
large. Completing saves the sale on the database worker; a discount
above the cashier's limit asks for a manager's PIN and tries again. Printing is the caller's
(the sale is saved first, whatever the printer does)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from salon_pos.domain.balances import CardExpired
from salon_pos.domain.business_day import business_day
from salon_pos.domain.errors import DiscountNeedsApproval, UserError, WrongManagerPin
from salon_pos.domain.money import format_money, format_yuan, parse_yuan
from salon_pos.domain.stock import ExpiredStockNeedsApproval
from salon_pos.domain.ticket import LineKind, Tender, TenderKind, settle
from salon_pos.services.checkout import CompletedSale, SaleLine, SaleRequest
from salon_pos.services.member_ledger import CardBalance, MemberBalances, SessionUse
from salon_pos.ui.context import UiContext
from salon_pos.ui.dialogs.manager_pin import ManagerPinDialog
from salon_pos.ui.models.tickets import TicketWords
from salon_pos.ui.widgets import MessageLine

TENDERS = (TenderKind.CASH, TenderKind.BANK_CARD, TenderKind.WECHAT, TenderKind.ALIPAY)
MEMBER_TENDERS = (TenderKind.STORED_VALUE, TenderKind.POINTS)
QUICK_CASH = (5_000, 10_000, 20_000, 50_000)  # fen: ¥50, ¥100, ¥200, ¥500


@dataclass(frozen=True)
class SaleDraft:
    """The ticket as rung up, ready to be paid."""

    lines: tuple[SaleLine, ...]
    due: int
    customer_id: str | None = None
    ticket_discount: int = 0
    rounding_off: int = 0
    line_nets: tuple[int, ...] = ()  # each line's share of what is due
    member: MemberBalances | None = None  # the customer's balances, when one is picked
    names: tuple[str, ...] = ()  # the lines' names, for the package-card choices
    points_per_yuan: int = 100
    redeemed_points: int = 0  # points lines redeemed with points take: not for the tender
    allowance: int = 0  # fen stored value may go beyond the balance: offline, by store rule
    parked_id: str | None = None  # the parked ticket (挂单) it pays: removed with the sale

    @property
    def points_left(self) -> int:
        """The points the points tender may use."""
        return max(0, self.member.points - self.redeemed_points) if self.member else 0

    def session_choices(self, today: date) -> list[tuple[int, CardBalance, int]]:
        """(position, card, sessions) a package card could pay: each service line a card
        covers with sessions enough for its units, the first such card — one still valid on
        `today` (the business day) first, else an expired one (a manager's PIN lets it pay)."""
        if self.member is None:
            return []
        choices = []
        left = {card.id: card.left for card in self.member.cards}
        for position, line in enumerate(self.lines, start=1):
            if line.kind is not LineKind.SERVICE or self._free(position):
                continue
            covering = [
                c
                for c in self.member.cards
                if line.item_id in c.service_ids and left[c.id] >= line.quantity
            ]
            card = next(
                (c for c in covering if not c.expired(today)),
                covering[0] if covering else None,
            )
            if card is not None:
                left[card.id] -= line.quantity
                choices.append((position, card, line.quantity))
        return choices

    def _free(self, position: int) -> bool:
        """A line the customer pays nothing for (a birthday gift): nothing to pay it with."""
        return bool(self.line_nets) and self.line_nets[position - 1] == 0

    def session_value(self, position: int) -> int:
        return self.line_nets[position - 1] if self.line_nets else 0


class SaleCheckout(Protocol):
    """What the dialog needs of the checkout: CheckoutService, or a stand-in in a test."""

    def complete_sale(self, request: SaleRequest) -> CompletedSale: ...


class PaymentDialog(QDialog):
    completed = Signal(object)  # CompletedSale

    def __init__(
        self,
        ctx: UiContext,
        draft: SaleDraft,
        checkout: SaleCheckout,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("paymentDialog")
        self.setWindowTitle(self.tr("Payment"))
        self._ctx = ctx
        self._checkout = checkout
        self.draft = draft
        self._approval: ManagerPinDialog | None = None
        # Who takes the money is fixed when the dialog opens, not when the save comes back.
        self._cashier_id = ctx.staff.id if ctx.staff is not None else None
        self.saving = False  # a sale is on its way to the database: it cannot be cancelled
        self.fields: dict[TenderKind, QLineEdit] = {}
        member = draft.member
        held = {
            TenderKind.STORED_VALUE: member.stored_value.total + draft.allowance if member else 0,
            TenderKind.POINTS: draft.points_left,
        }
        self.kinds: tuple[TenderKind, ...] = (
            *(kind for kind in MEMBER_TENDERS if held[kind] > 0),
            *TENDERS,
        )
        self.sessions: dict[int, tuple[QCheckBox, str, int]] = {}
        settings = ctx.backend.settings.current
        today = business_day(ctx.backend.clock.now(), settings.time_zone, settings.cutover_hour)
        for position, card, units in draft.session_choices(today):
            box = QCheckBox(
                self.tr("Package card “{card}” pays {item} ({left} sessions left)").format(
                    card=card.name, item=draft.names[position - 1], left=card.left
                )
                if not card.expired(today)
                else self.tr(
                    "Package card “{card}” pays {item} ({left} sessions left; expired {date}: "
                    "a manager's PIN is needed)"
                ).format(
                    card=card.name,
                    item=draft.names[position - 1],
                    left=card.left,
                    date=card.expires_on,
                )
            )
            box.setObjectName(f"session_{position}")
            box.toggled.connect(self._recalculate)
            self.sessions[position] = (box, card.id, units)
        self.due = QLabel(self.tr("Due {amount}").format(amount=format_money(draft.due)))
        self.due.setObjectName("amountDue")
        self.rounding = QLabel(
            self.tr("Small change let go: {amount}").format(amount=format_money(draft.rounding_off))
        )
        self.rounding.setObjectName("roundingOff")
        self.rounding.setVisible(draft.rounding_off > 0)
        self.remaining = QLabel()
        self.remaining.setObjectName("remainingDue")
        self.change = QLabel()
        self.change.setObjectName("changeLabel")
        self.message = MessageLine()
        self.cancel = QPushButton(self.tr("Cancel  Esc"))
        self.cancel.setObjectName("cancelPayment")
        self.cancel.setAutoDefault(False)
        self.cancel.clicked.connect(self.reject)
        self.complete_button = QPushButton(self.tr("Complete sale  Enter"))
        self.complete_button.setObjectName("completeSale")
        self.complete_button.setProperty("role", "primary")
        self.complete_button.setMinimumHeight(52)
        self.complete_button.setDefault(True)
        self.complete_button.clicked.connect(lambda: self.complete())
        self._lay_out()
        self.setMinimumWidth(560)
        self._recalculate()
        self.fields[TenderKind.CASH].setFocus()

    def tender_name(self, kind: TenderKind) -> str:
        return TicketWords(self).tender(kind)

    def member_tender_name(self, kind: TenderKind) -> str:
        member = self.draft.member
        if member is None or kind not in MEMBER_TENDERS:
            return self.tender_name(kind)
        if kind is TenderKind.STORED_VALUE and self.draft.allowance:
            return self.tr("Stored value ({balance}; offline, up to {more} more)").format(
                balance=format_money(member.stored_value.total),
                more=format_money(self.draft.allowance),
            )
        if kind is TenderKind.STORED_VALUE:
            return self.tr("Stored value ({balance})").format(
                balance=format_money(member.stored_value.total)
            )
        worth = self.draft.points_left * 100 // max(self.draft.points_per_yuan, 1)
        return self.tr("Points ({points}, worth {amount})").format(
            points=self.draft.points_left, amount=format_money(worth)
        )

    def _lay_out(self) -> None:
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        for row, kind in enumerate(self.kinds):
            rest = QPushButton(self.member_tender_name(kind))
            rest.setObjectName(f"payRest_{kind.value}")
            rest.setProperty("role", "tender")
            rest.setProperty("tender", kind.value)
            rest.setAutoDefault(False)
            rest.setToolTip(self.tr("Pay what is still due this way"))
            rest.clicked.connect(lambda _=False, k=kind: self.pay_rest(k))
            field = QLineEdit()
            field.setObjectName(f"tender_{kind.value}")
            field.setPlaceholderText("0.00")
            field.setAlignment(Qt.AlignmentFlag.AlignRight)
            field.textChanged.connect(self._recalculate)
            self.fields[kind] = field
            grid.addWidget(rest, row, 0)
            grid.addWidget(field, row, 1)
        grid.setColumnStretch(1, 1)
        quick = QHBoxLayout()
        for name, text in [("exact", self.tr("Exact"))] + [
            (str(fen // 100), format_money(fen)) for fen in QUICK_CASH
        ]:
            button = QPushButton(text)
            button.setObjectName(f"quickCash_{name}")
            button.setProperty("role", "quickCash")
            button.setAutoDefault(False)
            amount = None if name == "exact" else int(name) * 100
            button.clicked.connect(lambda _=False, fen=amount: self.quick_cash(fen))
            quick.addWidget(button)
        sums = QHBoxLayout()
        sums.addWidget(self.remaining, 1)
        sums.addWidget(self.change, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.cancel)
        actions.addWidget(self.complete_button, 1)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(self.due)
        layout.addWidget(self.rounding)
        for box, _, _ in self.sessions.values():
            layout.addWidget(box)
        layout.addLayout(grid)
        layout.addWidget(QLabel(self.tr("Cash received")))
        layout.addLayout(quick)
        layout.addLayout(sums)
        layout.addWidget(self.message)
        layout.addLayout(actions)

    # Amounts

    def set_tender(self, kind: TenderKind, fen: int | None) -> None:
        self.fields[kind].setText(format_yuan(fen) if fen else "")

    def tenders(self) -> list[Tender]:
        """What the customer handed over; UserError if an amount cannot be read."""
        entered = [(kind, self.fields[kind].text().strip()) for kind in self.kinds]
        return [Tender(kind, parse_yuan(text)) for kind, text in entered if text]

    def session_uses(self) -> list[SessionUse]:
        """The service lines the cashier chose to pay with a package card's sessions."""
        return [
            SessionUse(position, card_id, units)
            for position, (box, card_id, units) in self.sessions.items()
            if box.isChecked()
        ]

    def by_sessions(self) -> int:
        return sum(self.draft.session_value(use.position) for use in self.session_uses())

    def _still_due(self, without: TenderKind) -> int:
        paid = sum(t.amount for t in self.tenders() if t.kind is not without)
        return max(0, self.draft.due - self.by_sessions() - paid)

    def most_by(self, kind: TenderKind) -> int | None:
        """The most a member's tender can pay (None: no limit here)."""
        member = self.draft.member
        if member is None or kind not in MEMBER_TENDERS:
            return None
        if kind is TenderKind.STORED_VALUE:
            return max(member.stored_value.total + self.draft.allowance, 0)
        rate = max(self.draft.points_per_yuan, 1)
        worth = self.draft.points_left * 100 // rate
        while worth > 0 and worth * rate % 100:  # whole points only
            worth -= 1
        return worth

    def pay_rest(self, kind: TenderKind) -> None:
        try:
            most = self.most_by(kind)
            rest = self._still_due(kind)
            self.set_tender(kind, rest if most is None else min(rest, most))
        except UserError as error:
            self.message.show_error(self._ctx.message(error))

    def quick_cash(self, fen: int | None) -> None:
        if fen is None:
            self.pay_rest(TenderKind.CASH)
        else:
            self.set_tender(TenderKind.CASH, fen)

    def _recalculate(self) -> None:
        self.complete_button.setEnabled(False)
        self.change.setText(self.tr("Change {amount}").format(amount=format_money(0)))
        try:
            tenders = self.tenders()
        except UserError as error:
            self.message.show_error(self._ctx.message(error))
            return
        by_sessions = self.by_sessions()
        paid = sum(t.amount for t in tenders) + by_sessions
        missing = self.draft.due - paid
        self.remaining.setText(
            self.tr("Still due {amount}").format(amount=format_money(max(0, missing)))
            if missing > 0
            else self.tr("Paid in full")
        )
        self.remaining.setProperty("kind", "short" if missing > 0 else "covered")
        self.remaining.style().unpolish(self.remaining)
        self.remaining.style().polish(self.remaining)
        self.message.hide()
        if missing > 0:
            return
        if by_sessions:
            tenders = [*tenders, Tender(TenderKind.PACKAGE_SESSION, by_sessions)]
        try:
            settlement = settle(self.draft.due, tenders)
        except UserError as error:
            self.message.show_error(self._ctx.message(error))
            return
        self.change.setText(
            self.tr("Change {amount}").format(amount=format_money(settlement.change))
        )
        self.complete_button.setEnabled(True)

    # Completing

    def request(self, tenders: Sequence[Tender], approver_pin: str | None = None) -> SaleRequest:
        assert self._cashier_id is not None, "the payment dialog opens only for a signed-in cashier"
        return SaleRequest(
            cashier_id=self._cashier_id,
            lines=self.draft.lines,
            tenders=tuple(tenders),
            customer_id=self.draft.customer_id,
            ticket_discount=self.draft.ticket_discount,
            approver_pin=approver_pin,
            sessions=tuple(self.session_uses()),
            parked_id=self.draft.parked_id,
        )

    def complete(self, approver_pin: str | None = None) -> None:
        if not self.complete_button.isEnabled() and approver_pin is None:
            return
        try:
            request = self.request(self.tenders(), approver_pin or None)
        except UserError as error:
            self.message.show_error(self._ctx.message(error))
            return
        self.complete_button.setEnabled(False)
        self._set_saving(True)
        self.message.show_info(self.tr("Saving the sale…"))
        checkout = self._checkout
        self._ctx.runner.run(
            lambda: checkout.complete_sale(request), self._on_sale_done, self._on_sale_refused
        )

    def _set_saving(self, saving: bool) -> None:
        self.saving = saving
        self.cancel.setEnabled(not saving)

    def reject(self) -> None:
        """Esc, Cancel, closing, signing out: all refused while the sale is being saved, so a
        sale that reaches the database is never one the screen forgot."""
        if not self.saving:
            super().reject()

    def _on_sale_done(self, sale: CompletedSale) -> None:
        self._set_saving(False)
        self._ctx.announce(sale.changed)
        self.completed.emit(sale)
        self.accept()

    def _on_sale_refused(self, error: BaseException) -> None:
        self._set_saving(False)
        self.complete_button.setEnabled(True)
        if isinstance(
            error, DiscountNeedsApproval | WrongManagerPin | CardExpired | ExpiredStockNeedsApproval
        ):
            self.message.show_error(self._ctx.message(error))
            self._ask_approval(error)
        else:
            self.message.show_error(self._ctx.message(error))

    def _ask_approval(self, error: UserError) -> None:
        if self._approval is None:
            self._approval = ManagerPinDialog(self.tr("approve this sale"), self)
            self._approval.accepted.connect(lambda: self.complete(self._pin()))
        if isinstance(error, WrongManagerPin):
            self._approval.refuse(self._ctx.message(error))
        else:
            self._approval.explain.setText(self._ctx.message(error))
        self._approval.open()

    def _pin(self) -> str:
        return self._approval.pin if self._approval is not None else ""
