"""Composition root of the desktop app: backend → Qt application → main window."""

from __future__ import annotations

import argparse
import sys

from salon_pos.services.backend import Backend


def run_gui(backend: Backend, args: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QApplication

    from salon_pos.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Salon POS")
    backend.settings.current  # noqa: B018 -- NotInitialised, with how to set up, if not set up
    window = MainWindow(backend)
    window.show()
    if getattr(args, "screenshot", None):
        app.processEvents()
        window.grab().save(args.screenshot)
        return 0
    return app.exec()
