"""The customers table: a thin adapter over frozen CustomerProfile rows (nothing here reads the
database). Notes show their first line, shortened; the whole text is the cell's tooltip."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from salon_pos.services.customers import CustomerProfile

Index = QModelIndex | QPersistentModelIndex
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


class CustomerTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CustomerProfile] = []

    def set_rows(self, rows: Sequence[CustomerProfile]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> CustomerProfile:
        return self._rows[row]

    def row_of(self, customer_id: str) -> int | None:
        return next((i for i, c in enumerate(self._rows) if c.id == customer_id), None)

    def headers(self) -> list[str]:
        return [self.tr("Name"), self.tr("Phone"), self.tr("Gender"), self.tr("Birthday"),
                self.tr("Notes")]  # fmt: skip

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else NOTES + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        customer = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(customer, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == NOTES and customer.notes:
            return customer.notes
        if role == Qt.ItemDataRole.UserRole:
            return customer.id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        headers = self.headers()
        return headers[section] if 0 <= section < len(headers) else None

    def _cell(self, customer: CustomerProfile, column: int) -> str:
        if column == NAME:
            return customer.name
        if column == PHONE:
            return phone_text(customer.phone)
        if column == GENDER:
            return self._gender(customer.gender)
        if column == BIRTHDAY:
            return customer.birthday.isoformat() if customer.birthday else ""
        return notes_preview(customer.notes)

    def _gender(self, gender: str) -> str:
        return {"F": self.tr("Female"), "M": self.tr("Male")}.get(gender, "")
