"""What the staff and catalog forms share: a message line, Save and Cancel, the save run on
the task runner, and on success the change announced and the dialog accepted; a refusal keeps
the dialog open with the reason."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from salon_pos.services.changes import QUEUED, Changes
from salon_pos.ui.context import UiContext
from salon_pos.ui.widgets import MessageLine


class SaveDialog(QDialog):
    def __init__(self, ctx: UiContext, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._ctx = ctx
        self.saved: Any = None
        self._changed: Callable[[Any], Changes] = lambda _saved: Changes()
        self.message = MessageLine()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName(f"{name}Save")

    def finish_layout(self, layout: QVBoxLayout) -> None:
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _save(self) -> None:
        raise NotImplementedError

    def run_save(self, work: Callable[[], Any], changed: Callable[[Any], Changes]) -> None:
        """Run `work` on the database worker; `changed(result)`: what to announce."""
        self._changed = changed
        self.save_button.setEnabled(False)
        self._ctx.runner.run(work, self._on_saved, self._on_refused)

    def _on_saved(self, saved: Any) -> None:
        self.saved = saved
        self._ctx.announce(self._changed(saved) | Changes.of(QUEUED))
        self.accept()

    def _on_refused(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.refused()
        self.message.show_error(self._ctx.message(error))

    def refused(self) -> None:
        """What to clear when a save is refused (a PIN field, say)."""
