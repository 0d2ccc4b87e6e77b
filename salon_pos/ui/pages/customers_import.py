"""Importing customers from a CSV file (Excel's UTF-8 or GBK), for managers and owners. The
import runs on the database worker with a busy bar showing; the window stays usable, and the
report (how many added, updated, and each bad row with its line) is shown when it is done."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QProgressBar, QPushButton, QWidget

from salon_pos.services.changes import QUEUED, Changes
from salon_pos.services.csv_rows import ImportReport
from salon_pos.services.importing import import_customers
from salon_pos.ui.context import UiContext
from salon_pos.ui.widgets import MessageLine
from sync.operations.customers import CHANGE_CUSTOMER


class CustomerImport(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.button = QPushButton(self.tr("Import CSV…"))
        self.button.setObjectName("importCustomers")
        self.button.clicked.connect(self._on_button_clicked)
        self.busy = QProgressBar()
        self.busy.setObjectName("importProgress")
        self.busy.setRange(0, 0)  # busy: the import does not know its length in advance
        self.busy.setMaximumWidth(160)
        self.busy.hide()
        self.message = MessageLine()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button)
        row.addWidget(self.busy)

    def _on_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import customers"), str(Path.home()), self.tr("CSV files (*.csv)")
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        backend, actor = self._ctx.backend, self._ctx.staff.id if self._ctx.staff else None
        self.button.setEnabled(False)
        self.busy.show()
        self.message.show_info(self.tr("Importing {name}…").format(name=path.name))
        self._ctx.runner.run(
            lambda: import_customers(backend, path, actor), self._on_imported, self._on_failed
        )

    def _on_imported(self, report: ImportReport) -> None:
        self._finish()
        text = report.describe(self._ctx.language)
        if report.errors:
            self.message.show_error(text)
        else:
            self.message.show_info(text)
        self._ctx.announce(Changes.of(CHANGE_CUSTOMER) | Changes.of(QUEUED))

    def _on_failed(self, error: BaseException) -> None:
        self._finish()
        self.message.show_error(self._ctx.message(error))

    def _finish(self) -> None:
        self.button.setEnabled(True)
        self.busy.hide()
