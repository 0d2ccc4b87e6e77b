"""The hours report (工时) for managers, from the Staff page: per person over a period of
business days, the days with a clock-in, the hours of paired clock-ins and clock-outs, and
what needs a look (a clock-in without a clock-out, a clock-out without a clock-in)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from salon_pos.services.attendance import HoursRow
from salon_pos.services.changes import Changes
from salon_pos.ui.context import UiContext
from salon_pos.ui.models.attendance import HoursTableModel, hours_text
from salon_pos.ui.widgets import MessageLine, button, qdate, row_table
from sync.operations.attendance import CHANGE_ATTENDANCE


def date_field(name: str, day: date) -> QDateEdit:
    field = QDateEdit(qdate(day))
    field.setObjectName(name)
    field.setCalendarPopup(True)
    field.setDisplayFormat("yyyy-MM-dd")
    return field


class HoursReportDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hoursReportDialog")
        self.setWindowTitle(self.tr("Hours report"))
        self._ctx = ctx
        today = ctx.backend.attendance.business_today()
        self.first = date_field("hoursFrom", today.replace(day=1))
        self.last = date_field("hoursTo", today)
        self.this_month = button(self.tr("This month"), "hoursThisMonth")
        self.this_month.clicked.connect(lambda: self.show_period(today.replace(day=1), today))
        self.last_month = button(self.tr("Last month"), "hoursLastMonth")
        end = today.replace(day=1) - timedelta(days=1)
        self.last_month.clicked.connect(lambda: self.show_period(end.replace(day=1), end))
        self.show_button = button(self.tr("Show"), "hoursShow", "primary")
        self.show_button.clicked.connect(self.refresh)
        self.model = HoursTableModel(self)
        self.table = row_table("hoursTable", self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.total = QLabel()
        self.total.setObjectName("hoursTotal")
        self.message = MessageLine()
        self._build()
        self.table.setFocus()  # not the date field: its year would show selected
        ctx.changed.connect(self._on_ctx_changed)
        self.resize(900, 560)
        self.refresh()

    def _build(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("From")))
        bar.addWidget(self.first)
        bar.addWidget(QLabel(self.tr("to")))
        bar.addWidget(self.last)
        bar.addWidget(self.show_button)
        bar.addStretch()
        bar.addWidget(self.this_month)
        bar.addWidget(self.last_month)
        explain = QLabel(
            self.tr(
                "Business days. Hours count from a clock-in to the next clock-out of the same "
                "person (at most 16 hours); a clock-in without one counts no hours and is "
                "listed as a missing clock-out."
            )
        )
        explain.setWordWrap(True)
        close = QPushButton(self.tr("Close"))
        close.setObjectName("hoursClose")
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.total, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(explain)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def period(self) -> tuple[date, date]:
        return self.first.date().toPython(), self.last.date().toPython()  # type: ignore[return-value]

    def show_period(self, first: date, last: date) -> None:
        self.first.setDate(qdate(first))
        self.last.setDate(qdate(last))
        self.refresh()

    def refresh(self) -> None:
        first, last = self.period()
        attendance = self._ctx.backend.attendance
        self.message.hide()
        self._ctx.runner.run(lambda: attendance.hours(first, last), self._on_read, self._on_refused)

    def _on_read(self, rows: list[HoursRow]) -> None:
        self.model.set_rows(rows)
        minutes = sum(row.minutes for row in rows)
        missing = sum(row.missing_clock_outs for row in rows)
        self.total.setText(
            self.tr("Total {hours} hours; {missing} missing clock-outs").format(
                hours=hours_text(minutes), missing=missing
            )
        )

    def _on_refused(self, error: BaseException) -> None:
        self.model.set_rows([])
        self.total.clear()
        self.message.show_error(self._ctx.message(error))

    def _on_ctx_changed(self, changes: Changes) -> None:
        if changes.touches(CHANGE_ATTENDANCE) and self.isVisible():
            self.refresh()
