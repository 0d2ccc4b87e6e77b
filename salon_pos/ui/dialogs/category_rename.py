"""Renaming a category: every service and product in it moves to the new name (each sent to
the server as an item change). A service that the new category already has is refused, and
nothing moves."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from salon_pos.services.changes import Changes
from salon_pos.ui.context import UiContext
from salon_pos.ui.dialogs.save_dialog import SaveDialog
from sync.operations.setup import CHANGE_CATALOG_ITEM


class CategoryRenameDialog(SaveDialog):
    def __init__(self, ctx: UiContext, current: str = "", parent: QWidget | None = None):
        super().__init__(ctx, "categoryRename", parent)
        self.setWindowTitle(self.tr("Rename a category"))
        self.old = QComboBox()
        self.old.setObjectName("renameFrom")
        self.old.addItems(ctx.backend.catalog.categories())
        if current:
            self.old.setCurrentText(current)
        self.new = QLineEdit()
        self.new.setObjectName("renameTo")
        form = QFormLayout()
        form.addRow(self.tr("Category"), self.old)
        form.addRow(self.tr("New name"), self.new)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.finish_layout(layout)
        self.setMinimumWidth(360)

    def _save(self) -> None:
        catalog, actor = self._ctx.backend.catalog, self._ctx.staff.id if self._ctx.staff else None
        old, new = self.old.currentText(), self.new.text()
        self.run_save(
            lambda: catalog.rename_category(old, new, actor),
            lambda _moved: Changes.of(CHANGE_CATALOG_ITEM),
        )
