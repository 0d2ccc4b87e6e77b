"""Loading the UI's translations. English is the source language; zh_CN is the default.

Each UI module has its own .ts file in resources/translations/<language>/ (so two screens can be
translated at once without touching the same file); the set-up compiles them into .qm files
beside them (`python -m salon_pos.ui.translations release`), and every .qm found is installed.
Qt's own qtbase translation turns standard buttons into 确定 / 取消.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from salon_pos.resources import resources_dir

LANGUAGES = {"zh_CN": "中文", "en": "English"}


def translations_dir(language: str) -> Path:
    return resources_dir() / "translations" / language


class Translations:
    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = "en"

    def uninstall(self) -> None:
        app = QCoreApplication.instance()
        for translator in self._installed:
            if app is not None:
                app.removeTranslator(translator)
        self._installed = []

    def install(self, language: str) -> None:
        app = QCoreApplication.instance()
        assert app is not None
        self.uninstall()
        self.language = language if language in LANGUAGES else "zh_CN"
        QLocale.setDefault(QLocale(self.language))
        if self.language == "en":
            return
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        files = [(f"qtbase_{self.language}", qt_dir)] + [
            (qm.stem, str(qm.parent)) for qm in sorted(translations_dir(self.language).glob("*.qm"))
        ]
        for name, folder in files:
            translator = QTranslator(app)
            if translator.load(name, folder):
                app.installTranslator(translator)
                self._installed.append(translator)
