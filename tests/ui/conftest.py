"""The desktop app under test: the real Shell over a real database, offscreen."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from salon_pos.services.backend import Backend
from salon_pos.ui.setup.start import FirstRunSetup
from salon_pos.ui.shell import Shell
from salon_pos.ui.translations import release


@pytest.fixture(scope="session", autouse=True)
def compiled_translations() -> None:
    release()  # the .qm files are build outputs, not in git


@pytest.fixture
def paper(tmp_path: Path) -> Path:
    """Where the receipt printer (a file printer) writes its bytes."""
    return tmp_path / "receipts.bin"


@pytest.fixture
def shell(qapp: QApplication, backend: Backend, paper: Path) -> Iterator[Shell]:
    backend.settings.update(printer_kind="file", printer_target=str(paper), paper_width_mm=58)
    shell = Shell(qapp, backend, "zh_CN")
    shell.window.show()
    yield shell
    shell.close()  # the window of the day (a language change replaces it), translators, runner
    gc.collect()  # free the Python side of closed widgets while the QApplication is still up


@pytest.fixture
def setup_of(qapp: QApplication) -> Iterator[list[FirstRunSetup]]:
    """Setup wizards a test opens, closed after it."""
    made: list[FirstRunSetup] = []
    yield made
    for setup in made:
        setup.close()
    gc.collect()
