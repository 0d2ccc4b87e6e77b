"""Reports (报表), for managers and owners: a period (today, this week, this month, last month,
or from … to), a kind of report, its table and chart, and export to PDF or CSV. The report is
read on the database worker and written to a file on the device pool (ui/tasks.py); the figures
are services/reports.py's, the same as `salon-pos report` prints."""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from salon_pos.domain.report_periods import Preset, preset_period
from salon_pos.reports.csv_file import write_csv
from salon_pos.reports.model import Report
from salon_pos.reports.pdf import write_pdf
from salon_pos.services.changes import Changes
from salon_pos.services.reports import ReportKind
from salon_pos.ui.context import UiContext
from salon_pos.ui.dialogs.hours_report import date_field
from salon_pos.ui.models.report_table import ReportTableModel
from salon_pos.ui.pages.managers_only import ManagersOnly
from salon_pos.ui.report_chart import ReportChartView
from salon_pos.ui.widgets import MessageLine, button, qdate, row_table
from sync.operations.sales import CHANGE_TICKET

CUSTOM = "custom"


class ReportsPage(ManagersOnly):
    def __init__(self, ctx: UiContext) -> None:
        content = QWidget()
        super().__init__(ctx, content)
        self.setObjectName("reportsPage")
        self.report: Report | None = None
        self.exported: Path | None = None  # the last file written
        self.period = QComboBox()
        self.period.setObjectName("reportPeriod")
        for key, text in self._periods():
            self.period.addItem(text, key)
        self.period.setCurrentIndex(2)  # this month
        self.first = date_field("reportFrom", date.today())
        self.last = date_field("reportTo", date.today())
        self.kind = QComboBox()
        self.kind.setObjectName("reportKind")
        for kind in ReportKind:
            self.kind.addItem(kind.words.text(ctx.language), kind.value)
        self.kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.section = QComboBox()
        self.section.setObjectName("reportSection")
        self.export_pdf = button(self.tr("Export PDF"), "exportReportPdf")
        self.export_csv = button(self.tr("Export CSV"), "exportReportCsv")
        self.message = MessageLine()
        self.model = ReportTableModel(self)
        self.table = row_table("reportTable", self.model)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.chart = ReportChartView()
        self.notes = QLabel()
        self.notes.setObjectName("reportNotes")
        self.notes.setWordWrap(True)
        self._build(content)
        self._connect()
        ctx.changed.connect(self._on_ctx_changed)

    def _periods(self) -> list[tuple[str, str]]:
        return [
            (Preset.TODAY.value, self.tr("Today")),
            (Preset.THIS_WEEK.value, self.tr("This week")),
            (Preset.THIS_MONTH.value, self.tr("This month")),
            (Preset.LAST_MONTH.value, self.tr("Last month")),
            (CUSTOM, self.tr("From … to")),
        ]

    def _build(self, content: QWidget) -> None:
        title = QLabel(self.tr("Reports"))
        title.setObjectName("pageTitle")
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch()
        top.addWidget(self.export_pdf)
        top.addWidget(self.export_csv)
        bar = QHBoxLayout()
        bar.addWidget(self.period)
        bar.addWidget(self.first)
        bar.addWidget(QLabel(self.tr("to")))
        bar.addWidget(self.last)
        bar.addWidget(self.kind)
        bar.addWidget(self.section, 1)
        bar.addStretch()  # the room the sections take when the report has more than one
        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("reportSplit")
        split.addWidget(self.chart)
        split.addWidget(self.table)
        split.setSizes([240, 360])
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)
        layout.addWidget(self.notes)

    def _connect(self) -> None:
        self.period.currentIndexChanged.connect(self._on_period_changed)
        self.first.dateChanged.connect(self._on_dates_changed)
        self.last.dateChanged.connect(self._on_dates_changed)
        self.kind.currentIndexChanged.connect(self.refresh)
        self.section.currentIndexChanged.connect(self._show_section)
        self.export_pdf.clicked.connect(lambda: self._ask_file("pdf"))
        self.export_csv.clicked.connect(lambda: self._ask_file("csv"))

    def on_shown(self) -> None:
        if self.allowed():
            self._on_period_changed()

    # ------------------------------------------------------------------ period and kind

    def pick(self, preset: str, kind: ReportKind | None = None) -> None:
        """Choose a period preset (or CUSTOM) and perhaps a kind; the report follows."""
        if kind is not None:
            self.kind.setCurrentIndex(self.kind.findData(kind.value))
        self.period.setCurrentIndex(self.period.findData(preset))
        self._on_period_changed()

    def pick_dates(self, first: date, last: date) -> None:
        self.period.setCurrentIndex(self.period.findData(CUSTOM))
        self.first.setDate(qdate(first))
        self.last.setDate(qdate(last))
        self.refresh()

    def _on_period_changed(self) -> None:
        key = self.period.currentData()
        custom = key == CUSTOM
        self.first.setEnabled(custom)
        self.last.setEnabled(custom)
        if not custom:
            today = self._ctx.backend.reports.business_today()
            period = preset_period(Preset(key), today)
            for field, day in ((self.first, period.first), (self.last, period.last)):
                field.blockSignals(True)
                field.setDate(qdate(day))
                field.blockSignals(False)
        self.refresh()

    def _on_dates_changed(self) -> None:
        if self.period.currentData() == CUSTOM:
            self.refresh()

    def dates(self) -> tuple[date, date]:
        return self.first.date().toPython(), self.last.date().toPython()  # type: ignore[return-value]

    def refresh(self) -> None:
        if not self.allowed():
            return
        first, last = self.dates()
        kind = ReportKind(self.kind.currentData())
        reports, language = self._ctx.backend.reports, self._ctx.language
        self.message.hide()
        self._ctx.runner.run(
            partial(reports.build, kind, first, last, language), self._on_built, self._on_refused
        )

    def _on_built(self, report: Report) -> None:
        self.report = report
        self.section.blockSignals(True)
        self.section.clear()
        for section in report.sections:
            self.section.addItem(section.title)
        self.section.blockSignals(False)
        self.section.setVisible(len(report.sections) > 1)
        self.notes.setText("\n".join(report.footnotes))
        self._show_section()

    def _show_section(self) -> None:
        if self.report is None:
            return
        section = self.report.sections[max(0, self.section.currentIndex())]
        self.model.set_table(section.table)
        self.chart.show_chart(section.chart)

    def _on_refused(self, error: BaseException) -> None:
        self.report = None
        self.model.set_table(None)
        self.chart.show_chart(None)
        self.message.show_error(self._ctx.message(error))

    def _on_ctx_changed(self, changes: Changes) -> None:
        if changes.touches(CHANGE_TICKET) and self.isVisible():
            self.refresh()

    # ------------------------------------------------------------------ export

    def _ask_file(self, form: str) -> None:
        if self.report is None:
            return
        first, last = self.dates()
        name = f"{self.report.title}-{first.isoformat()}-{last.isoformat()}.{form}"
        filters = self.tr("PDF files (*.pdf)") if form == "pdf" else self.tr("CSV files (*.csv)")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export report"), str(Path.home() / name), filters
        )
        if path:
            self.export_to(Path(path), form)

    def export_to(self, path: Path, form: str) -> None:
        """Write the report shown to `path` as a PDF or CSV, off the UI thread."""
        if self.report is None:
            return
        writer = write_pdf if form == "pdf" else write_csv
        self.message.hide()
        self._ctx.runner.run(
            partial(writer, self.report, path), self._on_exported, self._on_export_failed,
            device=True,
        )  # fmt: skip

    def _on_exported(self, path: Path) -> None:
        self.exported = path
        self.message.show_info(self.tr("Saved to {path}").format(path=path))

    def _on_export_failed(self, error: BaseException) -> None:
        if isinstance(error, OSError):
            reason = error.strerror or str(error)
            text = self.tr("Could not write {path}: {reason}")
            self.message.show_error(text.format(path=error.filename, reason=reason))
        else:
            self.message.show_error(self._ctx.message(error))
