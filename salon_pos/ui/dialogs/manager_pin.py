"""Asks a manager or owner to approve (a void, a refund, a large discount) with their PIN, and
for a reason where one is needed. The PIN is checked by the service that does the work; this
dialog only collects it, so the work and the check stay one call."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from salon_pos.ui.widgets import MessageLine, PinPad


class ManagerPinDialog(QDialog):
    def __init__(self, action: str, parent: QWidget | None = None, ask_reason: bool = False):
        super().__init__(parent)
        self.setObjectName("managerPinDialog")
        self.setWindowTitle(self.tr("Manager approval"))
        self.setModal(True)
        self.explain = QLabel(
            self.tr("A manager's PIN is needed to {action}.").format(action=action)
        )
        self.explain.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setObjectName("approvalReason")
        self.reason.setPlaceholderText(self.tr("Reason (required)"))
        self.reason.setVisible(ask_reason)
        self.pad = PinPad()
        self.pad.setObjectName("managerPinPad")
        self.pad.ok.setText(self.tr("Approve"))
        self.pad.entered.connect(self._on_pad_entered)
        self.message = MessageLine()
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.reason)
        layout.addWidget(self.pad)
        layout.addWidget(self.message)
        self.pin = ""
        self._ask_reason = ask_reason

    def _on_pad_entered(self, pin: str) -> None:
        if self._ask_reason and not self.reason.text().strip():
            self.message.show_error(self.tr("Please give a reason."))
            self.reason.setFocus()
            return
        self.pin = pin
        self.accept()

    def reason_text(self) -> str:
        return self.reason.text().strip()

    def refuse(self, message: str) -> None:
        """Show why the last PIN did not work and ask again (call before exec() again)."""
        self.pin = ""
        self.pad.clear()
        self.message.show_error(message)
