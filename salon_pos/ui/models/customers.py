"""The customers table: a thin adapter over frozen CustomerProfile rows (nothing here reads the
database). Notes show their first line, shortened; the whole text is the cell's tooltip."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from salon_pos.services.customers import CustomerProfile
from salon_pos.ui.models.rows import Column, Index, RowsModel

NAME, PHONE, GENDER, BIRTHDAY, NOTES = range(5)
NOTES_PREVIEW = 40  # characters


def phone_text(phone: str) -> str:
    """A mainland mobile number in groups, 138 0013 8000; anything else as it is."""
    if len(phone) == 11 and phone.isdigit():
        return f"{phone[:3]} {phone[3:7]} {phone[7:]}"
    return phone


def notes_preview(notes: str) -> str:
    lines = notes.strip().splitlines()
    first = lines[0] if lines else ""
    more = len(lines) > 1 or len(first) > NOTES_PREVIEW
    return first[:NOTES_PREVIEW] + ("…" if more else "")


class CustomerTableModel(RowsModel[CustomerProfile]):
    def columns(self) -> list[Column]:
        return [
            (self.tr("Name"), lambda c: c.name),
            (self.tr("Phone"), lambda c: phone_text(c.phone)),
            (self.tr("Gender"), lambda c: self._gender(c.gender)),
            (self.tr("Birthday"), lambda c: c.birthday.isoformat() if c.birthday else ""),
            (self.tr("Notes"), lambda c: notes_preview(c.notes)),
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        tip = role == Qt.ItemDataRole.ToolTipRole and index.column() == NOTES
        if tip and index.isValid() and 0 <= index.row() < self.rowCount():
            return self.row_at(index.row()).notes or None
        return super().data(index, role)

    def _gender(self, gender: str) -> str:
        return {"F": self.tr("Female"), "M": self.tr("Male")}.get(gender, "")
