"""The two ways to give a technician working time: the same hours each weekday (每周固定), or a
cycle of 1–28 days from a first day (轮班), each day a shift (早班, 晚班, 全天, their hours
editable) or 休."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from salon_pos.domain.schedule import WEEKDAYS, Hours, RotatingPattern, WeeklyPattern
from salon_pos.ui.dialogs.schedule_fields import BREAKS, HoursFields
from salon_pos.ui.widgets import button, qdate

PRESETS = (
    Hours("09:00", "17:00", (BREAKS[0],)),  # 早班
    Hours("13:00", "21:00", (BREAKS[1],)),  # 晚班
    Hours("09:00", "21:00", (BREAKS[0],)),  # 全天
)
CYCLE_COLUMNS = 7
MAX_CYCLE = 28


def header(grid: QGridLayout, texts: list[tuple[int, int, str]]) -> None:
    """Column titles on the grid's first row: (column, span, text)."""
    for column, span, text in texts:
        label = QLabel(text)
        label.setProperty("role", "muted")
        grid.addWidget(label, 0, column, 1, span)


class WeeklyEditor(QWidget):
    changed = Signal()

    def __init__(self, language: str, pattern: WeeklyPattern | None) -> None:
        super().__init__()
        self.setObjectName("weeklyEditor")
        days = list(pattern.days) if pattern else [Hours("09:00", "21:00", (BREAKS[0],))] * 7
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        header(grid, self._titles())
        self.working: list[QCheckBox] = []
        self.days: list[HoursFields] = []
        for n, hours in enumerate(days):
            grid.addWidget(QLabel(WEEKDAYS[n].text(language)), n + 1, 0)
            working = QCheckBox()
            working.setObjectName(f"weekWorking{n}")
            working.setChecked(hours is not None)
            fields = HoursFields(f"week{n}", self, hours)
            grid.addWidget(working, n + 1, 1)
            fields.place(grid, n + 1, 2)
            working.toggled.connect(fields.set_enabled)
            working.toggled.connect(self.changed)
            fields.changed.connect(self.changed)
            fields.set_enabled(hours is not None)
            self.working.append(working)
            self.days.append(fields)
        grid.setColumnStretch(14, 1)
        self.copy_monday = button(self.tr("Copy Monday to weekdays"), "copyMonday")
        self.copy_monday.clicked.connect(self.copy_monday_to_weekdays)
        self.clear = button(self.tr("Clear (all days off)"), "clearWeek")
        self.clear.clicked.connect(self.clear_all)
        actions = QHBoxLayout()
        actions.addWidget(self.copy_monday)
        actions.addWidget(self.clear)
        actions.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addLayout(actions)
        layout.addStretch()

    def _titles(self) -> list[tuple[int, int, str]]:
        return [
            (1, 1, self.tr("On")),
            (2, 4, self.tr("Hours")),
            (6, 4, self.tr("Break")),
            (10, 4, self.tr("Second break")),
        ]

    def pattern(self) -> WeeklyPattern:
        return WeeklyPattern(
            tuple(
                f.hours() if on.isChecked() else None
                for on, f in zip(self.working, self.days, strict=True)
            )
        )

    def copy_monday_to_weekdays(self) -> None:
        monday = self.days[0].hours()
        for n in range(1, 5):
            self.working[n].setChecked(self.working[0].isChecked())
            self.days[n].set_hours(monday)

    def clear_all(self) -> None:
        for working in self.working:
            working.setChecked(False)


class RotatingEditor(QWidget):
    changed = Signal()

    def __init__(self, today: date, pattern: RotatingPattern | None) -> None:
        super().__init__()
        self.setObjectName("rotatingEditor")
        cycle: list[Hours | None] = (
            list(pattern.cycle) if pattern else [PRESETS[0], PRESETS[1], None]
        )
        shifts = self._presets(cycle)
        names = [self.tr("Early"), self.tr("Late"), self.tr("All day")]
        names += [self.tr("Shift {n}").format(n=n) for n in range(4, len(shifts) + 1)]
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        header(grid, [(0, 1, self.tr("Shift")), (1, 4, self.tr("Hours")),
                      (5, 4, self.tr("Break")), (9, 4, self.tr("Second break"))])  # fmt: skip
        self.presets: list[HoursFields] = []
        for n, hours in enumerate(shifts):
            grid.addWidget(QLabel(names[n]), n + 1, 0)
            fields = HoursFields(f"preset{n}", self, hours)
            fields.place(grid, n + 1, 1)
            fields.changed.connect(self.changed)
            self.presets.append(fields)
        grid.setColumnStretch(13, 1)
        self.first_day = QDateEdit(qdate(pattern.first_day if pattern else today))
        self.first_day.setObjectName("cycleFirstDay")
        self.first_day.setCalendarPopup(True)
        self.first_day.setDisplayFormat("yyyy-MM-dd")
        self.first_day.dateChanged.connect(self.changed)
        self.length = QSpinBox()
        self.length.setObjectName("cycleLength")
        self.length.setRange(1, MAX_CYCLE)
        self.length.setSuffix(self.tr(" days"))
        self.clear = button(self.tr("Clear (all days off)"), "clearCycle")
        self.clear.clicked.connect(self.clear_all)
        self.days = [self._day_choice(n, names, shifts, cycle) for n in range(MAX_CYCLE)]
        self._build(grid)
        self.length.setValue(len(cycle))
        self._on_length_changed(len(cycle))
        self.length.valueChanged.connect(self._on_length_changed)

    @staticmethod
    def _presets(cycle: list[Hours | None]) -> list[Hours]:
        """The shifts to offer: the three presets, those the cycle uses in their place."""
        used = list(dict.fromkeys(h for h in cycle if h is not None))
        shifts = list(PRESETS)
        free = [n for n, p in enumerate(shifts) if p not in used]
        for hours in (h for h in used if h not in PRESETS):
            if free:
                shifts[free.pop(0)] = hours
            else:
                shifts.append(hours)
        return shifts

    def _day_choice(
        self, n: int, names: list[str], shifts: list[Hours], cycle: list[Hours | None]
    ) -> QComboBox:
        choice = QComboBox()
        choice.setObjectName(f"cycleDay{n}")
        for index, name in enumerate(names):
            choice.addItem(name, index)
        choice.addItem(self.tr("Off"), -1)
        held = cycle[n] if n < len(cycle) else None
        choice.setCurrentIndex(choice.findData(shifts.index(held) if held is not None else -1))
        choice.currentIndexChanged.connect(self.changed)
        return choice

    def _build(self, presets: QGridLayout) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Day 1 of the cycle")))
        top.addWidget(self.first_day)
        top.addSpacing(16)
        top.addWidget(QLabel(self.tr("Cycle")))
        top.addWidget(self.length)
        top.addStretch()
        top.addWidget(self.clear)
        days = QGridLayout()
        days.setHorizontalSpacing(6)
        for n, choice in enumerate(self.days):
            label = QLabel(str(n + 1))
            label.setProperty("role", "muted")
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            row, column = divmod(n, CYCLE_COLUMNS)
            days.addWidget(label, row, column * 2)
            days.addWidget(choice, row, column * 2 + 1)
            choice.setProperty("label", label)
        days.setColumnStretch(CYCLE_COLUMNS * 2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(presets)
        layout.addLayout(top)
        layout.addLayout(days)
        layout.addStretch()

    def _on_length_changed(self, length: int) -> None:
        for n, choice in enumerate(self.days):
            choice.setVisible(n < length)
            label = choice.property("label")
            if isinstance(label, QLabel):
                label.setVisible(n < length)
        self.changed.emit()

    def pattern(self) -> RotatingPattern:
        shifts = [p.hours() for p in self.presets]
        cycle = []
        for choice in self.days[: self.length.value()]:
            index = int(choice.currentData())
            cycle.append(shifts[index] if index >= 0 else None)
        first: date = self.first_day.date().toPython()  # type: ignore[assignment]
        return RotatingPattern(first, tuple(cycle))

    def clear_all(self) -> None:
        for choice in self.days:
            choice.setCurrentIndex(choice.findData(-1))
