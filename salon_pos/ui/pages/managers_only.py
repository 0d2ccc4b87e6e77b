"""A page for managers and owners only. The navigation hides it from everyone else (PAGES'
roles); if it is opened anyway, it shows a refusal instead of its content."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedLayout, QWidget

from salon_pos.ui.context import UiContext


class ManagersOnly(QWidget):
    def __init__(self, ctx: UiContext, content: QWidget) -> None:
        super().__init__()
        self._ctx = ctx
        self.refusal = QLabel(self.tr("Only a manager or owner can open this page."))
        self.refusal.setObjectName("managersOnly")
        self.refusal.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack = QStackedLayout(self)
        self._stack.addWidget(content)
        self._stack.addWidget(self.refusal)

    def allowed(self) -> bool:
        """Shows the content to a manager or owner, the refusal to anyone else."""
        staff = self._ctx.staff
        ok = staff is not None and staff.role.approves
        self._stack.setCurrentIndex(0 if ok else 1)
        return ok
