"""Table models of the tickets screen: the list of tickets, and one ticket's lines. Each is a thin
adapter over frozen rows from TicketQueries; nothing here reads the database."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from salon_pos.domain.money import format_money
from salon_pos.domain.ticket import TenderKind, TicketStatus
from salon_pos.services.tickets import TicketLineView, TicketSummary

Index = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignCenter
VOIDED_COLOUR = QColor("#9e9e9e")
REFUND_COLOUR = QColor("#c2571a")


class TicketWords(QObject):
    """The words for a ticket's state and tenders, shared by the screen, its models and dialogs."""

    def status(self, summary: TicketSummary) -> str:
        if summary.status is TicketStatus.COMPLETED and summary.refunded:
            return self.tr("Part refunded")
        return {
            TicketStatus.OPEN: self.tr("Open"),
            TicketStatus.COMPLETED: self.tr("Completed"),
            TicketStatus.VOIDED: self.tr("Voided"),
            TicketStatus.REFUNDED: self.tr("Refunded"),
        }[summary.status]

    def tender(self, kind: TenderKind) -> str:
        return {
            TenderKind.CASH: self.tr("Cash"),
            TenderKind.BANK_CARD: self.tr("Bank card"),
            TenderKind.WECHAT: self.tr("WeChat Pay"),
            TenderKind.ALIPAY: self.tr("Alipay"),
            TenderKind.STORED_VALUE: self.tr("Stored value"),
            TenderKind.PACKAGE_SESSION: self.tr("Package card"),
            TenderKind.POINTS: self.tr("Points"),
            TenderKind.COUPON: self.tr("Coupon"),
        }[kind]

    def walk_in(self) -> str:
        return self.tr("Walk-in")


def status_colour(summary: TicketSummary) -> QColor | None:
    if summary.status is TicketStatus.VOIDED:
        return VOIDED_COLOUR
    if summary.status is TicketStatus.REFUNDED or summary.refunded:
        return REFUND_COLOUR
    return None


def _status_sample(status: TicketStatus, refunded: int = 0) -> TicketSummary:
    return TicketSummary("", "", status, date.min, None, None, None, "", 0, refunded)


_WIDEST_MOMENT = datetime(2026, 12, 28, 20, 48)  # wide digits, for a column's width
_ONE_OF_EACH_STATUS = (
    *map(_status_sample, TicketStatus),
    _status_sample(TicketStatus.COMPLETED, 1),
)


class RowsModel(QAbstractTableModel):
    """A read-only table over a list of frozen rows; subclasses say what each column shows."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._headers: Sequence[str] | None = None

    def headers(self) -> Sequence[str]:
        raise NotImplementedError

    def _cached_headers(self) -> Sequence[str]:
        """Qt asks for headers thousands of times a paint: translate them once (the window is
        rebuilt when the language changes)."""
        if self._headers is None:
            self._headers = self.headers()
        return self._headers

    def cell(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cached_headers())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            headers = self._cached_headers()
            return headers[section] if 0 <= section < len(headers) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, index.column())
        return self.style(row, index.column(), role)

    def style(self, row: Any, column: int, role: int) -> Any:
        return None

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.prepare()
        self.endResetModel()

    def prepare(self) -> None:
        """Called with the new rows in place, inside the reset."""

    def row(self, number: int) -> Any:
        return self._rows[number]

    def find(self, matches: Callable[[Any], bool]) -> int:
        """The number of the first row that matches, or -1."""
        return next((i for i, row in enumerate(self._rows) if matches(row)), -1)


class TicketListModel(RowsModel):
    """Tickets newest first: number, time (in the store's time zone), customer, cashier, total,
    state, refunded. Voided tickets are greyed and struck through; refunds are in orange."""

    NUMBER, TIME, CUSTOMER, CASHIER, TOTAL, STATUS, REFUNDED = range(7)
    MONEY = (TOTAL, REFUNDED)

    def __init__(self, time_zone: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._zone = ZoneInfo(time_zone)
        self._words = TicketWords(self)
        self.time_format = "%m-%d %H:%M"  # "%H:%M" when every row is from one day

    def headers(self) -> Sequence[str]:
        return (
            self.tr("Number"),
            self.tr("Time"),
            self.tr("Customer"),
            self.tr("Cashier"),
            self.tr("Total"),
            self.tr("Status"),
            self.tr("Refunded"),
        )

    def local_time(self, moment: datetime | None) -> str:
        return moment.astimezone(self._zone).strftime(self.time_format) if moment else ""

    def prepare(self) -> None:
        one_day = len({row.business_day for row in self._rows}) <= 1
        self.time_format = "%H:%M" if one_day else "%m-%d %H:%M"

    def samples(self, column: int) -> list[str]:
        """The widest texts `column` shows (a few, not every row's): the screen sizes the
        columns by them instead of measuring every cell (ResizeToContents took 0.7 s at 500)."""
        rows = self._rows
        if column == self.NUMBER:
            return [max((row.number for row in rows), key=len, default="A1-000000")]
        if column == self.TIME:
            return [_WIDEST_MOMENT.strftime(self.time_format)]
        if column == self.CASHIER:
            return list({row.cashier for row in rows}) or ["周小敏"]
        if column == self.TOTAL:
            return [format_money(max((row.total for row in rows), default=99900))]
        if column == self.STATUS:
            return [self._words.status(s) for s in _ONE_OF_EACH_STATUS]
        if column == self.REFUNDED:
            return [format_money(max((row.refunded for row in rows), default=99900))]
        return []

    def cell(self, row: TicketSummary, column: int) -> str:
        values = (
            row.number,
            self.local_time(row.completed_at),
            row.customer or self._words.walk_in(),
            row.cashier,
            format_money(row.total),
            self._words.status(row),
            format_money(row.refunded) if row.refunded else "",
        )
        return values[column]

    def style(self, row: TicketSummary, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.MONEY:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            return (
                status_colour(row) if column in (self.STATUS, self.REFUNDED, self.TOTAL) else None
            )
        if role == Qt.ItemDataRole.FontRole and row.status is TicketStatus.VOIDED:
            font = QFont()
            font.setStrikeOut(column == self.TOTAL)
            font.setBold(column == self.STATUS)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None


class TicketLineModel(RowsModel):
    """A ticket's lines: item, technician, quantity, unit price, discount, amount, refunded."""

    ITEM, TECHNICIAN, QUANTITY, PRICE, DISCOUNT, AMOUNT, REFUNDED = range(7)
    RIGHT_ALIGNED = (QUANTITY, PRICE, DISCOUNT, AMOUNT, REFUNDED)

    def headers(self) -> Sequence[str]:
        return (
            self.tr("Item"),
            self.tr("Tech"),  # short: seven columns in the detail pane
            self.tr("Qty"),
            self.tr("Price"),
            self.tr("Discount"),
            self.tr("Amount"),
            self.tr("Refunds"),
        )

    def cell(self, row: TicketLineView, column: int) -> str:
        values = (
            row.name,
            row.technician or "—",
            str(row.quantity),
            format_money(row.unit_price),
            format_money(row.line_discount) if row.line_discount else "",
            format_money(row.total),
            str(row.refunded_quantity) if row.refunded_quantity else "",
        )
        return values[column]

    def style(self, row: TicketLineView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.RIGHT_ALIGNED:
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and column == self.ITEM:
            return row.name  # the full name where the column is too narrow for it
        if role == Qt.ItemDataRole.ForegroundRole and row.refunded_quantity:
            return REFUND_COLOUR if column == self.REFUNDED else None
        return None
