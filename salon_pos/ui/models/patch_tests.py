"""A customer's patch tests, newest first: date, result, what was tested, technician, note."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject

from salon_pos.domain.patch_tests import PatchTest, PatchTestResult
from salon_pos.ui.models.rows import Column, RowsModel


class PatchTestTableModel(RowsModel[PatchTest]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.names: Mapping[str, str] = {}  # service and staff ids → names, for display

    def columns(self) -> list[Column]:
        return [
            (self.tr("Date"), lambda t: t.tested_on.isoformat()),
            (self.tr("Result"), self._result),
            (self.tr("Tested"), self.subject),
            (self.tr("Technician"), lambda t: self.names.get(t.technician_id or "", "")),
            (self.tr("Note"), lambda t: t.note),
        ]

    def _result(self, test: PatchTest) -> str:
        return self.tr("Passed") if test.result is PatchTestResult.PASSED else self.tr("Failed")

    def subject(self, test: PatchTest) -> str:
        parts = [self.names.get(test.service_id, "") if test.service_id else ""]
        parts += [self.tr("category {name}").format(name=test.category) if test.category else ""]
        parts += [test.subject]
        return " · ".join(p for p in parts if p)
