"""Composition root of the desktop app: backend → Qt application → shell (window, idle lock)
→ the sync driver, ticked by the shell's scheduler while the window is up.

Only what the sign-in screen needs comes before its first paint; the sync driver (requests,
pydantic's wire models, APScheduler) is imported and started just after it (docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from salon_pos.paths import Paths
from salon_pos.services.backend import Backend

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from salon_pos.jobs.sync import SyncDriver

FIRST_PAINT_PROBE = "SALON_POS_EXIT_AFTER_FIRST_PAINT"  # tests/bench/gui.py times the real command
SYNC_START_DELAY_MS = 300  # after the first paint: the screen is up before sync's imports run


def run_gui(backend: Backend, args: argparse.Namespace) -> int:
    gc.freeze()  # see below: what the command-line part loaded (SQLAlchemy, models, services)
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QApplication

    from salon_pos.ui.errors import install_bug_hooks
    from salon_pos.ui.shell import Shell

    # Modules, classes and functions live as long as the app: a full collection walking
    # them (a few hundred thousand objects) finds nothing and costs tens of ms, each time.
    # Frozen, the collector skips them: about 0.1 s less to the sign-in screen, and shorter
    # pauses on the UI thread afterwards (docs/benchmarks.md).
    gc.freeze()

    backend.settings.current  # noqa: B018 -- NotInitialised, with how to set up, if not set up
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Salon POS")
    if getattr(args, "screenshot", None):
        from salon_pos.ui.screenshots import screenshot_of_copy

        screenshot_of_copy(app, backend, args.language, args.screen, args.screenshot)
        return 0
    shell = Shell(app, backend, getattr(args, "language", None))
    install_bug_hooks(shell.tell_error)  # a slot that raises is logged and told, not lost

    def first_painted() -> None:
        if os.environ.get(FIRST_PAINT_PROBE):
            print(f"first-paint {time.time():.6f}", flush=True)
            QCoreApplication.exit(0)
            return
        start = lambda: shell.start_sync(sync_driver(backend))  # noqa: E731
        QTimer.singleShot(SYNC_START_DELAY_MS, start)  # a no-op each tick until enrolled

    on_first_paint(shell.window.sign_in, first_painted)
    shell.window.show()
    code = app.exec()
    shell.close()
    return code


def on_first_paint(screen: QWidget, then: Callable[[], None]) -> None:
    """Call `then` once, when `screen` is first painted."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                screen.removeEventFilter(self)
                QTimer.singleShot(0, then)  # once this paint is done
            return False

    screen.installEventFilter(FirstPaint(screen))


def sync_driver(backend: Backend) -> SyncDriver:
    from salon_pos.jobs.sync import SyncDriver

    return SyncDriver(backend, Paths(backend.db.path.parent))  # the data folder holds the db
