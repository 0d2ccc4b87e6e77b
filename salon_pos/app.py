"""Composition root of the desktop app: backend → Qt application → shell (window, idle lock)
→ the sync driver, ticked by the shell's scheduler while the window is up. While nobody can
sign in (a first run), the setup wizard comes first and the shell once it is done.

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
from functools import partial
from typing import TYPE_CHECKING

from salon_pos.paths import Paths
from salon_pos.services.backend import Backend

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from salon_pos.jobs.backups import NightlyBackup
    from salon_pos.jobs.sync import SyncDriver
    from salon_pos.ui.setup.start import FirstRunSetup

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

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Salon POS")
    language = getattr(args, "language", None)
    if getattr(args, "screenshot", None):
        from salon_pos.ui.screenshots import screenshot_of_copy

        backend.settings.current  # noqa: B018 -- NotInitialised, with how to set up, if not set up
        screenshot_of_copy(
            app, backend, args.language, args.screen, args.screenshot, getattr(args, "size", None)
        )
        return 0
    shells: list[Shell] = []

    def open_counter() -> None:
        shell = Shell(app, backend, language)
        shells.append(shell)
        install_bug_hooks(shell.tell_error)  # a slot that raises is logged and told, not lost

        def first_painted() -> None:
            if os.environ.get(FIRST_PAINT_PROBE):
                print(f"first-paint {time.time():.6f}", flush=True)
                QCoreApplication.exit(0)
                return
            start = lambda: shell.start_sync(  # noqa: E731
                sync_driver(backend), jobs=[nightly_backup(backend)]
            )
            QTimer.singleShot(SYNC_START_DELAY_MS, start)  # a no-op each tick until enrolled

        on_first_paint(shell.window.sign_in, first_painted)
        shell.window.show()

    setup = first_run_setup(app, backend, language)  # nobody can sign in yet: the wizard
    if setup is None:
        open_counter()
    else:
        setup.wizard.ready.connect(open_counter)  # before the wizard closes: the app stays up
        if os.environ.get(FIRST_PAINT_PROBE):  # what opened, for tests/cli/test_cold_start.py
            on_first_paint(setup.wizard, partial(_say_and_quit, "setup-wizard"))
        setup.wizard.show()
    code = app.exec()
    for shell in shells:
        shell.close()
    if setup is not None:
        setup.close()
    return code


def _say_and_quit(what: str) -> None:
    from PySide6.QtCore import QCoreApplication

    print(what, flush=True)
    QCoreApplication.exit(0)


def first_run_setup(
    app: QApplication, backend: Backend, language: str | None
) -> FirstRunSetup | None:
    """The setup wizard when nobody can sign in here yet (services/first_run.py), else None."""
    from salon_pos.services.first_run import FirstRun, first_run

    start = first_run(backend)
    if start is FirstRun.DONE:
        return None
    from salon_pos.jobs.first_pull import first_pull
    from salon_pos.ui.setup.start import FirstRunSetup

    return FirstRunSetup(app, backend, start, partial(first_pull, backend), language)


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


def nightly_backup(backend: Backend) -> NightlyBackup:
    from salon_pos.jobs.backups import NightlyBackup

    return NightlyBackup(backend.backups, backend.clock)


def sync_driver(backend: Backend) -> SyncDriver:
    from salon_pos.jobs.sync import SyncDriver

    return SyncDriver(backend, Paths(backend.db.path.parent))  # the data folder holds the db
