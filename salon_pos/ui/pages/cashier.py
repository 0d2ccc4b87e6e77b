"""The cashier screen (收银): the catalog on the left; on the right, who the ticket is for, its
lines and totals, and the actions. A barcode scanner works whatever has the focus. Paying opens
the payment dialog; the receipt prints after the sale is saved, on the device pool."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial

from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from salon_pos.domain.errors import EmptyTicket, UserError
from salon_pos.domain.money import format_money
from salon_pos.domain.ticket import LineKind, TenderKind
from salon_pos.domain.ticket_draft import TicketDraft
from salon_pos.services.catalog import ProductOffer, ServiceOffer
from salon_pos.services.changes import SETTINGS, Changes
from salon_pos.services.checkout import CompletedSale, SaleLine
from salon_pos.services.customers import CustomerProfile
from salon_pos.services.parked_tickets import ResumedTicket
from salon_pos.services.patch_tests import PatchTestWaiver
from salon_pos.services.receipts import PrintOutcome
from salon_pos.ui.context import UiContext
from salon_pos.ui.dialogs.payment import PaymentDialog, SaleDraft
from salon_pos.ui.models.stock import units_text
from salon_pos.ui.models.ticket_lines import TicketLineRow
from salon_pos.ui.pages.cashier_catalog import CatalogPanel
from salon_pos.ui.pages.cashier_customer import CustomerPanel
from salon_pos.ui.pages.cashier_drawer import DrawerBar
from salon_pos.ui.pages.cashier_member import MemberStrip
from salon_pos.ui.pages.cashier_parked import ParkingButtons, draft_line, ticket_row
from salon_pos.ui.pages.cashier_patch_test import PatchTestGate
from salon_pos.ui.pages.cashier_ticket import TicketPanel
from salon_pos.ui.scanner import BarcodeScanner
from salon_pos.ui.widgets import MessageLine
from sync.operations.customers import CHANGE_CUSTOMER
from sync.operations.members import CHANGE_BALANCE_ENTRY, CHANGE_PACKAGE_CARD
from sync.operations.setup import CHANGE_CATALOG_ALIAS, CHANGE_CATALOG_ITEM, CHANGE_STAFF

RELOAD_ON = (CHANGE_CATALOG_ITEM, CHANGE_CATALOG_ALIAS, CHANGE_STAFF, SETTINGS)
# A pulled entry or card of the customer on the ticket shows in what they hold at once.
MEMBER_CHANGES = (CHANGE_BALANCE_ENTRY, CHANGE_PACKAGE_CARD)
CHANGE_STYLE = "font-size: 30px; font-weight: 700; color: #1b5e20;"


@dataclass(frozen=True)
class TicketInHand:
    lines: tuple[TicketLineRow, ...]
    customer: CustomerProfile | None
    ticket_discount: int = 0
    parked_id: str | None = None  # taken up from the parked tickets
    note: str = ""  # the parked ticket's note


class CashierPage(QWidget):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.setObjectName("cashierPage")
        self._ctx = ctx
        self.customer = CustomerPanel(ctx)
        self.member = MemberStrip(ctx)
        self.member.line_wanted.connect(self._add_row)
        self.customer.chosen.connect(self._on_customer_chosen)
        self.customer.chosen.connect(lambda _profile: self._on_customer_or_lines_changed())
        self.catalog = CatalogPanel(ctx.backend.catalog, ctx.runner)
        self.catalog.chosen.connect(self.add_item)
        self.ticket = TicketPanel(ctx)
        self.ticket.model.lines_changed.connect(self._on_customer_or_lines_changed)
        self.ticket.refused.connect(self.show_error)
        self.message = MessageLine()
        self.patch_test = PatchTestGate(ctx, self, self.message)
        self.patch_test.approved.connect(self._add_offer)
        self.patch_test.line_approved.connect(self.ticket.model.set_patch_test_waiver)
        self.change_due = QLabel()  # the last sale's change, large, until the next ticket starts
        self.change_due.setObjectName("changeDue")
        self.change_due.setStyleSheet(CHANGE_STYLE)
        self.change_due.hide()
        self.clear_button = QPushButton(self.tr("Clear  F8"))
        self.clear_button.setObjectName("clearTicket")
        self.clear_button.setShortcut("F8")
        self.clear_button.clicked.connect(self.clear_ticket)
        self.pay_button = QPushButton(self.tr("Pay  F9"))
        self.pay_button.setObjectName("payButton")
        self.pay_button.setProperty("role", "primary")
        self.pay_button.setMinimumHeight(56)
        self.pay_button.setShortcut("F9")
        self.pay_button.clicked.connect(self.open_payment)
        self.scanner = BarcodeScanner(lambda: self.window() if self.isVisible() else None)
        self.scanner.scanned.connect(self.add_scanned)
        self.payment: PaymentDialog | None = None
        self.parked_id: str | None = None  # the parked ticket (挂单) on the screen, if any
        self.parked_note = ""
        self.parking = ParkingButtons(ctx, self, self.message, self)
        self.drawer = DrawerBar(ctx)
        self._shortcut("F5", self.customer.search)
        self._shortcut("F7", self.catalog.search)
        self._lay_out()
        self._reload()
        ctx.changed.connect(self._on_ctx_changed)

    def _shortcut(self, key: str, field: QWidget) -> None:
        QShortcut(QKeySequence(key), self, lambda: field.setFocus())

    def _lay_out(self) -> None:
        actions = QHBoxLayout()  # at 1024 px four buttons do not fit in one row with their keys
        actions.addWidget(self.clear_button, 1)
        actions.addWidget(self.parking, 2)
        right = QVBoxLayout()
        right.addWidget(self.customer)
        right.addWidget(self.member)
        right.addWidget(self.ticket, 1)
        right.addWidget(self.change_due)
        right.addWidget(self.message)
        right.addLayout(actions)
        right.addWidget(self.pay_button)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(16)
        left = QVBoxLayout()
        left.addWidget(self.catalog, 1)
        left.addWidget(self.drawer)  # 交班: the drawer's state, under the catalog
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)

    def _reload(self) -> None:
        self.ticket.staff = self._ctx.backend.staff.list()
        self.ticket.rounding = self._ctx.backend.settings.current.rounding

    def _on_ctx_changed(self, changes: Changes) -> None:
        if changes.touches(*RELOAD_ON):  # a price pulled from the server shows at once
            self._reload()
            self.catalog.reload()
        picked = self.customer.customer
        if picked is not None and changes.touches(*MEMBER_CHANGES, SETTINGS, CHANGE_CUSTOMER):
            # what they hold, and their member price: a pulled tier or new tiers change it
            self.member.show_for(picked.id)
            self.ticket.model.set_pricing(self._ctx.backend.members.pricing(picked.id))

    def on_shown(self) -> None:
        self._reload()
        self.customer.search.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        self.scanner.install()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.scanner.remove()
        super().hideEvent(event)

    # Ringing up

    def add_item(self, kind: LineKind, item_id: str) -> None:
        offer = self.catalog.offer(kind, item_id)
        if offer is None:
            self.catalog.reload()
            offer = self.catalog.offer(kind, item_id)
        if offer is not None:
            self._add_offer(offer)

    def _add_offer(
        self, offer: ServiceOffer | ProductOffer, waiver: PatchTestWaiver | None = None
    ) -> None:
        if waiver is None and not self.patch_test.lets_through(offer, self.customer.customer):
            return
        skill = offer.skill if isinstance(offer, ServiceOffer) else ""
        row = TicketLineRow(offer.kind, offer.id, offer.name, offer.price, skill=skill)
        row = replace(row, points_price=offer.points_price)
        self._add_row(replace(row, category=offer.category, patch_test_waiver=waiver))
        if isinstance(offer, ProductOffer):
            self._check_stock(offer)

    def _check_stock(self, offer: ProductOffer) -> None:
        """Warn, never refuse, when the records hold none of the product here: the stock is
        read on the database worker and the warning shows once it is back."""
        stock, product_id = self._ctx.backend.stock, offer.id
        self._ctx.runner.run(lambda: stock.held(product_id), partial(self._on_stock_read, offer))

    def _on_stock_read(self, offer: ProductOffer, on_hand: int) -> None:
        still_rung_up = any(r.item_id == offer.id for r in self.ticket.model.rows())
        if on_hand > 0 or not still_rung_up:
            return
        self.message.show_error(
            self.tr(
                "{name}: the records show no stock here ({on_hand}). You can still sell it; "
                "tell the manager."
            ).format(name=offer.name, on_hand=units_text(on_hand, offer.unit))
        )

    def _on_customer_chosen(self, profile: CustomerProfile | None) -> None:
        """What the customer holds, and their member price on every line."""
        customer_id = profile.id if profile else None
        self.member.show_for(customer_id)
        pricing = self._ctx.backend.members.pricing(customer_id) if customer_id else None
        self.ticket.set_member_picked(customer_id is not None)
        self.ticket.model.set_pricing(pricing)

    def _add_row(self, row: TicketLineRow) -> None:
        try:
            self.ticket.add(row)
        except UserError as error:  # one more of a product already at the most a line holds
            self.message.show_error(self._ctx.message(error))
            return
        self.message.hide()
        self.change_due.hide()

    def _on_customer_or_lines_changed(self) -> None:
        """The allergy warning: a customer with allergies and a service on the ticket."""
        rows = self.ticket.model.rows()
        self.customer.warn_allergies(any(r.kind is LineKind.SERVICE for r in rows))

    def add_scanned(self, barcode: str) -> None:
        try:  # one indexed read: well under a millisecond, fine on the UI thread
            self._add_offer(self._ctx.backend.catalog.product_by_barcode(barcode))
        except UserError as error:
            self.show_error(error)

    def set_customer(self, profile: CustomerProfile | None) -> None:
        self.customer.set_customer(profile)

    def clear_ticket(self) -> None:
        """Start afresh; a parked ticket on the screen stays parked."""
        self.ticket.clear()
        self.customer.set_customer(None)
        self.message.hide()
        self.change_due.hide()
        if self.parked_id is not None:
            self.parked_id, self.parked_note = None, ""
            self.parking.refresh()  # it is listed again

    def ticket_in_hand(self) -> TicketInHand:
        return TicketInHand(
            self.ticket.model.rows(),
            self.customer.customer,
            self.ticket.ticket_discount,
            self.parked_id,
            self.parked_note,
        )

    def resume(self, held: TicketInHand) -> None:
        """Carry on with a ticket rung up in another window (after a change of language)."""
        self.customer.set_customer(held.customer)  # first: picking one repays points lines
        self.ticket.set_ticket_discount(held.ticket_discount)
        self.ticket.model.reset(held.lines)
        self.parked_id, self.parked_note = held.parked_id, held.note
        self.parking.refresh()

    # Parked tickets (挂单): cashier_parked.ParkingButtons asks these

    def draft_in_hand(self) -> TicketDraft | None:
        """The ticket on the screen as a draft to park; None when it has no lines."""
        rows = self.ticket.model.rows()
        if not rows:
            return None
        customer = self.customer.customer
        return TicketDraft(
            tuple(draft_line(row) for row in rows),
            customer.id if customer else None,
            self.ticket.ticket_discount,
            self.parked_note,
        )

    def take_up(self, resumed: ResumedTicket) -> None:
        """A parked ticket back on the screen, at today's prices, with what changed said."""
        self.clear_ticket()
        draft = resumed.draft
        found = self._ctx.backend.customers.profiles(
            [draft.customer_id] if draft.customer_id else []
        )
        customer = found.get(draft.customer_id) if draft.customer_id else None
        self.customer.set_customer(customer)
        self.ticket.set_ticket_discount(draft.ticket_discount)
        pricing = self.ticket.model.pricing
        self.ticket.model.reset([ticket_row(line, pricing) for line in draft.lines])
        if self.ticket.model.rowCount():
            self.ticket.select(0)
        self.parked_id, self.parked_note = resumed.parked.id, draft.note
        missing = customer is None and bool(draft.customer_id)
        self.parking.say_taken_up(resumed, missing_customer=missing)

    def show_error(self, error: BaseException) -> None:
        self.message.show_error(self._ctx.message(error))

    # Paying

    def draft(self) -> SaleDraft:
        """The ticket ready to be paid; UserError if it cannot be."""
        rows = self.ticket.model.rows()
        totals = self.ticket.totals()
        if totals is None:
            raise EmptyTicket()
        lines = tuple(
            SaleLine(
                r.kind,
                r.item_id,
                r.quantity,
                r.technician_id,
                r.line_discount,
                r.unit_price if r.kind is LineKind.STORED_VALUE else None,
                patch_test_waiver=r.patch_test_waiver,
                redeem_points=r.redeem_points,
                requested=r.requested and r.kind is LineKind.SERVICE,
                shares=r.staff_shares(),
            )
            for r in rows
        )
        customer = self.customer.customer
        return SaleDraft(
            lines,
            totals.total,
            customer.id if customer else None,
            self.ticket.ticket_discount,
            totals.rounding_off,
            totals.line_nets,
            self.member.balances,
            tuple(r.name for r in rows),
            self._ctx.backend.settings.current.points_per_yuan,
            self.ticket.model.redeemed_points(),
            self._ctx.backend.members.offline_allowance() if customer else 0,
            self.parked_id,
        )

    def open_payment(self) -> PaymentDialog | None:
        missing = next(
            (
                r
                for r in self.ticket.model.rows()
                if r.kind is LineKind.SERVICE and not r.technician_id
            ),
            None,
        )
        if missing is not None:
            self.ticket.select(self.ticket.model.rows().index(missing))
            self.message.show_error(
                self.tr("Choose the technician for {item}.").format(item=missing.name)
            )
            return None
        stopped = self.patch_test.stopped_line(self.ticket.model.rows(), self.customer.customer)
        if stopped is not None:  # the customer changed since the line was rung up
            self.ticket.select(stopped)
            return None
        try:
            draft = self.draft()
        except UserError as error:
            self.show_error(error)
            return None
        self.payment = PaymentDialog(self._ctx, draft, self._ctx.backend.checkout, self)
        self.payment.completed.connect(self._on_payment_completed)
        self.payment.finished.connect(self.payment.deleteLater)
        self.payment.open()
        return self.payment

    def _on_payment_completed(self, sale: CompletedSale) -> None:
        self.payment = None
        self.clear_ticket()
        self.change_due.setText(self.tr("Change {amount}").format(amount=format_money(sale.change)))
        self.change_due.setVisible(sale.change > 0)
        if self._ctx.backend.settings.current.printer_kind == "none":  # not a fault: a calm note
            self.message.show_info(self._paid_text(sale) + " " + self.tr("No receipt printer."))
            return
        self.message.show_info(self._paid_text(sale) + " " + self.tr("Printing the receipt…"))
        receipts = self._ctx.backend.receipts
        self._ctx.runner.run(
            lambda: receipts.print_sale(sale.ticket_id, open_drawer=sale.cash_taken),
            partial(self._on_receipt_printed, sale),
            partial(self._on_print_error, sale),
            device=True,
        )

    def _on_print_error(self, sale: CompletedSale, error: BaseException) -> None:
        self._on_receipt_failed(sale, self._ctx.message(error))

    def _paid_text(self, sale: CompletedSale) -> str:
        paid = self.tr("Paid {total} (ticket {number}), change {change}.").format(
            total=format_money(sale.total), number=sale.number, change=format_money(sale.change)
        )
        if sale.stock_short:  # sold anyway: the manager sees it in the stock
            paid += " " + self.tr("Now below zero in stock: {names}.").format(
                names=self.tr(", ").join(sale.stock_short)
            )
        if sale.cash_taken and not self.drawer.is_open:  # never refused, but said
            paid += " " + self.tr(
                "The drawer is not open: this cash counts as taken outside a drawer session."
            )
        return paid

    def _on_receipt_printed(self, sale: CompletedSale, outcome: PrintOutcome) -> None:
        if outcome.printed:
            self._ctx.printer_state_changed.emit(True, "")
            self.message.show_info(self._paid_text(sale) + " " + self.tr("Receipt printed."))
        else:
            reason = self._ctx.message(outcome.problem) if outcome.problem else ""
            self._on_receipt_failed(sale, reason)

    def _on_receipt_failed(self, sale: CompletedSale, reason: str) -> None:
        self._ctx.printer_state_changed.emit(False, reason)
        self.message.show_error(
            self.tr(
                "Paid, but the receipt was not printed: {reason} Reprint it from Tickets."
            ).format(reason=reason)
            + "\n"
            + self._paid_text(sale)
        )

    def show_demo_payment(self) -> QDialog:
        """For screenshots: a ticket of two services (with technicians) and a product, paid
        by WeChat and cash."""
        if not self.ticket.model.rowCount():
            self.add_demo_lines()
        dialog = self.open_payment()
        assert dialog is not None
        due = dialog.draft.due
        wechat = max(0, due - 15_000) // 1_000 * 1_000
        dialog.set_tender(TenderKind.WECHAT, wechat)
        dialog.set_tender(TenderKind.CASH, 20_000 if due - wechat <= 20_000 else due - wechat)
        return dialog

    def add_demo_lines(self) -> None:
        offers = self.catalog.offers()
        services = [o for o in offers if isinstance(o, ServiceOffer)][:2]
        products = [o for o in offers if isinstance(o, ProductOffer)][:1]
        chosen: list[ServiceOffer | ProductOffer] = [*services, *products]
        for offer in chosen:
            self._add_offer(offer)
            row = self.ticket.model.rows()[-1]
            technicians = self.ticket.technicians_for(row)
            if offer.kind is LineKind.SERVICE and technicians:
                position = self.ticket.model.rowCount() - 1
                self.ticket.model.set_technician(position, technicians[0].id, technicians[0].name)
        self.ticket.select(0)
