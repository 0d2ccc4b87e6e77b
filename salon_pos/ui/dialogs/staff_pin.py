"""Setting a staff member's PIN: the new PIN twice and a manager's or owner's own PIN to
approve it. The PIN is sent to the service once and never shown again; the fields are cleared
when the dialog closes."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from salon_pos.services.changes import Changes
from salon_pos.services.staff import StaffMember
from salon_pos.ui.context import UiContext
from salon_pos.ui.dialogs.save_dialog import SaveDialog
from sync.operations.setup import CHANGE_STAFF


def pin_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(8)
    return field


class PinFields(QWidget):
    """New PIN, the same again, and the approving manager's PIN, in a form."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.new = pin_field("newPin")
        self.again = pin_field("newPinAgain")
        self.approver = pin_field("approverPin")
        self.new.setPlaceholderText(self.tr("4 to 8 digits"))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("New PIN"), self.new)
        form.addRow(self.tr("New PIN again"), self.again)
        form.addRow(self.tr("Manager's PIN"), self.approver)

    def mismatch(self) -> str:
        """Why the two new PINs cannot be used, or "" when they are the same."""
        if self.new.text() != self.again.text():
            return self.tr("The two new PINs are not the same: type the new PIN twice.")
        return ""

    def clear(self) -> None:
        for field in (self.new, self.again, self.approver):
            field.clear()


class StaffPinDialog(SaveDialog):
    def __init__(self, ctx: UiContext, member: StaffMember, parent: QWidget | None = None):
        super().__init__(ctx, "staffPinDialog", parent)
        self._member = member
        self.setWindowTitle(self.tr("Set PIN for {name}").format(name=member.name))
        explain = QLabel(
            self.tr(
                "The new PIN is not shown again once it is set. A manager or owner approves "
                "it with their own PIN."
            )
        )
        explain.setWordWrap(True)
        self.pins = PinFields()
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.pins)
        self.finish_layout(layout)
        self.finished.connect(lambda _result: self.pins.clear())
        self.setMinimumWidth(380)

    def _save(self) -> None:
        problem = self.pins.mismatch()
        if problem:
            self.message.show_error(problem)
            return
        staff, member_id = self._ctx.backend.staff, self._member.id
        pin, approver = self.pins.new.text(), self.pins.approver.text()
        actor = self._ctx.staff.id if self._ctx.staff else None
        self.run_save(lambda: staff.set_pin(member_id, pin, approver, actor), staff_changed)

    def refused(self) -> None:
        self.pins.approver.clear()


def staff_changed(member: StaffMember) -> Changes:
    return Changes.of(CHANGE_STAFF, member.id)
