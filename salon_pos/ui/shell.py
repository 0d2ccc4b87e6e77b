"""The desktop app's parts, put together: translations, the task runner, the context, the main
window and the idle lock. Changing the language rebuilds the window; nobody is signed out."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from salon_pos.resources import resources_dir
from salon_pos.services.backend import Backend
from salon_pos.ui.context import UiContext
from salon_pos.ui.i18n import Translations
from salon_pos.ui.idle import IdleLock
from salon_pos.ui.main_window import MainWindow
from salon_pos.ui.tasks import TaskRunner


def style_sheet() -> str:
    path: Path = resources_dir() / "style.qss"
    return path.read_text(encoding="utf-8") if path.exists() else ""


class Shell:
    def __init__(self, app: QApplication, backend: Backend, language: str | None = None) -> None:
        self.app = app
        self.translations = Translations()
        self.translations.install(language or backend.settings.current.language)
        app.setStyleSheet(style_sheet())
        self.runner = TaskRunner()
        self.ctx = UiContext(backend, self.runner, self.translations.language)
        self.ctx.language_changed.connect(self.set_language)
        self.idle = IdleLock(self.ctx)
        app.installEventFilter(self.idle)
        self.window = MainWindow(self.ctx)

    def set_language(self, language: str) -> None:
        self.translations.install(language)
        self.ctx.language = self.translations.language
        staff, geometry = self.ctx.staff, self.window.geometry()
        old = self.window
        page = old.current_page_key()
        held = old.ticket_in_hand()
        self.window = MainWindow(self.ctx)
        self.window.setGeometry(geometry)
        self.window.show()
        old.close()
        old.deleteLater()
        if staff is not None:
            self.ctx.sign_in(staff)
            if held is not None:  # the ticket being rung up survives the change of language
                self.window.open_page("cashier").resume(held)  # type: ignore[attr-defined]
            if page is not None:
                self.window.open_page(page)  # the manager stays on Settings

    def settle(self, rounds: int = 200) -> None:
        """Let background tasks finish and their results paint (screenshots, tests)."""
        for _ in range(rounds):
            QCoreApplication.processEvents()
            if not self.runner.running:
                for _ in range(3):  # the results' callbacks, then the layouts they change
                    QCoreApplication.processEvents()
                return
            self.runner.wait_a_little()

    def close(self) -> None:
        self.runner.shutdown()
        self.window.close()
        self.window.deleteLater()  # its timers and signal connections go with it
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.app.removeEventFilter(self.idle)
        self.translations.uninstall()
