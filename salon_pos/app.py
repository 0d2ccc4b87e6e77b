"""Composition root of the desktop app: backend → Qt application → shell (window, idle lock)
→ the sync driver, ticked by the shell's scheduler while the window is up."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from salon_pos.paths import Paths
from salon_pos.services.backend import Backend

if TYPE_CHECKING:
    from salon_pos.jobs.sync import SyncDriver


def run_gui(backend: Backend, args: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QApplication

    from salon_pos.ui.errors import install_bug_hooks
    from salon_pos.ui.shell import Shell

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
    shell.start_sync(sync_driver(backend))  # a no-op each tick until the counter is enrolled
    shell.window.show()
    code = app.exec()
    shell.close()
    return code


def sync_driver(backend: Backend) -> SyncDriver:
    from salon_pos.jobs.sync import SyncDriver

    return SyncDriver(backend, Paths(backend.db.path.parent))  # the data folder holds the db
