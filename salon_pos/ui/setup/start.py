"""The wizard as the app opens it on a first run: its own translations, task runner and context
(the shell, with the main window, is built only once the counter is set up)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from salon_pos.services.backend import Backend
from salon_pos.services.first_run import FirstPullRun, FirstRun
from salon_pos.ui.context import UiContext
from salon_pos.ui.i18n import Translations
from salon_pos.ui.setup.wizard import SetupWizard
from salon_pos.ui.shell import style_sheet
from salon_pos.ui.tasks import TaskRunner


class FirstRunSetup:
    def __init__(
        self,
        app: QApplication,
        backend: Backend,
        start: FirstRun,
        pull: FirstPullRun,
        language: str | None = None,
    ) -> None:
        """`language`: `gui --language`; else the counter's (set up by `init`), else Chinese."""
        if language is None and backend.settings.is_initialised():
            language = backend.settings.current.language
        self.translations = Translations()
        self.translations.install(language or "zh_CN")
        app.setStyleSheet(style_sheet())
        self.runner = TaskRunner()
        self.ctx = UiContext(backend, self.runner, self.translations.language)
        self.wizard = SetupWizard(self.ctx, start, pull)

    def close(self) -> None:
        """Wait for work under way (a stopped pull ends after its page), then let go."""
        self.wizard.pull.stop()
        self.runner.shutdown()
        self.wizard.close()
        self.wizard.deleteLater()
        self.translations.uninstall()
