"""The wizard's pages for joining a store: the server's address and the enrollment code, then
the first pull of the store's staff, catalog, settings and customers, with its progress."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar

from salon_pos.security.device_token import DeviceTokens
from salon_pos.services.first_run import FirstPull, FirstPullRun, JoinRequest, enroll_counter
from salon_pos.ui.context import UiContext
from salon_pos.ui.setup.page import SetupPage, WorkingPage, line
from salon_pos.ui.widgets import button
from sync.pull import PullProgress


class JoinPage(WorkingPage):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx, "setupJoin")
        self.setTitle(self.tr("Join a store"))
        self.setSubTitle(
            self.tr(
                "The owner makes an enrollment code for this counter on the server; it works once."
            )
        )
        self.server = line("serverUrl", "http://192.168.1.10:8000")
        self.code = line("enrollmentCode")
        self.prefix = line("joinCounterPrefix", self.tr("such as A2"))
        self.prefix.setMaxLength(4)
        self.form.addRow(self.tr("Server address"), self.server)
        self.form.addRow(self.tr("Enrollment code"), self.code)
        self.form.addRow(self.tr("Counter prefix"), self.prefix)
        note = QLabel(
            self.tr(
                "Each counter of the store has its own ticket prefix: the server refuses one that "
                "another counter uses."
            )
        )
        note.setWordWrap(True)
        note.setProperty("role", "muted")
        self.form.addRow("", note)
        self._request: JoinRequest | None = None
        self.finish_layout()

    def start(self) -> bool:
        request = JoinRequest(
            self.server.text().strip(),
            self.code.text().strip(),
            self.prefix.text().strip().upper(),
            self._ctx.language,
        )
        self._request = request
        return self.checked(request.check)

    def work(self) -> Any:
        backend, request = self._ctx.backend, self._request
        assert request is not None
        if backend.sync.enrollment() is not None:  # back from the next page: joined already
            return None
        return enroll_counter(backend, request, DeviceTokens())

    def working_text(self) -> str:
        return self.tr("Contacting the server…")


class PullPage(SetupPage):
    """Starts the pull when shown; Stop ends it after the page being saved (the rest comes with
    the next sync rounds); Try again after an error goes on from where it stopped."""

    progressed = Signal(object)  # PullProgress, emitted on the pull's thread

    def __init__(self, ctx: UiContext, pull: FirstPullRun) -> None:
        super().__init__(ctx, "setupPull")
        self.setTitle(self.tr("Getting the store's data"))
        self.setSubTitle(
            self.tr(
                "Staff, catalog, settings and customers come from the server before the first sale."
            )
        )
        self._pull = pull
        self._stop: threading.Event | None = None
        self.result: FirstPull | None = None
        self.bar = QProgressBar()
        self.bar.setObjectName("firstPullProgress")
        self.status = QLabel()
        self.status.setObjectName("firstPullStatus")
        self.status.setWordWrap(True)
        self.stop_button = button(self.tr("Stop"), "stopPull")
        self.stop_button.clicked.connect(self._on_stop_clicked)
        self.retry = button(self.tr("Try again"), "retryPull")
        self.retry.clicked.connect(self.start_pull)
        row = QHBoxLayout()
        row.addWidget(self.stop_button)
        row.addWidget(self.retry)
        row.addStretch()
        self.column.addWidget(self.bar)
        self.column.addWidget(self.status)
        self.column.addLayout(row)
        self.progressed.connect(self._on_progressed)
        self.finish_layout()

    def initializePage(self) -> None:
        if self.result is None and self._stop is None:
            self.start_pull()

    def cleanupPage(self) -> None:
        self.stop()  # Back: the pull under way ends after its page

    def isComplete(self) -> bool:
        return self.result is not None

    def running(self) -> bool:
        return self._stop is not None

    def stop(self) -> None:
        if self._stop is not None:
            self._stop.set()

    def start_pull(self) -> None:
        stop = self._stop = threading.Event()
        self.result = None
        self.completeChanged.emit()
        self.bar.setRange(0, 0)  # busy until the server says how much there is
        self.status.setText(self.tr("Asking the server what the store holds…"))
        self.message.hide()
        self._show_running(True)

        def progress(done: PullProgress) -> None:
            try:
                self.progressed.emit(done)
            except RuntimeError:  # the wizard is gone: stop after this page
                stop.set()

        self._ctx.runner.run(
            lambda: self._pull(progress, stop), self._on_pulled, self._on_failed, device=True
        )

    def _on_progressed(self, progress: PullProgress) -> None:
        self.bar.setRange(0, max(progress.total, 1))
        self.bar.setValue(progress.pulled)
        self.status.setText(
            self.tr("{pulled} of {total} changes received").format(
                pulled=f"{progress.pulled:,}", total=f"{progress.total:,}"
            )
        )

    def _on_stop_clicked(self) -> None:
        self.stop()
        self.stop_button.setEnabled(False)
        self.status.setText(self.tr("Stopping after the changes being saved…"))

    def _on_pulled(self, result: FirstPull) -> None:
        self._stop = None
        self.result = result
        self._show_running(False)
        self.bar.setRange(0, 1)
        self.bar.setValue(1 if not result.stopped else 0)
        held = result.held
        text = self.tr("{staff} staff, {items} catalog items and {customers} customers are here.")
        summary = text.format(staff=held.staff, items=held.catalog_items, customers=held.customers)
        if result.stopped:
            summary = self.tr("Stopped; the rest comes with the next sync. ") + summary
        self.status.setText(summary)
        self.retry.setVisible(result.stopped)
        self.completeChanged.emit()

    def _on_failed(self, error: BaseException) -> None:
        self._stop = None
        self._show_running(False)
        self.bar.setRange(0, 1)
        self.status.setText("")
        self.refuse(error)
        self.retry.setVisible(True)

    def _show_running(self, running: bool) -> None:
        self.stop_button.setVisible(running)
        self.stop_button.setEnabled(running)
        self.retry.setVisible(False)
