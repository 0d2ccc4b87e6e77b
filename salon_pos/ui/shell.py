"""The desktop app's parts, put together: translations, the task runner, the context, the main
window, the idle lock and the sync driver's scheduler. Changing the language rebuilds the
window; nobody is signed out, and sync goes on."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from salon_pos.resources import resources_dir
from salon_pos.services.backend import Backend
from salon_pos.services.changes import QUEUED, Changes
from salon_pos.ui.context import UiContext
from salon_pos.ui.i18n import Translations
from salon_pos.ui.idle import IdleLock
from salon_pos.ui.main_window import MainWindow
from salon_pos.ui.tasks import TaskRunner

if TYPE_CHECKING:  # APScheduler is imported when sync starts, after the sign-in screen shows
    from salon_pos.ui.sync_scheduler import PeriodicJob, SyncDriverPort, SyncScheduler


def style_sheet() -> str:
    path: Path = resources_dir() / "style.qss"
    return path.read_text(encoding="utf-8") if path.exists() else ""


class Shell:
    def __init__(
        self,
        app: QApplication,
        backend: Backend,
        language: str | None = None,
        sync_driver: SyncDriverPort | None = None,
        *,
        watch_network: bool = True,
    ) -> None:
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
        self.sync: SyncScheduler | None = None
        self._closed = False
        if sync_driver is not None:
            self.start_sync(sync_driver, watch_network)

    def start_sync(
        self,
        driver: SyncDriverPort,
        watch_network: bool = True,
        jobs: Sequence[PeriodicJob] = (),
    ) -> None:
        """Tick the driver every second; wake it after a change (a sale to push) and on
        "sync now"; read the status again after each round. `jobs`: the app's other periodic
        jobs (the nightly backup), on the same scheduler."""
        from salon_pos.ui.sync_scheduler import SyncScheduler

        self.sync = SyncScheduler(driver)
        self.sync.ticked.connect(self._on_sync_ticked)
        self.ctx.sync_requested.connect(self.sync.wake)
        self.ctx.changed.connect(self._on_ctx_changed)
        for job in jobs:
            self.sync.add_job(job)
        self.sync.start(watch_network)

    def _on_sync_ticked(self, result: object) -> None:
        if result is not None:  # a round ran (an idle tick returns None): show what it did
            self.ctx.refresh_sync_status()
            changed = getattr(result, "changed", None)
            if isinstance(changed, Changes):
                self.ctx.announce(changed)  # what the pull brought: screens refresh

    def _on_ctx_changed(self, changes: Changes) -> None:
        if self.sync is not None and changes.touches(QUEUED):
            self.sync.wake()  # something to push: at once

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

    def tell_error(self, error: BaseException) -> None:
        """An error nobody caught (an exception that escaped a slot): say so over the window,
        without stopping anything (errors.install_bug_hooks logged it first)."""
        box = QMessageBox(QMessageBox.Icon.Warning, "Salon POS", self.ctx.message(error))
        box.setObjectName("uncaughtError")
        box.setParent(self.window, box.windowFlags())
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

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
        """Stop sync, the runner and the window; a second call does nothing."""
        if self._closed:
            return
        self._closed = True
        if self.sync is not None:  # first: a round under way may still hand work to the runner
            self.sync.shutdown()
            self.sync.deleteLater()
            self.sync = None
        self.runner.shutdown()
        self.window.close()
        self.window.deleteLater()  # its timers and signal connections go with it
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.app.removeEventFilter(self.idle)
        self.translations.uninstall()
