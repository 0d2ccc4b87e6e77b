"""The customers table: a thin adapter over frozen CustomerProfile rows and their standings
(nothing here reads the database). Notes show their first line, shortened; the whole text is the
cell's tooltip. The standing column also says when a customer has allergies."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt

from salon_pos.domain.customer_class import Standing
from salon_pos.services.customers import CustomerProfile
from salon_pos.ui.dialogs.customer_history import StandingWords
from salon_pos.ui.models.rows import Column, Index, RowsModel

NAME, PHONE, GENDER, BIRTHDAY, STANDING, NOTES = range(6)
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
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.standings: dict[str, Standing] = {}
        self._words = StandingWords(self)

    def set_standings(
        self, rows: Sequence[CustomerProfile], standings: dict[str, Standing]
    ) -> None:
        self.standings = standings
        self.set_rows(rows)

    def _standing(self, customer: CustomerProfile) -> str:
        standing = self.standings.get(customer.id)
        text = self._words.text(standing) if standing is not None else ""
        if customer.has_allergies:
            text = f"{text} · {self.tr('Allergies')}" if text else self.tr("Allergies")
        return text

    def columns(self) -> list[Column]:
        return [
            (self.tr("Name"), lambda c: c.name),
            (self.tr("Phone"), lambda c: phone_text(c.phone)),
            (self.tr("Gender"), lambda c: self._gender(c.gender)),
            (self.tr("Birthday"), lambda c: c.birthday.isoformat() if c.birthday else ""),
            (self.tr("Standing"), self._standing),
            (self.tr("Notes"), lambda c: notes_preview(c.notes)),
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        tip = role == Qt.ItemDataRole.ToolTipRole and index.column() == NOTES
        if tip and index.isValid() and 0 <= index.row() < self.rowCount():
            return self.row_at(index.row()).notes or None
        return super().data(index, role)

    def _gender(self, gender: str) -> str:
        return {"F": self.tr("Female"), "M": self.tr("Male")}.get(gender, "")
