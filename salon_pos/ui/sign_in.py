"""The sign-in screen: tap your name, type your PIN."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from salon_pos.domain.staff import Role
from salon_pos.services.staff import StaffMember
from salon_pos.ui.context import UiContext
from salon_pos.ui.widgets import MessageLine, PinPad, avatar_icon


class SignInScreen(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signInScreen")
        self._ctx = ctx
        self._chosen: StaffMember | None = None
        self._tiles = QButtonGroup(self)
        self._grid = QGridLayout()
        self.title = QLabel(ctx.backend.settings.current.store_name)
        self.title.setObjectName("signInStore")
        self.prompt = QLabel(self.tr("Tap your name, then enter your PIN"))
        self.prompt.setObjectName("signInPrompt")
        self.pad = PinPad()
        self.pad.setObjectName("pinPad")
        self.pad.entered.connect(self._on_pad_entered)
        self.message = MessageLine()
        staff_side = QVBoxLayout()
        staff_side.addWidget(self.title)
        staff_side.addWidget(self.prompt)
        staff_side.addLayout(self._grid)
        staff_side.addStretch()
        pad_side = QVBoxLayout()
        pad_side.addStretch()
        pad_side.addWidget(self.pad)
        pad_side.addWidget(self.message)
        pad_side.addStretch()
        layout = QHBoxLayout(self)
        layout.addLayout(staff_side, 3)
        layout.addLayout(pad_side, 2)
        self.reload_staff()

    def role_name(self, role: Role) -> str:
        return {
            Role.OWNER: self.tr("Owner"),
            Role.MANAGER: self.tr("Manager"),
            Role.FRONT_DESK: self.tr("Front desk"),
            Role.TECHNICIAN: self.tr("Technician"),
        }[role]

    def reload_staff(self) -> None:
        for button in self._tiles.buttons():
            self._tiles.removeButton(button)
            button.deleteLater()
        for index, member in enumerate(self._ctx.backend.staff.list()):
            tile = QToolButton()
            tile.setObjectName(f"staffTile_{member.id}")
            tile.setProperty("role", "staffTile")
            tile.setCheckable(True)
            tile.setIcon(avatar_icon(member.name))
            tile.setIconSize(QSize(56, 56))
            tile.setText(f"{member.name}\n{self.role_name(member.role)}")
            tile.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            tile.setMinimumSize(QSize(120, 116))
            tile.clicked.connect(lambda _=False, m=member: self.choose(m))
            self._tiles.addButton(tile)
            self._grid.addWidget(tile, index // 4, index % 4)

    def choose(self, member: StaffMember) -> None:
        self._chosen = member
        self.message.hide()
        self.prompt.setText(self.tr("{name}, enter your PIN").format(name=member.name))
        self.pad.clear()

    def reset(self) -> None:
        """Ready for the next person: nobody chosen, the staff list read afresh."""
        self._chosen = None
        self.reload_staff()
        self.prompt.setText(self.tr("Tap your name, then enter your PIN"))
        self.message.hide()
        self.pad.clear()

    def _on_pad_entered(self, pin: str) -> None:
        if self._chosen is None:
            self.message.show_error(self.tr("First tap your name."))
            return
        chosen = self._chosen
        self.pad.setEnabled(False)
        self._ctx.runner.run(
            lambda: self._ctx.backend.sign_in.sign_in(chosen.id, pin),
            self._on_signed_in,
            self._on_refused,
        )

    def _on_signed_in(self, member: StaffMember) -> None:
        self.pad.setEnabled(True)
        self.reset()
        self._ctx.sign_in(member)

    def _on_refused(self, error: BaseException) -> None:
        self.pad.setEnabled(True)
        self.pad.clear()
        self.message.show_error(self._ctx.message(error))
