"""The bookings calendar (issue 11): a day of technicians or rooms side by side, or a week of
days, with a legend of the status colours. The page that holds it feeds it columns and bookings
(filtered as the front desk chose), listens to its signals, asks the booking service, and feeds
it again: the view itself never changes a booking (docs/bookings.md, "Calendar view").

Times are the store's wall-clock time, as the columns' shifts and the bookings are; `now` must
answer in the same terms (naive or aware alike)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from salon_pos.domain.calendar_layout import CalendarColumn, CalendarItem
from salon_pos.domain.slots import Span
from salon_pos.ui.calendar_grid import CalendarGrid
from salon_pos.ui.calendar_paint import swatch
from salon_pos.ui.flow_layout import FlowLayout

OPENING, CLOSING = time(9), time(21)


def _wall_clock() -> datetime:
    return datetime.now()  # the machine's own zone: the counter stands in the store


class CalendarView(QWidget):
    item_clicked = Signal(str)
    empty_clicked = Signal(str, object)  # column id, datetime: the quarter hour clicked
    item_moved = Signal(str, str, object)  # item id, column id, new start (datetime)
    item_resized = Signal(str, object)  # item id, new end (datetime)

    def __init__(
        self, now: Callable[[], datetime] = _wall_clock, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("calendar_view")
        self.grid = CalendarGrid(now)
        self.grid.status_words = self.status_words()
        today = now().date()
        self.grid.set_window(datetime.combine(today, OPENING), datetime.combine(today, CLOSING))
        for signal in ("item_clicked", "empty_clicked", "item_moved", "item_resized"):
            getattr(self.grid, signal).connect(getattr(self, signal))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self._legend())

    # --- what the page feeds it --------------------------------------------------------------
    def set_window(self, day_start: datetime, day_end: datetime) -> None:
        """The times of day shown: the first day's (and, in the week view, every day's)."""
        self.grid.set_window(day_start, day_end)

    def set_columns(self, columns: Sequence[CalendarColumn]) -> None:
        self.grid.set_columns(columns)

    def set_items(self, items: Sequence[CalendarItem]) -> None:
        """The bookings as they now are; a booking dragged and not yet answered goes back to
        where `items` says it is."""
        self.grid.set_items(items)

    def set_minutes_per_pixel(self, minutes: float) -> None:
        self.grid.set_minutes_per_pixel(minutes)

    def scroll_to_time(self, at: datetime) -> None:
        self.grid.scroll_to_time(at)

    def week_columns(
        self, first_day: date, working: Mapping[date, Sequence[Span]] | None = None
    ) -> list[CalendarColumn]:
        """Seven day columns from `first_day`, titled "周一 12/7"; each column's id is its ISO
        date (the bookings' column_id in the week view)."""
        names = self.weekday_names()
        days = [first_day + timedelta(days=n) for n in range(7)]
        return [
            CalendarColumn(
                day.isoformat(),
                f"{names[day.weekday()]} {day.month}/{day.day}",
                (working or {}).get(day, ()),
                day,
            )
            for day in days
        ]

    # --- words -------------------------------------------------------------------------------
    def status_words(self) -> dict[str, str]:
        return {
            "requested": self.tr("Requested"),
            "booked": self.tr("Booked"),
            "arrived": self.tr("Arrived"),
            "in_service": self.tr("In service"),
            "completed": self.tr("Completed"),
            "cancelled": self.tr("Cancelled"),
            "no_show": self.tr("No-show"),
        }

    def weekday_names(self) -> tuple[str, ...]:
        return (
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        )

    def _legend(self) -> QWidget:
        legend = QWidget()
        legend.setObjectName("calendar_legend")
        # on a narrow screen the legend wraps to a second row rather than widen the calendar
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        legend.setSizePolicy(policy)
        flow = FlowLayout(legend, spacing=12)
        flow.setContentsMargins(4, 0, 4, 0)
        entries = [(swatch(status), words) for status, words in self.status_words().items()]
        entries += [
            (swatch("booked", clash=True), self.tr("Clash")),
            (swatch("booked", requested=True), self.tr("By name")),
            (swatch(""), self.tr("Off shift")),
        ]
        for pixmap, words in entries:
            entry = QWidget()
            row = QHBoxLayout(entry)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(6)
            sample = QLabel()
            sample.setPixmap(pixmap)
            row.addWidget(sample)
            row.addWidget(QLabel(words))
            flow.addWidget(entry)
        return legend
