"""The cashier's main window. The full cashier screens arrive with the desktop-app issue; for now
it shows the store, the counter and the state of the database."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from salon_pos.services.backend import Backend


class MainWindow(QMainWindow):
    def __init__(self, backend: Backend) -> None:
        super().__init__()
        settings = backend.settings.current
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Salon POS — {store}").format(store=settings.store_name))
        title = QLabel(settings.store_name)
        title.setObjectName("storeName")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setStyleSheet("font-size: 28px; font-weight: 600;")
        counter = QLabel(self.tr("收银台 Counter {prefix}").format(prefix=settings.counter_prefix))
        counter.setObjectName("counterPrefix")
        counter.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addStretch()
        layout.addWidget(title)
        layout.addWidget(counter)
        layout.addStretch()
        self.setCentralWidget(body)
        self.resize(1024, 700)
