"""Starting a stocktake (开始盘点): the whole store, or only the categories ticked (a shelf
counted on a quiet morning). One stocktake is open at a time; the service says so."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QRadioButton, QVBoxLayout, QWidget

from salon_pos.services.changes import Changes
from salon_pos.services.stocktake import StocktakeView
from salon_pos.ui.context import UiContext
from salon_pos.ui.dialogs.save_dialog import SaveDialog
from sync.operations.inventory import CHANGE_STOCKTAKE


class StartStocktakeDialog(SaveDialog):
    def __init__(
        self, ctx: UiContext, categories: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, "stocktakeStartForm", parent)
        self.setWindowTitle(self.tr("Start a stocktake"))
        self.whole = QRadioButton(self.tr("The whole store"))
        self.whole.setObjectName("stocktakeWhole")
        self.some = QRadioButton(self.tr("Only these categories:"))
        self.some.setObjectName("stocktakeSome")
        self.categories = QListWidget()
        self.categories.setObjectName("stocktakeCategories")
        for name in categories:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.categories.addItem(item)
        self.whole.setChecked(True)
        self.categories.setEnabled(False)
        self.some.toggled.connect(self.categories.setEnabled)
        layout = QVBoxLayout(self)
        layout.addWidget(self.whole)
        layout.addWidget(self.some)
        layout.addWidget(self.categories, 1)
        self.finish_layout(layout)
        self.setMinimumSize(360, 360)

    def ticked(self) -> list[str]:
        items = (self.categories.item(i) for i in range(self.categories.count()))
        return [i.text() for i in items if i.checkState() == Qt.CheckState.Checked]

    def tick(self, *names: str) -> None:
        self.some.setChecked(bool(names))
        for i in range(self.categories.count()):
            item = self.categories.item(i)
            checked = item.text() in names
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _save(self) -> None:
        categories = self.ticked() if self.some.isChecked() else []
        if self.some.isChecked() and not categories:
            self.message.show_error(self.tr("Tick the categories to count."))
            return
        takes, staff = self._ctx.backend.stocktakes, self._ctx.staff.id if self._ctx.staff else ""
        self.run_save(lambda: takes.start(staff, categories), started_changes)


def started_changes(started: StocktakeView) -> Changes:
    return Changes.of(CHANGE_STOCKTAKE, started.id)
