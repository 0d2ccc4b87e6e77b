"""Staff, for managers and owners: the list (the inactive too, if asked), add and edit in
StaffFormDialog, set or reset a PIN in StaffPinDialog, deactivate or make active again, and
the hours report of clock-ins and clock-outs (HoursReportDialog), and a technician's schedule
(ScheduleDialog; the list says 未排班 of one without) and leave (LeaveDialog).
Nobody is deleted: tickets keep the names of those who served."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from salon_pos.domain.staff import Role
from salon_pos.services.changes import QUEUED, Changes
from salon_pos.services.staff import StaffMember
from salon_pos.ui.context import UiContext
from salon_pos.ui.dialogs.hours_report import HoursReportDialog
from salon_pos.ui.dialogs.leave import LeaveDialog
from salon_pos.ui.dialogs.schedule_editor import ScheduleDialog
from salon_pos.ui.dialogs.staff_form import StaffFormDialog
from salon_pos.ui.dialogs.staff_pin import StaffPinDialog
from salon_pos.ui.models.staff import StaffTableModel
from salon_pos.ui.pages.managers_only import ManagersOnly
from salon_pos.ui.widgets import MessageLine, button, row_table
from sync.operations.bookings import CHANGE_SCHEDULE
from sync.operations.setup import CHANGE_STAFF

COLUMN_WIDTHS = (130, 110, 170, 120, 130, 90, 120)  # the skills take what is left
SKILLS = 2


class StaffPage(ManagersOnly):
    def __init__(self, ctx: UiContext) -> None:
        content = QWidget()
        super().__init__(ctx, content)
        self.setObjectName("staffPage")
        self.dialog: QDialog | None = None  # the open form or PIN dialog, if any
        self.add = button(self.tr("New staff"), "addStaff", "primary")
        self.add.clicked.connect(lambda: self._open(StaffFormDialog(ctx, None, self)))
        self.edit = button(self.tr("Edit"), "editStaff")
        self.edit.clicked.connect(self._on_edit_clicked)
        self.set_pin = button(self.tr("Set PIN"), "setStaffPin")
        self.set_pin.clicked.connect(self._on_set_pin_clicked)
        self.toggle = button(self.tr("Deactivate"), "toggleStaffActive")
        self.toggle.clicked.connect(self._on_toggle_clicked)
        self.hours = button(self.tr("Hours report"), "openHoursReport")
        self.hours.clicked.connect(lambda: self._open(HoursReportDialog(ctx, self)))
        self.schedule = button(self.tr("Schedule…"), "editSchedule")
        self.schedule.clicked.connect(lambda: self._open_for(ScheduleDialog))
        self.leave = button(self.tr("Leave…"), "editLeave")
        self.leave.clicked.connect(lambda: self._open_for(LeaveDialog))
        self.show_inactive = QCheckBox(self.tr("Show inactive staff"))
        self.show_inactive.setObjectName("showInactiveStaff")
        self.show_inactive.toggled.connect(self.refresh)
        self.message = MessageLine()
        self.model = StaffTableModel(self)
        self.table = row_table("staffTable", self.model)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(40)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(SKILLS, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._build(content)
        ctx.changed.connect(self._on_ctx_changed)

    def _build(self, content: QWidget) -> None:
        title = QLabel(self.tr("Staff"))
        title.setObjectName("pageTitle")
        bar = QHBoxLayout()
        bar.addWidget(self.show_inactive)
        bar.addStretch()
        bar.addWidget(self.schedule)
        bar.addWidget(self.leave)
        bar.addWidget(self.hours)
        for widget in (self.toggle, self.set_pin, self.edit, self.add):
            bar.addWidget(widget)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(title)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)

    def on_shown(self) -> None:
        if self.allowed():
            self.refresh()

    def refresh(self) -> None:
        staff = self._ctx.backend.staff.list(not self.show_inactive.isChecked())
        self.model.schedules = self._ctx.backend.bookings.schedule_kinds()
        self.model.replace_rows(self.table, staff)
        self._update_buttons()

    def selected(self) -> StaffMember | None:
        return self.model.selected_in(self.table)

    def select(self, staff_id: str) -> bool:
        return self.model.select_in(self.table, staff_id)

    def _update_buttons(self) -> None:
        member = self.selected()
        for widget in (self.edit, self.set_pin, self.toggle):
            widget.setEnabled(member is not None)
        technician = member is not None and member.active and member.role is Role.TECHNICIAN
        self.schedule.setEnabled(technician)
        self.leave.setEnabled(technician)
        active = member is None or member.active
        self.toggle.setText(self.tr("Deactivate") if active else self.tr("Make active"))

    def _on_ctx_changed(self, changes: Changes) -> None:
        if changes.touches(CHANGE_STAFF, CHANGE_SCHEDULE) and self.allowed():
            self.refresh()

    def _on_edit_clicked(self) -> None:
        member = self.selected()
        if member is not None:
            self._open(StaffFormDialog(self._ctx, member, self))

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        self.table.selectRow(index.row())
        self._on_edit_clicked()

    def _open_for(self, dialog: type[ScheduleDialog] | type[LeaveDialog]) -> None:
        member = self.selected()
        if member is not None:
            self._open(dialog(self._ctx, member, self))

    def _on_set_pin_clicked(self) -> None:
        member = self.selected()
        if member is not None:
            self._open(StaffPinDialog(self._ctx, member, self))

    def _on_toggle_clicked(self) -> None:
        member = self.selected()
        if member is None:
            return
        staff, actor = self._ctx.backend.staff, self._ctx.staff.id if self._ctx.staff else None
        self.message.hide()
        self._ctx.runner.run(
            lambda: staff.edit(member.id, active=not member.active, actor_id=actor),
            self._on_toggled,
            self._on_refused,
        )

    def _on_toggled(self, member: StaffMember) -> None:
        self._ctx.announce(Changes.of(CHANGE_STAFF, member.id) | Changes.of(QUEUED))
        if not member.active:
            text = self.tr("{name} is deactivated: past tickets keep the name.")
        else:
            text = self.tr("{name} is active again.")
        self.message.show_info(text.format(name=member.name))

    def _on_refused(self, error: BaseException) -> None:
        self.message.show_error(self._ctx.message(error))

    def _open(self, dialog: QDialog) -> None:
        """Window-modal, without a nested event loop: the page hears back through signals."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.accepted.connect(lambda: self._on_dialog_accepted(dialog))
        self.dialog = dialog
        dialog.open()

    def _on_dialog_accepted(self, dialog: QDialog) -> None:
        saved = getattr(dialog, "saved", None)
        if isinstance(saved, StaffMember):
            self.select(saved.id)

    def _forget(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
