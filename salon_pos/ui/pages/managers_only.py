"""A page for managers and owners only. The navigation hides it from everyone else (PAGES'
roles); if it is opened anyway, it shows a refusal instead of its content. A page some other
role may open too (the stock page: the front desk counts) says so with `opens()` and its own
`refusal_text()`, and shows that role only what it may use."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedLayout, QWidget

from salon_pos.domain.staff import Role
from salon_pos.ui.context import UiContext


class ManagersOnly(QWidget):
    def __init__(self, ctx: UiContext, content: QWidget) -> None:
        super().__init__()
        self._ctx = ctx
        self.refusal = QLabel(self.refusal_text())
        self.refusal.setObjectName("managersOnly")
        self.refusal.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack = QStackedLayout(self)
        self._stack.addWidget(content)
        self._stack.addWidget(self.refusal)

    def opens(self, role: Role) -> bool:
        """Who may open the page: a manager or owner, unless the page says otherwise."""
        return role.approves

    def refusal_text(self) -> str:
        return self.tr("Only a manager or owner can open this page.")

    def allowed(self) -> bool:
        """Shows the content to whoever may open the page, the refusal to anyone else."""
        staff = self._ctx.staff
        ok = staff is not None and self.opens(staff.role)
        self._stack.setCurrentIndex(0 if ok else 1)
        return ok

    def manages(self) -> bool:
        """Whether the one signed in is a manager or owner (all of the page is theirs)."""
        staff = self._ctx.staff
        return staff is not None and staff.role.approves
