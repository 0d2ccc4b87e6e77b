"""Parking the ticket in hand (挂单, Shift+F8) and taking a parked one up again (取单, Ctrl+F8):
two buttons beside Clear and Pay, and the translation between the cashier's lines and the
domain's draft. Parking writes on the database worker; the ticket leaves the screen once it
is saved (a ticket changed meanwhile stays, as that parked ticket)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import Protocol

from PySide6.QtWidgets import QHBoxLayout, QWidget

from salon_pos.domain.money import format_money
from salon_pos.domain.ticket_draft import DraftLine, TicketDraft
from salon_pos.domain.tiers import MemberPricing
from salon_pos.services.changes import Changes
from salon_pos.services.parked_tickets import PARKED_TICKET, Parked, ResumedTicket
from salon_pos.services.patch_tests import PatchTestWaiver
from salon_pos.ui.context import UiContext
from salon_pos.ui.dialogs.parked_tickets import ParkedTicketsDialog
from salon_pos.ui.models.ticket_lines import TicketLineRow
from salon_pos.ui.widgets import MessageLine, button


class TicketHolder(Protocol):
    """What parking needs of the cashier page."""

    parked_id: str | None  # the parked ticket on the screen, taken up again

    def draft_in_hand(self) -> TicketDraft | None: ...

    def clear_ticket(self) -> None: ...

    def take_up(self, resumed: ResumedTicket) -> None: ...


def draft_line(row: TicketLineRow) -> DraftLine:
    waiver = row.patch_test_waiver
    return DraftLine(
        kind=row.kind,
        item_id=row.item_id,
        name=row.name,
        unit_price=row.unit_price,
        quantity=row.quantity,
        line_discount=row.line_discount,
        technician_id=row.technician_id,
        technician=row.technician,
        skill=row.skill,
        category=row.category,
        list_price=row.list_price,
        points_price=row.points_price,
        redeem_points=row.redeem_points,
        patch_test_waiver=waiver.as_json() if waiver else None,
        requested=row.requested,
        shares=row.shares,
    )


def ticket_row(line: DraftLine, pricing: MemberPricing | None) -> TicketLineRow:
    """A line of a taken-up draft (at the catalog's price) as the cashier rings it up now: at
    the customer's member price, or redeemed with points again."""
    row = TicketLineRow(
        line.kind,
        line.item_id,
        line.name,
        line.unit_price,
        line.quantity,
        line.line_discount,
        line.skill,
        line.technician_id,
        line.technician,
        line.category,
        line.list_price,
        _waiver(line),
        points_price=line.points_price,
        requested=line.requested,
        shares=line.shares,
    )
    if not line.kind.from_catalog:
        return row
    row = replace(row, list_price=None).priced_for(pricing)
    return row.as_redeemed() if line.redeem_points else row


def _waiver(line: DraftLine) -> PatchTestWaiver | None:
    """The manager's approval kept with the line; one that cannot be read is asked again when
    paying (the patch-test gate), not a reason to lose the ticket."""
    if not line.patch_test_waiver:
        return None
    try:
        return PatchTestWaiver.from_json(line.patch_test_waiver)
    except (KeyError, ValueError, TypeError):
        return None


class ParkingButtons(QWidget):
    def __init__(
        self, ctx: UiContext, holder: TicketHolder, message: MessageLine, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._holder = holder
        self._message = message
        self.park_button = button(self.tr("Park  Shift+F8"), "parkTicket")
        self.park_button.setShortcut("Shift+F8")
        self.park_button.setToolTip(self.tr("Put this ticket aside and start a new one (Shift+F8)"))
        self.park_button.clicked.connect(self.park)
        self.list_button = button("", "parkedTickets")
        self.list_button.setShortcut("Ctrl+F8")
        self.list_button.setToolTip(self.tr("Take up a parked ticket again (Ctrl+F8)"))
        self.list_button.clicked.connect(self.open_list)
        self.dialog: ParkedTicketsDialog | None = None
        self.count = 0  # parked tickets not on the screen
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.park_button, 1)
        layout.addWidget(self.list_button, 1)
        ctx.changed.connect(self._on_ctx_changed)
        self.refresh()

    def refresh(self) -> None:
        """The count of parked tickets not on the screen: a short read."""
        in_hand = self._holder.parked_id
        count = sum(1 for p in self._ctx.backend.parked.list() if p.id != in_hand)
        self.count = count
        self.list_button.setText(self.tr("Parked ({count})  Ctrl+F8").format(count=count))
        self.list_button.setProperty("role", "parked" if count else "")
        self.list_button.style().unpolish(self.list_button)
        self.list_button.style().polish(self.list_button)

    def _on_ctx_changed(self, changes: Changes) -> None:
        if changes.touches(PARKED_TICKET):
            self.refresh()

    # Parking

    def park(self) -> None:
        draft = self._holder.draft_in_hand()
        if draft is None:
            self._message.show_error(self.tr("Nothing to park: the ticket is empty."))
            return
        self._park(draft, self._on_parked)

    def _park(self, draft: TicketDraft, then: Callable[[TicketDraft, Parked], None]) -> None:
        if self._ctx.staff is None:
            return
        parked, by, parked_id = self._ctx.backend.parked, self._ctx.staff.id, self._holder.parked_id
        self.park_button.setEnabled(False)
        self._ctx.runner.run(
            lambda: parked.park(draft, by, parked_id),
            partial(then, draft),
            self._on_park_refused,
        )

    def _on_parked(self, draft: TicketDraft, parked: Parked) -> None:
        self.park_button.setEnabled(True)
        if self._holder.draft_in_hand() == draft:
            self._holder.clear_ticket()
            self._message.show_info(
                self.tr("Parked “{label}” ({total}). Ctrl+F8 takes it up again.").format(
                    label=parked.ticket.label, total=format_money(parked.ticket.total)
                )
            )
        else:  # changed while it was being saved: it stays on screen, as that parked ticket
            self._holder.parked_id = parked.ticket.id
        self._ctx.announce(parked.changed)

    def _on_park_refused(self, error: BaseException) -> None:
        self.park_button.setEnabled(True)
        self._message.show_error(self._ctx.message(error))

    # Taking one up again

    def open_list(self) -> ParkedTicketsDialog:
        self.dialog = ParkedTicketsDialog(self._ctx, self._holder.parked_id, self.window())
        self.dialog.resumed.connect(self._on_resumed)
        self.dialog.finished.connect(self.dialog.deleteLater)
        self.dialog.open()
        return self.dialog

    def take_up_by_id(self, parked_id: str) -> None:
        """Take a parked ticket up by its id (a booking's, opened at its check-in)."""
        parked = self._ctx.backend.parked
        self._ctx.runner.run(
            lambda: parked.resume(parked_id), self._on_resumed, self._on_park_refused
        )

    def _on_resumed(self, resumed: ResumedTicket) -> None:
        self.dialog = None
        current = self._holder.draft_in_hand()
        if current is None:
            self._holder.take_up(resumed)
            self.refresh()
            return
        # The ticket in hand is parked first, then the chosen one comes up: nothing is lost.
        self._park(current, partial(self._on_swapped, resumed))

    def _on_swapped(self, resumed: ResumedTicket, _draft: TicketDraft, parked: Parked) -> None:
        self.park_button.setEnabled(True)
        self._holder.take_up(resumed)
        self._ctx.announce(parked.changed)
        self.refresh()

    def say_taken_up(self, resumed: ResumedTicket, missing_customer: bool) -> None:
        """Which ticket came back, and — as an error, so it is read — what changed since."""
        notes = [self.tr("Took up “{label}”.").format(label=resumed.parked.label)]
        if resumed.dropped:
            items = "、".join(resumed.dropped)
            notes.append(self.tr("No longer sold, left off: {items}.").format(items=items))
        for change in resumed.repriced:
            notes.append(
                self.tr("{item} now costs {now} (was {was}).").format(
                    item=change.name, now=format_money(change.now), was=format_money(change.was)
                )
            )
        if resumed.technicians_gone:
            names = "、".join(dict.fromkeys(resumed.technicians_gone))
            notes.append(
                self.tr("{names} no longer works here: choose another technician.").format(
                    names=names
                )
            )
        if missing_customer:
            notes.append(self.tr("Its customer is no longer on this counter: find them again."))
        shown = self._message.show_error if len(notes) > 1 else self._message.show_info
        shown(" ".join(notes))
