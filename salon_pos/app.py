"""Composition root of the desktop app: backend → Qt application → shell (window, idle lock)."""

from __future__ import annotations

import argparse
import sys

from salon_pos.services.backend import Backend


def run_gui(backend: Backend, args: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QApplication

    from salon_pos.ui.shell import Shell

    backend.settings.current  # noqa: B018 -- NotInitialised, with how to set up, if not set up
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Salon POS")
    shell = Shell(app, backend, getattr(args, "language", None))
    if getattr(args, "screenshot", None):
        from salon_pos.ui.screenshots import take_screenshot

        take_screenshot(shell, args.screen, args.screenshot)
        shell.close()
        return 0
    shell.window.show()
    code = app.exec()
    shell.close()
    return code
