"""Locks the app after a while untouched: back to the sign-in screen (the sale in hand stays)."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer

from salon_pos.ui.context import UiContext

INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.TouchBegin,
    QEvent.Type.Wheel,
}


class IdleLock(QObject):
    def __init__(self, ctx: UiContext, check_every_ms: int = 5_000) -> None:
        super().__init__()
        self._ctx = ctx
        self.last_input = time.monotonic()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(check_every_ms)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self.last_input = time.monotonic()
        return False

    def check(self) -> None:
        minutes = self._ctx.backend.settings.current.idle_lock_minutes
        idle = time.monotonic() - self.last_input
        if minutes and self._ctx.staff is not None and idle >= minutes * 60:
            self._ctx.sign_out()
