"""Importing customers (or the catalog: CsvImport is both) from a CSV file (Excel's UTF-8, GBK
or Unicode text), for managers and owners. A bar shows how far it is, the message line the
rows done, their rate and the time left; Cancel stops the import after the batch being
written, and the report says how many rows were saved (importing the same file again
continues). The window stays usable meanwhile.

The import runs on the task runner's I/O pool, not on its database worker: it is minutes long
for a large file, and sales must not queue behind it. Each batch is its own short write
transaction, so a sale waits at most for one batch (SQLite's write lock and busy timeout).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from threading import Event

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QProgressBar, QPushButton, QWidget

from salon_pos.services.changes import QUEUED, Changes
from salon_pos.services.import_report import ImportProgress, ImportReport
from salon_pos.services.importing import import_catalog, import_customers
from salon_pos.ui.context import UiContext
from salon_pos.ui.widgets import MessageLine
from sync.operations.customers import CHANGE_CUSTOMER
from sync.operations.setup import CHANGE_CATALOG_ITEM

Importer = Callable[..., ImportReport]  # (backend, path, actor_id, *, progress, stop)


class CsvImport(QWidget):
    progressed = Signal(object)  # ImportProgress, emitted on the import's thread

    def __init__(
        self,
        ctx: UiContext,
        importer: Importer,
        changes: Changes,
        name: str,
        parent: QWidget | None = None,
    ) -> None:
        """`importer`: import_customers or import_catalog; `changes`: what it announces when
        done; `name`: the button's objectName."""
        super().__init__(parent)
        self._ctx = ctx
        self._importer = importer
        self._changes = changes
        self._stop: Event | None = None
        self._name = ""
        self.button = QPushButton(self.tr("Import CSV…"))
        self.button.setObjectName(name)
        self.button.clicked.connect(self._on_button_clicked)
        self.busy = QProgressBar()
        self.busy.setObjectName("importProgress")
        self.busy.setRange(0, 0)  # busy until the file is checked and its rows counted
        self.busy.setMaximumWidth(160)
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.setObjectName("cancelImport")
        self.cancel.clicked.connect(self._on_cancel_clicked)
        self.message = MessageLine()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.button, self.busy, self.cancel):
            row.addWidget(widget)
        self.progressed.connect(self._on_progressed)
        self._show_running(False)

    def _on_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a CSV file"),
            str(Path.home()),
            self.tr("CSV or Excel text files (*.csv *.txt)"),
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        backend, actor = self._ctx.backend, self._ctx.staff.id if self._ctx.staff else None
        importer: Callable[..., ImportReport] = self._importer
        stop = self._stop = Event()
        self._name = path.name
        self.busy.setRange(0, 0)
        self._show_running(True)
        self.message.show_info(self.tr("Importing {name}…").format(name=path.name))

        def progress(done: ImportProgress) -> None:
            try:
                self.progressed.emit(done)
            except RuntimeError:  # the page is gone: stop after this batch
                stop.set()

        self._ctx.runner.run(
            lambda: importer(backend, path, actor, progress=progress, stop=stop),
            self._on_imported,
            self._on_failed,
            device=True,
        )

    def _on_progressed(self, progress: ImportProgress) -> None:
        self.busy.setRange(0, max(progress.total, 1))
        self.busy.setValue(progress.done)
        eta = progress.eta_s
        left = "…" if eta is None else f"{int(eta) // 60}:{int(eta) % 60:02d}"
        if not self.cancel.isEnabled():
            return  # "stopping…" stays up
        text = self.tr("Importing {name}: {done} / {total} rows · {rate} rows/s · {left} left")
        self.message.show_info(
            text.format(
                name=self._name,
                done=f"{progress.done:,}",
                total=f"{progress.total:,}",
                rate=f"{progress.rows_per_s:,.0f}",
                left=left,
            )
        )

    def _on_cancel_clicked(self) -> None:
        if self._stop is not None:
            self._stop.set()
        self.cancel.setEnabled(False)
        self.message.show_info(self.tr("Stopping after the rows being saved…"))

    def _on_imported(self, report: ImportReport) -> None:
        self._show_running(False)
        text = report.describe(self._ctx.language)
        if report.bad_rows:
            self.message.show_error(text)
        else:
            self.message.show_info(text)
        self._ctx.announce(self._changes | Changes.of(QUEUED))

    def _on_failed(self, error: BaseException) -> None:
        self._show_running(False)
        self.message.show_error(self._ctx.message(error))

    def _show_running(self, running: bool) -> None:
        self.button.setEnabled(not running)
        self.cancel.setEnabled(running)
        for widget in (self.busy, self.cancel):
            widget.setVisible(running)


def customer_import(ctx: UiContext) -> CsvImport:
    return CsvImport(ctx, import_customers, Changes.of(CHANGE_CUSTOMER), "importCustomers")


def catalog_import(ctx: UiContext) -> CsvImport:
    return CsvImport(ctx, import_catalog, Changes.of(CHANGE_CATALOG_ITEM), "importCatalog")
