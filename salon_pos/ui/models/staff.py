"""The staff table: name, role, skills, phone, discount limit, active or not."""

from __future__ import annotations

from salon_pos.domain.money import format_money
from salon_pos.domain.staff import Role
from salon_pos.services.staff import StaffMember
from salon_pos.ui.models.customers import phone_text
from salon_pos.ui.models.rows import Column, RowsModel


class StaffTableModel(RowsModel[StaffMember]):
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
        ]
