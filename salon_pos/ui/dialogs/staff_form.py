"""Adding or editing a staff member: name, role, skills, phone, discount limit, and a PIN (a new
member's, or a new one; a manager's PIN approves it). Saving runs in the background; a refused
save keeps the form open with the reason."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLineEdit, QVBoxLayout, QWidget

from salon_pos.domain.errors import UserError
from salon_pos.domain.money import format_yuan, parse_yuan
from salon_pos.domain.staff import Role
from salon_pos.services.staff import StaffMember
from salon_pos.ui.context import UiContext
from salon_pos.ui.dialogs.save_dialog import SaveDialog
from salon_pos.ui.dialogs.staff_pin import PinFields, staff_changed
from salon_pos.ui.models.staff import StaffTableModel


def line(name: str, text: str = "") -> QLineEdit:
    field = QLineEdit(text)
    field.setObjectName(name)
    return field


class StaffFormDialog(SaveDialog):
    def __init__(
        self, ctx: UiContext, existing: StaffMember | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, "staffForm", parent)
        self._existing = existing
        self.setWindowTitle(self.tr("Edit staff member") if existing else self.tr("New staff"))
        self.name = line("staffName", existing.name if existing else "")
        self.name.setMaxLength(64)
        self.role = QComboBox()
        self.role.setObjectName("staffRole")
        for role, text in StaffTableModel(self).role_names().items():
            self.role.addItem(text, role.value)
        role = existing.role if existing else Role.TECHNICIAN
        self.role.setCurrentIndex(self.role.findData(role.value))
        self.skills = line("staffSkills", ", ".join(existing.skills) if existing else "")
        self.skills.setPlaceholderText(self.tr("facial, nail, hair …"))
        self.phone = line("staffPhone", existing.phone if existing else "")
        limit = format_yuan(existing.discount_limit) if existing else "0"
        self.discount_limit = line("staffDiscountLimit", limit)
        self.pins = PinFields()
        pin_box = QGroupBox(
            self.tr("PIN (leave empty to keep the current one)") if existing else self.tr("PIN")
        )
        QVBoxLayout(pin_box).addWidget(self.pins)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Skills"), self.skills)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Discount limit (yuan)"), self.discount_limit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(pin_box)
        self.finish_layout(layout)
        self.finished.connect(lambda _result: self.pins.clear())
        self.setMinimumWidth(440)

    def _save(self) -> None:
        problem = self.pins.mismatch()
        if problem:
            self.message.show_error(problem)
            return
        try:
            limit = parse_yuan(self.discount_limit.text() or "0")
        except UserError as error:
            self.message.show_error(self._ctx.message(error))
            return
        staff, existing = self._ctx.backend.staff, self._existing
        actor = self._ctx.staff.id if self._ctx.staff else None
        name, role = self.name.text(), str(self.role.currentData())
        skills = [s for s in self.skills.text().replace("，", ",").split(",") if s.strip()]
        phone, pin, approver = self.phone.text(), self.pins.new.text(), self.pins.approver.text()

        def work() -> StaffMember:
            if existing is None:
                return staff.add(name, role, pin, skills, limit, actor, phone, approver)
            return staff.edit(
                existing.id, name=name, role=role, skills=skills, phone=phone,
                discount_limit=limit, actor_id=actor, new_pin=pin or None,
                approver_pin=approver if pin else None,
            )  # fmt: skip

        self.run_save(work, staff_changed)

    def refused(self) -> None:
        self.pins.approver.clear()
