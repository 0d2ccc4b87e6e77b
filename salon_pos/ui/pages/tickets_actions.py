"""What can be done to a ticket from the tickets screen: reprint its receipt, void it, refund some
of its lines. Voids and refunds ask a manager's PIN and a reason; the service checks both, so a
wrong PIN comes back as an error and the PIN dialog opens again with the message.

Dialogs are opened with open(), never exec(): the window stays live while a manager types, and
tests fill the dialog they find in `pin_dialog` / `refund_dialog` instead of racing a nested loop.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from salon_pos.domain.errors import ManagerPinRequired, ReasonRequired, UserError, WrongManagerPin
from salon_pos.domain.money import format_money
from salon_pos.services.changes import QUEUED, Changes
from salon_pos.services.receipts import PrintOutcome
from salon_pos.services.tickets import TicketSummary, TicketView
from salon_pos.ui.context import UiContext
from salon_pos.ui.dialogs.manager_pin import ManagerPinDialog
from salon_pos.ui.dialogs.void_refund import RefundDialog
from salon_pos.ui.widgets import MessageLine
from sync.operations.sales import CHANGE_TICKET

log = logging.getLogger(__name__)
APPROVAL_ERRORS = (WrongManagerPin, ManagerPinRequired, ReasonRequired)


class TicketActions(QObject):
    changed = Signal(str)  # the id of a ticket voided or refunded
    busy_changed = Signal(bool)

    def __init__(self, ctx: UiContext, page: QWidget, message: MessageLine) -> None:
        super().__init__(page)
        self._ctx = ctx
        self._page = page
        self._message = message
        self.busy = False
        # Seams: a test may hand in dialogs of its own making.
        self.pin_dialog_factory: Callable[..., ManagerPinDialog] = ManagerPinDialog
        self.refund_dialog_factory: Callable[..., RefundDialog] = RefundDialog
        self.pin_dialog: ManagerPinDialog | None = None
        self.refund_dialog: RefundDialog | None = None
        self._ticket: TicketSummary  # the ticket of the action under way (one at a time)
        self._choice: RefundDialog | None = None  # its refund choice, for a refund

    @property
    def _actor(self) -> str:
        return self._ctx.staff.id if self._ctx.staff else ""

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.busy = busy
        if text:
            self._message.show_info(text)
        self.busy_changed.emit(busy)

    def _run(self, work: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        # Callbacks are bound methods: the runner drops them if this page has been closed.
        self._set_busy(True, self.tr("Checking the PIN…"))
        self._ctx.runner.run(work, on_done, self._on_refused)

    # Reprint

    def reprint(self, view: TicketView) -> None:
        self._set_busy(True, self.tr("Printing…"))
        self._ticket = view.summary
        work = partial(self._ctx.backend.receipts.print_copy, view.summary.id)
        self._ctx.runner.run(work, self._on_reprinted, self._on_failed, device=True)

    def _on_reprinted(self, outcome: PrintOutcome) -> None:
        self._set_busy(False)
        # Printing ran on the device pool; its audit entry is a write, for the database worker.
        receipts = self._ctx.backend.receipts
        record = partial(receipts.record_reprint, self._ticket.id, self._actor, outcome.printed)
        self._ctx.runner.run(record)
        if outcome.printed:
            text = self.tr("Receipt of {number} reprinted.")
            self._message.show_info(text.format(number=self._ticket.number))
            self._ctx.printer_state_changed.emit(True, "")
            return
        problem = self._ctx.message(outcome.problem) if outcome.problem else ""
        self._message.show_error(problem)
        self._ctx.printer_state_changed.emit(False, problem)

    # Void

    def void(self, view: TicketView) -> None:
        self._ticket, self._choice = view.summary, None
        action = self.tr("void ticket {number}").format(number=view.summary.number)
        dialog = self._new_pin_dialog(action)
        dialog.accepted.connect(self._on_void_approved)
        dialog.open()

    def _on_void_approved(self) -> None:
        assert self.pin_dialog is not None
        dialog = self.pin_dialog
        work = partial(
            self._ctx.backend.checkout.void_sale,
            self._ticket.id,
            dialog.pin,
            dialog.reason_text(),
            self._actor,
        )
        self._run(work, self._on_voided)

    def _on_voided(self, _: None) -> None:
        self._on_done(self.tr("Ticket {number} voided.").format(number=self._ticket.number))

    # Refund

    def refund(self, view: TicketView) -> None:
        if self.refund_dialog is not None:
            self.refund_dialog.deleteLater()
        self.refund_dialog = self.refund_dialog_factory(view, self._page)
        self._ticket, self._choice = view.summary, self.refund_dialog
        self.refund_dialog.accepted.connect(self._on_refund_chosen)
        self.refund_dialog.open()

    def _on_refund_chosen(self) -> None:
        action = self.tr("refund on ticket {number}").format(number=self._ticket.number)
        dialog = self._new_pin_dialog(action)
        dialog.accepted.connect(self._on_refund_approved)
        dialog.open()

    def _on_refund_approved(self) -> None:
        assert self.pin_dialog is not None and self.refund_dialog is not None
        pin, choice = self.pin_dialog, self.refund_dialog
        work = partial(
            self._ctx.backend.checkout.refund_lines,
            self._ticket.id,
            choice.quantities(),
            pin.pin,
            pin.reason_text(),
            self._actor,
            choice.tender_kind(),
        )
        self._run(work, self._on_refunded)

    def _on_refunded(self, fen: int) -> None:
        text = self.tr("Refunded {amount} on ticket {number}.")
        self._on_done(text.format(amount=format_money(fen), number=self._ticket.number))

    # Outcomes

    def _new_pin_dialog(self, action: str) -> ManagerPinDialog:
        if self.pin_dialog is not None:
            self.pin_dialog.deleteLater()
        self.pin_dialog = self.pin_dialog_factory(action, self._page, ask_reason=True)
        return self.pin_dialog

    def _on_done(self, text: str) -> None:
        self._set_busy(False)
        self._message.show_info(text)
        self.changed.emit(self._ticket.id)
        self._ctx.announce(Changes.of(CHANGE_TICKET, self._ticket.id) | Changes.of(QUEUED))

    def _on_refused(self, error: BaseException) -> None:
        """A wrong PIN or a missing reason: the PIN dialog again. Another refusal of a refund
        (too many units, no such tender left): back to the choice of lines. Else: on the page."""
        self._set_busy(False)
        self._message.hide()
        if isinstance(error, APPROVAL_ERRORS) and self.pin_dialog is not None:
            self.pin_dialog.refuse(self._ctx.message(error))
            self.pin_dialog.open()
        elif isinstance(error, UserError) and self._choice is not None:
            self._choice.refuse(self._ctx.message(error))
            self._choice.open()
        else:
            self._on_failed(error)

    def _on_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(error, UserError):
            log.error("ticket action failed", exc_info=error)
        self._message.show_error(self._ctx.message(error))
