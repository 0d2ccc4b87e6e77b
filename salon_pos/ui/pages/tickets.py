"""Placeholder: the tickets screen is being built."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from salon_pos.ui.context import UiContext


class TicketsPage(QWidget):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.setObjectName("ticketsPage")
        self._ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("tickets")))
