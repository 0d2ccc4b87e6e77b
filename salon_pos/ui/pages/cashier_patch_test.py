"""The cashier's patch test stop: a service that needs a patch test (皮试), for a customer whose
test is missing, failed or expired — or with no customer picked yet — is not put on the ticket.
The cashier sees why; a manager may let it through with PIN and reason (the approval dialog),
and the approval goes on the line (docs/patch-tests.md)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from salon_pos.domain.errors import UserError
from salon_pos.domain.patch_tests import PatchTestVerdict, patch_test_needed
from salon_pos.services.catalog import ProductOffer, ServiceOffer
from salon_pos.services.customers import CustomerProfile
from salon_pos.services.patch_tests import PatchTestWaiver
from salon_pos.ui.context import UiContext
from salon_pos.ui.dialogs.manager_pin import ManagerPinDialog
from salon_pos.ui.widgets import MessageLine


class PatchTestGate(QObject):
    approved = Signal(object, object)  # the ServiceOffer, its PatchTestWaiver

    def __init__(self, ctx: UiContext, page: QWidget, message: MessageLine) -> None:
        super().__init__(page)
        self._ctx, self._page, self._message = ctx, page, message
        self.dialog: ManagerPinDialog | None = None
        self._asking: tuple[ServiceOffer, str | None, PatchTestVerdict] | None = None

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
        why = self._ctx.message(patch_test_needed(offer.name, verdict))
        self._message.show_error(why)
        self._asking = (offer, customer_id, verdict)
        action = self.tr("sell {service} without a valid patch test").format(service=offer.name)
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = ManagerPinDialog(action, self._page, ask_reason=True)
        self.dialog.setObjectName("patchTestApproval")
        self.dialog.explain.setText(why)
        self.dialog.accepted.connect(self._on_dialog_accepted)
        self.dialog.open()
        return False

    def _on_dialog_accepted(self) -> None:
        assert self.dialog is not None and self._asking is not None
        offer, customer_id, verdict = self._asking
        staff = self._ctx.staff
        work = partial(
            self._ctx.backend.patch_tests.waive, customer_id, offer.id, verdict,
            self.dialog.pin, self.dialog.reason_text(), staff.id if staff else None,
        )  # fmt: skip
        self._ctx.runner.run(work, self._on_waived, self._on_refused)  # argon2: off the UI

    def _on_waived(self, waiver: PatchTestWaiver) -> None:
        assert self._asking is not None
        offer = self._asking[0]
        self._asking = None
        self.approved.emit(offer, waiver)
        text = self.tr("{service}: {manager} approved it without a valid patch test.")
        self._message.show_info(text.format(service=offer.name, manager=waiver.approver_name))

    def _on_refused(self, error: BaseException) -> None:
        """A wrong PIN, a lock-out, no reason: asked again. Anything else: on the page."""
        if isinstance(error, UserError) and self.dialog is not None:
            self.dialog.refuse(self._ctx.message(error))
            self.dialog.open()
        else:
            self._message.show_error(self._ctx.message(error))
