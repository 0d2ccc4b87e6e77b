"""A report section's table on screen: its rows, then its totals row in bold; figures to the
right, money in yuan (the headings say 元). Nothing here reads the database."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from salon_pos.reports.model import Cell, Table, cell_text

Index = QModelIndex | QPersistentModelIndex
MONEY_SYMBOL = ""


class ReportTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table: Table | None = None
        self._rows: list[tuple[Cell, ...]] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_table(self, table: Table | None) -> None:
        self.beginResetModel()
        self._table = table
        rows = list(table.rows) if table else []
        if table is not None and table.totals is not None and rows:
            rows.append(table.totals)
        self._rows = rows
        self.endResetModel()

    def is_totals(self, row: int) -> bool:
        table = self._table
        return table is not None and table.totals is not None and row == len(table.rows)

    def text(self, row: int, column: int) -> str:
        assert self._table is not None
        kind = self._table.columns[column].kind
        return cell_text(kind, self._rows[row][column], MONEY_SYMBOL)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._table is None:
            return 0
        return len(self._table.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._table is None or index.row() >= len(self._rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.row(), index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            numeric = self._table.columns[index.column()].numeric
            side = Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft
            return side | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.FontRole and self.is_totals(index.row()):
            return self._bold
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        table = self._table
        if (
            role != Qt.ItemDataRole.DisplayRole
            or orientation != Qt.Orientation.Horizontal
            or table is None
            or not 0 <= section < len(table.columns)
        ):
            return None
        return table.columns[section].heading
