"""The pieces of the schedule editor: a time of day in 15-minute steps, and one day's hours (the
shift, "次日" when it ends after midnight, and up to two breaks) laid out on a row of a grid."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QWidget

from salon_pos.domain.schedule import Hours, clock_time

QUARTERS = [f"{m // 60:02d}:{m % 60:02d}" for m in range(0, 24 * 60, 15)]
BREAKS = (("12:00", "12:30"), ("17:30", "18:00"))  # offered when a day has none
COLUMNS = 12  # the grid columns a row of hours takes


class TimeCombo(QComboBox):
    """A time of day, a quarter hour apart; a time held that is not on one (from another
    counter) is kept and shown as it is."""

    def __init__(self, name: str, value: str = "09:00") -> None:
        super().__init__()
        self.setObjectName(name)
        self.setMaxVisibleItems(12)
        for text in QUARTERS:
            self.addItem(text, text)
        self.set_value(value)

    def value(self) -> str:
        return str(self.currentData())

    def set_value(self, text: str) -> None:
        index = self.findData(text)
        if index < 0:
            after = [i for i, q in enumerate(QUARTERS) if clock_time(q) > clock_time(text)]
            index = after[0] if after else self.count()
            self.insertItem(index, text, text)
        self.setCurrentIndex(index)


class BreakFields(QObject):
    def __init__(self, name: str, start: str, end: str, parent: QObject) -> None:
        super().__init__(parent)
        self.check = QCheckBox()
        self.check.setObjectName(f"{name}On")
        self.start = TimeCombo(f"{name}Start", start)
        self.end = TimeCombo(f"{name}End", end)
        self.check.toggled.connect(self._on_toggled)
        self._on_toggled(False)

    def _on_toggled(self, on: bool) -> None:
        for field in (self.start, self.end):
            field.setEnabled(on and self.check.isEnabled())

    def set_enabled(self, on: bool) -> None:
        self.check.setEnabled(on)
        self._on_toggled(self.check.isChecked())

    def widgets(self) -> list[QWidget]:
        return [self.check, self.start, dash(), self.end]


def dash() -> QLabel:
    return QLabel("–")


class HoursFields(QObject):
    """A shift and two breaks (each on or off); `changed` on any edit."""

    changed = Signal()

    def __init__(self, name: str, parent: QObject, hours: Hours | None = None) -> None:
        super().__init__(parent)
        self.start = TimeCombo(f"{name}Start")
        self.end = TimeCombo(f"{name}End", "21:00")
        self.next_day = QLabel()
        self.next_day.setObjectName(f"{name}NextDay")
        self.next_day.setProperty("role", "nextDay")
        width = self.next_day.fontMetrics().horizontalAdvance(self.tr("next day"))
        self.next_day.setMinimumWidth(width + 4)
        self.breaks = [
            BreakFields(f"{name}Break{n}", s, e, self) for n, (s, e) in enumerate(BREAKS, 1)
        ]
        self.set_hours(hours or Hours("09:00", "21:00", (BREAKS[0],)))
        for combo in (self.start, self.end, *self._break_times()):
            combo.currentIndexChanged.connect(self._on_edited)
        for fields in self.breaks:
            fields.check.toggled.connect(self._on_edited)
        self._on_edited()

    def _break_times(self) -> list[TimeCombo]:
        return [combo for b in self.breaks for combo in (b.start, b.end)]

    def place(self, grid: QGridLayout, row: int, column: int) -> None:
        widgets: list[QWidget] = [self.start, dash(), self.end, self.next_day]
        for fields in self.breaks:
            widgets += fields.widgets()
        for offset, widget in enumerate(widgets):
            grid.addWidget(widget, row, column + offset)

    def hours(self) -> Hours:
        breaks = tuple((b.start.value(), b.end.value()) for b in self.breaks if b.check.isChecked())
        return Hours(self.start.value(), self.end.value(), breaks)

    def set_hours(self, hours: Hours) -> None:
        self.start.set_value(hours.start)
        self.end.set_value(hours.end)
        for n, fields in enumerate(self.breaks):
            held = n < len(hours.breaks)
            fields.check.setChecked(held)
            if held:
                fields.start.set_value(hours.breaks[n][0])
                fields.end.set_value(hours.breaks[n][1])

    def set_enabled(self, on: bool) -> None:
        self.start.setEnabled(on)
        self.end.setEnabled(on)
        self.next_day.setEnabled(on)
        for fields in self.breaks:
            fields.set_enabled(on)

    def _on_edited(self) -> None:
        overnight = clock_time(self.end.value()) < clock_time(self.start.value())
        self.next_day.setText(self.tr("next day") if overnight else "")
        self.next_day.setToolTip(
            self.tr("Ends after midnight, on the next day") if overnight else ""
        )
        self.changed.emit()
