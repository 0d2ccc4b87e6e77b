"""What the wizard's pages share: a title, a form, a message line, and a page whose Next or
Finish runs a use case in the background first and moves on only when it succeeded."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QFormLayout, QLineEdit, QVBoxLayout, QWizard, QWizardPage

from salon_pos.ui.context import UiContext
from salon_pos.ui.widgets import MessageLine


def line(name: str, placeholder: str = "") -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setPlaceholderText(placeholder)
    return field


class SetupPage(QWizardPage):
    def __init__(self, ctx: UiContext, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self._ctx = ctx
        self.message = MessageLine()
        self.column = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.column.addLayout(self.form)

    def finish_layout(self) -> None:
        self.column.addStretch()
        self.column.addWidget(self.message)

    def refuse(self, error: BaseException) -> None:
        self.message.show_error(self._ctx.message(error))

    def checked(self, check: Callable[[], Any]) -> bool:
        """Run a quick check on the UI thread; a UserError is shown and the page stays."""
        try:
            check()
        except Exception as error:  # a UserError's words, or a bug's note (logged)
            self.refuse(error)
            return False
        self.message.hide()
        return True


class WorkingPage(SetupPage):
    """Next (or Finish) runs `work()` off the UI thread; the wizard moves on once it is done."""

    network = True  # on the runner's I/O pool; False: on its database worker (a local write)

    def __init__(self, ctx: UiContext, name: str) -> None:
        super().__init__(ctx, name)
        self._passed = False
        self._busy = False

    def start(self) -> bool:
        """Check the page's fields before anything runs; False keeps the page."""
        return True

    def work(self) -> Any:
        raise NotImplementedError

    def working_text(self) -> str:
        return self.tr("Working…")

    def worked(self, result: Any) -> None:
        """On the UI thread, after `work` succeeded and before the wizard moves on."""

    def validatePage(self) -> bool:
        if self._passed:
            self._passed = False
            return True
        if self._busy or not self.start():
            return False
        self._set_busy(True)
        self.message.show_info(self.working_text())
        self._ctx.runner.run(self.work, self._on_worked, self._on_failed, device=self.network)
        return False

    def _on_worked(self, result: Any) -> None:
        self._set_busy(False)
        self.message.hide()
        self.worked(result)
        self._passed = True
        wizard = self.wizard()
        if wizard.nextId() == -1:
            wizard.accept()
        else:
            wizard.next()

    def _on_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.refuse(error)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        wizard = self.wizard()
        for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton):
            wizard.button(which).setEnabled(not busy)
        wizard.button(QWizard.WizardButton.FinishButton).setEnabled(not busy)
