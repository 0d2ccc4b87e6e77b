"""A technician's schedule (排班), from the Staff page: weekly (每周固定) or rotating (轮班), with
the next 14 days previewed as `schedule.working_time` reads them (leave marked), a refusal
said under the form as it is typed, and the pattern saved with `bookings.save_schedule`."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from salon_pos.domain.errors import UserError
from salon_pos.domain.schedule import (
    WEEKDAYS,
    RotatingPattern,
    WeeklyPattern,
    check_pattern,
    working_time,
)
from salon_pos.services.booking_setup import LeaveView
from salon_pos.services.changes import Changes
from salon_pos.services.staff import StaffMember
from salon_pos.ui.context import UiContext
from salon_pos.ui.dialogs.save_dialog import SaveDialog
from salon_pos.ui.dialogs.schedule_patterns import RotatingEditor, WeeklyEditor
from sync.messages import is_chinese
from sync.operations.bookings import CHANGE_SCHEDULE

PREVIEW_DAYS = 14
Pattern = WeeklyPattern | RotatingPattern


class ScheduleDialog(SaveDialog):
    def __init__(self, ctx: UiContext, member: StaffMember, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "scheduleForm", parent)
        self.member = member
        self.setWindowTitle(self.tr("Schedule: {name}").format(name=member.name))
        bookings = ctx.backend.bookings
        self.today = bookings.now().date()
        held = bookings.schedule_of(member.id)
        self.leave = _leave_days(bookings.leave_of(member.id, self.today))
        self.weekly_mode = QRadioButton(self.tr("Weekly (the same hours each week)"))
        self.weekly_mode.setObjectName("weeklyMode")
        self.rotating_mode = QRadioButton(self.tr("Rotating (a cycle of days)"))
        self.rotating_mode.setObjectName("rotatingMode")
        modes = QButtonGroup(self)
        modes.addButton(self.weekly_mode)
        modes.addButton(self.rotating_mode)
        self.weekly = WeeklyEditor(ctx.language, held if isinstance(held, WeeklyPattern) else None)
        rotating = held if isinstance(held, RotatingPattern) else None
        self.rotating = RotatingEditor(self.today, rotating)
        self.editors = QStackedWidget()
        self.editors.addWidget(self.weekly)
        self.editors.addWidget(self.rotating)
        self.preview = [PreviewDay(n) for n in range(PREVIEW_DAYS)]
        (self.rotating_mode if rotating else self.weekly_mode).setChecked(True)
        self._build(held is None)
        self.weekly_mode.toggled.connect(self._on_mode_toggled)
        self.weekly.changed.connect(self.update_preview)
        self.rotating.changed.connect(self.update_preview)
        self._on_mode_toggled()
        self.setMinimumWidth(940)

    def _build(self, new: bool) -> None:
        modes = QHBoxLayout()
        modes.addWidget(self.weekly_mode)
        modes.addWidget(self.rotating_mode)
        modes.addSpacing(24)
        if new:
            hint = QLabel(self.tr("No schedule yet: not offered for bookings until saved."))
            hint.setObjectName("notScheduledHint")
            hint.setProperty("role", "muted")
            hint.setWordWrap(True)
            modes.addWidget(hint, 1)
        else:
            modes.addStretch()
        box = QGroupBox(self.tr("The next 14 days"))
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(0)
        grid.setVerticalSpacing(2)
        for n, row in enumerate(self.preview):
            row.place(grid, n % 7, (n // 7) * 4)
        grid.setColumnMinimumWidth(3, 24)
        grid.setColumnStretch(2, 1)
        grid.setColumnStretch(6, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(modes)
        layout.addWidget(self.editors)
        layout.addWidget(box)
        self.finish_layout(layout)

    def pattern(self) -> Pattern:
        """The pattern on screen, checked (UserError: what is wrong with it)."""
        editor = self.weekly if self.weekly_mode.isChecked() else self.rotating
        pattern = editor.pattern()
        check_pattern(pattern)
        return pattern

    def _on_mode_toggled(self) -> None:
        self.editors.setCurrentWidget(
            self.weekly if self.weekly_mode.isChecked() else self.rotating
        )
        self.update_preview()

    def update_preview(self) -> None:
        try:
            pattern = self.pattern()
        except UserError as error:
            self.message.show_error(self._ctx.message(error))
            for n, row in enumerate(self.preview):
                row.show_day(self._day_title(self.today + timedelta(days=n)), "—", "", True)
            return
        self.message.hide()
        for n, row in enumerate(self.preview):
            day = self.today + timedelta(days=n)
            hours, breaks = self.day_text(pattern, day)
            off = day in self.leave or pattern.hours_on(day) is None
            row.show_day(self._day_title(day), hours, breaks, off)

    def preview_text(self, n: int) -> str:
        """Day n of the preview as it reads: "11/20 周五\n10:00–19:00\n休息 12:00–12:30"."""
        return self.preview[n].text()

    def _day_title(self, day: date) -> str:
        name = WEEKDAYS[day.weekday()].text(self._ctx.language)
        return f"{day:%m/%d} {name if is_chinese(self._ctx.language) else name[:3]}"

    def day_text(self, pattern: Pattern, day: date) -> tuple[str, str]:
        """What the preview says of a day: its hours and breaks, 休, or 请假 and why."""
        if day in self.leave:
            return self.tr("On leave"), self.leave[day]
        shifts, breaks = working_time(pattern, day, day)
        if not shifts:
            return self.tr("Off"), ""
        spans = ", ".join(self._span(day, b.start, b.end) for b in breaks)
        said = self.tr("Break {span}").format(span=spans) if spans else ""
        return self._span(day, shifts[0].start, shifts[0].end), said

    def _span(self, day: date, start: datetime, end: datetime) -> str:
        next_day = self.tr("next day")

        def at(moment: datetime) -> str:
            return f"{next_day} {moment:%H:%M}" if moment.date() > day else f"{moment:%H:%M}"

        return f"{at(start)}–{at(end)}"

    def _save(self) -> None:
        try:
            pattern = self.pattern()
        except UserError as error:
            self.message.show_error(self._ctx.message(error))
            return
        bookings, staff_id = self._ctx.backend.bookings, self.member.id
        actor = self._ctx.staff.id if self._ctx.staff else None
        self.run_save(
            lambda: bookings.save_schedule(staff_id, pattern, actor),
            lambda _saved: Changes.of(CHANGE_SCHEDULE, staff_id),
        )


def _leave_days(leave: list[LeaveView]) -> dict[date, str]:
    days: dict[date, str] = {}
    for held in leave:
        if held.cancelled:
            continue
        for n in range(held.days):
            days[held.first_day + timedelta(days=n)] = held.reason
    return days


class PreviewDay:
    """One day of the preview: its date, hours and breaks on a row (greyed when off)."""

    def __init__(self, n: int) -> None:
        self.labels = [QLabel(), QLabel(), QLabel()]
        self.labels[0].setObjectName(f"previewDay{n}")
        for label in self.labels:
            label.setProperty("role", "previewDay")

    def place(self, grid: QGridLayout, row: int, column: int) -> None:
        for offset, label in enumerate(self.labels):
            grid.addWidget(label, row, column + offset)

    def show_day(self, title: str, hours: str, breaks: str, off: bool) -> None:
        for label, text in zip(self.labels, (title, hours, breaks), strict=True):
            label.setText(text)
            label.setProperty("off", off)
            label.style().unpolish(label)
            label.style().polish(label)

    def text(self) -> str:
        return "\n".join(label.text() for label in self.labels if label.text())
