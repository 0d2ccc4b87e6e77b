from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from salon_pos.services.backend import Backend
from salon_pos.ui.main_window import MainWindow


def test_main_window_shows_the_store_and_counter(qtbot: QtBot, backend: Backend) -> None:
    window = MainWindow(backend)
    qtbot.addWidget(window)
    window.show()
    assert window.findChild(QLabel, "storeName").text() == "丽人美容（测试店）"
    assert "A1" in window.findChild(QLabel, "counterPrefix").text()
    assert "丽人美容（测试店）" in window.windowTitle()
