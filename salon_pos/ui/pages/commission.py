"""Commission (提成, Ctrl+T), for everyone signed in: the statement of a month (or from … to) —
a manager or owner sees every technician's, anyone else only their own — with each line's base,
rate and commission and what refunds and voids took back, exported to PDF or CSV; and, for
managers and owners, the rules (ui/pages/commission_rules.py). The figures are
services/commission.py's, the same as `salon-pos report --kind commission` prints."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from salon_pos.domain.report_periods import Preset
from salon_pos.reports.model import Report
from salon_pos.services.changes import SETTINGS, Changes
from salon_pos.services.commission_report import lines_title
from salon_pos.ui.context import UiContext
from salon_pos.ui.models.report_table import ReportTableModel
from salon_pos.ui.pages.commission_rules import CommissionRulesEditor
from salon_pos.ui.report_controls import PeriodPicker, ReportExport
from salon_pos.ui.widgets import MessageLine, button, row_table
from sync.operations.sales import CHANGE_TICKET

MONTHS = (Preset.THIS_MONTH, Preset.LAST_MONTH)  # a statement is a month's, or from … to
ITEM_COLUMN = 2  # of a technician's lines (services/commission_report.py)
EVERYONE = ""  # the staff picker's "all staff"


class CommissionPage(QWidget):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self._ctx = ctx
        self.setObjectName("commissionPage")
        self.report: Report | None = None
        today = ctx.backend.commission.business_today
        self.periods = PeriodPicker("commission", MONTHS, today, self)
        self.staff = QComboBox()
        self.staff.setObjectName("commissionStaff")
        self.staff.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.export_pdf = button(self.tr("Export PDF"), "exportCommissionPdf")
        self.export_csv = button(self.tr("Export CSV"), "exportCommissionCsv")
        self.message = MessageLine()
        self.export = ReportExport(ctx, self, self.message, self.tr("Export statement"))
        self.summary_model = ReportTableModel(self)
        self.summary = row_table("commissionSummary", self.summary_model)
        self.summary.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.summary.clicked.connect(self._on_summary_clicked)
        self.lines_title = QLabel()
        self.lines_title.setObjectName("commissionLinesTitle")
        self.lines_model = ReportTableModel(self)
        self.lines = row_table("commissionLines", self.lines_model)
        self.lines.setAlternatingRowColors(True)
        self.lines.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.notes = QLabel()
        self.notes.setObjectName("commissionNotes")
        self.notes.setWordWrap(True)
        self.rules = CommissionRulesEditor(ctx)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("commissionTabs")
        self._build()
        self._connect()
        ctx.changed.connect(self._on_ctx_changed)

    def _build(self) -> None:
        title = QLabel(self.tr("Commission"))
        title.setObjectName("pageTitle")
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch()
        top.addWidget(self.export_pdf)
        top.addWidget(self.export_csv)
        bar = QHBoxLayout()
        self.periods.add_to(bar)
        bar.addWidget(self.staff)
        bar.addStretch()
        lines = QWidget()
        lines_layout = QVBoxLayout(lines)
        lines_layout.setContentsMargins(0, 0, 0, 0)
        lines_layout.addWidget(self.lines_title)
        lines_layout.addWidget(self.lines, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("commissionSplit")
        split.addWidget(self.summary)
        split.addWidget(lines)
        split.setSizes([230, 370])
        statement = QWidget()
        body = QVBoxLayout(statement)
        body.addLayout(bar)
        body.addWidget(self.message)
        body.addWidget(split, 1)
        body.addWidget(self.notes)
        self.tabs.addTab(statement, self.tr("Statement"))
        self.tabs.addTab(self.rules, self.tr("Rules"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

    def _connect(self) -> None:
        self.periods.changed.connect(self.refresh)
        self.staff.currentIndexChanged.connect(self.refresh)
        self.export_pdf.clicked.connect(lambda: self._ask_file("pdf"))
        self.export_csv.clicked.connect(lambda: self._ask_file("csv"))
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)

    def _on_tabs_current_changed(self, index: int) -> None:
        for export in (self.export_pdf, self.export_csv):  # they write the statement
            export.setVisible(index == 0)

    # ------------------------------------------------------------------ who sees what

    def manages(self) -> bool:
        staff = self._ctx.staff
        return staff is not None and staff.role.approves

    def on_shown(self) -> None:
        manager = self.manages()
        self.tabs.setTabVisible(1, manager)
        if not manager:
            self.tabs.setCurrentIndex(0)
        self._fill_staff()
        if manager:
            self.rules.show_rules()
        self.periods.follow_preset()

    def _fill_staff(self) -> None:
        """A manager picks anyone (or everyone); anyone else sees their own name only."""
        me = self._ctx.staff
        self.staff.blockSignals(True)
        self.staff.clear()
        if self.manages():
            self.staff.addItem(self.tr("All staff"), EVERYONE)
            for member in self._ctx.backend.staff.list(active_only=False):
                self.staff.addItem(member.name, member.id)
        elif me is not None:
            self.staff.addItem(me.name, me.id)
        self.staff.setEnabled(self.manages())
        self.staff.blockSignals(False)

    def staff_id(self) -> str | None:
        """Whose statement: None for everyone (managers only); anyone else always their own."""
        me = self._ctx.staff
        if not self.manages():
            return me.id if me is not None else ""
        return self.staff.currentData() or None

    # ------------------------------------------------------------------ the statement

    def refresh(self) -> None:
        if self._ctx.staff is None:
            return
        first, last = self.periods.dates()
        staff_id = self.staff_id()
        commission, language = self._ctx.backend.commission, self._ctx.language
        self.message.hide()
        self._ctx.runner.run(
            partial(commission.report, first, last, language, staff_id),
            self._on_built,
            self._on_refused,
        )

    def _on_built(self, report: Report) -> None:
        self.report = report
        self.summary_model.set_table(report.sections[0].table)
        self.notes.setText("\n".join(report.footnotes))
        self.show_lines(0)

    def show_lines(self, row: int) -> None:
        """The lines of the summary's `row`-th technician (the only one, for a technician)."""
        report = self.report
        details = report.sections[1:] if report else ()
        names = [str(r[0]) for r in report.sections[0].table.rows] if report else []
        wanted = lines_title(names[row], self._ctx.language) if 0 <= row < len(names) else ""
        section = next((s for s in details if s.title == wanted), None)
        section = section or (details[0] if details else None)
        self.lines_title.setText(section.title if section else "")
        self.lines_model.set_table(section.table if section else None)

    def _on_summary_clicked(self, index: QModelIndex) -> None:
        self.show_lines(index.row())

    def _on_refused(self, error: BaseException) -> None:
        self.report = None
        self.summary_model.set_table(None)
        self.lines_model.set_table(None)
        self.message.show_error(self._ctx.message(error))

    def _on_ctx_changed(self, changes: Changes) -> None:
        if changes.touches(CHANGE_TICKET, SETTINGS) and self.isVisible():
            self.refresh()
        if changes.touches(SETTINGS) and self.isVisible() and self.manages():
            self.rules.show_rules()

    # ------------------------------------------------------------------ export

    @property
    def exported(self) -> Path | None:
        return self.export.exported

    def _ask_file(self, form: str) -> None:
        self.export.ask(self.report, *self.periods.dates(), form)

    def export_to(self, path: Path, form: str) -> None:
        """Write the statement shown to `path` as a PDF or CSV, off the UI thread."""
        self.export.write(self.report, path, form)
