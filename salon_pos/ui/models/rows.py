"""A table model over frozen rows with an `id`, its columns given as (header, cell) pairs: the
staff and catalog tables share it (nothing here reads the database)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QTableView

Index = QModelIndex | QPersistentModelIndex


class HasId(Protocol):
    @property
    def id(self) -> str: ...


Row = TypeVar("Row", bound=HasId)
Column = tuple[str, Callable[[Any], str]]


class RowsModel(QAbstractTableModel, Generic[Row]):
    """Rows shown as `columns()` say; rows with `active` false in grey."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self._columns: list[Column] | None = None

    def _shown(self) -> list[Column]:
        if self._columns is None:  # built once: data() is called for every cell painted
            self._columns = self.columns()
        return self._columns

    def columns(self) -> list[Column]:
        raise NotImplementedError

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def row_of(self, row_id: str) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == row_id), None)

    def selected_in(self, table: QTableView) -> Row | None:
        rows = table.selectionModel().selectedRows()
        return self._rows[rows[0].row()] if rows else None

    def select_in(self, table: QTableView, row_id: str) -> bool:
        row = self.row_of(row_id)
        if row is not None:
            table.selectRow(row)
            table.scrollTo(self.index(row, 0))
        return row is not None

    def replace_rows(self, table: QTableView, rows: Sequence[Row]) -> None:
        """Show these rows, the one selected before still selected if it is among them."""
        selected = self.selected_in(table)
        self.set_rows(rows)
        if selected is not None:
            self.select_in(table, selected.id)

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
        if role == Qt.ItemDataRole.ForegroundRole and not getattr(row, "active", True):
            return Qt.GlobalColor.gray
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        columns = self._shown()
        return columns[section][0] if 0 <= section < len(columns) else None
