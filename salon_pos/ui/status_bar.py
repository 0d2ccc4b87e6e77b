"""The status bar: who is signed in, the business day, the server, what waits, the printer."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from salon_pos.domain.business_day import business_day
from salon_pos.services.outbox_status import OutboxStatus, outbox_status
from salon_pos.ui.context import UiContext

REFRESH_MS = 10_000


class StatusBar(QStatusBar):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.user = self._label("statusUser")
        self.day = self._label("statusBusinessDay")
        self.network = self._label("statusNetwork")
        self.pending = self._label("statusPending")
        self.printer = self._label("statusPrinter")
        self.network.setText(self.tr("Server: not connected"))
        self.printer.setText(self.tr("Printer: ready"))
        self.pending.setText(self.tr("Waiting to sync: {count}").format(count="…"))
        ctx.staff_changed.connect(self._on_ctx_staff_changed)
        ctx.data_changed.connect(self._on_ctx_data_changed)
        ctx.printer_state_changed.connect(self._on_ctx_printer_state_changed)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(REFRESH_MS)
        self._on_ctx_staff_changed(ctx.staff)
        self.refresh()

    def _label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        self.addPermanentWidget(label)
        return label

    def _on_ctx_data_changed(self, _what: str) -> None:
        self.refresh()

    def refresh(self) -> None:
        settings = self._ctx.backend.settings.current
        day = business_day(self._ctx.backend.clock.now(), settings.time_zone, settings.cutover_hour)
        self.day.setText(self.tr("Business day {day}").format(day=day.isoformat()))
        db = self._ctx.backend.db
        self._ctx.runner.run(lambda: outbox_status(db), self._show_pending)

    def _show_pending(self, status: OutboxStatus) -> None:
        self.pending.setText(self.tr("Waiting to sync: {count}").format(count=status.pending))

    def _on_ctx_staff_changed(self, staff: object) -> None:
        name = getattr(staff, "name", "")
        self.user.setText(self.tr("Signed in: {name}").format(name=name) if name else "")

    def _on_ctx_printer_state_changed(self, ok: bool, message: str) -> None:
        self.printer.setText(
            self.tr("Printer: ready")
            if ok
            else self.tr("Printer: {problem}").format(problem=message)
        )
        self.printer.setProperty("kind", "info" if ok else "error")
        self.printer.style().unpolish(self.printer)
        self.printer.style().polish(self.printer)
