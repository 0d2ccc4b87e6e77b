"""The calendar grid's frame: the column titles along the top (they follow the grid across,
never down) and the time ruler on the left (it follows the grid down, never across)."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from salon_pos.ui import calendar_paint as paint

if TYPE_CHECKING:
    from salon_pos.ui.calendar_grid import CalendarGrid

FRAME = QColor("#f5f7f8")
TODAY = QColor("#1565c0")


class CalendarHeader(QWidget):
    """Covers the corner above the ruler too, so the titles start where the columns do."""

    def __init__(self, grid: CalendarGrid) -> None:
        super().__init__(grid)
        self.setObjectName("calendar_header")
        self._grid = grid
        self._bold = QFont(self.font())
        self._bold.setBold(True)

    def height_hint(self) -> int:
        return QFontMetrics(self._bold).height() + 12

    def paintEvent(self, event: QPaintEvent) -> None:
        grid = self._grid
        painter = QPainter(self)
        painter.fillRect(self.rect(), FRAME)
        left = grid.ruler.width_hint()
        painter.setClipRect(QRectF(left, 0, self.width() - left, self.height()))
        width = grid.column_width
        metrics = QFontMetrics(self._bold)
        today = grid.today()
        x0 = left - grid.scroll_offset().x()
        first = max(int(-(x0 - left) // width), 0)
        for n in range(first, len(grid.columns)):
            x = x0 + n * width
            if x > self.width():
                break
            column = grid.columns[n]
            cell = QRectF(x, 0, width, self.height())
            painter.setPen(paint.COLUMN_LINE)
            painter.drawLine(QPointF(x - 0.5, 0), QPointF(x - 0.5, self.height()))
            is_today = column.day is not None and column.day == today
            painter.setPen(TODAY if is_today else paint.TEXT)
            painter.setFont(self._bold)
            title = metrics.elidedText(column.title, Qt.TextElideMode.ElideRight, int(width) - 8)
            painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, title)
        painter.setClipping(False)
        painter.setPen(paint.COLUMN_LINE)
        painter.drawLine(
            QPointF(0, self.height() - 0.5), QPointF(self.width(), self.height() - 0.5)
        )
        painter.end()


class CalendarRuler(QWidget):
    def __init__(self, grid: CalendarGrid) -> None:
        super().__init__(grid)
        self.setObjectName("calendar_ruler")
        self._grid = grid

    def width_hint(self) -> int:
        return QFontMetrics(self.font()).horizontalAdvance("00:00") + 14

    def paintEvent(self, event: QPaintEvent) -> None:
        grid = self._grid
        painter = QPainter(self)
        painter.fillRect(self.rect(), FRAME)
        metrics = QFontMetrics(self.font())
        top = -grid.scroll_offset().y()
        start, end = grid.day_start, grid.day_end
        at = start.replace(minute=0, second=0, microsecond=0)
        while at <= end:
            y = top + grid.pixels((at - start).total_seconds() / 60)
            if at >= start and -metrics.height() <= y <= self.height() + metrics.height():
                painter.setPen(paint.HOUR_LINE)
                painter.drawLine(QPointF(self.width() - 6, y), QPointF(self.width(), y))
                painter.setPen(paint.TEXT)
                label = QRectF(0, y + 1, self.width() - 6, metrics.height())
                if y < metrics.height() / 2:
                    label.moveTop(max(y + 1, 0))
                painter.drawText(
                    label, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, f"{at:%H:%M}"
                )
            at += timedelta(hours=1)
        self._paint_now(painter, top)
        painter.setPen(paint.COLUMN_LINE)
        painter.drawLine(QPointF(self.width() - 0.5, 0), QPointF(self.width() - 0.5, self.height()))
        painter.end()

    def _paint_now(self, painter: QPainter, top: float) -> None:
        """The time now, in red on the ruler, when some column shows it."""
        grid = self._grid
        minutes = grid.now_minutes()
        if minutes is None:
            return
        y = top + grid.pixels(minutes)
        painter.setPen(QPen(paint.NOW_LINE, 2))
        painter.drawLine(QPointF(self.width() - 8, y), QPointF(self.width(), y))
