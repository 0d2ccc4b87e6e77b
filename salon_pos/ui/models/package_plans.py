"""The package cards a store sells: name, services, sessions, price, validity, on sale or not."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject

from salon_pos.domain.money import format_money
from salon_pos.services.members import PackagePlanView
from salon_pos.ui.models.rows import Column, RowsModel


class PackagePlanTableModel(RowsModel[PackagePlanView]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service_names: Mapping[str, str] = {}

    def columns(self) -> list[Column]:
        return [
            (self.tr("Name"), lambda p: p.name),
            (self.tr("Sessions"), lambda p: str(p.sessions)),
            (self.tr("Price"), lambda p: format_money(p.price)),
            (self.tr("Valid for"), self._validity),
            (self.tr("Services"), self._services),
            (self.tr("Status"), lambda p: self.tr("On sale") if p.active else self.tr("Hidden")),
        ]

    def _validity(self, plan: PackagePlanView) -> str:
        if not plan.valid_days:
            return self.tr("No expiry")
        return self.tr("{days} days").format(days=plan.valid_days)

    def _services(self, plan: PackagePlanView) -> str:
        return "、".join(self.service_names.get(s, "?") for s in plan.service_ids)
