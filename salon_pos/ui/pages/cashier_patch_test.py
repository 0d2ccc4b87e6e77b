"""The cashier's patch test stop: a service that needs a patch test (皮试), for a customer whose
test is missing, failed or expired — or with no customer picked yet — is not put on the ticket.
The cashier sees why; a manager may let it through with PIN and reason (the approval dialog),
and the approval goes on the line (docs/patch-tests.md)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from salon_pos.domain.errors import UserError
from salon_pos.domain.patch_tests import PatchTestVerdict, patch_test_needed
from salon_pos.domain.ticket import LineKind
from salon_pos.services.catalog import ProductOffer, ServiceOffer
from salon_pos.services.customers import CustomerProfile
from salon_pos.services.patch_tests import PatchTestWaiver
from salon_pos.ui.context import UiContext
from salon_pos.ui.dialogs.manager_pin import ManagerPinDialog
from salon_pos.ui.models.ticket_lines import TicketLineRow
from salon_pos.ui.widgets import MessageLine

Asking = tuple[str, str, str | None, PatchTestVerdict, Callable[[PatchTestWaiver], None]]


class PatchTestGate(QObject):
    approved = Signal(object, object)  # the ServiceOffer, its PatchTestWaiver
    line_approved = Signal(int, object)  # a line on the ticket (its position), its waiver

    def __init__(self, ctx: UiContext, page: QWidget, message: MessageLine) -> None:
        super().__init__(page)
        self._ctx, self._page, self._message = ctx, page, message
        self.dialog: ManagerPinDialog | None = None
        # What is being asked: service name and id, customer, verdict, what to do once approved.
        self._asking: Asking | None = None

    def lets_through(
        self, offer: ServiceOffer | ProductOffer, customer: CustomerProfile | None
    ) -> bool:
        """True: the line may go on the ticket now. False: stopped, the reason shown and a
        manager's approval asked for (`approved` follows if given)."""
        if not isinstance(offer, ServiceOffer) or not offer.needs_patch_test:
            return True
        customer_id = customer.id if customer else None
        verdict = self._ctx.backend.patch_tests.verdict(customer_id, offer.id)  # indexed reads
        if verdict.allows:
            return True
        self._ask(offer.name, offer.id, customer_id, verdict, partial(self.approved.emit, offer))
        return False

    def stopped_line(
        self, rows: Sequence[TicketLineRow], customer: CustomerProfile | None
    ) -> int | None:
        """Before paying: the first line that may not be sold to this customer as it stands
        (its customer changed since it was rung up), with the approval asked for
        (`line_approved` follows if given); None when every line may be sold."""
        customer_id = customer.id if customer else None
        for position, row in enumerate(rows):
            waiver = row.patch_test_waiver
            if row.kind is not LineKind.SERVICE or (waiver and waiver.customer_id == customer_id):
                continue
            verdict = self._ctx.backend.patch_tests.verdict(customer_id, row.item_id)
            if not verdict.allows:
                then = partial(self.line_approved.emit, position)
                self._ask(row.name, row.item_id, customer_id, verdict, then)
                return position
        return None

    def _ask(
        self,
        name: str,
        service_id: str,
        customer_id: str | None,
        verdict: PatchTestVerdict,
        then: Callable[[PatchTestWaiver], None],
    ) -> None:
        why = self._ctx.message(patch_test_needed(name, verdict))
        self._message.show_error(why)
        self._asking = (name, service_id, customer_id, verdict, then)
        action = self.tr("sell {service} without a valid patch test").format(service=name)
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = ManagerPinDialog(action, self._page, ask_reason=True)
        self.dialog.setObjectName("patchTestApproval")
        self.dialog.explain.setText(why)
        self.dialog.accepted.connect(self._on_dialog_accepted)
        self.dialog.open()

    def _on_dialog_accepted(self) -> None:
        assert self.dialog is not None and self._asking is not None
        _, service_id, customer_id, verdict, _ = self._asking
        staff = self._ctx.staff
        work = partial(
            self._ctx.backend.patch_tests.waive, customer_id, service_id, verdict,
            self.dialog.pin, self.dialog.reason_text(), staff.id if staff else None,
        )  # fmt: skip
        self._ctx.runner.run(work, self._on_waived, self._on_refused)  # argon2: off the UI

    def _on_waived(self, waiver: PatchTestWaiver) -> None:
        assert self._asking is not None
        name, then = self._asking[0], self._asking[4]
        self._asking = None
        then(waiver)
        text = self.tr("{service}: {manager} approved it without a valid patch test.")
        self._message.show_info(text.format(service=name, manager=waiver.approver_name))

    def _on_refused(self, error: BaseException) -> None:
        """A wrong PIN, a lock-out, no reason: asked again. Anything else: on the page."""
        if isinstance(error, UserError) and self.dialog is not None:
            self.dialog.refuse(self._ctx.message(error))
            self.dialog.open()
        else:
            self._message.show_error(self._ctx.message(error))
