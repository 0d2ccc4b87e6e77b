"""The one table model over frozen rows: staff, catalog, customers, the stock tables and the
lines of a document being entered. Columns are (header, cell) pairs, or (header, cell, right
aligned) for figures; rows with `active` false are grey, those `marked()` red. Rows with an `id`
can be found and selected by it. Nothing here reads the database."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableView

Index = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
WARNING = QColor("#b3261e")


class HasId(Protocol):
    @property
    def id(self) -> str: ...


Row = TypeVar("Row")
IdRow = TypeVar("IdRow", bound=HasId)
Cell = Callable[[Any], str]
Column = tuple[str, Cell] | tuple[str, Cell, bool]  # header, cell, right-aligned (default no)


class RowsModel(QAbstractTableModel, Generic[Row]):
    """Rows shown as `columns()` say; `active` false in grey, `marked(row)` in red."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self._columns: list[tuple[str, Cell, bool]] | None = None

    def _shown(self) -> list[tuple[str, Cell, bool]]:
        if self._columns is None:  # built once: data() is called for every cell painted
            self._columns = [(c[0], c[1], c[2:] == (True,)) for c in self.columns()]
        return self._columns

    def columns(self) -> Sequence[Column]:
        raise NotImplementedError

    def marked(self, row: Row) -> bool:
        return False

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    # Rows with an id: found, selected, kept selected across a new read.

    def row_of(self: RowsModel[IdRow], row_id: str) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == row_id), None)

    def selected_in(self, table: QTableView) -> Row | None:
        rows = table.selectionModel().selectedRows()
        return self._rows[rows[0].row()] if rows else None

    def select_in(self: RowsModel[IdRow], table: QTableView, row_id: str) -> bool:
        row = self.row_of(row_id)
        if row is not None:
            table.selectRow(row)
            table.scrollTo(self.index(row, 0))
        return row is not None

    def replace_rows(self: RowsModel[IdRow], table: QTableView, rows: Sequence[IdRow]) -> None:
        """Show these rows, the one selected before still selected if it is among them."""
        selected = self.selected_in(table)
        self.set_rows(rows)
        if selected is not None:
            self.select_in(table, selected.id)

    # An editable list (a document's lines being entered): one line changed, added, removed.

    def replace_line(self, row: int, line: Row) -> None:
        self._rows[row] = line
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def append(self, line: Row) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(line)
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown()[index.column()][1](row)
        if role == Qt.ItemDataRole.TextAlignmentRole and self._shown()[index.column()][2]:
            return int(RIGHT)
        if role == Qt.ItemDataRole.ForegroundRole:
            if self.marked(row):
                return WARNING
            if not getattr(row, "active", True):
                return Qt.GlobalColor.gray
        if role == Qt.ItemDataRole.UserRole:
            return getattr(row, "id", None)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        columns = self._shown()
        return columns[section][0] if 0 <= section < len(columns) else None
