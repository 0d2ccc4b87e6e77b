"""Attendance tables: today's clockings (newest first) and the hours report per person."""

from __future__ import annotations

from datetime import datetime

from salon_pos.domain.attendance import ClockKind
from salon_pos.services.attendance import ClockingView, HoursRow
from salon_pos.ui.models.rows import Column, RowsModel


def hours_text(minutes: int) -> str:
    """Worked time as h:mm (7:05), whole minutes."""
    return f"{minutes // 60}:{minutes % 60:02d}"


class ClockingTableModel(RowsModel[ClockingView]):
    def columns(self) -> list[Column]:
        return [
            (self.tr("Time"), lambda c: c.at.strftime("%H:%M")),
            (self.tr("Name"), lambda c: c.name),
            (self.tr("In / out"), lambda c: self.kind_name(c.kind)),
            (self.tr("Note"), lambda c: c.note),
        ]

    def kind_name(self, kind: ClockKind) -> str:
        return self.tr("Clock in") if kind is ClockKind.IN else self.tr("Clock out")


class HoursTableModel(RowsModel[HoursRow]):
    def columns(self) -> list[Column]:
        return [
            (self.tr("Name"), lambda r: r.name),
            (self.tr("Days"), lambda r: str(r.days_worked)),
            (self.tr("Hours (h:mm)"), lambda r: hours_text(r.minutes)),
            (self.tr("Shifts"), lambda r: str(r.shifts)),
            (self.tr("No clock-out"), lambda r: str(r.missing_clock_outs or "")),
            (self.tr("Out without in"), lambda r: str(r.stray_clock_outs or "")),
            (self.tr("On the clock since"), lambda r: self._since(r.on_clock_since)),
        ]

    @staticmethod
    def _since(moment: datetime | None) -> str:
        return moment.strftime("%m-%d %H:%M") if moment else ""
