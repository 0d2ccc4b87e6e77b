"""The staff table: name, role, skills, phone, discount limit, active or not, and for a
technician the kind of schedule (未排班: none, so never offered for a booking)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from salon_pos.domain.money import format_money
from salon_pos.domain.staff import Role
from salon_pos.services.staff import StaffMember
from salon_pos.ui.models.customers import phone_text
from salon_pos.ui.models.rows import Column, RowsModel


class StaffTableModel(RowsModel[StaffMember]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.schedules: dict[str, str] = {}  # staff id: "weekly" or "rotating"

    def role_names(self) -> dict[Role, str]:
        return {
            Role.OWNER: self.tr("Owner"),
            Role.MANAGER: self.tr("Manager"),
            Role.FRONT_DESK: self.tr("Front desk"),
            Role.TECHNICIAN: self.tr("Technician"),
        }

    def columns(self) -> list[Column]:
        roles = self.role_names()
        return [
            (self.tr("Name"), lambda m: m.name),
            (self.tr("Role"), lambda m: roles[m.role]),
            (self.tr("Skills"), lambda m: ", ".join(m.skills)),
            (self.tr("Phone"), lambda m: phone_text(m.phone)),
            (self.tr("Discount limit"), lambda m: format_money(m.discount_limit)),
            (self.tr("Status"), lambda m: self.tr("Active") if m.active else self.tr("Inactive")),
            (self.tr("Schedule"), self._schedule),
        ]

    def _schedule(self, member: StaffMember) -> str:
        if member.role is not Role.TECHNICIAN:
            return ""
        kind = self.schedules.get(member.id)
        if kind == "weekly":
            return self.tr("Weekly")
        return self.tr("Rotating") if kind == "rotating" else self.tr("Not scheduled")
