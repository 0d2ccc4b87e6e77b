"""The calendar's scrolling grid: one column per technician, room or day, time downwards.

A QAbstractScrollArea whose viewport paints only what is visible (a day of 30 columns and 400
bookings paints in a few milliseconds); the column titles and the time ruler are two small
widgets in its margins, so the titles stay put while the grid scrolls down and the ruler while
it scrolls across. The mouse: a click on a booking or on free time, a booking dragged to another
time or column, its bottom edge dragged to change its end (15-minute steps). The grid never
moves a booking for good: it shows the booking where it was dropped and says so; the page asks
the service and calls `set_items` with the answer (a refusal puts it back)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCursor,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QToolTip, QWidget

from salon_pos.domain.calendar_layout import (
    CalendarColumn,
    CalendarItem,
    PlacedItem,
    column_origin,
    lay_out,
    snapped,
)
from salon_pos.ui import calendar_paint as paint
from salon_pos.ui.calendar_drag import STEP, Drag, Grip
from salon_pos.ui.calendar_frame import CalendarHeader, CalendarRuler

EDGE = 6  # pixels at a booking's bottom that resize it


class CalendarGrid(QAbstractScrollArea):
    item_clicked = Signal(str)
    empty_clicked = Signal(str, object)  # column id, datetime (the quarter hour clicked)
    item_moved = Signal(str, str, object)  # item id, column id, new start
    item_resized = Signal(str, object)  # item id, new end

    def __init__(self, now: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendar_grid")
        self._now = now
        self.columns: list[CalendarColumn] = []
        self.items: list[CalendarItem] = []
        self.placed: list[PlacedItem] = []
        self._by_column: list[list[PlacedItem]] = []
        self._origins: list[datetime] = []
        self.day_start = datetime(2000, 1, 1, 9)
        self.day_end = datetime(2000, 1, 1, 21)
        self.minutes_per_pixel = 1.0
        self.min_column_width = 96
        self.status_words: Mapping[str, str] = {}
        self._fonts = paint.Fonts.of(self.font())
        self._drag: Drag | None = None
        self._press_empty: QPointF | None = None
        self._pending: dict[str, tuple[int, datetime, datetime]] = {}  # dropped, not yet answered
        self.header = CalendarHeader(self)
        self.ruler = CalendarRuler(self)
        self.setViewportMargins(self.ruler.width_hint(), self.header.height_hint(), 0, 0)
        self.viewport().setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._minute = QTimer(self)  # the now-line moves
        self._minute.timeout.connect(self.viewport().update)
        self._minute.start(60_000)

    # --- what it shows -------------------------------------------------------------------
    def set_window(self, day_start: datetime, day_end: datetime) -> None:
        self.day_start, self.day_end = day_start, day_end
        self._pending.clear()
        self._relayout()

    def set_columns(self, columns: Sequence[CalendarColumn]) -> None:
        self.columns = list(columns)
        self._pending.clear()
        self._relayout()

    def set_items(self, items: Sequence[CalendarItem]) -> None:
        self.items = list(items)
        self._pending.clear()
        self._drag = None
        self._relayout()

    def set_minutes_per_pixel(self, minutes: float) -> None:
        self.minutes_per_pixel = minutes
        self._relayout()

    def _relayout(self) -> None:
        self.placed = lay_out(self.columns, self.items, self.day_start, self.day_end)
        self._by_column = [[] for _ in self.columns]
        for placed in self.placed:
            self._by_column[placed.column].append(placed)
        self._origins = [column_origin(c, self.day_start) for c in self.columns]
        self._update_scrollbars()
        self._repaint()

    def _repaint(self) -> None:
        self.viewport().update()
        self.header.update()
        self.ruler.update()

    # --- geometry --------------------------------------------------------------------------
    @property
    def window_minutes(self) -> float:
        return (self.day_end - self.day_start).total_seconds() / 60

    @property
    def column_width(self) -> float:
        count = max(len(self.columns), 1)
        return max(float(self.min_column_width), self.viewport().width() / count)

    def pixels(self, minutes: float) -> float:
        return minutes / self.minutes_per_pixel

    def scroll_offset(self) -> QPoint:
        return QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value())

    def item_rect(self, placed: PlacedItem) -> QRectF:
        """In content coordinates (before scrolling)."""
        width = self.column_width / placed.lanes
        left = placed.column * self.column_width + placed.lane * width
        height = max(self.pixels(placed.height), 6.0)
        return QRectF(left + 1, self.pixels(placed.top), width - 2, height - 1)

    def _update_scrollbars(self) -> None:
        size = self.viewport().size()
        across = int(self.column_width * len(self.columns))
        down = int(self.pixels(self.window_minutes))
        for bar, content, page in (
            (self.horizontalScrollBar(), across, size.width()),
            (self.verticalScrollBar(), down, size.height()),
        ):
            bar.setRange(0, max(content - page, 0))
            bar.setPageStep(page)
        self.horizontalScrollBar().setSingleStep(int(self.column_width / 2))
        self.verticalScrollBar().setSingleStep(max(int(self.pixels(STEP)), 1))

    def today(self) -> date:
        return self._now().date()

    def now_minutes(self) -> float | None:
        """Minutes from the window's start to now, when a column shows now."""
        now = self._now()
        for origin in dict.fromkeys(self._origins):
            minutes = (now - origin).total_seconds() / 60
            if 0 <= minutes <= self.window_minutes:
                return minutes
        return None

    def scroll_to_time(self, at: datetime) -> None:
        """Scroll down to an hour before `at` (the calendar opens on the now-line)."""
        minutes = (at - self.day_start).total_seconds() / 60 - 60
        self.verticalScrollBar().setValue(int(self.pixels(max(minutes, 0))))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        frame = self.viewport().geometry()
        ruler, header = self.ruler.width_hint(), self.header.height_hint()
        self.header.setGeometry(
            frame.left() - ruler, frame.top() - header, frame.width() + ruler, header
        )
        self.ruler.setGeometry(frame.left() - ruler, frame.top(), ruler, frame.height())
        self._update_scrollbars()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self._repaint()

    # --- painting --------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        offset = self.scroll_offset()
        painter.translate(-offset.x(), -offset.y())
        seen = QRectF(event.rect()).translated(offset.x(), offset.y())
        width = self.column_width
        first = max(int(seen.left() // width), 0)
        last = min(int(seen.right() // width), len(self.columns) - 1)
        self._paint_background(painter, seen, first, last)
        moving = {self._drag.placed.item.id} if self._drag and self._drag.started else set()
        for column in range(first, last + 1):
            for placed in self._by_column[column]:
                rect = self.item_rect(placed)
                if rect.intersects(seen):
                    ghost = placed.item.id in self._pending
                    self._paint_item(
                        painter, rect, placed.item, faded=ghost or placed.item.id in moving
                    )
        for item_id, (column, start, end) in self._pending.items():
            self._paint_dropped(painter, item_id, column, start, end)
        if self._drag and self._drag.started and self._drag.start and self._drag.end:
            self._paint_dropped(
                painter,
                self._drag.placed.item.id,
                self._drag.column,
                self._drag.start,
                self._drag.end,
            )
        self._paint_now(painter, first, last)
        painter.end()

    def _paint_background(self, painter: QPainter, seen: QRectF, first: int, last: int) -> None:
        width = self.column_width
        bottom = self.pixels(self.window_minutes)
        painter.fillRect(seen, paint.OFF_SHIFT)
        for column in range(first, last + 1):
            origin = self._origins[column]
            for span in self.columns[column].working:
                top = max((span.start - origin).total_seconds() / 60, 0)
                end = min((span.end - origin).total_seconds() / 60, self.window_minutes)
                if end > top:
                    rect = QRectF(column * width, self.pixels(top), width, self.pixels(end - top))
                    painter.fillRect(rect, paint.ON_SHIFT)
        left, right = max(seen.left(), 0), min(seen.right(), width * len(self.columns))
        first_line = self.day_start.replace(minute=0, second=0, microsecond=0)
        at = first_line
        while at <= self.day_end:
            y = self.pixels((at - self.day_start).total_seconds() / 60)
            if seen.top() - 1 <= y <= seen.bottom() + 1 and at >= self.day_start:
                painter.setPen(paint.HOUR_LINE if at.minute == 0 else paint.HALF_HOUR_LINE)
                painter.drawLine(QPointF(left, y), QPointF(right, y))
            at += timedelta(minutes=30)
        painter.setPen(paint.COLUMN_LINE)
        for column in range(first, last + 2):
            x = column * width - 0.5
            painter.drawLine(QPointF(x, max(seen.top(), 0)), QPointF(x, min(seen.bottom(), bottom)))

    def _paint_item(
        self,
        painter: QPainter,
        rect: QRectF,
        item: CalendarItem,
        *,
        faded: bool = False,
        dropped: bool = False,
    ) -> None:
        clash, requested = item.clash, item.requested
        paint.paint_box(
            painter,
            rect,
            item.status,
            clash=clash,
            requested=requested,
            ghost=faded,
            dropped=dropped,
        )
        if faded:
            painter.setOpacity(0.55)
        texts = (item.title, paint.time_range(item.start, item.end), item.detail)
        paint.paint_item_text(painter, rect, self._fonts, item.status, texts)
        painter.setOpacity(1.0)

    def _paint_dropped(
        self, painter: QPainter, item_id: str, column: int, start: datetime, end: datetime
    ) -> None:
        item = next((i for i in self.items if i.id == item_id), None)
        if item is None or column >= len(self.columns):
            return
        origin = self._origins[column]
        top = max((start - origin).total_seconds() / 60, 0)
        bottom = min((end - origin).total_seconds() / 60, self.window_minutes)
        width = self.column_width
        rect = QRectF(
            column * width + 1, self.pixels(top), width - 2, max(self.pixels(bottom - top), 6.0) - 1
        )
        self._paint_item(painter, rect, replace(item, start=start, end=end), dropped=True)

    def _paint_now(self, painter: QPainter, first: int, last: int) -> None:
        now = self._now()
        width = self.column_width
        painter.setPen(QPen(paint.NOW_LINE, 2))
        for column in range(first, last + 1):
            minutes = (now - self._origins[column]).total_seconds() / 60
            if 0 <= minutes <= self.window_minutes:
                y = self.pixels(minutes)
                painter.drawLine(QPointF(column * width, y), QPointF((column + 1) * width, y))

    # --- the mouse -------------------------------------------------------------------------
    def _content(self, pos: QPointF | QPoint) -> QPointF:
        return QPointF(pos) + QPointF(self.scroll_offset())

    def _column_at(self, x: float) -> int:
        return min(max(int(x // self.column_width), 0), len(self.columns) - 1)

    def _minutes_at(self, y: float) -> float:
        return y * self.minutes_per_pixel

    def item_at(self, point: QPointF) -> PlacedItem | None:
        """The booking under a point in content coordinates (the last painted wins)."""
        if not self.columns or point.x() < 0:
            return None
        column = int(point.x() // self.column_width)
        if column >= len(self.columns):
            return None
        for placed in reversed(self._by_column[column]):
            if self.item_rect(placed).contains(point):
                return placed
        return None

    def _on_edge(self, placed: PlacedItem, point: QPointF) -> bool:
        rect = self.item_rect(placed)
        return rect.bottom() - point.y() <= min(EDGE, rect.height() / 3)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or not self.columns:
            return
        point = self._content(event.position())
        placed = self.item_at(point)
        self._press_empty = point if placed is None else None
        if placed is None:
            self._drag = None
            return
        item = placed.item
        grip = Grip.CLICK
        if item.movable:
            grip = Grip.RESIZE if self._on_edge(placed, point) else Grip.MOVE
        start_minutes = (item.start - self._origins[placed.column]).total_seconds() / 60
        self._drag = Drag(placed, grip, point, self._minutes_at(point.y()) - start_minutes)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = self._content(event.position())
        drag = self._drag
        if drag is None:
            self._hover(point)
            return
        distance = (point - drag.press).manhattanLength()
        if drag.grip is Grip.CLICK or (
            not drag.started and distance < QApplication.startDragDistance()
        ):
            return
        drag.started = True
        minutes = self._minutes_at(point.y())
        if drag.grip is Grip.MOVE:
            column = self._column_at(point.x())
            drag.move_to(column, self._origins[column], minutes, self.window_minutes)
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
        else:
            drag.stretch_to(self._origins[drag.placed.column], minutes)
            self.viewport().setCursor(Qt.CursorShape.SizeVerCursor)
        self.viewport().update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        drag, self._drag = self._drag, None
        pressed, self._press_empty = self._press_empty, None
        self.viewport().unsetCursor()
        self.viewport().update()
        if drag is None:
            if pressed is not None:
                self._emit_empty(pressed)
            return
        item = drag.placed.item
        if not drag.started or drag.start is None or drag.end is None:
            self.item_clicked.emit(item.id)
        elif drag.changed:
            self._pending[item.id] = (drag.column, drag.start, drag.end)
            if drag.grip is Grip.MOVE:
                self.item_moved.emit(item.id, self.columns[drag.column].id, drag.start)
            else:
                self.item_resized.emit(item.id, drag.end)

    def _emit_empty(self, point: QPointF) -> None:
        inside = 0 <= point.y() < self.pixels(self.window_minutes)
        if not self.columns or not inside or point.x() >= self.column_width * len(self.columns):
            return
        column = self._column_at(point.x())
        at = self._origins[column] + timedelta(minutes=self._minutes_at(point.y()))
        self.empty_clicked.emit(self.columns[column].id, snapped(at, STEP, down=True))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self._drag is not None:
            self._drag = None  # the drag is called off; nothing is said
            self.viewport().unsetCursor()
            self.viewport().update()
            return
        super().keyPressEvent(event)

    def _hover(self, point: QPointF) -> None:
        placed = self.item_at(point)
        if placed is None:
            self.viewport().unsetCursor()
        elif placed.item.movable and self._on_edge(placed, point):
            self.viewport().setCursor(Qt.CursorShape.SizeVerCursor)
        else:
            self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            placed = self.item_at(self._content(event.pos()))
            if placed is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(QCursor.pos(), self._tooltip(placed.item), self.viewport())
            return True
        return super().viewportEvent(event)

    def _tooltip(self, item: CalendarItem) -> str:
        status = self.status_words.get(item.status, item.status)
        lines = [item.title, f"{paint.time_range(item.start, item.end)}  {status}", item.detail]
        return "\n".join(line for line in lines if line)
