"""A technician's leave (请假), from the Staff page: what is coming and the last 30 days, whole
days with a reason; add, change the one selected, or cancel it (kept, marked 已取消: another
counter may have seen it). Each write is `bookings.save_leave`, synced."""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial

from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from salon_pos.services.booking_setup import LeaveView
from salon_pos.services.changes import QUEUED, Changes
from salon_pos.services.staff import StaffMember
from salon_pos.ui.context import UiContext
from salon_pos.ui.models.schedules import LeaveTableModel
from salon_pos.ui.widgets import MessageLine, button, qdate, row_table
from sync.operations.bookings import CHANGE_LEAVE


def date_field(name: str, day: date) -> QDateEdit:
    field = QDateEdit(qdate(day))
    field.setObjectName(name)
    field.setCalendarPopup(True)
    field.setDisplayFormat("yyyy-MM-dd")
    return field


class LeaveDialog(QDialog):
    def __init__(self, ctx: UiContext, member: StaffMember, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("leaveDialog")
        self.setWindowTitle(self.tr("Leave: {name}").format(name=member.name))
        self._ctx, self.member = ctx, member
        today = ctx.backend.bookings.now().date()
        self.model = LeaveTableModel(self)
        self.table = row_table("leaveTable", self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)  # the reason
        self.table.selectionModel().selectionChanged.connect(self._on_selected)
        self.first = date_field("leaveFirst", today + timedelta(days=1))
        self.last = date_field("leaveLast", today + timedelta(days=1))
        self.first.dateChanged.connect(self._on_first_changed)
        self.reason = QLineEdit()
        self.reason.setObjectName("leaveReason")
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(self.tr("Annual leave, sick leave …"))
        self.add = button(self.tr("Add leave"), "addLeave", "primary")
        self.add.clicked.connect(lambda: self._write(None, False))
        self.change = button(self.tr("Save changes"), "saveLeave")
        self.change.clicked.connect(self._on_change_clicked)
        self.cancel_leave = button(self.tr("Cancel this leave"), "cancelLeave", "danger")
        self.cancel_leave.clicked.connect(self._on_cancel_clicked)
        self.message = MessageLine()
        self._build()
        self.resize(720, 520)
        self.refresh()

    def _build(self) -> None:
        explain = QLabel(self.tr("Leave from the last 30 days on. Days on leave are not booked."))
        explain.setProperty("role", "muted")
        explain.setWordWrap(True)
        form = QFormLayout()
        days = QHBoxLayout()
        days.addWidget(self.first)
        days.addWidget(QLabel(self.tr("to")))
        days.addWidget(self.last)
        days.addStretch()
        form.addRow(self.tr("Dates"), days)
        form.addRow(self.tr("Reason"), self.reason)
        actions = QHBoxLayout()
        actions.addWidget(self.cancel_leave)
        actions.addStretch()
        actions.addWidget(self.change)
        actions.addWidget(self.add)
        close = button(self.tr("Close"), "leaveClose")
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch()
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addLayout(bottom)

    def refresh(self) -> None:
        self.model.replace_rows(self.table, self._ctx.backend.bookings.leave_of(self.member.id))
        self._on_selected()

    def selected(self) -> LeaveView | None:
        return self.model.selected_in(self.table)

    def _on_selected(self) -> None:
        held = self.selected()
        self.change.setEnabled(held is not None and not held.cancelled)
        self.cancel_leave.setEnabled(held is not None and not held.cancelled)
        if held is not None:
            self.first.setDate(qdate(held.first_day))
            self.last.setDate(qdate(held.last_day))
            self.reason.setText(held.reason)

    def _on_first_changed(self) -> None:
        if self.last.date() < self.first.date():
            self.last.setDate(self.first.date())  # one day unless told otherwise

    def _on_change_clicked(self) -> None:
        held = self.selected()
        if held is not None:
            self._write(held.id, False)

    def _on_cancel_clicked(self) -> None:
        held = self.selected()
        if held is not None:
            self._write(held.id, True, held)

    def _write(self, leave_id: str | None, cancelled: bool, held: LeaveView | None = None) -> None:
        first: date = self.first.date().toPython()  # type: ignore[assignment]
        last: date = self.last.date().toPython()  # type: ignore[assignment]
        reason = self.reason.text()
        if held is not None:  # cancelling: what was held, whatever the form says
            first, last, reason = held.first_day, held.last_day, held.reason
        bookings, staff_id = self._ctx.backend.bookings, self.member.id
        actor = self._ctx.staff.id if self._ctx.staff else None
        self.message.hide()
        self._ctx.runner.run(
            lambda: bookings.save_leave(
                staff_id, first, last, reason, leave_id=leave_id, cancelled=cancelled,
                actor_id=actor,
            ),
            partial(self._on_saved, first, last, cancelled),
            self._on_refused,
        )  # fmt: skip

    def _on_saved(self, first: date, last: date, cancelled: bool, leave_id: str) -> None:
        self._ctx.announce(Changes.of(CHANGE_LEAVE, leave_id) | Changes.of(QUEUED))
        self.refresh()
        self.model.select_in(self.table, leave_id)
        text = self.tr("Leave {first} to {last} cancelled.") if cancelled else ""
        text = text or self.tr("Leave {first} to {last} saved.")
        self.message.show_info(text.format(first=first.isoformat(), last=last.isoformat()))

    def _on_refused(self, error: BaseException) -> None:
        self.message.show_error(self._ctx.message(error))
