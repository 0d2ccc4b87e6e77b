"""`python -m salon_pos.ui.setup.screenshots [FOLDER]`: the setup wizard's pages in both
languages, as docs/screenshots/setup_<page>_<language>.png (`make screenshots` runs it). Each
language gets a fresh data folder; the first pull page is shown half way, without a server."""

from __future__ import annotations

import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from salon_pos.paths import Paths
from salon_pos.services.backend import open_backend
from salon_pos.services.first_run import FirstPull, StoreData, first_run
from salon_pos.ui.setup.start import FirstRunSetup
from salon_pos.ui.setup.wizard import PULL, SetupWizard
from sync.pull import PullProgress


def _waiting_pull(_told: Callable[[PullProgress], None], stop: threading.Event) -> FirstPull:
    stop.wait(60)  # until the wizard closes
    return FirstPull(0, stopped=True, held=StoreData(0, 0, 0))


def _pages(wizard: SetupWizard, shot: Callable[[str], None]) -> None:
    shot("choice")
    wizard.next()
    wizard.store.store_name.setText("丽人美容（淮海路店）")
    shot("store")
    wizard.next()
    wizard.manager.name.setText("王静")
    wizard.manager.pin.setText("8888")
    wizard.manager.again.setText("888")
    wizard.next()  # refused: the PINs differ, as the page says
    shot("manager")
    wizard.manager.again.setText("8888")
    wizard.next()
    shot("printer")
    for _ in range(3):
        wizard.back()
    wizard.choice.join.setChecked(True)
    wizard.next()
    wizard.join.server.setText("https://sync.example.com")
    wizard.join.code.setText("7K3Q-9XPA")
    wizard.join.prefix.setText("A2")
    shot("join")
    wizard.setStartId(PULL)
    wizard.restart()
    wizard.pull._on_progressed(PullProgress(1200, 3400))
    shot("pull")


def save_screenshots(folder: Path) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    folder.mkdir(parents=True, exist_ok=True)
    for language in ("zh_CN", "en"):
        with tempfile.TemporaryDirectory() as home:
            backend = open_backend(Paths(Path(home)))
            setup = FirstRunSetup(app, backend, first_run(backend), _waiting_pull, language)
            setup.wizard.show()

            def shot(page: str, wizard: SetupWizard = setup.wizard, lang: str = language) -> None:
                for _ in range(20):
                    QCoreApplication.processEvents()
                wizard.grab().save(str(folder / f"setup_{page}_{lang}.png"))

            _pages(setup.wizard, shot)
            setup.close()
            backend.close()


if __name__ == "__main__":
    save_screenshots(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
