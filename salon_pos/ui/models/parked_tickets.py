"""The parked tickets (挂单) as a table: label, customer, items, total and how long it has
waited. A thin adapter over services.parked_tickets rows; nothing here reads the database."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from salon_pos.domain.money import format_money
from salon_pos.services.parked_tickets import ParkedTicketView

Index = QModelIndex | QPersistentModelIndex
LABEL, CUSTOMER, ITEMS, TOTAL, WAITED = range(5)
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignCenter


class ParkedTicketsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ParkedTicketView] = []
        self._now: datetime | None = None
        self.headers = [
            self.tr("Ticket"),
            self.tr("Customer"),
            self.tr("Items"),
            self.tr("Total"),
            self.tr("Waiting"),
        ]

    def reset(self, rows: Sequence[ParkedTicketView], now: datetime) -> None:
        self.beginResetModel()
        self._rows, self._now = list(rows), now
        self.endResetModel()

    def rows(self) -> tuple[ParkedTicketView, ...]:
        return tuple(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation is Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Parked by {name}").format(name=row.created_by_name)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column == TOTAL else CENTRE if column in (ITEMS, WAITED) else None
        return None

    def _display(self, row: ParkedTicketView, column: int) -> str:
        if column == LABEL:
            return row.label
        if column == CUSTOMER:
            return row.customer_name or self.tr("Walk-in")
        if column == ITEMS:
            return str(row.item_count)
        if column == TOTAL:
            return format_money(row.total)
        return self.waited(row)

    def waited(self, row: ParkedTicketView) -> str:
        """How long since it was first parked: "just now", "25 min", "1 h 05 min"."""
        minutes = int((self._now - row.created_at).total_seconds() // 60) if self._now else 0
        if minutes < 1:
            return self.tr("just now")
        if minutes < 60:
            return self.tr("{minutes} min").format(minutes=minutes)
        return self.tr("{hours} h {minutes:02d} min").format(
            hours=minutes // 60, minutes=minutes % 60
        )
