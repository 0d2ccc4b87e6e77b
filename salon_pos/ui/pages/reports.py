"""Reports (报表), for managers and owners: a period (today, this week, this month, last month,
or from … to), a kind of report, its table and chart, and export to PDF or CSV. The stock
reports (库存) are kinds after the sales ones: those of the stock now leave the period aside,
and expiring and slow movers take their N days from a spin box. The report is
read on the database worker and written to a file on the device pool (ui/tasks.py); the figures
are services/reports.py's, the same as `salon-pos report` prints."""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from salon_pos.domain.report_periods import Preset
from salon_pos.reports.model import Report
from salon_pos.services.changes import Changes
from salon_pos.services.reports import DEFAULT_DAYS, ReportKind
from salon_pos.ui.context import UiContext
from salon_pos.ui.models.report_table import ReportTableModel
from salon_pos.ui.pages.managers_only import ManagersOnly
from salon_pos.ui.report_chart import ReportChartView
from salon_pos.ui.report_controls import CUSTOM as CUSTOM
from salon_pos.ui.report_controls import PeriodPicker, ReportExport
from salon_pos.ui.widgets import MessageLine, button, row_table
from sync.operations.inventory import CHANGE_STOCK_LEVEL, CHANGE_STOCK_MOVEMENT
from sync.operations.sales import CHANGE_REFUND, CHANGE_TICKET

REREAD_ON = (CHANGE_TICKET, CHANGE_REFUND, CHANGE_STOCK_MOVEMENT, CHANGE_STOCK_LEVEL)


class ReportsPage(ManagersOnly):
    def __init__(self, ctx: UiContext) -> None:
        content = QWidget()
        super().__init__(ctx, content)
        self.setObjectName("reportsPage")
        self.report: Report | None = None
        presets = (Preset.TODAY, Preset.THIS_WEEK, Preset.THIS_MONTH, Preset.LAST_MONTH)
        self.periods = PeriodPicker("report", presets, ctx.backend.reports.business_today, self)
        self.periods.period.setCurrentIndex(2)  # this month
        self.kind = QComboBox()
        self.kind.setObjectName("reportKind")
        for kind in ReportKind:
            if kind is ReportKind.STOCK:
                self.kind.insertSeparator(self.kind.count())  # the stock reports below
            self.kind.addItem(kind.words.text(ctx.language), kind.value)
        self.kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.days_label = QLabel()
        self.days = QSpinBox()
        self.days.setObjectName("reportDays")
        self.days.setRange(0, 3650)
        self.days.setSuffix(self.tr(" days"))
        self.section = QComboBox()
        self.section.setObjectName("reportSection")
        self.export_pdf = button(self.tr("Export PDF"), "exportReportPdf")
        self.export_csv = button(self.tr("Export CSV"), "exportReportCsv")
        self.message = MessageLine()
        self.export = ReportExport(ctx, self, self.message, self.tr("Export report"))
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
        self.days_label.hide()
        self.days.hide()
        ctx.changed.connect(self._on_ctx_changed)

    def _build(self, content: QWidget) -> None:
        title = QLabel(self.tr("Reports"))
        title.setObjectName("pageTitle")
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch()
        top.addWidget(self.export_pdf)
        top.addWidget(self.export_csv)
        bar = QHBoxLayout()
        self.periods.add_to(bar)
        bar.addWidget(self.kind)
        bar.addWidget(self.days_label)
        bar.addWidget(self.days)
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
        self.periods.changed.connect(self.refresh)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.days.valueChanged.connect(self.refresh)
        self.section.currentIndexChanged.connect(self._show_section)
        self.export_pdf.clicked.connect(lambda: self._ask_file("pdf"))
        self.export_csv.clicked.connect(lambda: self._ask_file("csv"))

    def on_shown(self) -> None:
        if self.allowed():
            self.periods.follow_preset()

    # ------------------------------------------------------------------ period and kind

    def pick(self, preset: str, kind: ReportKind | None = None) -> None:
        """Choose a period preset (or CUSTOM) and perhaps a kind; the report follows."""
        if kind is not None:
            self.kind.setCurrentIndex(self.kind.findData(kind.value))
        self.periods.pick(preset)

    def pick_dates(self, first: date, last: date) -> None:
        self.periods.pick_dates(first, last)

    def dates(self) -> tuple[date, date]:
        return self.periods.dates()

    def refresh(self) -> None:
        if not self.allowed():
            return
        first, last = self.dates()
        kind = self.current_kind()
        days = self.days.value() if kind.takes_days else None
        reports, language = self._ctx.backend.reports, self._ctx.language
        self.message.hide()
        self._ctx.runner.run(
            partial(reports.build, kind, first, last, language, days),
            self._on_built,
            self._on_refused,
        )

    def current_kind(self) -> ReportKind:
        return ReportKind(self.kind.currentData())

    def _on_kind_changed(self) -> None:
        """A stock report of now leaves the period aside; expiring and slow movers show their
        N days (the usual N each time one is chosen)."""
        kind = self.current_kind()
        for widget in (self.periods.period, self.periods.first, self.periods.last):
            widget.setEnabled(not kind.is_stock_now)
        self.days_label.setVisible(kind.takes_days)
        self.days.setVisible(kind.takes_days)
        if kind.takes_days:
            words = {
                ReportKind.EXPIRING: self.tr("Expiring within"),
                ReportKind.SLOW: self.tr("Not sold for"),
            }
            self.days_label.setText(words[kind])
            self.days.blockSignals(True)
            self.days.setValue(DEFAULT_DAYS[kind])
            self.days.blockSignals(False)
        self.refresh()

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
        if section.table.columns:  # the first column names the row (a date, a name): in full
            header = self.table.horizontalHeader()
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.chart.show_chart(section.chart)

    def _on_refused(self, error: BaseException) -> None:
        self.report = None
        self.model.set_table(None)
        self.chart.show_chart(None)
        self.message.show_error(self._ctx.message(error))

    def _on_ctx_changed(self, changes: Changes) -> None:
        if changes.touches(*REREAD_ON) and self.isVisible():
            self.refresh()

    # ------------------------------------------------------------------ export

    @property
    def exported(self) -> Path | None:
        return self.export.exported

    def _ask_file(self, form: str) -> None:
        self.export.ask(self.report, *self.dates(), form)

    def export_to(self, path: Path, form: str) -> None:
        """Write the report shown to `path` as a PDF or CSV, off the UI thread."""
        self.export.write(self.report, path, form)
