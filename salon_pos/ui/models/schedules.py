"""The leave of one technician and the rooms, beds and chairs, as tables for the manager."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject

from salon_pos.services.booking_setup import LeaveView, ResourceView
from salon_pos.ui.models.rows import Column, RowsModel


class LeaveTableModel(RowsModel[LeaveView]):
    def columns(self) -> list[Column]:
        return [
            (self.tr("First day"), lambda v: v.first_day.isoformat()),
            (self.tr("Last day"), lambda v: v.last_day.isoformat()),
            (self.tr("Days"), lambda v: str(v.days)),
            (self.tr("Reason"), lambda v: v.reason),
            (self.tr("Status"), lambda v: self.tr("Cancelled") if v.cancelled else ""),
        ]


class ResourceTableModel(RowsModel[ResourceView]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service_names: Mapping[str, str] = {}

    def kind_names(self) -> dict[str, str]:
        return {"room": self.tr("Room"), "bed": self.tr("Bed"), "chair": self.tr("Chair")}

    def columns(self) -> list[Column]:
        kinds = self.kind_names()
        return [
            (self.tr("Name"), lambda r: r.name),
            (self.tr("Kind"), lambda r: kinds.get(r.kind, r.kind)),
            (self.tr("Services that need it"), self._services),
            (self.tr("Status"), lambda r: self.tr("Active") if r.active else self.tr("Inactive")),
        ]

    def _services(self, row: ResourceView) -> str:
        return "、".join(self.service_names.get(s, "?") for s in row.service_ids)
