"""The setup wizard: what opens instead of the sign-in screen while nobody can sign in here.

    new store:  choice → store → first manager → printer (Finish saves it all)
    join:       choice → server and code (enrolls) → first pull → [first manager] → printer
    `init` without a manager: first manager → printer;  enrolled, no staff yet: first pull → …

`ready` is emitted once everything is saved, before the wizard closes: the app opens the
sign-in screen on it (services/first_run.py decides which start applies; docs/first-run.md).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QWizard

from salon_pos.services.first_run import (
    FirstPullRun,
    FirstRun,
    add_first_manager,
    create_store,
    has_approver,
)
from salon_pos.ui.context import UiContext
from salon_pos.ui.pages.settings import FIELD_STYLE
from salon_pos.ui.setup.join_pages import JoinPage, PullPage
from salon_pos.ui.setup.store_pages import ChoicePage, ManagerPage, PrinterPage, StorePage

CHOICE, STORE, MANAGER, JOIN, PULL, PRINTER = range(6)
START = {FirstRun.CHOOSE: CHOICE, FirstRun.MANAGER: MANAGER, FirstRun.PULL: PULL}


class SetupWizard(QWizard):
    ready = Signal()  # the store, its manager and this counter's settings are saved

    def __init__(self, ctx: UiContext, start: FirstRun, pull: FirstPullRun) -> None:
        super().__init__()
        self.setObjectName("setupWizard")
        self.setWindowTitle(self.tr("Salon POS — set up this counter"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, False)
        self.ctx = ctx
        self.choice = ChoicePage(ctx)
        self.store = StorePage(ctx)
        self.manager = ManagerPage(ctx)
        self.join = JoinPage(ctx)
        self.pull = PullPage(ctx, pull)
        self.printer = PrinterPage(ctx, self.gather)
        pages = (self.choice, self.store, self.manager, self.join, self.pull, self.printer)
        for page_id, page in enumerate(pages):
            self.setPage(page_id, page)
        self.setStartId(START[start])
        self.rejected.connect(self.pull.stop)
        self.button(QWizard.WizardButton.FinishButton).setProperty("role", "primary")
        self.setStyleSheet(FIELD_STYLE)  # the combo and spin boxes as Settings shows them
        self.setMinimumSize(QSize(720, 560))
        self.resize(QSize(820, 600))  # fits a 1024×768 counter screen with room to spare

    def nextId(self) -> int:
        page = self.currentId()
        if page == CHOICE:
            return STORE if self.choice.new_store.isChecked() else JOIN
        if page == PULL:  # a store with nobody to approve yet gets its first manager here
            return PRINTER if has_approver(self.ctx.backend) else MANAGER
        return {STORE: MANAGER, MANAGER: PRINTER, JOIN: PULL}.get(page, -1)

    def gather(self) -> Callable[[], object]:
        """What Finish saves, read from the pages on the UI thread; the saving runs in the
        background (PrinterPage)."""
        backend, visited = self.ctx.backend, self.visitedIds()
        printer = self.printer.printer()
        manager = self.manager.manager() if MANAGER in visited else None
        if STORE in visited:
            store = self.store.store(self.ctx.language, printer)
            return lambda: create_store(backend, store, manager)
        kind, target, width = printer

        def save_counter() -> object:
            backend.settings.update(printer_kind=kind, printer_target=target, paper_width_mm=width)
            return add_first_manager(backend, manager) if manager is not None else None

        return save_counter

    def accept(self) -> None:
        if self.printer.saved:  # else Finish was clicked: the printer page saves, then accepts
            self.ready.emit()
        super().accept()
