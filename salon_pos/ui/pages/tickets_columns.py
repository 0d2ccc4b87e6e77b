"""Fixed widths for the ticket list's columns, from the widest texts the rows hold (a few
measurements, not every cell: ResizeToContents took 0.7 s at 500 rows). The customer's name
takes what is left. When the list is too narrow for every column (a 1024×768 counter), the
cashier's column goes first and then the refunded one: both are in the detail beside the list,
and no column ever hides behind a horizontal scroll bar."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QHeaderView, QTableView

from salon_pos.ui.models.tickets import TicketListModel

PADDING = 12  # a cell's margins either side, with a little room to spare
CUSTOMER_MIN = 60  # three Han characters and an ellipsis
DROPPED_FIRST = (TicketListModel.CASHIER, TicketListModel.REFUNDED)


class TicketColumns(QObject):
    def __init__(self, table: QTableView, model: TicketListModel) -> None:
        super().__init__(table)
        self._table, self._model = table, model
        self.optional_hidden: set[int] = set()  # columns the page hides (no refunds listed)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(TicketListModel.CUSTOMER, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(24)
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def widths(self) -> dict[int, int]:
        cells, heads = self._table.fontMetrics(), self._table.horizontalHeader().fontMetrics()
        model = self._model
        return {
            column: PADDING
            + max(
                heads.horizontalAdvance(str(model.headerData(column, Qt.Orientation.Horizontal))),
                *(cells.horizontalAdvance(text) for text in model.samples(column)),
            )
            for column in range(model.columnCount())
            if column != TicketListModel.CUSTOMER
        }

    def fit(self) -> None:
        """Size every column and hide what does not fit the list's width."""
        self._table.ensurePolished()
        widths = self.widths()
        shown = {c for c in widths if c not in self.optional_hidden}
        room = self._table.viewport().width() - CUSTOMER_MIN
        for column in DROPPED_FIRST:
            if sum(widths[c] for c in shown) <= room:
                break
            shown.discard(column)
        for column, width in widths.items():
            self._table.setColumnHidden(column, column not in shown)
            self._table.setColumnWidth(column, width)
