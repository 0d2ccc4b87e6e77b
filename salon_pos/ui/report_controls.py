"""What the Reports and Commission pages share: a period picker (a preset — today, this week,
this month, last month — or from … to, with its two dates) and the export of the report shown
to a PDF or CSV file, asked for with a file dialog and written on the device pool."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLabel, QWidget

from salon_pos.domain.report_periods import Preset, preset_period
from salon_pos.reports.csv_file import write_csv
from salon_pos.reports.model import Report
from salon_pos.reports.pdf import write_pdf
from salon_pos.ui.context import UiContext
from salon_pos.ui.dialogs.hours_report import date_field
from salon_pos.ui.widgets import MessageLine, qdate

CUSTOM = "custom"


class PeriodPicker(QObject):
    """`changed` when the period is another: a preset chosen, or a date of from … to."""

    changed = Signal()

    def __init__(
        self, name: str, presets: Sequence[Preset], today: Callable[[], date], parent: QObject
    ) -> None:
        super().__init__(parent)
        self._today = today
        self.period = QComboBox()
        self.period.setObjectName(f"{name}Period")
        words = self.preset_words()
        for preset in presets:
            self.period.addItem(words[preset.value], preset.value)
        self.period.addItem(words[CUSTOM], CUSTOM)
        self.first = date_field(f"{name}From", date.today())
        self.last = date_field(f"{name}To", date.today())
        self.period.currentIndexChanged.connect(self.follow_preset)
        self.first.dateChanged.connect(self._on_dates_changed)
        self.last.dateChanged.connect(self._on_dates_changed)

    def preset_words(self) -> dict[str, str]:
        return {
            Preset.TODAY.value: self.tr("Today"),
            Preset.THIS_WEEK.value: self.tr("This week"),
            Preset.THIS_MONTH.value: self.tr("This month"),
            Preset.LAST_MONTH.value: self.tr("Last month"),
            CUSTOM: self.tr("From … to"),
        }

    def add_to(self, bar: QHBoxLayout) -> None:
        bar.addWidget(self.period)
        bar.addWidget(self.first)
        bar.addWidget(QLabel(self.tr("to")))
        bar.addWidget(self.last)

    def pick(self, preset: str) -> None:
        """Choose a preset (or CUSTOM); the dates follow, and `changed` says so."""
        self.period.blockSignals(True)
        self.period.setCurrentIndex(self.period.findData(preset))
        self.period.blockSignals(False)
        self.follow_preset()

    def pick_dates(self, first: date, last: date) -> None:
        self.period.blockSignals(True)
        self.period.setCurrentIndex(self.period.findData(CUSTOM))
        self.period.blockSignals(False)
        for field, day in ((self.first, first), (self.last, last)):
            field.blockSignals(True)
            field.setDate(qdate(day))
            field.blockSignals(False)
        self.follow_preset()

    def follow_preset(self) -> None:
        """The dates of the preset chosen (as of today), or those typed for from … to."""
        key = self.period.currentData()
        custom = key == CUSTOM
        self.first.setEnabled(custom)
        self.last.setEnabled(custom)
        if not custom:
            period = preset_period(Preset(key), self._today())
            for field, day in ((self.first, period.first), (self.last, period.last)):
                field.blockSignals(True)
                field.setDate(qdate(day))
                field.blockSignals(False)
        self.changed.emit()

    def _on_dates_changed(self) -> None:
        if self.period.currentData() == CUSTOM:
            self.changed.emit()

    def dates(self) -> tuple[date, date]:
        return self.first.date().toPython(), self.last.date().toPython()  # type: ignore[return-value]


class ReportExport(QObject):
    """Export the report a page shows: ask for a file, write it off the UI thread, say where
    (or why not) on the page's message line."""

    def __init__(self, ctx: UiContext, page: QWidget, message: MessageLine, title: str) -> None:
        super().__init__(page)
        self._ctx = ctx
        self._page = page
        self._message = message
        self._title = title
        self.exported: Path | None = None  # the last file written

    def ask(self, report: Report | None, first: date, last: date, form: str) -> None:
        if report is None:
            return
        name = f"{report.title}-{first.isoformat()}-{last.isoformat()}.{form}"
        filters = self.tr("PDF files (*.pdf)") if form == "pdf" else self.tr("CSV files (*.csv)")
        path, _ = QFileDialog.getSaveFileName(
            self._page, self._title, str(Path.home() / name), filters
        )
        if path:
            self.write(report, Path(path), form)

    def write(self, report: Report | None, path: Path, form: str) -> None:
        """Write `report` to `path` as a PDF or CSV, off the UI thread."""
        if report is None:
            return
        writer = write_pdf if form == "pdf" else write_csv
        self._message.hide()
        self._ctx.runner.run(
            partial(writer, report, path), self._on_written, self._on_failed, device=True
        )

    def _on_written(self, path: Path) -> None:
        self.exported = path
        self._message.show_info(self.tr("Saved to {path}").format(path=path))

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, OSError):
            reason = error.strerror or str(error)
            text = self.tr("Could not write {path}: {reason}")
            self._message.show_error(text.format(path=error.filename, reason=reason))
        else:
            self._message.show_error(self._ctx.message(error))
