"""Barcode scanner capture. A scanner is a keyboard that types digits and Enter very fast into
whatever has the focus; the cashier never clicks a field first.

An application event filter watches key presses into one window (the cashier's). Digits that
arrive less than `GAP_S` apart are collected; they still reach the focused widget, since a
person typing at normal speed must not lose keys. An Enter that follows six or more such digits
quickly is a scan: the Enter is swallowed, the digits are taken back out of a focused line
edit, and `scanned(code)` is emitted. The clock is passed in so tests can drive it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

GAP_S = 0.05  # scanners send a key every few ms; people rarely type faster than every 80 ms
MIN_DIGITS = 6
ENTER_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter}


@dataclass
class KeyBurst:
    """Digits typed quickly one after another, and where they went."""

    digits: str = ""
    last_at: float = 0.0
    target: QWidget | None = field(default=None, repr=False)


class BarcodeScanner(QObject):
    scanned = Signal(str)

    def __init__(
        self,
        window: Callable[[], QWidget | None],
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._window = window  # only keys into this window count (not a dialog over it)
        self.clock = clock  # public: tests drive it
        self._burst = KeyBurst()
        self._installed = False

    def install(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True

    def remove(self) -> None:
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False
        self._burst = KeyBurst()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not self._first_receiver(watched):
            return False
        assert isinstance(event, QKeyEvent)
        assert isinstance(watched, QWidget)
        return self.key_pressed(watched, event.key(), event.text())

    def key_pressed(self, target: QWidget | None, key: int, text: str) -> bool:
        """Note one key press; True if it ends a scan (and must go no further)."""
        now = self.clock()
        burst = self._burst
        fast = bool(burst.digits) and now - burst.last_at < GAP_S
        if key in ENTER_KEYS:
            self._burst = KeyBurst()
            if fast and len(burst.digits) >= MIN_DIGITS:
                self._take_back(burst)
                self.scanned.emit(burst.digits)
                return True
            return False
        if len(text) == 1 and text.isdigit() and text.isascii():
            if fast and target is burst.target:
                burst.digits += text
                burst.last_at = now
            else:
                self._burst = KeyBurst(text, now, target)
            return False
        self._burst = KeyBurst()
        return False

    def _first_receiver(self, watched: QObject) -> bool:
        """A key the focus widget ignores travels up to its parents, and the filter sees it
        again each time; count it once, where it was first delivered."""
        if not isinstance(watched, QWidget):
            return False
        window = self._window()
        if window is None or watched.window() is not window:
            return False
        focus = QApplication.focusWidget()
        return watched is (focus if focus is not None and focus.window() is window else window)

    @staticmethod
    def _take_back(burst: KeyBurst) -> None:
        """Remove the scanned digits from the line edit they were typed into."""
        field_ = burst.target
        if not isinstance(field_, QLineEdit):
            return
        text = field_.text()
        at = text.rfind(burst.digits)
        if at >= 0:
            field_.setText(text[:at] + text[at + len(burst.digits) :])
            field_.setCursorPosition(at)
