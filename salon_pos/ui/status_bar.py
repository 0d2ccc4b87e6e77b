"""The status bar: who is signed in, the business day, the link to the server (a coloured dot),
what waits to be synced and for how long, the last sync and its last error, "sync now", and
the printer (none set up, not tried yet, ready, or why the last print failed).

The sync figures come from `SyncService.status()`, read on the database worker by the context
after each sync round and every few seconds; nothing here waits for the network."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QPushButton, QStatusBar, QWidget

from salon_pos.domain.business_day import business_day
from salon_pos.services.changes import PARKED, QUEUED, SETTINGS, Changes
from salon_pos.services.sync_status import ConnectionState, SyncStatus
from salon_pos.ui.context import UiContext

REFRESH_MS = 5_000
SYNC_NOW_PAUSE_MS = 2_000  # the button rests while the round it asked for runs
AMBER_AFTER = timedelta(hours=1)
RED_AFTER = timedelta(hours=12)
ERROR_CHARS = 20

DOT_COLOURS = {
    ConnectionState.ONLINE: "#2e7d32",
    ConnectionState.OFFLINE: "#c77700",
    ConnectionState.REFUSED: "#b3261e",
    ConnectionState.NOT_ENROLLED: "#9e9e9e",
}
STYLE = """
QLabel { padding: 0 6px; }
QLabel#statusSyncDot { font-size: 16px; padding: 0 0 0 6px; }
QLabel[level="warn"] { color: #7a4f00; background: #ffe8b3; border-radius: 4px; }
QLabel[level="alert"] { color: #ffffff; background: #c62828; border-radius: 4px; }
QLabel#statusSyncError { color: #b3261e; }
QPushButton#syncNow { padding: 0 10px; min-height: 0; border-radius: 4px; }
"""


def pending_level(status: SyncStatus, now: datetime) -> str:
    """ "ok", "warn" (the oldest waiting more than an hour) or "alert" (more than 12 hours).
    A counter that is not enrolled has nowhere to send: its queue is not a warning."""
    oldest = status.oldest_pending_at
    if status.state is ConnectionState.NOT_ENROLLED or not status.pending or oldest is None:
        return "ok"
    age = now - oldest
    return "alert" if age > RED_AFTER else "warn" if age > AMBER_AFTER else "ok"


def short(text: str) -> str:
    first = text.strip().splitlines()[0] if text.strip() else ""
    return first if len(first) <= ERROR_CHARS else first[: ERROR_CHARS - 1] + "…"


class StatusBar(QStatusBar):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setStyleSheet(STYLE)
        self.user = self._label("statusUser")
        self.day = self._label("statusBusinessDay")
        self.dot = self._label("statusSyncDot")
        self.dot.setText("●")
        self.network = self._label("statusNetwork")
        self.pending = self._label("statusPending")
        self.last_sync = self._label("statusLastSync")
        self.error = self._label("statusSyncError")
        for sync_label in (self.network, self.pending, self.last_sync, self.error):
            sync_label.setMinimumWidth(1)  # a long text is cut short; the window never widens
        self.sync_now = QPushButton(self.tr("Sync now"))
        self.sync_now.setObjectName("syncNow")
        self.sync_now.clicked.connect(self._on_sync_now_clicked)
        self.addPermanentWidget(self.sync_now)
        self.printer = self._label("statusPrinter")  # short texts (a reason is cut): never cut
        self._printer_set_up = self._printer_settings()
        self._show_printer_set_up()
        self.status: SyncStatus | None = None
        self._resting = QTimer(self)
        self._resting.setSingleShot(True)
        self._resting.timeout.connect(self._update_sync_now)
        ctx.staff_changed.connect(self._on_ctx_staff_changed)
        ctx.changed.connect(self._on_ctx_changed)
        ctx.printer_state_changed.connect(self._on_ctx_printer_state_changed)
        ctx.sync_status_changed.connect(self.show_sync)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(REFRESH_MS)
        self._on_ctx_staff_changed(ctx.staff)
        if ctx.sync_status is not None:
            self.show_sync(ctx.sync_status)
        else:
            self.network.setText(self.tr("Server: …"))
        self.refresh()

    def _label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        self.addPermanentWidget(label)
        return label

    def refresh(self) -> None:
        settings = self._ctx.backend.settings.current
        day = business_day(self._ctx.backend.clock.now(), settings.time_zone, settings.cutover_hour)
        self.day.setText(self.tr("Business day {day}").format(day=day.isoformat()))
        self._ctx.refresh_sync_status()

    # Sync

    def show_sync(self, status: SyncStatus) -> None:
        self.status = status
        enrolled = status.state is not ConnectionState.NOT_ENROLLED
        self.dot.setStyleSheet(f"color: {DOT_COLOURS[status.state]};")
        self.dot.setProperty("state", status.state.value)
        self.network.setText(self.connection_text(status.state))
        not_enrolled = self.tr("This counter is not enrolled with a server yet.")
        self.network.setToolTip((status.server_url or "") if enrolled else not_enrolled)
        self.pending.setText(self.pending_text(status))
        self.pending.setToolTip(self.pending.text())
        self._set_level(self.pending, pending_level(status, self._ctx.backend.clock.now()))
        self.last_sync.setText(self.last_sync_text(status.last_sync_at))
        self.last_sync.setVisible(enrolled)
        self.error.setText(
            self.tr("Sync error: {error}").format(error=short(status.last_error or ""))
        )
        self.error.setToolTip(status.last_error or "")
        self.error.setVisible(enrolled and bool(status.last_error))
        self._update_sync_now()

    def connection_text(self, state: ConnectionState) -> str:
        return {
            ConnectionState.ONLINE: self.tr("Server: online"),
            ConnectionState.OFFLINE: self.tr("Server: offline"),
            ConnectionState.REFUSED: self.tr("Server: refused (device revoked)"),
            ConnectionState.NOT_ENROLLED: self.tr("Not enrolled"),
        }[state]

    def pending_text(self, status: SyncStatus) -> str:
        if not status.pending:
            text = self.tr("All synced")
        elif status.oldest_pending_at is None:
            text = self.tr("{count} to sync").format(count=status.pending)
        else:
            age = self.age_text(self._ctx.backend.clock.now() - status.oldest_pending_at)
            text = self.tr("{count} to sync · oldest {age}")
            text = text.format(count=status.pending, age=age)
        if status.parked:
            text += self.tr(" · {count} refused by the server").format(count=status.parked)
        if status.changes_waiting:
            waiting = self.tr(" · {count} received changes waiting (update the app?)")
            text += waiting.format(count=status.changes_waiting)
        if status.history is not None:
            past = self.tr(" · receiving the store's past tickets: {percent}%")
            text += past.format(percent=int(status.history * 100))
        return text

    def age_text(self, age: timedelta) -> str:
        minutes = max(int(age.total_seconds()) // 60, 0)
        if minutes < 1:
            return self.tr("just now")
        if minutes < 60:
            return self.tr("{n} min ago").format(n=minutes)
        if minutes < 48 * 60:
            return self.tr("{n} h ago").format(n=minutes // 60)
        return self.tr("{n} days ago").format(n=minutes // (24 * 60))

    def last_sync_text(self, when: datetime | None) -> str:
        if when is None:
            return self.tr("Not synced yet")
        zone = ZoneInfo(self._ctx.backend.settings.current.time_zone)
        local, today = when.astimezone(zone), self._ctx.backend.clock.now().astimezone(zone)
        shown = local.strftime("%H:%M" if local.date() == today.date() else "%m-%d %H:%M")
        return self.tr("Last sync {time}").format(time=shown)

    def _set_level(self, label: QLabel, level: str) -> None:
        label.setProperty("level", level)
        label.style().unpolish(label)
        label.style().polish(label)

    def _update_sync_now(self) -> None:
        """Shown only to a counter with a server to sync with (the room goes to the texts at
        1024 px wide); resting while the round it asked for runs."""
        enrolled = self.status is not None and self.status.state is not ConnectionState.NOT_ENROLLED
        self.sync_now.setVisible(enrolled)
        self.sync_now.setEnabled(enrolled and not self._resting.isActive())

    def _on_sync_now_clicked(self) -> None:
        self._ctx.sync_requested.emit()
        self._resting.start(SYNC_NOW_PAUSE_MS)
        self._update_sync_now()

    # Other slots

    def _on_ctx_changed(self, changes: Changes) -> None:
        from sync.operations.conflicts import CHANGE_CONFLICT  # pydantic: after the first paint

        if changes.touches(SETTINGS) and self._printer_settings() != self._printer_set_up:
            self._printer_set_up = self._printer_settings()
            self._show_printer_set_up()  # another printer: not tried yet
        if changes.touches(QUEUED, CHANGE_CONFLICT, PARKED, SETTINGS):
            self.refresh()

    def _on_ctx_staff_changed(self, staff: object) -> None:
        name = getattr(staff, "name", "")
        self.user.setText(self.tr("Signed in: {name}").format(name=name) if name else "")

    # The printer: none set up, not tried yet, ready, or why the last print failed

    def _printer_settings(self) -> tuple[str, str, int]:
        settings = self._ctx.backend.settings.current
        return settings.printer_kind, settings.printer_target, settings.paper_width_mm

    def _show_printer_set_up(self) -> None:
        if self._printer_set_up[0] == "none":  # not a fault: this counter prints no receipts
            self._show_printer("", self.tr("No receipt printer"))
        else:
            self._show_printer("", self.tr("Printer: not tried yet"))

    def _on_ctx_printer_state_changed(self, ok: bool, message: str) -> None:
        if self._printer_set_up[0] == "none":
            self._show_printer_set_up()
        elif ok:
            self._show_printer("info", self.tr("Printer: ready"))
        else:
            problem = self.tr("Printer: {problem}").format(problem=short(message))
            self._show_printer("error", problem, message)

    def _show_printer(self, kind: str, text: str, tip: str = "") -> None:
        self.printer.setText(text)
        self.printer.setToolTip(tip)
        self.printer.setProperty("kind", kind)
        self.printer.style().unpolish(self.printer)
        self.printer.style().polish(self.printer)
