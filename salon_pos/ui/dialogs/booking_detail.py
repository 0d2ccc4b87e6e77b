"""One booking, opened from the calendar: who, what, with whom and where, its status, and the
steps it may take next — confirm (a request from the online page), check in, start, complete,
cancel or no-show (those two asked again before they are done). A double booking says so in
red, with the free alternatives the server suggested when it flagged it.

Checking in opens the booking's ticket (parked under its id, with its services and technician)
and says so (`checked_in`): the main window takes that ticket up at the cashier."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from salon_pos.domain.bookings import BookingStatus
from salon_pos.services.bookings import BookingView
from salon_pos.services.changes import QUEUED, Changes
from salon_pos.services.parked_tickets import PARKED_TICKET
from salon_pos.ui.context import UiContext
from salon_pos.ui.widgets import MessageLine, button
from sync.operations.bookings import CHANGE_BOOKING

CLASH_STYLE = (
    "QLabel { background: #ffebee; color: #b71c1c; border: 1px solid #e57373;"
    " border-radius: 6px; padding: 6px 10px; }"
)
ASKED_AGAIN = (BookingStatus.CANCELLED, BookingStatus.NO_SHOW)
NEXT_STEPS = {
    BookingStatus.REQUESTED: (BookingStatus.BOOKED, BookingStatus.CANCELLED, BookingStatus.NO_SHOW),
    BookingStatus.BOOKED: (BookingStatus.ARRIVED, BookingStatus.CANCELLED, BookingStatus.NO_SHOW),
    BookingStatus.ARRIVED: (
        BookingStatus.IN_SERVICE,
        BookingStatus.COMPLETED,
        BookingStatus.CANCELLED,
    ),
    BookingStatus.IN_SERVICE: (BookingStatus.COMPLETED,),
}


class BookingDetailDialog(QDialog):
    checked_in = Signal(str)  # booking id: it has just been marked arrived
    changed = Signal(object)  # BookingView, after a step was taken

    def __init__(self, ctx: UiContext, view: BookingView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookingDetail")
        self.setWindowTitle(self.tr("Booking"))
        self._ctx = ctx
        self.view = view
        self.facts = QFormLayout()
        self.clash = QLabel()
        self.clash.setObjectName("bookingClash")
        self.clash.setWordWrap(True)
        self.clash.setStyleSheet(CLASH_STYLE)
        self.steps = QHBoxLayout()
        self.confirm_row = QWidget()
        self.confirm_text = QLabel()
        self.confirm_yes = button(self.tr("Yes"), "bookingConfirmYes", "danger")
        self.confirm_no = button(self.tr("Back"), "bookingConfirmNo")
        self.confirm_yes.clicked.connect(self._on_confirm_yes_clicked)
        self.confirm_no.clicked.connect(lambda: self._ask(None))
        row = QHBoxLayout(self.confirm_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.confirm_text, 1)
        row.addWidget(self.confirm_yes)
        row.addWidget(self.confirm_no)
        self.message = MessageLine()
        close = button(self.tr("Close"), "bookingClose")
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addLayout(self.steps, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(self.facts)
        layout.addWidget(self.clash)
        layout.addWidget(self.message)
        layout.addWidget(self.confirm_row)
        layout.addLayout(bottom)
        self.setMinimumWidth(460)
        self._asked: BookingStatus | None = None
        self._show(view)

    # --- what it shows -----------------------------------------------------------------------
    def step_words(self) -> dict[BookingStatus, str]:
        return {
            BookingStatus.BOOKED: self.tr("Confirm"),
            BookingStatus.ARRIVED: self.tr("Check in"),
            BookingStatus.IN_SERVICE: self.tr("Start service"),
            BookingStatus.COMPLETED: self.tr("Complete"),
            BookingStatus.CANCELLED: self.tr("Cancel booking"),
            BookingStatus.NO_SHOW: self.tr("No-show"),
        }

    def status_words(self) -> dict[BookingStatus, str]:
        return {
            BookingStatus.REQUESTED: self.tr("Requested (to confirm)"),
            BookingStatus.BOOKED: self.tr("Booked"),
            BookingStatus.ARRIVED: self.tr("Arrived"),
            BookingStatus.IN_SERVICE: self.tr("In service"),
            BookingStatus.COMPLETED: self.tr("Completed"),
            BookingStatus.CANCELLED: self.tr("Cancelled"),
            BookingStatus.NO_SHOW: self.tr("No-show"),
        }

    def _show(self, view: BookingView) -> None:
        self.view = view
        while self.facts.rowCount():
            self.facts.removeRow(0)
        services = "、".join(
            self.tr("{name} {minutes} min").format(name=s["name"], minutes=s.get("minutes", ""))
            for s in view.services
        )
        how = self.tr("asked for by name") if view.requested else self.tr("rotation")
        rows = [
            (self.tr("Customer"), view.customer_name, "bookingCustomer"),
            (self.tr("Phone"), view.customer_phone, "bookingPhone"),
            (self.tr("Time"), f"{view.start:%Y-%m-%d %H:%M}–{view.end:%H:%M}", "bookingTime"),
            (self.tr("Services"), services, "bookingServices"),
            (self.tr("Technician"), f"{view.technician_name or '—'} · {how}", "bookingTechnician"),
            (self.tr("Room"), view.resource_name or "—", "bookingRoom"),
            (self.tr("Status"), self.status_words()[view.status], "bookingStatus"),
            (self.tr("Note"), view.note or "—", "bookingNote"),
        ]
        for label, text, name in rows:
            value = QLabel(text)
            value.setObjectName(name)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts.addRow(label, value)
        self._show_clash(view)
        self._show_steps(view.status)
        self._ask(None)

    def _show_clash(self, view: BookingView) -> None:
        if not (view.clash or view.flagged):
            self.clash.hide()
            return
        text = self.tr("Double booked: another booking keeps this technician or room busy then.")
        if view.flagged:
            found = self._ctx.backend.bookings.alternatives(view.id)
            free = "；".join(f"{name} {start:%m-%d %H:%M}".strip() for name, start in found)
            text += " " + self.tr("Free instead: {alternatives}").format(
                alternatives=free or self.tr("(no free slot)")
            )
        self.clash.setText(text)
        self.clash.show()

    def _show_steps(self, status: BookingStatus) -> None:
        while self.steps.count():
            taken = self.steps.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.setParent(None)  # gone from the dialog now, deleted once idle
                widget.deleteLater()
        words = self.step_words()
        for n, step in enumerate(NEXT_STEPS.get(status, ())):
            role = "danger" if step in ASKED_AGAIN else "primary" if n == 0 else ""
            made = button(words[step], f"bookingStep_{step.value}", role)
            made.clicked.connect(partial(self._on_step_clicked, step))
            self.steps.addWidget(made)
        self.steps.addStretch(1)

    def step_button(self, step: BookingStatus) -> QPushButton | None:
        return self.findChild(QPushButton, f"bookingStep_{step.value}")

    # --- taking a step -----------------------------------------------------------------------
    def _on_step_clicked(self, step: BookingStatus) -> None:
        if step in ASKED_AGAIN:
            self._ask(step)
            return
        self._take(step)

    def _ask(self, step: BookingStatus | None) -> None:
        """Cancel and no-show are asked again, in the dialog (no second window)."""
        self._asked = step
        self.confirm_row.setVisible(step is not None)
        if step is None:
            return
        question = (
            self.tr("Cancel this booking? The time is freed for others.")
            if step is BookingStatus.CANCELLED
            else self.tr("Mark as no-show? The customer did not come.")
        )
        self.confirm_text.setText(question)

    def _on_confirm_yes_clicked(self) -> None:
        if self._asked is not None:
            self._take(self._asked)

    def _take(self, step: BookingStatus) -> None:
        staff = self._ctx.staff
        bookings, booking_id = self._ctx.backend.bookings, self.view.id
        if step is BookingStatus.ARRIVED and staff is not None:  # opens the booking's ticket

            def work() -> BookingView:
                bookings.check_in(booking_id, staff.id)
                return bookings.booking(booking_id)

        else:
            work = partial(
                bookings.set_status, booking_id, step, actor_id=staff.id if staff else None
            )
        self.message.hide()
        self._ctx.runner.run(work, self._on_step_taken, self._on_step_refused)

    def _on_step_taken(self, view: BookingView) -> None:
        self._show(view)
        changed = Changes.of(CHANGE_BOOKING, view.id) | Changes.of(QUEUED)
        if view.status is BookingStatus.ARRIVED:
            changed |= Changes.of(PARKED_TICKET, view.id)
        self._ctx.announce(changed)
        self.changed.emit(view)
        if view.status is BookingStatus.ARRIVED:
            self.checked_in.emit(view.id)
            self.accept()  # its ticket is at the cashier now

    def _on_step_refused(self, error: BaseException) -> None:
        self.message.show_error(self._ctx.message(error))
